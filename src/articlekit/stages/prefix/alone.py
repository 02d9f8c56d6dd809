"""Shape I: the dateline (or the outlet) alone on its line, its separator on the next line or lost."""

from __future__ import annotations

import regex

from ...draft import Draft, Findings, Line
from .emit import claim_outlet, shape_data
from .fragments import DASH, PLACE_ANY, PROSE_LINE, SP
from .rule_ids import WHY
from .shapes import Shapes

__all__ = ["alone"]

_LEAD_DASH = regex.compile(rf"{SP}*(?P<sep>{DASH}){SP}+")
_NEXT_IS_PROSE = regex.compile(r"\s*(?:[\"“'‘(]?\p{Lu}|\p{N})")
# a place in Title Case on the text's first line, its dash alone on the next ("Klungkung" ⏎ "-" ⏎ story):
# a page whose links were written one per line put the dateline's parts on lines of their own
_PLACE_LINE = regex.compile(rf"{SP}*(?P<place>{PLACE_ANY}){SP}*")


def next_line(draft: Draft, line: Line) -> Line | None:
    """The next line with words on it, if no other stage took it."""
    lines = draft.lines
    for i in range(line.index + 1, len(lines)):  # not a slice: no copy of the remaining lines
        ln = lines[i]
        if not ln.blank:
            return ln if draft.is_free(ln.lo, ln.hi) else None
    return None


def alone(draft: Draft, found: Findings, shapes: Shapes, line: Line) -> bool:
    """Shape I: the dateline (or outlet) alone on its line; separator on the next line or lost."""
    text = draft.text
    m = shapes.alone.fullmatch(text, line.lo, line.hi)
    if m is None:
        return _place_over_dash(draft, found, shapes, line)
    nxt = next_line(draft, line)
    if nxt is None:
        return False
    place = m["place"] or m["place2"]
    outlet = m["outlet"]
    if place is not None and len(place) < 2:
        return False  # "A-" ⏎ "A+": a text-size widget's buttons, not a place and a dash
    if m["date"] and (outlet or not place):
        return False
    if m["sep"] and m["sep"].strip() == ":" and not m["date"] and not shapes.gazetteer.fullmatch(place or ""):
        return False  # "CATATAN:" alone is a label: a colon closes a dateline with a date or a known place
    if outlet and "." not in outlet and draft.outlets.lookup(outlet) is None:
        return False
    if place and not outlet and not m["sep"] and not m["date"] and _outlet_below(draft, found, shapes, m, nxt):
        return True
    sep_claim: tuple[int, int] | None = None
    sep_text = m["sep"]
    dash = shapes.lone_dash.fullmatch(text, nxt.lo, nxt.hi)
    body_line = nxt
    if dash is not None and sep_text is None:
        sep_claim = (nxt.lo, nxt.hi)
        sep_text = dash["sep"]
        after = next_line(draft, nxt)
        if after is None:
            return False
        body_line = after
    elif sep_text is None:
        lead = _LEAD_DASH.match(text, nxt.lo, nxt.hi)
        if lead:
            sep_claim = (nxt.lo, lead.end())
            sep_text = lead["sep"]
    if sep_text is None:
        # nothing marks it: only a known outlet, or a gazetteer place followed by prose
        if not outlet and not (place and shapes.gazetteer.fullmatch(place)):
            return False
        if not PROSE_LINE.match(text[body_line.lo : body_line.hi]):
            return False
    if not _NEXT_IS_PROSE.match(text, sep_claim[1] if sep_claim else body_line.lo):
        return False
    data = shape_data(draft, "I", place, None, sep_text)
    if outlet:
        claim_outlet(draft, found, m.start("outlet"), m.end("outlet"), outlet, "I")
    if m["date"]:
        data = shape_data(draft, "I", place, m["date"], sep_text)
    if place:
        p0 = m.start("place") if m["place"] else m.start("place2")
        p1 = m.end("place") if m["place"] else m.end("place2")
        found.claim("dateline", p0, p1 if not outlet else m.start("outlet"), WHY["I", "place"], prefix=True, **data)
        if m["date"]:
            found.claim("dateline", p1, m.end("date"), WHY["I", "date"], prefix=True)
        elif m["place"] and m["place2"]:  # "NAIROBI, Kenya —": the second name is the place's region
            found.claim("dateline", p1, m.end("place2"), WHY["I", "region"], prefix=True)
    if m["sep"]:
        found.claim("dateline", m.start("sep"), m.end("sep"), WHY["I", "sep"], prefix=True, sep=sep_text)
    if sep_claim:
        found.claim("dateline", sep_claim[0], sep_claim[1], WHY["I", "sep-next-line"], prefix=True, sep=sep_text)
    if not place and not sep_claim and not m["sep"] and not outlet:
        return False
    return bool(found.claims)


