"""The command line: ``articlekit parse``, ``articlekit schema``.

``articlekit parse page.txt`` prints the Article as JSON (``-`` or no file reads stdin);
``--explain`` prints a table of what was cut and why instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import ArticlekitError
from .models import Article
from .pipeline import Pipeline

__all__ = ["main"]

ERR_READ = "articlekit: cannot read {path}: {error}"
ERR_DECODE = "articlekit: {path} is not valid {encoding} ({error}); pass --encoding or fix the file"


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="articlekit", description="Split scraped news page text into a typed Article.")
    ap.add_argument("--version", action="version", version=f"articlekit {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse page text files (or stdin) and print JSON")
    p.add_argument("files", nargs="*", default=["-"], help="text files; '-' or none reads stdin")
    p.add_argument("--explain", action="store_true", help="print a table of what was cut and why")
    p.add_argument("--lang", default="auto", help="locale of the text: id, ms, en, or auto (default: auto)")
    p.add_argument("--outlets", action="append", default=[], metavar="FILE",
                   help="extra outlet rules (TOML); may be given more than once")
    p.add_argument("--encoding", default="utf-8", help="encoding of the input files (default: utf-8)")
    p.add_argument("--indent", type=int, default=2, help="JSON indent (default: 2; 0 for one line)")

    s = sub.add_parser("schema", help="print the JSON Schema of the Article output")
    s.add_argument("--indent", type=int, default=2)
    return ap


def _read(path: str, encoding: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
        return data.decode(encoding)
    return Path(path).read_bytes().decode(encoding)


def _emit_json(article: Article, indent: int, path: str | None) -> str:
    data = article.model_dump(mode="json")
    if path is not None:
        data = {"path": path, **data}
    return json.dumps(data, ensure_ascii=False, indent=indent or None)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    try:
        return _main(argv)
    except BrokenPipeError:  # output piped into `head` and closed early
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "schema":
        print(json.dumps(Article.model_json_schema(), indent=args.indent or None, ensure_ascii=False))
        return 0
    try:
        nlp = Pipeline.default(args.lang, outlets=args.outlets)
    except ArticlekitError as exc:
        print(f"articlekit: {exc}", file=sys.stderr)
        return 2
    status = 0
    many = len(args.files) > 1
    for path in args.files:
        try:
            text = _read(path, args.encoding)
        except OSError as exc:
            print(ERR_READ.format(path=path, error=exc), file=sys.stderr)
            status = 1
            continue
        except UnicodeDecodeError as exc:
            print(ERR_DECODE.format(path=path, encoding=args.encoding, error=exc), file=sys.stderr)
            status = 1
            continue
        article = nlp(text, errors="note")
        if args.explain:
            if many:
                print(f"== {path}")
            print(article.explain())
        else:
            print(_emit_json(article, args.indent, path if many else None))
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
