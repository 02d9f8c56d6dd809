"""Corpus scale: many pages in order, in worker processes, with nothing lost.

>>> import articlekit
>>> pages = ["JAKARTA - Harga cabai turun.", "Suara.com - Warga memanen padi.", b"bytes"]
>>> [(a.dateline.place if a.dateline else None, a.notes) for a in articlekit.parse_many(pages)]
[('Jakarta', []), (None, []), (None, ['input: not a str but bytes (decode bytes first); nothing parsed'])]
>>> articlekit.to_records(articlekit.parse_many(pages[:1]))[0]["place"]
'Jakarta'
>>> row = articlekit.parse_record({"id": 7, "text": "JAKARTA - Harga cabai turun."}, id_field="id")
>>> row["id"], row["place"], row["body"], row["error"]
(7, 'Jakarta', 'Harga cabai turun.', None)

* :func:`parse_many` yields one :class:`~articlekit.models.Article` per input, in input
  order, in this process or in ``workers`` processes. With ``errors="note"`` (the
  default) a record that fails still yields an Article whose ``notes`` say what failed;
  with ``errors="raise"`` the first failing record (in input order) raises.
* :func:`render_record` and :func:`map_ordered` are the command line's corpus run.

Table rows (``parse_record``, ``parse_batch``, ``parse_frame``, ``to_records``,
``to_dataframe``) live in :mod:`articlekit.tables`.
"""

from __future__ import annotations

import inspect
import itertools
import os
import pickle
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic_core import PydanticSerializationError

from .assemble import _known_valid
from .errors import ArticlekitError, InputError, PipelineError, StageError
from .models import Article, Paragraph, Segment, Span
from .pipeline import Pipeline, _default_pipeline, parse
from .rules import available_languages, load_locale
from .templates import Templates

if TYPE_CHECKING:
    import multiprocessing.context

    from .io import InputRecord

__all__ = ["parse_many"]

ErrorPolicy = Literal["raise", "note"]
T = TypeVar("T")
R = TypeVar("R")

DEFAULT_CHUNKSIZE = 64
"""Records per task sent to a worker (about 0.1 s of work on average pages: the per-task cost stays small)."""

_DEFAULT_LANG: str = inspect.signature(parse).parameters["lang"].default


def _pipeline_for(lang: str | None, pipeline: Pipeline | None) -> Pipeline:
    """``pipeline``, or the default one for ``lang`` (``None``: what :func:`articlekit.parse` uses)."""
    if pipeline is not None:
        return pipeline
    return _default_pipeline(lang if lang is not None else _DEFAULT_LANG)


def _is_frame(value: object) -> bool:
    return hasattr(value, "columns") and hasattr(value, "iloc")


def _refuse_texts(texts: object, func: str) -> None:
    """Raise :class:`InputError` when ``texts`` is not an iterable of page texts (a str, a dict, a DataFrame)."""
    kind = type(texts).__name__
    if isinstance(texts, str | bytes | bytearray):
        raise InputError(f"{func}() takes an iterable of page texts, not one {kind} (it would parse each "
                         f"character as a page): for one page call articlekit.parse(text); for many, "
                         f"{func}([text, ...])")
    if _is_frame(texts):
        raise InputError(f"{func}() takes an iterable of page texts, not a {kind} (iterating it gives its "
                         f"column names): call articlekit.parse_frame(frame, text_field='text'), or "
                         f"{func}(frame['text'])")
    if isinstance(texts, Mapping):
        raise InputError(f"{func}() takes an iterable of page texts, not a {kind} (iterating it gives its keys): "
                         "for one record call articlekit.parse_record(record, text_field='text')")


def _texts_only(texts: Iterable[object], func: str) -> Iterator[object]:
    """``texts``, refusing them when the first is a record (a dict): a list of records has no text to parse.

    A stray dict later in a stream is a bad page like any other (a note with ``errors="note"``),
    so one odd record never stops a batch.
    """
    it = iter(texts)
    for first in it:
        if isinstance(first, Mapping):
            raise InputError(f"{func}() takes page texts, but item 0 is a {type(first).__name__} (a record): "
                             "call articlekit.parse_record(record, text_field='text') on each record, or "
                             f"{func}(r['text'] for r in records)")
        yield first
        break
    yield from it


