"""Whole-page dumps: find where the story is, and label everything around it.

A scraper that dumps all the visible text of a page hands over menus, the title, a byline
and timestamps, photo captions and share buttons, then the story, then link blocks and a
footer. This stage only acts on such dumps (the story starts after several lines of other
material); on a body-only scrape it does nothing.

- The story starts at the first prose paragraph (a long line that ends like a sentence) that
  is not a standfirst: a prose line followed by the byline or timestamp is a teaser. A short
  dateline line right above it (``Jakarta -``) belongs to the story and is left to the prefix
  stage.
- The story ends after its last prose paragraph, at the first link-block heading or run of
  menu lines that follows it; what lies between (initials, inserts, tags) is left to the tail
  and insert stages.
- Above the story: the title (the headline nearest above the byline and timestamp), the
  byline, the published and updated timestamps, captions, link blocks and menus. Below it:
  link blocks (a heading with at least one headline under it) and everything else as noise.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

import regex

from ..dates import DateReading, _clock, date_reader
from ..draft import Draft, Findings, Line
from ..rulebook import define_rule
from .links import _meta
from .texture import capital_share, dense_runs, glued_teaser, story_run

__all__ = ["PageLayout"]

HEADER = define_rule("page:header", "noise", "a page dump's furniture above the story: menus, top bars, breadcrumbs")
FOOTER = define_rule("page:footer", "noise", "a page dump's furniture below the story: footers, share bars, menus")
TITLE = define_rule("page:title", "header", "the headline above the story (art.title)")
TITLE_REPEAT = define_rule("page:title-repeat", "header", "the headline printed again above the story")
PUBLISHED = define_rule("page:published", "header", "the publication timestamp near the title (art.published)")
UPDATED = define_rule("page:updated", "header", "the 'Diperbarui'/'Updated' timestamp (art.updated)")
BYLINE = define_rule("page:byline", "header", "the byline near the title (art.byline)")
HEADING = define_rule("page:heading", "link_block", "the heading of a block listing other articles")
TAB = define_rule("page:tab", "link_block", "a tab of a stack of link-block headings that owns a list")
ITEM = define_rule("page:item", "link_block", "a headline listed in a page's link block")
META = define_rule("page:meta", "link_block", "a category, time or count line under a headline in a link block")
TAGS = define_rule("page:tags", "noise", "a topic or tag list and its heading")
EMPTY_HEADING = define_rule("page:empty-heading", "noise", "a link-block heading whose list never loaded")
BOX_HEADING = define_rule("page:box-heading", "link_block", "the heading of a link box inside the story")
BOX_ITEM = define_rule("page:box-item", "link_block", "a headline in a link box inside the story")
CAPTION = define_rule("page:caption", "caption", "a caption or photo-credit line in the page's furniture")
PHOTO_CREDIT = define_rule("page:photo-credit", "caption", "a bare photo credit alone between two story lines")
CAPTION_CREDITED = define_rule("page:caption-credited", "caption",
                               "the rest of a caption whose credit an earlier stage took as a copyright mark")
_REGION = {"header": HEADER, "footer": FOOTER}
_SPECIAL = {"title": TITLE, "title-repeat": TITLE_REPEAT, "published": PUBLISHED, "updated": UPDATED, "byline": BYLINE}

_WORDS = regex.compile(r"\S+")
_GOES_ON = frozenset(",.;)")  # a line starting so goes on with the sentence the line before left open
_LINK_WORDS = 4  # a link's words broken onto a line of their own ("Wataru Endo", "Timnas Indonesia")
_CLOSERS = frozenset(".!?:;\"”")
_SENTENCE_END = regex.compile(r"[.!?\"”’)…:]\s*\Z")
_CLOSING = regex.compile(r"\p{L}[.!?][\"”’)]?\s*\Z")
_NUMBERED = regex.compile(r"\d{1,2}[.)]\s")
_NAME = regex.compile(r"\p{Lu}[\p{L}.'’-]*(?:[ \t\u00a0]+\p{Lu}[\p{L}.'’-]*){1,3}")
_BARE_WORDS = regex.compile(r"[\w&]+(?:[ \t\u00a0]+[\w&]+){4,}")


def _menu_run(s: str) -> bool:
    """Menu entries glued on one line: "Terkini Nasional Internasional Olahraga Pendidikan"."""
    return bool(_BARE_WORDS.fullmatch(s)) and sum(w[:1].isupper() for w in s.split()) >= 4
_ADDRESS = regex.compile(r"://|\bwww\.|\S@\S")
# "HOME » SHOWBIZ » FILM", "Profile | Foto | Berita", "Entries RSS | Comments RSS", "Filed under: Khawarij |"
# and a post's previous/next links "« Older post title »"
_CRUMB_SEPS = regex.compile(
    r"\s[»|>]\s.*\s[»|>]\s|\A(?:\S+\s){0,2}\S+\s\|\s(?:\S+\s){0,2}\S+\Z|\s\|\Z|\A«|»\Z")
_MENU_WORDS = regex.compile(r"[\p{L}&'’.-]+(?:[ \t\u00a0]+[\p{L}&'’.-]+){0,2}")  # "Contact Us", "Cookie Settings"
_LIST_NUMBER = regex.compile(r"\d{1,2}\.?")
_COUNT_LINE = regex.compile(r"[\p{L} ]{2,30} [-–|·] \d[\d.,]* \p{L}{2,12}")  # "Liga Italia - 1 komentar"
_CREDIT_MARK = regex.compile(r"©[ \t\u00a0]*\p{Lu}\p{Ll}")  # "© Name Caption …", not "© 2019 Site. All rights …"
_SEP_END = regex.compile(r"(?:--|—|–|-|:)\s*\Z")
# the shapes of page furniture; the words come from the locale ([page]) and the outlet catalogue
_BYLINE_SHAPE = r"\A(?:{lead})\b|\A[\p{{L}} .'’]{{3,60}}\s+-\s+\S+\Z|,\s*(?:{wires})\s*\Z|\A(?:{wires})\s*\Z"
_TAILISH_SHAPE = r"\A\s*(?:[(\[]|\p{{Ll}}|(?:{words})\b)|\A[\p{{Lu}} .]+\Z|\A[-–—_*=]+\Z|:\s*\S"
# a clock printed before the date: "Updated 12:24 am EST, Wednesday, November 20, 2019"
_LEAD_CLOCK = (r"\b(?P<hh>\d{{1,2}})[:.](?P<mm>\d{{2}})[ \t\u00a0]*(?:(?P<ampm>[AaPp])\.?[Mm]\.?)?[ \t\u00a0]*"
               r"(?P<tz>{tz})?\b[ \t\u00a0]*[,|/]?[ \t\u00a0]*(?:(?:{wd})\b\.?[ \t\u00a0]*,?[ \t\u00a0]*)?\Z")
# a breadcrumb: parts joined by ">" or "|", or a line opened by a crumb word ("Home", "Beranda") or
# closed by one of several words ("detikTravel Travel News Detail Artikel")
_CRUMBS_SHAPE = r"\s[>»|/]\s|\A(?:{words})\b|\b(?:{last})\Z"


@dataclass(frozen=True)
class _Furniture:
    byline: Any
    tailish: Any
    crumbs: Any
    credits: tuple[Any, ...]
    lead_clock: Any
    byline_label: Any
    footer: Any
    bare_credit: Any
    marker_lead: Any  # a line opened by an insert marker ("Baca: <headline>")
    marker_line: Any  # a line that is only an insert marker ("Baca juga:"): the story's, not the page's


def _alt(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted({w for w in words if w}, key=len, reverse=True)) or "(?!)"


def _furniture(draft: Draft) -> _Furniture:
    page = draft.locale.schema.page
    tail = draft.locale.tail
    wires = [a for e in draft.outlets.entries if e.agency for a in (*e.aliases, e.name)]
    return _Furniture(
        byline=regex.compile(_BYLINE_SHAPE.format(lead=_alt(page.byline_words), wires=_alt(wires)), regex.IGNORECASE),
        tailish=regex.compile(_TAILISH_SHAPE.format(
            words=_alt([*page.tail_words, *tail.credit_labels, *tail.source_labels]))),
        crumbs=regex.compile(_CRUMBS_SHAPE.format(
            words=_alt(page.breadcrumb_words), last=_alt([w for w in page.breadcrumb_words if " " in w]) or "(?!)")),
        byline_label=regex.compile(rf"(?:\A|\s)(?:{_alt(page.byline_words)})[ \t\u00a0]*:[ \t\u00a0]*\p{{Lu}}",
                                   regex.IGNORECASE),
        bare_credit=regex.compile(
            rf"(?:(?:{_alt(page.credit_lead_words)})[ \t\u00a0]*:?[ \t\u00a0]*)?"
            rf"(?:{_alt(draft.locale.schema.header.credit_sources)})(?:\.(?:com|co\.id|id|net|org))?\.?",
            regex.IGNORECASE),
        footer=regex.compile(rf"(?:{_alt(page.footer_words)})|©", regex.IGNORECASE),
        lead_clock=regex.compile(_LEAD_CLOCK.format(
            tz="|".join(sorted(map(regex.escape, draft.locale.dates.timezones), key=len, reverse=True)) or "(?!)",
            wd=draft.locale.weekday_alt), regex.IGNORECASE),
        credits=tuple(draft.locale.compile(c, rule=f"body_caption_credits[{i}]")
                      for i, c in enumerate(draft.locale.schema.header.body_caption_credits)),
        marker_lead=draft.locale.compile(
            rf"[ \t\u00a0]*(?:{draft.locale.marker_alt})[ \t\u00a0]*:", rule="page.marker_lead"),
        marker_line=draft.locale.compile(
            rf"[ \t\u00a0]*(?:{draft.locale.marker_alt})[ \t\u00a0]*:[ \t\u00a0]*", rule="page.marker_line"),
    )


def _furn(draft: Draft) -> _Furniture:
    return draft.derived("page", lambda: _furniture(draft))


def _link_words(text: str, ln: Line) -> bool:
    """A line holding only a link's few capitalised words, no sentence closed ("Wataru Endo")."""
    return (text[ln.lo : ln.lo + 1].isupper() and _words(text[ln.lo : ln.hi]) <= _LINK_WORDS
            and text[ln.hi - 1 : ln.hi] not in _CLOSERS)


