"""Whether a shape's match is a dateline: each shape's own checks, beyond what its pattern can say."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import regex

from ...dates import date_reader
from ...draft import Draft
from ...rules import Locale
from .fragments import PROSE_LINE, SP
from .shapes import shapes_of
from .words import glued_inside

__all__ = ["accept", "place_ok"]


def place_ok(draft: Draft, place: str) -> bool:
    """A place is no catalogued outlet's name."""
    return draft.outlets.lookup(place) is None


def _is_caption_label(draft: Draft, place: str) -> bool:
    labels = draft.locale.schema.prefix.caption_labels
    return place.casefold().rstrip(".") in {w.casefold() for w in labels}


def _closing_credit(draft: Draft) -> Any:
    """A photo credit closing a line: a caption label, a colon and a short name (``… Foto: Pertamina for MP``)."""
    def build() -> Any:
        labels = "|".join(regex.escape(w) for w in draft.locale.schema.prefix.caption_labels) or "(?!)"
        return regex.compile(rf"(?<![\p{{L}}])(?i:{labels})\.?{SP}*:{SP}*[^\n:.!?]{{1,60}}?[ \t.)]*\Z")
    return draft.locale.derived("prefix-closing-credit", build)


def _place_not_outlet(draft: Draft, m: Any) -> bool:
    """A and B: the place is no outlet's name."""
    place = m.groupdict().get("place")
    return not (place and not place_ok(draft, place))


def _accept_a(draft: Draft, m: Any) -> bool:
    if "," not in m["comma"] and not (m["place"] or "").isupper():
        return False  # the comma lost: only "JAKARTA KOMPAS.com -", a place in capitals
    if m["sep"].strip() == "," and "." not in m["outlet"]:
        return False  # "Jakarta, Kompas, Presiden …" lists names: a comma closes a dateline with a domain only
    return _place_not_outlet(draft, m)


def _accept_cx(draft: Draft, m: Any) -> bool:
    place = m["place"]
    if glued_inside(place) or not place_ok(draft, place) or len(place.split()) > 3:
        return False
    token = m["token"]
    # one capitalised word ("(Reuters)") only after a place in capitals: "LOS ANGELES (Reuters) - "
    return ("." in token or token.isupper() or " " in token or (place.isupper() and len(place) >= 3)
            or m.groupdict().get("pdate") is not None)  # "Washington, (Tagar 23/11/2018) - ": a dated outlet


def _accept_d(draft: Draft, m: Any) -> bool:
    """D and Dx: an outlet alone, then the story (not a timestamp line, not a masthead)."""
    text = draft.text
    outlet = m.groupdict().get("outlet")
    if outlet and "." not in outlet and draft.outlets.lookup(outlet) is None:
        return False
    line = draft.line_at(m.start())
    reading = date_reader(draft.locale).read_header(text, m.end(), line.hi)
    if reading is not None and reading.start - m.end() < 3:
        return False  # "Kompas.com - 02/11/2023, 21:34 WIB" is a timestamp line
    if m["sep"].strip() == "|":
        return False  # "CNN Indonesia | CNN Indonesia" is a masthead
    rest = text[m.end() : draft.line_at(m.start()).hi]
    return not (not rest.strip() or draft.outlets.lookup(rest.strip()) is not None)


def _title_dash(draft: Draft, m: Any) -> bool:
    """A place in Title Case no gazetteer lists, at the very start of the text, then a dash with a space before
    it and a sentence after it (``Wonosalam - Pemerintah …``, ``Wonosalam -Pemerintah …``): a dateline. One to
    three words, none an outlet's name or a label's word."""
    place = m["place"]
    sep = m["sep"]
    nxt = m["next"]
    words = place.split()
    return (not draft.text[: m.start("place")].strip() and sep.strip()[:1] in "-–—" and sep[:1].isspace()
            and 1 <= len(words) <= 3 and all(w[:1].isupper() and w[1:2].islower() for w in words)
            and nxt[:1].isupper() and nxt[1:2].islower() and draft.outlets.lookup(place) is None
            and not any(w in shapes_of(draft).label_words for w in place.casefold().split())
            and not _brand_or_section(draft, words))


def _brand_or_section(draft: Draft, words: list[str]) -> bool:
    """A word of the locale's brand, section or link-heading words: a label or a brand ("Berita Terbaru –",
    "Kabar Lembah –"), not a place."""
    keys = draft.locale.derived("prefix.brand-or-section", lambda: _brand_section_words(draft.locale))
    return any(w.casefold() in keys for w in words)


def _brand_section_words(locale: Locale) -> frozenset[str]:
    schema = locale.schema
    keys = {w.casefold() for w in (*schema.prefix.brand_words, *schema.prefix.section_words)}
    return frozenset(keys | {w.casefold() for h in schema.links.heading_words for w in h.split()})