# ---------------------------------------------------------------------- one record


def _check_errors(errors: str) -> None:
    if errors not in ("raise", "note"):
        raise ValueError(f"errors must be 'raise' or 'note', not {errors!r}")


def _failed_article(text: object, lang: str, exc: BaseException) -> Article:
    """The Article standing for a record whose parse failed: the text kept, no segments, a note."""
    note = f"parse failed: {type(exc).__name__}: {exc}"
    if isinstance(text, str):
        return Article(text=text, lang=lang, notes=[note])
    kind = type(text).__name__
    hint = " (decode bytes first)" if isinstance(text, bytes | bytearray | memoryview) else ""
    return Article(text="", lang=lang, notes=[f"input: not a str but {kind}{hint}; nothing parsed"])


def _parse_one(nlp: Pipeline, text: object, errors: ErrorPolicy, group: str | None = None) -> Article:
    if errors == "raise":
        if group is not None:
            return nlp(text, errors="raise", group=group)  # type: ignore[arg-type]
        return nlp(text, errors="raise")  # type: ignore[arg-type]  # non-str raises TypeError there
    if not isinstance(text, str):
        return _failed_article(text, nlp.lang, TypeError())
    try:
        if group is not None:
            return nlp(text, errors="note", group=group)
        return nlp(text, errors="note")
    except Exception as exc:  # a stage failure is a note already; this is anything else
        return _failed_article(text, nlp.lang, exc)


# ---------------------------------------------------------------------- worker processes

_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(pipeline: Pipeline | None, lang: str | None) -> None:
    global _WORKER_PIPELINE
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops handing out work
    _WORKER_PIPELINE = _pipeline_for(lang, pipeline)


def _worker_pipeline() -> Pipeline:
    if _WORKER_PIPELINE is None:  # pragma: no cover (the initializer always runs first)
        raise RuntimeError("articlekit worker used before its initializer ran")
    return _WORKER_PIPELINE


class _Raised:
    """An exception raised in a worker, in a form that always crosses the process boundary."""

    def __init__(self, index: int, exc: BaseException) -> None:
        self.index = index
        self.description = f"{type(exc).__name__}: {exc}"
        self.stage: str | None = getattr(exc, "stage", None) if isinstance(exc, StageError) else None
        payload: BaseException | None = exc.__cause__ if self.stage is not None else exc
        try:
            self.payload: bytes | None = pickle.dumps(payload)
            pickle.loads(self.payload)
        except Exception:
            self.payload = None

    def rebuild(self) -> BaseException:
        original = pickle.loads(self.payload) if self.payload is not None else None
        if self.stage is not None:
            cause = original if original is not None else RuntimeError(self.description)
            exc: BaseException = StageError(self.stage, cause)
            exc.__cause__ = cause
        elif original is not None:
            exc = original
        else:
            exc = ArticlekitError(self.description)
        exc.add_note(f"articlekit: raised by record {self.index} in a worker process")
        return exc


# Articles cross the process boundary packed: pickling a pydantic model costs a Python call per
# nested model on both sides, and an Article holds dozens (segments, paragraphs and their spans).
# The two long lists travel as plain tuples and are rebuilt without validation (their values come
# from a valid Article); everything else is pickled as usual.
_Packed = tuple[dict[str, Any], set[str], list[tuple[str, int, int, str]], list[tuple[str | None, int, int]]]


def _pack(article: Article, source: object) -> _Packed:
    """``article`` for the trip to the parent, without the strings the parent can cut from ``source``.

    The input text stays home (the parent holds it), and so do the paragraphs and the body when
    they are what the default assembly makes of it (a paragraph is its span of the text, the body
    the paragraphs joined by blank lines); anything else travels as it is.
    """
    fields = dict(article.__dict__)
    segments = fields.pop("segments")
    paragraphs = fields.pop("paragraphs")
    text = article.text
    if text is source:
        fields["text"] = None
    packed_paragraphs = [
        (None if p.text == text[p.span.start : p.span.end] else p.text, p.span.start, p.span.end) for p in paragraphs
    ]
    if article.body == "\n\n".join(p.text for p in paragraphs):
        fields["body"] = None
    return (fields, article.__pydantic_fields_set__, [(s.kind, s.start, s.end, s.why) for s in segments],
            packed_paragraphs)


