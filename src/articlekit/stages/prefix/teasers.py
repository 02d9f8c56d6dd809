"""Datelines behind a teaser: glued to it on the first line, or on a line below it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import regex

from ...draft import Draft, Findings, Line
from .accept import accept
from .emit import emit
from .fragments import DOMAIN, PROSE_LINE
from .shapes import Shapes
from .words import glued_inside, word_starts

if TYPE_CHECKING:
    from .stage import Prefix

_DOMAIN = regex.compile(DOMAIN)

__all__ = ["below_teaser", "glued_agency", "glued_unknown", "inline"]


def glued_unknown(cfg: Prefix, draft: Draft, found: Findings, shapes: Shapes, line: Line) -> bool:
    """``…kita bersama.....Jakarta (WARTA) - ``: a teaser glued to a shape-Cx dateline (an outlet no
    catalogue lists) on the first line.

    Like :func:`glued_agency`, but the name in parentheses is no catalogued agency: a place glued on at a
    seam counts (``politikTrenggalek, Jatim (…)``, ``ASNJakarta (…)``, ``.....Jakarta (…)``). After a space,
    a capitalised run may be the teaser's own words, so only a name that is plainly an outlet's (in
    capitals, three letters or more, or shaped like a domain) with a sentence after the dash counts there:
    the gazetteer place, else the longest run (``… ditempatkan," Pangkalpinang (WARTA) - ``).
    """
    text = draft.text
    stop = min(line.hi, line.lo + cfg.max_teaser)
    paren = shapes.unknown.search(text, line.lo, stop)
    if paren is None:
        return False
    seams: list[Any] = []
    spaced: list[Any] = []
    for p in word_starts(text, max(line.lo, paren.start() - cfg.max_place), paren.start()):
        m = shapes.unknown_at.match(text, p, line.hi)
        if m is None or m.start("token") != paren.start("token") or p <= line.lo or glued_inside(m["place"]):
            continue
        (spaced if text[p - 1].isspace() else seams).append(m)
    best = seams[-1] if seams else None
    if best is None and spaced and _plain_outlet(paren["token"]) and PROSE_LINE.fullmatch(text, paren.end(), line.hi):
        known = [m for m in spaced if shapes.gazetteer.fullmatch(m["place"])]
        best = known[0] if known else spaced[0]
    if best is None or not accept(draft, "Cx", best):
        return False
    return emit(draft, found, "Cx", best, teaser=True)


def _plain_outlet(token: str) -> bool:
    """A name in brackets that is an outlet's, whatever stands around it: capitals (three letters or more,
    one word) or a domain's shape."""
    return bool(_DOMAIN.fullmatch(token)) or (token.isupper() and token.isalpha() and len(token) >= 3)


def below_teaser(cfg: Prefix, draft: Draft, found: Findings, shapes: Shapes, candidates: list[Line],
                 first: int) -> bool:
    """A plain dateline (``KOTA BHARU: ``, ``Kuala Lumpur - ``) below a standfirst or a caption.

    A teaser or a photo caption printed above the dateline is a sentence or two of prose, so the
    weak shapes' search (which stops at the first prose line) never reaches the dateline. Below at
    most ``max_teaser_lines`` such lines (``max_teaser`` characters), a line that opens with a place
    in capitals or from the gazetteer, a separator, and a line of prose is the dateline: what is
    above it is the teaser (the header stage labels it).
    """
    text = draft.text
    seen = sum(ln.hi - ln.lo for ln in candidates[:first])
    for k in range(first, min(len(candidates), first + cfg.max_teaser_lines, 5)):
        line = candidates[k]
        if seen > cfg.max_teaser:
            return False
        seen += line.hi - line.lo
        m = shapes.below_teaser.match(text, line.lo, line.hi)
        if m is None or not PROSE_LINE.fullmatch(text, m.end(), line.hi):
            continue
        place = m["place"]
        if not (place.isupper() and len(place) >= 3) and not shapes.gazetteer.fullmatch(place):
            continue
        if draft.outlets.lookup(place) is not None or _DOMAIN.fullmatch(place):
            continue  # "KOMPAS:", "WARTADESA.COM -": an outlet's name, not a place
        return emit(draft, found, "T", m)
    return False


def inline(cfg: Prefix, draft: Draft, found: Findings, shapes: Shapes, line: Line) -> bool:
    text = draft.text
    # a teaser glued in front of the dateline is a sentence or two: look no further than max_teaser
    stop = min(line.hi, line.lo + cfg.max_teaser)
    for shape, pat in shapes.inline_shapes:
        m = pat.search(text, line.lo, stop)
        if m and accept(draft, shape, m) and emit(draft, found, shape, m, teaser=True):
            return True
    return glued_agency(cfg, draft, found, shapes, line, stop)


def glued_agency(cfg: Prefix, draft: Draft, found: Findings, shapes: Shapes, line: Line, stop: int) -> bool:
    """``…luar biasa,Jakarta (ANTARA) - ``: a pull-quote glued to a shape-C dateline with no sentence end.

    The agency in parentheses is the anchor; the place is the capitalised run before it,
    starting where it is glued to the teaser (``ASNJakarta``, ``2023Kota Bengkulu``,
    ``biasa,Jakarta``); with a space between, a gazetteer place (``di Indonesia Jakarta
    (ANTARA)`` is dated Jakarta), else the longest run that is not glued inside.
    """
    text = draft.text
    agency = shapes.agency.search(text, line.lo, stop)
    if agency is None:
        return False
    paren = agency.start()
    fits = []
    for p in word_starts(text, max(line.lo, paren - cfg.max_place), paren):
        m = shapes.agency_at.match(text, p, agency.end())
        if m is not None and m.start("outlet") == agency.start("outlet") and not glued_inside(m["place"]):
            fits.append(m)
    seams = [m for m in fits if m.start() > line.lo and not text[m.start() - 1].isspace()]
    known = [m for m in fits if shapes.gazetteer.fullmatch(m["place"])]
    # the seam where the teaser was glued on ("2023Kota Bengkulu"), else a gazetteer place, else the longest
    best = seams[-1] if seams else known[0] if known else fits[0] if fits else None
    if best is None or not accept(draft, "C", best):
        return False
    return emit(draft, found, "C", best, teaser=True)
