"""The body start: outlet prefix and dateline.

Shapes (docs/parse-rules.md; their rule ids: ``prefix_rules``), tried in this order at the start of
each of the first lines:

- A ``<Place>, <Outlet> <sep>``            ``JAKARTA, KOMPAS.com - ``
- B ``<Outlet>, <Place> <sep>``            ``Liputan6.com, Jakarta - `` (and, for outlets known to drop
  it, no separator before a gazetteer place: ``Liputan6.com, JakartaBanyak``)
- C ``<Place>[, region][, date] (<AGENCY>) <sep>``   ``Jakarta (ANTARA) - ``
- E ``<Outlet> - <PLACE> <sep|.>``         ``KONTAN.CO.ID - JAKARTA. ``
- D ``<Outlet> <sep>``                     ``Suara.com - ``
- G ``<PLACE> <d> <Month> <sep>``          ``IPOH 21 Ogos – ``
- F ``<PLACE> <sep>``                      ``JAKARTA - ``, ``Jakarta:  ``, ``PROBOLINGGO-Dermaga``
- I the dateline alone on its line, its separator on the next line or lost.

Outlet tokens come from the outlet catalogue (data); an unknown token shaped like a domain
(``TRIBUNKALTIM.CO``) names the outlet at that domain. Places are any capitalised words in
shapes that carry an outlet; alone (F, I) they must be in capitals or in the locale's
gazetteer. Shapes A, B, C and E with a catalogued outlet are also found inside the first
line, after a teaser glued in front of them (``...nanti.Jakarta (ANTARA) - ``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from ..dates import date_reader
from ..draft import Draft, Findings, Line
from ..rules import Locale, OutletCatalogue
from ..scanning import literal_trie
from .prefix_rules import LOST_PREFIX, SECOND_ARTICLE, SHAPE, TEASER, WHY

__all__ = ["Prefix"]

_SP = r"[ \t\u00a0]"
_DASH = r"(?:--|—|–|-)"
# ",-" too: "TRIBUN-MEDAN.COM,- Bagi Anda …"
_SEP = rf"(?:{_SP}*,?(?:--|—|–|-|:|\|){_SP}*)"
# a domain, or one whose dot before a second-level suffix was printed as a space or a comma
# ("BANJARMASINPOST CO.ID", "Posmetro,co.id": LABELS reads the domain the token meant)
_SLD = r"(?i:co|or|ac|go|net|web|sch|my)"
_DOMAIN = (r"(?:[\p{L}\d][\p{L}\d\-]*(?:\.[\p{L}]{2,6}){1,3}"
           rf"|[\p{{L}}\d][\p{{L}}\d\-]*[ ,]{_SLD}\.\p{{L}}{{2}}(?![\p{{L}}\d.]))")
_DOMAIN_TYPO = regex.compile(rf"[ ,](?={_SLD}\.\p{{L}}{{2}}\Z)")
# Place words are bounded (40 characters, 4 hyphens): a greedy unbounded run backtracks quadratically
# in the regex module on a long run of capitals and dots ("A.A.A.A....") at the start of a page.
_WORD_ANY = r"\p{Lu}[\p{L}'’.]{0,40}(?:-\p{L}[\p{L}'’.]{0,40}){0,4}"
_WORD_CAPS = r"\p{Lu}[\p{Lu}'’.]{0,40}(?:-\p{Lu}[\p{Lu}'’.]{0,40}){0,4}"
_PLACE_ANY = rf"(?:{_WORD_ANY}(?:[ \u00a0/]{_WORD_ANY}){{0,3}})"  # "Bandar\u00a0Lampung" too
_PLACE_CAPS = (rf"(?:\p{{Lu}}[\p{{Lu}}'’.]{{0,40}}\p{{Lu}}(?:-\p{{Lu}}[\p{{Lu}}'’.]{{0,40}}){{0,4}}"
               rf"(?:[ /]{_WORD_CAPS}){{0,3}})")
# a partner after the agency: "(ANTARA/Business Wire)", "(ANTARA/JACX)"
_PARTNER = r"(?:[ \t\u00a0]*/[ \t\u00a0]*\p{L}[\p{L} .]{1,30}?)?"
# an outlet's name in parentheses: one to three capitalised words ("ANTARA", "Pos Kota")
_TOKEN = r"\p{Lu}[\p{L}\d.\-]{1,30}(?:[ \u00a0]\p{Lu}[\p{L}\d.\-]{1,30}){0,2}"
_LEAD_DASH = regex.compile(rf"{_SP}*(?P<sep>{_DASH}){_SP}+")
_BODY_START = r"(?=[\p{Lu}\p{N}\"“'‘(\[])"
_PROSE = regex.compile(r"(?:\S+\s+){12}.*?[.!?\"”]\s*\Z|(?:\S+\s+){25}")  # lazy: greedy was quadratic
_STRONG = frozenset({"A", "B", "B0", "C", "C0", "E", "D", "W"})
_NEXT_IS_PROSE = regex.compile(r"\s*(?:[\"“'‘(]?\p{Lu}|\p{N})")
_STRAY_SEP = regex.compile(rf"(?P<sep>--|—|–|-|:|\|){_SP}+(?=[\"“'‘(]?\p{{Lu}}\p{{Ll}})")
_PROSE_LINE = regex.compile(r".{0,400}?[.!?\"”]\s*\Z|\S+(?:\s+\S+){7,}", regex.DOTALL)


@dataclass(frozen=True)
class _Shapes:
    start_shapes: tuple[tuple[str, Any], ...]
    inline_shapes: tuple[tuple[str, Any], ...]
    alone: Any
    lone_dash: Any
    gazetteer: Any
    first_words: frozenset[str]  # first words of the outlet names: the cheap test before costly shapes
    agency: Any  # "(ANTARA) -": a catalogued agency in parentheses, then a separator
    agency_at: Any  # shape C tried at a given place start
    unknown: Any  # "(WARTADESA) - ": a name no catalogue lists in parentheses, a dash, the story
    unknown_at: Any  # shape Cx tried at a given place start
    below_teaser: Any  # "KOTA BHARU: ", "Kuala Lumpur - " on a line below a teaser
    label_words: frozenset[str]  # credit, source and photo labels, insert markers' words: never a place


def _compile(locale: Locale, outlets: OutletCatalogue) -> _Shapes:
    alias = outlets.alias_pattern() or "(?!)"
    out_known = rf"(?:{alias})(?![\p{{L}}\d.])"
    # an agency in parentheses in any case: "(Antara/PRNewswire)", "(ANTARA)"
    agencies = outlets.alias_pattern(agencies_only=True) or "(?!)"
    out_paren = rf"(?:{alias}|(?i:{agencies}))(?![\p{{L}}\d.])"
    out_any = rf"(?:{out_known}|{_DOMAIN}(?![\p{{L}}\d]))"
    gaz_alt = literal_trie(locale.places, ignore_case=True) or "(?!)"  # used under (?i)
    gaz = rf"(?i:{gaz_alt})(?![\p{{L}}])"
    gaz_glued = rf"(?i:{gaz_alt})"
    mon = locale.month_alt
    # a region after the place ("MANILA, Philippines -"), never a month ("PETALING JAYA, Oct 20 —")
    region = rf"(?:,{_SP}*(?!(?i:{mon})\b)(?P<region>\p{{Lu}}[\p{{L}}.]*(?: \p{{Lu}}[\p{{L}}.]*){{0,2}}))"
    eng_date = (rf"(?i:(?:{mon})\.?{_SP}+\d{{1,2}}(?:,?{_SP}+\d{{4}})?"
                rf"|\d{{1,2}}{_SP}+(?:{mon})\.?(?:{_SP}+\d{{4}})?)")

    def shapes(out: str, anchor: str) -> tuple[tuple[str, Any], ...]:
        f = regex.MULTILINE
        return (
            ("A", regex.compile(
                rf"{anchor}(?P<place>{_PLACE_ANY})(?P<comma>{_SP}*,{_SP}*|{_SP}+)(?P<outlet>{out})"
                rf"(?P<sep>{_SEP}(?=\S)(?![-—–])|{_SP}*\r?\n\s*{_DASH}{_SP}*|{_SP}*{_DASH}?{_SP}*(?=\r?\n))", f)),
            ("B", regex.compile(
                rf"{anchor}(?P<outlet>{out}){_SP}*,{_SP}*(?P<place>{_PLACE_ANY})(?P<sep>{_SEP}){_BODY_START}", f)),
            ("C", regex.compile(
                rf"{anchor}(?P<place>{_PLACE_ANY})(?:,{_SP}*(?P<region>[^(\n,\d]{{2,30}}?))?"
                rf"(?:,{_SP}*(?P<date>{eng_date}))?,?{_SP}*(?:--|—|–)?{_SP}*\({_SP}*(?P<outlet>{out_paren}){_PARTNER}{_SP}*\)"
                rf"(?P<sep>{_SEP})", f)),
            ("E", regex.compile(
                rf"{anchor}(?P<outlet>{out}){_SP}*(?:--|—|–|-|\|){_SP}*(?P<place>{_PLACE_CAPS})"
                rf"(?P<sep>{_SP}*(?:--|—|–|-|\.){_SP}*){_BODY_START}", f)),
        )

    start = "^[ \t\u00a0\ufeff\u200e]*"
    unknown_paren = (
        rf"(?P<place>{_PLACE_ANY})(?:,{_SP}*(?P<region>[^(\n,\d]{{2,30}}?))?(?:,{_SP}*(?P<date>{eng_date}))?,?{_SP}*"
        rf"\({_SP}*(?P<token>{_DOMAIN}|{_TOKEN}){_SP}*\)(?P<sep>{_SP}*(?:--|—|–|-){_SP}*){_BODY_START}"
    )
    inline = r"(?:(?<=[.!?\"”’)]{1,3}[ \t\u00a0]{0,3})|(?<=\p{Ll}))"
    # shapes that name the outlet before the separator may also follow a word and a space: a broken copy
    # cut mid-sentence ("… berlaku untuk semua JAKARTA, KOMPAS.com - "); shape C keeps the glued forms,
    # since its place runs on into the teaser's capitalised words (the glued-agency search finds it)
    inline_word = r"(?:(?<=[.!?\"”’)]{1,3}[ \t\u00a0]{0,3})|(?<=\p{Ll})|(?<=[\p{Ll}\d,;…][ \t\u00a0]))"
    start_shapes = (
        *shapes(out_any, start),
        ("B0", regex.compile(
            rf"{start}(?P<outlet>{out_known}){_SP}*,{_SP}*(?P<place>{gaz_glued})(?P<sep>{_SP}*)(?=\p{{Lu}})",
            regex.MULTILINE)),
        # weaker, only above the first prose line: an unknown outlet token shaped like a domain before a
        # gazetteer place whose separator was lost ("Bintang.com, Jakarta Hilda …", "Situs.com, JakartaBanyak …")
        ("B0x", regex.compile(
            rf"{start}(?P<outlet>{_DOMAIN}){_SP}*,{_SP}*(?P<place>{gaz_glued})(?P<sep>{_SP}*)(?=\p{{Lu}}\p{{Ll}})",
            regex.MULTILINE)),
        # an unknown outlet in parentheses after the place, then a dash: "Karo (ANTARA) - ", "JAKARTA (Pos Kota) – ",
        # "Mojokerto (beritajatim.com) - " (the token is the outlet only when it is shaped like a domain)
        ("Cx", regex.compile(rf"{start}{unknown_paren}", regex.MULTILINE)),
        # a catalogued outlet alone before the separator is as strong as a full dateline
        ("D", regex.compile(rf"{start}(?P<outlet>{out_known})(?P<sep>{_SEP}){_BODY_START}", regex.MULTILINE)),
        # an unknown outlet token shaped like a domain: weaker, only above the first prose line
        ("Dx", regex.compile(rf"{start}(?P<outlet>{_DOMAIN})(?P<sep>{_SEP}){_BODY_START}", regex.MULTILINE)),
        ("C0", regex.compile(
            rf"{start}\({_SP}*(?P<outlet>{out_known}){_SP}*\)(?P<sep>{_SEP}){_BODY_START}", regex.MULTILINE)),
        # a press-release wire: "NEW YORK, USA - Media OutReach Newswire - 30 April 2024 - "
        ("W", regex.compile(
            rf"{start}(?P<place>{_PLACE_CAPS}){region}?{_SP}*{_DASH}{_SP}*(?P<outlet>{out_known}){_SP}*{_DASH}{_SP}*"
            rf"(?P<date>{eng_date})(?P<sep>{_SEP}){_BODY_START}", regex.MULTILINE)),
        # a place in Title Case and a colon, where the locale writes datelines so ("Alor Gajah: ", Malay copy)
        ("Ft", regex.compile(
            rf"{start}(?P<place>\p{{Lu}}\p{{Ll}}+(?:[ \u00a0]\p{{Lu}}\p{{Ll}}+){{0,2}})(?P<sep>{_SP}*:{_SP}+)"
            rf"(?=[\"“'‘(]?\p{{Lu}}\p{{Ll}})", regex.MULTILINE)),
        ("G", regex.compile(
            rf"{start}(?P<place>{_PLACE_CAPS}){_SP}+(?P<date>\d{{1,2}}{_SP}+(?i:{mon}))\.?(?P<sep>{_SEP})"
            rf"{_BODY_START}", regex.MULTILINE)),
        ("F", regex.compile(
            rf"{start}(?P<place>{gaz}|{_PLACE_CAPS}){region}?(?:,{_SP}*(?P<date>{eng_date}))?(?P<sep>{_SP}*(?:--|—|–|-|:){_SP}*|{_SP}+(?=\S))"
            rf"(?P<next>[\"“'‘(]?\p{{Lu}}\p{{L}}*|\p{{N}}+)", regex.MULTILINE)),
    )
    return _Shapes(
        start_shapes=start_shapes,
        inline_shapes=tuple(
            glued if glued[0] == "C" else word
            for glued, word in zip(shapes(out_known, inline), shapes(out_known, inline_word), strict=True)),
        alone=regex.compile(
            rf"(?:(?P<place>{_PLACE_ANY}){_SP}*,{_SP}*)?(?P<outlet>{out_any})?"
            rf"(?(outlet)|(?P<place2>{gaz}|{_PLACE_CAPS}|{_PLACE_ANY}(?={_SP}*{_DASH})))"
            # a date after the place ("KUALA LUMPUR, 7 April 2016:" alone on its line)
            rf"(?:,{_SP}*(?P<date>{eng_date}))?"
            rf"{_SP}*(?P<sep>{_DASH}|:)?{_SP}*"
        ),
        lone_dash=regex.compile(rf"{_SP}*(?P<sep>{_DASH}){_SP}*"),
        gazetteer=regex.compile(gaz),
        first_words=frozenset(
            _token_key(a.split()[0]) for e in outlets.entries for a in (*e.aliases, e.name) if a.split()
        ),
        agency=regex.compile(rf"\({_SP}*(?P<outlet>{out_paren}){_PARTNER}{_SP}*\)(?P<sep>{_SEP})"),
        agency_at=dict(shapes(out_known, ""))["C"],
        label_words=_label_words(locale),
        unknown=regex.compile(
            rf"\({_SP}*(?P<token>{_DOMAIN}|{_TOKEN}){_SP}*\)(?P<sep>{_SP}*(?:--|—|–|-){_SP}*){_BODY_START}"
        ),
        unknown_at=regex.compile(unknown_paren),
        below_teaser=regex.compile(
            rf"(?P<place>{gaz}|{_PLACE_CAPS})(?P<sep>{_SP}*(?:--|—|–|-|:){_SP}+|{_SP}*(?:--|—|–|:){_SP}*)"
            rf"(?=[\"“'‘(]?\p{{Lu}}\p{{Ll}})"),
    )


def _label_words(locale: Locale) -> frozenset[str]:
    """Words that open a labelled line ("Sumber: …", "Foto: …", "Baca: …"): never a dateline's place."""
    schema = locale.schema
    words = [*schema.tail.credit_labels, *schema.tail.source_labels, *schema.header.photo_labels,
             *schema.page.byline_words, *schema.page.credit_lead_words, *schema.captions.prose_openers,
             *schema.inserts.headline.sentence_starters, *schema.captions.prose_words, *schema.prefix.label_words]
    return frozenset(w.casefold() for w in words)