def _words(s: str) -> int:
    return len(_WORDS.findall(s))


@dataclass(frozen=True)
class PageLayout:
    """Finds the story region of a whole-page dump and labels the page around it."""

    name: str = "page"
    min_lines: int = 12
    min_header_lines: int = 4
    stamp_prose_words: int = 4  # a longer line whose date is a small part of it is a sentence, not a stamp
    prose_words: int = 12
    long_words: int = 25
    max_gap: int = 8
    item_words: tuple[int, int] = (3, 30)
    stamp_words: int = 16
    block_item_words: int = 4
    unnamed_items: int = 3
    unnamed_item_words: int = 5
    max_heading_chars: int = 60
    max_box_items: int = 6
    end_prose_words: int = 12
    credit_words: int = 10
    closing_words: int = 4
    anchor_words: int = 10
    mega_sections: int = 3
    caption_words: int = 45
    menu_entries: int = 3
    menu_window: int = 8
    max_lead_meta: int = 4
    heading_extra_words: int = 2
    caption_echo: int = 3
    byline_reach: int = 24  # how far above the story a byline printed again under it is looked for
    title_reach: int = 4  # lines above the stamp (not counting prose) where the title is looked for
    standfirst_paragraphs: int = 2  # prose above the byline or timestamp, at most this many paragraphs, is a teaser
    story_share: float = 0.3  # the first prose run worth this share of the best one is the story
    junk_cost: float = 6.0  # what a line that is not prose costs the region around it, in words
    sentence_capital_share: float = 0.5  # a short line closed like a sentence, mostly lower case
    max_capital_share: float = 0.8  # a line with more capitalised words than this is a headline, not prose

    # ------------------------------------------------------------------ line kinds

    def _text(self, draft: Draft, line: Line) -> str:
        return draft.text[line.lo : line.hi]

    def is_caption(self, draft: Draft, s: str) -> bool:
        return len(s) <= 400 and any(r.regex.search(s) for r in draft.locale.caption_rules)

    def is_credit(self, draft: Draft, s: str) -> bool:
        """A bare photo credit line under a caption: ``Photo: Name, AP``, ``REUTERS/Name``."""
        return _words(s) <= self.credit_words and (
            self.is_caption(draft, s) or any(c.search(s) for c in _furn(draft).credits))

    def is_prose(self, draft: Draft, s: str, *, min_words: int | None = None) -> bool:
        n = _words(s)
        least = self.prose_words if min_words is None else min_words
        if n >= self.long_words or (n >= least and _SENTENCE_END.search(s)):
            return not self.is_caption(draft, s)
        return False

    def heading_kind(self, draft: Draft, s: str) -> str | None:
        key = " ".join(s.casefold().rstrip(":").split())
        if key in draft.locale.tag_headings:
            return "tags"
        if key in draft.locale.headings:
            return "heading"
        words = draft.locale.schema.links.heading_words
        if (words and _words(s) <= 6 and len(s) <= self.max_heading_chars and not s.rstrip().endswith(".")
                and not _menu_run(s)):
            # the word and at most two more ("Berita detikcom Lainnya", "Pilihan Untukmu"; "Name: Berita
            # Terkait"), not a section menu glued after it ("Terkini Gaya Hidup Senggang")
            tail = key.rsplit(": ", 1)[-1]
            if tail != key and tail in {w.casefold() for w in draft.locale.schema.links.topic_sections}:
                return "heading"  # "Nama Artis: Foto"
            found = [w.casefold() for w in words if w.casefold() in tail]
            if found and _words(tail) - max(_words(" ".join(found)), 1) <= self.heading_extra_words:
                return "heading"
        return None

    def is_item(self, s: str) -> bool:
        n = _words(s)
        lo, hi = self.item_words
        return lo <= n <= hi and not (s.endswith(".") and not s.endswith(("..", "…")))

    def timestamp(self, draft: Draft, line: Line) -> DateReading | None:
        """A header timestamp line: a date (and time) that is most of a short line."""
        if _words(self._text(draft, line)) > self.stamp_words:
            return None
        reading = date_reader(draft.locale).read_header(draft.text, line.lo, line.hi)
        if reading is None or reading.date is None:
            return None
        # the date must be most of the line (a byline may hold it too): not a headline that names a date
        s = self._text(draft, line)
        if (_words(s) > 8 and (reading.end - reading.start) < 0.4 * len(s) and not _furn(draft).byline.search(s)
                and not _furn(draft).byline_label.search(s)):
            return None
        return self._with_clock(draft, line.lo, reading)

    def _stamp_line(self, draft: Draft, line: Line) -> bool:
        """A timestamp line that is page furniture: the date most of it, not a sentence that ends with one
        ("Kisahnya terungkap saat Adnan ditemukan polisi Senin (9/6/2025).")."""
        reading = self.timestamp(draft, line)
        if reading is None:
            return False
        s = self._text(draft, line)
        return (_words(s) <= self.stamp_prose_words or (reading.end - reading.start) >= 0.4 * len(s)
                or bool(_furn(draft).byline.search(s)) or bool(_furn(draft).byline_label.search(s)))

    def _mostly_date(self, draft: Draft, line: Line) -> bool:
        """A timestamp line, not a headline that names a date ("Huawei P50 Diluncurkan Pada 23 Desember 2021")."""
        reading = self.timestamp(draft, line)
        return reading is not None and (reading.end - reading.start) >= 0.5 * (line.hi - line.lo)

    def _with_clock(self, draft: Draft, lo: int, reading: DateReading) -> DateReading:
        """``reading`` from ``lo`` on, with the time printed before its date if it has none."""
        if reading.time is None:
            m = _furn(draft).lead_clock.search(draft.text, lo, reading.start)
            time = _clock(m) if m else None
            if m and time is not None:
                tz = draft.locale.dates.timezones.get(m["tz"].upper()) if m["tz"] else None
                reading = replace(reading, start=m.start(), time=time, tz=tz)
        return reading

    # ------------------------------------------------------------------ the stage

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        lines = [ln for ln in draft.lines if not ln.blank and draft.is_free(ln.lo, ln.hi)]
        if len(lines) < self.min_lines:
            return found
        values = self._values(draft, lines)
        start = self._story_start(draft, lines, values)
        if start is None or start < self.min_header_lines or not self._looks_like_a_page(draft, lines[:start]):
            return found
        end = self._story_end(draft, lines, start)
        self._header(draft, found, lines[:start])
        self._boxes(draft, found, lines[start:end])
        # a bare photo credit between two paragraphs ("shutterstock"), not a word of a broken sentence
        # and not a source named at the end (the tail's business)
        texts = [self._text(draft, ln) for ln in lines]
        for k in range(start + 1, end - 1):
            if (_furn(draft).bare_credit.fullmatch(texts[k]) and not self._continued(texts, k)
                    and (_SENTENCE_END.search(texts[k - 1]) or self._subheading(draft, texts[k - 1]))
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
            if (rest and c.start > line.lo and _words(draft.text[line.lo : line.hi]) <= self.caption_words
                    and not _SENTENCE_END.search(draft.text[rest[0][0] : rest[0][1]])):
                for a, b in rest:
                    found.claim("caption", a, b, CAPTION_CREDITED)
        # the free rest of lines an earlier stage took in part ("Hearst Newspapers © Copyright …")
        for lo, hi in ((0, lines[start].lo), (lines[end].lo if end < len(lines) else len(draft.text), len(draft.text))):
            for a, b in found.free_parts(lo, hi):
                found.claim("noise", a, b, HEADER if lo == 0 else FOOTER)
        return found

    def _boxes(self, draft: Draft, found: Findings, lines: list[Line]) -> None:
        """A link box inside the story ("Related Coverage" and a few headlines, then the story goes on)."""
        i = 0
        while i < len(lines):
            s = self._text(draft, lines[i])
            key = " ".join(s.casefold().rstrip(":").split())
            if key in draft.locale.headings:
                j = i + 1
                while j < len(lines) and j - i <= self.max_box_items and self.is_item(self._text(draft, lines[j])) \
                        and not self.is_prose(draft, self._text(draft, lines[j])):
                    j += 1
                if j > i + 1 and j < len(lines) and self.is_prose(draft, self._text(draft, lines[j])):
                    block = lines[i].lo
                    found.claim("link_block", lines[i].lo, lines[i].hi, BOX_HEADING, block=block,
                                role="heading", heading=s.strip())
                    for ln in lines[i + 1 : j]:
                        found.claim("link_block", ln.lo, ln.hi, BOX_ITEM, block=block, role="item",
                                    title=self._text(draft, ln).strip())
                    i = j
                    continue
            i += 1

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
            if _furn(draft).marker_line.fullmatch(s):
                continue  # "Baca juga:" over a headline: an insert in a body scrape
            if self._stamp_line(draft, ln) or _furn(draft).byline.search(s) or self.heading_kind(draft, s):
                return True
            nxt = self._text(draft, head[i + 1]) if i + 1 < len(head) else ""
            if _words(s) <= 3 and s[:1].isupper() and nxt[:1].isupper():
                menu += 1
        return menu >= 8

    @staticmethod
    def _broken_piece(draft: Draft, ln: Line) -> bool:
        """A line that goes on from the one before, or that the next goes on from (", Selasa …",
        "Wataru Endo⏎menyebut timnya …": a link's words on a line of their own, the sentence going on)."""
        text = draft.text
        first = text[ln.lo : ln.lo + 1]
        if first in _GOES_ON:
            return True
        k = ln.index + 1  # the next line with words (not a slice: no copy of the rest per line)
        while k < len(draft.lines) and draft.lines[k].blank:
            k += 1
        nxt = text[draft.lines[k].lo : draft.lines[k].lo + 1] if k < len(draft.lines) else ""
        if nxt in _GOES_ON:
            return True
        # a capitalised link of a few words, the sentence going on in lower case on the next line (either
        # side of that break counts)
        if nxt.islower() and _link_words(text, ln):
            return True
        j = ln.index - 1
        while j >= 0 and draft.lines[j].blank:
            j -= 1
        if j < 0:
            return False
        prev = draft.lines[j]
        # the line before left its sentence open with a comma ("… kepada⏎Kompas.com,⏎Selasa (10/6/2025).")
        return text[prev.hi - 1 : prev.hi] == "," or (first.islower() and _link_words(text, prev))

    def _line_value(self, draft: Draft, line: Line, nxt: Line | None) -> float:
        """A line's worth as story text: its words when it reads as prose, else a fixed cost."""
        s = self._text(draft, line)
        n = _words(s)
        goes_on = nxt is not None and not _SENTENCE_END.search(s) and (
            draft.text[nxt.lo : nxt.lo + 1].islower() or draft.text[nxt.lo : nxt.lo + 1] in _GOES_ON)
        if goes_on or s[:1].islower() or self._broken_piece(draft, line):
            return 0.0  # a piece of a sentence broken at a link: the story's, no weight of its own
        caps = capital_share(s)
        if glued_teaser(s):
            return -self.junk_cost
        if self.is_prose(draft, s) and caps <= self.max_capital_share:
            return float(n)
        if _furn(draft).marker_lead.match(s) or (
                n >= self.closing_words and _CLOSING.search(s) and caps <= self.sentence_capital_share):
            return 0.0  # a short sentence, an insert ("Baca juga: …"): the story's, but no weight of its own
        return -self.junk_cost

    def _values(self, draft: Draft, lines: list[Line]) -> list[float]:
        return [self._line_value(draft, ln, lines[i + 1] if i + 1 < len(lines) else None)
                for i, ln in enumerate(lines)]

    def _story_start(self, draft: Draft, lines: list[Line], values: list[float]) -> int | None:
        runs = dense_runs(values)
        run = story_run(runs, self.story_share)
        first = self._first_prose(draft, lines, 0, standfirst=1)
        if first is None or run is None or (first < self.min_header_lines and run[0] < self.min_header_lines):
            return first  # the text opens with its story: a body scrape, not a page
        # else the story is the first dense run of prose, wherever it stands
        first = self._first_prose(draft, lines, run[0])
        if first is None:
            return None
        # prose above the post's own header (a sidebar or a menu with blurbs printed first) is not
        # the story: when what reads as the story ends before the first headline + timestamp pair
        # that prose follows, the story starts under that pair
        anchor = self._post_header(draft, lines)
        if (anchor is not None and anchor > first and anchor >= self._story_end(draft, lines, first)
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
            if _words(s) > self.anchor_words:
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
        while i < len(lines):
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
                if self.timestamp(draft, lines[k]) is not None or _furn(draft).byline.search(t):
                    # (past a second paragraph only when the story follows the stamp: not a link list's
                    # byline and date under the story's last paragraphs)
                    teaser = not more or any(self.is_prose(draft, self._text(draft, ln))
                                             for ln in lines[k + 1 : k + 1 + self.max_gap])
                    break
            if teaser:
                i += 1
                continue
            # a dateline printed alone just above the first paragraph belongs to the story
            if i > 0:
                prev = self._text(draft, lines[i - 1])
                if _words(prev) <= 6 and _SEP_END.search(prev):
                    return i - 1
            return i
        return None

    def _photo_caption(self, draft: Draft, lines: list[Line], i: int) -> bool:
        """A caption above the story: printed twice (the image and its gallery), or a bare credit under it."""
        s = self._text(draft, lines[i])
        after = [self._text(draft, ln) for ln in lines[i + 1 : i + 1 + self.caption_echo]]
        if _words(s) <= self.caption_words and any(c.search(s) for c in _furn(draft).credits):
            return True  # a caption that carries its photo credit ("KOMPAS.COM/NAME Penyidik …")
        return s in after or (bool(after) and self.is_credit(draft, after[0]))

    def _story_end(self, draft: Draft, lines: list[Line], start: int) -> int:
        texts = [self._text(draft, ln) for ln in lines]
        last_prose = start
        header = set(texts[:start])
        # a name printed near the title (the byline) and again under the story ends it
        names = {texts[k] for k in range(max(0, start - self.byline_reach), start) if _NAME.fullmatch(texts[k])
                 and self.heading_kind(draft, texts[k]) is None and not self._continued(texts, k)}
        # the page's copyright line: the story never goes on past it
        marks = sorted(c.start for c in draft.claims if c.kind == "noise" and c.why.endswith(":copyright")
                       and draft.line_at(c.start).lo == c.start)
        gap = 0
        listing = False  # inside a list a sentence introduced ("… meliputi:"): its points are not a gap
        for j in range(start + 1, len(lines)):
            s = texts[j]
            if s in names and not self._continued(texts, j):
                break
            k = bisect.bisect_left(marks, lines[j - 1].hi)
            if k < len(marks) and marks[k] < lines[j].lo and not (
                    # a photo credit opening a caption ("© Name Caption text …") with the story going on
                    self.is_prose(draft, s, min_words=self.end_prose_words)
                    and _CREDIT_MARK.match(draft.text, marks[k], draft.line_at(marks[k]).hi) is not None
                    and _words(draft.text[marks[k] : draft.line_at(marks[k]).hi]) <= self.caption_words):
                break
            if self.is_prose(draft, s, min_words=self.end_prose_words):
                last_prose, gap = j, 0
                listing = s.endswith(":")
                continue
            if s.endswith(":") and _words(s) >= 3 and j - last_prose <= 2:
                listing = True
            elif not (listing and _words(s) <= self.long_words and not _SENTENCE_END.search(s)):
                listing = False
                gap += 1
            if gap > self.max_gap:
                break
            if self._list_heading(draft, texts, j):
                break  # a link block that the story does not resume after
        # short closing sentences and numbered points right under the last paragraph are still the
        # story, and so is a short subheading over them ("Jawaban" / "1. …" / "Salah satunya …")
        j = last_prose + 1
        while j < len(lines) and lines[j].index - lines[j - 1].index <= 2:
            if self._closing_sentence(draft, texts[j]):
                last_prose = j
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
            run = run + 1 if _words(s) <= 3 and not _ADDRESS.search(s) else 0  # (a contact address is no menu)
            if run >= 3:
                return j - 2
            if not _furn(draft).tailish.search(s) and not self.is_caption(draft, s) and (
                    _words(s) > 3 or not self._continued(texts, j)):
                # also a lone UI word ("Comments", "News"); a bare label right above ("Redaktur", ":")
                # goes with what follows it
                while j - 1 > last_prose and self._bare_label(draft, texts[j - 1]):
                    j -= 1
                return j
            if s in header:
                return j  # the page's furniture again (the byline printed under the story)
        return len(lines)

    def _bare_label(self, draft: Draft, s: str) -> bool:
        key = s.rstrip(" :\t").casefold()
        return not key or not any(ch.isalnum() for ch in key) or key in {
            w.casefold() for w in (*draft.locale.tail.credit_labels, *draft.locale.tail.source_labels)}

    def _continued(self, texts: list[str], j: int) -> bool:
        """A short line that is part of the text: a numbered item, or a phrase the next line goes on from."""
        nxt = texts[j + 1] if j + 1 < len(texts) else ""
        return bool(_NUMBERED.match(texts[j])) or (nxt[:1] in ".,;)" if nxt else False) or nxt[:1].islower()

    def _closing_sentence(self, draft: Draft, s: str) -> bool:
        return (_words(s) >= self.closing_words and bool(_CLOSING.search(s))
                and (s[:1].isupper() or s[:1] in "\"“'‘" or bool(_NUMBERED.match(s)))
                and self.heading_kind(draft, s) is None and not self.is_caption(draft, s)
                and not _furn(draft).tailish.search(s))

    def _subheading(self, draft: Draft, s: str) -> bool:
        return (1 <= _words(s) <= 5 and s[:1].isupper() and not _SENTENCE_END.search(s) and not s.endswith(",")
                and self.heading_kind(draft, s) is None and not _furn(draft).tailish.search(s))

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

    # ------------------------------------------------------------------ above the story

    def _header(self, draft: Draft, found: Findings, lines: list[Line]) -> None:
        stamps: list[tuple[int, DateReading, bool]] = []
        updated_words = [w.casefold() for w in draft.locale.schema.page.updated_words]
        for i, ln in enumerate(lines):
            reading = self.timestamp(draft, ln)
            if reading is not None:
                low = self._text(draft, ln).casefold()
                at = reading.start - ln.lo
                # "Diperbarui 20 Des 2021": the word stands before the date ("… / Updated 8 hours ago" does not)
                stamps.append((i, reading, any(0 <= low.find(w) < at for w in updated_words)))
                # "Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m.": both stamps glued on one line
                after = [k for w in updated_words if (k := low.find(w, reading.end - ln.lo)) >= 0]
                if not stamps[-1][2] and after:
                    second = date_reader(draft.locale).read_header(draft.text, ln.lo + min(after), ln.hi)
                    if second is not None and second.date is not None:
                        second = replace(self._with_clock(draft, ln.lo + min(after), second), start=ln.lo + min(after))
                        stamps.append((i, second, True))
        bylines = [i for i, ln in enumerate(lines) if _furn(draft).byline.search(self._text(draft, ln))]
        # the byline/timestamp nearest the story marks the title: the headline next to it
        # the timestamp nearest the story (else the byline) marks the title: the headline next to it
        marks = [i for i, _, _ in stamps] or bylines
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
        ref = title_at if title_at is not None else anchor
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
            found.claim("header", ln.lo, cut, PUBLISHED, page_role="published", value=_stamp(published[1]))
            found.claim("header", cut, ln.hi, UPDATED, page_role="updated", value=_stamp(updated[1]))
        for pair, role in ((published, "published"), (updated, "updated")):
            if pair is not None:
                i, reading = pair
                special[i] = ("header", role, {"page_role": role, "value": _stamp(reading)})
        for i in bylines:
            if i not in special and ref is not None and abs(i - ref) <= 4:
                special[i] = ("header", "byline", {"page_role": "byline", "value": self._text(draft, lines[i])})
        self._blocks(draft, found, lines, special, region="header")

    def _title_like(self, draft: Draft, line: Line, min_words: int) -> bool:
        s = self._text(draft, line)
        return (self.is_item(s) and _words(s) >= min_words and self.heading_kind(draft, s) is None
                and not _furn(draft).byline.search(s) and self.timestamp(draft, line) is None
                and not self.is_caption(draft, s) and not s.endswith((",", ":")) and not _furn(draft).crumbs.search(s))

    def _title(self, draft: Draft, lines: list[Line], anchor: int | None) -> int | None:
        if anchor is not None:
            # the title is at most 4 lines above the stamp, not counting a standfirst or a photo caption
            # (prose) between them
            reach, top = 0, anchor
            while top > 0 and reach < self.title_reach:
                top -= 1
                reach += not self.is_prose(draft, self._text(draft, lines[top]), min_words=self.closing_words)
            # a breadcrumb sits above the title: nothing above it is the title ("Home > News" ⏎ timestamp ⏎ title)
            crumbs = [i for i in range(top, anchor) if _furn(draft).crumbs.search(self._text(draft, lines[i]))]
            top = crumbs[-1] + 1 if crumbs else top
            for min_words in (5, 3):
                near = [i for i in range(top, min(len(lines), anchor + 4))
                        if self._title_like(draft, lines[i], min_words)]
                above = [i for i in near if i < anchor]
                if above:
                    return above[-1]
                if near:
                    return near[0]
        texts = [self._text(draft, ln) for ln in lines]
        repeated = [i for i, t in enumerate(texts) if texts.count(t) > 1 and self._title_like(draft, lines[i], 4)]
        if repeated:
            return repeated[-1]
        return None

    # ------------------------------------------------------------------ blocks and noise

    def _blocks(self, draft: Draft, found: Findings, lines: list[Line],
                special: dict[int, tuple[str, str, dict[str, Any]]], *, region: str) -> None:
        """Label ``lines``: special lines as given, heading + headlines as link blocks, the rest noise."""
        text = draft.text
        block: int | None = None
        kind = ""
        members: list[tuple[Line, str]] = []

        def flush() -> None:
            if block is None:
                return
            # a heading over menu entries with a stray long line or two is a menu, not a list of headlines
            # (judged on the first lines under it: a page's footer menu often ends the last block)
            head = [(ln, role) for ln, role in members if role not in ("heading", "tab")][: self.menu_window]
            n_items = sum(role == "item" for _, role in head)
            while n_items and head[-1][1] != "item":  # menu lines after the last headline are the page's, not the box's
                head.pop()
            menu = sum(role == "meta" and _MENU_WORDS.fullmatch(text[ln.lo : ln.hi]) is not None for ln, role in head)
            # and the list starts right under the heading (not after a post's tag line, its previous/next
            # links and a comment count)
            lead = [role for _, role in members if role not in ("heading", "tab")]
            has_items = "item" in lead and lead.index("item") < self.max_lead_meta and not (
                menu >= self.menu_entries and menu > 2 * n_items)
            owners = self._tab_lists(draft, members)  # which heading each line's list belongs to
            for (ln, role), owner in zip(members, owners, strict=True):
                if kind == "tags" or not has_items:
                    found.claim("noise", ln.lo, ln.hi, TAGS if kind == "tags" else EMPTY_HEADING
                                if role == "heading" else _REGION[region])
                elif role == "heading" or (role == "tab" and owner == ln.lo):
                    found.claim("link_block", ln.lo, ln.hi, HEADING if role == "heading" else TAB,
                                block=owner, role="heading", heading=" ".join(text[ln.lo : ln.hi].split()))
                elif role == "item":
                    found.claim("link_block", ln.lo, ln.hi, ITEM, block=owner, role="item",
                                title=text[ln.lo : ln.hi].strip())
                else:
                    found.claim("link_block", ln.lo, ln.hi, META, block=owner, role="meta")

        texts = [self._text(draft, ln) for ln in lines]
        footer = _furn(draft).footer
        items = [self.is_item(t) and _words(t) >= self.block_item_words and not self.is_caption(draft, t)
                 and not self._mostly_date(draft, ln) and not footer.search(t) and not _CRUMB_SEPS.search(t)
                 and not _COUNT_LINE.fullmatch(t)
                 for t, ln in zip(texts, lines, strict=True)]
        counts: dict[str, int] = {}
        for t in texts:
            counts[t.casefold()] = counts.get(t.casefold(), 0) + 1
        texts_at = {ln.lo: t for ln, t in zip(lines, texts, strict=True)}
        open_keys = {w.casefold() for w in draft.locale.schema.links.open_headings}
        opened = {i for i, t in enumerate(texts[:-1]) if " ".join(t.casefold().split()) in open_keys
                  and _words(texts[i + 1]) <= 3 and not items[i + 1] and i + 1 not in special}
        joined = {i + 1 for i in opened}
        mega = self._mega_menu(texts, items, special)
        link_meta = draft.locale.derived("links.meta", lambda: _meta(draft.locale))
        metas = [bool(link_meta.fullmatch(t)) or self.timestamp(draft, ln) is not None
                 for t, ln in zip(texts, lines, strict=True)]
        for i, ln in enumerate(lines):
            s = texts[i]
            if i in special:
                flush()
                block, members = None, []
                k, why, data = special[i]
                found.claim(k, ln.lo, ln.hi, _SPECIAL[why], **data)  # type: ignore[arg-type]
                continue
            hk = self.heading_kind(draft, s) if counts[s.casefold()] < 3 else None  # "berita pilihan" x6: a label
            strong = self._strong(texts, items, i)
            if hk is None and i not in mega and (self._unnamed_heading(s, strong)
                                                 or self._unnamed_heading(s, self._dated(texts, items, metas, i))):
                # a short line over a list of headlines: "Info Keagamaan", "WHAT'S COOKING" (not the
                # last entry of a menu, over the headlines a mega-menu features)
                hk = "unnamed"
                if block is not None and kind == "heading" and all(role in ("heading", "tab") for _, role in members):
                    hk = None  # the first line under a heading still waiting for its list
                elif block is not None and any(texts_at[m.lo] == s for m, role in members if role == "meta"):
                    hk = None  # the line that opened this block's first list, opening the next ("+ indeks")
            if hk is not None and block is not None and i > 0 and _LIST_NUMBER.fullmatch(texts[i - 1]):
                hk = None  # a channel label under a list number ("4" / "Hot" / headline)
            if i in joined and block is not None and members and members[0][0].hi == ln.hi:
                continue  # the second line of a heading printed over two lines
            if hk is not None:
                if (block is not None and kind == hk and hk != "unnamed"
                        and all(role == "heading" for _, role in members)):
                    members.append((ln, "tab"))  # a tab stack: the first heading names the list shown
                    continue
                flush()
                block, kind, members = ln.lo, hk, [(ln, "heading")]
                if i in opened:  # the heading goes on on the next line: one heading over two lines
                    members = [(Line(ln.index, ln.start, lines[i + 1].end, ln.lo, lines[i + 1].hi), "heading")]
                continue
            if block is not None:
                members.append((ln, "item" if items[i] else "meta"))
                continue
            if self.is_caption(draft, s) or (_words(s) <= self.caption_words
                                             and any(c.search(s) for c in _furn(draft).credits)):
                found.claim("caption", ln.lo, ln.hi, CAPTION)
            else:
                found.claim("noise", ln.lo, ln.hi, _REGION[region])
        flush()

    def _tab_lists(self, draft: Draft, members: list[tuple[Line, str]]) -> list[int]:
        """The block (its heading's offset) of each member. A tab stack ("Terpopuler", "Terkomentari")
        over several lists gives one block per list shown, in order: a list starts again where the
        line that opened the first list recurs ("+ indeks"), the numbering restarts at 1, or after a
        line another stage took (a "Selengkapnya" link closing the list)."""
        text = draft.text
        tabs = [ln.lo for ln, role in members if role in ("heading", "tab")]
        owners: list[int] = []
        marker: str | None = None
        current, last_number = 0, 0
        prev_hi = 0
        for ln, role in members:
            closed = len(tabs) > 1 and marker is not None and not draft.is_free(prev_hi, ln.lo)
            prev_hi = ln.hi
            if role in ("heading", "tab"):
                owners.append(ln.lo if len(tabs) > 1 else tabs[0])
                continue
            key = " ".join(text[ln.lo : ln.hi].casefold().split())
            number = int(key.rstrip(".")) if key.rstrip(".").isdigit() and len(key) <= 3 else None
            if marker is None:
                marker = key
            elif key == marker or (number == 1 and last_number > 1) or closed:
                current += 1
            if number is not None:
                last_number = number
            owners.append(tabs[min(current, len(tabs) - 1)])
        # tabs whose lists are not shown (no headline) are not headings: their lines go to the list before
        shown = {o for o, (_, role) in zip(owners, members, strict=True) if role == "item"} | {tabs[0]}
        last = tabs[0]
        for k, o in enumerate(owners):
            if o in shown:
                last = o
            else:
                owners[k] = last
        return owners

    def _strong(self, texts: list[str], items: list[bool], i: int) -> list[bool]:
        return [_words(t) >= self.unnamed_item_words and items[i + 1 + k]
                for k, t in enumerate(texts[i + 1 : i + 1 + self.unnamed_items])]

    def _dated(self, texts: list[str], items: list[bool], metas: list[bool], i: int) -> list[bool]:
        """Like :meth:`_strong` for a list whose headlines each carry a date line ("Opini" / headline /
        "08/1/2026 05:10" / …): the headlines past the dates, when dates follow them; at most one of
        them may be short (a two-word column name)."""
        got: list[bool] = []
        dates = 0
        for k in range(i + 1, min(len(texts), i + 1 + 2 * self.unnamed_items + 2)):
            if metas[k]:
                dates += 1
                continue
            got.append(items[k] or _words(texts[k]) <= 3)
            if len(got) == self.unnamed_items:
                break
        if (dates < 2 or len(got) < self.unnamed_items or not (i + 2 < len(texts) and metas[i + 2])
                or not items[i + 1] or metas[i + 1]):
            return []
        return got

    def _mega_menu(self, texts: list[str], items: list[bool], special: dict[int, Any]) -> set[int]:
        """Short lines over headlines that each close a run of menu lines, when the page repeats that
        shape (a mega-menu features a few headlines under the last entry of every section)."""
        found = set()
        for i, s in enumerate(texts):
            if (i >= 2 and all(_words(texts[k]) <= 4 and not items[k] and k not in special for k in (i - 1, i - 2))
                    and self._unnamed_heading(s, self._strong(texts, items, i))):
                found.add(i)
        if len(found) < self.mega_sections:
            return set()
        # then every short line over headlines right under another short line is a menu entry
        return {i for i, s in enumerate(texts) if i >= 1 and _words(texts[i - 1]) <= 5 and i - 1 not in special
                and self._unnamed_heading(s, self._strong(texts, items, i))}

    def _unnamed_heading(self, s: str, following: list[bool]) -> bool:
        n = _words(s)
        return (1 <= n <= 4 and len(s) <= 40 and not _SENTENCE_END.search(s) and len(following) >= self.unnamed_items
                and all(following) and not any(ch.isdigit() for ch in s) and not s.endswith(",")
                and s[:1].isupper())

    def _trailer(self, draft: Draft, found: Findings, lines: list[Line]) -> None:
        if not lines:
            return
        before = len(found.claims)
        self._blocks(draft, found, lines, {}, region="footer")
        if len(found.claims) > before:
            first = min(found.claims[before:], key=lambda c: c.start)
            index = found.claims.index(first)
            found.claims[index] = type(first)(first.kind, first.start, first.end, first.why,
                                              {**first.data, "ends_body": True})


def _stamp(reading: DateReading) -> dt.datetime | dt.date | None:
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
