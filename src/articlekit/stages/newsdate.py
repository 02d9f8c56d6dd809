"""The news date woven into the first sentence: ``Rusia pada Rabu (20/10/2021) menyerukan ...``.

Read, not cut: the words stay in the body. By docs/parse-rules.md the date is the first complete
weekday-led date of the first sentence; a date without a year gives only ``partial``; a
date the sentence places as another event (``akan digelar pada Rabu, 25 Oktober 2023``,
the locale's future markers just before it) is not the news date. A weekday that does not
agree with the date is noted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from ..dates import date_reader
from ..draft import Draft, Findings
from ..rulebook import define_rule

__all__ = ["NewsDate"]

FIRST_SENTENCE = define_rule("newsdate:first-sentence", "fact",
                      "the news date read from the first sentence (a complete date with its weekday)")

_SENTENCE_END = regex.compile(r"[.!?](?=[\"”’)]?(?:\s+[\"“‘(]?\p{Lu}|\s*\n|\s*\Z|\p{Lu}\p{Ll}))|\n")


# a line break, or a run of spaces after a closing mark (some data sets left such runs between
# paragraphs; a run after a plain word is a typing slip inside the sentence: "antara  Timnas")
_PARAGRAPH_END = regex.compile(r"\n|(?<=[.!?:\"”’)])[ \u00a0]{2,}(?=\S)")
# where newlines were flattened, a sentence end glued to the next sentence is the paragraph break
# (docs/parse-rules.md: "… ditutup.Warga …"); a sentence end followed by a space is not
_GLUED_BREAK = regex.compile(r"[.!?][\"”’)]?(?=\p{Lu}\p{Ll})")


def _soft_break(text: str, pos: int) -> bool:
    """True when the line break at ``pos`` continues a sentence (no closing mark, lower-case next)."""
    # scans, not copies: ``text[:pos].rstrip()`` and ``text[pos + 1:].lstrip()`` copied the page per line break
    i = pos
    while i > 0 and text[i - 1].isspace():
        i -= 1
    j = pos + 1
    while j < len(text) and text[j] in " \t\u00a0":
        j += 1
    return i > 0 and text[i - 1] not in ".!?\"”" and j < len(text) and (text[j].islower() or text[j] in ",;")


_QUOTE = regex.compile(r"[\"“”]")


def _clause_start(text: str, lo: int, at: int) -> int:
    """Where the clause holding the date at ``at`` starts: back over the short comma-set adjuncts of
    place and time before it ("…, Tashkent, malam ini, Selasa (10/6/2025)") to the segment that
    carries the verb (more than four words), or the sentence start ``lo``. A semicolon always ends it."""
    for m in _SENTENCE_END.finditer(text, lo, at):  # never back past the sentence's own start
        lo = m.end()
    end = at
    while True:
        comma = max(text.rfind(",", lo, end), text.rfind(";", lo, end))
        if comma < lo:
            return lo
        if text[comma] == ";":
            return comma
        if len(text[comma + 1 : end].split()) > 4:  # this segment carries the clause
            return comma
        end = comma


def _future(words: list[str]) -> Any:
    if not words:
        return None
    alt = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?<!\w)(?:{alt})(?!\w)", regex.IGNORECASE)


@dataclass(frozen=True)
class NewsDate:
    """Reads the news date from the first sentence of the body."""

    name: str = "newsdate"
    max_sentence: int = 1500
    max_paragraph: int = 700

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        for c in draft.claims:
            if c.kind == "dateline" and c.data.get("date") is not None:
                return found  # the dateline itself carries the date
        start, end = draft.body_bounds()
        first = next(draft.free_parts(start, end), None)
        if first is None:
            return found
        lo = first[0]
        hi = min(first[1], lo + self.max_sentence)
        text = draft.text
        # docs/parse-rules.md: the first paragraph (up to a hard line break or a run of spaces, which some
        # data sets left between paragraphs); where newlines were flattened and the "paragraph" is
        # the whole story, its first sentence stands for it
        stop = hi
        for m in _PARAGRAPH_END.finditer(text, lo, hi):
            if m.group() == "\n" and _soft_break(text, m.start()):
                continue  # a line break left by a link, inside the sentence
            stop = m.start() + 1
            break
        if stop - lo > self.max_paragraph:
            glued = _GLUED_BREAK.search(text, lo, min(stop, lo + self.max_paragraph))
            if glued is not None:
                stop = glued.end()
        if stop - lo > self.max_paragraph:
            for m in _SENTENCE_END.finditer(text, lo, stop):
                if m.group() != "\n":
                    stop = m.end()
                    break
        reading = date_reader(draft.locale).find_news_date(text, lo, stop)
        if reading is None:
            return found
        # the clause the date stands in: back to the last comma or semicolon, or the sentence start
        clause_lo = max(text.rfind(",", lo, reading.start), text.rfind(";", lo, reading.start), lo)
        before = text[clause_lo : reading.start].casefold()
        markers = draft.locale.derived("newsdate.future", lambda: _future(draft.locale.dates.future_markers))
        hit = markers.search(before) if markers is not None else None
        if hit is None:
            # a plan marker in the clause the short adjuncts of place and time hang on ("Laga akan
            # berlangsung di Stadion X, Osaka, malam ini, Selasa (10/6/2025)"); never across a quotation
            wide = text[_clause_start(text, lo, reading.start) : clause_lo]
            plans = draft.locale.derived("newsdate.plan", lambda: _future(draft.locale.dates.plan_markers))
            if plans is not None and not _QUOTE.search(wide):
                hit = plans.search(wide.casefold())
        if hit:
            found.note(f"a date in the first sentence follows {hit.group()!r}: another event, not the news date")
            return found
        if reading.date is not None and not reading.weekday_ok:
            found.note(f"weekday does not match {reading.date.isoformat()} in {text[reading.start:reading.end]!r}")
        clock = date_reader(draft.locale).find_time(text, reading.end, stop)
        time, tz = clock if clock else (None, None)
        found.fact("newsdate", reading.start, reading.end, FIRST_SENTENCE, date=reading.date,
                   partial=reading.partial, time=time, tz=tz)
        return found
