"""Claiming an accepted shape's parts: the outlet, the place, the separator, what joins them, a teaser."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...dates import date_reader
from ...draft import Draft, Findings
from .fragments import DOMAIN_TYPO
from .rule_ids import SHAPE, TEASER, WHY
from .shapes import shapes_of
from .words import title_place

__all__ = ["claim_outlet", "emit", "shape_data"]


def shape_data(draft: Draft, shape: str, place: str | None, date_text: str | None,
               sep: str | None) -> dict[str, Any]:
    """What the dateline's claim carries: the shape, the separator, the place in Title Case, the date read."""
    data: dict[str, Any] = {"shape": shape, "sep": sep.strip() if sep and sep.strip() else None}
    if place:
        data["place"] = title_place(" ".join(place.split()))
    if date_text:
        date, partial = date_reader(draft.locale).read_month_day(date_text)
        data["date"] = date
        data["partial"] = partial
    return data


def claim_outlet(draft: Draft, found: Findings, start: int, end: int, token: str, shape: str) -> None:
    """The outlet token: its catalogue entry (``prefix:A/kompas``), else the domain it is shaped like."""
    domain = DOMAIN_TYPO.sub(".", token.lower())  # "BANJARMASINPOST CO.ID" -> banjarmasinpost.co.id
    entry = draft.outlets.lookup(token) or draft.outlets.lookup(domain)
    if entry is not None:
        found.claim("outlet", start, end, f"{SHAPE[shape]}/{entry.id}", prefix=True, outlet_id=entry.id,
                    name=entry.name, domain=entry.domain)
    else:
        found.claim("outlet", start, end, WHY[shape, "domain"], prefix=True, outlet_id=None, name=token,
                    domain=domain)


def _brand_shaped(draft: Draft, place: str | None) -> bool:
    """A 'place' in capitals that is an outlet's brand or a section's label, not a place, by the locale's words:
    a word ending in a brand ending (``KRICOM``, ``MANADOPOST``) or opening with a brand start (``POSMETRO
    MEDAN``, ``RADARKOTA``) with at least three letters besides, or, in a name of two or more words, a brand
    or section word standing alone (``KABAR LEMBAH``, ``INFO NASIONAL``); never a gazetteer place."""
    if not place or not place.isupper():
        return False
    words = place.split()
    if not all(w.isalpha() for w in words) or len(words) > 3:
        return False
    if draft.locale.places and shapes_of(draft).gazetteer.fullmatch(place):
        return False
    schema = draft.locale.schema.prefix
    for w in words:
        if any(w.endswith(e) and len(w) >= len(e) + 3 for e in schema.brand_endings):
            return True
        if any(w.startswith(b) and len(w) >= len(b) + 3 for b in schema.brand_starts):
            return True
    return len(words) > 1 and any(w in schema.brand_words or w in schema.section_words for w in words)


def _emit_brand(found: Findings, m: Any, section_words: list[str]) -> bool:
    """Shape F whose 'place' is a brand in capitals (``KRICOM – ``, ``MANADOPOST – ``): an outlet the
    catalogue does not know, its domain unknown (like shape Cx's unknown outlet); no place. One opening with a
    section word (``INFO NASIONAL - ``) is a section's label: no outlet either."""
    token = m["place"]
    if token.split()[0] in section_words:
        found.claim("dateline", m.start("place"), m.end("place"), WHY["F", "section-label"], prefix=True, shape="F")
    else:
        found.claim("dateline", m.start("place"), m.end("place"), WHY["F", "unknown-outlet"], prefix=True,
                    outlet_name=token, shape="F")
    sep = m["sep"]
    if sep.strip():
        found.claim("dateline", m.start("sep"), m.end("sep"), WHY["F", "sep"], prefix=True, sep=sep.strip())
    return True


# ---------------------------------------------------------------- each shape's own parts, after its place


def _outlet_place_joint(draft: Draft, found: Findings, shape: str, m: Any) -> None:
    """B, B0, B0x, E: what stands between the outlet and the place (a comma, a dash)."""
    found.claim("dateline", m.end("outlet"), m.start("place"), WHY[shape, "joint"], prefix=True)


def _g_date(draft: Draft, found: Findings, shape: str, m: Any) -> None:
    found.claim("dateline", m.end("place"), m.start("sep"), WHY["G", "date"], prefix=True)


def _f_region(draft: Draft, found: Findings, shape: str, m: Any) -> None:
    if m["region"] or m["date"]:
        tail_end = m.end("date") if m["date"] else m.end("region")
        found.claim("dateline", m.end("place"), tail_end, WHY["F", "region"], prefix=True)


def _t_region(draft: Draft, found: Findings, shape: str, m: Any) -> None:
    if m["region"]:
        found.claim("dateline", m.end("place"), m.end("region"), WHY["T", "region"], prefix=True)