def _unpack(packed: _Packed, source: object) -> Article:
    fields, fields_set, segments, paragraphs = packed
    text = fields["text"]
    if text is None:
        fields["text"] = text = source
    fields["segments"] = [_known_valid(Segment, {"kind": k, "start": s, "end": e, "why": w}) for k, s, e, w in segments]
    fields["paragraphs"] = [
        _known_valid(Paragraph, {"text": text[s:e] if t is None else t,
                                 "span": _known_valid(Span, {"start": s, "end": e})})
        for t, s, e in paragraphs
    ]
    if fields["body"] is None:
        fields["body"] = "\n\n".join(p.text for p in fields["paragraphs"])
    article: Article = _known_valid(Article, {name: fields[name] for name in Article.model_fields})
    object.__setattr__(article, "__pydantic_fields_set__", fields_set)
    return article


class _Grouped:
    """A text and the group it belongs to (``parse_many(..., groups=...)``), on its way to a worker."""

    __slots__ = ("group", "text")

    def __init__(self, text: object, group: str | None) -> None:
        self.text = text
        self.group = group


def _parse_chunk(start: int, texts: list[object], errors: ErrorPolicy) -> list[_Packed] | _Raised:
    nlp = _worker_pipeline()
    out: list[_Packed] = []
    for i, item in enumerate(texts):
        text, group = (item.text, item.group) if isinstance(item, _Grouped) else (item, None)
        try:
            out.append(_pack(_parse_one(nlp, text, errors, group), text))
        except Exception as exc:  # only with errors="raise": hand the first one back
            return _Raised(start + i, exc)
    return out


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _mp_context(start_method: str | None, pipeline: Pipeline | None = None) -> multiprocessing.context.BaseContext:
    """The worker start method: as asked; else ``fork`` on Linux from a process with one thread; else ``forkserver``.

    A forked worker starts at once with the parent's patterns compiled (:func:`_warm`), where a
    fresh one spends most of a second importing and compiling. But forking a process that runs
    other threads (a notebook kernel, a progress bar) can leave a lock held in the child forever,
    so such a process starts its workers from a clean server process. A pipeline that does not
    pickle (a lambda stage) is still served, by ``fork``.
    """
    import multiprocessing
    import sys
    import threading

    if start_method is None:
        methods = multiprocessing.get_all_start_methods()
        if "fork" in methods and sys.platform.startswith("linux") and threading.active_count() == 1:
            return multiprocessing.get_context("fork")
        start_method = "forkserver" if "forkserver" in methods else None
        if start_method is not None and pipeline is not None:
            try:
                pickle.dumps(pipeline)
            except Exception:  # any pickling failure means: fork instead
                start_method = "fork" if "fork" in methods else None
    return multiprocessing.get_context(start_method)