def _accept_dn(draft: Draft, m: Any) -> bool:
    """Dn: the name is no place, label, section or heading word, and a sentence follows on its line."""
    name = m["token"].strip("[]() \t\u00a0")
    words = name.split()
    shapes = shapes_of(draft)
    if draft.outlets.lookup(name) is not None or (draft.locale.places and shapes.gazetteer.fullmatch(name)):
        return False
    if any(w in shapes.label_words for w in name.casefold().split()) or _brand_or_section(draft, words):
        return False
    if _is_caption_label(draft, name) or regex.match(rf"(?i:{draft.locale.month_alt})\b", name):
        return False
    return bool(PROSE_LINE.fullmatch(draft.text, m.end(), draft.line_at(m.start()).hi))


def _accept_ft(draft: Draft, m: Any) -> bool:
    place = m["place"]
    if not draft.locale.schema.prefix.title_colon or draft.outlets.lookup(place) is not None:
        return False
    if any(w in shapes_of(draft).label_words for w in place.casefold().split()):
        return False  # "Sumber: …", "Editor: …", "Kata dia: …": a label or speech, not a place
    return bool(PROSE_LINE.fullmatch(draft.text, m.end(), draft.line_at(m.start()).hi))


def _accept_f(draft: Draft, m: Any) -> bool:
    text = draft.text
    place = m["place"]
    sep = m["sep"]
    nxt = m["next"]
    if _is_caption_label(draft, place):
        return False  # "PIC: Berita Harian", "FOTO: …": a caption or credit label, no place
    gaz = bool(draft.locale.places) and bool(shapes_of(draft).gazetteer.fullmatch(place))
    if not sep.strip():
        if m["region"] or m["date"]:
            return False
        # separator lost: only a gazetteer place in capitals, then a capitalised word
        return gaz and place.isupper() and nxt[:1].isupper() and not nxt.isupper()
    if sep.strip() == ":":
        rest = text[m.end("sep") : draft.line_at(m.start()).hi]
        if not gaz and _closing_credit(draft).search(rest):
            return False  # "DIAWASI: Setiap SPBU … Foto: Pertamina": a caption's kicker
        return gaz or bool(place.isupper() and PROSE_LINE.fullmatch(rest))
    if not (place.isupper() or gaz or _title_dash(draft, m)):
        return False
    if nxt[:1].islower() and not (place.isupper() and sep.strip() in ("-", "–", "—", "--") and sep[-1:] == " "):
        return False  # a word in lower case opens the story only after a place in capitals, a dash and a space
    if sep == sep.strip() and not (nxt[:1].isupper() and len(nxt) > 1 and nxt[1:2].islower()):
        return False  # JAKARTA-BANDUNG is a route, PROBOLINGGO-Dermaga a dateline
    return not place.isupper() or len(place) >= 3


def _accept_bu(draft: Draft, m: Any) -> bool:
    """Bu: the place is one (a gazetteer place, or capitals of three letters or more) and the brand is not."""
    place, brand = m["place"], m["brand"]
    shapes = shapes_of(draft)
    gaz = bool(draft.locale.places) and bool(shapes.gazetteer.fullmatch(place))
    if not (gaz or (place.isupper() and len(place) >= 3)) or not place_ok(draft, place):
        return False
    if not gaz and (brand.isupper() or not place.replace(" ", "").isalpha()):
        return False  # "INDRALAYA, GELORA SRIWIJAYA.CO –": two names in capitals, the place first (shape F)
    if draft.locale.places and shapes.gazetteer.fullmatch(brand):
        return False  # "MEDAN, SUMATERA UTARA -": a place and its region (shape F)
    if any(w in shapes.label_words for w in brand.casefold().split()) or _is_caption_label(draft, brand):
        return False
    return not regex.match(rf"(?i:{draft.locale.month_alt})\b", brand)


def _accept_dc(draft: Draft, m: Any) -> bool:
    """Dc: a domain-shaped token, a comma and the story's first sentence (not a list of names)."""
    return _accept_d(draft, m) and bool(PROSE_LINE.fullmatch(draft.text, m.end(), draft.line_at(m.start()).hi))


_CHECKS: dict[str, Callable[[Draft, Any], bool]] = {
    "A": _accept_a, "B": _place_not_outlet, "Cx": _accept_cx, "D": _accept_d, "Dx": _accept_d,
    "Dc": _accept_dc, "Bu": _accept_bu, "Dn": _accept_dn,
    "Ft": _accept_ft, "F": _accept_f,
}


def accept(draft: Draft, shape: str, m: Any) -> bool:
    """Whether the match ``m`` of ``shape`` is a dateline (shapes with no checks of their own: always)."""
    check = _CHECKS.get(shape)
    return True if check is None else check(draft, m)