def _c_agency(draft: Draft, found: Findings, shape: str, m: Any) -> None:
    why = WHY["C", "region"] if m["region"] else WHY["C", "paren"]
    found.claim("dateline", m.end("place"), m.start("outlet"), why, prefix=True)
    found.claim("dateline", m.end("outlet"), m.end("sep"), WHY["C", "sep"], prefix=True)


def _cx_token(draft: Draft, found: Findings, shape: str, m: Any) -> None:
    token = m["token"]
    if "." in token:
        claim_outlet(draft, found, m.start("token"), m.end("token"), token, shape)
    else:  # an outlet named by a word the catalogue does not know: its domain is unknown
        found.claim("dateline", m.start("token"), m.end("token"), WHY["Cx", "unknown-outlet"], prefix=True,
                    outlet_name=token)
    found.claim("dateline", m.end("place"), m.start("token"), WHY["Cx", "paren"], prefix=True)
    found.claim("dateline", m.end("token"), m.start("sep"), WHY["Cx", "paren"], prefix=True)


def _bu_brand(draft: Draft, found: Findings, shape: str, m: Any) -> None:
    """Bu: the brand before the place, an outlet the catalogue does not know (its domain unknown)."""
    found.claim("dateline", m.start("brand"), m.end("brand"), WHY["Bu", "brand"], prefix=True,
                outlet_name=m["brand"])
    found.claim("dateline", m.end("brand"), m.start("place"), WHY["Bu", "joint"], prefix=True)


def _emit_name(found: Findings, m: Any) -> bool:
    """Dn: a name shaped as a brand, alone before a dash: an outlet the catalogue does not know, its domain
    unknown; the brackets around it belong to the prefix."""
    lo, hi = m.span("token")
    token = m["token"]
    if token[:1] in "[(":
        inner = token[1:-1]
        lo += 1 + len(inner) - len(inner.lstrip())
        hi -= 1 + len(inner) - len(inner.rstrip())
        found.claim("dateline", m.start("token"), lo, WHY["Dn", "joint"], prefix=True, shape="Dn")
        found.claim("dateline", hi, m.end("token"), WHY["Dn", "joint"], prefix=True, shape="Dn")
    found.claim("dateline", lo, hi, WHY["Dn", "unknown-outlet"], prefix=True, outlet_name=m.string[lo:hi],
                shape="Dn")
    found.claim("dateline", m.start("sep"), m.end("sep"), WHY["Dn", "sep"], prefix=True, sep=m["sep"].strip())
    return True


_OWN_PARTS: dict[str, Callable[[Draft, Findings, str, Any], None]] = {
    "B": _outlet_place_joint, "B0": _outlet_place_joint, "B0x": _outlet_place_joint, "E": _outlet_place_joint,
    "G": _g_date, "F": _f_region, "T": _t_region, "C": _c_agency, "Cx": _cx_token, "Bu": _bu_brand,
}


def emit(draft: Draft, found: Findings, shape: str, m: Any, *, teaser: bool = False) -> bool:
    """Claim the parts of ``shape``'s match ``m`` (and, with ``teaser``, what stands before it on its line)."""
    gd = m.groupdict()
    place = gd.get("place")
    sep = gd.get("sep")
    if shape == "Dn":
        return _emit_name(found, m)
    if shape == "F" and not gd.get("region") and not gd.get("date") and _brand_shaped(draft, place):
        return _emit_brand(found, m, draft.locale.schema.prefix.section_words)
    data = shape_data(draft, shape, place, gd.get("date"), sep)
    if shape == "G" and gd.get("date"):
        data["date_span"] = (m.start("date"), m.end("date"))
    start = m.start("place") if place else m.start("outlet")
    if teaser:
        for lo, hi in draft.free_parts(draft.line_at(start).start, start):
            found.claim("header", lo, hi, TEASER)
    if gd.get("outlet"):
        claim_outlet(draft, found, m.start("outlet"), m.end("outlet"), m["outlet"], shape)
    if place:
        p_end = m.start("outlet") if shape == "A" else m.end("place")
        found.claim("dateline", m.start("place"), p_end, WHY[shape, "place"], prefix=True, **data)
        own = _OWN_PARTS.get(shape)
        if own is not None:
            own(draft, found, shape, m)
    if shape != "C" and sep is not None and m.end("sep") > m.start("sep"):
        if place is None:
            found.claim("outlet", m.start("sep"), m.end("sep"), WHY[shape, "sep"], prefix=True)
        else:
            found.claim("dateline", m.start("sep"), m.end("sep"), WHY[shape, "sep"], prefix=True)
    # whatever else the matched prefix holds (brackets, a comma) belongs to it too
    stop = m.end("sep") if "sep" in m.re.groupindex and m.group("sep") is not None else m.end()
    for lo, hi in found.free_parts(m.start(), stop):
        found.claim("dateline" if place else "outlet", lo, hi, WHY[shape, "joint"], prefix=True)
    return bool(found.claims)
