"""``articlekit rules`` and ``articlekit outlets``: what the parser knows, as a table or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from ..errors import ArticlekitError

__all__ = ["list_outlets_command", "list_rules_command"]

def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table: columns padded to their widest cell, the last one left free."""
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header) - 1)]
    lines = []
    for i, row in enumerate((header, *rows)):
        cells = [f"{c:<{w}}" for c, w in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
        if i == 0:
            lines.append("-" * len(lines[0]))
    return "\n".join(lines)


def list_rules_command(args: argparse.Namespace) -> int:
    from ..rulebook import list_rules
    from ..rules import available_languages

    unknown = [lang for lang in args.lang if lang not in available_languages()]
    if unknown:
        print(f"articlekit: unknown language {unknown[0]!r}; available: {', '.join(available_languages())}",
              file=sys.stderr)
        return 2
    rules = list_rules(args.lang or None)
    if args.json:
        print(json.dumps([r.as_dict() for r in rules], ensure_ascii=False, indent=2))
    else:
        rows = [(r.id, r.stage, r.kind, r.where, r.doc) for r in rules]
        print(_table(("id", "stage", "kind", "where", "what"), rows))
    return 0


def list_outlets_command(args: argparse.Namespace) -> int:
    from ..rules import load_outlets

    try:
        catalogue = load_outlets(*args.outlets)
    except ArticlekitError as exc:
        print(f"articlekit: {exc}", file=sys.stderr)
        return 2
    entries = sorted((e for e in catalogue.entries if args.lang in (None, e.lang)), key=lambda e: e.id)
    if args.json:
        print(json.dumps([{"id": e.id, "name": e.name, "domain": e.domain, "aliases": e.aliases, "codes": e.codes,
                           "lang": e.lang}
                          for e in entries], ensure_ascii=False, indent=2))
    else:
        print(_table(("id", "name", "domain", "aliases", "codes"),
                     [(e.id, e.name, e.domain, ", ".join(e.aliases), ", ".join(e.codes)) for e in entries]))
    return 0
