"""Fixture pairs: a page (``name.txt``) and what its parse must give (``name.json``).

A ``name.json`` holds three parts:

- ``meta``: written by hand (what the case is about, where its shape comes from);
- ``checks``: written by hand, the independent truth in the terms of ``LABELS.md``
  (outlet domain, place, date, inserts, attribution, link blocks, body start/end, junk, keep);
- ``expected``: a snapshot of the parse, generated, reviewed with ``git diff``.

Regenerate the snapshots (never silently: review the diff)::

    python -m articlekit.fixtures --update tests/fixtures

Without ``--update`` the command compares and prints every difference.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .models import Article
from .pipeline import Pipeline, parse

__all__ = ["FixtureCase", "check_case", "compare_checks", "find_cases", "main", "snapshot", "update_case"]


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


def find_cases(folder: str | Path) -> list[FixtureCase]:
    """Every ``*.txt`` under ``folder`` (recursively) with its ``.json`` beside it, sorted."""
    root = Path(folder)
    return [FixtureCase(p, p.with_suffix(".json")) for p in sorted(root.rglob("*.txt"))]


def snapshot(article: Article) -> dict[str, Any]:
    """The reviewable snapshot of a parse: every field but the input text, spans kept."""
    data = article.model_dump(mode="json", exclude={"text", "body"})
    data["segments"] = [[s["kind"], s["start"], s["end"], s["why"]] for s in data["segments"]]
    return data


def compare_checks(article: Article, checks: Mapping[str, Any]) -> list[str]:
    """Differences between ``article`` and hand-written ``checks`` (LABELS.md rules)."""
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


def _diff(path: str, want: Any, got: Any, out: list[str], limit: int = 30) -> None:
    if len(out) >= limit or want == got:
        return
    if isinstance(want, dict) and isinstance(got, dict):
        for key in sorted(set(want) | set(got)):
            _diff(f"{path}.{key}" if path else key, want.get(key), got.get(key), out, limit)
    elif isinstance(want, list) and isinstance(got, list) and len(want) == len(got):
        for i, (a, b) in enumerate(zip(want, got, strict=True)):
            _diff(f"{path}[{i}]", a, b, out, limit)
    else:
        out.append(f"{path}: expected {json.dumps(want, ensure_ascii=False)[:200]}, "
                   f"got {json.dumps(got, ensure_ascii=False)[:200]}")


def check_case(case: FixtureCase, pipeline: Pipeline | None = None) -> list[str]:
    """Every difference for one case: hand checks first, then the snapshot."""
    article = pipeline(case.text()) if pipeline is not None else parse(case.text())
    data = case.data()
    problems = [f"checks: {p}" for p in compare_checks(article, data.get("checks", {}))]
    if "expected" not in data:
        problems.append("expected: no snapshot yet (run with --update and review it)")
    else:
        diffs: list[str] = []
        _diff("", data["expected"], snapshot(article), diffs)
        problems.extend(f"snapshot: {d}" for d in diffs)
    return problems


def update_case(case: FixtureCase, pipeline: Pipeline | None = None) -> bool:
    """Rewrite the case's ``expected`` snapshot (keeping ``meta`` and ``checks``); True if it changed."""
    article = pipeline(case.text()) if pipeline is not None else parse(case.text())
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
    args = ap.parse_args(argv)
    failed = changed = total = 0
    for case in _iter(args.folders):
        total += 1
        if args.update:
            if update_case(case):
                changed += 1
                print(f"updated {case.json}")
            continue
        problems = check_case(case)
        if problems:
            failed += 1
            print(f"FAIL {case.name}")
            for p in problems:
                print(f"  {p}")
    if args.update:
        print(f"{changed} of {total} snapshots rewritten; review them with: git diff -- {' '.join(args.folders)}")
        return 0
    print(f"{total - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
