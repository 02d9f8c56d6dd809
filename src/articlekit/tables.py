"""Table rows: Articles and records flattened into columns, with nothing overwritten and nothing lost.

>>> import articlekit
>>> articlekit.to_records(articlekit.parse_many(["JAKARTA - Harga cabai turun."]))[0]["place"]
'Jakarta'
>>> row = articlekit.parse_record({"id": 7, "url": "https://m.detik.com/x", "text": "JAKARTA - Harga turun."},
...                               id_field="id")
>>> row["id"], row["site"], row["place"], row["body"], row["error"]
(7, 'detik.com', 'Jakarta', 'Harga turun.', None)

* :func:`parse_record` is a plain dict-in/dict-out function for batch engines (``dask.bag.map``,
  Spark ``mapPartitions``, ``datasets.map``); :func:`parse_batch` is its column-wise twin for
  ``datasets.map(..., batched=True)``; :func:`parse_frame` maps a pandas DataFrame
  (``dask.dataframe.map_partitions``).
* :func:`to_records` and :func:`to_dataframe` flatten Articles.

A field that would share its name with an output column (``outlet``, ``title``, ``body``, …) is a
:class:`~articlekit.ColumnClash`, never a silent overwrite: pass ``prefix="ak_"`` to name the
output columns apart, or rename the field. Input these functions cannot mean (a str, a list of
dicts where Articles are expected, a frame without its text column) is an
:class:`~articlekit.InputError` naming what to call instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .corpus import ErrorPolicy, _check_errors, _is_frame
from .errors import ColumnClash, InputError, PipelineError
from .io import missing_text_field
from .json_lines import article_json
from .models import KINDS, Article
from .pipeline import Pipeline
from .templates import Templates
from .workers import DEFAULT_LANG, pipeline_for

if TYPE_CHECKING:
    from .io import InputRecord

DataFrame = Any
"""A ``pandas.DataFrame`` (typed loosely: pandas is an optional extra)."""

__all__ = [
    "CUT_FIELDS",
    "RECORD_FIELDS",
    "output_columns",
    "parse_batch",
    "parse_frame",
    "parse_record",
    "to_dataframe",
    "to_records",
]

CUT_FIELDS: tuple[str, ...] = tuple(f"cut_{kind}" for kind in KINDS if kind != "body")
"""``cut_outlet``, ``cut_dateline``, …: the characters of each segment kind that is not body."""

RECORD_FIELDS: tuple[str, ...] = (
    "lang",
    "site",
    "outlet",
    "outlet_domain",
    "title",
    "byline",
    "published",
    "updated",
    "place",
    "date",
    "date_partial",
    "time",
    "tz",
    "sources",
    "paragraphs",
    "inserts",
    "link_blocks",
    "credits",
    "chars",
    *CUT_FIELDS,
    "body",
    "notes",
    "error",
)
"""The columns of a flat record (after any carried fields such as ``id``), in order.

