"""Articles as flat rows: one dict per Article with the columns of ``RECORD_FIELDS`` (and the command line's rows)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .columns import CUT_FIELDS, INT_FIELDS, RECORD_FIELDS
from .corpus import _is_frame
from .errors import InputError
from .models import Article
from .pipeline import Pipeline

if TYPE_CHECKING:
    from .io import InputRecord

__all__ = ["FlatChunk", "error_row", "flat", "prefixed", "records_for", "render_flat", "to_records"]

def _join(values: Sequence[str]) -> str | None:
    return "; ".join(values) if values else None


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def flat(article: Article) -> dict[str, Any]:
    """One Article as a flat dict with the columns of :data:`RECORD_FIELDS`."""
    outlet = article.outlet
    dl = article.dateline
    attribution = article.attribution
    cut = dict.fromkeys(CUT_FIELDS, 0)
    for seg in article.segments:
        if seg.kind != "body":
            cut[f"cut_{seg.kind}"] += seg.end - seg.start
    return {
        "lang": article.lang,
        "site": article.site,
        "outlet": outlet.name if outlet else None,
        "outlet_domain": outlet.domain if outlet else None,
        "title": article.title,
        "byline": article.byline,
        "published": _iso(article.published),
        "updated": _iso(article.updated),
        "place": dl.place if dl else None,
        "date": dl.date.isoformat() if dl and dl.date else None,
        "date_partial": dl.partial if dl else None,
        "time": dl.time.isoformat() if dl and dl.time else None,
        "tz": dl.tz if dl else None,
        "sources": _join(attribution.sources) if attribution else None,
        "paragraphs": len(article.paragraphs),
        "inserts": len(article.inserts),
        "link_blocks": len(article.link_blocks),
        "credits": len(article.credits),
        "chars": len(article.text),
        **cut,
        "body": article.body,
        "notes": _join(article.notes),
        "error": None,
    }


def error_row(error: str, chars: int = 0) -> dict[str, Any]:
    """The flat dict of a record that could not be parsed: counts 0, the rest ``None``, and ``error``."""
    row: dict[str, Any] = {name: (0 if name in INT_FIELDS else None) for name in RECORD_FIELDS}
    row["chars"] = chars
    row["error"] = error
    return row


def prefixed(row: dict[str, Any], prefix: str) -> dict[str, Any]:
    return {prefix + k: v for k, v in row.items()} if prefix else row


def _articles_only(articles: Iterable[Article], func: str) -> Iterator[Article]:
    if isinstance(articles, str | bytes | Mapping) or _is_frame(articles):
        raise InputError(f"{func}() takes Articles (from articlekit.parse or parse_many), not a "
                         f"{type(articles).__name__}: parse first, for example {func}(articlekit.parse_many(texts))")
    for i, article in enumerate(articles):
        if isinstance(article, Article):
            yield article
        elif isinstance(article, Mapping):
            raise InputError(f"{func}() takes Articles, but item {i} is a {type(article).__name__}: rows from "
                             "parse_record are flat already (pandas.DataFrame(rows)); records to parse go to "
                             "parse_record or parse_frame")
        else:
            raise InputError(f"{func}() takes Articles (from articlekit.parse or parse_many), but item {i} is a "
                             f"{type(article).__name__}: parse it first ({func}(articlekit.parse_many(texts)))")


def to_records(articles: Iterable[Article], *, prefix: str = "") -> list[dict[str, Any]]:
    """Flat dicts, one per Article, with the columns of :data:`RECORD_FIELDS` (for tables and notebooks).

    ``prefix`` is put before every column name. Anything but Articles raises
    :class:`~articlekit.InputError`. Use :meth:`Article.model_dump` for the full, nested form.
    """
    return [prefixed(flat(a), prefix) for a in _articles_only(articles, "to_records")]


def records_for(articles: Iterable[Article], prefix: str, func: str) -> list[dict[str, Any]]:
    return [prefixed(flat(a), prefix) for a in _articles_only(articles, func)]


def render_flat(nlp: Pipeline, record: InputRecord, prefix: str = "") -> tuple[dict[str, Any], int]:
    """One flat output row for ``record`` (its carried fields, then the output columns) and its status.

    The status is that of :func:`~articlekit.json_lines.render_record` (0 parsed, 1 an error row,
    2 a stage failed). An error row's ``error`` says where the record was (``file:line: …``).
    """
    meta = dict(record.meta)
    source, line = meta.pop("source", None), meta.pop("line", None)
    if record.text is None:
        error = record.error or "unknown"
        if line is not None:
            error = f"{source}:{line}: {error}"
        return {**meta, **prefixed(error_row(error), prefix)}, 1
    try:
        article = nlp(record.text, errors="note", url=record.url, group=record.group)
    except Exception as exc:
        return {**meta, **prefixed(error_row(f"parse failed: {type(exc).__name__}: {exc}", record.chars),
                                    prefix)}, 1
    status = 2 if any("stage failed" in n for n in article.notes) else 0
    return {**meta, **prefixed(flat(article), prefix)}, status


class FlatChunk:
    """A picklable ``(offset, records) -> rows`` for worker processes, with the prefix bound."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def __call__(self, offset: int, records: list[InputRecord]) -> list[tuple[dict[str, Any], int]]:
        from .workers import worker_pipeline

        nlp = worker_pipeline()
        return [render_flat(nlp, r, self.prefix) for r in records]
