"""Reading corpora and writing JSON Lines.

Inputs are plain ``.txt`` pages (one page a file), folders of them, and JSON Lines
streams (``.jsonl``, ``.ndjson``, gzip-compressed or not, or ``-`` for stdin) with the
page text in a chosen field. Every input record becomes one :class:`InputRecord`: the
fields carried through to the output (an id, a url, the file's path), the text, or the
reason there is no text (unreadable file, bad JSON, missing text field). Nothing is
dropped on the way, so records out can always equal records in.

>>> import io as _io
>>> stream = _io.BytesIO(b'{"id": 7, "text": "JAKARTA - Harga naik."}\\n\\nnot json\\n')
>>> [(r.meta, r.text, r.error) for r in iter_jsonl(stream, source="s")]
[({'id': 7}, 'JAKARTA - Harga naik.', None), ({'line': 3, 'source': 's'}, None, 'bad JSON: Expecting value (column 1)')]

:class:`JsonlWriter` writes whole lines only: an interrupted run leaves every line it
wrote complete, and no half-written last line.
"""

from __future__ import annotations

import gzip
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any, TextIO, cast

__all__ = [
    "JSONL_SUFFIXES",
    "TEXT_SUFFIXES",
    "InputRecord",
    "JsonlWriter",
    "count_records",
    "expand_inputs",
    "is_jsonl_path",
    "iter_jsonl",
    "iter_records",
    "looks_like_jsonl",
    "missing_text_field",
    "open_binary",
]

TEXT_SUFFIXES = (".txt", ".txt.gz")
"""File names read as one page each."""

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz")
"""File names read as JSON Lines (one record a line)."""

_GZIP_MAGIC = b"\x1f\x8b"
_write = os.write  # the one system call that writes output (the tests cut it short)


@dataclass(slots=True)
class InputRecord:
    """One input record: the fields carried to the output, and the text or the reason there is none.

    ``meta`` holds the carried fields in output order (``id``, ``url``, kept fields, or
    ``path`` for a text file; ``source`` and ``line`` for a record that could not be read).
    Exactly one of ``text`` and ``error`` is set.
    """

    meta: dict[str, Any]
    text: str | None = None
    error: str | None = None
    chars: int = field(default=0, compare=False)
    group: str | None = None
    """The record's group for site templates (a field's value, its URL's domain), when asked for."""
    url: str | None = field(default=None, compare=False)
    """The record's URL (its ``url_field``), which gives the Article's ``site``."""

    def __post_init__(self) -> None:
        if self.text is not None:
            self.chars = len(self.text)


def missing_text_field(fields: Mapping[str, Any], text_field: str, *, option: str = "text_field=",
                       has: str = "the record has") -> str:
    """Why a record has no text field: what it is, the fields it has, and which one to name instead.

    ``option`` is how the caller names the setting (``text_field=`` in Python, ``--text-field ``
    on the command line). The suggestion is the field holding the longest string.

    >>> missing_text_field({"id": 1, "isi": "JAKARTA - Harga naik.", "url": "u"}, "text")
    "text field 'text' is missing (the record has: id, isi, url); pass text_field='isi'"
    >>> missing_text_field({}, "text")
    "text field 'text' is missing"
    """
    if not fields:
        return f"text field {text_field!r} is missing"
    names = ", ".join(str(k) for k in fields)
    strings = [(len(v), str(k)) for k, v in fields.items() if isinstance(v, str) and v.strip()]
    hint = ""
    if strings:
        best = max(strings)[1]
        hint = f"; pass {option}{best!r}" if option.endswith("=") else f"; pass {option}{best}"
    return f"text field {text_field!r} is missing ({has}: {names}){hint}"


def looks_like_jsonl(head: str) -> bool:
    """True when ``head`` (the start of a page) opens with a line that is a whole JSON object: JSON Lines.

    >>> looks_like_jsonl('{"id": 1, "text": "JAKARTA - Harga naik."}\\n{"id": 2}'), looks_like_jsonl("JAKARTA - {a}")
    (True, False)
    """
    first = head.lstrip().split("\n", 1)[0].strip()
    if not (first.startswith("{") and first.endswith("}")):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def is_jsonl_path(path: str | Path) -> bool:
    """True when the file name says JSON Lines (``.jsonl``, ``.ndjson``, ``.json.gz``, gzip or not)."""
    return str(path).lower().endswith(JSONL_SUFFIXES)


