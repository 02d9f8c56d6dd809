"""What a page's lines are: prose, a caption, a heading, a headline, a timestamp, a byline's furniture."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ...dates import DateReading, clock_time, date_reader, zone_offset
from ...draft import Draft, Line
from .shapes import (
    ADDRESS,
    CLOSING,
    CRUMB_SEPS,
    GOES_ON,
    ISO_STAMP,
    MENU_DOTS,
    NUMBERED,
    SENTENCE_END,
    furniture,
    link_words,
    menu_run,
    word_count,
)
from .thresholds import Thresholds

__all__ = ["LineKinds"]


def iso_stamp(text: str, line: Line) -> DateReading | None:
    """A stamp written the ISO way, on any language's pages ("2018-08-16", "2018-08-16 10:20",
    "2019-11-19T12:48:14Z" in UTC)."""
    m = ISO_STAMP.search(text, line.lo, line.hi)
    if m is None:
        return None
    try:
        date = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        time = dt.time(int(m["hh"]), int(m["mm"])) if m["hh"] else None
    except ValueError:
        return None
    return DateReading(m.start(), m.end(), date, None, None, True, time, "+00:00" if m["z"] else None)


class LineKinds(Thresholds):
    """What one line of a page is, by its shape and the locale's words."""

    def _text(self, draft: Draft, line: Line) -> str:
        return draft.text[line.lo : line.hi]

    def is_caption(self, draft: Draft, s: str) -> bool:
        return len(s) <= 400 and any(r.regex.search(s) for r in draft.locale.caption_rules)

    def is_credit(self, draft: Draft, s: str) -> bool:
        """A bare photo credit line under a caption: ``Photo: Name, AP``, ``REUTERS/Name``."""
        return word_count(s) <= self.credit_words and (
            self.is_caption(draft, s) or any(c.search(s) for c in furniture(draft).credits))

    def is_prose(self, draft: Draft, s: str, *, min_words: int | None = None) -> bool:
        least = self.prose_words if min_words is None else min_words
        if len(s) < least and len(s) < self.long_words:
            return False  # fewer characters than words needed (word_count never exceeds len(s))
        n = word_count(s)
        if n >= self.long_words or (n >= least and SENTENCE_END.search(s)):
            return not self.is_caption(draft, s)
        return False

    def heading_kind(self, draft: Draft, s: str) -> str | None:
        key = " ".join(s.casefold().rstrip(":").split())
        if key in draft.locale.tag_headings:
            return "tags"
        if draft.locale.listed_heading(key):
            return "heading"
        words = draft.locale.schema.links.heading_words
        if (words and word_count(s) <= 6 and len(s) <= self.max_heading_chars and not s.rstrip().endswith(".")
                and not menu_run(s)):
            # the word and at most two more ("Berita detikcom Lainnya", "Pilihan Untukmu"; "Name: Berita
            # Terkait"), not a section menu glued after it ("Terkini Gaya Hidup Senggang")
            tail = key.rsplit(": ", 1)[-1]
            if tail != key and tail in {w.casefold() for w in draft.locale.schema.links.topic_sections}:
                return "heading"  # "Nama Artis: Foto"
            found = [w.casefold() for w in words if w.casefold() in tail]
            if found and word_count(tail) - max(word_count(" ".join(found)), 1) <= self.heading_extra_words:
                return "heading"
        return None

    def is_item(self, s: str) -> bool:
        n = word_count(s)
        lo, hi = self.item_words
        return lo <= n <= hi and not (s.endswith(".") and not s.endswith(("..", "…")))

    def timestamp(self, draft: Draft, line: Line) -> DateReading | None:
        """A header timestamp line: a date (and time) that is most of a short line."""
        if word_count(self._text(draft, line)) > self.stamp_words:
            return None
        reading = date_reader(draft.locale).read_header(draft.text, line.lo, line.hi) or iso_stamp(draft.text, line)
        if reading is None or reading.date is None:
            return None
        # the date must be most of the line (a byline may hold it too): not a headline that names a date
        s = self._text(draft, line)
        if (word_count(s) > 8 and (reading.end - reading.start) < 0.4 * len(s) and not furniture(draft).byline.search(s)
                and not furniture(draft).byline_label.search(s)):
            return None
        return self._with_clock(draft, line.lo, reading)

    def _stamp_line(self, draft: Draft, line: Line) -> bool:
        """A timestamp line that is page furniture: the date most of it, not a sentence that ends with one
        ("Kisahnya terungkap saat Adnan ditemukan polisi Senin (9/6/2025).")."""
        reading = self.timestamp(draft, line)
        if reading is None:
            return False
        s = self._text(draft, line)
        return (word_count(s) <= self.stamp_prose_words or (reading.end - reading.start) >= 0.4 * len(s)
                or bool(furniture(draft).byline.search(s)) or bool(furniture(draft).byline_label.search(s)))

    def _mostly_date(self, draft: Draft, line: Line) -> bool:
        """A timestamp line, not a headline that names a date ("Huawei P50 Diluncurkan Pada 23 Desember 2021")."""
        reading = self.timestamp(draft, line)
        return reading is not None and (reading.end - reading.start) >= 0.5 * (line.hi - line.lo)

    def _with_clock(self, draft: Draft, lo: int, reading: DateReading) -> DateReading:
        """``reading`` from ``lo`` on, with the time printed before its date if it has none."""
        if reading.time is None:
            m = furniture(draft).lead_clock.search(draft.text, lo, reading.start)
            time = clock_time(m) if m else None
            if m and time is not None:
                tz = zone_offset(draft.locale, m["tz"], reading.date)
                reading = replace(reading, start=m.start(), time=time, tz=tz)
        return reading

    def _looks_like_a_page(self, draft: Draft, head: list[Line]) -> bool:
        """Page furniture above the story: a timestamp, a byline, a block heading, or a menu.

        Short lines that continue each other (a link's words broken onto their own lines, the
        next starting in lower case) are not a menu. Where a third of the lines above the story
        are pieces of sentences broken at their links (``… kantor berita⏎AFP⏎, Selasa …``), the
        text is a body scrape, not a page: nothing there is furniture.
        """
        broken = [self._broken_piece(draft, ln) for ln in head]
        if sum(broken) >= max(2, len(head) // 3):
            return False
        menu = 0
        for i, ln in enumerate(head):
            if broken[i]:
                continue
            s = self._text(draft, ln)
            if furniture(draft).marker_line.fullmatch(s):
                continue  # "Baca juga:" over a headline: an insert in a body scrape
            if self._stamp_line(draft, ln) or furniture(draft).byline.search(s) or self.heading_kind(draft, s):
                return True
            nxt = self._text(draft, head[i + 1]) if i + 1 < len(head) else ""
            if word_count(s) <= 3 and s[:1].isupper() and nxt[:1].isupper():
                menu += 1
        return menu >= 8

    @staticmethod
    def _broken_piece(draft: Draft, ln: Line) -> bool:
        """A line that goes on from the one before, or that the next goes on from (", Selasa …",
        "Wataru Endo⏎menyebut timnya …": a link's words on a line of their own, the sentence going on)."""
        text = draft.text
        first = text[ln.lo : ln.lo + 1]
        if first in GOES_ON:
            return True
        k = ln.index + 1  # the next line with words (not a slice: no copy of the rest per line)
        while k < len(draft.lines) and draft.lines[k].blank:
            k += 1
        nxt = text[draft.lines[k].lo : draft.lines[k].lo + 1] if k < len(draft.lines) else ""
        if nxt in GOES_ON:
            return True
        # a capitalised link of a few words, the sentence going on in lower case on the next line (either
        # side of that break counts)
        if nxt.islower() and link_words(text, ln):
            return True
        j = ln.index - 1
        while j >= 0 and draft.lines[j].blank:
            j -= 1
        if j < 0:
            return False
        prev = draft.lines[j]
        # the line before left its sentence open with a comma ("… kepada⏎Kompas.com,⏎Selasa (10/6/2025).")
        return text[prev.hi - 1 : prev.hi] == "," or (first.islower() and link_words(text, prev))

    def _bare_label(self, draft: Draft, s: str) -> bool:
        key = s.rstrip(" :\t").casefold()
        return not key or not any(ch.isalnum() for ch in key) or key in {
            w.casefold() for w in (*draft.locale.tail.credit_labels, *draft.locale.tail.source_labels)}

    def _continued(self, texts: list[str], j: int) -> bool:
        """A short line that is part of the text: a numbered item, or a phrase the next line goes on from."""
        nxt = texts[j + 1] if j + 1 < len(texts) else ""
        return bool(NUMBERED.match(texts[j])) or (nxt[:1] in ".,;)" if nxt else False) or nxt[:1].islower()

    def _closing_sentence(self, draft: Draft, s: str) -> bool:
        return (word_count(s) >= self.closing_words and bool(CLOSING.search(s))
                and (s[:1].isupper() or s[:1] in "\"“'‘" or bool(NUMBERED.match(s)))
                and self.heading_kind(draft, s) is None and not self.is_caption(draft, s)
                and not furniture(draft).tailish.search(s))

    def _subheading(self, draft: Draft, s: str) -> bool:
        return (1 <= word_count(s) <= 5 and s[:1].isupper() and not SENTENCE_END.search(s) and not s.endswith(",")
                and self.heading_kind(draft, s) is None and not furniture(draft).tailish.search(s))

    def _title_like(self, draft: Draft, line: Line, min_words: int) -> bool:
        s = self._text(draft, line)
        return (self.is_item(s) and word_count(s) >= min_words and self.heading_kind(draft, s) is None
                and not furniture(draft).byline.search(s) and self.timestamp(draft, line) is None
                and not self.is_caption(draft, s) and not s.endswith((",", ":"))
                and not furniture(draft).crumbs.search(s)
                # (nor a separator closing it or parting short runs: "12 of 12 |", "Foto · TV · Konsultasi ·")
                and not CRUMB_SEPS.search(s) and not MENU_DOTS.search(s)
                and not ADDRESS.search(s))  # (a headline holds no web or mail address)
