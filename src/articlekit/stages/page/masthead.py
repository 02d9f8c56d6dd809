"""Above the story: the title, the byline, the published and updated timestamps."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from ...dates import DateReading, clock_time, date_reader, zone_offset
from ...draft import Draft, Findings, Line
from .blocks import LinkLists
from .rule_ids import PUBLISHED, UPDATED
from .shapes import furniture, word_count

__all__ = ["Masthead", "stamp"]


class Masthead(LinkLists):
    """Labels the lines above the story: title, byline, published and updated stamps, the rest as blocks."""

    def _header(self, draft: Draft, found: Findings, lines: list[Line]) -> None:
        stamps: list[tuple[int, DateReading, bool]] = []
        updated_words = [w.casefold() for w in draft.locale.schema.page.updated_words]
        for i, ln in enumerate(lines):
            reading = self.timestamp(draft, ln)
            if reading is not None:
                reading = self._clock_below(draft, lines, i, reading)
                low = self._text(draft, ln).casefold()
                at = reading.start - ln.lo
                # "Diperbarui 20 Des 2021": the word stands before the date ("… / Updated 8 hours ago" does not),
                # or alone on the line above it ("Dikemaskini" ⏎ "Mar 3, 2025 1:05pm")
                label = i > 0 and " ".join(self._text(draft, lines[i - 1]).casefold().strip(" :").split()) in \
                    updated_words
                stamps.append((i, reading, label or any(0 <= low.find(w) < at for w in updated_words)))
                # "Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m.": both stamps glued on one line
                after = [k for w in updated_words if (k := low.find(w, reading.end - ln.lo)) >= 0]
                if not stamps[-1][2] and after:
                    second = date_reader(draft.locale).read_header(draft.text, ln.lo + min(after), ln.hi)
                    if second is not None and second.date is not None:
                        second = replace(self._with_clock(draft, ln.lo + min(after), second), start=ln.lo + min(after))
                        stamps.append((i, second, True))
        bylines = [i for i, ln in enumerate(lines) if furniture(draft).byline.search(self._text(draft, ln))]
        # the byline/timestamp nearest the story marks the title: the headline next to it
        # the timestamp nearest the story (else the byline) marks the title: the headline next to it
        # (else a relative time printed under the headline: "2 days ago")
        relative = [i for i, ln in enumerate(lines)
                    if furniture(draft).relative_stamp.fullmatch(draft.text, ln.lo, ln.hi)]
        marks = [i for i, _, _ in stamps] or bylines or relative
        anchor = marks[-1] if marks else None
        for i in reversed(marks[:-1]):  # the top of the last cluster (not across a headline: a date bar
            # above the title is not the title's stamp)
            if anchor is not None and anchor - i <= 3 and not any(
                    self._title_like(draft, lines[k], 5) for k in range(i + 1, anchor)):
                anchor = i
            else:
                break
        title_at = self._title(draft, lines, anchor)
        published: tuple[int, DateReading] | None = None
        updated: tuple[int, DateReading] | None = None
        # (a title found far from the stamps, printed twice elsewhere, does not move them away)
        near = title_at is not None and (anchor is None or abs(title_at - anchor) <= self.max_gap)
        ref = title_at if near else anchor
        for i, reading, is_updated in sorted(stamps, key=lambda x: (abs(x[0] - (ref or 0)), x[1].time is None)):
            if ref is not None and abs(i - ref) > self.max_gap:
                continue  # a top-bar "today" date far from the title
            if is_updated and updated is None:
                updated = (i, reading)
            elif not is_updated and published is None:
                published = (i, reading)
        special: dict[int, tuple[str, str, dict[str, Any]]] = {}
        if title_at is not None:
            t = self._text(draft, lines[title_at])
            special[title_at] = ("header", "title", {"page_role": "title", "value": t})
            for i, ln in enumerate(lines):  # the title printed again elsewhere above the story
                if i != title_at and self._text(draft, ln) == t:
                    special.setdefault(i, ("header", "title-repeat", {}))
        if published is not None and updated is not None and published[0] == updated[0]:
            ln, cut = lines[published[0]], updated[1].start  # one line, two stamps: two claims
            found.claim("header", ln.lo, cut, PUBLISHED, page_role="published", value=stamp(published[1]))
            found.claim("header", cut, ln.hi, UPDATED, page_role="updated", value=stamp(updated[1]))
        for pair, role in ((published, "published"), (updated, "updated")):
            if pair is not None:
                i, reading = pair
                special[i] = ("header", role, {"page_role": role, "value": stamp(reading)})
        for i in bylines:
            if i not in special and ref is not None and abs(i - ref) <= 4:
                special[i] = ("header", "byline", {"page_role": "byline", "value": self._text(draft, lines[i])})
        self._blocks(draft, found, lines, special, region="header")

    def _standfirst_under(self, headline: str, below: str) -> bool:
        """A standfirst printed right under the headline: a longer line (``standfirst_words`` words or more,
        ``standfirst_ratio`` times the headline's)."""
        n = word_count(below)
        return n >= self.standfirst_words and n >= self.standfirst_ratio * word_count(headline)

    def _clock_below(self, draft: Draft, lines: list[Line], i: int, reading: DateReading) -> DateReading:
        """A date line with no time takes the time printed alone on the next line ("2:14 PM MYT")."""
        if reading.time is not None or i + 1 >= len(lines):
            return reading
        m = furniture(draft).clock_line.fullmatch(draft.text, lines[i + 1].lo, lines[i + 1].hi)
        time = clock_time(m) if m else None
        if m is None or time is None:
            return reading
        return replace(reading, time=time, tz=zone_offset(draft.locale, m["tz"], reading.date))

    def _title(self, draft: Draft, lines: list[Line], anchor: int | None) -> int | None:
        if anchor is not None:
            # the title is at most 4 lines above the stamp, not counting a standfirst or a photo caption
            # (prose) between them
            reach, top = 0, anchor
            while top > 0 and reach < self.title_reach:
                top -= 1
                reach += not self.is_prose(draft, self._text(draft, lines[top]), min_words=self.closing_words)
            # a breadcrumb sits above the title: nothing above it is the title ("Home > News" ⏎ timestamp ⏎ title)
            crumbs = [i for i in range(top, anchor) if furniture(draft).crumbs.search(self._text(draft, lines[i]))]
            top = crumbs[-1] + 1 if crumbs else top
            for min_words in (5, 3):
                near = [i for i in range(top, min(len(lines), anchor + 4))
                        if self._title_like(draft, lines[i], min_words)]
                above = [i for i in near if i < anchor]
                if len(above) >= 2 and above[-2] == above[-1] - 1 and self._standfirst_under(
                        self._text(draft, lines[above[-2]]), self._text(draft, lines[above[-1]])):
                    return above[-2]  # the headline, over its standfirst
                if above:
                    return above[-1]
                if near:
                    return near[0]
        texts = [self._text(draft, ln) for ln in lines]
        repeated = [i for i, t in enumerate(texts) if texts.count(t) > 1 and self._title_like(draft, lines[i], 4)]
        if repeated:
            return repeated[-1]
        return None


def stamp(reading: DateReading) -> dt.datetime | dt.date | None:
    """A header reading as LABELS.md writes it: date only, naive time, or time with its zone."""
    if reading.date is None:
        return None
    if reading.time is None:
        return reading.date
    stamp = dt.datetime.combine(reading.date, reading.time)
    if reading.tz:
        sign = -1 if reading.tz.startswith("-") else 1
        hours, minutes = reading.tz[1:].split(":")
        stamp = stamp.replace(tzinfo=dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes))))
    return stamp

