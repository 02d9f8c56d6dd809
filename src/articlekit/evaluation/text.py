"""Comparing text: whitespace folded, case folded, shortened for a failure message."""

from __future__ import annotations

__all__ = ["fold", "key", "short"]

_SHORT = 60


def fold(s: str) -> str:
    """Whitespace folding: every run of whitespace becomes one space; the ends are stripped."""
    return " ".join(s.split())



def key(s: str | None) -> str | None:
    """Folded and case-folded, ``None`` kept."""
    return None if s is None else fold(s).casefold()



def short(value: object) -> str:
    """A short repr for a failure message."""
    if isinstance(value, str):
        folded = fold(value)
        if len(folded) > _SHORT:
            folded = folded[: _SHORT - 1] + "…"
        return repr(folded)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(short(v) for v in value) + "]"
    return repr(value)
