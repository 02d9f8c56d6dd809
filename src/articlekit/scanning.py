"""Scanning helpers: run a costly pattern only where a cheaper scan says it can match.

The ``regex`` engine pays for every pattern at every position of the text, so ten patterns
are ten scans. When a stage knows that each match of a pattern starts at one of a few
offsets (a line where some whole-line rule matches, the place a marker word stands), it
finds those offsets with one scan and tries the pattern there only. :func:`matches_at` keeps
the exact answer of ``pattern.finditer(text)``: same matches, same order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["line_starts_before", "matches_at", "starts"]


def starts(pattern: Any, text: str) -> list[int]:
    """Every offset where ``pattern`` matches (overlapping matches included), in order."""
    return [m.start() for m in pattern.finditer(text, overlapped=True)]


def matches_at(pattern: Any, text: str, offsets: Iterable[int]) -> Iterator[Any]:
    """The matches ``pattern.finditer(text)`` yields, when every one of them starts at one of ``offsets``.

    ``offsets`` must be sorted. Like ``finditer``, a match starts no earlier than where the
    previous one ended (one past it, after an empty match).
    """
    done = 0
    for pos in offsets:
        if pos < done:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            yield m
            done = max(m.end(), pos + 1)


def line_starts_before(text: str, offsets: Iterable[int], blank: str = " \t\u00a0") -> list[int]:
    """The starts of the lines where an offset has only ``blank`` characters before it, sorted."""
    out: set[int] = set()
    lo, seen = 0, 0  # the start of the line holding ``seen``: each stretch of text is searched once
    for pos in sorted(offsets):
        nl = text.rfind("\n", seen, pos)
        if nl >= 0:
            lo = nl + 1
        seen = pos
        k = pos  # only blank characters back to the line start? (no slice of the line per offset)
        while k > lo and text[k - 1] in blank:
            k -= 1
        if k == lo:
            out.add(lo)
    return sorted(out)
