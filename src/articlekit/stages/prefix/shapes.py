"""The prefix shapes as named patterns, one builder a shape, compiled once per locale and catalogue.

Each shape is written as its parts in order, one part a line: a shape changes without touching
the others. The words come from data: outlet names and aliases from the catalogue, places and
months from the locale (:class:`Vocabulary`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import regex

from ...draft import Draft
from ...rules import Locale, OutletCatalogue
from ...scanning import literal_trie
from .fragments import BODY_START, DASH, DASH_SEP, DOMAIN, PARTNER, PLACE_ANY, PLACE_CAPS, SEP, SP, TOKEN, group
from .words import label_words, token_key

__all__ = ["Shapes", "Vocabulary", "shapes_of"]

# the start of a line, over spaces and invisible marks
LINE_START = "^[ \t\u00a0\ufeff\u200e]*"
# after a sentence end or glued to a lower-case letter: a dateline behind a teaser
AFTER_TEASER = r"(?:(?<=[.!?\"”’)]{1,3}[ \t\u00a0]{0,3})|(?<=\p{Ll}))"
# ... or after a word and a space: a broken copy cut mid-sentence ("… berlaku untuk semua JAKARTA, KOMPAS.com - ")
AFTER_TEASER_WORD = r"(?:(?<=[.!?\"”’)]{1,3}[ \t\u00a0]{0,3})|(?<=\p{Ll})|(?<=[\p{Ll}\d,;…][ \t\u00a0]))"
# a capitalised word, maybe in quotes or brackets, opening the story
_PROSE_WORD = r"(?=[\"“'‘(]?\p{Lu}\p{Ll})"
_NUM_DATE = r"\d{1,2}/\d{1,2}/\d{2,4}"
# a brand's name: one to three capitalised words ("Warta Lembah", "InfoTANI", "Kabar24")
_BRAND = r"\p{Lu}[\p{L}\d&'’!]{1,20}(?:[ \u00a0]\p{Lu}[\p{L}\d&'’!]{0,20}){0,2}"
# a region or date between the place and the brackets: "Jakarta, Indonesia (…)"
_REGION_FREE = rf"(?:,{SP}*(?P<region>[^(\n,\d]{{2,30}}?))?"


@dataclass(frozen=True)
class Vocabulary:
    """The catalogue's and the locale's words, as the alternations the shapes are built from."""

    out_known: str  # a catalogued outlet's name or alias
    out_paren: str  # ... or, in parentheses, an agency in any case ("(Antara/PRNewswire)")
    out_any: str  # a catalogued outlet, or a token shaped like a domain
    gaz: str  # a gazetteer place, a whole word
    gaz_glued: str  # a gazetteer place, maybe glued to the next word
    mon: str  # a month name
    region: str  # ", <Region>" after the place ("MANILA, Philippines -"), never a month ("PETALING JAYA, Oct 20 —")
    eng_date: str  # "March 7", "Oct 20, 2024", "7 April 2016"

    @classmethod
    def of(cls, locale: Locale, outlets: OutletCatalogue) -> Vocabulary:
        alias = outlets.alias_pattern() or "(?!)"
        out_known = rf"(?:{alias})(?![\p{{L}}\d.])"
        agencies = outlets.alias_pattern(agencies_only=True) or "(?!)"
        gaz_alt = literal_trie(locale.places, ignore_case=True) or "(?!)"  # used under (?i)
        mon = locale.month_alt
        return cls(
            out_known=out_known,
            out_paren=rf"(?:{alias}|(?i:{agencies}))(?![\p{{L}}\d.])",
            out_any=rf"(?:{out_known}|{DOMAIN}(?![\p{{L}}\d]))",
            gaz=rf"(?i:{gaz_alt})(?![\p{{L}}])",
            gaz_glued=rf"(?i:{gaz_alt})",
            mon=mon,
            region=rf"(?:,{SP}*(?!(?i:{mon})\b)(?P<region>\p{{Lu}}[\p{{L}}.]*(?: \p{{Lu}}[\p{{L}}.]*){{0,2}}))",
            eng_date=(rf"(?i:(?:{mon})\.?{SP}+\d{{1,2}}(?:,?{SP}+\d{{4}})?"
                      rf"|\d{{1,2}}{SP}+(?:{mon})\.?(?:{SP}+\d{{4}})?)"),
        )


# ---------------------------------------------------------------- the shapes


def _place_region_date(v: Vocabulary) -> str:
    """``<Place>[, region][, date]`` before the brackets of shapes C and Cx: ``Jakarta, Indonesia, March 7``."""
    return "".join((group("place", PLACE_ANY), _REGION_FREE, rf"(?:,{SP}*{group('date', v.eng_date)})?"))


def shape_a(v: Vocabulary, out: str, anchor: str) -> str:
    """A ``<Place>, <Outlet> <sep>``: ``JAKARTA, KOMPAS.com - ``."""
    return "".join((
        anchor,
        group("place", PLACE_ANY),
        group("comma", rf"{SP}*,{SP}*|{SP}+"),  # the comma lost: only a place in capitals (checked later)
        group("outlet", out),
        group("sep", "|".join((
            rf"{SEP}(?=\S)(?![-—–])",  # on the line
            rf"{SP}*,{SP}+{_PROSE_WORD}",  # a comma: "SLEMAN, kabarsari.com, Peran …" (a domain only, checked later)
            rf"{SP}*\r?\n\s*{DASH}{SP}*",  # opening the next line
            rf"{SP}*{DASH}?{SP}*(?=\r?\n)",  # closing the line
        ))),
    ))


def shape_b(v: Vocabulary, out: str, anchor: str) -> str:
    """B ``<Outlet>, <Place> <sep>``: ``Liputan6.com, Jakarta - ``."""
    return "".join((
        anchor,
        group("outlet", out),
        rf"{SP}*,{SP}*",
        group("place", PLACE_ANY),
        group("sep", SEP),
        BODY_START,
    ))


def shape_c(v: Vocabulary, anchor: str) -> str:
    """C ``<Place>[, region][, date] (<AGENCY>) <sep>``: ``Jakarta (ANTARA) - ``."""
    return "".join((
        anchor,
        _place_region_date(v),
        rf",?{SP}*(?:--|—|–)?{SP}*",
        rf"\({SP}*",
        group("outlet", v.out_paren),
        PARTNER,
        rf"{SP}*\)",
        group("sep", SEP),
    ))


def shape_e(v: Vocabulary, out: str, anchor: str) -> str:
    """E ``<Outlet> - <PLACE> <sep|.>``: ``KONTAN.CO.ID - JAKARTA. ``."""
    return "".join((
        anchor,
        group("outlet", out),
        rf"{SP}*(?:--|—|–|-|\|){SP}*",
        group("place", PLACE_CAPS),
        group("sep", rf"{SP}*(?:--|—|–|-|\.){SP}*"),
        BODY_START,
    ))


def _outlet_glued_place(v: Vocabulary, outlet: str, after: str) -> str:
    """``<Outlet>, <gazetteer place>`` with the separator lost, then what must follow."""
    return "".join((
        LINE_START,
        group("outlet", outlet),
        rf"{SP}*,{SP}*",
        group("place", v.gaz_glued),
        group("sep", rf"{SP}*"),
        after,
    ))


# a place no gazetteer lists, glued to the story's first word at a seam (a small letter, then a capital):
# "WonosalamPemerintah" -> "Wonosalam"; one to three words, the last of three letters or more
_SEAM_PLACE = r"(?:\p{Lu}\p{Ll}+ ){0,2}\p{Lu}\p{Ll}{2,}(?=\p{Lu})"


def shape_b0(v: Vocabulary) -> str:
    """B0 ``<Outlet>, <Place>`` with the separator lost, a gazetteer place (``Liputan6.com, JakartaBanyak``),
    or any place glued to the story at a seam (``Liputan6.com, WonosalamPemerintah``)."""
    return _outlet_glued_place(replace(v, gaz_glued=rf"(?:{v.gaz_glued}|{_SEAM_PLACE})"), v.out_known, r"(?=\p{Lu})")


def shape_b0x(v: Vocabulary) -> str:
    """B0x: like B0 with an unknown outlet token shaped like a domain (``Bintang.com, Jakarta Hilda …``); glued
    with no space, any capital opens the story (``Wartadesa.com, JakartaPT Bank …``)."""
    return _outlet_glued_place(v, DOMAIN, r"(?:(?<![ \t\u00a0])(?=\p{Lu})|(?=\p{Lu}\p{Ll}))")


# the story may open on the next line, after the dash closed the dateline's own ("Karo (WARTA) -\r\n…")
_NEXT_LINE = rf"(?:\r?\n{SP}*)?"


def unknown_paren(v: Vocabulary) -> str:
    """Cx without its anchor: ``Karo (ANTARA) - ``, ``JAKARTA (Pos Kota) – ``, ``Mojokerto (beritajatim.com) - ``."""
    return "".join((
        _place_region_date(v),
        rf",?{SP}*",
        rf"\({SP}*",
        group("token", f"{DOMAIN}|{TOKEN}"),
        rf"(?:{SP}+{group('pdate', _NUM_DATE)})?",  # a date after the name: "(Tagar 23/11/2018)"
        PARTNER,  # "(WARTA/JACX)"
        rf"{SP}*\)",
        group("sep", DASH_SEP),
        _NEXT_LINE,
        BODY_START,
    ))


def shape_d(v: Vocabulary) -> str:
    """D ``<Outlet> <sep>``, a catalogued outlet alone: ``Suara.com - ``."""
    return "".join((LINE_START, group("outlet", v.out_known), group("sep", SEP), BODY_START))


def shape_dx(v: Vocabulary) -> str:
    """Dx: an unknown token shaped like a domain alone before a separator."""
    return "".join((LINE_START, group("outlet", DOMAIN), group("sep", SEP), BODY_START))


# a brand's name in mixed case, which no place is written in: a lower-case letter before a capital
# ("KabarKita", "MedanBisnis") or two capitals before a lower-case letter ("NEWSmedia", "RMOLSumsel")
_MIXED_CASE = (r"(?=[\p{L}\d]{0,24}(?:\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}))"
               r"\p{Lu}[\p{L}\d]{2,25}(?![\p{L}\d]|\.[\p{L}\d])")  # (not a domain's first label)


def shape_dn(v: Vocabulary) -> str:
    """Dn: a name no catalogue lists, alone before a dash, shaped as a brand: in square or round brackets
    (``[WARTADESA] - ``, ``(Kabar Desa) - ``) or one word in mixed case (``KabarKita - ``, ``KabarKita. ``)."""
    name = rf"\[{SP}*{TOKEN}{SP}*\]|\({SP}*{TOKEN}{SP}*\)|{_MIXED_CASE}"
    # a full stop parts a name in mixed case from the story too when the name holds a run of capitals
    # ("RMOLJabar. Pemerintah …"; not "McDonald. …", a sentence)
    sep = rf"{DASH_SEP}|(?<=\p{{Lu}}{{2}}[\p{{L}}\d]{{0,25}})\.{SP}+"
    return "".join((LINE_START, group("token", name), group("sep", sep), BODY_START))


def shape_dc(v: Vocabulary) -> str:
    """Dc: an outlet token shaped like a domain, a comma, the story: ``KABARSARI.CO, Seorang …``."""
    return "".join((LINE_START, group("outlet", DOMAIN), group("sep", rf"{SP}*,{SP}+"), _PROSE_WORD))


def shape_bu(v: Vocabulary) -> str:
    """Bu ``<Brand>, <Place> <dash>``, a brand no catalogue lists and a gazetteer place or one in capitals:
    ``InfoTANI, BANDUNG - ``, ``Warta Lembah, Surabaya – ``."""
    return "".join((
        LINE_START,
        group("brand", _BRAND),
        rf"{SP}*,{SP}*",
        group("place", f"{v.gaz}|{PLACE_CAPS}"),
        group("sep", DASH_SEP),
        BODY_START,
    ))


def shape_c0(v: Vocabulary) -> str:
    """C0 ``(<Outlet>) <sep>``: ``(ANTARA) - ``."""
    return "".join((
        LINE_START,
        rf"\({SP}*",
        group("outlet", v.out_known),
        rf"{SP}*\)",
        group("sep", SEP),
        BODY_START,
    ))


def shape_w(v: Vocabulary) -> str:
    """W, a press-release wire: ``NEW YORK, USA - Media OutReach Newswire - 30 April 2024 - ``."""
    return "".join((
        LINE_START,
        group("place", PLACE_CAPS),
        f"{v.region}?",
        rf"{SP}*{DASH}{SP}*",
        group("outlet", v.out_known),
        rf"{SP}*{DASH}{SP}*",
        group("date", v.eng_date),
        group("sep", SEP),
        BODY_START,
    ))


def shape_ft(v: Vocabulary) -> str:
    """Ft, a place in Title Case and a colon, where the locale writes datelines so: ``Alor Gajah: ``."""
    return "".join((
        LINE_START,
        group("place", r"\p{Lu}\p{Ll}+(?:[ \u00a0]\p{Lu}\p{Ll}+){0,2}"),
        group("sep", rf"{SP}*:{SP}+"),
        _PROSE_WORD,
    ))


def shape_g(v: Vocabulary) -> str:
    """G ``<PLACE> <d> <Month> <sep>``: ``IPOH 21 Ogos – ``."""
    return "".join((
        LINE_START,
        group("place", PLACE_CAPS),
        rf"{SP}+",
        group("date", rf"\d{{1,2}}{SP}+(?i:{v.mon})"),
        r"\.?",
        group("sep", SEP),
        BODY_START,
    ))


_REGION_WORDS = r"\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2}"


def shape_f(v: Vocabulary) -> str:
    """F ``<PLACE> <sep>``: ``JAKARTA - ``, ``Jakarta:  ``, ``PROBOLINGGO-Dermaga`` (the next word kept as ``next``)."""
    return "".join((
        LINE_START,
        # (a place in Title Case no gazetteer lists only before a spaced dash, a region between maybe:
        # "Wonosalam - …", "Wonosalam, Jawa Timur -…"; accept() asks more of it)
        group("place", rf"{v.gaz}|{PLACE_CAPS}|{PLACE_ANY}(?=(?:,{SP}*{_REGION_WORDS})?{SP}+(?:--|—|–|-))"),
        f"{v.region}?",
        # a date after a comma, or in brackets: "KOTA KINABALU (June 4): "
        rf"(?:,{SP}*{group('date', v.eng_date)}|{SP}*\({SP}*{group('date', v.eng_date)}{SP}*\))?",
        # the separator lost: only before a capitalised word (else "LAMPUNG SELATAN -" stops at "LAMPUNG")
        group("sep", rf"{SP}*(?:--|—|–|-|:){SP}*|{SP}+(?=\p{{Lu}}\p{{Ll}})"),
        # a brand in lower case may open the story after a dash ("JAKARTA - realme GT 7 …"; checked later)
        group("next", r"[\"“'‘(]?\p{Lu}\p{L}*|\p{N}+|\p{Ll}\p{L}*"),
    ))


def shape_i(v: Vocabulary) -> str:
    """I, the dateline (or outlet) alone on its line: ``JAKARTA``, ``KUALA LUMPUR, 7 April 2016:``."""
    return "".join((
        rf"(?:{group('place', PLACE_ANY)}{SP}*,{SP}*)?",
        rf"{group('outlet', v.out_any)}?",
        rf"(?(outlet)|{group('place2', rf'{v.gaz}|{PLACE_CAPS}|{PLACE_ANY}(?={SP}*{DASH})')})",
        rf"(?:,{SP}*{group('date', v.eng_date)})?",  # a date after the place
        rf"{SP}*{group('sep', rf'{DASH}|:')}?{SP}*",
    ))


def agency(v: Vocabulary) -> str:
    """``(ANTARA) -``: a catalogued agency in parentheses, then a separator (shape C's anchor inside a line)."""
    return rf"\({SP}*{group('outlet', v.out_paren)}{PARTNER}{SP}*\){group('sep', SEP)}"


def unknown(v: Vocabulary) -> str:
    """``(WARTADESA) - ``: a name no catalogue lists in parentheses, a dash, the story (shape Cx's anchor)."""
    return (rf"\({SP}*{group('token', f'{DOMAIN}|{TOKEN}')}{PARTNER}{SP}*\){group('sep', DASH_SEP)}"
            rf"{_NEXT_LINE}{BODY_START}")


def below_teaser(v: Vocabulary) -> str:
    """T: ``KOTA BHARU: ``, ``Kuala Lumpur - ``, ``SIOUX FALLS, S.D. – `` on a line below a teaser."""
    return "".join((
        group("place", f"{v.gaz}|{PLACE_CAPS}"),
        f"{v.region}?",
        group("sep", rf"{SP}*(?:--|—|–|-|:){SP}+|{SP}*(?:--|—|–|:){SP}*"),
        _PROSE_WORD,
    ))


# ---------------------------------------------------------------- compiled


@dataclass(frozen=True)
class Shapes:
    """The compiled shapes, in the order they are tried."""

    start_shapes: tuple[tuple[str, Any], ...]
    inline_shapes: tuple[tuple[str, Any], ...]
    alone: Any
    lone_dash: Any
    joint_outlet: Any
    gazetteer: Any
    first_words: frozenset[str]  # first words of the outlet names: the cheap test before costly shapes
    agency: Any  # "(ANTARA) -": a catalogued agency in parentheses, then a separator
    agency_at: Any  # shape C tried at a given place start
    unknown: Any  # "(WARTADESA) - ": a name no catalogue lists in parentheses, a dash, the story
    unknown_at: Any  # shape Cx tried at a given place start
    below_teaser: Any  # "KOTA BHARU: ", "Kuala Lumpur - " on a line below a teaser
    label_words: frozenset[str]  # credit, source and photo labels, insert markers' words: never a place


def _compile(locale: Locale, outlets: OutletCatalogue) -> Shapes:
    v = Vocabulary.of(locale, outlets)
    m = regex.MULTILINE
    start = LINE_START
    return Shapes(
        start_shapes=(  # the order they are tried in
            ("A", regex.compile(shape_a(v, v.out_any, start), m)),
            ("B", regex.compile(shape_b(v, v.out_any, start), m)),
            ("C", regex.compile(shape_c(v, start), m)),
            ("E", regex.compile(shape_e(v, v.out_any, start), m)),
            ("B0", regex.compile(shape_b0(v), m)),
            # weaker, only above the first prose line
            ("B0x", regex.compile(shape_b0x(v), m)),
            # the token is the outlet only when it is shaped like a domain
            ("Cx", regex.compile(start + unknown_paren(v), m)),
            # a catalogued outlet alone before the separator is as strong as a full dateline
            ("D", regex.compile(shape_d(v), m)),
            # an unknown outlet token shaped like a domain: weaker, only above the first prose line
            ("Dx", regex.compile(shape_dx(v), m)),
            # a domain-shaped token and a comma, or a brand the catalogue lacks, a comma and a place: weaker
            ("Dc", regex.compile(shape_dc(v), m)),
            # a name no catalogue lists, shaped as a brand (brackets, mixed case): weaker still
            ("Dn", regex.compile(shape_dn(v), m)),
            ("Bu", regex.compile(shape_bu(v), m)),
            ("C0", regex.compile(shape_c0(v), m)),
            ("W", regex.compile(shape_w(v), m)),
            ("Ft", regex.compile(shape_ft(v), m)),
            ("G", regex.compile(shape_g(v), m)),
            ("F", regex.compile(shape_f(v), m)),
        ),
        # shapes that name the outlet before the separator may also follow a word and a space; shape C
        # keeps the glued forms, since its place runs on into the teaser's capitalised words (the
        # glued-agency search finds it)
        inline_shapes=(
            ("A", regex.compile(shape_a(v, v.out_known, AFTER_TEASER_WORD), m)),
            ("B", regex.compile(shape_b(v, v.out_known, AFTER_TEASER_WORD), m)),
            ("C", regex.compile(shape_c(v, AFTER_TEASER), m)),
            ("E", regex.compile(shape_e(v, v.out_known, AFTER_TEASER_WORD), m)),
        ),
        alone=regex.compile(shape_i(v)),
        lone_dash=regex.compile(rf"{SP}*{group('sep', DASH)}{SP}*"),
        # the line under a place alone: a comma, the outlet and the dash (", KOMPAS.com -")
        joint_outlet=regex.compile(
            rf"{SP}*{group('joint', ',')}{SP}*{group('outlet', v.out_any)}{SP}*{group('sep', DASH)}{SP}*"),
        gazetteer=regex.compile(v.gaz),
        first_words=frozenset(
            token_key(a.split()[0]) for e in outlets.entries for a in (*e.aliases, e.name) if a.split()
        ),
        agency=regex.compile(agency(v)),
        agency_at=regex.compile(shape_c(v, ""), m),
        label_words=label_words(locale),
        unknown=regex.compile(unknown(v)),
        unknown_at=regex.compile(unknown_paren(v)),
        below_teaser=regex.compile(below_teaser(v)),
    )


def shapes_of(draft: Draft) -> Shapes:
    """The shapes for the draft's locale and catalogue (compiled once)."""
    return draft.derived("prefix", lambda: _compile(draft.locale, draft.outlets))
