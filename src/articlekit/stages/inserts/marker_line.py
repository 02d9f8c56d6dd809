"""A marker at a line start: its headline on the line, on the lines below it, glued into a box, or lost."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import regex

from ...draft import Draft, Findings
from ...rulebook import define_rule
from .below import bullet_lines, colon_list, headline_lines, next_line_headline
from .boxes import BOX, GLUED_BOX, box_line, glued_box
from .headline import TRAILING_CODE, headline_text, scan_headline
from .patterns import Compiled

if TYPE_CHECKING:
    from .stage import Inserts

__all__ = ["from_line"]

# The layouts an insert is found in. A claim's ``why`` is the layout's rule, then ``/`` and the id of
# the locale's [[inserts.marker]] that matched: ``inserts:line/baca-juga``.
_OPEN_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’"}
LINE = define_rule("inserts:line", "insert", "a marker and its headline on a line of their own: 'Baca juga: …'")
NEXT_LINE = define_rule("inserts:next-line", "insert", "a marker alone on its line, its headline on the next line")
BARE = define_rule("inserts:bare", "insert", "a marker alone on its line whose headline was lost (headline '')")
LIST = define_rule("inserts:list", "insert", "a marker over a bulleted list of headlines: one insert each")
LIST_END = define_rule("inserts:list-end", "noise",
                       "the line closing a marker's list of headlines ('Akhir dari Artikel-artikel …')")
RUNON = define_rule("inserts:runon", "insert",
                    "a marker line whose headline runs on into the next paragraph (newlines lost)")

_COLON = regex.compile(r"[:\-–—>»⇒→]")
# a gap between paragraphs where newlines were lost: two spaces, a longer run, or a tab ("ajak \u00a0mahasiswa",
# one space and a no-break space, is how a page writes a single space)
_RUN_GAP = regex.compile(r"\S(?: {2,}|[ \u00a0]{3,}|\t)\S")


def from_line(cfg: Inserts, draft: Draft, found: Findings, comp: Compiled, m: Any, credit: Any,
               another: Any, case: str) -> None:
    text = draft.text
    mk = comp.marker
    start = m.start("b") if m["b"] else m.start("m")
    if not found.is_free(start, m.end("m")):
        return
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    has_colon = bool(_COLON.search(m["c"]))
    rest_lo = m.end()
    rest = text[rest_lo:line_end].strip()
    if not rest:
        bullets = bullet_lines(draft, found, line_end) if (has_colon or mk.bare) else []
        listed = (colon_list(draft, found, line_end, cfg.max_box_headlines, cfg.max_box_headline_words)
                  if has_colon and not bullets else ([], None))
        if len(listed[0]) >= 2:
            # "Baca juga:" over headlines one per line (a list closed by "Akhir dari …" may have blank lines)
            for i, (lo, hi) in enumerate(listed[0]):
                found.claim("insert", start if i == 0 else lo, hi, f"{BOX}/{mk.id}", label=mk.label,
                            headline=text[lo:hi])
            if listed[1] is not None:
                found.claim("noise", *listed[1], LIST_END)
        elif bullets:
            # "Baca juga:" over a bulleted list of headlines: one insert each, the bullet with it
            for i, (lo, h_lo, hi) in enumerate(bullets):
                found.claim("insert", start if i == 0 else lo, hi, f"{LIST}/{mk.id}", label=mk.label,
                            headline=text[h_lo:hi])
        elif has_colon and (nxt := next_line_headline(draft, found, line_end)) is not None:
            found.claim("insert", start, nxt[1], f"{NEXT_LINE}/{mk.id}", label=mk.label,
                        headline=text[nxt[0] : nxt[1]])
        elif mk.bare and (box := headline_lines(draft, found, line_end)):
            # a "Baca Juga" heading over two or more headlines, then the story goes on: one insert each
            for i, (lo, hi) in enumerate(box):
                found.claim("insert", start if i == 0 else lo, hi, f"{BOX}/{mk.id}", label=mk.label,
                            headline=text[lo:hi])
        elif mk.bare or has_colon:
            found.claim("insert", start, line_end, f"{BARE}/{mk.id}", label=mk.label, headline="")
        return
    if not has_colon and rest[0].isupper() and GLUED_BOX.search(text, rest_lo, line_end) and not m["c"]:
        glued_box(cfg, draft, found, mk, start, rest_lo, line_end)
        return
    if mk.needs_colon and not has_colon:
        return
    if not has_colon and rest[0].islower():
        return  # "Baca juga aturan lain" is prose
    long_line = len(rest) > cfg.max_line_headline or _RUN_GAP.search(rest)
    if has_colon and (pieces := box_line(cfg, text, rest_lo, line_end, another)):
        glued_box(cfg, draft, found, mk, start, rest_lo, line_end, pieces)
        return
    if long_line:
        h_end = scan_headline(cfg, draft, rest_lo, line_end, another, credit, case)
        why = f"{RUNON}/{mk.id}"
    else:
        h_end = line_end
        code = TRAILING_CODE.search(text, rest_lo + 1, line_end)  # "… Cicilan 0% (dra)": the tail's
        if code:
            h_end = code.start()
        # a headline in quotes ('Simak Video "Video: Judul"'): what stands inside them is the headline's own
        lo = rest_lo + 1
        head = text[rest_lo:line_end].lstrip()
        if head[:1] in _OPEN_QUOTES:
            close = text.find(_OPEN_QUOTES[head[0]], line_end - len(head) + 1, line_end)
            if close > 0:
                lo = close
        for pat in (credit, another):
            cm = pat.search(text, lo, line_end)
            if cm:
                h_end = min(h_end, cm.start())
        why = f"{LINE}/{mk.id}"
    headline, _ = headline_text(draft, rest_lo, h_end)
    found.claim("insert", start, h_end, why, label=mk.label, headline=headline)
