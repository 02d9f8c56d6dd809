"""Photo captions left inside the body, found by their credit: ``... (29/01/2019). (Bisnis/Nama)``.

Where newlines were lost, a photo caption sits between two paragraphs as one sentence that ends
with a photo credit in parentheses: a credit source from the locale's list or a catalogued
outlet, a slash, then the photographer's name. The caption is that sentence and its credit.
A credit at the very end of the body is left to the tail stage (it credits the reporter).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from ..draft import Draft, Findings
from ..rules import Locale

__all__ = ["Captions"]

_CREDIT = regex.compile(r"\((?:[Ff]oto\s*:\s*)?(?P<src>[\p{L}\d.]{2,30})\s*/\s*\p{Lu}[\p{L} .]{2,40}\)")
_SENTENCE_START = regex.compile(r"(?:[.!?\"”]\s*|\n|(?<=\p{Ll})(?=\p{Lu}))(?=\p{Lu})")


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
        if line_credit is not None:
            for line in draft.lines:
                if line.blank or line.lo < start or line.hi > end or not draft.is_free(line.lo, line.hi):
                    continue
                if len(text[line.lo : line.hi].split()) <= self.max_line_words and line_credit.search(
                    text, line.lo, line.hi
                ):
                    found.claim("caption", line.lo, line.hi, "photo-credit-line")
        if credits:
            for line in draft.lines:
                if line.blank or not draft.is_free(line.lo, line.hi):
                    continue
                if len(text[line.lo : line.hi].split()) <= self.max_caption_words and any(
                    c.search(text, line.lo, line.hi) for c in credits
                ):
                    found.claim("caption", line.lo, line.hi, "photo-credit")
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
            found.claim("caption", cap_start, m.end(), "credit-in-body")
        return found