_LONE_DASH_LINE = regex.compile(r"(?m)^[ \t\u00a0]*(?:--|—|–|-)[ \t\u00a0\r]*$")


def _place_over_dash(draft: Draft, found: Findings, shapes: Shapes, line: Line) -> bool:
    """A place of one to three words in Title Case on a line of its own, a dash alone on the next line,
    then a line that opens like a sentence: the dateline with its separator on a line of its own. Only
    above the story's first prose line (where the weak shapes are tried: a headline or a table of contents
    may stand above it) and with no dash alone on a line above it: where items are parted by lone dashes,
    a short line over a dash is a list's item."""
    text = draft.text
    if _LONE_DASH_LINE.search(text, 0, line.lo):
        return False
    m = _PLACE_LINE.fullmatch(text, line.lo, line.hi)
    if m is None or len(m["place"].split()) > 3:
        return False
    dash_line = next_line(draft, line)
    if dash_line is None or (dash := shapes.lone_dash.fullmatch(text, dash_line.lo, dash_line.hi)) is None:
        return False
    after = next_line(draft, dash_line)
    if after is None or not _NEXT_IS_PROSE.match(text, after.lo) or shapes.lone_dash.fullmatch(
            text, after.lo, after.hi) or _dash_follows(draft, shapes, after):
        return False  # "Berita Terkait" ⏎ "-" ⏎ headline ⏎ "-": a list's items, not a dateline
    data = shape_data(draft, "I", m["place"], None, dash["sep"])
    found.claim("dateline", m.start("place"), m.end("place"), WHY["I", "place"], prefix=True, **data)
    found.claim("dateline", dash_line.lo, dash_line.hi, WHY["I", "sep-next-line"], prefix=True, sep=dash["sep"])
    return True


def _dash_follows(draft: Draft, shapes: Shapes, line: Line) -> bool:
    """The next line with words on it after ``line`` is a lone dash (a list of items written between dashes)."""
    nxt = next_line(draft, line)
    return nxt is not None and shapes.lone_dash.fullmatch(draft.text, nxt.lo, nxt.hi) is not None


def _outlet_below(draft: Draft, found: Findings, shapes: Shapes, m: regex.Match[str], nxt: Line) -> bool:
    """The place alone, the next line a comma, an outlet and the dash (``JAKARTA`` ⏎ ``, KOMPAS.com -`` ⏎
    story): a dateline whose links were written one per line."""
    text = draft.text
    j = shapes.joint_outlet.fullmatch(text, nxt.lo, nxt.hi)
    if j is None or (draft.outlets.lookup(j["outlet"]) is None and "." not in j["outlet"]):
        return False  # a catalogued outlet or a token shaped like a domain ("WARTADESA.com")
    after = next_line(draft, nxt)
    if after is None or not _NEXT_IS_PROSE.match(text, after.lo):
        return False
    place = m["place"] or m["place2"]
    p0, p1 = (m.start("place"), m.end("place")) if m["place"] else (m.start("place2"), m.end("place2"))
    data = shape_data(draft, "I", place, None, j["sep"])
    found.claim("dateline", p0, p1, WHY["I", "place"], prefix=True, **data)
    found.claim("dateline", j.start("joint"), j.end("joint"), WHY["I", "joint"], prefix=True)
    claim_outlet(draft, found, j.start("outlet"), j.end("outlet"), j["outlet"], "I")
    found.claim("dateline", j.start("sep"), j.end("sep"), WHY["I", "sep-next-line"], prefix=True, sep=j["sep"])
    return True
