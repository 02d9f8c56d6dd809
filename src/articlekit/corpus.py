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
* :func:`~articlekit.json_lines.render_record` and :func:`~articlekit.workers.map_ordered` are the command
  line's corpus run.

Table rows (``parse_record``, ``parse_batch``, ``parse_frame``, ``to_records``,
``to_dataframe``) live in :mod:`articlekit.tables`.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Literal

from .errors import InputError, PipelineError
from .models import Article
from .packing import Packed, pack, unpack
from .pipeline import Pipeline
from .templates import Templates
from .workers import DEFAULT_CHUNKSIZE, DEFAULT_LANG, Raised, map_ordered, pipeline_for, worker_pipeline

__all__ = ["parse_many"]

ErrorPolicy = Literal["raise", "note"]


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



# ---------------------------------------------------------------------- many records


class _Grouped:
    """A text and the group it belongs to (``parse_many(..., groups=...)``), on its way to a worker."""

    __slots__ = ("group", "text")

    def __init__(self, text: object, group: str | None) -> None:
        self.text = text
        self.group = group


def _parse_chunk(start: int, texts: list[object], errors: ErrorPolicy) -> list[Packed] | Raised:
    nlp = worker_pipeline()
    out: list[Packed] = []
    for i, item in enumerate(texts):
        text, group = (item.text, item.group) if isinstance(item, _Grouped) else (item, None)
        try:
            out.append(pack(_parse_one(nlp, text, errors, group), text))
        except Exception as exc:  # only with errors="raise": hand the first one back
            return Raised(start + i, exc)
    return out


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
        pipeline = Pipeline.default(lang if lang is not None else DEFAULT_LANG, templates=templates)
    checked = _texts_only(texts, "parse_many")
    items: Iterable[object] = checked
    if groups is not None:
        items = (_Grouped(text, group) for text, group in zip(checked, groups, strict=True))
    if n == 1:
        nlp = pipeline_for(lang, pipeline)
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
        if isinstance(result, Raised):
            raise result.rebuild()
        for packed in result:
            yield unpack(packed, sent.popleft())


class _ParseChunk:
    """A picklable ``(offset, chunk) -> Articles`` with the error policy bound."""

    def __init__(self, errors: ErrorPolicy) -> None:
        self.errors: ErrorPolicy = errors

    def __call__(self, offset: int, chunk: list[object]) -> list[Packed] | Raised:
        return _parse_chunk(offset, chunk, self.errors)
