"""Shared helpers of the benchmark scripts: where the corpus is, reading it, finding the parser."""

from __future__ import annotations

import importlib
import importlib.util
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from articlekit.models import Article

REPO = Path(__file__).resolve().parent.parent
"""The repository root."""

_SRC = str(REPO / "src")
if Path(_SRC, "articlekit").is_dir() and _SRC not in sys.path:
    # this checkout's own code first, even where another checkout is installed (git worktrees)
    sys.path.insert(0, _SRC)

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
"""``../shared/corpus`` relative to the repository root."""

Parser = Callable[[str], "Article"]


def iter_jsonl(path: Path) -> Iterator[dict[str, object]]:
    """The JSON objects of a ``.jsonl`` file, one per non-blank line."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError(f"{path}:{number}: expected a JSON object")
            yield record


def corpus_files(corpus: Path, *subdirs: str) -> list[Path]:
    """The ``*.jsonl`` files of the given corpus subdirectories, sorted."""
    return sorted(p for sub in subdirs for p in (corpus / sub).glob("*.jsonl"))


class ParserUnavailable(Exception):
    """``articlekit.parse`` cannot be loaded (not written yet, or the package fails to import)."""


def load_parser() -> Parser:
    """``articlekit.parse``; raises :class:`ParserUnavailable` with the reason when there is none."""
    try:
        module = importlib.import_module("articlekit")
    except Exception as exc:  # a half-written package may fail in any way
        raise ParserUnavailable(f"importing articlekit failed: {type(exc).__name__}: {exc}") from exc
    parse = getattr(module, "parse", None)
    if not callable(parse):
        raise ParserUnavailable("articlekit has no parse() yet")
    return cast("Parser", parse)
