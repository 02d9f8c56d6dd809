"""``benchmarks/corpus_run.py`` on an invented corpus with a fake parser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from articlekit.models import Article, Outlet, Paragraph, Segment, Span

from .conftest import load_benchmark

corpus_run = load_benchmark("corpus_run")

RECORDS = [
    {"id": "r-1", "outlet": "suara.com", "text": "Suara.com - Jembatan baru diresmikan.\nWarga senang."},
    {"id": "r-2", "outlet": "suara.com", "text": "Lampu jalan padam semalam."},
    {"id": "r-3", "outlet": "tempo.co", "text": "RUSAK total."},
]


def fake_parse(text: str) -> Article:
    """Lines are body paragraphs; a ``Suara.com - `` prefix is the outlet; RUSAK raises."""
    if text.startswith("RUSAK"):
        raise ValueError("cannot parse")
    segments, paragraphs = [], []
    outlet = None
    start = 0
    if text.startswith("Suara.com - "):
        start = len("Suara.com - ")
        outlet = Outlet(id="suara", name="Suara.com", domain="suara.com", span=Span(start=0, end=start))
        segments.append(Segment(kind="outlet", start=0, end=start, why="fake"))
    for m in re.finditer(r"[^\n]+", text[start:]):
        s, e = m.start() + start, m.end() + start
        segments.append(Segment(kind="body", start=s, end=e, why="fake"))
        paragraphs.append(Paragraph(text=text[s:e], span=Span(start=s, end=e)))
    body = "\n\n".join(p.text for p in paragraphs)
    return Article(text=text, lang="id", outlet=outlet, segments=segments, paragraphs=paragraphs, body=body)


def test_run_counts_per_outlet() -> None:
    result = corpus_run.run(RECORDS, fake_parse)
    suara = result.stats["suara.com"]
    assert suara.texts == 2
    assert suara.with_outlet == 1
    assert suara.crashes == 0
    assert 0.5 < suara.body_share_sum / 2 < 1.0
    assert result.stats["tempo.co"].crashes == 1
    assert [p.id for p in result.crashes] == ["r-3"]
    assert result.invalid == []
    assert result.total().texts == 3


def test_violations_are_counted() -> None:
    def no_segments(text: str) -> Article:
        return Article(text=text, lang="id")

    result = corpus_run.run(RECORDS[:1], no_segments)
    assert result.stats["suara.com"].invalid == 1
    assert "not covered" in result.invalid[0].messages[0]


def test_main(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert corpus_run.main(["--corpus", str(tmp_path / "absent")]) == 0
    assert "no corpus" in capsys.readouterr().out
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "x.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS), encoding="utf-8")
    assert corpus_run.main(["--corpus", str(tmp_path)], parse=fake_parse) == 1
    out = capsys.readouterr().out
    assert "TOTAL" in out
    assert "ValueError: cannot parse" in out
    assert corpus_run.main(["--corpus", str(tmp_path), "--limit", "2"], parse=fake_parse) == 0
