"""Parse every page (*.txt) in a folder: one line per page, then a summary of what was cut.

    python examples/parse_folder.py                          # the bundled examples/pages/
    python examples/parse_folder.py pages/ --jsonl out.jsonl # also write one JSON line per page
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import articlekit


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=Path(__file__).with_name("pages"), type=Path)
    ap.add_argument("--jsonl", type=Path, help="write each Article as one JSON line to this file")
    args = ap.parse_args(argv)

    paths = sorted(args.folder.glob("*.txt"))
    articles = [articlekit.parse(p.read_text(encoding="utf-8")) for p in paths]

    for path, art in zip(paths, articles, strict=True):
        outlet = art.outlet.domain if art.outlet else "-"
        place = art.dateline.place if art.dateline and art.dateline.place else "-"
        cut = sum(s.end - s.start for s in art.segments if s.kind != "body")
        print(f"{path.name:<32} {outlet:<16} {place:<14} {len(art.paragraphs)} paragraphs, {cut} characters cut")

    if args.jsonl:
        with args.jsonl.open("w", encoding="utf-8") as out:
            for path, art in zip(paths, articles, strict=True):
                out.write(json.dumps({"path": path.name, **art.model_dump(mode="json")}, ensure_ascii=False) + "\n")
        print(f"wrote {len(articles)} lines to {args.jsonl}")

    print()
    print(articlekit.summarize(articles))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
