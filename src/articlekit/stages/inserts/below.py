"""Headlines on the lines below a marker: the next line, a bulleted list, a box of headline lines."""

from __future__ import annotations

from typing import Any

import regex

from ...draft import Draft, Findings
from ...rules.patterns import word_alternation
from .headline import SENTENCE_END

__all__ = ["bullet_lines", "colon_list", "headline_lines", "list_end", "next_line_headline"]

_SUBHEAD = regex.compile(r"\d{1,2}[.)][ \t]|\p{L}+:[ \t]")
# a bulleted headline under a marker: "- Judul berita", "• Judul berita"
_BULLET_ITEM = regex.compile(r"[ \t\u00a0]*[-–—•*·»][ \t\u00a0]+(?=\S)")


def goes_on_below(draft: Draft, i: int) -> bool:
    """Line ``i`` is a sentence a link broke over lines, not a headline: the next non-blank line opens
    in lower case (``… peralihan menuju`` / ``energi bersih``), or is a short link's words and the one
    after it opens in lower case (``… gagal panen di`` / ``Brasil`` / ``dan Vietnam …``)."""
    lines = draft.lines
    seen = 0
    for j in range(i + 1, min(i + 5, len(lines))):
        if lines[j].blank:
            continue
        nxt = draft.text[lines[j].lo : lines[j].hi].strip()
        if nxt[:1].islower():
            return True
        seen += 1
        if seen == 2 or len(nxt.split()) > 3 or nxt.endswith((".", "!", "?", ":")):
            return False
    return False


def next_line_headline(draft: Draft, found: Findings, pos: int) -> tuple[int, int] | None:
    """The next non-blank line when it reads as a headline (short, no closing full stop)."""
    lines = draft.lines
    for i in range(draft.line_at(pos).index + 1, len(lines)):  # not a slice: no copy per marker
        ln = lines[i]
        if ln.blank:
            continue
        s = draft.text[ln.lo : ln.hi]
        if not found.is_free(ln.lo, ln.hi) or len(s.split()) > 20 or s.endswith(".") or s.endswith(":"):
            return None
        return ln.lo, ln.hi
    return None


def bullet_lines(draft: Draft, found: Findings, pos: int) -> list[tuple[int, int, int]]:
    """Bulleted headline lines right after ``pos`` (``- Judul``, ``• Judul``): ``(line start, headline
    start, end)`` each; none unless the first line after the marker is one (blank lines between are fine)."""
    out: list[tuple[int, int, int]] = []
    lines = draft.lines
    for i in range(draft.line_at(pos).index + 1, len(lines)):
        ln = lines[i]
        if ln.blank:
            continue
        b = _BULLET_ITEM.match(draft.text, ln.lo, ln.hi)
        if b is None or len(out) >= 8 or not found.is_free(ln.lo, ln.hi):
            break
        s = draft.text[b.end() : ln.hi]
        if len(s.split()) > 25 or s.rstrip().endswith((".", ":", ",")):
            break
        out.append((ln.lo, b.end(), ln.hi))
    return out


def headline_lines(draft: Draft, found: Findings, pos: int) -> list[tuple[int, int]]:
    """Headline lines right after ``pos`` (4-20 words, no closing full stop), then prose.

    Two or more; or one of five words or more when a paragraph of prose follows it
    (``Baca Juga`` / ``Lewat Kemitraan ANTAM, Pelaku UMKM Naik Kelas`` / the story goes on).
    """
    out: list[tuple[int, int]] = []
    lines = draft.lines
    after: str | None = None
    for i in range(draft.line_at(pos).index + 1, len(lines)):
        ln = lines[i]
        if ln.blank:
            continue
        s = draft.text[ln.lo : ln.hi]
        n = len(s.split())
        if (found.is_free(ln.lo, ln.hi) and 4 <= n <= 20 and not s.endswith((".", ":", ",")) and len(out) < 6
                and not goes_on_below(draft, i)):
            out.append((ln.lo, ln.hi))
            continue
        after = s
        break
    if len(out) >= 2:
        return out
    if len(out) == 1 and after is not None:
        one = draft.text[out[0][0] : out[0][1]]
        # not the story's own subheading ("Desain: Engsel …") or list item ("1. Gunakan …")
        if (len(one.split()) >= 5 and not _SUBHEAD.match(one) and len(after.split()) >= 12
                and SENTENCE_END.search(after.rstrip())):
            return out
    return []


def list_end(locale: Any) -> Any:
    """A line opening with one of the locale's list end words ("Akhir dari …"), or ``None`` when it has none."""
    words = locale.schema.inserts.list_end_words
    if not words:
        return None
    return regex.compile(rf"[ \t\u00a0]*(?:{word_alternation(words)})\b")


def colon_list(draft: Draft, found: Findings, pos: int, max_items: int,
               max_words: int) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """Headline lines under a marker with a colon (``Baca juga:`` ⏎ ``Headline One`` ⏎ ``Headline Two``): the
    lines that follow one another with no blank line between, each short with no closing full stop, set apart by
    blank lines above the marker and below the last (or the text's end, see :func:`_closes_text`); or, blank lines
    between, up to a line opening with a list end word (``Akhir dari …``), returned too. Where one line is one
    paragraph, a headline and the story's subheading under it look the same: no list there, unless the lines
    close the text."""
    text = draft.text
    lines = draft.lines
    ends = draft.locale.derived("inserts.list-end", lambda: list_end(draft.locale))
    out: list[tuple[int, int]] = []
    i = draft.line_at(pos).index + 1
    while i < len(lines) and len(out) <= max_items:
        ln = lines[i]
        i += 1
        if ln.blank:
            continue
        if not found.is_free(ln.lo, ln.hi):
            break
        if out and ends is not None and ends.match(text, ln.lo, ln.hi):
            return out, (ln.lo, ln.hi)
        s = text[ln.lo : ln.hi]
        if len(s.split()) > max_words or s.rstrip().endswith((".", ":", ",")):
            break
        out.append((ln.lo, ln.hi))
    block: list[tuple[int, int]] = []  # no end line: the first lines with no blank line between
    for lo, hi in out:
        if block and text.count("\n", block[-1][1], lo) > 1:
            break
        block.append((lo, hi))
    if len(block) < 2:
        return [], None
    marker_line = draft.line_at(pos).index
    after = draft.line_at(block[-1][0]).index + 1
    blank_above = marker_line == 0 or lines[marker_line - 1].blank
    blank_below = after >= len(lines) or lines[after].blank
    if blank_above and blank_below:
        return block, None
    # (or the headlines close the text, each opening with a capital, four words or more and no label before a
    # colon: not the initials and lower-case tags of a tail, nor another marker's line)
    if _closes_text(draft, after) and all(_CLOSING_HEADLINE.match(text, lo, hi) for lo, hi in block):
        return block, None
    return [], None


_CLOSING_HEADLINE = regex.compile(r"[\"“‘']?\p{Lu}(?![^ \t\n]*:)\S*(?:[ \t\u00a0]+\S+){3}")


_CLOSING_REACH = 8  # lines after a marker's headlines within which the text must end for them to close it


def _closes_text(draft: Draft, i: int) -> bool:
    """Nothing but blank lines and lines an earlier stage took (a promo, a footer) from line ``i`` to the end of
    the text, within ``_CLOSING_REACH`` lines: the headlines close the text, and no story under them makes the
    first a subheading."""
    lines = draft.lines
    if len(lines) - i > _CLOSING_REACH:
        return False
    return all(ln.blank or not draft.is_free(ln.lo, ln.hi) for ln in lines[i:])
