"""The tail of the body: source attribution and staff credits.

Peeled off the end of the body region (before any link block), one piece at a time,
skipping pieces earlier stages already claimed (noise, inserts):

- source tails and lines: ``(Sumber: Antara/Reuters)``, ``Sumber: Antara``, ``- Bernama``,
  ``(ant)``: ``attribution``, with canonical source names;
- credit lines, also glued together: ``Pewarta: A`` ``Editor: B``, ``Rep: A/ Red: B``;
- initials and desk codes: ``(fbr/wes)``, ``(fat/jpnn)``, ``(ade)``, ``(OL-13)``, ``***``;
- a reporter's name alone on the last line: ``(Dian Saraswati)``, ``DEWI LESTARI``;
- tag lines after the initials (detik).

Anything that is not clearly a tail stays in the body: ``(PDIP/Golkar)``, ``(1/2)``, a
``Sumber: BPS`` under a table (BPS is not a news source), ``kata dia kepada AFP.``
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from ..draft import Draft, Findings
from ..rulebook import define_rule
from ..rules import Locale, OutletCatalogue
from ..sources import canonical_source, split_sources

__all__ = ["Tail"]

# The rules of the tail, each defined once: the why of every claim below.
TAGS = define_rule("tail:tags", "noise", "tag lines after the initials or credits (detik)")
SOURCE_PAREN = define_rule("tail:source-paren", "attribution",
                           "a source tail in parentheses: '(Sumber: Antara/Reuters)'")
AUTHOR_BIO = define_rule("tail:author-bio", "credit", "a columnist's closing bio line ('Penulis adalah …')")
CREDIT_LABEL_LINE = define_rule("tail:credit-label-line", "credit",
                                "a credit label alone on its line with the name on the next ('EDITOR' / name)")
OPINION_DISCLAIMER = define_rule("tail:opinion-disclaimer", "noise",
                                 "a closing disclaimer that the piece is its writer's responsibility")
PUBLICATION_STAMP = define_rule("tail:publication-stamp", "noise",
                                "a closing publication stamp ('Artikel ini disiarkan pada : <date>')")
READER_PROMO = define_rule("tail:reader-promo", "noise",
                           "a closing sentence addressed to the reader that sends them elsewhere")
SIGNATURE = define_rule("tail:signature", "credit", "a letter's or a statement's closing signature block")
REP = define_rule("tail:rep", "credit", "the reporter of a 'Rep: A/ Red: B' line")
RED = define_rule("tail:red", "credit", "the editor of a 'Rep: A/ Red: B' line")
REP_LABEL = define_rule("tail:rep-label", "credit", "the 'Rep:' label of a 'Rep: A/ Red: B' line")
WIRE_TAIL = define_rule("tail:wire-tail", "attribution", "a wire's name after a dash closing the story: '- Bernama'")
END_MARK = define_rule("tail:end-mark", "credit", "a closing mark of the locale's end_marks: '***', '(bersambung)'")
INITIALS_DESK_STAR = define_rule("tail:initials-desk-star", "credit", "a star and an outlet: '(*/jpnn)'")
INITIALS_SINGLE = define_rule("tail:initials-single", "credit", "one lower-case code of up to 5 letters: '(ade)'")
INITIALS_LOWER = define_rule("tail:initials-lower", "credit",
                             "lower-case codes joined by '/': '(fbr/wes)', '(sip/fdn)'")
INITIALS_CAPITALISED = define_rule("tail:initials-capitalised", "credit",
                                   "two capitalised codes of 2 to 4 letters: '(Dio/Ysl)'")
INITIALS_OUTLET = define_rule("tail:initials-outlet", "credit",
                              "short codes with a catalogued outlet, or a desk code first: '(fat/jpnn)', '(ADV/ARIK)'")
INITIALS_DOMAIN = define_rule("tail:initials-domain", "credit", "a code and a domain: '(cr3/tribun-medan.com)'")
OUTLET_REPORTER = define_rule("tail:outlet-reporter", "credit",
                              "a catalogued outlet and a reporter's name in parentheses: '(Kompas.com/Rina Wati)'")
NAMES_PAREN = define_rule("tail:names-paren", "credit", "three or more names in parentheses: '(Rina Wati/Budi/Ana)'")
SQUARE_CREDIT = define_rule("tail:square-credit", "credit", "a name in square brackets at the end: '[Rina Wati]'")
REPORTER_LINE = define_rule("tail:reporter-line", "credit", "a reporter's name alone on the last line: '(Rina Wati)'")
CAPS_REPORTER = define_rule("tail:caps-reporter", "credit",
                            "a reporter's name in capitals on the last line: 'RINA WATI'")
DASH_BRAND_SOURCE = define_rule("tail:dash-brand-source", "attribution",
                                "a dash and a catalogued brand closing the story: '-- Utusan Online'")
DASH_BRAND = define_rule("tail:dash-brand", "credit", "a dash and a brand the catalogue does not know: '-mD'")
DATE_STAMP = define_rule("tail:date-stamp", "noise", "a dash and a date stamp alone closing the story: '- 4/3/2025'")
EMPTY_BRACKETS = define_rule("tail:empty-brackets", "noise", "empty brackets closing the story: '[]'")
SOURCE_CODE = define_rule("tail:source-code", "attribution", "a code that alone names a source: '(ant)', '(dtk)'")
BRACKET_CODE = define_rule("tail:bracket-code", "credit", "another short code in brackets: '(CNN)', '[tin/adv]'")
CREDIT_PAREN = define_rule("tail:credit-paren", "credit", "the parenthesis around a run of credit lines")
SOURCE_LINE = define_rule("tail:source-line", "attribution", "a source line: 'Sumber: Antara'")
CREDIT_LINE = define_rule("tail:credit-line", "credit", "a credit line: 'Pewarta: A', 'Editor: B', glued or not")

_SP = r"[ \t\u00a0]"
_WORDY = regex.compile(r"[\p{L}\p{N}]")
_NAME = regex.compile(r"[\p{L}][\p{L}\p{M} .,'’\-]{0,60}")
_PARTS = regex.compile(r"[/,&]")
_PLAIN_VALUE = regex.compile(r"[\p{L}\d .,'’&/\-()]{1,60}")
_DOMAINISH = regex.compile(r"[\p{L}\d][\p{L}\d\-]*(?:\.\p{L}{2,6}){1,3}")
_TITLE_NAME = r"\p{Lu}\p{Ll}+\.?(?:[ \t\u00a0]\p{Lu}(?:\p{Ll}+|\.)?){0,4}"
_BRAND_WORD = r"(?:\p{Lu}[\p{L}&.'’!]{0,20}|\p{Ll}{1,3}\p{Lu}[\p{L}]{0,10}|[Oo]nline)"
_BRAND = rf"{_BRAND_WORD}(?:{_SP}{{1,2}}{_BRAND_WORD}){{0,3}}"
_DATE = r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})"
_CODE_PART = regex.compile(r"\*|(?=[^/]*\p{L})[\p{L}\d][\p{L}\d\-.]{0,11}")
_NAME_PART = regex.compile(rf"\p{{Lu}}[\p{{L}}'’]*\.?(?:{_SP}\p{{Lu}}[\p{{L}}'’]*\.?){{0,3}}")
# a signature block's name line: "M. N SHAARI", "Heni Novitasari"
_SIG_NAME = regex.compile(rf"\p{{Lu}}[\p{{L}}'’\-]*\.?(?:{_SP}\p{{Lu}}[\p{{L}}'’\-]*\.?){{1,3}}")


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


_TAGS = regex.compile(r"[\p{Ll}\d#][\p{Ll}\d '’\-#]{0,120}")


@dataclass(frozen=True)
class _Patterns:
    source_paren: Any
    wire: Any
    code_paren: Any
    square: Any
    end_mark: Any
    name_paren_line: Any
    caps_name_line: Any
    label: Any
    rep_red: Any
    domain_paren: Any
    names_paren: Any
    bracket: Any
    dash_brand: Any
    promo: Any
    stamp: Any
    sig_line: Any
    promo_target: Any
    promo_own: Any
    label_line: Any
    bio: Any
    bio_glued: Any
    disclaimer: Any


def _compile(locale: Locale, outlets: OutletCatalogue) -> _Patterns:
    tail = locale.tail
    src = "|".join(regex.escape(x) for x in tail.source_labels) or "(?!)"
    names = [*(e.source_name for e in outlets.entries if e.source_name),
             *(a for e in outlets.entries for a in (*e.aliases, e.name)), *tail.generic_sources]
    wire_alt = "|".join(regex.escape(n) for n in sorted(set(names), key=len, reverse=True) if n) or "(?!)"
    labels = sorted(tail.credit_labels + tail.closing_labels + tail.source_labels, key=len, reverse=True)
    label_alt = "|".join(regex.escape(x) for x in labels) or "(?!)"
    marks = "|".join(f"(?:{m})" for m in tail.end_marks) or "(?!)"
    credit_alt = "|".join(regex.escape(x) for x in sorted(tail.credit_labels, key=len, reverse=True)) or "(?!)"
    subjects = _alt(tail.bio_subjects)
    verbs = _alt(tail.bio_verbs)
    roles = _alt(tail.bio_roles)
    openers = _alt(tail.disclaimer_openers)
    softeners = _alt(tail.promo_softeners)
    sig_word = rf"(?:\p{{Lu}}[\p{{L}}'’.\-]*,?|\(\p{{Lu}}[\p{{L}}\-]*\)|{_alt(tail.signature_small_words)})"
    return _Patterns(
        source_paren=regex.compile(rf"\({_SP}*(?:{src}){_SP}*:{_SP}*(?P<v>[^()\n]{{0,80}}?){_SP}*\)\s*\Z",
                                   regex.IGNORECASE),
        # a spaced em dash needs no full stop before it: "… luah Nasuha — Majoriti"
        wire=regex.compile(rf"(?:(?<=[.!?\"”’)]\s*|^{_SP}*)(?:--|[-–—])|(?<=\p{{L}}){_SP}+—){_SP}*(?P<v>(?i:{wire_alt})){_SP}*\.?\s*\Z",
                           regex.MULTILINE),
        code_paren=regex.compile(r"\((?P<v>[\p{L}\d][\p{L}\d\-]{0,15}(?:/[\p{L}\d\-.]{1,20}){0,5})\)\s*\Z"),
        square=regex.compile(r"\[(?P<v>[\p{L}][\p{L} .]{1,40})\]\s*\Z"),
        end_mark=locale.compile(rf"(?:{marks})\s*\Z", rule="tail.end_marks"),  # timed for a user's locale
        name_paren_line=regex.compile(
            rf"(?:^{_SP}*|(?=\()(?<=[.!?\"”’]{_SP}*))\((?P<v>\p{{Lu}}(?:[\p{{Ll}}'’]+|\.?(?={_SP}+\p{{Lu}}\p{{Ll}}))(?:{_SP}+\p{{Lu}}[\p{{Ll}}'’.]*){{0,4}})"
            rf"{_SP}*\){_SP}*\Z",
            regex.MULTILINE),
        caps_name_line=regex.compile(
            rf"^{_SP}*(?P<v>\p{{Lu}}{{2,}}(?:{_SP}+\p{{Lu}}{{2,}}\.?){{1,3}}){_SP}*\Z", regex.MULTILINE),
        # labels joined: "Reporter/Editor: A", "Penulis & Editor: A"
        label=regex.compile(rf"(?P<l>(?:{label_alt})(?:{_SP}*[/&]{_SP}*(?:{label_alt})){{0,3}}){_SP}*\|?\s*:{_SP}*\|?",
                            regex.IGNORECASE),
        # a closing sentence addressed to the reader: an imperative of the locale's promo verbs ("Ikuti …",
        # "Yuk, baca …", "Follow …", "Layari …") opening a line or following a sentence, up to the end
        promo=regex.compile(
            rf"(?:^|(?<=[.!?\"”’][ \t\u00a0]))[ \t\u00a0]*(?:(?:{softeners})[,!]?[ \t\u00a0]+)?"
            rf"(?:{_alt(tail.promo_verbs)})\b[^\n]{{0,300}}\Z",
            regex.MULTILINE | regex.IGNORECASE),
        # … that points away from the story: another platform, the site's news, an address
        promo_target=regex.compile(
            rf"\b(?:{_alt(tail.promo_targets)})\b|\b(?:{_alt(tail.promo_places)})[ \t\u00a0]+(?:https?://)?(?:www\.)?"
            rf"[\p{{L}}\d\-]+\.(?:com|co\.id|co|id|net|org|my|tv|news)\b",
            regex.IGNORECASE),
        # … and not to the story's own pictures, video or rest ("Simak selengkapnya berikut ini!")
        promo_own=regex.compile(rf"{_alt(tail.promo_own_words)}", regex.IGNORECASE),
        # a closing publication stamp: "Artikel ini disiarkan pada : Khamis, 3 Januari 2019 @ 11:14 AM"
        stamp=regex.compile(rf"^{_SP}*(?:{_alt(tail.stamp_labels)}){_SP}*:?{_SP}*(?=[^\n]{{0,40}}\d)[^\n]{{4,60}}\Z",
                            regex.MULTILINE | regex.IGNORECASE),
        # a signature block's lines: a name, an affiliation or role ("Juru Bicara", "Serikat Mahasiswa (SM) Papua",
        # "Taman Seri Kenanga, Klang"), a place and date ("Tangerang 24 Nopember 2018")
        sig_line=regex.compile(
            rf"{sig_word}(?:{_SP}{{1,2}}{sig_word}){{0,7}}"
            rf"|\p{{Lu}}[\p{{L}} ]{{1,30}}?,?{_SP}\d{{1,2}}{_SP}\p{{L}}{{3,10}}{_SP}\d{{4}}"),
        # a credit label alone on its line, the name on the next: "EDITOR" ⏎ "Adi Sunaryo"
        label_line=regex.compile(
            rf"^{_SP}*(?P<l>{credit_alt}){_SP}*:?{_SP}*\r?\n\s*(?P<v>\p{{L}}[\p{{L}}\p{{M}} .,'’\-]{{0,50}}?){_SP}*\Z",
            regex.MULTILINE | regex.IGNORECASE),
        # a columnist's bio closing the piece: "Penulis adalah …", "*) Penulis merupakan …", "Name, penulis
        # adalah …", "The writer is …"
        bio=regex.compile(
            rf"(?:^|(?<=[.!?\"”’)])){_SP}*(?:\(?\*{{1,3}}\)?|\)\*)?{_SP}*(?:(?P<n>\p{{Lu}}[\p{{L}}'’.]*(?:{_SP}+\p{{Lu}}[\p{{L}}'’.]*){{0,4}}),{_SP}*)?"
            rf"(?i:{subjects}){_SP}+(?i:{verbs})\b[^\n]{{1,400}}\Z",
            regex.MULTILINE),
        # a name glued to the last sentence, then the columnist's role: "… demokrasi.Nama Penulis.Peneliti di …"
        bio_glued=regex.compile(
            rf"(?<=[.!?\"”’])(?P<n>\p{{Lu}}[\p{{L}}'’]+(?:{_SP}\p{{Lu}}[\p{{L}}'’.]*){{1,3}})\.{_SP}?(?:{roles})\b[^\n]{{1,300}}\Z"),
        # the site's note that the piece is the writer's own view: "Tulisan ini adalah … tanggung jawab penulis"
        disclaimer=regex.compile(rf"^{_SP}*[(*]*{_SP}*(?:{openers})\b[^\n]{{1,500}}\Z",
                                 regex.MULTILINE | regex.IGNORECASE),
        # "(Tribunpekanbaru.com/Donny Kusuma Putra)", "( TRIBUNLAMPUNG.CO.ID / TRIBUNNEWS.COM )", "(*/jpnn)"
        domain_paren=regex.compile(
            rf"\({_SP}*(?P<d>\*|[\p{{L}}\d][\p{{L}}\d\-]{{0,40}}(?:\.[\p{{L}}]{{2,6}}){{1,3}}){_SP}*/{_SP}*"
            rf"(?P<v>[^()\n/]{{1,40}}(?:{_SP}*/{_SP}*[^()\n/]{{1,40}}){{0,3}}){_SP}*\)\s*\Z"),
        # "(Kusnandar/Yovita Amalia/Rinto A Navis)": three or more names in Title Case
        names_paren=regex.compile(
            rf"\((?P<v>{_TITLE_NAME}(?:{_SP}*/{_SP}*{_TITLE_NAME}){{2,5}})\)\s*\Z"),
        # any short code in brackets closing the text: "(CNN)", "[tin/adv]", "( Syakir NF/Muiz )", "[]"
        bracket=regex.compile(rf"(?P<o>[(\[]){_SP}*(?P<v>[^()\[\]\n]{{0,60}}?){_SP}*(?P<c>[)\]])\s*\Z"),
        # a dash and a brand in capitals (maybe with a date) or a date alone closing the text:
        # "- NAMA AKHBAR 3/7/2017", "-- Utusan Online", "-mD", "- 28/6/2018"
        dash_brand=regex.compile(
            rf"(?:(?<=[.!?\"”’)]{_SP}{{0,3}})|(?<![^\n]){_SP}{{0,3}})(?:--|[-–—]){_SP}{{0,3}}"
            rf"(?:(?P<v>{_BRAND})(?:{_SP}{{1,3}}(?P<d>{_DATE}))?|(?P<d2>{_DATE})){_SP}*\.?\s*\Z",
            regex.MULTILINE),
        rep_red=regex.compile(rf"^{_SP}*Rep{_SP}*:{_SP}*(?P<a>[^/\n]+?){_SP}*/{_SP}*Red{_SP}*:{_SP}*(?P<b>[^\n]+?)"
                              rf"{_SP}*\Z", regex.MULTILINE),
    )


@dataclass(frozen=True)
class Tail:
    """Peels attribution and credits off the end of the body."""

    name: str = "tail"
    window: int = 400
    max_steps: int = 40

    @staticmethod
    def _patterns(draft: Draft) -> _Patterns:
        return draft.derived("tail", lambda: _compile(draft.locale, draft.outlets))

    # ------------------------------------------------------------------ sources

    @staticmethod
    def canonical(draft: Draft, value: str) -> str | None:
        """The canonical name of one source, or ``None`` when it is not a known news source."""
        return canonical_source(value, draft.outlets, draft.locale, domains=False)

    @staticmethod
    def sources(draft: Draft, value: str, *, lenient: bool) -> list[str] | None:
        """Canonical names for ``A/B``; ``None`` when a part is unknown (unless ``lenient``)."""
        return split_sources(value, draft.outlets, draft.locale, lenient=lenient)

    # ------------------------------------------------------------------ the peel

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        pats = self._patterns(draft)
        # from the end of the text (pieces after the link blocks, such as "(kpl/dna)", are tail
        # too), or from where a second article starts
        end = min((c.start for c in draft.claims if c.data.get("ends_body")), default=len(draft.text))
        for fact in draft.facts_of("tail_end"):
            self._peel(draft, found, pats, fact.end)
        self._peel(draft, found, pats, end)
        return found

    def _peel(self, draft: Draft, found: Findings, pats: _Patterns, end: int) -> None:
        pending_tags: list[tuple[int, int]] = []
        for _ in range(self.max_steps):
            end = self._skip(draft, found, end)
            if end <= 0:
                break
            step = self._step(draft, found, pats, end)
            if step is None:
                tags = self._tag_line(draft, end)
                if tags is None:
                    break
                pending_tags.append(tags)
                end = tags[0]
                continue
            if pending_tags and step[1] in ("credit", "attribution"):
                for s, e in pending_tags:
                    found.claim("noise", s, e, TAGS)
            pending_tags = []
            end = step[0]

    def _skip(self, draft: Draft, found: Findings, end: int) -> int:
        """Move ``end`` back over whitespace and over pieces already claimed."""
        text = draft.text
        while end > 0:
            while end > 0 and text[end - 1].isspace():
                end -= 1
            if end <= 0:
                return 0
            claim = draft.claim_at(end - 1)
            if claim is None:
                for c in found.claims:
                    if c.start < end <= c.end:
                        claim = c
                        break
            if claim is None:
                line = draft.line_at(end - 1)
                lo = max(line.lo, 0)
                if lo < end and not _WORDY.search(text, lo, end) and draft.is_free(lo, end):
                    end = lo  # a scrap with no word in it (a lone "-") does not end the body
                    continue
                return end
            end = claim.start
        return end

    def _tag_line(self, draft: Draft, end: int) -> tuple[int, int] | None:
        text = draft.text
        line = draft.line_at(end - 1)
        s = text[line.lo : end]
        if line.lo < end and _TAGS.fullmatch(s) and len(s.split()) <= 12:
            return line.lo, end
        return None

    def _step(self, draft: Draft, found: Findings, p: _Patterns, end: int) -> tuple[int, str] | None:
        text = draft.text
        lo = max(0, end - self.window)
        line = draft.line_at(end - 1)
        window = text[lo:end]

        m = p.source_paren.search(window)
        if m:
            srcs = self.sources(draft, m["v"], lenient=True) or []
            c = found.claim("attribution", lo + m.start(), end, SOURCE_PAREN, sources=srcs)
            if c:
                return c.start, "attribution"

        m = p.rep_red.search(text, line.lo, end)
        if m:
            s, e = m.start(), m.end()
            found.claim("credit", s + m.start("a") - m.start(), s + m.end("a") - m.start(), REP, role="Rep",
                        name=m["a"].strip())
            found.claim("credit", m.start("b") - 0, e, RED, role="Red", name=m["b"].strip())
            found.claim("credit", s, m.start("a"), REP_LABEL)
            return s, "credit"

        got = self._labels(draft, found, p, line.lo, end)
        if got is not None:
            return got, "credit"

        m = p.wire.search(window)
        if m:
            name = self.canonical(draft, m["v"])
            if name:
                c = found.claim("attribution", lo + m.start(), end, WIRE_TAIL, sources=[name])
                if c:
                    return c.start, "attribution"

        m = p.stamp.search(text, line.lo, end)
        if m:
            c = found.claim("noise", m.start(), end, PUBLICATION_STAMP)
            if c:
                return c.start, "noise"

        m = p.dash_brand.search(window)
        if m:
            got3 = self._dash_brand(draft, found, m, lo)
            if got3 is not None:
                return got3

        m = p.end_mark.search(window)
        if m and not (m.group()[:1] == "*" and lo + m.start() > 0 and text[lo + m.start() - 1].isalnum()):
            # a star glued to a word masks part of it ("@leb**"): not an end mark
            c = found.claim("credit", lo + m.start(), end, END_MARK, role="code", name=m.group().strip())
            if c:
                return c.start, "credit"

        m = p.code_paren.search(window)
        if m:
            got2 = self._code(draft, found, m["v"], lo + m.start(), end)
            if got2 is not None:
                return got2

        m = p.domain_paren.search(window)
        if m and self._before_ok(text, lo + m.start()):
            names = [x.strip() for x in m["v"].split("/") if x.strip()]
            if m["d"] == "*":  # "(*/jpnn)": a desk code
                c = found.claim("credit", lo + m.start(), end, INITIALS_DESK_STAR, role="initials",
                                name="/".join(["*", *names]))
            else:
                c = found.claim("credit", lo + m.start(), end, OUTLET_REPORTER, role="reporter",
                                name=" / ".join(names))
            if c:
                return c.start, "credit"

        m = p.names_paren.search(window)
        if m and self._before_ok(text, lo + m.start()):
            c = found.claim("credit", lo + m.start(), end, NAMES_PAREN, role="credit", name=m["v"].strip())
            if c:
                return c.start, "credit"

        m = p.square.search(window)
        if m and self._before_ok(text, lo + m.start()):
            c = found.claim("credit", lo + m.start(), end, SQUARE_CREDIT, role="reporter", name=m["v"].strip())
            if c:
                return c.start, "credit"

        m = p.name_paren_line.search(text, line.lo, end)
        if m and self.canonical(draft, m["v"]) is None:
            c = found.claim("credit", m.start(), end, REPORTER_LINE, role="reporter", name=m["v"])
            if c:
                return c.start, "credit"

        m = p.caps_name_line.search(text, line.lo, end)
        if m and self._prev_ends_sentence(draft, line.lo) and not draft.outlets.lookup(m["v"]):
            c = found.claim("credit", m.start(), end, CAPS_REPORTER, role="reporter", name=m["v"])
            if c:
                return c.start, "credit"

        m = p.bracket.search(window)
        if m and self._before_ok(text, lo + m.start()):
            got6 = self._bracket(draft, found, m, lo, end)
            if got6 is not None:
                return got6

        got4 = self._bio(draft, found, p, line.lo, end)
        if got4 is not None:
            return got4
        got7 = self._promo(draft, found, p, line.lo, end)
        if got7 is not None:
            return got7
        return self._signature(draft, found, p, end)

    def _signature(self, draft: Draft, found: Findings, p: _Patterns, end: int) -> tuple[int, str] | None:
        """A letter's or a statement's signature block closing the text: two or three short lines with no
        sentence in them, one a name (in capitals or Title Case), the others an affiliation, a role or a
        place and date, under a line that ends a sentence (``M. N SHAARI`` ⏎ ``Damansara Heights KL``;
        ``Tangerang 24 Nopember 2018`` ⏎ ``Heni Novitasari``)."""
        text = draft.text
        lines: list[tuple[int, int]] = []
        i = end
        while True:
            while i > 0 and text[i - 1].isspace():
                i -= 1
            if i <= 0:
                return None
            lo = text.rfind("\n", 0, i) + 1
            s = text[lo:i].strip()
            if s[-1] in ".!?\"”’)" and not _SIG_NAME.fullmatch(s):
                break  # the sentence above the block
            if len(lines) == 3 or not p.sig_line.fullmatch(s) or draft.claim_at(lo + len(text[lo:i]) - len(
                    text[lo:i].lstrip())) is not None:
                return None
            lines.append((lo, i))
            i = lo
        if len(lines) < 2 or not any(_SIG_NAME.fullmatch(text[a:b].strip()) for a, b in lines):
            return None
        c = found.claim("credit", lines[-1][0], end, SIGNATURE, role="signature",
                        name=" / ".join(text[a:b].strip() for a, b in reversed(lines)))
        return (c.start, "credit") if c else None

    def _promo(self, draft: Draft, found: Findings, p: _Patterns, line_lo: int, end: int) -> tuple[int, str] | None:
        """The last sentence of the text, when it asks the reader to go elsewhere: ``Ikuti berita terkini dari X
        di Google News``, ``Dapatkan update berita pilihan … dari X``, ``Follow us on Instagram``, ``Layari
        www.… untuk kemas kini terkini``. One sentence a step (the peel goes on with the one before)."""
        text = draft.text
        last = None
        for m in p.promo.finditer(text, max(line_lo, end - 420), end, overlapped=True):
            last = m
        if last is None:
            return None
        s = last.group()
        cut = regex.search(r"[.!?]+[\"”’]?(?=[ \t\u00a0]+\S)", s)  # the verb's own sentence, and what follows it
        first, rest = (s[: cut.end()], s[cut.end() :]) if cut else (s, "")
        if not p.promo_target.search(first) or p.promo_own.search(first) or len(rest.strip()) > 60:
            return None
        c = found.claim("noise", last.start(), end, READER_PROMO)
        return (c.start, "noise") if c else None

    def _bio(self, draft: Draft, found: Findings, p: _Patterns, line_lo: int, end: int) -> tuple[int, str] | None:
        """A columnist's bio line, a site's opinion disclaimer, or a credit label over its name, closing the text."""
        text = draft.text
        line_lo = max(line_lo, end - 520)  # a bio or a note is one short paragraph: never scan a whole flattened text
        m = p.bio.search(text, line_lo, end)
        if m and text.count("\n", m.start(), end) == 0:
            c = found.claim("credit", m.start(), end, AUTHOR_BIO, role="bio", name=(m["n"] or "").strip())
            if c:
                return c.start, "credit"
        m = p.bio_glued.search(text, line_lo, end)
        if m:
            c = found.claim("credit", m.start(), end, AUTHOR_BIO, role="bio", name=m["n"])
            if c:
                return c.start, "credit"
        m = p.disclaimer.search(text, line_lo, end)
        if m and any(w.casefold() in m.group().casefold() for w in draft.locale.tail.disclaimer_words):
            c = found.claim("noise", m.start(), end, OPINION_DISCLAIMER)
            if c:
                return c.start, "noise"
        m = p.label_line.search(text, max(0, line_lo - 200), end)
        if m and len(m["v"].split()) <= 5 and (self._prev_ends_sentence(draft, m.start())
                                               or self._prev_is_label(draft, p, m.start())):
            c = found.claim("credit", m.start(), end, CREDIT_LABEL_LINE, role=" ".join(m["l"].split()).title(),
                            name=m["v"].strip())
            if c:
                return c.start, "credit"
        return None

    @staticmethod
    def _prev_is_label(draft: Draft, p: _Patterns, pos: int) -> bool:
        """The nearest line above ``pos`` with words in it opens with a credit label (``Penulis: …``)."""
        text = draft.text
        i = pos
        while i > 0 and text[i - 1].isspace():
            i -= 1
        lo = text.rfind("\n", 0, i) + 1
        m = p.label.match(text, lo, i)
        return m is not None and not text[lo : m.start()].strip()

    def _dash_brand(self, draft: Draft, found: Findings, m: Any, lo: int) -> tuple[int, str] | None:
        """``- NAMA AKHBAR 3/7/2017``, ``-- Utusan Online``, ``-mD``, ``- 28/6/2018`` closing the text.

        A brand the catalogue knows was taken by the wire rule (attribution); any other brand is a
        credit, and a date stamp alone is noise (it is never the story's date). On a line of its own it
        must follow a sentence, not another dash item of a list.
        """
        text = draft.text
        start = lo + m.start()
        k = start
        while k > 0 and text[k - 1] in " \t\u00a0":
            k -= 1
        if m["v"] and (k == 0 or text[k - 1] == "\n"):  # (a date stamp alone is never a list item)
            i = k
            while i > 0:  # over blank lines and pieces other stages took (an embedded post)
                if text[i - 1].isspace():
                    i -= 1
                    continue
                claim = draft.claim_at(i - 1)
                if claim is None:
                    break
                i = claim.start
            prev = text[text.rfind("\n", 0, i) + 1 : i].strip()
            if not prev or prev[-1] not in ".!?\"”’)" or prev[0] in "-–—•*":
                return None
        end = lo + m.end()
        if m["v"]:
            brand = " ".join(m["v"].split())
            name = self.canonical(draft, brand)
            for suffix in draft.locale.tail.brand_suffixes:  # "Utusan Online", "Berita Harian Online"
                if name is None and brand.casefold().endswith(" " + suffix.casefold()):
                    name = self.canonical(draft, brand[: -len(suffix) - 1])
            if name is not None:
                c = found.claim("attribution", start, end, DASH_BRAND_SOURCE, sources=[name])
                return (c.start, "attribution") if c else None
            c = found.claim("credit", start, end, DASH_BRAND, role="outlet", name=m["v"])
            return (c.start, "credit") if c else None
        c = found.claim("noise", start, end, DATE_STAMP)
        return (c.start, "noise") if c else None

    def _bracket(self, draft: Draft, found: Findings, m: Any, lo: int, end: int) -> tuple[int, str] | None:
        """Any short code in brackets closing the text, in any case: ``(CNN)``, ``(T2)``, ``(Mg-21)``,
        ``(red.)``, ``[tin/adv]``, ``(DS/zh)``, ``(bx/ade/yes/JPR)``, ``(Yendhi/b)``, ``( Syakir NF/Muiz )``,
        and the empty ``[]``.

        A bare code naming a source (``(CNN)`` when the catalogue knows it, ``(AFP)``) is attribution;
        anything else is a credit. Every part must be a code (one token with a letter, at most 12
        characters, or ``*``) or a short name in Title Case; ``(1/2)`` and ``(20/10)`` are not codes.
        """
        if (m["o"] == "(") != (m["c"] == ")"):
            return None
        start = lo + m.start()
        v = m["v"].strip(" \t\u00a0")
        if not v:
            c = found.claim("noise", start, end, EMPTY_BRACKETS)
            return (c.start, "noise") if c else None
        parts = [x.strip(" \t\u00a0") for x in v.removesuffix(".").split("/")]
        if not all(_CODE_PART.fullmatch(x) or _NAME_PART.fullmatch(x) for x in parts):
            return None
        if len(parts) == 1 and not _CODE_PART.fullmatch(parts[0]):
            return None  # one name alone is the reporter-line rule's (it wants a line or a sentence end)
        names = [self.canonical(draft, x) for x in parts if x != "*"]
        if len(parts) == 1 and names[0] is not None:
            c = found.claim("attribution", start, end, SOURCE_CODE, sources=[names[0]])
            return (c.start, "attribution") if c else None
        c = found.claim("credit", start, end, BRACKET_CODE, role="initials", name=v)
        return (c.start, "credit") if c else None

    @staticmethod
    def _before_ok(text: str, pos: int) -> bool:
        """A tail must follow the end of a sentence or start its own line."""
        i = pos
        while i > 0 and text[i - 1] in " \t\u00a0\u200b\u200e\u200f\ufeff":
            i -= 1
        return i == 0 or text[i - 1] in ".!?\"”’)\n]…"

    def _prev_ends_sentence(self, draft: Draft, pos: int) -> bool:
        text = draft.text
        i = pos
        while i > 0 and text[i - 1] in " \t\r\n\u00a0":
            i -= 1
        return i > 0 and text[i - 1] in ".!?\"”’)"

    def _code(self, draft: Draft, found: Findings, value: str, start: int, end: int) -> tuple[int, str] | None:
        """``(fbr/wes)``, ``(ant)``, ``(fat/jpnn)``, ``(Antara)``, ``(TribunJakarta.com/Name)``."""
        text = draft.text
        parts = value.split("/")
        glued = start > 0 and text[start - 1].isalpha()
        k = start
        while k > 0 and text[k - 1] in " \t\u00a0":
            k -= 1
        after_claim = k > 0 and draft.claim_at(k - 1) is not None  # "… 0% (dra)" after an insert
        if not (self._before_ok(text, start) or glued or after_claim):
            return None
        if len(parts) == 1:
            v = parts[0]
            name = self.canonical(draft, v)
            if name and (v.islower() or draft.outlets.lookup(v)):
                c = found.claim("attribution", start, end, SOURCE_CODE, sources=[name])
                return (c.start, "attribution") if c else None
            if v.islower() and v.isalpha() and len(v) <= 5:
                c = found.claim("credit", start, end, INITIALS_SINGLE, role="initials", name=v)
                return (c.start, "credit") if c else None
            return None
        first, last = parts[0], parts[-1]
        all_lower = all(x.islower() or x.isdigit() for x in "".join(parts) if x.isalpha() or x.isdigit())
        outlet_last = draft.outlets.lookup(last) is not None or draft.outlets.lookup(first) is not None
        if all_lower and all(1 <= len(x) <= 8 for x in parts) and any(x.isalpha() for x in value):
            c = found.claim("credit", start, end, INITIALS_LOWER, role="initials", name=value)
            return (c.start, "credit") if c else None
        if len(parts) == 2 and all(x[:1].isupper() and x[1:].islower() and 2 <= len(x) <= 4 for x in parts):
            c = found.claim("credit", start, end, INITIALS_CAPITALISED, role="initials", name=value)  # "(Dio/Ysl)"
            return (c.start, "credit") if c else None
        desk = {d.casefold() for d in draft.locale.tail.desk_codes}
        if (outlet_last and (len(first) <= 5 or all_lower) and all(len(x) <= 12 for x in parts)) or (
                first.casefold() in desk and len(parts) == 2 and len(last) <= 8):  # "(ADV/ARIK)"
            c = found.claim("credit", start, end, INITIALS_OUTLET, role="initials", name=value)
            return (c.start, "credit") if c else None
        if len(parts) == 2 and first.islower() and len(first) <= 8 and _DOMAINISH.fullmatch(last):
            # "(cr3/tribun-medan.com)"
            c = found.claim("credit", start, end, INITIALS_DOMAIN, role="initials", name=value)
            return (c.start, "credit") if c else None
        if draft.outlets.lookup(first) is not None and len(parts) == 2 and " " in last:
            c = found.claim("credit", start, end, OUTLET_REPORTER, role="reporter", name=last)
            return (c.start, "credit") if c else None
        return None

    def _labels(self, draft: Draft, found: Findings, p: _Patterns, line_lo: int, end: int) -> int | None:
        """A run of ``Label: value`` pairs that reaches ``end`` (credit lines, glued or not)."""
        text = draft.text
        lo = max(0, end - self.window)
        hits = list(p.label.finditer(text, lo, end))
        if not hits:
            return None
        accepted: list[tuple[Any, int]] = []
        stop = end
        for m in reversed(hits):
            value = text[m.end() : stop]
            if not self._plausible_value(value) and not (stop == end and self._long_credit(draft, m, value)):
                break
            accepted.append((m, stop))
            stop = m.start()
        if not accepted:
            return None
        # the run must start a line, follow a sentence, a comma join or a piece another stage took
        # (an insert: "…Prabowo\u00a0Pewarta: A"), sit in parentheses, or be glued to a word
        opening: int | None = None
        while accepted:
            first_m = accepted[-1][0]
            s = first_m.start()
            prev = text[s - 1] if s > 0 else "\n"
            k = s
            while k > 0 and text[k - 1].isspace() and text[k - 1] not in "\r\n":
                k -= 1
            before = text[k - 1] if k > 0 else "\n"
            # two labels or more ("Pewarta: A Editor: B") are a credit run even after a word, where
            # newlines were lost
            run = len(accepted) >= 2 and k < s
            if s == line_lo or prev in "\n.,!?\"”’)\t|" or prev.isalpha() or before in "\r\n.,!?\"”’)|" or (
                    run or draft.claim_at(k - 1) is not None):
                break
            if before == "(" and (k < 2 or not text[k - 2].isalnum()):
                opening = k - 1  # "(Reporter: A | Editor: B)": the parenthesis belongs to the run
                break
            accepted.pop()
        if not accepted:
            return None
        source_labels = {x.casefold() for x in draft.locale.tail.source_labels}
        has_credit = any(m["l"].casefold() not in source_labels for m, _ in accepted)
        kept: list[tuple[Any, int, str, str, list[str] | None]] = []
        for m, stop in accepted:  # the last label in the text first
            label = " ".join(m["l"].split())
            value = text[m.end() : stop].strip(" \t\u00a0,|\r\n")
            srcs = None
            if label.casefold() in source_labels:
                srcs = self.sources(draft, value, lenient=False)
                if srcs is None and not has_credit:
                    if len(accepted) == 1 and self._source_line(draft, m.start(), value):
                        srcs = self.sources(draft, value, lenient=True)
                    else:
                        break  # "Sumber: BPS" under a table is not a news source: the run ends here
                # inside a run of credits, an unknown "Sumber: Persib" is a credit line, not a news source
            kept.append((m, stop, label, value, srcs))
        if not kept:
            return None
        if opening is not None and len(kept) == len(accepted):
            found.claim("credit", opening, kept[-1][0].start(), CREDIT_PAREN)
        for m, stop, label, value, srcs in kept:
            if opening is not None:
                value = value.removesuffix(")").rstrip(" \t\u00a0,|")
            if srcs is not None:
                found.claim("attribution", m.start(), stop, SOURCE_LINE, sources=srcs)
            else:
                found.claim("credit", m.start(), stop, CREDIT_LINE, role=label, name=value)
        if opening is not None and len(kept) == len(accepted):
            return opening
        return int(kept[-1][0].start())

    def _source_line(self, draft: Draft, start: int, value: str) -> bool:
        """``Sumber: ESPN`` on its own last line, under prose (not under a table): a source tail.

        The value is a name of at most four words; the line before ends a sentence.
        """
        text = draft.text
        line = draft.line_at(start)
        words = value.split()
        data = {x.casefold() for x in draft.locale.tail.data_sources}
        if any(part.strip(" .").casefold() in data for part in _PARTS.split(value)):
            return False
        # what stands above it, pieces other stages took (a promo line) skipped, must end a sentence
        k = line.lo
        while k > 0:
            if text[k - 1].isspace():
                k -= 1
                continue
            claim = draft.claim_at(k - 1)
            if claim is None:
                break
            k = claim.start
        return (not text[line.lo : start].strip() and 1 <= len(words) <= 4 and value[:1].isupper()
                and not any(ch.isdigit() for ch in value) and k > 0 and text[k - 1] in ".!?\"”’)")

    def _long_credit(self, draft: Draft, m: Any, value: str) -> bool:
        """The last line a credit label opens, under a sentence, with a long value that is no sentence:
        ``Penulis: Jurnalis X dan Koordinator Relawan Y (ABC) Aceh Tenggara``."""
        text = draft.text
        line = draft.line_at(m.start())
        v = value.strip()
        return (not text[line.lo : m.start()].strip() and "\n" not in v and 0 < len(v) <= 200
                and len(v.split()) <= 30 and not regex.search(r"[.!?][ \t]+\p{Lu}", v)
                and m["l"].casefold() not in {x.casefold() for x in draft.locale.tail.source_labels}
                and self._prev_ends_sentence(draft, line.lo))

    @staticmethod
    def _plausible_value(value: str) -> bool:
        v = value.strip(" \t\u00a0,|\r\n")
        if not v:
            return True
        if "\n" in v.strip():
            return False
        if len(v) > 60 or len(v.split()) > 7:
            return False
        return bool(_NAME.fullmatch(v)) or bool(_PLAIN_VALUE.fullmatch(v))
