"""Reading Indonesian (and other locale) dates without guessing.

python-dateutil alone misreads Indonesian dates (``Senin, 3 Januari 2022`` becomes March 1st,
because it knows no Indonesian words). Here the locale's weekday and month tables become a
dateutil :class:`~dateutil.parser.parserinfo`, regexes find the date's parts first, and a
date with no year is never completed: its known part is kept as ``--MM-DD``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import regex
from dateutil import parser as du_parser

from .rules import Locale

__all__ = ["DateReader", "DateReading", "clock_time", "date_reader", "make_parserinfo", "zone_alt", "zone_offset"]

# where a time zone's name ends: a word boundary, or a capitalised word glued on by an extractor
# ("7:55 AM UTCUpdated ago"), or a number glued on ("9:08 GMT1 day ago")
_ZONE_END = r"(?:\b|(?-i:(?=\p{Lu}\p{Ll}))|(?=\d))"


def make_parserinfo(locale: Locale) -> du_parser.parserinfo:
    """A dateutil ``parserinfo`` whose word tables come from ``locale`` (day first)."""
    dates = locale.dates
    weekdays = [tuple(group) for group in dates.weekdays]
    months = [tuple(group) for group in dates.months]
    jump = [*du_parser.parserinfo.JUMP, *dates.skip]
    tzoffset = {name: _offset_seconds(offset) for name, offset in dates.timezones.items()}

    class LocaleParserInfo(du_parser.parserinfo):
        WEEKDAYS = weekdays  # type: ignore[assignment]  # the stubs allow only 2- or 3-spelling tuples
        MONTHS = months  # type: ignore[assignment]
        JUMP = jump
        TZOFFSET = tzoffset

    return LocaleParserInfo(dayfirst=True, yearfirst=False)


def _offset_seconds(offset: str) -> int:
    sign = -1 if offset.startswith("-") else 1
    hours, minutes = offset[1:].split(":")
    return sign * (int(hours) * 3600 + int(minutes) * 60)


@dataclass(frozen=True)
class DateReading:
    """A date read from text: ``date`` when complete, else ``partial`` (``--MM-DD``)."""

    start: int
    end: int
    date: dt.date | None
    partial: str | None
    weekday: int | None
    weekday_ok: bool
    time: dt.time | None = None
    tz: str | None = None


def _clock(m: Any) -> dt.time | None:
    """The time in a match's ``hh``/``mm``/``ampm`` groups (``5:52 PM`` → 17:52), if it is one."""
    if m["hh"] is None:
        return None
    hh = int(m["hh"])
    if m["ampm"]:
        hh = hh % 12 + (12 if m["ampm"].lower() == "p" else 0)
    try:
        return dt.time(hh, int(m["mm"]))
    except ValueError:
        return None


def zone_alt(locale: Locale) -> str:
    """The locale's zone names as one alternation, longest first (``(?!)`` when there are none)."""
    names = [*locale.dates.timezones, *locale.dates.us_zones]
    return "|".join(sorted(map(regex.escape, names), key=len, reverse=True)) or "(?!)"


def _us_daylight(day: dt.date) -> bool:
    """US daylight time: from the second Sunday of March to the first Sunday of November."""
    start = dt.date(day.year, 3, 8 + (6 - dt.date(day.year, 3, 8).weekday()) % 7)
    end = dt.date(day.year, 11, 1 + (6 - dt.date(day.year, 11, 1).weekday()) % 7)
    return start <= day < end


def zone_offset(locale: Locale, name: str | None, day: dt.date | None) -> str | None:
    """The UTC offset of a zone as printed (``WIB``, ``EST``; ``ET`` on ``day``), or ``None``."""
    if not name:
        return None
    key = name.upper()
    fixed = locale.dates.timezones.get(key)
    if fixed is not None:
        return fixed
    pair = locale.dates.us_zones.get(key)
    if pair is None or day is None:
        return None
    return pair[1] if _us_daylight(day) else pair[0]


def clock_time(m: Any) -> dt.time | None:
    """The time in a match's ``hh``/``mm``/``ampm`` groups, for patterns of other modules (the page stage's)."""
    return _clock(m)