_KEY_STRIP = ",.-–—:;()[]|\"'“”"


def _is_caption_label(draft: Draft, place: str) -> bool:
    labels = draft.locale.schema.prefix.caption_labels
    return place.casefold().rstrip(".") in {w.casefold() for w in labels}


def _brand_shaped(draft: Draft, place: str | None) -> bool:
    """One word in capitals that ends in a brand ending of the locale (``KRICOM``, ``MANADOPOST``), with
    at least three letters before it, and no gazetteer place."""
    if not place or not place.isupper() or not place.isalpha():
        return False
    if draft.locale.places and Prefix._shapes(draft).gazetteer.fullmatch(place):
        return False
    return any(place.endswith(e) and len(place) >= len(e) + 3 for e in draft.locale.schema.prefix.brand_endings)


def _closing_credit(draft: Draft) -> Any:
    """A photo credit closing a line: a caption label, a colon and a short name (``… Foto: Pertamina for MP``)."""
    def build() -> Any:
        labels = "|".join(regex.escape(w) for w in draft.locale.schema.prefix.caption_labels) or "(?!)"
        return regex.compile(rf"(?<![\p{{L}}])(?i:{labels})\.?{_SP}*:{_SP}*[^\n:.!?]{{1,60}}?[ \t.)]*\Z")
    return draft.locale.derived("prefix-closing-credit", build)


