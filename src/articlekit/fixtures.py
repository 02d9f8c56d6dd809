"""Fixture pairs: a page (``name.txt``) and what its parse must give (``name.json``).

A ``name.json`` holds three parts:

- ``meta``: written by hand (what the case is about, where its shape comes from);
- ``checks``: written by hand, the independent truth in the terms of ``docs/parse-rules.md``
  (outlet domain, place, date, inserts, attribution, link blocks, body start/end, junk, keep);
- ``expected``: a snapshot of the parse, generated, reviewed with ``git diff``.

Regenerate the snapshots (never silently: review the diff)::

    python -m articlekit.fixtures --update tests/fixtures

Without ``--update`` the command compares and prints every difference. A case whose ``meta``
says ``"expect": "fail"`` is a known failure: reported, not counted as failed, until it passes
(then it is a failure, so the mark gets removed). The pytest plugin
(:mod:`articlekit.pytest_plugin`) runs the same comparison as one test per case.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .models import Article
from .pipeline import Pipeline, parse

__all__ = [
    "CaseResult",
    "FixtureCase",
    "check_case",
    "compare_case",
    "compare_checks",
    "diff_snapshot",
    "find_cases",
    "known_failure",
    "load_pipeline",
    "main",
    "snapshot",
    "update_case",
]


def _fold(s: str) -> str:
    return " ".join(s.split())


@dataclass(frozen=True)
class FixtureCase:
    """One fixture pair on disk."""

    txt: Path
    json: Path

    @property
    def name(self) -> str:
        return self.txt.stem

    def text(self) -> str:
        # newline="" keeps CR characters: the page is read exactly as written
        with self.txt.open(encoding="utf-8", newline="") as fh:
            return fh.read()

    def data(self) -> dict[str, Any]:
        if not self.json.exists():
            return {}
        loaded: dict[str, Any] = json.loads(self.json.read_text(encoding="utf-8"))
        return loaded


def known_failure(case: FixtureCase) -> str | None:
    """The reason when the case's ``meta`` says ``"expect": "fail"`` (a known failure), else ``None``."""
    meta = case.data().get("meta", {})
    if isinstance(meta, dict) and meta.get("expect") == "fail":
        return str(meta.get("why_fails", "known failure"))
    return None


def find_cases(folder: str | Path) -> list[FixtureCase]:
    """Every ``*.txt`` under ``folder`` (recursively) with its ``.json`` beside it, sorted."""
    root = Path(folder)
    return [FixtureCase(p, p.with_suffix(".json")) for p in sorted(root.rglob("*.txt"))]


def snapshot(article: Article) -> dict[str, Any]:
    """The reviewable snapshot of a parse: every field but the input text, spans kept.

    ``body`` (the paragraphs joined) and ``readings`` (where the outlet, place and date were read,
    which the segments and the dateline's spans already pin) are left out too.
    """
    data = article.model_dump(mode="json", exclude={"text", "body", "readings"})
    data["segments"] = [[s["kind"], s["start"], s["end"], s["why"]] for s in data["segments"]]
    return data


def compare_checks(article: Article, checks: Mapping[str, Any]) -> list[str]:
    """Differences between ``article`` and hand-written ``checks`` (the rules of docs/parse-rules.md)."""
    problems: list[str] = []
    got_outlet = article.outlet.domain if article.outlet else None
    got_place = article.dateline.place if article.dateline else None
    got_date = article.dateline.date.isoformat() if article.dateline and article.dateline.date else None

    def same(a: object, b: object) -> bool:
        if a is None or b is None:
            return a is b
        return _fold(str(a)).casefold() == _fold(str(b)).casefold()

    for key, got in (("outlet", got_outlet), ("place", got_place), ("date", got_date)):
        if key in checks and not same(checks[key], got):
            problems.append(f"{key}: expected {checks[key]!r}, got {got!r}")
    if "inserts" in checks:
        want = [_fold(x) for x in checks["inserts"]]
        got_i = [_fold(i.headline) for i in article.inserts]
        if want != got_i:
            problems.append(f"inserts: expected {want!r}, got {got_i!r}")
    if "attribution" in checks:
        want_a = {x.casefold() for x in checks["attribution"]}
        got_a = {x.casefold() for x in (article.attribution.sources if article.attribution else [])}
        if want_a != got_a:
            problems.append(f"attribution: expected {sorted(want_a)!r}, got {sorted(got_a)!r}")
    if "title" in checks and _fold(checks["title"] or "") != _fold(article.title or ""):
        problems.append(f"title: expected {checks['title']!r}, got {article.title!r}")
    for key in ("published", "updated"):
        if key in checks:
            value = getattr(article, key)
            got_t = value.isoformat() if value is not None else None
            if checks[key] != got_t:
                problems.append(f"{key}: expected {checks[key]!r}, got {got_t!r}")
    if "link_headings" in checks:
        want_h = [_fold(h).casefold() for h in checks["link_headings"]]
        got_h = [_fold(h).casefold() for h in article.link_headings]
        if want_h != got_h:
            problems.append(f"link_headings: expected {checks['link_headings']!r}, got {article.link_headings!r}")
    if "link_blocks" in checks:
        want_b = [[h, n] for h, n in checks["link_blocks"]]
        got_b = [[b.heading, len(b.items)] for b in article.link_blocks]
        if want_b != got_b:
            problems.append(f"link_blocks: expected {want_b!r}, got {got_b!r}")
    body = _fold(article.body)
    if checks.get("body_start") is not None and not body.startswith(_fold(checks["body_start"])):
        problems.append(f"body_start: expected {checks['body_start']!r}, body starts {body[:60]!r}")
    if checks.get("body_end") is not None and not body.endswith(_fold(checks["body_end"])):
        problems.append(f"body_end: expected {checks['body_end']!r}, body ends {body[-60:]!r}")
    for junk in checks.get("junk", []):
        if _fold(junk) in body:
            problems.append(f"junk leaked into the body: {junk!r}")
    for keep in checks.get("keep", []):
        if _fold(keep) not in body:
            problems.append(f"keep lost from the body: {keep!r}")
    return problems


