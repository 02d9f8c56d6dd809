"""The page stage: find the story region of a whole-page dump and label the page around it."""

from __future__ import annotations

from dataclasses import dataclass

from ...draft import Draft, Findings
from .masthead import Masthead
from .region import StoryRegion
from .rule_ids import CAPTION_CREDITED, FOOTER, HEADER, PHOTO_CREDIT
from .shapes import SENTENCE_END, furniture, word_count

__all__ = ["PageLayout"]


@dataclass(frozen=True)
class PageLayout(StoryRegion, Masthead):
    """Finds the story region of a whole-page dump and labels the page around it."""

    name: str = "page"

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        lines = [ln for ln in draft.lines if ln.lo < ln.hi and draft.is_free(ln.lo, ln.hi)]  # not blank, free
        if len(lines) < self.min_lines:
            self._boxes(draft, found, lines, in_prose=True)
            return found
        start = self._story_start(draft, lines)
        if start is None or start < self.min_header_lines or not self._looks_like_a_page(draft, lines[:start]):
            self._boxes(draft, found, lines, in_prose=True)  # no page: an extractor's output may hold a box too
            return found
        end = self._story_end(draft, lines, start)
        self._header(draft, found, lines[:start])
        self._boxes(draft, found, lines[start:end])
        # a bare photo credit between two paragraphs ("shutterstock"), not a word of a broken sentence
        # and not a source named at the end (the tail's business)
        texts = [self._text(draft, ln) for ln in lines]
        for k in range(start + 1, end - 1):
            if (furniture(draft).bare_credit.fullmatch(texts[k]) and not self._continued(texts, k)
                    and (SENTENCE_END.search(texts[k - 1]) or self._subheading(draft, texts[k - 1]))
                    and (self.is_prose(draft, texts[k + 1], min_words=self.closing_words)
                         or self._subheading(draft, texts[k + 1]))):
                found.claim("caption", lines[k].lo, lines[k].hi, PHOTO_CREDIT)
        self._trailer(draft, found, lines[end:])
        # a caption inside the story whose photo credit an earlier stage took as a copyright mark
        # ("Heart Beat bikin Brandon terpukau …/©KapanLagi.com®/Name"): the rest is the caption
        story_lo = lines[start].lo
        story_hi = lines[end].lo if end < len(lines) else len(draft.text)
        for c in draft.claims:
            if not (story_lo <= c.start < story_hi and c.kind == "noise" and c.why.endswith(":copyright")):
                continue
            line = draft.line_at(c.start)
            rest = found.free_parts(line.lo, line.hi)
            if (rest and c.start > line.lo and word_count(draft.text[line.lo : line.hi]) <= self.caption_words
                    and not SENTENCE_END.search(draft.text[rest[0][0] : rest[0][1]])):
                for a, b in rest:
                    found.claim("caption", a, b, CAPTION_CREDITED)
        # the free rest of lines an earlier stage took in part ("Hearst Newspapers © Copyright …")
        for lo, hi in ((0, lines[start].lo), (lines[end].lo if end < len(lines) else len(draft.text), len(draft.text))):
            for a, b in found.free_parts(lo, hi):
                found.claim("noise", a, b, HEADER if lo == 0 else FOOTER)
        return found
