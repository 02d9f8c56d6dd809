"""Repeats left by scrapers of nested page containers.

Some scrapers print every container of a page, so each paragraph comes once on its own line
and once more inside a longer line that glues it to the rest of the article (a *cascade*):
line 0 = P1+P2+…, line 1 = P1, line 2 = P2+P3+…, line 3 = P2 … The clean body is the lines
that stand alone; the long copies are ``noise`` (``repeats:cascade``). What a long copy holds
that no single paragraph line holds (a ``Baca Juga`` box between P2 and P3, a closing
``sumber: Antara``) is left unclaimed for the later stages, and the end of such a remainder is
offered to the tail stage as a place to peel from.

A line that repeats the end of an earlier long line (``repeats:suffix``) is noise as well, and so is
a line cut short with an ellipsis whose words open the next, longer line (``repeats:truncated-copy``).

A short title printed twice on consecutive lines near the end, with only short lines (initials,
tags) after it, is a video or link box's title (not a list item or an insert marker's line, which the
links and inserts stages read) (``repeats:doubled-title``): ``… paparnya.⏎Video Bahlil
soal Izin Tambang⏎Video Bahlil soal Izin Tambang⏎(prf/ega)⏎nikel``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from ..draft import Draft, Findings, Line
from ..rulebook import define_rule

__all__ = ["Repeats"]

CASCADE = define_rule("repeats:cascade", "noise",
                      "a long line gluing paragraphs that also stand alone on their own lines")
TRUNCATED_COPY = define_rule("repeats:truncated-copy", "noise",
                             "a line cut short with an ellipsis whose words open the next, longer line")
SUFFIX = define_rule("repeats:suffix", "noise", "a line repeating the end of an earlier long line")
DOUBLED_TITLE = define_rule("repeats:doubled-title", "noise",
                     "a video or link box's title printed twice near the end, with only initials and tags after it")
CASCADE_END = define_rule("repeats:cascade-end", "fact",
                          "where a cascade's unclaimed remainder ends: a place for tail to peel from")


@dataclass(frozen=True)
class Repeats:
    """Labels cascaded and repeated copies of paragraphs as noise."""

    name: str = "repeats"
    min_paragraph: int = 40
    min_long: int = 200
    recent_long: int = 4
    min_title_words: int = 4  # a headline, not a lone dash or a button pair
    max_title_words: int = 20
    max_tail_words: int = 6  # the lines after a doubled title: initials, tags

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        text = draft.text
        lines = [ln for ln in draft.lines if ln.lo < ln.hi]  # not blank (no property call per line)
        long_lines: list[Line] = []
        for i, line in enumerate(lines):
            s = text[line.lo : line.hi]
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if (nxt is not None and nxt.hi - nxt.lo >= self.min_paragraph  # (_cascade's first test, inlined)
                    and self._cascade(draft, found, line, nxt, lines[i + 2] if i + 2 < len(lines) else None)):
                continue
            if len(s) >= self.min_paragraph:
                for prev in long_lines[-self.recent_long :]:
                    if prev.hi - prev.lo > len(s) and text[prev.lo : prev.hi].endswith(s):
                        for lo, hi in draft.free_parts(line.lo, line.hi):
                            found.claim("noise", lo, hi, SUFFIX)
                        break
            if len(s) >= self.min_long:
                long_lines.append(line)
        self._truncated_copies(draft, found, lines)
        self._doubled_title(draft, found, lines)
        return found

    def _truncated_copies(self, draft: Draft, found: Findings, lines: list[Line]) -> None:
        """A line cut short with an ellipsis whose words open the next line, which goes on past them (an
        excerpt printed above the full paragraph, ``Senada dengan … (X)...`` then ``Senada dengan … (X) untuk
        …``): the cut copy is noise (``repeats:truncated-copy``)."""
        text = draft.text
        for line, nxt in pairwise(lines):
            if line.hi - line.lo < self.min_paragraph:
                continue  # (shorter than the head the test below needs)
            s = text[line.lo : line.hi].rstrip()
            head = s.rstrip(".…").rstrip()
            if len(head) < self.min_paragraph or len(s) - len(head) not in (1, 3) or s.endswith("....") \
                    or (s.endswith(".") and not s.endswith("...")):
                continue
            if nxt.hi - nxt.lo > len(head) and text.startswith(head, nxt.lo) and draft.is_free(line.lo, line.hi):
                for lo, hi in draft.free_parts(line.lo, line.hi):
                    found.claim("noise", lo, hi, TRUNCATED_COPY)

    def _doubled_title(self, draft: Draft, found: Findings, lines: list[Line]) -> None:
        text = draft.text
        i = len(lines) - 2
        while i >= 0:
            line, nxt = lines[i], lines[i + 1]
            s = text[line.lo : line.hi].strip()
            if s and s == text[nxt.lo : nxt.hi].strip():
                marker = draft.locale.derived("repeats-markers", lambda: draft.locale.compile(  # "Video: <title>"
                    rf"(?:{draft.locale.marker_alt})[ \t]*[:\-–—]", rule="repeats.markers"))
                if (self.min_title_words <= len(s.split()) <= self.max_title_words and not s.endswith((".", ":", ","))
                        and (s[0].isalnum() or s[0] in "\"“'‘") and not marker.match(s)):
                    for ln in (line, nxt):
                        for lo, hi in draft.free_parts(ln.lo, ln.hi):
                            found.claim("noise", lo, hi, DOUBLED_TITLE)
                return
            if len(text[nxt.lo : nxt.hi].split()) > self.max_tail_words:
                return  # a line of the story: the pair would not be near the end
            i -= 1

    def _cascade(self, draft: Draft, found: Findings, line: Line, nxt: Line, after: Line | None) -> bool:
        text = draft.text
        head = text[nxt.lo : nxt.hi]
        n = line.hi - line.lo
        if len(head) < self.min_paragraph or n <= len(head) + 10 or not text.startswith(head, line.lo):
            return False
        rest_lo = line.lo + len(head)
        rest_hi = line.hi
        # the copy usually ends with the next copy (P2+P3+… then P3+…): that part is a repeat too
        if after is not None:
            tail = text[after.lo : after.hi]
            idx = text.find(tail[: self.min_paragraph], rest_lo, line.hi) if len(tail) >= self.min_paragraph else -1
            if idx >= 0 and text.startswith(tail[: min(len(tail), line.hi - idx)], idx):
                rest_hi = idx
        for lo, hi in draft.free_parts(line.lo, rest_lo):
            found.claim("noise", lo, hi, CASCADE)
        if rest_hi < line.hi:
            for lo, hi in draft.free_parts(rest_hi, line.hi):
                found.claim("noise", lo, hi, CASCADE)
        else:
            found.fact("tail_end", line.hi, line.hi, CASCADE_END)
        return True