def open_binary(path: str | Path) -> IO[bytes]:
    """The file (``-``: stdin) for reading bytes, decompressed when it is gzip (by its first bytes)."""
    if str(path) == "-":
        raw: IO[bytes] = sys.stdin.buffer
        peek = getattr(raw, "peek", None)
        head = peek(2)[:2] if peek is not None else b""
        return cast("IO[bytes]", gzip.GzipFile(fileobj=raw, mode="rb")) if head == _GZIP_MAGIC else raw
    handle = open(path, "rb")  # noqa: SIM115 (returned to the caller, who closes it)
    try:
        head = handle.read(2)
        handle.seek(0)
    except OSError:
        handle.close()
        raise
    if head == _GZIP_MAGIC:
        # closing the GzipFile leaves `handle` open: _close closes both
        return cast("IO[bytes]", gzip.GzipFile(fileobj=handle, mode="rb"))
    return handle


def _close(handle: IO[bytes]) -> None:
    if handle is sys.stdin.buffer:
        return
    inner = getattr(handle, "fileobj", None)
    handle.close()
    if inner is not None and inner is not sys.stdin.buffer:
        inner.close()


def expand_inputs(inputs: Sequence[str], *, jsonl: bool = False) -> Iterator[str]:
    """The files named by ``inputs`` in order; a folder gives its page and JSON Lines files, sorted, recursively.

    With ``jsonl=True`` a folder gives its JSON Lines files only. Names that do not exist
    are passed on (reading them reports the error as a record).
    """
    for name in inputs:
        path = Path(name)
        if name != "-" and path.is_dir():
            wanted = JSONL_SUFFIXES if jsonl else (*TEXT_SUFFIXES, *JSONL_SUFFIXES)
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(wanted))
            yield from (str(p) for p in found)
        else:
            yield name


def _pick(obj: dict[str, Any], fields: Iterable[str]) -> dict[str, Any]:
    return {name: obj[name] for name in fields if name in obj}


def iter_jsonl(
    stream: IO[bytes],
    *,
    source: str = "-",
    text_field: str = "text",
    carry: Sequence[str] = ("id", "url"),
    encoding: str = "utf-8",
    group_by: str | None = None,
    url_field: str | None = "url",
) -> Iterator[InputRecord]:
    """The records of a JSON Lines byte stream; blank lines are skipped, any other line is a record.

    ``carry`` names the fields copied to ``meta`` when present; a string ``url_field`` is the
    record's ``url`` (its site). A line that is not a JSON object, or lacks a string
    ``text_field``, becomes a record with an ``error`` and its ``source`` and ``line`` number
    (plus the carried fields it has); a missing text field's error lists the fields the record
    has and suggests ``--text-field``. ``group_by`` (a field's name, ``"url"`` or
    ``"detected"``) sets each record's ``group`` (:func:`articlekit.learning.record_group`).
    """
    from .learning import record_group

    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw.decode(encoding))
        except UnicodeDecodeError as exc:
            yield InputRecord({"line": number, "source": source}, error=f"not valid {encoding}: {exc.reason}")
            continue
        except ValueError as exc:
            msg = getattr(exc, "msg", str(exc))
            col = getattr(exc, "colno", None)
            where = f" (column {col})" if col is not None else ""
            yield InputRecord({"line": number, "source": source}, error=f"bad JSON: {msg}{where}")
            continue
        if not isinstance(obj, dict):
            yield InputRecord({"line": number, "source": source},
                              error=f"a line must be a JSON object, not {type(obj).__name__}")
            continue
        meta = _pick(obj, carry)
        text = obj.get(text_field)
        if isinstance(text, str):
            group = record_group(obj, group_by, url_field=url_field or "url") if group_by else None
            url = obj.get(url_field) if url_field else None
            yield InputRecord(meta, text=text, group=group, url=url if isinstance(url, str) else None)
            continue
        if text_field not in obj:
            error = missing_text_field(obj, text_field, option="--text-field ")
        else:
            what = "null" if text is None else f"not a string but {type(text).__name__}"
            error = f"text field {text_field!r} is {what}"
        yield InputRecord({**meta, "line": number, "source": source}, error=error)


def _read_text_file(name: str, encoding: str) -> InputRecord:
    try:
        handle = open_binary(name)
        try:
            data = handle.read()
        finally:
            _close(handle)
    except OSError as exc:
        return InputRecord({"path": name}, error=f"cannot read {name}: {exc.strerror or exc}")
    try:
        return _page_record(name, data.decode(encoding))
    except UnicodeDecodeError as exc:
        return InputRecord({"path": name}, error=f"{name} is not valid {encoding} ({exc})")


JSONL_NOT_PAGE = ("{name} holds JSON Lines (its first line is a JSON object), not a page: pass --jsonl to parse one "
                  "record a line, or name the file .jsonl")


def _page_record(name: str, text: str) -> InputRecord:
    if looks_like_jsonl(text[:100_000]):
        return InputRecord({"path": name}, error=JSONL_NOT_PAGE.format(name="stdin" if name == "-" else name))
    return InputRecord({"path": name}, text=text)


