"""The command line: ``articlekit parse``, ``articlekit schema``, ``articlekit rules``, ``articlekit outlets``.

``articlekit parse page.txt`` prints the Article as JSON (``-`` or no file reads stdin);
``--explain`` prints a table of what was cut and why instead. Many files, a folder or JSON Lines
streams give JSON Lines, one line per record (see ``articlekit parse --help``, "corpora").
``articlekit rules`` lists every rule a ``why`` can name (id, stage, kind, where it is defined, what
it does) and ``articlekit outlets`` the outlet catalogue; both take ``--json``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .errors import ArticlekitError
from .models import Article
from .pipeline import Pipeline

if TYPE_CHECKING:
    from .io import InputRecord

__all__ = ["main"]

ERR_READ = "articlekit: cannot read {path}: {error}"
ERR_JSONL = ("articlekit: {path} holds JSON Lines (its first line is a JSON object), not a page: pass --jsonl to parse "
             "one record a line (the page in --text-field, default 'text'), or name the file .jsonl")
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
    p.add_argument("--locale", metavar="FILE", default=None,
                   help="your own locale file (TOML, may name a bundled 'base'); its patterns run with a timeout")
    p.add_argument("--encoding", default="utf-8", help="encoding of the input files (default: utf-8)")
    p.add_argument("--indent", type=int, default=2, help="JSON indent (default: 2; 0 for one line)")
    _corpus_arguments(p)
    _template_arguments(p)

    s = sub.add_parser("schema", help="print the JSON Schema of the Article output")
    s.add_argument("--indent", type=int, default=2)

    r = sub.add_parser("rules", help="list every rule a parse can name in a 'why': id, stage, kind, where, what")
    r.add_argument("--json", action="store_true", help="print JSON (a list of objects) instead of a table")
    r.add_argument("--lang", action="append", default=[], metavar="LANG",
                   help="only the data rules of this bundled locale (may be given more than once; default: all)")

    o = sub.add_parser("outlets", help="list the outlet catalogue: id, name, domain, aliases, codes")
    o.add_argument("--json", action="store_true", help="print JSON (a list of objects) instead of a table")
    o.add_argument("--lang", default=None, metavar="LANG", help="only the outlets that publish in LANG (id, ms, en)")
    o.add_argument("--outlets", action="append", default=[], metavar="FILE",
                   help="extra outlet rules (TOML) laid over the bundled catalogue; may be given more than once")
    return ap


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


def _list_rules(args: argparse.Namespace) -> int:
    from .rulebook import list_rules
    from .rules import available_languages

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


def _list_outlets(args: argparse.Namespace) -> int:
    from .rules import load_outlets

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
    if args.command == "rules":
        return _list_rules(args)
    if args.command == "outlets":
        return _list_outlets(args)
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
        return _learn_templates(args, nlp)
    if _corpus_mode(args):
        return _parse_corpus(args, nlp)
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
        from .io import looks_like_jsonl

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


# ---------------------------------------------------------------------- corpora: many files, folders, JSON Lines


def _corpus_arguments(p: argparse.ArgumentParser) -> None:
    c = p.add_argument_group(
        "corpora",
        "Many files, a folder, or JSON Lines (.jsonl, .ndjson, gzip or not) give JSON Lines out: one line per "
        "record, in input order, carried fields first; a record that cannot be parsed is a line with an "
        "\"error\" field, so records out always equal records in. A summary goes to stderr.",
    )
    c.add_argument("--jsonl", action="store_true",
                   help="read every input (and stdin) as JSON Lines; *.jsonl and *.ndjson(.gz) always are")
    c.add_argument("--text-field", default="text", metavar="NAME", help="JSON field holding the page text (text)")
    c.add_argument("--id-field", default="id", metavar="NAME", help="JSON field carried through as the id (id)")
    c.add_argument("--url-field", default="url", metavar="NAME", help="JSON field carried through as the url (url)")
    c.add_argument("--keep", action="append", default=[], metavar="NAME",
                   help="another JSON field to carry through; may be given more than once")
    c.add_argument("--workers", type=int, default=None, metavar="N",
                   help="parse in N worker processes (0: one per CPU; default: 1, in this process)")
    c.add_argument("--chunksize", type=int, default=None, metavar="N",
                   help="records handed to a worker at a time (default: 64)")
    c.add_argument("--format", choices=("jsonl", "csv", "parquet"), default=None,
                   help="jsonl (default): one JSON object a line, the whole Article unless --fields is given; "
                        "csv, parquet: a flat table (carried fields and the flat record's columns; parquet needs "
                        "articlekit[parquet] and -o)")
    c.add_argument("--fields", action="append", default=[], metavar="A,B,...",
                   help="the columns to write (carried fields and flat-record columns, comma-separated; may be "
                        "repeated); gives flat rows in any format")
    c.add_argument("--prefix", default="", metavar="P",
                   help="name articlekit's output fields P<name> (--prefix ak_: ak_outlet, ak_title, ...), so a "
                        "carried field of the same name (--keep outlet) is kept beside them")
    c.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE (default: stdout)")
    c.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (needs articlekit[progress]; default: when stderr is a terminal)")
    c.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def _corpus_mode(args: argparse.Namespace) -> bool:
    from .io import is_jsonl_path

    if args.explain:
        return False
    return bool(
        args.jsonl or args.output or args.workers is not None or len(args.files) > 1 or args.format or args.fields
        or any(f != "-" and (Path(f).is_dir() or is_jsonl_path(f)) for f in args.files)
    )


def _progress_bar(args: argparse.Namespace, total: int | None) -> Any:
    """A tqdm bar on stderr, or ``None`` (not wanted, or tqdm is not installed: then a one-line hint)."""
    wanted = args.progress if args.progress is not None else sys.stderr.isatty()
    if not wanted:
        return None
    try:
        from tqdm import tqdm  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        print("articlekit: no progress bar without tqdm (pip install 'articlekit[progress]')", file=sys.stderr)
        return None
    return tqdm(total=total, unit="rec", file=sys.stderr, mininterval=0.5, smoothing=0.1, dynamic_ncols=True)


def _flat_columns(args: argparse.Namespace, carry: list[str], files: list[str]) -> list[str]:
    """The columns of a flat table: carried fields, ``path`` for page files, the output columns; or ``--fields``."""
    from .io import is_jsonl_path
    from .tables import output_columns

    pages = any(not (args.jsonl or is_jsonl_path(f)) for f in files)
    every = [*carry, *(["path"] if pages else []), *output_columns(args.prefix)]
    if not args.fields:
        return every
    wanted = [name.strip() for spec in args.fields for name in spec.split(",") if name.strip()]
    columns = []
    for name in wanted:
        if name not in every and args.prefix + name in every:
            name = args.prefix + name
        if name not in every:
            raise ValueError(f"--fields: no column {name!r}; the columns are: {', '.join(every)}")
        columns.append(name)
    return list(dict.fromkeys(columns))


def _carry_clash(args: argparse.Namespace, carry: list[str], flat: bool) -> str | None:
    from .tables import output_columns

    if flat:
        taken = {*output_columns(args.prefix), "path"}
    else:
        taken = {args.prefix + name for name in (*Article.model_fields, "error")} | {"path", "source", "line"}
    clash = [name for name in carry if name in taken]
    if not clash:
        return None
    way_out = (f"pass another --prefix than {args.prefix!r}" if args.prefix else
               "pass --prefix ak_ (articlekit's fields become ak_outlet, ak_title, ...)")
    return (f"articlekit: cannot carry {', '.join(map(repr, clash))}: the output has fields of that name; "
            f"{way_out}, or pick other --id-field/--url-field/--keep names")


def _parse_corpus(args: argparse.Namespace, nlp: Pipeline) -> int:
    import time

    from .io import count_records, expand_inputs, iter_records

    workers = args.workers if args.workers is not None else 1
    if workers == 0:
        import os

        workers = os.cpu_count() or 1
    if workers < 0 or (args.chunksize is not None and args.chunksize < 1):
        print("articlekit: --workers must be 0 or more and --chunksize 1 or more", file=sys.stderr)
        return 2
    fmt = args.format or "jsonl"
    flat = fmt != "jsonl" or bool(args.fields)
    carry = list(dict.fromkeys([args.id_field, args.url_field, *args.keep]))
    clash = _carry_clash(args, carry, flat)
    if clash:
        print(clash, file=sys.stderr)
        return 2
    files = list(expand_inputs(args.files, jsonl=args.jsonl))
    columns: list[str] = []
    if flat:
        try:
            columns = _flat_columns(args, carry, files)
        except ValueError as exc:
            print(f"articlekit: {exc}", file=sys.stderr)
            return 2
    wants_bar = args.progress if args.progress is not None else sys.stderr.isatty()
    total = count_records(files, jsonl=args.jsonl) if wants_bar else None
    counts = {"in": 0, "chars": 0, "out": 0, "errors": 0, "stage_failures": 0}

    def counted(records: Iterator[InputRecord]) -> Iterator[InputRecord]:
        for record in records:
            counts["in"] += 1
            counts["chars"] += record.chars
            yield record

    records = counted(_grouped(args, nlp, iter_records(files, jsonl=args.jsonl, text_field=args.text_field,
                                                       carry=carry, encoding=args.encoding,
                                                       group_by=_group_by(args, nlp), url_field=args.url_field)))
    nlp("JAKARTA - Warga memanen padi.")  # compile the lazy patterns once, before any worker is forked
    bar: Any = None

    def start_bar() -> None:
        nonlocal bar
        bar = _progress_bar(args, total)

    started = time.perf_counter()
    interrupted = terminated = False
    died = ""
    try:
        writer = _open_writer(args, fmt, flat, columns)
    except (OSError, ValueError, ImportError) as exc:
        error = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        print(f"articlekit: cannot write {args.output or 'stdout'}: {error}", file=sys.stderr)
        return 2
    try:
        with contextlib.closing(writer), _terminate_as_interrupt():
            results = _results(args, nlp, records, workers, flat, start_bar)
            for out, status in results:
                writer.write(out)
                counts["out"] += 1
                if status == 1:
                    counts["errors"] += 1
                    if counts["errors"] <= _SHOW_ERRORS and not args.quiet:
                        more = " (the rest are only in the output)" if counts["errors"] == _SHOW_ERRORS else ""
                        _say(bar, f"articlekit: {_error_of(out, args.prefix)}{more}")
                elif status == 2:
                    counts["stage_failures"] += 1
                if bar is not None:
                    bar.update(1)
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM: the pool stops and its workers exit with us
        interrupted = True
        terminated = isinstance(exc, _Terminated)
    except ArticlekitError as exc:  # a worker process died: the lines so far are written, whole
        died = str(exc)
    finally:
        if bar is not None:
            bar.close()
    if died:
        print(f"articlekit: {died}", file=sys.stderr)
    if not args.quiet:
        print(_summary(counts, time.perf_counter() - started, interrupted), file=sys.stderr)
        if counts["errors"] and counts["errors"] == counts["in"] and args.text_field == "text":
            print("articlekit: every record failed: is the page text in another field? (--text-field NAME)",
                  file=sys.stderr)
    if interrupted:
        return 143 if terminated else 130
    return 1 if counts["errors"] or died else 0


# ---------------------------------------------------------------------- site templates


def _template_arguments(p: argparse.ArgumentParser) -> None:
    t = p.add_argument_group(
        "site templates",
        "Lines and sentences a site prints on many pages (slogans, promos, footers), learned from a corpus and "
        "claimed as noise (why: templates:<group>:line|sentence). See docs/templates.md.",
    )
    t.add_argument("--learn-templates", metavar="OUT",
                   help="learn templates from the inputs and write them to OUT (TOML; .json for JSON); parses nothing")
    t.add_argument("--templates", metavar="FILE", help="apply the templates of FILE (a file --learn-templates wrote)")
    t.add_argument("--group-by", metavar="HOW", default=None,
                   help="group records by a JSON field's NAME, by 'url' (its registrable domain) or by 'detected' "
                        "(the outlet found in the text); default: 'detected' when learning, the file's when applying")
    t.add_argument("--group", metavar="NAME", default=None,
                   help="the group of every input that has none of its own (a site's name for plain .txt pages)")
    t.add_argument("--min-texts", type=int, default=None, metavar="N",
                   help="learn a string only when seen in N texts of its group or more (default: 5)")
    t.add_argument("--min-share", type=float, default=None, metavar="F",
                   help="... and in at least this share of the group's texts (default: 0.05)")


def _group_by(args: argparse.Namespace, nlp: Pipeline) -> str | None:
    """How records are grouped: ``--group-by``; else, applying, the way the templates were learned."""
    if args.group_by:
        return str(args.group_by)
    from .stages import SiteTemplates

    if "templates" in nlp.names:
        stage = nlp.get("templates")
        if isinstance(stage, SiteTemplates):
            return stage.templates.group_by
    return None


def _grouped(args: argparse.Namespace, nlp: Pipeline, records: Iterator[InputRecord]) -> Iterator[InputRecord]:
    """``records``, each with ``--group`` where it has no group of its own."""
    for record in records:
        if record.group is None and args.group:
            record.group = args.group
        yield record


def _learn_templates(args: argparse.Namespace, nlp: Pipeline) -> int:
    from .io import iter_records
    from .learning import TemplateLearner, learn_pairs

    by = args.group_by or "detected"
    overrides = {k: v for k, v in (("min_texts", args.min_texts), ("min_share", args.min_share)) if v is not None}
    try:
        learner = TemplateLearner(by=by, **overrides)
    except ValueError as exc:
        print(f"articlekit: {exc}", file=sys.stderr)
        return 2
    errors = 0
    records = iter_records(args.files, jsonl=args.jsonl, text_field=args.text_field, carry=(),
                           encoding=args.encoding, group_by=None if by == "detected" else by,
                           url_field=args.url_field)
    def pairs() -> Iterator[tuple[str, str | None]]:
        nonlocal errors
        for record in _grouped(args, nlp, records):
            if record.text is None:
                errors += 1
                if errors <= _SHOW_ERRORS and not args.quiet:
                    print(f"articlekit: {record.meta.get('path') or record.meta.get('source')}: {record.error}",
                          file=sys.stderr)
                continue
            yield record.text, record.group

    if args.workers is not None and args.workers < 0:
        print("articlekit: --workers must be 0 or more", file=sys.stderr)
        return 2
    learn_pairs(learner, pairs(), detect=by == "detected" and not args.group, pipeline=nlp, workers=args.workers)
    templates = learner.templates()
    try:
        templates.save(args.learn_templates)
    except OSError as exc:
        print(f"articlekit: cannot write {args.learn_templates}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(f"articlekit: learned {len(templates)} strings in {len(templates.groups)} groups from "
              f"{learner.texts} texts ({learner.ungrouped} without a group, {errors} unreadable) "
              f"-> {args.learn_templates}", file=sys.stderr)
    return 1 if errors else 0


def _open_writer(args: argparse.Namespace, fmt: str, flat: bool, columns: list[str]) -> Any:
    from .io import JsonlWriter

    if not flat:
        return JsonlWriter(args.output) if args.output else JsonlWriter()
    from .writers import open_writer

    return open_writer(fmt, args.output, columns, args.prefix)


def _results(args: argparse.Namespace, nlp: Pipeline, records: Iterator[InputRecord], workers: int, flat: bool,
             start_bar: Any) -> Iterator[tuple[Any, int]]:
    """``(line or row, status)`` per record, in order, in this process or in worker processes."""
    from . import corpus
    from .tables import FlatChunk, render_flat

    prefix = args.prefix
    if workers == 1:
        start_bar()
        if flat:
            return (render_flat(nlp, r, prefix) for r in records)
        render = corpus.render_record
        return (render(nlp, r, prefix) if prefix else render(nlp, r) for r in records)
    func: Any = FlatChunk(prefix) if flat else corpus.RenderChunk(prefix)
    return (out for chunk in corpus.map_ordered(func, records, workers=workers,
                                                chunksize=args.chunksize or corpus.DEFAULT_CHUNKSIZE,
                                                pipeline=nlp, on_start=start_bar) for out in chunk)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: whole lines written, worker processes shut down."""


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    import signal

    def handler(signum: int, frame: Any) -> None:
        raise _Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


