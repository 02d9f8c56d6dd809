"""Trailing link blocks: ``Berita Terkait``, ``Terpopuler``, ``Pilihan``, ``Terkini`` ...

Blocks are found as whole lines from the end of the page backwards: the block region
starts at the earliest heading line after which no line reads as body prose. So
``Pilihan`` or ``Terkini`` as ordinary words, or inside a headline, never cut the body.
A heading with no headline under it, and topic or tag lists, are ``noise``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from ..draft import Draft, Findings, Line
from ..rulebook import define_rule
from ..rules import Locale
from ..rules.patterns import word_alternation as _alt
from .inserts.below import list_end
from .inserts.boxes import GLUED_BOX, box_pieces, merge_short

__all__ = ["GATE_AFTER", "LinkBlocks", "may_hold_heading", "meta_pattern"]

HEADING = define_rule("links:heading", "link_block",
                      "the heading of a trailing block of headlines (a locale [links] heading)")
ITEM = define_rule("links:item", "link_block", "one headline listed under a link block's heading")
SEP = define_rule("links:sep", "link_block", "a separator line (a lone dash or bullet) inside a link block")
META = define_rule("links:meta", "link_block", "a time, date or UI label line under a headline in a link block")
TAGS = define_rule("links:tags", "noise", "a line of a topic or tag list (under a locale [links] tag heading)")
TAG_HEADING = define_rule("links:tag-heading", "noise", "the heading of a topic or tag list")
EMPTY_HEADING = define_rule("links:empty-heading", "noise", "a link-block heading with no headline under it")
MID_HEADING = define_rule("links:mid-heading", "link_block",
                          "the heading of a box of headlines inside the story, the story going on below it "
                          "('Pilihan Redaksi' over two or more headlines)")
MID_ITEM = define_rule("links:mid-item", "link_block", "one headline listed in a box inside the story")
ORPHAN = define_rule("links:orphan", "noise", "a line after a link-block heading that lists no headline")

_SEPARATOR = regex.compile(r"[-–—•·*]+")
_RANK = regex.compile(r"[ \t\u00a0]*\d{1,2}[ \t\u00a0]*")  # a most-read list's rank on a line of its own
_DASH_ITEM = regex.compile(r"(?:[-–—•·*]|\d{1,2}[.)])[ \t\u00a0]+(?=\S)")
# the shape of a meta line in a link block (a relative time, a clock, a date, a UI label);
# the words come from the locale's [links] table
_META_SHAPE = (
    r"(?:\d+\s+(?:{units})\s+(?:{ago})"
    r"|\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
    r"|(?:\w+,\s*)?\d{{1,2}}\s+\w+\s+\d{{4}}(?:\s*[|,-]?\s*\d{{1,2}}[:.]\d{{2}}(?:\s*\w{{3,4}})?)?"
    r"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}(?:\s+\d{{1,2}}[:.]\d{{2}})?|icon-[\w-]+|{labels})"
)



def meta_pattern(locale: Locale) -> Any:
    """The locale's meta-line pattern (a relative time, a clock, a date, a UI label), for the page stage."""
    return _meta(locale)


_ENUMERATED = regex.compile(r"[ \t\u00a0]*(?:\d{1,2}|[a-eA-E])[.)][ \t\u00a0]")  # the story's own list: "1. …", "a. …"


# a sentence that ends and another that begins: story text, not glued headlines
_SENTENCE_GOES_ON = regex.compile(r"\p{Ll}[.!?][\"”’]?[ \t\u00a0]+\p{Lu}")


def _credit_line(locale: Locale) -> Any:
    """A line opening with a credit or source label and its colon, a value after it: the tail stage's."""
    labels = sorted({*locale.tail.credit_labels, *locale.tail.source_labels}, key=len, reverse=True)
    alt = "|".join(regex.escape(x) for x in labels) or "(?!)"
    return regex.compile(rf"[ \t\u00a0]*(?:{alt})[ \t\u00a0]*:[ \t\u00a0]*\S", regex.IGNORECASE)


def _glued_heading(locale: Locale) -> Any:
    marker = regex.compile(rf"(?:{locale.marker_alt})\b", regex.IGNORECASE)  # "Berita Lainnya…" is an insert box's
    headings = [h for h in locale.schema.links.headings if len(h.split()) >= 2 and not marker.match(h)]
    if not headings:
        return None
    return regex.compile(rf"[ \t\u00a0]*(?i:{_alt(headings)})(?=[\p{{Lu}}\d'‘\"“])")