def _fmt(value: Any, width: int = 200) -> str:
    s = json.dumps(value, ensure_ascii=False)
    return s if len(s) <= width else s[: width - 1] + "…"


def _is_leaf(value: Any) -> bool:
    """A scalar, or a list of scalars (a segment row, a list of sources): reported whole."""
    if isinstance(value, dict):
        return False
    if isinstance(value, list):
        return not any(isinstance(v, dict | list) for v in value)
    return True


def _segment_note(path: str, value: Any, text: str | None) -> str:
    """For a snapshot segment row ``[kind, start, end, why]``: the page text it covers."""
    if text is None or not path.startswith("segments[") or not isinstance(value, list) or len(value) != 4:
        return ""
    start, end = value[1], value[2]
    if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start < end <= len(text):
        return ""
    piece = " ".join(text[start:end].split())
    return f"  {piece[:60] + '…' if len(piece) > 60 else piece!r}" if piece else ""


def _diff(path: str, want: Any, got: Any, out: list[str], text: str | None = None) -> None:
    if want == got:
        return
    if isinstance(want, dict) and isinstance(got, dict):
        for key in sorted(set(want) | set(got)):
            sub = f"{path}.{key}" if path else key
            if want.get(key) == got.get(key):  # a field missing on one side counts as null
                continue
            if key not in got:
                out.append(f"{sub}: expected {_fmt(want[key])}, the parse has no such field")
            elif key not in want:
                out.append(f"{sub}: not in the snapshot, the parse gives {_fmt(got[key])}")
            else:
                _diff(sub, want[key], got[key], out, text)
    elif isinstance(want, list) and isinstance(got, list) and not (_is_leaf(want) and _is_leaf(got)):
        # element by element; where elements were added or removed, say which
        matcher = difflib.SequenceMatcher(
            a=[_fmt(x, 10**9) for x in want], b=[_fmt(x, 10**9) for x in got], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            if tag == "replace" and i2 - i1 == j2 - j1:
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                    _diff(f"{path}[{j}]", want[i], got[j], out, text)
                continue
            for i in range(i1, i2):
                out.append(f"{path}[{i}]: removed (expected, not in the parse) {_fmt(want[i])}"
                           f"{_segment_note(f'{path}[{i}]', want[i], text)}")
            for j in range(j1, j2):
                out.append(f"{path}[{j}]: added (in the parse, not expected) {_fmt(got[j])}"
                           f"{_segment_note(f'{path}[{j}]', got[j], text)}")
    else:
        out.append(f"{path}: expected {_fmt(want)}, got {_fmt(got)}{_segment_note(path, got, text)}")


def diff_snapshot(want: Any, got: Any, *, text: str | None = None, limit: int = 30) -> list[str]:
    """Field-level differences between an expected snapshot and a new one, one line each.

    Paths name the field (``dateline.date``, ``segments[4]``); rows added or removed from a
    list are reported as such rather than as a shift of every later row. With ``text`` (the
    page), a segment row also shows the text it covers. At most ``limit`` lines, then a count.

    >>> want = {"dateline": {"date": "2024-03-14"}, "notes": [],
    ...         "segments": [["outlet", 0, 9, "prefix:D/suara"], ["body", 12, 30, "body:unclaimed"]]}
    >>> got = {"dateline": {"date": None}, "notes": ["empty"],
    ...        "segments": [["body", 0, 30, "body:unclaimed"]]}
    >>> for line in diff_snapshot(want, got, text="Suara.com - Harga cabai turun."):
    ...     print(line)
    dateline.date: expected "2024-03-14", got null
    notes: expected [], got ["empty"]
    segments[0]: removed (expected, not in the parse) ["outlet", 0, 9, "prefix:D/suara"]  'Suara.com'
    segments[1]: removed (expected, not in the parse) ["body", 12, 30, "body:unclaimed"]  'Harga cabai turun.'
    segments[0]: added (in the parse, not expected) ["body", 0, 30, "body:unclaimed"]  'Suara.com - Harga cabai turun.'
    """
    out: list[str] = []
    _diff("", want, got, out, text)
    if len(out) > limit:
        out = [*out[:limit], f"... and {len(out) - limit} more differences"]
    return out


def load_pipeline(spec: str) -> Pipeline:
    """The pipeline named by ``"package.module:name"``: a :class:`Pipeline`, or a function without
    arguments that returns one. Raises ``ValueError`` saying what is wrong."""
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise ValueError(f"a pipeline is named as 'package.module:name', not {spec!r}")
    try:
        obj: Any = getattr(importlib.import_module(module_name), attr)
        if not isinstance(obj, Pipeline) and callable(obj):
            obj = obj()
    except Exception as exc:  # a module that does not import, or a factory that fails
        raise ValueError(f"{spec!r}: {type(exc).__name__}: {exc}") from exc
    if not isinstance(obj, Pipeline):
        raise ValueError(f"{spec!r} must name a Pipeline or a function without arguments that returns one, "
                         f"got {type(obj).__name__}")
    return obj


def parse_case(case: FixtureCase, pipeline: Callable[[str], Article] | None = None) -> Article:
    """Parse the case's page with ``pipeline`` (default: :func:`articlekit.parse`)."""
    return pipeline(case.text()) if pipeline is not None else parse(case.text())


@dataclass(frozen=True)
class CaseResult:
    """The comparison of one case with its parse.

    ``checks`` lists the hand-written checks that failed, ``snapshot`` the field-level
    differences from the ``expected`` snapshot, and ``missing`` says there is no snapshot yet.
    """

    case: FixtureCase
    article: Article
    checks: list[str]
    snapshot: list[str]
    missing: bool

    @property
    def ok(self) -> bool:
        return not (self.checks or self.snapshot or self.missing)

    @property
    def problems(self) -> list[str]:
        """Every difference as one flat list (hand checks first, then the snapshot)."""
        out = [f"checks: {p}" for p in self.checks]
        if self.missing:
            out.append("expected: no snapshot yet (run with --update and review it)")
        out.extend(f"snapshot: {d}" for d in self.snapshot)
        return out


def compare_case(case: FixtureCase, pipeline: Callable[[str], Article] | None = None,
                 *, article: Article | None = None) -> CaseResult:
    """Parse the case (or take ``article``) and compare it with the hand checks and the snapshot."""
    if article is None:
        article = parse_case(case, pipeline)
    data = case.data()
    checks = compare_checks(article, data.get("checks", {}))
    missing = "expected" not in data
    diffs = [] if missing else diff_snapshot(data["expected"], snapshot(article), text=article.text)
    return CaseResult(case, article, checks, diffs, missing)


def check_case(case: FixtureCase, pipeline: Pipeline | None = None) -> list[str]:
    """Every difference for one case: hand checks first, then the snapshot."""
    return compare_case(case, pipeline).problems


def update_case(case: FixtureCase, pipeline: Callable[[str], Article] | None = None,
                *, article: Article | None = None) -> bool:
    """Rewrite the case's ``expected`` snapshot (keeping ``meta`` and ``checks``); True if it changed.

    A case without a ``.json`` file gets one holding only the snapshot.
    """
    if article is None:
        article = parse_case(case, pipeline)
    data = case.data()
    new = snapshot(article)
    if data.get("expected") == new:
        return False
    data["expected"] = new
    ordered: dict[str, Any] = {k: data[k] for k in ("meta", "checks", "expected") if k in data}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    case.json.write_text(json.dumps(ordered, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return True


def _iter(folder: Sequence[str]) -> Iterator[FixtureCase]:
    for f in folder:
        yield from find_cases(f)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m articlekit.fixtures",
                                 description="Compare fixture pairs with the parser, or regenerate snapshots.")
    ap.add_argument("folders", nargs="+", help="folders holding name.txt + name.json pairs")
    ap.add_argument("--update", action="store_true", help="rewrite the 'expected' snapshots (review with git diff)")
    ap.add_argument("--pipeline", metavar="MODULE:NAME",
                    help="parse with this Pipeline (or a function returning one) instead of articlekit.parse")
    args = ap.parse_args(argv)
    nlp: Pipeline | None = None
    if args.pipeline:
        try:
            nlp = load_pipeline(args.pipeline)
        except ValueError as exc:
            ap.error(f"--pipeline {exc}")
    failed = changed = total = known = 0
    for case in _iter(args.folders):
        total += 1
        if args.update:
            if update_case(case, nlp):
                changed += 1
                print(f"updated {case.json}")
            continue
        problems = check_case(case, nlp)
        why = known_failure(case)
        if why is not None and problems:  # a known failure ("expect": "fail" in its meta)
            known += 1
            print(f"XFAIL {case.name} ({why})")
        elif why is not None:
            failed += 1
            print(f"XPASS {case.name}: it passes now; remove \"expect\": \"fail\" from its meta")
        elif problems:
            failed += 1
            print(f"FAIL {case.name}")
            for p in problems:
                print(f"  {p}")
    if args.update:
        print(f"{changed} of {total} snapshots rewritten; review them with: git diff -- {' '.join(args.folders)}")
        return 0
    print(f"{total - failed - known} passed, {failed} failed" + (f", {known} known failures" if known else ""))
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
