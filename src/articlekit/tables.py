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

The columns are defined in :mod:`articlekit.columns`; Articles become rows in :mod:`articlekit.rows`,
records in :mod:`articlekit.record_row`, DataFrames in :mod:`articlekit.frames`.

A field that would share its name with an output column (``outlet``, ``title``, ``body``, …) is a
:class:`~articlekit.ColumnClash`, never a silent overwrite: pass ``prefix="ak_"`` to name the
output columns apart, or rename the field. Input these functions cannot mean (a str, a list of
dicts where Articles are expected, a frame without its text column) is an
:class:`~articlekit.InputError` naming what to call instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .columns import CUT_FIELDS, RECORD_FIELDS, check_carried, output_columns
from .corpus import ErrorPolicy, _check_errors, _is_frame
from .errors import InputError
from .frames import parse_frame, to_dataframe
from .io import missing_text_field
from .pipeline import Pipeline
from .record_row import group_column, record_row, setup
from .rows import prefixed, to_records
from .templates import Templates

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
    nlp, by = setup(lang, pipeline, templates, group_by)
    out.update(prefixed(record_row(record, nlp, text_field, url_field, errors, full, by), prefix))
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
    nlp, by = setup(lang, pipeline, templates, group_by)
    wanted = [text_field, *(f for f in (url_field, group_column(by)) if f and f in batch and f != text_field)]
    out: dict[str, list[Any]] = {name: [] for name in columns}
    for values in zip(*(batch[name] for name in wanted), strict=True):
        row = record_row(dict(zip(wanted, values, strict=True)), nlp, text_field, url_field, errors, full, by)
        for name, value in row.items():
            out[prefix + name].append(value)
    return out
