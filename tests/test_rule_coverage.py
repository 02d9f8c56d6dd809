"""The rule coverage report (``benchmarks/rule_coverage.py``) on a tiny invented corpus."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from .conftest import load_benchmark

coverage = load_benchmark("rule_coverage")

RECORDS = [
    {
        "id": "fiksi-1",
        "outlet": "kompas.com",
        "text": "BOGOR, KOMPAS.com - Hujan deras melanda kota pada Rabu (20/10/2021).",
    },
    {"id": "fiksi-2", "outlet": "kompas.com", "text": "DEPOK, KOMPAS.com - Pasar malam dibuka lagi."},
    {"id": "fiksi-3", "outlet": None, "text": "Warga memanen padi di sawah."},
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "raw").mkdir(parents=True)
    (root / "raw" / "fiksi.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return root


def test_counts_texts_per_rule_and_outlet(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cov.json"
    assert coverage.main(["--corpus", str(corpus), "--json", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["texts"] == 3
    rules = doc["rules"]
    assert rules["body:unclaimed"]["texts"] == 3
    assert rules["prefix:A/<outlet>"]["outlets"] == {"kompas.com": 2}  # the outlet id is data, not the rule
    assert rules["newsdate:first-sentence"] == {
        "texts": 1,
        "segments": 0,
        "outlets": {"kompas.com": 1},
        "examples": ["fiksi-1"],
    }  # a fact fires without claiming text
    assert "newsdate:first-sentence" in doc["rare"]
    assert "body:unclaimed" not in doc["rare"]
    assert "noise:copyright" in doc["never_fired"]
    text = capsys.readouterr().out
    assert "rule coverage: 3 texts, 2 outlets" in text
    assert "rare rules (fire on <= 1 text)" in text


def test_raw_ids_keep_the_outlet(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "cov.json"
    assert coverage.main(["--corpus", str(corpus), "--raw-ids", "--json", str(out)]) == 0
    assert "prefix:A/kompas" in json.loads(out.read_text(encoding="utf-8"))["rules"]


def test_never_fired_matches_marker_variants() -> None:
    cov = coverage.Coverage()
    cov.add("t", "x.com", Counter({"inserts:line/baca-juga": 1, "noise:a": 1}))
    assert cov.never_fired(["inserts:*/baca-juga", "inserts:*/simak", "noise:a", "noise:b"]) == [
        "inserts:*/simak", "noise:b"]


def test_defined_rules_come_from_the_locale_data() -> None:
    defined = coverage.defined_rules()
    assert any(r.startswith("noise:") for r in defined)
    assert any(r.startswith("inserts:") for r in defined)


def test_no_corpus(tmp_path: Path) -> None:
    assert coverage.main(["--corpus", str(tmp_path / "absent")]) == 0
