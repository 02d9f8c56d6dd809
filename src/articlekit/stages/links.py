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

__all__ = ["LinkBlocks", "meta_pattern"]

HEADING = define_rule("links:heading", "link_block",
                      "the heading of a trailing block of headlines (a locale [links] heading)")
ITEM = define_rule("links:item", "link_block", "one headline listed under a link block's heading")
SEP = define_rule("links:sep", "link_block", "a separator line (a lone dash or bullet) inside a link block")
META = define_rule("links:meta", "link_block", "a time, date or UI label line under a headline in a link block")
TAGS = define_rule("links:tags", "noise", "a line of a topic or tag list (under a locale [links] tag heading)")
TAG_HEADING = define_rule("links:tag-heading", "noise", "the heading of a topic or tag list")
EMPTY_HEADING = define_rule("links:empty-heading", "noise", "a link-block heading with no headline under it")
ORPHAN = define_rule("links:orphan", "noise", "a line after a link-block heading that lists no headline")

_SEPARATOR = regex.compile(r"[-–—•·*]+")
_DASH_ITEM = regex.compile(r"(?:[-–—•·*]|\d{1,2}[.)])[ \t\u00a0]+(?=\S)")
# the shape of a meta line in a link block (a relative time, a clock, a date, a UI label);
# the words come from the locale's [links] table
_META_SHAPE = (
    r"(?:\d+\s+(?:{units})\s+(?:{ago})"
    r"|\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
    r"|(?:\w+,\s*)?\d{{1,2}}\s+\w+\s+\d{{4}}(?:\s*[|,-]?\s*\d{{1,2}}[:.]\d{{2}}(?:\s*\w{{3,4}})?)?"
    r"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}(?:\s+\d{{1,2}}[:.]\d{{2}})?|icon-[\w-]+|{labels})"
)


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


def meta_pattern(locale: Locale) -> Any:
    """The locale's meta-line pattern (a relative time, a clock, a date, a UI label), for the page stage."""
    return _meta(locale)


def _meta(locale: Locale) -> Any:
    links = locale.schema.links
    return regex.compile(_META_SHAPE.format(units=_alt(links.time_units), ago=_alt(links.ago_words),
                                            labels=_alt(links.meta_labels)), regex.IGNORECASE)


_WORD = regex.compile(r"\S+")
_CODE = regex.compile(r"\([\p{Ll}\d]{1,8}(?:/[\p{L}\d]{1,10}){0,5}\)|\(\*{1,3}\)|\*{3}")
_PROSE_END = regex.compile(r"[.,:;\"”]\s*\Z")


@dataclass(frozen=True)
class LinkBlocks:
    """Finds trailing link blocks; each becomes a heading, its items and separators."""

    name: str = "links"
    max_item_words: int = 30
    max_prose_words: int = 8

    def _heading(self, draft: Draft, s: str) -> str | None:
        key = " ".join(s.casefold().rstrip(":").split())
        if key in draft.locale.headings:
            return "heading"
        if key in draft.locale.tag_headings:
            return "tags"
        return None

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
        kind = self._heading(draft, s)
        if kind:
            return kind
        if _SEPARATOR.fullmatch(s):
            return "sep"
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

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        lines = draft.lines
        classes: dict[int, str] = {}
        first_heading: int | None = None
        for line in reversed(lines):
            if line.blank:
                continue
            cls = self._classify(draft, line)
            if cls == "prose":
                break
            classes[line.index] = cls
            if cls in ("heading", "tags"):
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
            has_items = any(classes[ln.index] == "item" for ln in pending)
            for ln in pending:
                cls = classes[ln.index]
                if block_kind == "tags":
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
            if got in ("heading", "tags"):
                close()
                block, block_kind, pending = line.lo, got, []
            pending.append(line)
        close()
        return found
