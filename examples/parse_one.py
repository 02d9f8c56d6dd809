"""Parse one page and show what was cut, and why.

    python examples/parse_one.py                 # the bundled examples/page.txt
    python examples/parse_one.py my_page.txt     # your own page (UTF-8 text)
"""

from __future__ import annotations

import sys
from pathlib import Path

import articlekit


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else Path(__file__).with_name("page.txt")
    article = articlekit.parse(path.read_text(encoding="utf-8"))

    print(repr(article))  # the compact one-line view
    print()
    print(article.explain())  # every cut segment: kind, offsets, rule id, text
    print()
    print("clean body:")
    print(article.body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
