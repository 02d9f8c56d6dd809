"""Header: what is printed above the body, never body.

When the prefix stage found the body start, everything unclaimed before it is header
material, labelled by what it looks like: a photo caption (ends with a photo credit), a
header timestamp, a credit line (``Penulis:``, ``Rep: A/ Red: B``), or otherwise a title,
teaser or masthead. Without a prefix, only leading lines that match the locale's header
rules, timestamps, credit lines or captions are taken, up to the first other line.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Any

import regex

from ..dates import date_reader
from ..draft import Draft, Findings
from ..rulebook import define_rule
from ..rules import Locale
from .page import stamp

__all__ = ["Header"]

CREDIT_LINE = define_rule("header:credit-line", "credit",
                          "a credit line above the body ('Penulis: …', 'Rep: A/ Red: B')")
TIMESTAMP = define_rule("header:timestamp", "header", "a header timestamp above the body (never the news date)")
GLUED_BYLINE = define_rule("header:glued-byline", "header",
                           "a writer's name glued before a header timestamp and the story on the first line "
                           "('Rina Sari 07 September 2017 14:37 Isu …')")
BEFORE_BODY = define_rule("header:before-body", "header",
                          "other material above a found body start: title, teaser, masthead")
TEASER_ABOVE_BYLINE = define_rule("header:teaser-above-byline", "header",
                                  "a standfirst above a byline ('Oleh: Nama') with no dateline: a teaser")
HEADLINE_FIRST = define_rule("header:headline-first", "header",
                             "a dump that opens with its headline: a short Title-Case or sentence-case line above "
                             "a prose paragraph")
STANDFIRST = define_rule("header:standfirst", "header",
                         "a standfirst under a dump's opening headline: a longer line in sentence case that closes no "
                         "sentence, above the story's first paragraph")
OPENING_HEADLINES = define_rule("header:opening-headlines", "noise",
                                "other stories' headlines opening an extractor's output: more Title-Case lines above "
                                "the story's first paragraph than a headline and its kicker make (a topic box)")
BESIDE_HEADLINE = define_rule("header:beside-headline", "header",
                              "a kicker or a section-and-byline line printed with the headline above the story")

# (lazy ``.*?`` in the lookaheads: the regex module backtracks a greedy ``.*`` quadratically over a
# long line full of full stops; the lookahead means the same)
# a short line that is not prose: at most 8 words, no closing full stop
_SHORT = regex.compile(r"(?!.*?[.!?]\s*\Z)\S+(?:[ \t\u00a0]+\S+){0,7}")
# a headline: 3 to 30 words, no closing full stop, no colon or comma at the end
_TITLE = regex.compile(r"(?![^\n]*?[.,:;]\s*\Z)\S+(?:[ \t\u00a0]+\S+){2,29}")
# (``[ \t]*(?:\|[ \t]*)?:``, not ``[ \t]*\|?[ \t]*:``: two adjacent runs of spaces backtrack quadratically)
# a section's kicker above a headline: one or two words of letters, nothing else ("Review", "immunology")
_KICKER = regex.compile(r"[ \t\u00a0]*\p{L}[\p{L}\-]*(?:[ \t\u00a0]\p{L}[\p{L}\-]*)?[ \t\u00a0]*")
_INNER_SENTENCE = regex.compile(r"[.!?][ \t\u00a0]")
_SENTENCE_END = regex.compile(r"[.!?\"”][ \t\u00a0]*\Z")
# (a headline in sentence case) it opens with a capital, maybe after a quote mark; a sentence ends
# inside it only after a word ("… Release. Why …", not "U.S. States" or "L.A. Auto"); a name and a
# role ("NAME, Dosen …") is a byline; a web address is no headline
_HEADLINE_OPENING = regex.compile(r"[\"“‘'«]?[\p{Lu}\p{N}]")
_WORD_SENTENCE_END = regex.compile(r"\p{Ll}{2}[\"”’']?[.!?][\"”’']?[ \t\u00a0]")
_NAME_AND_ROLE = regex.compile(r"\p{Lu}[\p{L}.'’]*(?:[ \t\u00a0]+\p{Lu}[\p{L}.'’]*){1,5},")
_ADDRESS = regex.compile(r"www\.|://")
# a name of two to four capitalised words opening the text, before a digit (a timestamp glued on)
_GLUED_NAME = regex.compile(
    r"[ \t\u00a0]*(?P<n>\p{Lu}\p{Ll}+(?:[ \t\u00a0]+\p{Lu}[\p{Ll}'’.]*){1,3})[ \t\u00a0]+(?=\d)")
_STORY_OPENS = regex.compile(r"[ \t\u00a0]+[\"“'‘]?\p{Lu}")
_CREDIT_LINE = "(?:{labels})[ \\t\\u00a0]*(?:\\|[ \\t\\u00a0]*)?:[ \\t\\u00a0]*\\|?(?P<v>[^\\n]*)"


def _credit_line(locale: Locale) -> Any:
    labels = "|".join(regex.escape(x) for x in sorted(locale.tail.credit_labels, key=len, reverse=True))
    return regex.compile(_CREDIT_LINE.format(labels=labels), regex.IGNORECASE) if labels else None


def _byline(locale: Locale) -> Any:
    """A byline line: a byline word (``Oleh``, ``By``), maybe a colon, then a capitalised name."""
    words = locale.schema.page.byline_words
    if not words:
        return None
    alt = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?:{alt})(?![\p{{L}}])[ \t\u00a0]*:?[ \t\u00a0]*\p{{Lu}}[^\n]{{1,80}}")


@dataclass(frozen=True)
class Header:
    """Labels material above the body as header, caption or credit."""

    name: str = "header"
    max_leading_lines: int = 12
    max_caption: int = 300
    max_title_words: int = 16
    max_title_lines: int = 3
    min_sentence_title_words: int = 4  # a headline in sentence case: at least this many words ...
    max_sentence_title_words: int = 24  # ... and at most this many
    min_lead_words: int = 12
    min_standfirst_words: int = 8  # a standfirst under the headline: at least this many words
    max_teaser_lines: int = 2
    max_teaser: int = 700
    max_byline_words: int = 10
    min_opening_headlines: int = 4  # Title-Case lines opening the text above the story: more than a headline's own
    max_opening_headlines: int = 8
    min_opening_words: int = 6  # the story's first sentence under them: at least this many words

    def _label(self, draft: Draft, found: Findings, lo: int, hi: int, *, forced: bool, title: bool = True) -> bool:
        text = draft.text
        piece = text[lo:hi]
        locale = draft.locale
        credit_line = locale.derived("header.credit_line", lambda: _credit_line(locale))
        if credit_line is not None:
            cm = credit_line.fullmatch(piece)
            if cm and len(cm["v"].split()) <= 8:
                head = piece.split(":", 1)[0].strip(" |\t")
                found.claim("credit", lo, hi, CREDIT_LINE, role=" ".join(head.split()),
                            name=cm["v"].strip(" |\t"))
                return True
        for rule in locale.header_rules:
            if rule.regex.fullmatch(piece):
                found.claim("header", lo, hi, rule.id)
                return True
        reading = date_reader(locale).read_header(text, lo, hi)
        if reading is not None and (reading.end - reading.start) >= 0.5 * (hi - lo):
            # "Diperbarui 4 Jun 2024, 10:15 WIB": a word of the locale's updated_words before the date makes
            # it the updated time; any other stamp is the published time (the first of each is kept)
            low = piece.casefold()
            at = reading.start - lo
            kind = "updated" if any(0 <= low.find(w.casefold()) < at for w in locale.schema.page.updated_words) \
                else "published"
            role = {} if any(c.data.get("page_role") == kind for c in found.claims) else {
                "page_role": kind, "value": stamp(reading)}
            found.claim("header", lo, hi, TIMESTAMP, date=reading.date, time=reading.time, tz=reading.tz, **role)
            return True
        for rule in locale.caption_rules:
            if len(piece) <= self.max_caption and rule.regex.search(piece):
                found.claim("caption", lo, hi, rule.id)
                return True
        if forced:
            data = {}
            if (title and _TITLE.fullmatch(piece) and not _ADDRESS.search(piece)
                    and not any(c.data.get("page_role") == "title" for c in found.claims)):
                data = {"page_role": "title", "value": piece}  # the first headline above the body (no web address)
            found.claim("header", lo, hi, BEFORE_BODY, **data)
            return True
        return False

    def _headline_first(self, draft: Draft, found: Findings) -> None:
        """An extractor's dump that opens with the headline: a short Title-Case line with no sentence
        in it, right above a prose paragraph ("Para Peracik Bola Mati" / "Pelatih set-piece …"), maybe with
        a kicker or a section-and-byline line of the same shape beside it (at most ``max_title_lines`` lines
        in all): the longest is the title. A single headline may also be written in sentence case ("Harbour
        ferry returns after two-year break"): 4 to 24 words, no closing question or exclamation, no sentence
        ending inside after a word, not a byline."""
        lines = list(islice((ln for ln in draft.lines if ln.lo < ln.hi), self.max_title_lines + 3))  # not blank
        text = draft.text
        kicker = None
        if (len(lines) >= 3 and _KICKER.fullmatch(text, lines[0].lo, lines[0].hi)
                and not self._stamp_line(draft, lines[0].lo, lines[0].hi)):
            # a section's one- or two-word kicker above the headline ("Review", "immunology"): beside it
            kicker, lines = lines[0], lines[1:]
        lines = lines[: self.max_title_lines + 2]
        k = 0
        while (k < len(lines) - 1 and k < self.max_title_lines and self._title_like(text[lines[k].lo : lines[k].hi])
               and not self._stamp_line(draft, lines[k].lo, lines[k].hi)):
            k += 1
        if k == 0 and len(lines) >= 2 and not self._stamp_line(draft, lines[0].lo, lines[0].hi) and \
                self._sentence_case_headline(draft, text[lines[0].lo : lines[0].hi], text[lines[1].lo : lines[1].hi]):
            k = 1
        if k == 0 or not draft.is_free(lines[0].lo, lines[k].hi):
            return
        if kicker is not None and not draft.is_free(kicker.lo, kicker.hi):
            return
        at, standfirst = k, None
        if (k == 1 and k + 1 < len(lines) and self._standfirst(draft, text[lines[k].lo : lines[k].hi])
                and _HEADLINE_OPENING.match(text, lines[k + 1].lo, lines[k + 1].hi)
                and draft.is_free(lines[k].lo, lines[k].hi)):  # the headline's standfirst, then the story
            at, standfirst = k + 1, lines[k]
        # the first paragraph, maybe broken over lines (it goes on while the next line opens in lower case)
        end = at
        while end + 1 < len(lines) and text[lines[end + 1].lo : lines[end + 1].lo + 1].islower():
            end += 1
        first = text[lines[at].lo : lines[end].hi]
        if len(first.split()) < self.min_lead_words or not _SENTENCE_END.search(first):
            return
        if standfirst is not None:
            found.claim("header", standfirst.lo, standfirst.hi, STANDFIRST)
        if kicker is not None:
            found.claim("header", kicker.lo, kicker.hi, BESIDE_HEADLINE)
        title = max(lines[:k], key=lambda ln: ln.hi - ln.lo)
        for ln in lines[:k]:
            if ln is title:
                found.claim("header", ln.lo, ln.hi, HEADLINE_FIRST, page_role="title", value=text[ln.lo : ln.hi])
            else:
                found.claim("header", ln.lo, ln.hi, BESIDE_HEADLINE)

    def _opening_headlines(self, draft: Draft, found: Findings) -> bool:
        """An extractor's output that opens with other stories' headlines: ``min_opening_headlines`` or more
        Title-Case lines (a topic's name and the headlines listed under it), then a sentence of the story
        (``min_opening_words`` words or more, closed) and a paragraph of prose under it. More such lines than a
        headline and its kicker make are a box of links, not the story's header: junk, and no title."""
        lines = list(islice((ln for ln in draft.lines if ln.lo < ln.hi), self.max_opening_headlines + 2))  # not blank
        text = draft.text
        k = 0
        while (k < len(lines) and k < self.max_opening_headlines and draft.is_free(lines[k].lo, lines[k].hi)
               and self._title_like(text[lines[k].lo : lines[k].hi], digit=True)
               and not self._stamp_line(draft, lines[k].lo, lines[k].hi)):
            k += 1
        if k < self.min_opening_headlines or k + 1 >= len(lines):
            return False
        first, second = text[lines[k].lo : lines[k].hi], text[lines[k + 1].lo : lines[k + 1].hi]
        if (len(first.split()) < self.min_opening_words or not _SENTENCE_END.search(first)
                or len(second.split()) < self.min_lead_words or not _SENTENCE_END.search(second)):
            return False
        for ln in lines[:k]:
            found.claim("noise", ln.lo, ln.hi, OPENING_HEADLINES)
        return True

    def _standfirst(self, draft: Draft, s: str) -> bool:
        """A standfirst under the headline: ``min_standfirst_words`` words or more in sentence case, no sentence
        closed at its end (a first paragraph would close one), no byline, no web address."""
        words = s.split()
        byline = draft.locale.derived("header.byline", lambda: _byline(draft.locale))
        return bool(self.min_standfirst_words <= len(words) <= self.max_sentence_title_words * 2
                    and _HEADLINE_OPENING.match(s) and not _SENTENCE_END.search(s) and not s.endswith((",", ":", ";"))
                    and not _ADDRESS.search(s) and not (byline is not None and byline.match(s))
                    and not self._title_like(s)
                    and not any(rule.regex.search(s) for rule in draft.locale.caption_rules))

    @staticmethod
    def _stamp_line(draft: Draft, lo: int, hi: int) -> bool:
        """The line is mostly a header timestamp ("Diperbarui 4 Jun 2024, 10:15 WIB"): never a headline."""
        reading = date_reader(draft.locale).read_header(draft.text, lo, hi)
        return reading is not None and (reading.end - reading.start) >= 0.5 * (hi - lo)

    def _title_like(self, head: str, *, digit: bool = False) -> bool:
        """A short Title-Case line with no sentence in it: a headline, a kicker, a section and byline line
        (``digit``: it may open with a figure, "15 Fun Facts About …", as a listed headline may)."""
        words = head.split()
        capitals = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
        return bool(_TITLE.fullmatch(head) and len(words) <= self.max_title_words and capitals >= 0.6 * len(words)
                    and (head[:1].isupper() or (digit and head[:1].isdigit())) and not _INNER_SENTENCE.search(head)
                    and not head.endswith(("-", "—", "–")))

    def _sentence_case_headline(self, draft: Draft, head: str, first: str) -> bool:
        """A headline in sentence case above the story's first paragraph (no closing ? or ! either: a
        question opening the story is its first sentence)."""
        words = head.split()
        byline = draft.locale.derived("header.byline", lambda: _byline(draft.locale))
        return bool(self.min_sentence_title_words <= len(words) <= self.max_sentence_title_words
                    and _TITLE.fullmatch(head) and _HEADLINE_OPENING.match(head) and not head.endswith(("?", "!"))
                    and not head.endswith(("-", "—", "–")) and first[:1].isupper()
                    and not _WORD_SENTENCE_END.search(head) and not _NAME_AND_ROLE.match(head)
                    and not _ADDRESS.search(head) and not (byline is not None and byline.match(head)))

    def _teaser_above_byline(self, draft: Draft, found: Findings) -> int:
        """A standfirst or a caption printed above a byline (``Oleh: Name``) with no dateline: a teaser.

        At most ``max_teaser_lines`` lines (``max_teaser`` characters) above a byline line among the
        first lines, with the story going on below it, are header; returns where the byline starts
        (0 when there is no such byline).
        """
        text = draft.text
        byline = draft.locale.derived("header.byline", lambda: _byline(draft.locale))
        if byline is None:
            return 0
        lines = list(islice((ln for ln in draft.lines if ln.lo < ln.hi), self.max_teaser_lines + 2))  # not blank
        for k, line in enumerate(lines[:-1]):
            if not draft.is_free(line.lo, line.hi):
                return 0
            if k == 0 or not byline.fullmatch(text, line.lo, line.hi):
                continue
            if len(text[line.lo : line.hi].split()) > self.max_byline_words:
                return 0
            nxt = lines[k + 1]
            above = lines[:k]
            if (sum(ln.hi - ln.lo for ln in above) > self.max_teaser or not draft.is_free(nxt.lo, nxt.hi)
                    or not _SENTENCE_END.search(text, nxt.lo, nxt.hi)):
                return 0
            for ln in above:
                found.claim("header", ln.lo, ln.hi, TEASER_ABOVE_BYLINE)
            return line.lo
        return 0

    def _glued_byline_stamp(self, draft: Draft, found: Findings) -> None:
        """The writer's name and a timestamp with its time glued before the story on the first line (``Rina
        Kartika Sari 07 September 2017 14:37 Isu sepuluh seleb …``): a byline and the page's timestamp."""
        text = draft.text
        line = next((ln for ln in draft.lines if not ln.blank), None)
        if line is None or not draft.is_free(line.lo, line.hi):
            return
        m = _GLUED_NAME.match(text, line.lo, line.hi)
        if m is None:
            return
        reading = date_reader(draft.locale).read_header(text, m.end(), min(line.hi, m.end() + 60))
        if reading is None or reading.start != m.end() or reading.time is None:
            return
        if not _STORY_OPENS.match(text, reading.end, line.hi):
            return
        found.claim("header", m.start("n"), m.end("n"), GLUED_BYLINE)
        found.claim("header", reading.start, reading.end, TIMESTAMP, date=reading.date, time=reading.time,
                    tz=reading.tz, page_role="published", value=stamp(reading))

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        text = draft.text
        starts = [c.start for c in draft.claims if c.kind in ("outlet", "dateline") and c.data.get("prefix")]
        if starts:
            body_start = min(starts)
            for lo, hi in draft.free_parts(0, body_start):
                # line by line: a timestamp or a caption on its own line is labelled as such
                # (the title is the stretch's first line, or its second when that is its last and the first
                # is no timestamp: a line between the page's timestamp and the dateline is the picture's
                # caption, the headline being printed above the timestamp)
                k, n = 0, draft.line_at(hi - 1).index - draft.line_at(lo).index + 1
                stamped = False
                while lo < hi:
                    line = draft.line_at(lo)
                    end = min(hi, line.hi) if line.hi > lo else hi
                    for part_lo, part_hi in draft.free_parts(lo, end):
                        before = len(found.claims)
                        self._label(draft, found, part_lo, part_hi, forced=True,
                                    title=k == 0 or (k == 1 and n == 2 and not stamped))
                        stamped = k == 0 and any(c.why == TIMESTAMP for c in found.claims[before:])
                        if not _ADDRESS.search(text, part_lo, part_hi):
                            k += 1  # a line with a web address (a stamp and a short link) is no title: the next may be
                    if end >= hi:
                        break
                    lo = next((p for p, _ in draft.free_parts(end, hi)), hi)
            return found
        self._glued_byline_stamp(draft, found)
        if not self._opening_headlines(draft, found):
            self._headline_first(draft, found)
        skip_to = self._teaser_above_byline(draft, found)
        # no prefix: take the leading lines up to the last one that is clearly header material,
        # when every line before it is short and not prose (a byline, a title)
        plan: list[tuple[int, int, bool]] = []
        last_header = -1
        for line in draft.lines:
            if len(plan) >= self.max_leading_lines:
                break
            if line.blank or line.lo < skip_to:
                continue
            if not draft.is_free(line.lo, line.hi):
                claim = draft.claim_at(line.lo)
                if claim is not None and claim.kind in ("noise", "header", "caption", "credit"):
                    continue
                break
            probe = draft.findings(self.name)
            if self._label(draft, probe, line.lo, line.hi, forced=False):
                plan.append((line.lo, line.hi, True))
                last_header = len(plan) - 1
            elif _SHORT.fullmatch(text, line.lo, line.hi) or (not plan and _TITLE.fullmatch(text, line.lo, line.hi)):
                plan.append((line.lo, line.hi, False))
            else:
                break
        for lo, hi, _ in plan[: last_header + 1]:
            self._label(draft, found, lo, hi, forced=True)
        del text
        return found
