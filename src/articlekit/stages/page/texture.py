"""Finding the story of a whole-page dump by its texture, not by its site.

Each line gets a value from shallow features alone: a line of prose (long, ends like a sentence,
mostly lower-case words) is worth its words; any other line (a menu entry, a headline in a link
list, a share button, a timestamp) costs a fixed number of words. The story is the stretch of
lines with the highest total (the maximum-sum run, found in one pass): long runs of prose with
few short lines between them win over menus, link lists with blurbs and footers, wherever they
stand on the page. This is the body-text-extraction idea of the boilerpipe line of work, read
from text alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

__all__ = ["capital_share", "dense_runs", "densest_run", "glued_teaser", "story_run"]


def capital_share(s: str) -> float:
    """The share of a line's words that start with a capital letter (a Title-Case headline ~1, prose ~0.2)."""
    words = [w for w in s.split() if w[:1].isalpha()]
    # a script without spaces or capitals: two characters a word (none in an ASCII line)
    unspaced = 0 if s.isascii() else len(_UNSPACED.findall(s)) // 2
    if not words and not unspaced:
        return 1.0
    return sum(w[:1].isupper() for w in words) / (len(words) + unspaced)


_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")
_GLUE = regex.compile(r"\p{Ll}(?=\p{Lu})")


def glued_teaser(s: str, *, min_words: int = 4, share: float = 0.85, reach: int = 160) -> bool:
    """A link list's headline glued to its blurb ("… In Northern MichiganMichigan Department of …"):
    a Title-Case run of at least ``min_words`` words whose last word runs into a capital letter."""
    m = _GLUE.search(s, 0, min(len(s), reach))
    if m is None:
        return False
    words = [w for w in s[: m.end()].split() if w[:1].isalpha()]
    return len(words) >= min_words and sum(w[:1].isupper() for w in words) >= share * len(words)


def densest_run(values: Sequence[float]) -> tuple[int, int] | None:
    """``[lo, hi)`` of the contiguous run with the largest positive sum of ``values`` (the first of equals)."""
    best, best_lo, best_hi = 0.0, 0, 0
    total, lo = 0.0, 0
    for i, v in enumerate(values):
        if total <= 0:
            total, lo = 0.0, i
        total += v
        if total > best:
            best, best_lo, best_hi = total, lo, i + 1
    return (best_lo, best_hi) if best > 0 else None


def dense_runs(values: Sequence[float]) -> list[tuple[int, int, float]]:
    """The runs a left-to-right maximum-sum scan finds, as ``(lo, hi, sum)``: a run closes where its
    total falls to zero or below; ``hi`` ends at its best point. One pass."""
    runs: list[tuple[int, int, float]] = []
    total, lo, best, best_hi = 0.0, 0, 0.0, 0
    for i, v in enumerate(values):
        if total <= 0:
            if best > 0:
                runs.append((lo, best_hi, best))
            total, lo, best = 0.0, i, 0.0
        total += v
        if total > best:
            best, best_hi = total, i + 1
    if best > 0:
        runs.append((lo, best_hi, best))
    return runs


def story_run(runs: Sequence[tuple[int, int, float]], share: float) -> tuple[int, int, float] | None:
    """The first run worth at least ``share`` of the best one: a page prints its story before the
    comments, the disclaimers and the cookie notice, which may hold more prose than a short story
    (``runs`` as :func:`dense_runs` gives them)."""
    if not runs:
        return None
    top = max(r[2] for r in runs)
    return next(r for r in runs if r[2] >= share * top)
