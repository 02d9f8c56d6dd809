"""The inserts' patterns, compiled once per locale: each marker in its layouts, credit labels, headline stops."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from ...rules import Locale, Marker

__all__ = ["BLANK", "BULLETS", "SP", "Compiled", "Patterns", "patterns_of"]

SP = r"[ \t\u00a0\u202f\u200b\ufeff]"  # narrow and zero-width spaces too ("\u200b\u200bBaca juga: …")
BLANK = " \t\u00a0\u202f\u200b\ufeff"  # the characters of SP
# what stands between a marker and its headline: a colon or a dash, or arrows ("BACA JUGA >> …", "Baca juga ⇒ …")
MARK_SEP = r"[:\-–—>»⇒→]+"
# a bullet before a marker at a line start: "» Baca juga: …", ">> Baca juga: …", "*Baca juga: …"
BULLETS = "»>*•·▶►"
LEAD_BULLET = rf"(?:[{BULLETS}]{{1,3}}[ \t\u00a0]*)"


@dataclass(frozen=True)
class Compiled:
    marker: Marker
    line: Any
    inline: Any
    box: Any
    word: Any
    """The marker alone (``None`` for a user's marker): every match of the others starts where it matches."""


@dataclass(frozen=True)
class Patterns:
    markers: tuple[Compiled, ...]
    credit: Any
    another: Any
    paren: Any
    """``(Baca juga: <headline>)``: any marker that may stand inside a line, in parentheses, with a colon."""
    paren_markers: tuple[Marker, ...]
    stop: Any
    """Where a headline ends wherever it stands (the locale's ``[inserts.headline] stops``)."""


def _compile(locale: Locale) -> Patterns:
    out = []
    for mk in locale.markers:
        # locale.compile: timed when the markers come from a user's locale file
        # (a marker that ends in its own "!" needs nothing after it: "Cek yang lain juga, yuk!<headline>")
        line = locale.compile(
            rf"^{SP}*(?P<b>{LEAD_BULLET})?(?P<m>{mk.pattern})(?P<c>{SP}*{MARK_SEP}{SP}*|{SP}+|(?<=[!?]){SP}*|(?={SP}*\r?$))",
            regex.MULTILINE,
            rule=mk.id, timeout=mk.timeout,
        )
        # ``(?=marker)`` first: the lookbehind's ``{SP}*`` would otherwise scan back over a run of
        # spaces at every position inside it (quadratic); the lookahead changes no match
        inline = locale.compile(
            rf"(?=(?:{mk.pattern}))(?:(?<=[.!?\"”’)\]]{SP}*)|(?<=\p{{Ll}})|(?<={SP}{{2}})|(?<=[-–—:;+]{SP}?)"
            rf"|(?<=[\p{{L}}\p{{N}}]{SP}))(?P<m>{mk.pattern})"
            rf"(?P<c>{SP}*{MARK_SEP}{SP}*)", rule=mk.id, timeout=mk.timeout,
        )
        box = locale.compile(
            rf"(?=(?:{mk.pattern}))(?:(?<=[.!?\"”’)\]]{SP}*)|(?<=\p{{Ll}})|(?<=\n))(?P<m>{mk.pattern})(?=[\p{{Lu}}\p{{N}}][\p{{L}}\p{{N}}\-]*:?{SP})",
            rule=mk.id, timeout=mk.timeout,
        )
        # a bundled marker without anchors gates the three scans (a user's marker is timed: it scans on its own)
        plain = mk.timeout is None and locale.pattern_timeout is None and not regex.search(r"[\^$]", mk.pattern)
        # a line-only marker is looked for at line starts only (one cheap anchored scan)
        word = rf"^{SP}*(?:{mk.pattern})" if mk.line_only else mk.pattern
        out.append(Compiled(mk, line, inline, box, regex.compile(word, regex.MULTILINE) if plain else None))
    labels = "|".join(regex.escape(x) for x in sorted(locale.tail.credit_labels, key=len, reverse=True))
    credit = regex.compile(rf"(?:{labels}){SP}*:", regex.IGNORECASE) if labels else regex.compile(r"(?!)")
    another = (locale.compile(rf"(?:{locale.marker_alt}){SP}*[:\-–—]", rule="inserts.marker")
               if locale.markers else regex.compile(r"(?!)"))
    inside = tuple(mk for mk in locale.markers if not mk.line_only)
    alts = "|".join(f"(?P<m{i}>{mk.pattern})" for i, mk in enumerate(inside))
    # in parentheses or square brackets, the same bracket closing it: "(Baca: …)", "[Baca juga: …]"
    paren = (locale.compile(rf"(?:\({SP}*(?:{alts}){SP}*:{SP}*(?P<h>[^()\n]{{3,200}})\)"
                            rf"|\[{SP}*(?:{alts}){SP}*:{SP}*(?P<h>[^\[\]\n]{{3,200}})\])", rule="inserts.marker")
             if inside else regex.compile(r"(?!)"))
    stops = locale.schema.inserts.headline.stops
    stop = (locale.compile("|".join(f"(?:{x})" for x in stops), rule="inserts.headline.stops")
            if stops else regex.compile(r"(?!)"))
    return Patterns(tuple(out), credit, another, paren, inside, stop)


def patterns_of(locale: Locale) -> Patterns:
    """The patterns for ``locale`` (compiled once)."""
    return locale.derived("inserts", lambda: _compile(locale))
