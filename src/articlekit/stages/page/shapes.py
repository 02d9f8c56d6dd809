"""The shapes of page furniture, and the patterns a page's locale and outlets make of them.

Only shapes live here; the words (byline leads, breadcrumb and footer words, credit sources) come
from the locale's ``[page]`` table and the outlet catalogue, compiled once per draft by
:func:`furniture`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from ...dates import zone_alt
from ...draft import Draft, Line
from ...rules.patterns import word_alternation as _alt

__all__ = [
    "ADDRESS",
    "CLOSERS",
    "CLOSING",
    "COUNT_LINE",
    "CREDIT_MARK",
    "CRUMB_SEPS",
    "GOES_ON",
    "ISO_STAMP",
    "LINK_WORDS",
    "LIST_NUMBER",
    "MENU_DOTS",
    "MENU_WORDS",
    "NAME",
    "NUMBERED",
    "SENTENCE_END",
    "SEP_END",
    "UNSPACED",
    "WORDS",
    "Furniture",
    "furniture",
    "link_words",
    "menu_run",
    "word_count",
]

WORDS = regex.compile(r"\S+")
GOES_ON = frozenset(",.;)")  # a line starting so goes on with the sentence the line before left open
LINK_WORDS = 4  # a link's words broken onto a line of their own ("Wataru Endo", "Timnas Indonesia")
CLOSERS = frozenset(".!?:;\"”")
SENTENCE_END = regex.compile(r"[.!?\"”’)…:。！？」]\s*\Z")
CLOSING = regex.compile(r"\p{L}[.!?。！？][\"”’)」]?\s*\Z")
ISO_STAMP = regex.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?:[ T](?P<hh>\d\d):(?P<mm>\d\d)(?::\d\d)?(?P<z>Z)?)?(?!\d)")
UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")
NUMBERED = regex.compile(r"\d{1,2}[.)]\s")
NAME = regex.compile(r"\p{Lu}[\p{L}.'’-]*(?:[ \t\u00a0]+\p{Lu}[\p{L}.'’-]*){1,3}")
BARE_WORDS = regex.compile(r"[\w&]+(?:[ \t\u00a0]+[\w&]+){4,}")


def menu_run(s: str) -> bool:
    """Menu entries glued on one line: "Terkini Nasional Internasional Olahraga Pendidikan"."""
    return bool(BARE_WORDS.fullmatch(s)) and sum(w[:1].isupper() for w in s.split()) >= 4
ADDRESS = regex.compile(r"://|\bwww\.|\S@\S")
# "HOME » SHOWBIZ » FILM", "Profile | Foto | Berita", "Entries RSS | Comments RSS", "Filed under: Khawarij |"
# and a post's previous/next links "« Older post title »"
CRUMB_SEPS = regex.compile(
    r"\s[»|>]\s.*\s[»|>]\s|\A(?:\S+\s){0,2}\S+\s\|\s(?:\S+\s){0,2}\S+\Z|\s\|\Z|\A«|»\Z")
# menu entries parted by middle dots: "SolusiUKM · Market Research · Foto ·" (two dots, or one closing the line)
MENU_DOTS = regex.compile(r"\s·\s[^\n]*?\s·|·[ \t\u00a0]*\Z")
MENU_WORDS = regex.compile(r"[\p{L}&'’.-]+(?:[ \t\u00a0]+[\p{L}&'’.-]+){0,2}")  # "Contact Us", "Cookie Settings"
LIST_NUMBER = regex.compile(r"\d{1,2}\.?")
COUNT_LINE = regex.compile(r"[\p{L} ]{2,30} [-–|·] \d[\d.,]* \p{L}{2,12}")  # "Liga Italia - 1 komentar"
CREDIT_MARK = regex.compile(r"©[ \t\u00a0]*\p{Lu}\p{Ll}")  # "© Name Caption …", not "© 2019 Site. All rights …"
SEP_END = regex.compile(r"(?:--|—|–|-|:)\s*\Z")
# a paragraph opened by a dateline in capitals: "KUALA SELANGOR: …", "JAKARTA - …", "DOLORES, Mexico (AP) — …"
DATELINE_LEAD = regex.compile(r"\p{Lu}{2,}(?:[ /.\-]\p{Lu}{2,}){0,3}(?:,[^\n:()]{1,40}?)?(?:[ \t]*\([^()\n]{1,30}\))?"
                              r"[ \t]*(?::|--|—|–|-)[ \t]+[\p{Lu}\d\"“]")
# the shapes of page furniture; the words come from the locale ([page]) and the outlet catalogue
BYLINE_SHAPE = (r"\A(?:{lead})\b|\A[\p{{L}} .'’]{{3,60}}\s+-\s+\S+\Z|,\s*(?:{wires})\s*\Z|\A(?:{wires})\s*\Z"
                # a name and the writer's role after a comma: "Name Name, AP Auto Writer", "…, Editor-at-large"
                r"|\A[\p{{L}} .'’-]{{3,60}},[\p{{L}} .'’-]{{0,40}}?\b(?:{roles})\s*\Z")
TAILISH_SHAPE = r"\A\s*(?:[(\[]|\p{{Ll}}|(?:{words})\b)|\A[\p{{Lu}} .]+\Z|\A[-–—_*=]+\Z|:\s*\S"
# a clock printed before the date: "Updated 12:24 am EST, Wednesday, November 20, 2019"; a 24-hour clock
# written without a colon before its zone, the same time in a second zone in parentheses after it:
# "Updated 1909 GMT (0309 HKT) March 3, 2024"
LEAD_CLOCK = (r"\b(?P<hh>\d{{1,2}})(?:[:.](?P<mm>\d{{2}})|(?P<mm>\d{{2}})(?=[ \t\u00a0]*(?:{tz})\b))"
               r"[ \t\u00a0]*(?:(?P<ampm>[AaPp])\.?[Mm]\.?)?[ \t\u00a0]*"
               r"(?P<tz>{tz})?\b(?:[ \t\u00a0]*\([^()\n]{{1,24}}\))?"
               r"[ \t\u00a0]*[,|/]?[ \t\u00a0]*(?:(?:{wd})\b\.?[ \t\u00a0]*,?[ \t\u00a0]*)?\Z")
# a line that is only a clock, under a date line that has none ("Monday, 03 Mar 2025" ⏎ "2:14 PM MYT")
CLOCK_LINE = (r"[ \t\u00a0]*(?P<hh>\d{{1,2}})[:.](?P<mm>\d{{2}})[ \t\u00a0]*(?:(?P<ampm>[AaPp])\.?[Mm]\.?)?"
              r"(?:[ \t\u00a0]*(?P<tz>{tz})\b)?[ \t\u00a0]*")
# a breadcrumb: parts joined by ">" or "|", or a line opened by a crumb word ("Home", "Beranda") or
# closed by one of several words ("detikTravel Travel News Detail Artikel")
CRUMBS_SHAPE = r"\s[>»|/]\s|\A(?:{words})\b|\b(?:{last})\Z"


@dataclass(frozen=True)
class Furniture:
    byline: Any
    tailish: Any
    crumbs: Any
    credits: tuple[Any, ...]
    lead_clock: Any
    clock_line: Any
    relative_stamp: Any  # a line that is only a relative time ("2 days ago", "3 jam lalu")
    byline_label: Any
    footer: Any
    bare_credit: Any
    marker_lead: Any  # a line opened by an insert marker ("Baca: <headline>")
    marker_line: Any  # a line that is only an insert marker ("Baca juga:"): the story's, not the page's



def _build(draft: Draft) -> Furniture:
    page = draft.locale.schema.page
    tail = draft.locale.tail
    wires = [a for e in draft.outlets.entries if e.agency for a in (*e.aliases, e.name)]
    return Furniture(
        byline=regex.compile(BYLINE_SHAPE.format(lead=_alt(page.byline_words), wires=_alt(wires),
                                                 roles=_alt(page.byline_roles)), regex.IGNORECASE),
        tailish=regex.compile(TAILISH_SHAPE.format(
            words=_alt([*page.tail_words, *tail.credit_labels, *tail.source_labels]))),
        crumbs=regex.compile(CRUMBS_SHAPE.format(
            words=_alt(page.breadcrumb_words), last=_alt([w for w in page.breadcrumb_words if " " in w]) or "(?!)")),
        byline_label=regex.compile(rf"(?:\A|\s)(?:{_alt(page.byline_words)})[ \t\u00a0]*:[ \t\u00a0]*\p{{Lu}}",
                                   regex.IGNORECASE),
        bare_credit=regex.compile(
            rf"(?:(?:{_alt(page.credit_lead_words)})[ \t\u00a0]*:?[ \t\u00a0]*)?"
            rf"(?:{_alt(draft.locale.schema.header.credit_sources)})(?:\.(?:com|co\.id|id|net|org))?\.?",
            regex.IGNORECASE),
        footer=regex.compile(rf"(?:{_alt(page.footer_words)})|©", regex.IGNORECASE),
        lead_clock=regex.compile(LEAD_CLOCK.format(
            tz=zone_alt(draft.locale),
            wd=draft.locale.weekday_alt), regex.IGNORECASE),
        clock_line=regex.compile(CLOCK_LINE.format(tz=zone_alt(draft.locale)), regex.IGNORECASE),
        relative_stamp=regex.compile(
            rf"[ \t\u00a0]*\d{{1,3}}[ \t\u00a0]+(?:{_alt(draft.locale.schema.links.time_units)})[ \t\u00a0]+"
            rf"(?:{_alt(draft.locale.schema.links.ago_words)})[ \t\u00a0]*", regex.IGNORECASE),
        credits=tuple(draft.locale.compile(c, rule=f"body_caption_credits[{i}]")
                      for i, c in enumerate(draft.locale.schema.header.body_caption_credits)),
        marker_lead=draft.locale.compile(
            rf"[ \t\u00a0]*(?:{draft.locale.marker_alt})[ \t\u00a0]*:", rule="page.marker_lead"),
        marker_line=draft.locale.compile(
            rf"[ \t\u00a0]*(?:{draft.locale.marker_alt})[ \t\u00a0]*:[ \t\u00a0]*", rule="page.marker_line"),
    )


def furniture(draft: Draft) -> Furniture:
    return draft.derived("page", lambda: _build(draft))


def link_words(text: str, ln: Line) -> bool:
    """A line holding only a link's few capitalised words, no sentence closed ("Wataru Endo")."""
    return (text[ln.lo : ln.lo + 1].isupper() and word_count(text[ln.lo : ln.hi]) <= LINK_WORDS
            and text[ln.hi - 1 : ln.hi] not in CLOSERS)


def word_count(s: str) -> int:
    """Whitespace-split words; in scripts written without spaces (Chinese, Japanese, Thai) every two
    characters count as a word, so a sentence there weighs what it would in English."""
    return len(WORDS.findall(s)) + (0 if s.isascii() else len(UNSPACED.findall(s)) // 2)
