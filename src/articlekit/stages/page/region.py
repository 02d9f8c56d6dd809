"""Where the story is: the first dense run of prose (by texture), its first paragraph, and its end."""

from __future__ import annotations

import bisect

from ...draft import Draft, Line
from .lines import LineKinds
from .shapes import (
    ADDRESS,
    CLOSING,
    CREDIT_MARK,
    DATELINE_LEAD,
    GOES_ON,
    NAME,
    SENTENCE_END,
    SEP_END,
    furniture,
    word_count,
)
from .texture import capital_share, dense_runs, glued_teaser, story_run

__all__ = ["StoryRegion"]


class StoryRegion(LineKinds):
    """Finds where the story of a page dump starts and ends."""

    def _line_value(self, draft: Draft, line: Line, nxt: Line | None) -> float:
        """A line's worth as story text: its words when it reads as prose, else a fixed cost."""
        s = self._text(draft, line)
        n = word_count(s)
        goes_on = nxt is not None and not SENTENCE_END.search(s) and (
            draft.text[nxt.lo : nxt.lo + 1].islower() or draft.text[nxt.lo : nxt.lo + 1] in GOES_ON)
        if goes_on or s[:1].islower() or self._broken_piece(draft, line):
            return 0.0  # a piece of a sentence broken at a link: the story's, no weight of its own
        caps = capital_share(s)
        if glued_teaser(s):
            return -self.junk_cost
        if self.is_prose(draft, s) and caps <= self.max_capital_share:
            return float(n)
        if furniture(draft).marker_lead.match(s) or (
                n >= self.closing_words and CLOSING.search(s) and caps <= self.sentence_capital_share):
            return 0.0  # a short sentence, an insert ("Baca juga: …"): the story's, but no weight of its own
        return -self.junk_cost

    def _values(self, draft: Draft, lines: list[Line]) -> list[float]:
        return [self._line_value(draft, ln, lines[i + 1] if i + 1 < len(lines) else None)
                for i, ln in enumerate(lines)]

    def _story_start(self, draft: Draft, lines: list[Line]) -> int | None:
        first = self._first_prose(draft, lines, 0, standfirst=1)
        if first is None:
            return None  # no prose at all: no story to find (and no line values to weigh)
        run = story_run(dense_runs(self._values(draft, lines)), self.story_share)
        if run is None or (first < self.min_header_lines and run[0] < self.min_header_lines):
            return first  # the text opens with its story: a body scrape, not a page
        # else the story is the first dense run of prose, wherever it stands
        first = self._first_prose(draft, lines, run[0])
        if first is None:
            return None
        # prose above the post's own header (a sidebar or a menu with blurbs printed first) is not
        # the story: when what reads as the story ends before the first headline + timestamp pair
        # that prose follows, the story starts under that pair
        anchor = self._post_header(draft, lines)
        # (unless that prose has a header of its own: a dated line among the few right above it, such as
        # a date with the author and sections, "13/06/2014 Name Sections")
        dated = any(self.timestamp(draft, ln) is not None for ln in lines[max(0, first - self.title_reach) : first])
        if (anchor is not None and anchor > first and not dated and anchor >= self._story_end(draft, lines, first)
                and self._looks_like_a_page(draft, lines[:first])):
            after = self._first_prose(draft, lines, anchor + 1)
            if after is not None and after - anchor <= self.max_gap and not any(
                    lo <= after < hi for lo, hi, _ in [run]):
                return after
        return first

    def _post_header(self, draft: Draft, lines: list[Line]) -> int | None:
        """The first timestamp (a date that is most of a short line) next to a headline."""
        for i, ln in enumerate(lines):
            s = self._text(draft, ln)
            if word_count(s) > self.anchor_words:
                continue
            if s.endswith((".", ",")) or not s[:1].isalnum() or s[:1].islower():
                continue  # a date ending a sentence broken over lines, not a header line
            reading = self.timestamp(draft, ln)
            if reading is None or (reading.end - reading.start) < 0.4 * len(s):
                continue
            for near in (range(i - 1, max(-1, i - 4), -1), range(i + 1, min(len(lines), i + 4))):
                for j in near:  # the headline above the timestamp, or right under it
                    t = self._text(draft, lines[j])
                    if self.is_prose(draft, t):
                        break
                    if self._title_like(draft, lines[j], 4) and (t[:1].isupper() or t[:1].isdigit()):
                        return i
        return None

    def _first_prose(self, draft: Draft, lines: list[Line], i: int, *, standfirst: int | None = None) -> int | None:
        """The first prose line from ``i`` on that is neither a caption nor a standfirst (of at most
        ``standfirst`` paragraphs)."""
        most = self.standfirst_paragraphs if standfirst is None else standfirst
        short = min(self.prose_words, self.long_words)  # a line shorter than both is not prose (is_prose's first test)
        while i < len(lines):
            if lines[i].hi - lines[i].lo < short:  # skipped as a line that is not prose is below, without its text
                i += 1
                continue
            s = self._text(draft, lines[i])
            if not self.is_prose(draft, s) or self._photo_caption(draft, lines, i):
                i += 1
                continue
            # a standfirst: prose followed (before the next prose) by a byline or a timestamp
            teaser = False
            more = 0  # a standfirst may run to more than one paragraph (a summary and a photo caption)
            for k in range(i + 1, min(len(lines), i + 1 + self.max_gap)):
                t = self._text(draft, lines[k])
                if self.is_prose(draft, t):
                    more += 1
                    if more >= most:
                        break
                    continue
                if self.timestamp(draft, lines[k]) is not None or furniture(draft).byline.search(t):
                    # (past a second paragraph only when the story follows the stamp: not a link list's
                    # byline and date under the story's last paragraphs)
                    teaser = not more or any(self.is_prose(draft, self._text(draft, ln))
                                             for ln in lines[k + 1 : k + 1 + self.max_gap])
                    break
            if teaser:
                i += 1
                continue
            # a dateline printed alone just above the first paragraph belongs to the story, and so does a
            # short first paragraph opened by a dateline ("KUALA SELANGOR: Volunteers planted … on Sunday.")
            if i > 0:
                prev = self._text(draft, lines[i - 1])
                if word_count(prev) <= 6 and SEP_END.search(prev):
                    return i - 1
                lead = DATELINE_LEAD.match(prev)
                if (lead and word_count(prev) >= self.closing_words and CLOSING.search(prev)
                        and not self.is_caption(draft, prev) and not self._photo_label(draft, lead.group())):
                    return i - 1
            return i
        return None

    def _photo_label(self, draft: Draft, s: str) -> bool:
        """``s`` holds a photo label of the locale ("FILE PHOTO: …" is a caption's, not a dateline)."""
        labels = {w.casefold().rstrip(".") for w in draft.locale.schema.header.photo_labels}
        return any(w.casefold().strip(".,:()-–—") in labels for w in s.split())

    def _photo_caption(self, draft: Draft, lines: list[Line], i: int) -> bool:
        """A caption above the story: printed twice (the image and its gallery), or a bare credit under it."""
        s = self._text(draft, lines[i])
        after = [self._text(draft, ln) for ln in lines[i + 1 : i + 1 + self.caption_echo]]
        if word_count(s) <= self.caption_words and any(c.search(s) for c in furniture(draft).credits):
            return True  # a caption that carries its photo credit ("KOMPAS.COM/NAME Penyidik …")
        return s in after or (bool(after) and self.is_credit(draft, after[0]))

    def _story_end(self, draft: Draft, lines: list[Line], start: int) -> int:
        texts = [self._text(draft, ln) for ln in lines]
        last_prose = start
        header = set(texts[:start])
        # a name printed near the title (the byline) and again under the story ends it
        names = {texts[k] for k in range(max(0, start - self.byline_reach), start) if NAME.fullmatch(texts[k])
                 and self.heading_kind(draft, texts[k]) is None and not self._continued(texts, k)}
        # the page's copyright line: the story never goes on past it
        marks = sorted(c.start for c in draft.claims if c.kind == "noise" and c.why.endswith(":copyright")
                       and draft.line_at(c.start).lo == c.start)
        gap = 0
        listing = False  # inside a list a sentence introduced ("… meliputi:"): its points are not a gap
        # (or a name alone on its line that the byline above the story holds: "By NAME ONE and NAME TWO" ⏎ … ⏎
        # "NAME ONE", the writer's box under the story)
        bylines = [texts[k].casefold() for k in range(max(0, start - self.byline_reach), start)
                   if furniture(draft).byline.search(texts[k])]
        for j in range(start + 1, len(lines)):
            s = texts[j]
            if (s in names or (bylines and NAME.fullmatch(s) and any(s.casefold() in b for b in bylines))) \
                    and not self._continued(texts, j):
                break
            k = bisect.bisect_left(marks, lines[j - 1].hi)
            if k < len(marks) and marks[k] < lines[j].lo and not (
                    # a photo credit opening a caption ("© Name Caption text …") with the story going on
                    self.is_prose(draft, s, min_words=self.end_prose_words)
                    and CREDIT_MARK.match(draft.text, marks[k], draft.line_at(marks[k]).hi) is not None
                    and word_count(draft.text[marks[k] : draft.line_at(marks[k]).hi]) <= self.caption_words):
                break
            if self.is_prose(draft, s, min_words=self.end_prose_words):
                last_prose, gap = j, 0
                listing = s.endswith(":")
                continue
            if s.endswith(":") and word_count(s) >= 3 and j - last_prose <= 2:
                listing = True
            elif not (listing and word_count(s) <= self.long_words and not SENTENCE_END.search(s)):
                listing = False
                gap += 1
            if gap > self.max_gap:
                # a box inside the story (a heading, its headlines, a video caption) may be longer than a
                # gap: the story goes on when several paragraphs follow in a row right after it
                if not self._resumes(draft, texts, j + 1):
                    break
                gap = 0
            if self._list_heading(draft, texts, j):
                break  # a link block that the story does not resume after
        # short closing sentences and numbered points right under the last paragraph are still the
        # story, and so is a short subheading over them ("Jawaban" / "1. …" / "Salah satunya …")
        j = last_prose + 1
        while j < len(lines) and lines[j].index - lines[j - 1].index <= 2:
            if self._closing_sentence(draft, texts[j]):
                last_prose = j
            elif (j + 1 < len(lines) and furniture(draft).marker_lead.match(texts[j])
                  and lines[j + 1].index - lines[j].index <= 2 and self._closing_sentence(draft, texts[j + 1])):
                last_prose = j = j + 1  # an insert line ("Baca juga: …") between the last paragraphs
            elif (j + 1 < len(lines) and self._subheading(draft, texts[j])
                  and lines[j + 1].index - lines[j].index <= 2 and self._closing_sentence(draft, texts[j + 1])):
                last_prose = j = j + 1
            else:
                break
            j += 1
        # after the last paragraph: stop at a heading, a run of menu lines, or the first line that
        # is not tail material (initials, credits, inserts, tags)
        run = 0
        for j in range(last_prose + 1, len(lines)):
            s = texts[j]
            if self.heading_kind(draft, s) is not None:
                return j
            # (a contact address is no menu, nor a credit label alone on its line with its value on the next,
            # as an old page prints its credits box: "Editor" ⏎ ": Name" ⏎ "Sumber" ⏎ ": Source")
            label_pair = (self._bare_label(draft, s) and j + 1 < len(lines) and texts[j + 1].startswith(":")) or (
                s.startswith(":") and self._bare_label(draft, texts[j - 1]))
            run = run + 1 if word_count(s) <= 3 and not ADDRESS.search(s) and not label_pair else 0
            if run >= 3:
                return j - 2
            if not furniture(draft).tailish.search(s) and not self.is_caption(draft, s) and (
                    word_count(s) > 3 or not self._continued(texts, j)):
                # also a lone UI word ("Comments", "News"); a bare label right above ("Redaktur", ":")
                # goes with what follows it
                while j - 1 > last_prose and self._bare_label(draft, texts[j - 1]):
                    j -= 1
                return j
            if s in header:
                return j  # the page's furniture again (the byline printed under the story)
        return len(lines)

    def _resumes(self, draft: Draft, texts: list[str], j: int) -> bool:
        """``resume_paragraphs`` prose paragraphs in a row, starting within ``max_gap`` lines of ``j``."""
        for k in range(j, min(len(texts), j + self.max_gap)):
            if all(self.is_prose(draft, t, min_words=self.end_prose_words)
                   for t in texts[k : k + self.resume_paragraphs]) and k + self.resume_paragraphs <= len(texts):
                return True
        return False

    def _list_heading(self, draft: Draft, texts: list[str], j: int) -> bool:
        """A heading followed by headlines, after which the story does not go on."""
        if self.heading_kind(draft, texts[j]) != "heading":
            return False
        k = j + 1
        while k < len(texts) and k - j <= self.max_box_items + 1:
            if self.is_prose(draft, texts[k]):
                return False  # a box inside the story
            k += 1
        return True