``lang`` is the locale used; ``site`` the registrable domain of the record's URL (``None``
without one); ``outlet`` is the name of the outlet the text names, ``outlet_domain`` its
domain; ``title``, ``byline``, ``published`` and ``updated`` come from a whole-page dump's
header; ``date``, ``time``, ``published`` and ``updated`` are ISO strings; ``sources`` and
``notes`` are joined with ``"; "``; ``paragraphs``, ``inserts``, ``link_blocks`` and
``credits`` are counts; ``chars`` is the length of the input text and ``cut_<kind>`` the
characters of each kind that is not body (``cut_insert``, ``cut_link_block``, …); ``error`` says
why a record could not be parsed at all (``None`` otherwise). Absent values are ``None`` (in a
DataFrame: text columns have the pandas ``string`` dtype, absent is ``<NA>``). With
``prefix="ak_"`` every column is named ``ak_<name>`` (see :func:`output_columns`).
"""

INT_FIELDS = frozenset({"paragraphs", "inserts", "link_blocks", "credits", "chars", *CUT_FIELDS})
"""The columns of :data:`RECORD_FIELDS` that hold counts (``int64`` in a DataFrame); the rest are text."""


def output_columns(prefix: str = "", *, full: bool = False) -> tuple[str, ...]:
    """The names of the columns articlekit writes: :data:`RECORD_FIELDS` (and ``article`` with ``full``), prefixed.

    >>> output_columns("ak_")[:3]
    ('ak_lang', 'ak_site', 'ak_outlet')
    """
    names = (*RECORD_FIELDS, "article") if full else RECORD_FIELDS
    return tuple(prefix + name for name in names)


def clash_error(names: Sequence[str], where: str, prefix: str, *, option: str = "prefix=",
                extra: str = "") -> ColumnClash:
    """The :class:`ColumnClash` for ``names``: what clashes and the way out."""
    listed = ", ".join(map(repr, names))
    one = len(names) == 1
    sample = "ak_outlet, ak_title, …"
    way_out = (f"pass another {option}than {prefix!r}" if prefix else
               f"pass {option}{'ak_' if option.startswith('-') else repr('ak_')} (the output columns become {sample})")
    return ColumnClash(f"{where} {listed} {'has' if one else 'have'} the name of "
                       f"{'an output column' if one else 'output columns'}, which would overwrite "
                       f"{'it' if one else 'them'} or be overwritten: {way_out}, or rename the field{extra}",
                       tuple(names))


def check_carried(carried: Iterable[str], taken: Iterable[str], where: str, prefix: str, *,
                  option: str = "prefix=", extra: str = "") -> None:
    """Raise :class:`ColumnClash` when a carried name is in ``taken`` (the output's column names)."""
    taken_set = set(taken)
    clash = list(dict.fromkeys(name for name in carried if name in taken_set))
    if clash:
        raise clash_error(clash, where, prefix, option=option, extra=extra)


# ---------------------------------------------------------------------- Articles to rows


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


def _prefixed(row: dict[str, Any], prefix: str) -> dict[str, Any]:
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
    return [_prefixed(flat(a), prefix) for a in _articles_only(articles, "to_records")]


def _records_for(articles: Iterable[Article], prefix: str, func: str) -> list[dict[str, Any]]:
    return [_prefixed(flat(a), prefix) for a in _articles_only(articles, func)]


# ---------------------------------------------------------------------- records to rows


def _what(record: Mapping[str, Any], name: str, value: object) -> str:
    """Why ``value`` (``record[name]``) is no text: null (``None``, a NaN, ``pandas.NA``), or of another type."""
    if value is None or (isinstance(value, float) and value != value) or type(value).__name__ in ("NAType", "NaTType"):
        return f"text field {name!r} is null"  # None, NaN, pandas' NA (a string column's missing value)
    return f"text field {name!r} is not a string but {type(value).__name__}"


def _url(record: Mapping[str, Any], url_field: str | None) -> str | None:
    url = record.get(url_field) if url_field else None
    return url if isinstance(url, str) else None


def _setup(lang: str | None, pipeline: Pipeline | None, templates: Templates | str | Path | None,
           group_by: str | None) -> tuple[Pipeline, str | None]:
    """The pipeline for the records, and how a record's group is read (``None``: no group).

    With ``templates`` (a :class:`~articlekit.Templates` or a file's path) the default pipeline gains
    the learned site templates, and a record's group is read by ``group_by`` (a field's name or
    ``"url"``), by default the way the templates were learned.
    """
    if templates is None:
        return pipeline_for(lang, pipeline), group_by
    if pipeline is not None:
        raise PipelineError("give templates to Pipeline.default(templates=...) when you pass a pipeline")
    from .pipeline import _pipeline_with_templates

    nlp = _pipeline_with_templates(lang if lang is not None else DEFAULT_LANG, templates)
    learned = getattr(nlp.get("templates"), "templates", None)
    return nlp, group_by or (learned.group_by if isinstance(learned, Templates) else "detected")


def _group(record: Mapping[str, Any], by: str | None, url_field: str | None) -> str | None:
    if by is None:
        return None
    from .learning import record_group

    return record_group(record, by, url_field=url_field or "url")


def _group_column(by: str | None) -> str | None:
    """The field a record's group is read from (``None``: none, or the URL's)."""
    if by is None or by in ("url", "detected"):
        return None
    return by[len("field:"):] if by.startswith("field:") else by


def _row(record: Mapping[str, Any], nlp: Pipeline, text_field: str, url_field: str | None, errors: ErrorPolicy,
         full: bool, by: str | None = None) -> dict[str, Any]:
    """The unprefixed output columns for one record (no carried fields)."""
    text = record.get(text_field)
    if not isinstance(text, str):
        error = missing_text_field(record, text_field) if text_field not in record else _what(record, text_field, text)
        if errors == "raise":
            raise TypeError(error)
        row = error_row(error)
        if full:
            row["article"] = None
        return row
    group = _group(record, by, url_field)
    try:
        if group is None:
            article = nlp(text, errors=errors, url=_url(record, url_field))
        else:
            article = nlp(text, errors=errors, url=_url(record, url_field), group=group)
    except Exception as exc:
        if errors == "raise":
            raise
        row = error_row(f"parse failed: {type(exc).__name__}: {exc}", len(text))
        if full:
            row["article"] = None
        return row
    row = flat(article)
    if full:
        row["article"] = article_json(article)
    return row


def parse_record(
    record: Mapping[str, Any],
    *,
    text_field: str = "text",
    id_field: str | None = None,
    keep: Sequence[str] = (),
    url_field: str | None = "url",
    lang: str | None = None,
    errors: ErrorPolicy = "note",
    pipeline: Pipeline | None = None,
    full: bool = False,
    prefix: str = "",
    templates: Templates | str | Path | None = None,
    group_by: str | None = None,
) -> dict[str, Any]:
    """Parse ``record[text_field]``; a flat dict out (a mapping function for batch engines).

    The result holds ``record[id_field]`` and the ``keep`` fields first (when present), then the
    columns of :data:`RECORD_FIELDS`, each named ``prefix + name``; ``full=True`` adds
    ``article``, the Article's complete JSON form as a string. The input text is not repeated.
    ``record[url_field]``, when a string, gives the ``site`` column.

    **Nothing is overwritten.** A field of ``record`` with the name of an output column (say
    ``outlet`` or ``title``) raises :class:`~articlekit.ColumnClash`, whether it is carried or
    not: engines such as ``datasets.map`` merge the result into the record, so the output would
    replace it. Pass ``prefix="ak_"`` (columns ``ak_outlet``, ``ak_title``, …) or rename the field.

    With ``errors="note"`` a record without a string text, or whose parse fails, gives a row
    whose ``error`` says why (a missing text field: the fields the record has, and which one to
    pass as ``text_field``); ``errors="raise"`` raises instead. A ``record`` that is not a
    mapping raises :class:`~articlekit.InputError`. Works as-is with ``dask.bag.map``,
    ``datasets.map`` and (in a generator over the partition) Spark ``mapPartitions``; for
    ``datasets.map(..., batched=True)`` use :func:`parse_batch`.

    ``templates`` (a :class:`~articlekit.Templates` or a file's path) adds learned site
    templates; each record's group is read by ``group_by`` (a field's name or ``"url"``), by
    default the way the templates were learned.
    """
    if not isinstance(record, Mapping):
        _refuse_record(record)
    _check_errors(errors)
    carried = ((id_field,) if id_field else ()) + tuple(keep)
    taken = output_columns(prefix, full=full)
    check_carried(carried, taken, "the carried field", prefix)
    check_carried(record, taken, "the record's field", prefix,
                  extra=" (datasets: Dataset.rename_column, or remove_columns=[...])")
    out: dict[str, Any] = {name: record[name] for name in carried if name in record}
    nlp, by = _setup(lang, pipeline, templates, group_by)
    out.update(_prefixed(_row(record, nlp, text_field, url_field, errors, full, by), prefix))
    return out


def _refuse_record(record: object) -> None:
    kind = type(record).__name__
    if isinstance(record, str):
        raise InputError("parse_record() takes one record (a dict with a text field), not a str: "
                         "for a page text call articlekit.parse(text)")
    if _is_frame(record):
        raise InputError(f"parse_record() takes one record (a dict), not a {kind}: call articlekit.parse_frame(frame)")
    raise InputError(f"parse_record() takes one record (a dict with a text field), not a {kind}: for page texts "
                     "call articlekit.parse_many(texts); for a DataFrame, parse_frame(frame)")


def parse_batch(
    batch: Mapping[str, Sequence[Any]],
    *,
    text_field: str = "text",
    url_field: str | None = "url",
    lang: str | None = None,
    errors: ErrorPolicy = "note",
    pipeline: Pipeline | None = None,
    full: bool = False,
    prefix: str = "",
    templates: Templates | str | Path | None = None,
    group_by: str | None = None,
) -> dict[str, list[Any]]:
    """Parse a batch of records given as columns (a dict of lists); the output columns as lists.

    The function for Hugging Face ``datasets``: ``ds.map(articlekit.parse_batch, batched=True)``
    (``fn_kwargs={"prefix": "ak_"}`` passes options). The result holds one list per column of
    :data:`RECORD_FIELDS` (named ``prefix + name``), each as long as the batch; ``datasets``
    keeps the batch's own columns beside them, so a batch column with the name of an output
    column raises :class:`~articlekit.ColumnClash` (pass ``prefix=``, or
    ``remove_columns=[...]``/``rename_column`` first). A batch without ``text_field`` raises
    :class:`~articlekit.InputError` naming its columns; a row whose text is null gives an
    ``error`` in its row, as in :func:`parse_record` (``templates`` and ``group_by`` too).
    """
    if not isinstance(batch, Mapping):
        raise InputError(f"parse_batch() takes a batch of columns (a dict of lists, what datasets.map(batched=True) "
                         f"passes), not a {type(batch).__name__}: for one record call parse_record(record)")
    _check_errors(errors)
    columns = output_columns(prefix, full=full)
    check_carried(batch, columns, "the batch's column", prefix,
                  extra=" (datasets: remove_columns=[...] or Dataset.rename_column)")
    if text_field not in batch:
        first = {name: (values[0] if len(values) else None) for name, values in batch.items()}
        raise InputError(missing_text_field(first, text_field, has="the batch has the columns")
                         + " (datasets: fn_kwargs={'text_field': NAME})")
    nlp, by = _setup(lang, pipeline, templates, group_by)
    wanted = [text_field, *(f for f in (url_field, _group_column(by)) if f and f in batch and f != text_field)]
    out: dict[str, list[Any]] = {name: [] for name in columns}
    for values in zip(*(batch[name] for name in wanted), strict=True):
        row = _row(dict(zip(wanted, values, strict=True)), nlp, text_field, url_field, errors, full, by)
        for name, value in row.items():
            out[prefix + name].append(value)
    return out


# ---------------------------------------------------------------------- pandas


def _pandas() -> Any:
    try:
        import pandas  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError as exc:  # pragma: no cover (depends on the environment)
        raise ImportError("this needs pandas: pip install 'articlekit[pandas]'") from exc
    return pandas


def frame_of(rows: list[dict[str, Any]], columns: Sequence[str], index: Any = None, prefix: str = "") -> DataFrame:
    """A DataFrame with stable dtypes: ``int64`` counts, pandas ``string`` text columns (missing: ``<NA>``)."""
    pandas = _pandas()
    ints = {prefix + name for name in INT_FIELDS}
    texts = {prefix + name for name in RECORD_FIELDS} - ints
    data: dict[str, Any] = {}
    for name in columns:
        values = [row.get(name) for row in rows]
        if name in ints:
            data[name] = pandas.array(values, dtype="int64")
        elif name in texts:
            data[name] = pandas.array(values, dtype="string")
        else:
            data[name] = values
    return pandas.DataFrame(data, columns=list(columns), index=index)


def to_dataframe(articles: Iterable[Article], *, index: Any = None, prefix: str = "") -> DataFrame:
    """A pandas DataFrame of :func:`to_records` (needs ``articlekit[pandas]``); ``index`` sets its index.

    Anything but Articles (a list of dicts, a str) raises :class:`~articlekit.InputError`.
    """
    return frame_of(_records_for(articles, prefix, "to_dataframe"), output_columns(prefix), index, prefix)


def parse_frame(
    frame: DataFrame,
    *,
    text_field: str = "text",
    id_field: str | None = None,
    keep: Sequence[str] = (),
    url_field: str | None = "url",
    lang: str | None = None,
    errors: ErrorPolicy = "note",
    pipeline: Pipeline | None = None,
    prefix: str = "",
    templates: Templates | str | Path | None = None,
    group_by: str | None = None,
) -> DataFrame:
    """Parse a DataFrame's ``text_field`` column; a DataFrame of flat records with the same index.

    The columns are ``id_field`` and ``keep`` (copied), then :data:`RECORD_FIELDS` (named
    ``prefix + name``); the ``url_field`` column, when there is one, gives ``site``. A carried
    column with the name of an output column raises :class:`~articlekit.ColumnClash` (pass
    ``prefix="ak_"``, or rename it); a frame without ``text_field`` raises
    :class:`~articlekit.InputError` naming its columns. Made for ``dask.dataframe``:
    ``ddf.map_partitions(parse_frame, meta=parse_frame(ddf._meta))`` (an empty frame gives the
    empty result, so it serves as ``meta``). ``templates`` and ``group_by`` are as for
    :func:`parse_record`.
    """
    if not _is_frame(frame):
        raise InputError(f"parse_frame() takes a pandas DataFrame, not a {type(frame).__name__}: for page texts "
                         "call articlekit.parse_many(texts); for one record, parse_record(record)")
    _check_errors(errors)
    if text_field not in frame.columns:
        first = frame.iloc[0].to_dict() if len(frame) else dict.fromkeys(frame.columns)
        raise InputError(missing_text_field(first, text_field, has="the frame has the columns"))
    carried_names = ((id_field,) if id_field else ()) + tuple(keep)
    check_carried(carried_names, output_columns(prefix), "the carried column", prefix)
    carried = [name for name in carried_names if name in frame.columns]
    nlp, by = _setup(lang, pipeline, templates, group_by)
    wanted = [text_field, *dict.fromkeys(f for f in (url_field, _group_column(by))
                                         if f and f in frame.columns and f != text_field)]
    rows: list[dict[str, Any]] = []
    for values in frame[wanted].itertuples(index=False, name=None):
        record = dict(zip(wanted, values, strict=True))
        rows.append(_prefixed(_row(record, nlp, text_field, url_field, errors, False, by), prefix))
    if carried:
        for i, values in enumerate(frame[carried].itertuples(index=False, name=None)):
            rows[i] = {**dict(zip(carried, values, strict=True)), **rows[i]}
    out = frame_of(rows, [*carried, *output_columns(prefix)], frame.index, prefix)
    for name in carried:
        out[name] = out[name].astype(frame[name].dtype)
    return out


# ---------------------------------------------------------------------- the command line's flat rows


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
        return {**meta, **_prefixed(error_row(error), prefix)}, 1
    try:
        article = nlp(record.text, errors="note", url=record.url, group=record.group)
    except Exception as exc:
        return {**meta, **_prefixed(error_row(f"parse failed: {type(exc).__name__}: {exc}", record.chars),
                                    prefix)}, 1
    status = 2 if any("stage failed" in n for n in article.notes) else 0
    return {**meta, **_prefixed(flat(article), prefix)}, status


class FlatChunk:
    """A picklable ``(offset, records) -> rows`` for worker processes, with the prefix bound."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def __call__(self, offset: int, records: list[InputRecord]) -> list[tuple[dict[str, Any], int]]:
        from .workers import worker_pipeline

        nlp = worker_pipeline()
        return [render_flat(nlp, r, self.prefix) for r in records]