_SHOW_ERRORS = 10


def _say(bar: Any, message: str) -> None:
    """A line on stderr, above the progress bar when there is one."""
    if bar is not None:
        bar.write(message, file=sys.stderr)
    else:
        print(message, file=sys.stderr)


def _error_of(out: str | dict[str, Any], prefix: str = "") -> str:
    if isinstance(out, dict):
        data = out
    else:
        try:
            data = json.loads(out)
        except ValueError:  # pragma: no cover (the lines are ours)
            return out
    where = data.get("path") or (f"{data.get('source')}:{data.get('line')}" if "line" in data else data.get("source"))
    error = str(data.get(prefix + "error"))
    return f"{where}: {error}" if where and str(where) not in error else error


def _summary(counts: dict[str, int], seconds: float, interrupted: bool) -> str:
    rate = counts["out"] / seconds if seconds > 0 else 0.0
    chars = counts["chars"] / seconds if seconds > 0 else 0.0
    failures = f", {counts['stage_failures']} with a failed stage" if counts["stage_failures"] else ""
    head = "articlekit: interrupted: " if interrupted else "articlekit: "
    return (f"{head}{counts['in']} records in, {counts['out']} records out, {counts['errors']} errors{failures}; "
            f"{seconds:.1f} s, {rate:,.0f} records/s, {chars:,.0f} chars/s")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