def _token_key(token: str) -> str:
    return token.strip(_KEY_STRIP).casefold()


def _names_an_outlet(text: str, lo: int, hi: int, shapes: _Shapes, *, domains: bool) -> bool:
    """Whether ``text[lo:hi]`` holds a word that starts an outlet name (or, with ``domains``, a domain)."""
    # the words as _token_key reads them; casefolding the window once changes no strip character
    window = text[lo:hi].replace("(", " ").replace(",", " ").casefold()
    parts = window.split()
    if not shapes.first_words.isdisjoint([p.strip(_KEY_STRIP) for p in parts]):
        return True
    if not domains or "." not in window:
        return False
    return any("." in p.strip(".,") and any(c.isalpha() for c in p) for p in parts if "." in p)


def _word_starts(text: str, lo: int, hi: int) -> list[int]:
    """Where a capitalised word may start in ``text[lo:hi]``: after a space or a comma, or glued on.

    Glued on: after a lower-case letter or a digit (``politikTrenggalek``, ``2023Jakarta``), or
    after a run of capitals when a lower-case letter follows (``ASNJakarta``).
    """
    out = []
    for i in range(lo, hi):
        c = text[i]
        if not c.isupper():
            continue
        prev = text[i - 1] if i > 0 else " "
        if (prev.isspace() or prev in ",.;:\"”’)" or prev.islower() or prev.isdigit()
                or (prev.isupper() and text[i + 1 : i + 2].islower())):
            out.append(i)
    return out


