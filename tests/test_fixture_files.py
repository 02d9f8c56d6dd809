"""Sanity checks on the hand-written fixture cases in ``tests/fixtures`` (no parser needed).

Every case is a pair ``<name>.txt`` (the page text) + ``<name>.json`` (the expected
checks). These tests only read the files: they make sure each JSON document has the
agreed shape and that every string it quotes really occurs in its text, so a typo in a
fixture fails here rather than as a mysterious parser regression.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
MIN_CASES = 50
CHECK_FIELDS = (
    "outlet",
    "place",
    "date",
    "inserts",
    "attribution",
    "link_blocks",
    "body_start",
    "body_end",
    "junk",
    "keep",
)
# Page-dump fields of docs/parse-rules.md: required in page cases (p01-...), allowed in any case.
PAGE_FIELDS = ("title", "published", "updated", "link_headings")
# ISO forms docs/parse-rules.md writes: date only, time without zone, time with zone (+07:00, -05:00, +00:00)
TIMESTAMP_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:\d{2})?)?$")
TOP_KEYS = {"meta", "checks", "expected"}
# a series letter, two or more digits (r99 is followed by r100), then words: c01-…, r100-…, seed-suara
NAME_RE = re.compile(r"^(?:[crpl]\d{2,}|seed)-[a-z0-9]+(?:-[a-z0-9]+)*$")
NAME_RULE = ("a fixture is named <series><number>-<words>: series c, r, p or l, a number of two or more digits "
             "(r07, r100), words of lower-case letters and digits joined by hyphens (r100-tail-after-gallery)")
FROM_RE = re.compile(r"^(?:C\d{2}|corpus shape|outlet shape|negative|seed)$")
DOMAIN_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$")

JSON_FILES = sorted(FIXTURES.glob("*.json"))


def fold(text: str) -> str:
    """Collapse every whitespace run (space, tab, CR, LF, no-break space) to one space."""
    return " ".join(text.split())


def load_case(path: Path) -> tuple[dict[str, Any], str]:
    """The parsed JSON document of a case and its page text (read as bytes: CR characters are kept)."""
    doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    text = path.with_suffix(".txt").read_bytes().decode("utf-8")
    return doc, text


def strings_of(checks: dict[str, Any]) -> list[tuple[str, str]]:
    """Every quoted string of a case that must occur in its text, as (field, value)."""
    out: list[tuple[str, str]] = [("body_start", checks["body_start"]), ("body_end", checks["body_end"])]
    out += [("junk", s) for s in checks["junk"]]
    out += [("keep", s) for s in checks["keep"]]
    out += [("inserts", s) for s in checks["inserts"] if s]
    out += [("link_blocks", block[0]) for block in checks["link_blocks"]]
    if checks.get("title"):
        out.append(("title", checks["title"]))
    out += [("link_headings", h) for h in checks.get("link_headings", [])]
    return out


def test_enough_cases_and_complete_pairs() -> None:
    """Every .txt has its .json and the other way round; there are at least MIN_CASES cases."""
    txt = {p.stem for p in FIXTURES.glob("*.txt")}
    js = {p.stem for p in JSON_FILES}
    assert txt == js, f"unpaired files: {sorted(txt ^ js)}"
    assert len(js) >= MIN_CASES


def test_every_conventions_example_is_present() -> None:
    """The 42 constructed cases C01..C42 each have exactly one fixture."""
    froms = [json.loads(p.read_text(encoding="utf-8"))["meta"]["from"] for p in JSON_FILES]
    for n in range(1, 43):
        assert froms.count(f"C{n:02d}") == 1, f"C{n:02d}"


@pytest.mark.parametrize("path", JSON_FILES, ids=lambda p: p.stem)
def test_case_shape(path: Path) -> None:
    """The JSON document has meta + checks (and optionally expected) with every field typed as agreed."""
    if not NAME_RE.match(path.stem):
        pytest.fail(f"{path.name}: bad fixture name {path.stem!r}; {NAME_RULE}", pytrace=False)
    doc, _ = load_case(path)
    assert {"meta", "checks"} <= set(doc) <= TOP_KEYS
    meta = doc["meta"]
    assert isinstance(meta["comment"], str) and meta["comment"].strip()
    if not FROM_RE.match(meta["from"]):
        pytest.fail(f"{path.name}: meta.from is {meta['from']!r}; "
                    "it is C01…C42, 'corpus shape', 'outlet shape', 'negative' or 'seed'",
                    pytrace=False)
    checks = doc["checks"]
    page_case = path.stem.startswith("p") or any(f in checks for f in PAGE_FIELDS)
    assert set(checks) == set(CHECK_FIELDS) | (set(PAGE_FIELDS) if page_case else set())
    outlet, place, date = checks["outlet"], checks["place"], checks["date"]
    assert outlet is None or DOMAIN_RE.match(outlet), outlet
    assert place is None or (isinstance(place, str) and place == place.title()), place
    if date is not None:
        assert dt.date.fromisoformat(date).isoformat() == date
    for field in ("inserts", "attribution", "junk", "keep"):
        assert isinstance(checks[field], list) and all(isinstance(s, str) for s in checks[field]), field
    assert all(s for s in checks["attribution"] + checks["junk"] + checks["keep"])
    for block in checks["link_blocks"]:
        assert isinstance(block, list) and len(block) == 2, block
        assert isinstance(block[0], str) and block[0].strip()
        assert isinstance(block[1], int) and block[1] >= 1
    for field in ("body_start", "body_end"):
        assert isinstance(checks[field], str)
    if page_case:
        check_page_fields(checks)


def check_page_fields(checks: dict[str, Any]) -> None:
    """title, published, updated and link_headings are typed as docs/parse-rules.md writes them."""
    title = checks["title"]
    assert title is None or (isinstance(title, str) and title.strip() and title == title.strip()), title
    for field in ("published", "updated"):
        value = checks[field]
        if value is None:
            continue
        assert isinstance(value, str) and TIMESTAMP_RE.match(value), (field, value)
        if len(value) == 10:
            assert dt.date.fromisoformat(value).isoformat() == value, (field, value)
        else:
            assert dt.datetime.fromisoformat(value).isoformat() == value, (field, value)
    headings = checks["link_headings"]
    assert isinstance(headings, list) and all(isinstance(h, str) and h.strip() for h in headings), headings
    # every reported link block is one heading of link_headings, in the same order
    assert [block[0] for block in checks["link_blocks"]] == headings


@pytest.mark.parametrize("path", JSON_FILES, ids=lambda p: p.stem)
def test_quoted_strings_occur_in_text(path: Path) -> None:
    """body_start, body_end, junk, keep, insert headlines and link headings all occur in the text."""
    doc, text = load_case(path)
    folded = fold(text)
    checks = doc["checks"]
    if not checks["body_start"]:  # a page with no story at all
        assert checks["body_end"] == "" and checks["keep"] == []
    for field, value in strings_of(checks):
        if field in ("body_start", "body_end") and not value:
            continue
        assert fold(value) in folded, f"{field}: {value!r}"


@pytest.mark.parametrize("path", JSON_FILES, ids=lambda p: p.stem)
def test_body_strings_are_consistent(path: Path) -> None:
    """keep lies between body_start and body_end, and no junk string sits inside a body string."""
    doc, text = load_case(path)
    checks = doc["checks"]
    if not checks["body_start"]:
        return
    folded = fold(text)
    start = folded.find(fold(checks["body_start"]))
    end = folded.rfind(fold(checks["body_end"])) + len(fold(checks["body_end"]))
    assert start < end
    region = folded[start:end]
    for keep in checks["keep"]:
        assert fold(keep) in region, keep
    body_strings = [checks["body_start"], checks["body_end"], *checks["keep"]]
    for junk in checks["junk"]:
        for body in body_strings:
            assert fold(junk) not in fold(body), (junk, body)


@pytest.mark.parametrize("path", JSON_FILES, ids=lambda p: p.stem)
def test_carriage_returns_only_in_cr_cases(path: Path) -> None:
    """CR characters appear only in the cases about them (their names say `cr`)."""
    raw = path.with_suffix(".txt").read_bytes()
    if b"\r" in raw:
        assert re.search(r"(?:^|-)cr(?:lf)?(?:-|$)", path.stem), path.stem


def test_fixture_names_are_unbounded() -> None:
    """r99 is followed by r100; a bad name is refused with the rule spelled out, not a bare assertion."""
    assert all(NAME_RE.match(n) for n in ("r07-x", "r100-tail-after-gallery", "p1234-a", "seed-suara"))
    assert not any(NAME_RE.match(n) for n in ("r7-x", "R07-x", "r07_x", "x07-a", "r07-"))
    assert "two or more digits" in NAME_RULE
