"""Snapshot every parse, and diff two snapshots: the check that a change moved only what it meant to.

``write`` parses every text of ``../shared/corpus`` (``raw/``, ``pages/``, and the ``visible`` and
``traf`` texts of ``external/``) and every fixture page of ``tests/fixtures/``, and writes one JSON
line per text (``{"id": ..., "parse": <Article JSON>}``). ``diff`` compares two snapshots and lists
the ids whose parse changed, with the fields that changed; ``--show`` prints the body or segment
difference of a few of them.

Usage::

    python benchmarks/snapshot.py write /tmp/before.jsonl
    # ... change the parser ...
    python benchmarks/snapshot.py write /tmp/after.jsonl
    python benchmarks/snapshot.py diff /tmp/before.jsonl /tmp/after.jsonl --show 5

Exit codes: 0 (``diff``: no parse changed), 1 some parse changed, 2 a usage or setup error.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from _common import DEFAULT_CORPUS, REPO, ParserUnavailable, corpus_files, iter_jsonl, load_parser


def iter_texts(corpus: Path, fixtures: Path) -> Iterator[tuple[str, str]]:
    """``(id, text)`` of every corpus text and fixture page, in a fixed order."""
    for path in corpus_files(corpus, "raw", "pages"):
        for record in iter_jsonl(path):
            rid, text = record.get("id"), record.get("text")
            if isinstance(rid, str) and isinstance(text, str):
                yield rid, text
    for path in corpus_files(corpus, "external"):
        for record in iter_jsonl(path):
            rid = record.get("id")
            for key in ("visible", "traf"):
                text = record.get(key)
                if isinstance(rid, str) and isinstance(text, str):
                    yield f"{rid}:{key}", text
    for page in sorted(fixtures.glob("*.txt")):
        yield f"fixture:{page.stem}", page.read_text(encoding="utf-8")


def write(out: Path, corpus: Path, fixtures: Path) -> int:
    """Parse everything and write the snapshot; returns the number of texts."""
    parse = load_parser()
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for rid, text in iter_texts(corpus, fixtures):
            try:
                dumped: object = parse(text).model_dump(mode="json")
            except Exception as exc:  # a crash is a parse too: it shows in the diff
                dumped = {"crash": f"{type(exc).__name__}: {exc}"}
            handle.write(json.dumps({"id": rid, "parse": dumped}, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count


def _load(path: Path) -> dict[str, dict[str, object]]:
    snap: dict[str, dict[str, object]] = {}
    for record in iter_jsonl(path):
        rid, parsed = record.get("id"), record.get("parse")
        if isinstance(rid, str) and isinstance(parsed, dict):
            snap[rid] = parsed
    return snap


def _changed_fields(a: dict[str, object], b: dict[str, object]) -> list[str]:
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


def diff(before: Path, after: Path, show: int) -> int:
    """Print what changed between two snapshots; returns the number of changed texts."""
    old, new = _load(before), _load(after)
    changed = [rid for rid in old if rid in new and old[rid] != new[rid]]
    missing = sorted(set(old) ^ set(new))
    by_field: dict[str, int] = {}
    for rid in changed:
        for name in _changed_fields(old[rid], new[rid]):
            by_field[name] = by_field.get(name, 0) + 1
    print(f"{len(old)} texts before, {len(new)} after; {len(changed)} parses changed"
          + (f"; {len(missing)} ids in only one snapshot" if missing else ""))
    for name, n in sorted(by_field.items(), key=lambda item: -item[1]):
        print(f"  {name:<16} {n}")
    for rid in changed:
        print(f"  {rid}: {', '.join(_changed_fields(old[rid], new[rid]))}")
    for rid in changed[:show]:
        print(f"\n=== {rid}")
        a, b = old[rid], new[rid]
        for name in _changed_fields(a, b):
            if name in ("segments", "body", "paragraphs"):
                continue
            print(f"  {name}: {json.dumps(a.get(name), ensure_ascii=False)[:300]}")
            print(f"  {'':{len(name)}}→ {json.dumps(b.get(name), ensure_ascii=False)[:300]}")
        sa = [f"{s['kind']:<12} {s['why']}" for s in a.get("segments", []) or [] if isinstance(s, dict)]
        sb = [f"{s['kind']:<12} {s['why']}" for s in b.get("segments", []) or [] if isinstance(s, dict)]
        text = str(b.get("text", ""))
        seg_b = [s for s in b.get("segments", []) or [] if isinstance(s, dict)]
        seg_a = [s for s in a.get("segments", []) or [] if isinstance(s, dict)]
        la = [f"{s['kind']:<12} {s['why']:<28} {text[s['start']:s['end']][:90]!r}" for s in seg_a]
        lb = [f"{s['kind']:<12} {s['why']:<28} {text[s['start']:s['end']][:90]!r}" for s in seg_b]
        if sa != sb or la != lb:
            for line in difflib.unified_diff(la, lb, "before", "after", lineterm="", n=1):
                print("  " + line)
    return len(changed) + len(missing)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="parse every corpus text and fixture, write a snapshot")
    w.add_argument("out", type=Path)
    w.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    w.add_argument("--fixtures", type=Path, default=REPO / "tests" / "fixtures")
    d = sub.add_parser("diff", help="compare two snapshots")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    d.add_argument("--show", type=int, default=0, metavar="N", help="show the changes of the first N texts")
    args = ap.parse_args(argv)
    if args.command == "write":
        if not args.corpus.is_dir():
            print(f"no corpus at {args.corpus}", file=sys.stderr)
            return 2
        try:
            n = write(args.out, args.corpus, args.fixtures)
        except ParserUnavailable as exc:
            print(exc, file=sys.stderr)
            return 2
        print(f"{n} parses written to {args.out}")
        return 0
    return 1 if diff(args.before, args.after, args.show) else 0


if __name__ == "__main__":
    sys.exit(main())