def _heading_words(locale: Locale) -> Any:
    words = locale.schema.links.heading_words
    if not words:
        return None
    return regex.compile(rf"(?<!\w)(?:{_alt(words)})(?!\w)", regex.IGNORECASE)


def _meta(locale: Locale) -> Any:
    links = locale.schema.links
    return regex.compile(_META_SHAPE.format(units=_alt(links.time_units), ago=_alt(links.ago_words),
                                            labels=_alt(links.meta_labels)), regex.IGNORECASE)


@dataclass(frozen=True)
class _HeadingGate:
    """Whether any line of a text may be a heading the walk stops at (``True``: maybe).

    A line is a heading when its key is one of the locale's headings or tag headings, when the
    glued-heading pattern (a heading of the locale's) matches at its start, or when it holds one of the
    heading words (an open heading). In an ASCII text each needs the lower-cased text to hold a word of
    the locale's in lower case (a heading's first word, a heading word): a text holding none has no link
    block, and the walk over its lines can stop (a page of half a million short lines and no heading
    was classified line by line to its top). Outside ASCII, casefold and lower differ: no gate.
    """

    words: tuple[str, ...] | None  # None: no gate

    @classmethod
    def build(cls, locale: Locale) -> _HeadingGate:
        links = locale.schema.links
        words = {k.split()[0] for k in (*locale.headings, *locale.tag_headings) if k.split()}
        words |= {h.split()[0].lower() for h in links.headings if h.split()}
        words |= {w.lower() for w in links.heading_words if w}
        return cls(tuple(sorted(words)) if all(w.isascii() for w in words) else None)

    def may_head(self, text: str) -> bool:
        if self.words is None or not text.isascii():
            return True
        low = text.lower()
        return any(w in low for w in self.words)


#: lines the walk classifies before it asks whether the text holds a heading at all
GATE_AFTER = 256


def may_hold_heading(draft: Draft) -> bool:
    """``False`` when no line of the text can be one of the locale's headings, tag headings, glued or open
    headings (see :class:`_HeadingGate`); ``True`` when one may."""
    return bool(draft.locale.derived("links.heading-gate", lambda: _HeadingGate.build(draft.locale))
                .may_head(draft.text))

_WORD = regex.compile(r"\S+")
_CODE = regex.compile(r"\([\p{Ll}\d]{1,8}(?:/[\p{L}\d]{1,10}){0,5}\)|\(\*{1,3}\)|\*{3}")
_PROSE_END = regex.compile(r"[.,:;\"”]\s*\Z")


