"""A corpus run: many files, folders or JSON Lines parsed in order (in worker processes or not) to JSON Lines or
a table."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ArticlekitError
from ..models import Article
from ..pipeline import Pipeline
from .reporting import SHOW_ERRORS, error_of, progress_bar, say, summary
from .templates import group_by, grouped

if TYPE_CHECKING:
    from ..io import InputRecord

__all__ = ["corpus_mode", "parse_corpus"]

def corpus_mode(args: argparse.Namespace) -> bool:
    from ..io import is_jsonl_path

    if args.explain:
        return False
    return bool(
        args.jsonl or args.output or args.workers is not None or len(args.files) > 1 or args.format or args.fields
        or any(f != "-" and (Path(f).is_dir() or is_jsonl_path(f)) for f in args.files)
    )


def _flat_columns(args: argparse.Namespace, carry: list[str], files: list[str]) -> list[str]:
    """The columns of a flat table: carried fields, ``path`` for page files, the output columns; or ``--fields``."""
    from ..columns import output_columns
    from ..io import is_jsonl_path

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
    from ..columns import output_columns

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


def parse_corpus(args: argparse.Namespace, nlp: Pipeline) -> int:
    import time

    from ..io import count_records, expand_inputs, iter_records

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

    records = counted(grouped(args, nlp, iter_records(files, jsonl=args.jsonl, text_field=args.text_field,
                                                       carry=carry, encoding=args.encoding,
                                                       group_by=group_by(args, nlp), url_field=args.url_field)))
    nlp("JAKARTA - Warga memanen padi.")  # compile the lazy patterns once, before any worker is forked
    bar: Any = None

    def start_bar() -> None:
        nonlocal bar
        bar = progress_bar(args, total)

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
        with contextlib.closing(writer), _stop_on_signals() as stop:
            results = _results(args, nlp, records, workers, flat, start_bar)
            for out, status in results:
                stop.check()  # a signal that came while this line was made: it may be unfinished, not written
                writer.write(out)
                counts["out"] += 1
                if status == 1:
                    counts["errors"] += 1
                    if counts["errors"] <= SHOW_ERRORS and not args.quiet:
                        more = " (the rest are only in the output)" if counts["errors"] == SHOW_ERRORS else ""
                        say(bar, f"articlekit: {error_of(out, args.prefix)}{more}")
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
        print(summary(counts, time.perf_counter() - started, interrupted), file=sys.stderr)
        if counts["errors"] and counts["errors"] == counts["in"] and args.text_field == "text":
            print("articlekit: every record failed: is the page text in another field? (--text-field NAME)",
                  file=sys.stderr)
    if interrupted:
        return 143 if terminated else 130
    return 1 if counts["errors"] or died else 0


def _open_writer(args: argparse.Namespace, fmt: str, flat: bool, columns: list[str]) -> Any:
    from ..io import JsonlWriter

    if not flat:
        return JsonlWriter(args.output) if args.output else JsonlWriter()
    from ..writers import open_writer

    return open_writer(fmt, args.output, columns, args.prefix)


def _results(args: argparse.Namespace, nlp: Pipeline, records: Iterator[InputRecord], workers: int, flat: bool,
             start_bar: Any) -> Iterator[tuple[Any, int]]:
    """``(line or row, status)`` per record, in order, in this process or in worker processes."""
    from .. import json_lines
    from .. import workers as pool
    from ..rows import FlatChunk, render_flat

    prefix = args.prefix
    if workers == 1:
        start_bar()
        if flat:
            return (render_flat(nlp, r, prefix) for r in records)
        render = json_lines.render_record
        return (render(nlp, r, prefix) if prefix else render(nlp, r) for r in records)
    func: Any = FlatChunk(prefix) if flat else json_lines.RenderChunk(prefix)
    return (out for chunk in pool.map_ordered(func, records, workers=workers,
                                              chunksize=args.chunksize or pool.DEFAULT_CHUNKSIZE,
                                              pipeline=nlp, on_start=start_bar) for out in chunk)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: whole lines written, worker processes shut down."""


class _Stop:
    """The signal a run was asked to stop by, kept so that an interrupt swallowed on the way is not lost.

    A signal handler raises where the main thread happens to be. Inside a Python callback that a
    C or Rust library calls (pydantic-core's serializers turn any exception into a
    ``PydanticSerializationError``) the ``KeyboardInterrupt`` can be caught and turned into
    something else; the run then went on to the end as if nothing had happened. The handler keeps
    the signal here too, and the loop checks it before every line it writes.
    """

    def __init__(self) -> None:
        self.signum = 0

    def check(self) -> None:
        """Raise the interrupt again if a signal came and its exception was swallowed."""
        import signal

        if self.signum:
            raise _Terminated() if self.signum == signal.SIGTERM else KeyboardInterrupt()


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[_Stop]:
    """Ctrl-C (SIGINT) and SIGTERM raise ``KeyboardInterrupt`` (SIGTERM as ``_Terminated``) and are kept
    in the :class:`_Stop` this yields. A SIGINT that is ignored (a background job) stays ignored."""
    import signal

    stop = _Stop()

    def handler(signum: int, frame: Any) -> None:
        stop.signum = signum
        raise _Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()

    wanted: list[int] = [signal.SIGTERM]
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        wanted.append(signal.SIGINT)
    previous: dict[int, Any] = {}
    try:
        for wanted_signal in wanted:
            previous[wanted_signal] = signal.signal(wanted_signal, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield stop
        return
    try:
        yield stop
    finally:
        for kept_signal, old in previous.items():
            signal.signal(kept_signal, old)
