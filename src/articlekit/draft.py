"""The working state a pipeline hands from stage to stage.

A :class:`Draft` is read-only for stages. A stage looks at the text, the lines and the
claims made so far, and returns a :class:`Findings` with what it found: claims (pieces of
text it takes out of the body, each with a kind and the rule id), facts (values it read
without taking the text, such as a date inside the first sentence) and notes. The text
itself is never edited.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .models import KINDS, Kind
from .rules import Locale, OutletCatalogue

__all__ = ["Claim", "Draft", "Fact", "Findings", "Line"]

T = TypeVar("T")

_KINDS = frozenset(KINDS)



@dataclass(frozen=True, slots=True)
class Claim:
    """A piece of text ``[start, end)`` a stage takes out of the body, as ``kind``, by rule ``why``."""

    kind: Kind
    start: int
    end: int
    why: str
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Fact:
    """A value read from ``[start, end)`` without taking the text out of the body."""

    kind: str
    start: int
    end: int
    why: str
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text: ``[start, end)`` without its line break; ``lo``/``hi`` trim whitespace."""

    index: int
    start: int
    end: int
    lo: int
    hi: int

    @property
    def blank(self) -> bool:
        return self.lo >= self.hi


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` narrowed to its first and last non-whitespace characters."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# A frozen dataclass's __init__ sets each field through object.__setattr__ (a lookup by name per field):
# split_lines, which makes one Line per line of a page, sets the slots through their descriptors instead.
_new_line = Line.__new__
_set_index, _set_start, _set_end, _set_lo, _set_hi = (
    Line.__dict__[name].__set__ for name in ("index", "start", "end", "lo", "hi"))


def split_lines(text: str) -> tuple[Line, ...]:
    """The lines of ``text`` with their offsets (one pass; lines end at ``\n`` only)."""
    lines: list[Line] = []
    append = lines.append
    find = text.find
    n = len(text)
    start = 0
    index = 0
    while True:
        nl = find("\n", start)
        end = n if nl < 0 else nl
        lo, hi = start, end
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        line = _new_line(Line)
        _set_index(line, index)
        _set_start(line, start)
        _set_end(line, end)
        _set_lo(line, lo)
        _set_hi(line, hi)
        append(line)
        if nl < 0:
            return tuple(lines)
        index += 1
        start = nl + 1


@dataclass(frozen=True)
class Draft:
    """The state between stages: the text, its lines, the data, and the claims so far."""

    text: str
    lang: str
    locale: Locale
    outlets: OutletCatalogue
    lines: tuple[Line, ...]
    claims: tuple[Claim, ...] = ()
    facts: tuple[Fact, ...] = ()
    notes: tuple[str, ...] = ()
    _starts: tuple[int, ...] = ()
    group: str | None = None
    """The group (site or outlet) the caller says the text belongs to, if any (site templates read it)."""
    _line_starts: list[int] | None = field(default=None, compare=False, repr=False)
    """Where each of ``lines`` starts, for :meth:`line_at` (shared by every draft of one text; built on first use)."""

    @classmethod
    def start(cls, text: str, *, lang: str, locale: Locale, outlets: OutletCatalogue,
              group: str | None = None) -> Draft:
        return cls(text=text, lang=lang, locale=locale, outlets=outlets, lines=split_lines(text), group=group,
                   _line_starts=[])

    # ---------------------------------------------------------------- reading claims

    def is_free(self, start: int, end: int) -> bool:
        """True when no claim overlaps ``[start, end)``."""
        i = bisect.bisect_right(self._starts, start)
        if i > 0 and self.claims[i - 1].end > start:
            return False
        return not (i < len(self.claims) and self.claims[i].start < end)

    def claim_at(self, pos: int) -> Claim | None:
        """The claim covering offset ``pos``, if any."""
        i = bisect.bisect_right(self._starts, pos)
        if i > 0 and self.claims[i - 1].end > pos:
            return self.claims[i - 1]
        return None

    def free_until(self, pos: int, end: int) -> int:
        """Where the first claim at or after ``pos`` starts, at most ``end`` (``pos`` itself unclaimed)."""
        i = bisect.bisect_left(self._starts, pos)
        return min(end, self.claims[i].start) if i < len(self.claims) else end

    def claims_of(self, kind: str) -> list[Claim]:
        return [c for c in self.claims if c.kind == kind]

    def facts_of(self, kind: str) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind]

    def free_parts(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The unclaimed stretches of ``[start, end)``, whitespace-trimmed, in order."""
        pos = start
        i = bisect.bisect_right(self._starts, start)
        if i > 0 and self.claims[i - 1].end > pos:
            pos = self.claims[i - 1].end
        while pos < end:
            nxt = self.claims[i].start if i < len(self.claims) else end
            stop = min(nxt, end)
            if stop > pos:
                lo, hi = strip_span(self.text, pos, stop)
                if lo < hi:
                    yield lo, hi
            if i >= len(self.claims) or nxt >= end:
                break
            pos = max(pos, self.claims[i].end)
            i += 1

    def line_free_text(self, line: Line) -> tuple[int, int] | None:
        """The line's content when none of it is claimed; ``None`` otherwise or when blank."""
        if line.blank or not self.is_free(line.lo, line.hi):
            return None
        return line.lo, line.hi

    def line_at(self, pos: int) -> Line:
        """The line containing offset ``pos`` (the first line for an offset before the text)."""
        # a bisection on a list of ints, not a key call per step (a stage may ask once per marker); the list
        # is made on first use and shared by every draft merged from the one Draft.start made
        starts = self._line_starts
        if starts is None:
            starts = [line.start for line in self.lines]
            object.__setattr__(self, "_line_starts", starts)
        elif not starts:
            starts.extend(line.start for line in self.lines)
        return self.lines[max(0, bisect.bisect_right(starts, pos) - 1)]

    def derived(self, key: str, build: Callable[[], T]) -> T:
        """A value built once per locale and outlet catalogue (a stage's compiled patterns)."""
        store = self.outlets.derived
        slot = (key, id(self.locale))
        got = store.get(slot)
        if got is None or got[0] is not self.locale:  # the locale is kept, so its id is not reused
            got = (self.locale, build())
            store[slot] = got
        value: T = got[1]
        return value

    # ---------------------------------------------------------------- body region

    def body_bounds(self) -> tuple[int, int]:
        """Where the body may lie: after the outlet/dateline claims, before the first link block or second article."""
        start = 0
        for c in self.claims:
            if c.kind in ("outlet", "dateline"):
                start = max(start, c.end)
        end = len(self.text)
        for c in self.claims:
            if c.start >= start and (c.kind == "link_block" or c.data.get("ends_body")):
                end = min(end, c.start)
                break
        return start, end

    # ---------------------------------------------------------------- building

    def findings(self, stage: str) -> Findings:
        """A fresh collector for a stage's results, checked against the claims so far."""
        return Findings(self, stage)

    def merged(self, found: Findings) -> Draft:
        """A new Draft with ``found`` added."""
        if not (found.claims or found.facts or found.notes):
            return self
        claims = tuple(sorted((*self.claims, *found.claims), key=lambda c: c.start))
        return Draft(
            text=self.text,
            lang=self.lang,
            locale=self.locale,
            outlets=self.outlets,
            lines=self.lines,
            claims=claims,
            facts=(*self.facts, *found.facts),
            notes=(*self.notes, *(f"{found.stage}: {n}" for n in found.notes)),
            _starts=tuple(c.start for c in claims),
            group=self.group,
            _line_starts=self._line_starts,
        )


class Findings:
    """What one stage found. ``claim`` refuses overlaps with earlier claims and with its own."""

    def __init__(self, draft: Draft, stage: str) -> None:
        self.draft = draft
        self.stage = stage
        self.claims: list[Claim] = []
        self.facts: list[Fact] = []
        self.notes: list[str] = []
        # sorted starts/ends of ``claims`` so that ``is_free`` is a bisect, not a scan (a page with
        # 100,000 inserts would otherwise be quadratic); rebuilt when ``claims`` was edited directly
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._disjoint = True

    def _own_index(self) -> bool:
        """Bring the span index in step with ``claims``; ``False`` when own claims overlap (scan instead)."""
        if len(self._starts) != len(self.claims):
            spans = sorted((c.start, c.end) for c in self.claims)
            self._starts = [s for s, _ in spans]
            self._ends = [e for _, e in spans]
            self._disjoint = all(a <= b for a, b in zip(self._ends, self._starts[1:], strict=False))
        return self._disjoint

    def is_free(self, start: int, end: int) -> bool:
        if not self.draft.is_free(start, end):
            return False
        if not self._own_index():
            return all(c.end <= start or c.start >= end for c in self.claims)
        i = bisect.bisect_left(self._starts, end)  # own claims starting before ``end``: the last may overlap
        return i == 0 or self._ends[i - 1] <= start

    def free_parts(self, start: int, end: int) -> list[tuple[int, int]]:
        """The stretches of ``[start, end)`` that neither the draft nor this stage has claimed (trimmed)."""
        # the claims overlapping [start, end), found by bisection (a scan of every claim per call was
        # quadratic on a page of many short lines)
        claims = self.draft.claims
        i = max(bisect.bisect_right(self.draft._starts, start) - 1, 0)
        taken: list[tuple[int, int]] = []
        while i < len(claims) and claims[i].start < end:
            if claims[i].end > start:
                taken.append((claims[i].start, claims[i].end))
            i += 1
        if self._own_index():
            j = max(bisect.bisect_right(self._starts, start) - 1, 0)
            while j < len(self._starts) and self._starts[j] < end:
                if self._ends[j] > start:
                    taken.append((self._starts[j], self._ends[j]))
                j += 1
        else:
            taken.extend((c.start, c.end) for c in self.claims if c.start < end and c.end > start)
        taken.sort()
        out: list[tuple[int, int]] = []
        pos = start
        for lo, hi in (*taken, (end, end)):
            if lo > pos:
                a, b = strip_span(self.draft.text, pos, min(lo, end))
                if a < b:
                    out.append((a, b))
            pos = max(pos, hi)
        return out

    def claim(self, kind: Kind, start: int, end: int, why: str, **data: Any) -> Claim | None:
        """Claim ``[start, end)`` (whitespace-trimmed) unless it is empty or already taken.

        ``why`` is the rule id; it is prefixed with the stage name unless it has a ``:``.
        """
        if kind not in _KINDS:
            raise ValueError(f"unknown kind {kind!r}; kinds are {', '.join(KINDS)}")
        start, end = strip_span(self.draft.text, start, end)
        if start >= end or not self.is_free(start, end):
            return None
        c = Claim(kind, start, end, why if ":" in why else f"{self.stage}:{why}", data)
        self.claims.append(c)
        if self._disjoint and len(self._starts) == len(self.claims) - 1:  # is_free just synced the index
            i = bisect.bisect_left(self._starts, start)
            self._starts.insert(i, start)
            self._ends.insert(i, end)
        return c

    def fact(self, kind: str, start: int, end: int, why: str, **data: Any) -> Fact:
        f = Fact(kind, start, end, why if ":" in why else f"{self.stage}:{why}", data)
        self.facts.append(f)
        return f

    def note(self, message: str) -> None:
        self.notes.append(message)