def map_ordered(
    func: Callable[[int, list[T]], R],
    items: Iterable[T],
    *,
    workers: int,
    chunksize: int = DEFAULT_CHUNKSIZE,
    pipeline: Pipeline | None = None,
    lang: str | None = None,
    start_method: str | None = None,
    on_start: Callable[[], None] | None = None,
) -> Iterator[R]:
    """``func(offset, chunk)`` over chunks of ``items`` in ``workers`` processes, results in input order.

    At most ``4 * workers`` chunks are in flight, so the input is read only as fast as it
    is parsed and memory stays flat however long the input is. Each worker holds
    ``pipeline`` (or the default one for ``lang``). ``on_start`` runs once the worker
    processes exist (start threads, such as a progress bar's, after that).
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    window = 4 * workers
    context = _mp_context(start_method, pipeline)
    if context.get_start_method() == "fork":
        _warm(_pipeline_for(lang, pipeline))  # once here, not once per worker
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=_init_worker, initargs=(pipeline, lang)) as pool:
        pending: deque[tuple[int, int, Future[R]]] = deque()
        offset = 0
        try:
            for chunk in _batched(items, chunksize):
                pending.append((offset, len(chunk), pool.submit(func, offset, chunk)))
                offset += len(chunk)
                if on_start is not None:  # the first submit starts the processes
                    on_start()
                    on_start = None
                if len(pending) >= window:
                    yield _result(*pending.popleft())
            while pending:
                yield _result(*pending.popleft())
        finally:
            for _, _, future in pending:
                future.cancel()
            if on_start is not None:
                on_start()


def _result(offset: int, size: int, future: Future[R]) -> R:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise ArticlekitError(
            f"a worker process died while parsing records {offset}..{offset + size - 1} (killed for memory? "
            "a crash?); the records before them were delivered"
        ) from exc


_WARMED: weakref.WeakSet[Pipeline] = weakref.WeakSet()


def _warm(nlp: Pipeline) -> None:
    """Compile what ``nlp`` compiles lazily, so forked workers inherit it.

    One parse per bundled language, of that language's detection words (so ``lang="auto"`` picks
    it): each stage compiles its patterns for the locale on its first page.
    """
    if nlp in _WARMED:
        return
    for lang in available_languages():
        nlp(" ".join(load_locale(lang).schema.detect_words), errors="note")
    _WARMED.add(nlp)


def _resolve_workers(workers: int | None) -> int:
    if workers is None:
        return 1
    if workers == 0:
        return os.cpu_count() or 1
    if workers < 0:
        raise ValueError(f"workers must be at least 0 (0: one per CPU), not {workers}")
    return workers


def parse_many(
    texts: Iterable[str],
    *,
    workers: int | None = None,
    errors: ErrorPolicy = "note",
    lang: str | None = None,
    pipeline: Pipeline | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    start_method: str | None = None,
    templates: Templates | str | Path | None = None,
    groups: Iterable[str | None] | None = None,
    urls: Iterable[str | None] | None = None,
) -> Iterator[Article]:
    """Parse many pages; yields one Article per input, in input order.

    ``workers`` ``None`` or ``1`` parses in this process; ``N`` uses N worker processes
    (``0``: one per CPU), each handed ``chunksize`` pages at a time. The input is consumed
    lazily (a few chunks ahead), so a generator over a huge file streams in flat memory.

    ``errors="note"``: a page that fails (not a ``str``, or a parse that raised) yields an
    Article whose ``notes`` say what failed; a failing stage is skipped with a note. Rows
    are never dropped and one bad page never stops a batch. ``errors="raise"``: the first
    failure in input order raises (``TypeError`` for a non-``str``, ``StageError`` for a
    stage), after the Articles before it were yielded. Texts that start with a record (a dict)
    raise :class:`~articlekit.InputError` whatever ``errors`` says (call :func:`parse_record` on
    records), and so does ``texts`` itself when it is one str, a dict or a DataFrame.

    ``urls``, one per text (``None`` for none), gives each Article its ``site`` (the URL's
    registrable domain).

    ``pipeline`` replaces the default one for ``lang``; with worker processes it is
    copied to each worker (it must pickle unless the start method is ``fork``).
    ``start_method`` (``"fork"``, ``"forkserver"``, ``"spawn"``) overrides how workers start: by
    default a Linux process with no other thread forks them (they start with its compiled
    patterns, at once), and any other process starts them from a fork server.

    ``templates`` (a :class:`~articlekit.Templates` or a template file's path) adds learned site
    templates to the default pipeline; ``groups`` (one per text, ``None`` for none) names each
    text's site or outlet for them, else the outlet detected in the text decides.
    """
    _refuse_texts(texts, "parse_many")
    _check_errors(errors)
    n = _resolve_workers(workers)
    if templates is not None:
        if pipeline is not None:
            raise PipelineError("give templates to Pipeline.default(templates=...) when you pass a pipeline")
        pipeline = Pipeline.default(lang if lang is not None else _DEFAULT_LANG, templates=templates)
    checked = _texts_only(texts, "parse_many")
    items: Iterable[object] = checked
    if groups is not None:
        items = (_Grouped(text, group) for text, group in zip(checked, groups, strict=True))
    if n == 1:
        nlp = _pipeline_for(lang, pipeline)
        articles: Iterator[Article] = (
            _parse_one(nlp, item.text, errors, item.group) if isinstance(item, _Grouped)
            else _parse_one(nlp, item, errors) for item in items)
    else:
        articles = _parse_in_workers(items, n, errors, lang, pipeline, chunksize, start_method)
    if urls is None:
        return articles
    _refuse_texts(urls, "parse_many(urls=...)")
    return _with_sites(articles, iter(urls))


def _with_sites(articles: Iterator[Article], urls: Iterator[str | None]) -> Iterator[Article]:
    from .sites import registrable_domain

    for article in articles:
        site = registrable_domain(next(urls, None))
        yield article.model_copy(update={"site": site}) if site is not None else article


def _parse_in_workers(texts: Iterable[object], workers: int, errors: ErrorPolicy, lang: str | None,
                      pipeline: Pipeline | None, chunksize: int, start_method: str | None) -> Iterator[Article]:
    sent: deque[object] = deque()  # the inputs handed out and not yet yielded (a few chunks at most)

    def handed_out() -> Iterator[object]:
        for item in texts:
            sent.append(item.text if isinstance(item, _Grouped) else item)
            yield item

    chunks = map_ordered(_ParseChunk(errors), handed_out(), workers=workers, chunksize=chunksize,
                         pipeline=pipeline, lang=lang, start_method=start_method)
    for result in chunks:
        if isinstance(result, _Raised):
            raise result.rebuild()
        for packed in result:
            yield _unpack(packed, sent.popleft())


class _ParseChunk:
    """A picklable ``(offset, chunk) -> Articles`` with the error policy bound."""

    def __init__(self, errors: ErrorPolicy) -> None:
        self.errors: ErrorPolicy = errors

    def __call__(self, offset: int, chunk: list[object]) -> list[_Packed] | _Raised:
        return _parse_chunk(offset, chunk, self.errors)


# ---------------------------------------------------------------------- JSON Lines (the CLI's worker function)


def _dumps_meta(meta: Mapping[str, Any]) -> str:
    import json

    return json.dumps(dict(meta), ensure_ascii=False, default=str, separators=(",", ":"))


def render_record(nlp: Pipeline, record: InputRecord, prefix: str = "") -> tuple[str, int]:
    """One output JSON line for ``record`` and its status (0 parsed, 1 error line, 2 a stage failed).

    A parsed record is its carried fields followed by the Article's JSON form; a record
    without text, or whose parse raised, is its carried fields and an ``error``. ``prefix``
    is put before the name of every field articlekit writes (the Article's and ``error``).
    """
    meta = _dumps_meta(record.meta)
    sep = "," if record.meta else ""
    if record.text is None:
        return f'{meta[:-1]}{sep}"{prefix}error":{_json_str(record.error or "unknown")}}}', 1
    try:
        options: dict[str, Any] = {}
        if record.group is not None:
            options["group"] = record.group
        if record.url is not None:
            options["url"] = record.url
        article = nlp(record.text, errors="note", **options)
        body = article_json(article)
    except Exception as exc:
        error = f"parse failed: {type(exc).__name__}: {exc}"
        return f'{meta[:-1]}{sep}"{prefix}error":{_json_str(error)}}}', 1
    status = 2 if any("stage failed" in n for n in article.notes) else 0
    if prefix:
        import json

        fields = json.loads(body)
        body = json.dumps({prefix + k: v for k, v in fields.items()}, ensure_ascii=False, separators=(",", ":"))
    if not record.meta:
        return body, status
    return f"{meta[:-1]},{body[1:]}", status


def _json_str(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


class RenderChunk:
    """A picklable ``(offset, records) -> JSON lines`` for worker processes, with the prefix bound."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix

    def __call__(self, offset: int, records: list[InputRecord]) -> list[tuple[str, int]]:
        nlp = _worker_pipeline()
        return [render_record(nlp, r, self.prefix) for r in records]


def article_json(article: Article) -> str:
    """The Article as one line of JSON.

    Text that holds a lone surrogate (what a bad decode with ``surrogateescape`` leaves) has no
    UTF-8 form: it is written with ``\\udxxx`` escapes, which JSON allows, instead of failing.
    """
    try:
        return article.model_dump_json()
    except PydanticSerializationError:
        import json

        return json.dumps(article.model_dump(mode="json"), ensure_ascii=True, separators=(",", ":"))
