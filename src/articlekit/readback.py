"""Loading the command line's output back: as Articles, flat records or a pandas DataFrame.

:func:`read_output` reads what ``articlekit parse`` wrote, in any of its forms: JSON Lines of
whole Articles (the default), flat JSON Lines (``--fields``), CSV (``--format csv``) or
Parquet (``--format parquet``), gzip-compressed or not. No line is dropped: a line that is an
``error`` comes back as an Article with no text and the error as a note, or as a row whose
``error`` column says it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from .columns import INT_FIELDS, RECORD_FIELDS, output_columns
from .errors import InputError
from .frames import frame_of
from .io import _close, open_binary
from .models import Article
from .rows import error_row, flat

__all__ = ["read_output"]

Into = Literal["articles", "records", "frame"]

_ARTICLE_FIELDS = tuple(Article.model_fields)


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    handle = open_binary(path)
    try:
        for number, raw in enumerate(handle, 1):
            if raw.strip():
                data = json.loads(raw)
                if not isinstance(data, dict):
                    raise InputError(f"{path}:{number}: not a JSON object: is this articlekit's output?")
                yield data
    finally:
        _close(handle)


def _split(data: dict[str, Any], prefix: str) -> tuple[dict[str, Any], dict[str, Any] | str]:
    """A full output line as (carried fields, the Article's fields, or the error when the line is one)."""
    names = {prefix + name: name for name in _ARTICLE_FIELDS}
    meta = {k: v for k, v in data.items() if k not in names and k != prefix + "error"}
    if prefix + "error" in data:
        return meta, str(data[prefix + "error"])
    return meta, {names[k]: v for k, v in data.items() if k in names}


def _is_full(data: dict[str, Any], prefix: str) -> bool:
    return prefix + "segments" in data or (prefix + "text" in data and prefix + "lang" in data) or (
        prefix + "error" in data and prefix + "chars" not in data)


def _failed(error: str) -> Article:
    return Article(text="", lang="und", notes=[f"error: {error}"])


def read_output(path: str | Path, *, into: Into = "articles", prefix: str = "") -> Any:
    """What ``articlekit parse`` wrote to ``path``, as a list of Articles, flat records or a DataFrame.

    ``into="articles"`` (JSON Lines of whole Articles only): one :class:`~articlekit.Article`
    per line, in order; an error line gives an Article with no text whose note is the error.
    ``into="records"``: one flat dict per line, the carried fields then the columns of
    :data:`~articlekit.RECORD_FIELDS` (as :func:`~articlekit.parse_record` gives them).
    ``into="frame"``: those records as a pandas DataFrame (``articlekit[pandas]``; Parquet needs
    ``articlekit[parquet]``). ``prefix`` is the ``--prefix`` the output was written with.
    """
    path = Path(path)
    if into not in ("articles", "records", "frame"):
        raise ValueError(f"into must be 'articles', 'records' or 'frame', not {into!r}")
    name = path.name.lower()
    if name.endswith((".csv", ".csv.gz", ".parquet", ".pq")):
        if into == "articles":
            raise InputError(f"{path} is a flat table (--format csv/parquet): it holds no whole Articles; "
                             "read it with into='frame' or into='records'")
        frame = _read_table(path, prefix)
        return frame if into == "frame" else frame.astype(object).where(frame.notna(), None).to_dict("records")
    if into == "articles":
        articles = []
        for data in _lines(path):
            if not _is_full(data, prefix):
                raise InputError(f"{path} holds flat rows (written with --fields): no whole Articles; read it with "
                                 "into='frame' or into='records'")
            _, fields = _split(data, prefix)
            articles.append(_failed(fields) if isinstance(fields, str) else Article.model_validate(fields))
        return articles
    records = []
    for data in _lines(path):
        if not _is_full(data, prefix):
            records.append(data)
            continue
        meta, fields = _split(data, prefix)
        row = error_row(fields) if isinstance(fields, str) else flat(Article.model_validate(fields))
        records.append({**meta, **{prefix + k: v for k, v in row.items()}})
    if into == "records":
        return records
    carried = list(dict.fromkeys(k for r in records for k in r if k not in set(output_columns(prefix))))
    present = [c for c in output_columns(prefix) if any(c in r for r in records)] or list(output_columns(prefix))
    return frame_of(records, [*carried, *present], None, prefix)


def _read_table(path: Path, prefix: str) -> Any:
    from .frames import pandas_module

    pandas = pandas_module()
    if path.name.lower().endswith((".parquet", ".pq")):
        frame = pandas.read_parquet(path)
    else:
        frame = pandas.read_csv(path, keep_default_na=False, na_values=[""])
    for name in RECORD_FIELDS:
        column = prefix + name
        if column in frame.columns:
            frame[column] = frame[column].astype("int64" if name in INT_FIELDS else "string")
    return frame
