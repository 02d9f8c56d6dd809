"""Flat tables out of the command line: JSON Lines rows, CSV and Parquet, whole rows only.

Every writer takes one flat row (a dict) at a time, with the columns fixed up front. The JSON
Lines and CSV writers write through :class:`~articlekit.io.JsonlWriter`, so an interrupted run
leaves whole rows only; the Parquet writer (``pip install "articlekit[parquet]"``, pyarrow)
writes row groups and closes the file properly on an interruption too.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from .columns import INT_FIELDS, RECORD_FIELDS
from .errors import ArticlekitError
from .io import JsonlWriter

__all__ = ["CsvWriter", "FlatJsonlWriter", "ParquetWriter", "RowWriter", "open_writer"]


class RowWriter(Protocol):
    """What the command line writes rows with."""

    def write(self, row: dict[str, Any]) -> None: ...

    def close(self) -> None: ...


def _cell(value: Any) -> Any:
    """A value a table cell can hold: nested values as JSON text."""
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False)
    return value


class FlatJsonlWriter:
    """One JSON object a line, holding ``columns`` in order."""

    def __init__(self, out: JsonlWriter, columns: Sequence[str]) -> None:
        self._out = out
        self.columns = list(columns)

    def write(self, row: dict[str, Any]) -> None:
        data = {name: row.get(name) for name in self.columns}
        self._out.write(json.dumps(data, ensure_ascii=False, default=str, separators=(",", ":")))

    def close(self) -> None:
        self._out.close()


class CsvWriter:
    """CSV with a header row; empty cells for ``None``, nested values as JSON text; whole rows only."""

    def __init__(self, out: JsonlWriter, columns: Sequence[str]) -> None:
        self._out = out
        self.columns = list(columns)
        self._buffer = io.StringIO()
        self._csv = csv.writer(self._buffer, lineterminator="\n")
        self._row(self.columns)

    def _row(self, values: Sequence[Any]) -> None:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._csv.writerow(values)
        self._out.write(self._buffer.getvalue()[:-1])  # the writer adds the newline

    def write(self, row: dict[str, Any]) -> None:
        self._row([_cell(row.get(name)) for name in self.columns])

    def close(self) -> None:
        self._out.close()


class ParquetWriter:
    """A Parquet file of ``columns``, written a row group at a time (needs pyarrow: ``articlekit[parquet]``).

    The types of articlekit's columns are fixed (``int64`` counts, strings); a carried column takes
    the type of its first non-null values (strings when it has none), and nested values are JSON
    text.
    """

    def __init__(self, path: str | Path, columns: Sequence[str], prefix: str = "", *,
                 rows_per_group: int = 5000) -> None:
        try:
            import pyarrow  # type: ignore[import-untyped, import-not-found, unused-ignore]
            import pyarrow.parquet  # type: ignore[import-untyped, import-not-found, unused-ignore]
        except ImportError as exc:
            raise ImportError('--format parquet needs pyarrow: pip install "articlekit[parquet]"') from exc
        self._pa = pyarrow
        self._pq = pyarrow.parquet
        self.path = Path(path)
        self.columns = list(columns)
        self._ints = {prefix + n for n in INT_FIELDS}
        self._strings = {prefix + n for n in RECORD_FIELDS} - self._ints
        self._rows: list[dict[str, Any]] = []
        self._rows_per_group = rows_per_group
        self._writer: Any = None
        self._schema: Any = None

    def write(self, row: dict[str, Any]) -> None:
        self._rows.append(row)
        if len(self._rows) >= self._rows_per_group:
            self.flush()

    def _type(self, name: str, values: list[Any]) -> Any:
        pa = self._pa
        if name in self._ints:
            return pa.int64()
        if name in self._strings:
            return pa.string()
        found = pa.array(values).type
        return pa.string() if pa.types.is_null(found) else found

    def flush(self) -> None:
        """Write the rows held as one row group."""
        if not self._rows and self._writer is not None:
            return
        pa = self._pa
        data = {name: [_cell(r.get(name)) for r in self._rows] for name in self.columns}
        if self._schema is None:
            self._schema = pa.schema([(name, self._type(name, data[name])) for name in self.columns])
            self._writer = self._pq.ParquetWriter(str(self.path), self._schema)
        try:
            table = pa.table({name: pa.array(data[name], type=self._schema.field(name).type) for name in self.columns},
                             schema=self._schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise ArticlekitError(f"cannot write {self.path}: a carried field changes type ({exc}); "
                                  "write CSV or JSON Lines instead") from exc
        self._writer.write_table(table)
        self._rows.clear()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            if self._writer is not None:
                self._writer.close()


def open_writer(fmt: str, output: str | None, columns: Sequence[str], prefix: str = "") -> RowWriter:
    """The writer of flat rows for ``fmt`` (``jsonl``, ``csv``, ``parquet``) to ``output`` (``None``: stdout)."""
    if fmt == "parquet":
        if not output:
            raise ValueError("--format parquet needs an output file: -o FILE.parquet")
        return ParquetWriter(output, columns, prefix)
    out = JsonlWriter(output) if output else JsonlWriter()
    return CsvWriter(out, columns) if fmt == "csv" else FlatJsonlWriter(out, columns)
