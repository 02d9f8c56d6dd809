"""One id, one definition: every ``why`` a parse prints is defined exactly once, and found verbatim in ``src/``.

A ``why`` reads ``stage:rule`` or ``stage:rule/entry``. The rule is a named constant in code
(``define_rule("stage:rule", …)``, the id written in full) or a locale data entry whose ``id`` is the
rule's name; the entry after ``/`` is an ``id`` in a data file (an insert marker, a catalogued outlet).
The whys are collected over every fixture page, and over the corpus when ``../shared/corpus`` is there.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

import articlekit
from articlekit.fixtures import find_cases

from .conftest import FIXTURES, ROOT, SHARED

SRC = ROOT / "src" / "articlekit"
CODE = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SRC.rglob("*.py")))
DATA = "\n".join(p.read_text(encoding="utf-8") for p in sorted((SRC / "data").rglob("*.toml")))
RULES = {r.id: r for r in articlekit.list_rules()}
WHY = re.compile(r"(?P<rule>(?P<stage>[a-z]+):(?P<name>[A-Za-z0-9_.-]+))(?:/(?P<entry>[a-z0-9_-]+))?")


def _data_id(name: str) -> bool:
    return re.search(rf"""^\s*id\s*=\s*["']{re.escape(name)}["']\s*$""", DATA, re.M) is not None


def problem(why: str) -> str | None:
    """Why ``why`` breaks the rule, or ``None``."""
    m = WHY.fullmatch(why)
    if m is None:
        return "not of the form stage:rule or stage:rule/entry"
    rule, name, entry = m["rule"], m["name"], m["entry"]
    if rule not in RULES:
        return f"{rule!r} is not a rule that articlekit rules lists"
    if f'"{rule}"' not in CODE and not _data_id(name):
        return f"{rule!r} is not written in full in src/ (a define_rule constant, or a data entry's id)"
    if entry is not None and not _data_id(entry):
        return f"the entry {entry!r} after '/' is no id in src/articlekit/data"
    return None


def _fixture_whys() -> Counter[str]:
    seen: Counter[str] = Counter()
    for case in find_cases(FIXTURES):
        art = articlekit.parse(case.text())
        seen.update(s.why for s in art.segments)
        seen.update(r.why for r in art.readings)
    return seen


def _corpus_texts(root: Path) -> Iterator[str]:
    for path in sorted([*root.glob("raw/*.jsonl"), *root.glob("pages/*.jsonl")]):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get("text")
                if isinstance(text, str):
                    yield text


def _report(seen: Counter[str]) -> list[str]:
    return [f"{why} ({n}x): {p}" for why, n in sorted(seen.items()) if (p := problem(why))]


def test_every_why_over_the_fixtures_is_defined_once() -> None:
    seen = _fixture_whys()
    assert seen, "no fixture pages"
    bad = _report(seen)
    assert not bad, "whys with no single definition:\n" + "\n".join(bad)


def test_every_why_over_the_corpus_is_defined_once() -> None:
    corpus = SHARED / "corpus"
    if not (corpus / "raw").is_dir():
        pytest.skip("../shared/corpus is absent")
    seen: Counter[str] = Counter()
    for art in articlekit.parse_many(_corpus_texts(corpus)):
        seen.update(s.why for s in art.segments)
        seen.update(r.why for r in art.readings)
    bad = _report(seen)
    assert not bad, "whys with no single definition:\n" + "\n".join(bad)


def test_the_checker_refuses_what_it_should() -> None:
    assert problem("inserts:line/baca-juga") is None
    assert problem("noise:advertisement") is None
    assert problem("inserts:baca-juga-line") is not None  # a layout glued onto a data id
    assert problem("inserts:line/no-such-marker") is not None
    assert problem("repeats:nothing") is not None
    assert problem("no colon") is not None


def test_code_rules_are_defined_with_their_id_in_full() -> None:
    for rule in articlekit.list_rules():
        if rule.where.endswith(".toml") or ".toml:" in rule.where:
            continue
        path, line = rule.where.rsplit(":", 1)
        assert f'"{rule.id}"' in (SRC.parent / path).read_text(encoding="utf-8").splitlines()[int(line) - 1], rule