def iter_records(
    inputs: Sequence[str],
    *,
    jsonl: bool = False,
    text_field: str = "text",
    carry: Sequence[str] = ("id", "url"),
    encoding: str = "utf-8",
    group_by: str | None = None,
    url_field: str | None = "url",
) -> Iterator[InputRecord]:
    """Every record of ``inputs`` (files, folders, ``-``), in order, streamed.

    A name is read as JSON Lines when ``jsonl`` is true or its suffix says so
    (:data:`JSONL_SUFFIXES`); otherwise the whole file is one page (``-``: stdin). A JSON
    Lines file that cannot be opened gives one error record.
    """
    for name in expand_inputs(inputs, jsonl=jsonl):
        if not (jsonl or is_jsonl_path(name)):
            if name == "-":
                data = sys.stdin.buffer.read()
                try:
                    yield _page_record("-", data.decode(encoding))
                except UnicodeDecodeError as exc:
                    yield InputRecord({"path": "-"}, error=f"stdin is not valid {encoding} ({exc})")
            else:
                yield _read_text_file(name, encoding)
            continue
        try:
            handle = open_binary(name)
        except OSError as exc:
            yield InputRecord({"source": name}, error=f"cannot read {name}: {exc.strerror or exc}")
            continue
        try:
            yield from iter_jsonl(handle, source=name, text_field=text_field, carry=carry, encoding=encoding,
                                  group_by=group_by, url_field=url_field)
        except (OSError, EOFError) as exc:  # a truncated or corrupt gzip stream
            yield InputRecord({"source": name}, error=f"cannot read {name} to the end: {exc}")
        finally:
            _close(handle)


def count_records(files: Sequence[str], *, jsonl: bool = False) -> int | None:
    """How many records ``files`` (already expanded) hold, counted cheaply before a run (``None``: stdin).

    A page file is one record; a JSON Lines file is one record per line that is not blank
    (the lines are counted, not parsed; gzip is decompressed on the way).
    """
    total = 0
    for name in files:
        if name == "-":
            return None
        if not (jsonl or is_jsonl_path(name)):
            total += 1
            continue
        try:
            handle = open_binary(name)
        except OSError:
            total += 1  # one error record
            continue
        try:
            total += sum(1 for line in handle if not line.isspace())
        except (OSError, EOFError):
            total += 1
        finally:
            _close(handle)
    return total


class JsonlWriter:
    """Writes JSON Lines whole-line by whole-line, to a file or to a text stream.

    Lines are buffered and written in batches of whole lines (``flush_bytes``). On
    :meth:`close` (also when leaving a ``with`` block by an exception or Ctrl-C) the
    complete lines are written and, for a file, anything past the last complete line is
    cut off, so an interrupted run never leaves a half-written line.

    ``path=None`` writes to ``stream`` (default: ``sys.stdout``), flushing after each batch.
    """

    def __init__(self, path: str | Path | None = None, *, stream: TextIO | None = None,
                 append: bool = False, flush_bytes: int = 1 << 20) -> None:
        self._flush_bytes = flush_bytes
        self._pending: list[bytes] = []
        self._pending_size = 0
        self._stream: TextIO | None = None
        self._fd: int | None = None
        self.lines = 0
        if path is None:
            self._stream = stream if stream is not None else sys.stdout
            self._good = 0
        else:
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            self._fd = os.open(path, flags | getattr(os, "O_BINARY", 0), 0o666)
            self._regular = stat.S_ISREG(os.fstat(self._fd).st_mode)  # not a pipe or /dev/null: can be cut back
            self._good = os.lseek(self._fd, 0, os.SEEK_END) if self._regular else 0  # after the last whole line
            self.path = Path(path)

    def write(self, line: str) -> None:
        """Queue one line (``line`` must not contain a newline; one is added)."""
        data = (line + "\n").encode("utf-8")
        self._pending.append(data)
        self._pending_size += len(data)
        self.lines += 1
        if self._pending_size >= self._flush_bytes:
            self.flush()

    def flush(self) -> None:
        """Write the queued lines."""
        if not self._pending:
            return
        data = b"".join(self._pending)
        self._pending.clear()
        self._pending_size = 0
        if self._fd is None:
            assert self._stream is not None
            self._stream.write(data.decode("utf-8"))
            self._stream.flush()
            return
        view = memoryview(data)
        while view:
            n = _write(self._fd, view)
            view = view[n:]
        self._good += len(data)

    def close(self) -> None:
        """Write what is queued and close; a file is cut back to its last complete line."""
        try:
            self.flush()
        finally:
            if self._fd is not None:
                fd, self._fd = self._fd, None
                try:
                    if self._regular and os.lseek(fd, 0, os.SEEK_END) != self._good:
                        os.ftruncate(fd, self._good)
                finally:
                    os.close(fd)

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