class DateReader:
    """Finds and reads dates written the locale's way."""

    def __init__(self, locale: Locale) -> None:
        self.locale = locale
        self.info = make_parserinfo(locale)
        wd = locale.weekday_alt
        mon = locale.month_alt
        tz = zone_alt(locale)
        sp = r"[ \t\u00a0]"
        # the part of the day between a weekday and its date ("Selasa sore 17 Juni 2025"): one optional
        # word group after the weekday's own spaces, so no two runs of spaces meet
        parts = "|".join(regex.escape(w).replace(r"\ ", f"{sp}+")
                         for w in sorted(locale.dates.day_parts, key=len, reverse=True))
        part = rf"(?:(?:{parts})\b{sp}*)?" if parts else ""
        # (``{sp}*(?:,{sp}*)?``, not ``{sp}*,?{sp}*``: two adjacent runs of spaces backtrack quadratically)
        # "Rabu (20/10/2021)", "Selasa, (7/7/2015)", "Senin (11/12)", "(17 /4/ 2015)", "Rabu petang (18/6/2025)"
        self.weekday_paren = regex.compile(
            rf"\b(?P<wd>{wd})\b{sp}*{part}(?:,{sp}*)?\({sp}*(?P<d>\d{{1,2}}){sp}*/{sp}*(?P<m>\d{{1,2}})"
            rf"(?:{sp}*/{sp}*(?P<y>\d{{4}}|\d{{2}}))?{sp}*\)",
            regex.IGNORECASE,
        )
        # "Rabu, 5 November 2025", "Sabtu 23 April 2016", "Jumat, 6 Juni 2025"
        self.weekday_long = regex.compile(
            rf"\b(?P<wd>{wd})\b{sp}*{part}(?:,{sp}*)?\(?(?P<d>\d{{1,2}}){sp}+(?P<mon>{mon})\.?{sp}+(?P<y>\d{{4}})\b\)?",
            regex.IGNORECASE,
        )
        # a header timestamp: "Rabu, 20 Oktober 2021 | 14:30 WIB", "Selasa 27 Sep 2022 21:15 WIB",
        # "Rabu, 11/07/2012 21:59 WIB", "12/7/2024 08:30", "03.03.2025 10:15"
        self.header = regex.compile(
            rf"(?:(?P<wd>{wd})\b{sp}*(?:,{sp}*)?)?"
            rf"(?:(?P<d>\d{{1,2}}){sp}+(?P<mon>{mon})\.?,?{sp}+(?P<y>\d{{4}})"
            rf"|(?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})/(?P<y2>\d{{4}}|\d{{2}})"
            rf"|(?P<d2>\d{{1,2}})\.(?P<m2>\d{{1,2}})\.(?P<y2>\d{{4}}))"
            rf"(?:{sp}*(?:,|\||–|-|/|@){sp}*|{sp}+)?"
            rf"(?:(?P<hh>\d{{1,2}})[:.](?P<mm>\d{{2}})(?:{sp}*(?P<ampm>[AaPp])\.?[Mm]\.?)?(?:{sp}*(?P<tz>{tz}){_ZONE_END})?)?",
            regex.IGNORECASE,
        )
        # US order, in English pages: "January 19, 2020 / 12:25 PM", "Nov. 20, 2019 5:52 AM EST",
        # "April 25, 20232:26 PM GMT+2" (year and time glued), "April 28, 2023 GMT", "November 19th, 2019 at 8:40 AM",
        # "November 20th, 2019 - 07:50 GMT",
        # "Mac 3, 2025 @ 10:15am", "Mar. 3, 2025, at 10:15 a.m. EST", "Mar 03, 2025 10:15 AM +08" (an offset alone)
        self.header_us = regex.compile(
            rf"(?P<mon>{mon})\.?{sp}+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?{sp}*(?P<y>\d{{4}})"
            rf"(?:{sp}*(?:(?:,{sp}*)?(?:/|,|at|@|\||-|–){sp}*)?(?P<hh>\d{{1,2}})[:.](?P<mm>\d{{2}})(?:{sp}*(?P<ampm>[AaPp])\.?[Mm]\.?)?)?"
            rf"(?:{sp}*(?P<tz>{tz}){_ZONE_END}(?P<off>[+-]\d{{1,2}})?|{sp}+(?P<off>[+-]\d{{2}})(?::?00)?\b)?",
            regex.IGNORECASE,
        )
        # "pukul 14.30 WIB", "14:30 WITA": a time with its zone
        self.clock = regex.compile(
            rf"(?:\b(?:pukul|pkl\.?|jam)\s+)?\b(?P<hh>[01]?\d|2[0-3])[:.](?P<mm>[0-5]\d)\s*(?P<tz>{tz})\b",
            regex.IGNORECASE,
        )
        # English wire datelines: "May 4, 2010", "Jan 9", "Oct. 18, 2018"; Utusan "21 Ogos"
        self.month_day = regex.compile(
            rf"(?P<mon>{mon})\.?{sp}+(?P<d>\d{{1,2}})(?:,?{sp}+(?P<y>\d{{4}}))?\b", regex.IGNORECASE
        )
        self.day_month = regex.compile(
            rf"(?P<d>\d{{1,2}}){sp}+(?P<mon>{mon})\.?(?:{sp}+(?P<y>\d{{4}}))?\b", regex.IGNORECASE
        )

    # ------------------------------------------------------------------ helpers

    def year(self, text: str | None) -> int | None:
        if not text:
            return None
        y = int(text)
        return self.locale.dates.century + y if len(text) == 2 else y

    def month(self, word: str) -> int | None:
        return self.locale.month_index.get(word.casefold().rstrip("."))

    def weekday(self, word: str | None) -> int | None:
        return None if not word else self.locale.weekday_index.get(word.casefold())

    def build(self, start: int, end: int, day: int, month: int | None, year: int | None,
              weekday: int | None, *, long_form: str | None = None) -> DateReading | None:
        """A reading from parts; ``None`` when the parts are not a real date."""
        if month is None or not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        partial = f"--{month:02d}-{day:02d}"
        if year is None:
            return DateReading(start, end, None, partial, weekday, True)
        date: dt.date | None
        try:
            if long_form is not None:
                # the month is a word: let dateutil read it with the locale's tables
                date = du_parser.parse(long_form, parserinfo=self.info, default=dt.datetime(year, 1, 1)).date()
                if (date.year, date.month, date.day) != (year, month, day):
                    date = dt.date(year, month, day)
            else:
                date = dt.date(year, month, day)
        except (ValueError, OverflowError):
            return None
        ok = weekday is None or date.weekday() == weekday
        return DateReading(start, end, date, None, weekday, ok)

    # ------------------------------------------------------------------ finders

    def find_news_date(self, text: str, start: int, end: int) -> DateReading | None:
        """The first weekday-led date in ``text[start:end]`` (``Rabu (20/10/2021)``, ``Jumat, 6 Juni 2025``)."""
        best: DateReading | None = None
        m = self.weekday_paren.search(text, start, end)
        if m:
            best = self.build(m.start(), m.end(), int(m["d"]), int(m["m"]), self.year(m["y"]),
                              self.weekday(m["wd"]))
        m2 = self.weekday_long.search(text, start, end)
        if m2 and (best is None or m2.start() < best.start):
            long_form = f"{m2['d']} {m2['mon']} {m2['y']}"
            reading = self.build(m2.start(), m2.end(), int(m2["d"]), self.month(m2["mon"]), int(m2["y"]),
                                 self.weekday(m2["wd"]), long_form=long_form)
            if reading is not None:
                best = reading
        return best

    def read_header(self, text: str, start: int, end: int) -> DateReading | None:
        """A header timestamp anywhere in ``text[start:end]``, with time and zone when shown."""
        us = self._read_us(text, start, end)
        if us is not None:
            return us
        for m in self.header.finditer(text, start, end):
            if m["d"]:
                reading = self.build(m.start(), m.end(), int(m["d"]), self.month(m["mon"]), int(m["y"]),
                                     self.weekday(m["wd"]))
            else:
                reading = self.build(m.start(), m.end(), int(m["d2"]), int(m["m2"]), self.year(m["y2"]),
                                     self.weekday(m["wd"]))
            if reading is None:
                continue
            time = _clock(m)
            tz = zone_offset(self.locale, m["tz"], reading.date)
            return DateReading(reading.start, m.end(), reading.date, reading.partial, reading.weekday,
                               reading.weekday_ok, time, tz)
        return None

    def _read_us(self, text: str, start: int, end: int) -> DateReading | None:
        m = self.header_us.search(text, start, end)
        if m is None:
            return None
        reading = self.build(m.start(), m.end(), int(m["d"]), self.month(m["mon"]), int(m["y"]), None)
        if reading is None:
            return None
        time = _clock(m)
        tz = None
        if time is not None and (m["tz"] or m["off"]):
            tz = zone_offset(self.locale, m["tz"], reading.date)
            if m["off"]:
                off = int(m["off"])
                tz = f"{'-' if m['off'].startswith('-') else '+'}{abs(off):02d}:00"
        return DateReading(reading.start, m.end(), reading.date, None, None, True, time, tz)

    def find_time(self, text: str, start: int, end: int) -> tuple[dt.time, str | None] | None:
        """The first time with a zone (``pukul 14.30 WIB``) in ``text[start:end]``: time and UTC offset."""
        m = self.clock.search(text, start, end)
        if m is None:
            return None
        return dt.time(int(m["hh"]), int(m["mm"])), self.locale.dates.timezones.get(m["tz"].upper())

    def read_month_day(self, fragment: str) -> tuple[dt.date | None, str | None]:
        """``May 4, 2010`` / ``Jan 9`` / ``21 Ogos`` → (date or None, partial or None)."""
        m = self.month_day.search(fragment) or self.day_month.search(fragment)
        if not m:
            return None, None
        reading = self.build(m.start(), m.end(), int(m["d"]), self.month(m["mon"]), self.year(m["y"]), None)
        if reading is None:
            return None, None
        return reading.date, reading.partial


_READERS: dict[int, DateReader] = {}


def date_reader(locale: Locale) -> DateReader:
    """The (cached) :class:`DateReader` for ``locale``."""
    key = id(locale)
    reader = _READERS.get(key)
    if reader is None or reader.locale is not locale:
        reader = DateReader(locale)
        _READERS[key] = reader
    return reader