def _glued_inside(place: str) -> bool:
    """Whether a word of ``place`` holds a seam where two words were glued (``RLDCDubai``, ``ASNJakarta``)."""
    for word in place.replace(",", " ").split():
        for i in range(1, len(word) - 1):
            a, b, c = word[i - 1], word[i], word[i + 1]
            if b.isupper() and (a.islower() or a.isdigit() or (a.isupper() and c.islower())):
                return True
    return False


def title_place(place: str) -> str:
    """A dateline place in Title Case (``KUALA LUMPUR`` → ``Kuala Lumpur``), as docs/parse-rules.md writes it."""
    words = place.split(" ")
    out = []
    for w in words:
        if w.isupper() and len(w) > 1:
            w = "/".join(part.capitalize() for part in w.split("/"))
            w = "-".join(part[:1].upper() + part[1:] for part in w.split("-"))
        out.append(w)
    return " ".join(out)


@dataclass(frozen=True)
class Prefix:
    """Finds the outlet prefix and the dateline at the body start."""

    name: str = "prefix"
    max_lines: int = 10
    max_chars: int = 1500
    max_teaser: int = 700
    max_teaser_lines: int = 2
    max_place: int = 80

    @staticmethod
    def _shapes(draft: Draft) -> _Shapes:
        return draft.derived("prefix", lambda: _compile(draft.locale, draft.outlets))

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        shapes = self._shapes(draft)
        candidates = self._candidate_lines(draft)
        # outlet-bearing shapes anywhere in the first lines win over weaker ones on an earlier line
        # weak shapes (no outlet) only above the first line of prose: a title or a byline may come
        # first, but "GOWOK: ..." deep in a story is no dateline
        weak_lines = []
        for line in candidates:
            weak_lines.append(line)
            if _PROSE.match(draft.text, line.lo, line.hi):
                break
        for strong, lines in ((True, candidates), (False, weak_lines)):
            if any(self._at_line(draft, found, shapes, line, strong=strong) for line in lines):
                break
        else:
            for line in candidates[:3]:
                if _names_an_outlet(draft.text, line.lo, line.hi, shapes, domains=False) and self._inline(
                    draft, found, shapes, line
                ):
                    break
            else:
                if not self._below_teaser(draft, found, shapes, candidates, len(weak_lines)) and candidates:
                    self._glued_unknown(draft, found, shapes, candidates[0])
        if found.claims:
            self._second_article(draft, found, shapes)
        else:
            self._lost_prefix(draft, found)
        return found

    def _lost_prefix(self, draft: Draft, found: Findings) -> None:
        """A separator opening the text (``: Seorang …``, ``- Pemerintah …``): the scraper cut the dateline
        away and left its separator. Not a list's first item: the next line does not open with it too."""
        lines = [ln for ln in draft.lines if not ln.blank][:2]
        if not lines or not draft.is_free(lines[0].lo, lines[0].hi):
            return
        text = draft.text
        m = _STRAY_SEP.match(text, lines[0].lo, lines[0].hi)
        if m is None or not _PROSE_LINE.fullmatch(text, m.end(), lines[0].hi):
            return
        if len(lines) > 1 and text.startswith(m["sep"], lines[1].lo):
            return
        found.claim("noise", m.start("sep"), m.end("sep"), LOST_PREFIX)

    def _candidate_lines(self, draft: Draft) -> list[Line]:
        out: list[Line] = []
        seen = 0  # characters of unclaimed lines looked at so far
        for line in draft.lines:
            if seen > self.max_chars or len(out) >= self.max_lines:
                break
            if not line.blank and draft.is_free(line.lo, min(line.hi, line.lo + 1)):
                out.append(line)
                seen += line.hi - line.lo
        return out

    # ------------------------------------------------------------------ matching

    def _accept(self, draft: Draft, shape: str, m: Any) -> bool:
        text = draft.text
        gd = m.groupdict()
        outlet = gd.get("outlet")
        place = gd.get("place")
        if shape == "A" and "," not in m["comma"] and not (place or "").isupper():
            return False  # the comma lost: only "JAKARTA KOMPAS.com -", a place in capitals
        if shape == "Cx":
            if _glued_inside(place) or not self._place_ok(draft, place) or len(place.split()) > 3:
                return False
            token = m["token"]
            # one capitalised word ("(Reuters)") only after a place in capitals: "LOS ANGELES (Reuters) - "
            return "." in token or token.isupper() or " " in token or (place.isupper() and len(place) >= 3)
        if shape in ("D", "Dx"):
            if outlet and "." not in outlet and draft.outlets.lookup(outlet) is None:
                return False
            line = draft.line_at(m.start())
            reading = date_reader(draft.locale).read_header(text, m.end(), line.hi)
            if reading is not None and reading.start - m.end() < 3:
                return False  # "Kompas.com - 02/11/2023, 21:34 WIB" is a timestamp line
            if m["sep"].strip() == "|":
                return False  # "CNN Indonesia | CNN Indonesia" is a masthead
            rest = text[m.end() : draft.line_at(m.start()).hi]
            if not rest.strip() or draft.outlets.lookup(rest.strip()) is not None:
                return False
        if shape == "Ft":
            if not draft.locale.schema.prefix.title_colon or draft.outlets.lookup(place) is not None:
                return False
            if any(w in self._shapes(draft).label_words for w in place.casefold().split()):
                return False  # "Sumber: …", "Editor: …", "Kata dia: …": a label or speech, not a place
            return bool(_PROSE_LINE.fullmatch(text, m.end(), draft.line_at(m.start()).hi))
        if shape == "F":
            sep = m["sep"]
            nxt = m["next"]
            if _is_caption_label(draft, place):
                return False  # "PIC: Berita Harian", "FOTO: …": a caption or credit label, no place
            gaz = bool(draft.locale.places) and bool(self._shapes(draft).gazetteer.fullmatch(place))
            if not sep.strip():
                if m["region"] or m["date"]:
                    return False
                # separator lost: only a gazetteer place in capitals, then a capitalised word
                return gaz and place.isupper() and nxt[:1].isupper() and not nxt.isupper()
            if sep.strip() == ":":
                rest = text[m.end("sep") : draft.line_at(m.start()).hi]
                if not gaz and _closing_credit(draft).search(rest):
                    return False  # "DIAWASI: Setiap SPBU … Foto: Pertamina": a caption's kicker
                return gaz or bool(place.isupper() and _PROSE_LINE.fullmatch(rest))
            if not (place.isupper() or gaz):
                return False
            if sep == sep.strip() and not (nxt[:1].isupper() and len(nxt) > 1 and nxt[1:2].islower()):
                return False  # JAKARTA-BANDUNG is a route, PROBOLINGGO-Dermaga a dateline
            return not place.isupper() or len(place) >= 3
        return not (shape in ("A", "B") and place and not self._place_ok(draft, place))

    @staticmethod
    def _place_ok(draft: Draft, place: str) -> bool:
        return draft.outlets.lookup(place) is None

    def _at_line(self, draft: Draft, found: Findings, shapes: _Shapes, line: Line, *, strong: bool) -> bool:
        text = draft.text
        for shape, pat in shapes.start_shapes:
            if (shape in _STRONG) != strong:
                continue
            m = pat.match(text, line.start, len(text))
            if m is None or m.end("place" if "place" in pat.groupindex else "outlet") > line.hi:
                continue
            if not self._accept(draft, shape, m):
                continue
            if self._emit(draft, found, shape, m):
                return True
        return False if strong else self._alone(draft, found, shapes, line)

    def _glued_unknown(self, draft: Draft, found: Findings, shapes: _Shapes, line: Line) -> bool:
        """``…kita bersama.....Jakarta (WARTA) - ``: a teaser glued to a shape-Cx dateline (an outlet no
        catalogue lists) on the first line.

        Like :meth:`_glued_agency`, but the name in parentheses is no catalogued agency, so only a place
        glued on at a seam counts (``politikTrenggalek, Jatim (…)``, ``ASNJakarta (…)``, ``.....Jakarta (…)``):
        a capitalised run after a space may be the teaser's own words.
        """
        text = draft.text
        stop = min(line.hi, line.lo + self.max_teaser)
        paren = shapes.unknown.search(text, line.lo, stop)
        if paren is None:
            return False
        seams = []
        for p in _word_starts(text, max(line.lo, paren.start() - self.max_place), paren.start()):
            m = shapes.unknown_at.match(text, p, line.hi)
            if (m is not None and m.start("token") == paren.start("token") and p > line.lo
                    and not text[p - 1].isspace() and not _glued_inside(m["place"])):
                seams.append(m)
        if not seams or not self._accept(draft, "Cx", seams[-1]):
            return False
        return self._emit(draft, found, "Cx", seams[-1], teaser=True)

    def _below_teaser(self, draft: Draft, found: Findings, shapes: _Shapes, candidates: list[Line],
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
        for k in range(first, min(len(candidates), first + self.max_teaser_lines, 5)):
            line = candidates[k]
            if seen > self.max_teaser:
                return False
            seen += line.hi - line.lo
            m = shapes.below_teaser.match(text, line.lo, line.hi)
            if m is None or not _PROSE_LINE.fullmatch(text, m.end(), line.hi):
                continue
            place = m["place"]
            if not (place.isupper() and len(place) >= 3) and not shapes.gazetteer.fullmatch(place):
                continue
            if draft.outlets.lookup(place) is not None:
                continue  # "KOMPAS:" is an outlet's name, not a place
            return self._emit(draft, found, "T", m)
        return False

    def _inline(self, draft: Draft, found: Findings, shapes: _Shapes, line: Line) -> bool:
        text = draft.text
        # a teaser glued in front of the dateline is a sentence or two: look no further than max_teaser
        stop = min(line.hi, line.lo + self.max_teaser)
        for shape, pat in shapes.inline_shapes:
            m = pat.search(text, line.lo, stop)
            if m and self._accept(draft, shape, m) and self._emit(draft, found, shape, m, teaser=True):
                return True
        return self._glued_agency(draft, found, shapes, line, stop)

    def _glued_agency(self, draft: Draft, found: Findings, shapes: _Shapes, line: Line, stop: int) -> bool:
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
        for p in _word_starts(text, max(line.lo, paren - self.max_place), paren):
            m = shapes.agency_at.match(text, p, agency.end())
            if m is not None and m.start("outlet") == agency.start("outlet") and not _glued_inside(m["place"]):
                fits.append(m)
        seams = [m for m in fits if m.start() > line.lo and not text[m.start() - 1].isspace()]
        known = [m for m in fits if shapes.gazetteer.fullmatch(m["place"])]
        # the seam where the teaser was glued on ("2023Kota Bengkulu"), else a gazetteer place, else the longest
        best = seams[-1] if seams else known[0] if known else fits[0] if fits else None
        if best is None or not self._accept(draft, "C", best):
            return False
        return self._emit(draft, found, "C", best, teaser=True)

    def _alone(self, draft: Draft, found: Findings, shapes: _Shapes, line: Line) -> bool:
        """Shape I: the dateline (or outlet) alone on its line; separator on the next line or lost."""
        text = draft.text
        m = shapes.alone.fullmatch(text, line.lo, line.hi)
        if m is None:
            return False
        nxt = self._next_line(draft, line)
        if nxt is None:
            return False
        place = m["place"] or m["place2"]
        outlet = m["outlet"]
        if m["date"] and (outlet or not place):
            return False
        if m["sep"] and m["sep"].strip() == ":" and not m["date"] and not shapes.gazetteer.fullmatch(place or ""):
            return False  # "CATATAN:" alone is a label: a colon closes a dateline with a date or a known place
        if outlet and "." not in outlet and draft.outlets.lookup(outlet) is None:
            return False
        sep_claim: tuple[int, int] | None = None
        sep_text = m["sep"]
        dash = shapes.lone_dash.fullmatch(text, nxt.lo, nxt.hi)
        body_line = nxt
        if dash is not None and sep_text is None:
            sep_claim = (nxt.lo, nxt.hi)
            sep_text = dash["sep"]
            after = self._next_line(draft, nxt)
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
            if not _PROSE_LINE.match(text[body_line.lo : body_line.hi]):
                return False
        if not _NEXT_IS_PROSE.match(text, sep_claim[1] if sep_claim else body_line.lo):
            return False
        data = self._data(draft, "I", place, None, sep_text)
        if outlet:
            self._claim_outlet(draft, found, m.start("outlet"), m.end("outlet"), outlet, "I")
        if m["date"]:
            data = self._data(draft, "I", place, m["date"], sep_text)
        if place:
            p0 = m.start("place") if m["place"] else m.start("place2")
            p1 = m.end("place") if m["place"] else m.end("place2")
            found.claim("dateline", p0, p1 if not outlet else m.start("outlet"), WHY["I", "place"], prefix=True, **data)
            if m["date"]:
                found.claim("dateline", p1, m.end("date"), WHY["I", "date"], prefix=True)
        if m["sep"]:
            found.claim("dateline", m.start("sep"), m.end("sep"), WHY["I", "sep"], prefix=True, sep=sep_text)
        if sep_claim:
            found.claim("dateline", sep_claim[0], sep_claim[1], WHY["I", "sep-next-line"], prefix=True, sep=sep_text)
        if not place and not sep_claim and not m["sep"] and not outlet:
            return False
        return bool(found.claims)

    @staticmethod
    def _next_line(draft: Draft, line: Line) -> Line | None:
        lines = draft.lines
        for i in range(line.index + 1, len(lines)):  # not a slice: no copy of the remaining lines
            ln = lines[i]
            if not ln.blank:
                return ln if draft.is_free(ln.lo, ln.hi) else None
        return None

    # ------------------------------------------------------------------ emitting

    def _data(self, draft: Draft, shape: str, place: str | None, date_text: str | None,
              sep: str | None) -> dict[str, Any]:
        data: dict[str, Any] = {"shape": shape, "sep": sep.strip() if sep and sep.strip() else None}
        if place:
            data["place"] = title_place(" ".join(place.split()))
        if date_text:
            date, partial = date_reader(draft.locale).read_month_day(date_text)
            data["date"] = date
            data["partial"] = partial
        return data

    def _claim_outlet(self, draft: Draft, found: Findings, start: int, end: int, token: str, shape: str) -> None:
        domain = _DOMAIN_TYPO.sub(".", token.lower())  # "BANJARMASINPOST CO.ID" -> banjarmasinpost.co.id
        entry = draft.outlets.lookup(token) or draft.outlets.lookup(domain)
        if entry is not None:
            found.claim("outlet", start, end, f"{SHAPE[shape]}/{entry.id}", prefix=True, outlet_id=entry.id,
                        name=entry.name, domain=entry.domain)
        else:
            found.claim("outlet", start, end, WHY[shape, "domain"], prefix=True, outlet_id=None, name=token,
                        domain=domain)

    @staticmethod
    def _emit_brand(draft: Draft, found: Findings, m: Any) -> bool:
        """Shape F whose 'place' is a brand in capitals (``KRICOM – ``, ``MANADOPOST – ``): an outlet the
        catalogue does not know, its domain unknown (like shape Cx's unknown outlet); no place."""
        token = m["place"]
        found.claim("dateline", m.start("place"), m.end("place"), "F.unknown-outlet", prefix=True,
                    outlet_name=token, shape="F")
        sep = m["sep"]
        if sep.strip():
            found.claim("dateline", m.start("sep"), m.end("sep"), "F.sep", prefix=True, sep=sep.strip())
        return True

    def _emit(self, draft: Draft, found: Findings, shape: str, m: Any, *, teaser: bool = False) -> bool:
        gd = m.groupdict()
        place = gd.get("place")
        sep = gd.get("sep")
        if shape == "F" and not gd.get("region") and not gd.get("date") and _brand_shaped(draft, place):
            return self._emit_brand(draft, found, m)
        data = self._data(draft, shape, place, gd.get("date"), sep)
        if shape == "G" and gd.get("date"):
            data["date_span"] = (m.start("date"), m.end("date"))
        start = m.start("place") if place else m.start("outlet")
        if teaser:
            for lo, hi in draft.free_parts(draft.line_at(start).start, start):
                found.claim("header", lo, hi, TEASER)
        if gd.get("outlet"):
            self._claim_outlet(draft, found, m.start("outlet"), m.end("outlet"), m["outlet"], shape)
        if place:
            p_end = m.end("place")
            if shape == "A":
                p_end = m.start("outlet")
            found.claim("dateline", m.start("place"), p_end, WHY[shape, "place"], prefix=True, **data)
            if shape in ("B", "B0", "B0x", "E"):
                found.claim("dateline", m.end("outlet"), m.start("place"), WHY[shape, "joint"], prefix=True)
            if shape == "G":
                found.claim("dateline", m.end("place"), m.start("sep"), WHY["G", "date"], prefix=True)
            if shape == "F" and (gd.get("region") or gd.get("date")):
                tail_end = m.end("date") if gd.get("date") else m.end("region")
                found.claim("dateline", m.end("place"), tail_end, WHY["F", "region"], prefix=True)
            if shape == "C":
                why = WHY["C", "region"] if gd.get("region") else WHY["C", "paren"]
                found.claim("dateline", m.end("place"), m.start("outlet"), why, prefix=True)
                found.claim("dateline", m.end("outlet"), m.end("sep"), WHY["C", "sep"], prefix=True)
            if shape == "Cx":
                token = m["token"]
                if "." in token:
                    self._claim_outlet(draft, found, m.start("token"), m.end("token"), token, shape)
                else:  # an outlet named by a word the catalogue does not know: its domain is unknown
                    found.claim("dateline", m.start("token"), m.end("token"), WHY["Cx", "unknown-outlet"], prefix=True,
                                outlet_name=token)
                found.claim("dateline", m.end("place"), m.start("token"), WHY["Cx", "paren"], prefix=True)
                found.claim("dateline", m.end("token"), m.start("sep"), WHY["Cx", "paren"], prefix=True)
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

    def _second_article(self, draft: Draft, found: Findings, shapes: _Shapes) -> None:
        """A second dateline at a line start later on begins another article (listing pages)."""
        text = draft.text
        first_end = max(c.end for c in found.claims)
        _, body_end = draft.body_bounds()
        lines = draft.lines
        for line in lines:
            if line.lo <= first_end or line.lo >= body_end or line.blank:
                continue
            if not _names_an_outlet(text, line.lo, min(line.hi, line.lo + 120), shapes, domains=True):
                continue  # no outlet name near the line start: no dateline of shapes A, B, C or E
            # a shape runs on at most to the next non-blank line (a separator on a line of its own): stop
            # the match there, since the regex module scans up to ``endpos`` before it tries (quadratic)
            k = line.index + 1
            while k < len(lines) and lines[k].blank:
                k += 1
            stop = min(body_end, lines[k].end) if k < len(lines) else body_end
            for shape, pat in shapes.start_shapes[:4]:
                m = pat.match(text, line.start, stop)
                if m is None or not m.groupdict().get("outlet") or not self._accept(draft, shape, m):
                    continue
                if draft.outlets.lookup(m["outlet"]) is not None or "." in m["outlet"]:
                    for lo, hi in draft.free_parts(line.lo, body_end):
                        found.claim("noise", lo, hi, SECOND_ARTICLE, ends_body=True)
                    found.note(f"a second dateline at offset {line.lo} starts another article; "
                               "its text is labelled noise")
                    return
