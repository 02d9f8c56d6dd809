"""Running the command line: each command, and ``parse`` on one page or a few."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ..errors import ArticlekitError
from ..models import Article
from ..pipeline import Pipeline
from .arguments import parser
from .corpus_run import corpus_mode, parse_corpus
from .listings import list_outlets_command, list_rules_command
from .templates import learn_templates

__all__ = ["ERR_DECODE", "ERR_JSONL", "ERR_READ", "main"]

ERR_READ = "articlekit: cannot read {path}: {error}"
ERR_JSONL = ("articlekit: {path} holds JSON Lines (its first line is a JSON object), not a page: pass --jsonl to parse "
             "one record a line (the page in --text-field, default 'text'), or name the file .jsonl")
ERR_DECODE = "articlekit: {path} is not valid {encoding} ({error}); pass --encoding or fix the file"


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
    args = parser().parse_args(argv)
    if args.command == "schema":
        print(json.dumps(Article.model_json_schema(), indent=args.indent or None, ensure_ascii=False))
        return 0
    if args.command == "rules":
        return list_rules_command(args)
    if args.command == "outlets":
        return list_outlets_command(args)
    if args.learn_templates and args.templates:
        print("articlekit: give --learn-templates (learn from the inputs) or --templates (apply), not both",
              file=sys.stderr)
        return 2
    try:
        nlp = Pipeline.default(args.lang, outlets=args.outlets, locale=args.locale, templates=args.templates)
    except ArticlekitError as exc:
        print(f"articlekit: {exc}", file=sys.stderr)
        return 2
    if args.learn_templates:
        return learn_templates(args, nlp)
    if corpus_mode(args):
        return parse_corpus(args, nlp)
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
        from ..io import looks_like_jsonl

        if looks_like_jsonl(text[:100_000]):
            print(ERR_JSONL.format(path="stdin" if path == "-" else path), file=sys.stderr)
            status = 2
            continue
        article = nlp(text, errors="note", group=args.group)
        if args.explain:
            if many:
                print(f"== {path}")
            print(article.explain())
        else:
            print(_emit_json(article, args.indent, path if many else None))
    return status