@dataclass(frozen=True)
class LinkBlocks:
    """Finds trailing link blocks; each becomes a heading, its items and separators."""

    name: str = "links"
    max_item_words: int = 30
    max_open_heading_words: int = 6
    min_open_item_words: int = 4
    max_prose_words: int = 8

    def _heading(self, draft: Draft, s: str) -> str | None:
        key = " ".join(s.casefold().rstrip(":.… \t").split())  # ("You may also like...", "Related:")
        if draft.locale.listed_heading(key):
            return "heading"
        if key in draft.locale.tag_headings:
            return "tags"
        return None

    def _glued_block(self, draft: Draft, found: Findings, ln: Line, block: int | None) -> None:
        """A heading with its headlines glued on, one line: the heading, then one item per headline (cut where
        a lower-case letter meets a capital, short pieces mended as an insert box's are)."""
        text = draft.text
        g = draft.locale.derived("links.glued-heading", lambda: _glued_heading(draft.locale)).match(text, ln.lo, ln.hi)
        found.claim("link_block", ln.lo, g.end(), HEADING, block=block, role="heading", heading=g.group().strip())
        for lo, hi in merge_short(self.min_open_item_words, text, box_pieces(text, g.end(), ln.hi, GLUED_BOX)):
            found.claim("link_block", lo, hi, ITEM, block=block, role="item", title=text[lo:hi])

    def _headline(self, draft: Draft, line: Line) -> bool:
        """An item line that reads as a headline: at least ``min_open_item_words`` words, not enumerated."""
        return (len(draft.text[line.lo : line.hi].split()) >= self.min_open_item_words
                and not _ENUMERATED.match(draft.text, line.lo, line.hi))

    def _open_heading(self, draft: Draft, line: Line) -> bool:
        """A short line (at most ``max_open_heading_words``) that holds one of the locale's heading words and no
        sentence: ``Artikel Lain Untuk Anda:``, ``Baca Berita Lainnya``."""
        s = draft.text[line.lo : line.hi].strip()
        if not s or not draft.is_free(line.lo, line.hi) or len(s.split()) > self.max_open_heading_words:
            return False
        if s.rstrip(":").endswith((".", "!", "?", ",")) or not s[:1].isupper():
            return False
        pattern = draft.locale.derived("links.heading-words", lambda: _heading_words(draft.locale))
        if pattern is None or pattern.search(s) is None:
            return False
        return self._marker_line(draft).match(s) is None  # "Baca juga:" over headlines is an insert's marker

    @staticmethod
    def _marker_line(draft: Draft) -> Any:
        """A line opening with one of the locale's insert markers."""
        return draft.locale.derived("links.marker-line", lambda: regex.compile(
            rf"[ \t\u00a0]*(?:{draft.locale.marker_alt})\b", regex.IGNORECASE))

    def _classify(self, draft: Draft, line: Line) -> str:
        text = draft.text
        if not draft.is_free(line.lo, line.hi):
            claim = draft.claim_at(line.lo)
            if claim is not None and claim.start <= line.lo and claim.end >= line.hi:
                return "claimed"
            return "prose"
        s = text[line.lo : line.hi]
        if _CODE.fullmatch(s):
            return "claimed"  # an initials code after the blocks belongs to the tail stage
        if draft.locale.derived("links.credit-line", lambda: _credit_line(draft.locale)).match(s):
            return "claimed"  # so does a credit or source line ("Editor: Name", "Sumber: Site.com")
        glued = draft.locale.derived("links.glued-heading", lambda: _glued_heading(draft.locale))
        if glued is not None and (g := glued.match(s)) and not _SENTENCE_GOES_ON.search(s, g.end()):
            return "glued"  # "Yuk baca artikel lainnyaJudul SatuJudul Dua": the heading, its headlines glued on
        kind = self._heading(draft, s)
        if kind:
            return kind
        if _SEPARATOR.fullmatch(s) or _RANK.fullmatch(s):
            return "sep"
        ends = draft.locale.derived("inserts.list-end", lambda: list_end(draft.locale))
        if ends is not None and ends.match(s):
            return "meta"  # "Akhir dari Paling banyak dibaca": the line closing a widget's list
        if draft.locale.derived("links.meta", lambda: _meta(draft.locale)).fullmatch(s):
            return "meta"
        words = len(_WORD.findall(s))
        if _DASH_ITEM.match(s):
            return "item"  # "- <headline> <date> <summary>": extractors write list items so, however long
        if words > self.max_item_words:
            return "prose"
        if _PROSE_END.search(s) and words > self.max_prose_words:
            return "prose"
        if s.endswith(".") and not s.endswith(("..", "…")):
            return "prose"  # headlines rarely end with a full stop; sentences do
        if s.endswith((":", ",")):
            return "prose"
        return "item"

    def _mid_blocks(self, draft: Draft, found: Findings, stop: int) -> None:
        """Boxes of headlines inside the story (``Pilihan Redaksi`` over two or more headlines, then the story
        goes on): a listed heading of two words or more alone on its line, each line under it a headline
        (``_classify`` item of ``min_open_item_words`` words or more), then a line of prose. One-word headings
        (``Terkini``, ``Viral``) are left alone here: inside a story they are as likely its subheadings."""
        text = draft.text
        lines = draft.lines
        if stop > GATE_AFTER and not may_hold_heading(draft):
            return  # no line can be a listed heading (a page of many short lines: one test, not one per line)
        i = 0
        while i < stop:
            line = lines[i]
            i += 1
            if line.blank or line.hi - line.lo > 60 or not found.is_free(line.lo, line.hi):
                continue
            s = text[line.lo : line.hi]
            if len(s.split()) < 2 or self._heading(draft, s) != "heading" or not draft.is_free(line.lo, line.hi):
                continue
            if self._marker_line(draft).match(s):
                continue  # "Artikel Terkait" over headlines inside the story is an insert's marker
            parts: list[tuple[Line, str]] = []  # the headlines, and the ranks or end line between them
            n_items = 0
            j = i
            nxt: Line | None = None
            while j < stop:
                ln = lines[j]
                j += 1
                if ln.blank:
                    continue
                cls = self._classify(draft, ln) if found.is_free(ln.lo, ln.hi) else "claimed"
                if (cls == "item" and n_items < 8 and self._headline(draft, ln)
                        and not _DASH_ITEM.match(text, ln.lo, ln.hi)):
                    parts.append((ln, "item"))
                    n_items += 1
                    continue
                if cls in ("sep", "meta"):
                    parts.append((ln, cls))
                    continue
                nxt = ln
                break
            if n_items < 2 or nxt is None or self._classify(draft, nxt) != "prose":
                continue
            found.claim("link_block", line.lo, line.hi, MID_HEADING, block=line.lo, role="heading",
                        heading=s.rstrip(": \t"))
            for ln, cls in parts:
                if cls == "item":
                    found.claim("link_block", ln.lo, ln.hi, MID_ITEM, block=line.lo, role="item",
                                title=text[ln.lo : ln.hi])
                else:
                    found.claim("link_block", ln.lo, ln.hi, SEP if cls == "sep" else META, block=line.lo, role=cls)
            i = parts[-1][0].index + 1

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        lines = draft.lines
        self._mid_blocks(draft, found, len(lines))
        classes: dict[int, str] = {}
        first_heading: int | None = None
        # two or more lines classified so far, every one a headline (_headline), kept as they are added (asking it
        # again at each line cost a pass over all of them: quadratic on a page of many short lines)
        n_items, headlines = 0, True
        walked = 0
        for line in reversed(lines):
            if line.blank:
                continue
            walked += 1
            if walked == GATE_AFTER and first_heading is None and not may_hold_heading(draft):
                return found  # no line of the text can head a block
            cls = self._classify(draft, line)
            if (cls in ("prose", "item") and first_heading is None and n_items >= 2 and headlines
                    and self._open_heading(draft, line)):
                # the line above the last lines of headlines, short and holding a heading word
                # ("Artikel Lain Untuk Anda:", "More stories you may like"): their heading
                classes[line.index] = "heading"
                first_heading = line.index
                break
            if cls == "prose":
                break
            classes[line.index] = cls
            if cls == "item":
                n_items += 1
                headlines = headlines and self._headline(draft, line)
            elif cls != "claimed":
                headlines = False
            if cls in ("heading", "tags", "glued"):
                first_heading = line.index
        if first_heading is None:
            return found
        text = draft.text
        block: int | None = None
        block_kind = ""
        pending: list[Line] = []

        def close() -> None:
            if block is None:
                return
            has_items = any(classes[ln.index] in ("item", "glued") for ln in pending)
            for ln in pending:
                cls = classes[ln.index]
                if cls == "glued":
                    self._glued_block(draft, found, ln, block)
                elif block_kind == "tags":
                    found.claim("noise", ln.lo, ln.hi, TAGS if cls != "tags" else TAG_HEADING)
                elif not has_items:
                    found.claim("noise", ln.lo, ln.hi, EMPTY_HEADING if cls == "heading" else ORPHAN)
                elif cls == "heading":
                    found.claim("link_block", ln.lo, ln.hi, HEADING, block=block, role="heading",
                                heading=text[ln.lo : ln.hi].rstrip(": \t"))
                elif cls == "item":
                    m = _DASH_ITEM.match(text, ln.lo, ln.hi)
                    title_start = m.end() if m else ln.lo
                    found.claim("link_block", ln.lo, ln.hi, ITEM, block=block, role="item",
                                title=text[title_start : ln.hi])
                else:
                    found.claim("link_block", ln.lo, ln.hi, SEP if cls == "sep" else META, block=block, role=cls)

        for line in lines[first_heading:]:
            got = classes.get(line.index)
            if got is None or got == "claimed":
                continue
            if got in ("heading", "tags", "glued"):
                close()
                block, block_kind, pending = line.lo, got, []
            pending.append(line)
        close()
        return found
