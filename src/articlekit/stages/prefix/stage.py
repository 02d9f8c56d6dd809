"""The prefix stage: which lines are tried, in what order, and what follows a dateline."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import regex

from ...draft import Draft, Findings, Line
from .accept import accept
from .alone import alone
from .emit import emit
from .fragments import PROSE_LINE, SP
from .rule_ids import LOST_PREFIX, SECOND_ARTICLE
from .shapes import Shapes, shapes_of
from .teasers import below_teaser, glued_unknown, inline
from .words import names_an_outlet

__all__ = ["Prefix"]

_PROSE = regex.compile(r"(?:\S+\s+){12}.*?[.!?\"”]\s*\Z|(?:\S+\s+){25}")  # lazy: greedy was quadratic
# the shapes that name an outlet: tried on every candidate line before the weak ones
_STRONG = frozenset({"A", "B", "B0", "C", "C0", "E", "D", "W"})
_STRAY_SEP = regex.compile(rf"(?P<sep>--|—|–|-|:|\|){SP}+(?=[\"“'‘(]?\p{{Lu}}\p{{Ll}})")


@dataclass(frozen=True)
class Prefix:
    """Finds the outlet prefix and the dateline at the body start."""

    name: str = "prefix"
    max_lines: int = 10
    max_chars: int = 1500
    max_teaser: int = 700
    max_teaser_lines: int = 2
    max_place: int = 80

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        shapes = shapes_of(draft)
        candidates = self._candidate_lines(draft)
        # outlet-bearing shapes anywhere in the first lines win over weaker ones on an earlier line
        # weak shapes (no outlet) only above the first line of prose: a title or a byline may come
        # first, but "GOWOK: ..." deep in a story is no dateline
        weak_lines = []
        for line in candidates:
            weak_lines.append(line)
            if _PROSE.match(draft.text, line.lo, line.hi):
                break
        for strong, lines in ((True, candidates), (False, weak_lines)):
            if any(self._at_line(draft, found, shapes, line, strong=strong) for line in lines):
                break
        else:
            for line in candidates[:3]:
                if names_an_outlet(draft.text, line.lo, line.hi, shapes.first_words, domains=False) and inline(
                    self, draft, found, shapes, line
                ):
                    break
            else:
                if not below_teaser(self, draft, found, shapes, candidates, len(weak_lines)) and candidates:
                    glued_unknown(self, draft, found, shapes, candidates[0])
        if found.claims:
            self._second_article(draft, found, shapes)
        else:
            self._lost_prefix(draft, found)
        return found

    def _lost_prefix(self, draft: Draft, found: Findings) -> None:
        """A separator opening the text (``: Seorang …``, ``- Pemerintah …``): the scraper cut the dateline
        away and left its separator. Not a list's first item: the next line does not open with it too."""
        lines = list(islice((ln for ln in draft.lines if ln.lo < ln.hi), 2))  # the first two lines not blank
        if not lines or not draft.is_free(lines[0].lo, lines[0].hi):
            return
        text = draft.text
        m = _STRAY_SEP.match(text, lines[0].lo, lines[0].hi)
        if m is None or not PROSE_LINE.fullmatch(text, m.end(), lines[0].hi):
            return
        if len(lines) > 1 and text.startswith(m["sep"], lines[1].lo):
            return
        found.claim("noise", m.start("sep"), m.end("sep"), LOST_PREFIX)

    def _candidate_lines(self, draft: Draft) -> list[Line]:
        out: list[Line] = []
        seen = 0  # characters of unclaimed lines looked at so far
        for line in draft.lines:
            if seen > self.max_chars or len(out) >= self.max_lines:
                break
            if not line.blank and draft.is_free(line.lo, min(line.hi, line.lo + 1)):
                out.append(line)
                seen += line.hi - line.lo
        return out

    # ------------------------------------------------------------------ matching

    def _at_line(self, draft: Draft, found: Findings, shapes: Shapes, line: Line, *, strong: bool) -> bool:
        text = draft.text
        for shape, pat in shapes.start_shapes:
            if (shape in _STRONG) != strong:
                continue
            m = pat.match(text, line.start, len(text))
            key = next(g for g in ("place", "outlet", "token") if g in pat.groupindex)
            if m is None or m.end(key) > line.hi:
                continue
            if not accept(draft, shape, m):
                continue
            if emit(draft, found, shape, m):
                return True
        return False if strong else alone(draft, found, shapes, line)

    def _second_article(self, draft: Draft, found: Findings, shapes: Shapes) -> None:
        """A second dateline at a line start later on begins another article (listing pages)."""
        text = draft.text
        first_end = max(c.end for c in found.claims)
        _, body_end = draft.body_bounds()
        lines = draft.lines
        for line in lines:
            if line.lo <= first_end or line.lo >= body_end or line.blank:
                continue
            if not names_an_outlet(text, line.lo, min(line.hi, line.lo + 120), shapes.first_words, domains=True):
                continue  # no outlet name near the line start: no dateline of shapes A, B, C or E
            # a shape runs on at most to the next non-blank line (a separator on a line of its own): stop
            # the match there, since the regex module scans up to ``endpos`` before it tries (quadratic)
            k = line.index + 1
            while k < len(lines) and lines[k].blank:
                k += 1
            stop = min(body_end, lines[k].end) if k < len(lines) else body_end
            for shape, pat in shapes.start_shapes[:4]:
                m = pat.match(text, line.start, stop)
                if m is None or not m.groupdict().get("outlet") or not accept(draft, shape, m):
                    continue
                if draft.outlets.lookup(m["outlet"]) is not None or "." in m["outlet"]:
                    for lo, hi in draft.free_parts(line.lo, body_end):
                        found.claim("noise", lo, hi, SECOND_ARTICLE, ends_body=True)
                    found.note(f"a second dateline at offset {line.lo} starts another article; "
                               "its text is labelled noise")
                    return
