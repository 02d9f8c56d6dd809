"""Photo captions left inside the body, found by their credit: ``... (29/01/2019). (Bisnis/Nama)``.

Where newlines were lost, a photo caption sits between two paragraphs as one sentence that ends
with a photo credit in parentheses: a credit source from the locale's list or a catalogued
outlet, a slash, then the photographer's name. The caption is that sentence and its credit.
A credit at the very end of the body is left to the tail stage (it credits the reporter).

Some sites' flattened copies (the locale's ``[captions] gap_captions``: Malay ones) join paragraphs
with one space and leave a run of spaces where a picture stood, the picture's caption right after
it: ``... katanya.   Zamani antara penyanyi yang membuat persembahan. Selain itu ...``. There a
short plain sentence after such a gap (no quotation, no reported speech, not opened by a word
that opens story sentences, maybe closed by a one-word credit ``— Facebook``) is the caption.
And there a sentence closed by a credit after a dash (``[captions] dash_credits``: ``… pada Selasa.
— Facebook/FAM Sementara itu, …``) is a caption wherever it stands, when the story goes on after
it (at the very end, the same dash and name are the wire credit, the tail's).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from ..draft import Draft, Findings
from ..rulebook import define_rule
from ..rules import Locale
from ..rules.patterns import word_alternation
from ..scanning import LiteralGate, required_literals

__all__ = ["Captions"]

PHOTO_CREDIT_LINE = define_rule("captions:photo-credit-line", "caption",
                                "a short line closed by a labelled photo credit: '(foto: Nama)'")
PHOTO_CREDIT = define_rule("captions:photo-credit", "caption",
                           "a line holding one of the locale's body_caption_credits: '(AP Photo/Nama)'")
CREDIT_IN_BODY = define_rule("captions:credit-in-body", "caption",
                             "a sentence closed by a photo credit in brackets, the story going on: '… (Bisnis/Nama)'")
CREDITED_CAPTION = define_rule("captions:credited-caption", "caption",
                               "a sentence closed by a credit after a dash, the story going on: '… malam. — Facebook'")
GLUED_CREDIT = define_rule("captions:glued-agency-credit", "caption",
                           "in flattened text, a caption sentence closed by an agency's photo credit with no brackets, "
                           "the story going on: '… Kamis (25/12/2025). ANTARA/Name Setelah …'")
SOURCE_LINE = define_rule("captions:source-line", "caption",
                          "a line that is only a picture's source (header.credit_sources) between two sentences: "
                          "'Getty Images', 'Ilustrasi Shutterstock'")
GAP_CAPTION = define_rule("captions:gap-caption", "caption",
                          "a short plain sentence after a run of spaces where a picture stood (gap_captions)")

_CREDIT = regex.compile(r"\((?:[Ff]oto\s*:\s*)?(?P<src>[\p{L}\d.]{2,30})\s*/\s*\p{Lu}[\p{L} .\-]{2,40}\)")
_SENTENCE_START = regex.compile(r"(?:[.!?\"”]\s*|\n|(?<=\p{Ll})(?=\p{Lu}))(?=\p{Lu})")
# a run of spaces inside a line, after a sentence's end and before a capital: where a picture stood
_GAP = regex.compile(r"(?<=[.!?\"”’)])[ \u00a0]{2,}(?=\p{Lu})")
# the end of the caption's sentence: a full stop before white space, then maybe a one-word credit
_CAPTION_END = regex.compile(r"\.(?=[ \u00a0])(?:[ \u00a0]{0,3}[—–][ \u00a0]?[@\p{L}][\w@./]{1,40}(?=[ \u00a0]))?")
# where the sentence before a credit begins: after a sentence's end, a run of spaces or a line break
_CAPTION_START = regex.compile(r"[.!?\"”][ \u00a0]+|[ \u00a0]{2,}|\n")
_QUOTES = frozenset('"“”«»:;')
_WORD = regex.compile(r"\p{L}+")


def _compile(locale: Locale) -> tuple[Any, list[Any]]:
    labels = locale.schema.header.photo_labels
    line_credit = None
    if labels:
        alt = "|".join(regex.escape(x) for x in sorted(labels, key=len, reverse=True))
        line_credit = regex.compile(rf"\((?i:{alt})\s*:\s*[^()\n]{{1,40}}\)\s*\Z")
    # locale.compile: timed when the patterns come from a user's locale file
    credits = [locale.compile(c, rule=f"body_caption_credits[{i}]")
               for i, c in enumerate(locale.schema.header.body_caption_credits)]
    return line_credit, credits


def _source_line(locale: Locale) -> Any:
    sources = locale.schema.header.credit_sources
    if not sources:
        return None
    leads = locale.schema.page.credit_lead_words
    lead = rf"(?:(?:{word_alternation(leads)})[ \t\u00a0]*:?[ \t\u00a0]*)?" if leads else ""
    domain = r"(?:\.(?:com|co\.id|id|net|org))?"
    return regex.compile(rf"[ \t\u00a0]*{lead}(?:{word_alternation(sources)}){domain}\.?[ \t\u00a0]*", regex.IGNORECASE)


def _glued_agency_credit(locale: Locale) -> Any:
    starters = locale.schema.inserts.headline.sentence_starters
    if not starters:
        return None
    alt = word_alternation(starters)
    return regex.compile(
        r"(?<=[.!?\"”)][ \t\u00a0]{1,3})(?P<src>\p{Lu}{2,}(?:[ \t]\p{Lu}{2,})?)[ \t]?/[ \t]?"
        rf"(?P<name>\p{{Lu}}[\p{{L}}'’\-]*\.?(?:[ \t]+\p{{Lu}}[\p{{L}}'’\-]*\.?){{0,5}}?"
        # where the name ends: desk initials and a full stop before the next sentence, or a sentence starter
        rf"(?:(?P<desk>/\p{{Ll}}{{1,5}})?\.(?=[ \t]+\p{{Lu}})|(?=[ \t]+(?:{alt})[ \t,])))")


@dataclass(frozen=True)
class Captions:
    """Labels a photo caption glued into the body as ``caption``."""

    name: str = "captions"
    max_caption: int = 300
    max_line_words: int = 25
    max_caption_words: int = 45

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        text = draft.text
        start, end = draft.body_bounds()
        sources = {s.casefold() for s in draft.locale.schema.header.credit_sources}
        line_credit, credits = draft.locale.derived("captions", lambda: _compile(draft.locale))
        if line_credit is not None and "(" in text:  # (the pattern opens with a bracket)
            for line in draft.lines:
                if line.blank or line.lo < start or line.hi > end or not draft.is_free(line.lo, line.hi):
                    continue
                if len(text[line.lo : line.hi].split()) <= self.max_line_words and line_credit.search(
                    text, line.lo, line.hi
                ):
                    found.claim("caption", line.lo, line.hi, PHOTO_CREDIT_LINE)
        if credits:  # only the credits whose literals the text holds can match one of its lines (one scan)
            live = draft.locale.derived("captions-literals", lambda: LiteralGate(
                {str(i): required_literals(c) for i, c in enumerate(credits)})).live(text)
            credits = [c for i, c in enumerate(credits) if str(i) in live]
        if credits:
            for line in draft.lines:
                if line.blank or not draft.is_free(line.lo, line.hi):
                    continue
                if len(text[line.lo : line.hi].split()) <= self.max_caption_words and any(
                    c.search(text, line.lo, line.hi) for c in credits
                ):
                    found.claim("caption", line.lo, line.hi, PHOTO_CREDIT)
        for m in _CREDIT.finditer(text, start, end):
            src = m["src"]
            if src.casefold() not in sources and draft.outlets.lookup(src) is None:
                continue
            k = m.end()  # only white space after it? (a scan, not a copy of the rest of the body per credit)
            while k < end and text[k].isspace():
                k += 1
            if k >= end or not draft.is_free(m.start(), m.end()):
                continue  # at the end of the body it credits the reporter: the tail's business
            line = draft.line_at(m.start())
            lo = max(line.lo, m.start() - self.max_caption)
            # the caption is the last sentence before the credit, not counting its own full stop
            head = m.start()
            while head > lo and text[head - 1] in " \t.":
                head -= 1
            cap_start = lo
            for s in _SENTENCE_START.finditer(text, lo, head):
                cap_start = s.end()
            if cap_start == lo and lo != line.lo:
                continue
            found.claim("caption", cap_start, m.end(), CREDIT_IN_BODY)
        if draft.locale.schema.captions.dash_credits:
            self._credited_captions(draft, found, start, end)
        if draft.locale.schema.captions.gap_captions:
            self._gap_captions(draft, found, start, end)
        self._glued_agency_credits(draft, found, start, end)
        self._source_lines(draft, found, start, end)
        return found

    def _source_lines(self, draft: Draft, found: Findings, start: int, end: int) -> None:
        """A line that is only a picture's source (``Getty Images``, ``Ilustrasi Shutterstock``), where a picture
        stood: the line above (other stages' pieces skipped) ends a sentence and the line below opens one. A
        source's name on a line of its own inside a sentence a link broke (``dilansir`` ⏎ ``AFP`` ⏎ ``, Selasa``)
        stays body."""
        text = draft.text
        pattern = draft.locale.derived("caption-source-line", lambda: _source_line(draft.locale))
        if pattern is None:
            return
        # a line shorter than the shortest source cannot be one (the lead, the domain and the full stop are
        # optional; case-insensitive matching folds one character to one)
        shortest = draft.locale.derived("caption-source-shortest", lambda: min(
            (len(s) for s in draft.locale.schema.header.credit_sources if s), default=0))
        lines = draft.lines
        for i, line in enumerate(lines):
            width = line.hi - line.lo  # 0 for a blank line
            if width == 0 or line.lo < start or line.hi > end or width > 60 or width < shortest:
                continue
            if not pattern.fullmatch(text, line.lo, line.hi) or not draft.is_free(line.lo, line.hi):
                continue
            above = next((ln for ln in reversed(lines[max(0, i - 4) : i])
                          if not ln.blank and draft.is_free(ln.lo, ln.hi)), None)
            below = next((ln for ln in lines[i + 1 : i + 4] if not ln.blank and draft.is_free(ln.lo, ln.hi)), None)
            if above is None or below is None:
                continue  # at the top it is a header's, at the end the tail's
            if text[above.lo : above.hi].rstrip()[-1:] not in '.!?"”’)' or not text[below.lo : below.hi][:1].isupper():
                continue
            found.claim("caption", line.lo, line.hi, SOURCE_LINE)

    def _glued_agency_credits(self, draft: Draft, found: Findings, start: int, end: int) -> None:
        """Flattened text: ``… Kamis (25/12/2025). ANTARA/M Nama Fotografer Setelah misa, …``. A credit of a
        catalogued outlet in capitals (or of any name in capitals, closed by desk initials: ``WARTA/Nama/aa.``),
        a slash and a name, after a sentence's end, where the name's end shows:
        a full stop (maybe after desk initials, ``/aa.``) before the next sentence, or the next sentence opening
        with one of the locale's sentence starters: the credit and the sentence before it are a caption."""
        text = draft.text
        if "/" not in text:
            return
        pattern = draft.locale.derived("glued-agency-credit", lambda: _glued_agency_credit(draft.locale))
        if pattern is None:
            return
        for m in pattern.finditer(text, start, end):
            # (an outlet no catalogue lists counts when desk initials close the credit: "WARTA/Nama/aa.")
            if (draft.outlets.lookup(m["src"]) is None and m["desk"] is None) or not draft.is_free(m.start(),
                                                                                                   m.end("name")):
                continue
            lo = max(start, m.start() - self.max_caption)
            head = m.start()
            while head > lo and text[head - 1] in " \t\u00a0.":
                head -= 1
            cap_start = lo
            for b in _SENTENCE_START.finditer(text, lo, head):
                cap_start = b.end()
            if cap_start == lo and lo != start:
                continue
            found.claim("caption", cap_start, m.end("name"), GLUED_CREDIT)

    def _credited_captions(self, draft: Draft, found: Findings, start: int, end: int) -> None:
        """A sentence closed by a photo credit after a dash (``… malam. — Facebook``), the story going on after it."""
        text = draft.text
        pattern = draft.locale.derived("dash-credit", lambda: _dash_credit(draft.locale))
        for m in pattern.finditer(text, start, end):
            if _story_goes_on(draft, m.end(), end) is None or not draft.is_free(m.start(), m.end()):
                continue  # at the end of the story it is the wire credit: the tail's
            lo = max(start, m.start() - self.max_caption)
            cap_start = lo
            for b in _CAPTION_START.finditer(text, lo, m.start()):
                cap_start = b.end()
            if cap_start == lo and lo != start:
                continue  # no sentence start within reach
            sentence = text[cap_start : m.start()]
            if (not sentence[:1].isupper() or "\n" in sentence or _QUOTES.intersection(sentence)
                    or len(sentence.split()) > self.max_caption_words or not found.is_free(cap_start, m.end())):
                continue
            found.claim("caption", cap_start, m.end(), CREDITED_CAPTION)

    def _gap_captions(self, draft: Draft, found: Findings, start: int, end: int) -> None:
        """Captions printed where a picture stood in flattened text (see the module's note)."""
        text = draft.text
        schema = draft.locale.schema.captions
        openers, words = draft.locale.derived("gap-captions", lambda: _prose_words(draft.locale))
        for gap in _GAP.finditer(text, start, end):
            lo = gap.end()
            last = _CAPTION_END.search(text, lo, min(end, lo + self.max_caption))
            if last is None:
                continue
            hi = last.end()
            sentence = text[lo : last.start() + 1]
            if "\n" in sentence or _QUOTES.intersection(sentence):
                continue  # across a line break, or quoted speech, a list's lead-in, a marker
            tokens = _WORD.findall(sentence.casefold())
            if tokens and len(tokens[-1]) <= 2 and sentence.rstrip(". ")[-1:].isalpha():
                continue  # a short title's full stop ("Dr.", "En."), not the sentence's end
            if not 2 <= len(tokens) <= schema.gap_caption_words or tokens[0] in openers or words.intersection(tokens):
                continue
            nxt = _story_goes_on(draft, hi, end)  # a caption is never the last thing before the tail
            if nxt is None or not (text[nxt].isupper() or text[nxt] in "\"“‘'") or not found.is_free(lo, hi):
                continue
            found.claim("caption", lo, hi, GAP_CAPTION)


def _story_goes_on(draft: Draft, pos: int, end: int) -> int | None:
    """Where the story goes on after ``pos`` on the same line (past spaces, unclaimed, before ``end``)."""
    text = draft.text
    while pos < end and text[pos] in " \u00a0":
        pos += 1
    return pos if pos < end and text[pos] != "\n" and draft.is_free(pos, pos + 1) else None


def _dash_credit(locale: Locale) -> Any:
    names = "|".join(regex.escape(n) for n in sorted(locale.schema.captions.dash_credits, key=len, reverse=True))
    return regex.compile(
        rf"(?<=[.\p{{L}}])[ \u00a0]{{0,3}}[—–][ \u00a0]?"
        rf"(?:@[\w.\-]{{2,40}}|(?:{names})(?:[ \u00a0]?/[ \u00a0]?@?[\w.\-]{{2,40}})?)"
        r"(?=[ \u00a0]+[\p{Lu}\d\"“])"
    )


def _prose_words(locale: Locale) -> tuple[frozenset[str], frozenset[str]]:
    """The words that open story sentences, and those that report speech anywhere in one."""
    schema = locale.schema
    openers = [*schema.captions.prose_openers, *schema.inserts.headline.sentence_starters]
    words = [*schema.captions.prose_words, *schema.inserts.headline.reporting_verbs]
    return frozenset(w.casefold() for w in openers), frozenset(w.casefold() for w in words)
