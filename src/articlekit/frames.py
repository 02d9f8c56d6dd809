"""pandas DataFrames: Articles as a frame with stable dtypes, and a frame of records parsed column-wise."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .columns import INT_FIELDS, RECORD_FIELDS, check_carried, output_columns
from .corpus import ErrorPolicy, _check_errors, _is_frame
from .errors import InputError
from .io import missing_text_field
from .models import Article
from .pipeline import Pipeline
from .record_row import group_column, record_row, setup
from .rows import prefixed, records_for
from .templates import Templates

__all__ = ["DataFrame", "frame_of", "pandas_module", "parse_frame", "to_dataframe"]

DataFrame = Any
"""A ``pandas.DataFrame`` (typed loosely: pandas is an optional extra)."""


def pandas_module() -> Any:
    try:
        import pandas  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError as exc:  # pragma: no cover (depends on the environment)
        raise ImportError("this needs pandas: pip install 'articlekit[pandas]'") from exc
    return pandas


def frame_of(rows: list[dict[str, Any]], columns: Sequence[str], index: Any = None, prefix: str = "") -> DataFrame:
    """A DataFrame with stable dtypes: ``int64`` counts, pandas ``string`` text columns (missing: ``<NA>``)."""
    pandas = pandas_module()
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
    return frame_of(records_for(articles, prefix, "to_dataframe"), output_columns(prefix), index, prefix)


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
    nlp, by = setup(lang, pipeline, templates, group_by)
    wanted = [text_field, *dict.fromkeys(f for f in (url_field, group_column(by))
                                         if f and f in frame.columns and f != text_field)]
    rows: list[dict[str, Any]] = []
    for values in frame[wanted].itertuples(index=False, name=None):
        record = dict(zip(wanted, values, strict=True))
        rows.append(prefixed(record_row(record, nlp, text_field, url_field, errors, False, by), prefix))
    if carried:
        for i, values in enumerate(frame[carried].itertuples(index=False, name=None)):
            rows[i] = {**dict(zip(carried, values, strict=True)), **rows[i]}
    out = frame_of(rows, [*carried, *output_columns(prefix)], frame.index, prefix)
    for name in carried:
        out[name] = out[name].astype(frame[name].dtype)
    return out
