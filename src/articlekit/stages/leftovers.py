"""What an HTML extractor leaves in after the story, found by shape (the locale's words as data).

An extractor's text (trafilatura's and the like) is mostly the story, with a little of the page
after it: a call to follow the site or sign up for its newsletter, the copyright line, and the UI
words between them (``Comments``, ``Thank you``, ``Tell us what you think...``). Read from the end
of the text backwards, over lines no earlier stage took:

- a *promo* line opens with one of the locale's promo verbs (``Follow``, ``Subscribe``, ``Click``,
  maybe after a softener) and names one of its promo targets (a platform, ``newsletter``,
  ``inbox``) anywhere in the line; a pointer to the story's own pictures is no promo;
- a *footer* line is short and starts with a footer word (``Copyright``), or holds a ``©``, or
  holds one as printed (``All Rights Reserved``) without closing like a sentence;
- a *UI* line is short and no sentence (``Comments``, ``Sorry!``), or a widget's counter, figures parted
  by a colon or a bar with no letter (``0 : 0``);
- a *teaser* line is another story's headline after its section's name and a bar, no sentence closed
  (``World | Storm closes the coast road``);
- a *dated* line is another story listed with its time: a date with its clock or a relative time near its
  start, then a headline (``- 35 detik lalu <headline>``, ``Kamis, 05 November 2015 16:09 WIB <headline>``);
- a *listed* line is a bullet line (``- <headline> <summary>``): other stories listed under a promo line
  (``Join our …`` over them) are the page's, a list with no promo or footer line above it the story's.

The run of such lines that closes the text is noise, as long as it holds a promo or a footer line, or
two teaser lines or more (UI words alone may be the story's last subheading or list; one teaser line
alone may be the story's); it stops at the first other line.
The tail stage then peels credits and sources above it as usual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from ..dates import date_reader
from ..draft import Draft, Findings, Line
from ..rulebook import define_rule
from ..rules import Locale
from ..rules.patterns import word_alternation as _alt

__all__ = ["Leftovers"]

CLOSING_PROMO = define_rule("leftovers:closing-promo", "noise",
                            "a line after the story that sends the reader elsewhere ('Click here to subscribe to "
                            "our newsletter', 'Follow @desk on Twitter to keep up …')")
CLOSING_FOOTER = define_rule("leftovers:closing-footer", "noise",
                             "the site's copyright line after the story ('copyright Name 2019 - ISSN …')")
CLOSING_TEASERS = define_rule("leftovers:closing-teasers", "noise",
                              "other stories' headlines after their sections' names closing the text "
                              "('World | Storm closes the coast road', two or more)")
CLOSING_LIST = define_rule("leftovers:closing-list", "noise",
                           "other stories listed as bullet lines under a promo or footer line closing the text "
                           "('Join our contest' over '- <headline> <summary>' lines)")
CLOSING_DATED = define_rule("leftovers:closing-dated", "noise",
                             "other stories listed with their times closing the text ('- 35 detik lalu <headline>', "
                             "'Kamis, 05 November 2015 16:09 WIB <headline>', two or more)")
CLOSING_UI = define_rule("leftovers:closing-ui", "noise",
                         "a UI word between the promo and footer lines closing the text ('Comments', 'Thank you')")



@dataclass(frozen=True)
class _Patterns:
    promo: Any
    target: Any
    own: Any
    footer_start: Any
    footer_in: Any
    relative: Any  # a relative time ("35 detik lalu", "2 hours ago")


def _compile(locale: Locale) -> _Patterns:
    tail, page = locale.tail, locale.schema.page
    return _Patterns(
        promo=regex.compile(rf"(?:(?:{_alt(tail.promo_softeners)})[,!]?[ \t\u00a0]+)?(?:{_alt(tail.promo_verbs)})\b",
                            regex.IGNORECASE),
        target=regex.compile(rf"\b(?:{_alt(tail.promo_targets)})\b", regex.IGNORECASE),
        own=regex.compile(rf"\b(?:{_alt(tail.promo_own_words)})\b", regex.IGNORECASE),
        footer_start=regex.compile(rf"(?:{_alt(page.footer_words)})\b", regex.IGNORECASE),
        footer_in=regex.compile(rf"\b(?:{_alt(page.footer_words)})\b"),
        relative=regex.compile(rf"\b\d{{1,3}}[ \t\u00a0]+(?:{_alt(locale.schema.links.time_units)})[ \t\u00a0]+"
                               rf"(?:{_alt(locale.schema.links.ago_words)})\b", regex.IGNORECASE),
    )


# a UI line: words of letters, maybe closed by "!", "?" or an ellipsis ("Comments", "Sorry!",
# "Tell us what you think...")
_UI = regex.compile(r"\p{L}[\p{L}'’\-]*(?:[ \t\u00a0]+[\p{L}'’\-]+){0,9}[ \t\u00a0]*(?:[!?]{1,3}|\.{3}|…)?")
# a section's name (at most five words), a bar, a headline of four words or more closed by no full stop
_TEASER = regex.compile(r"[\p{Lu}\d][\p{L}\d&'’.\-]*(?:[ \t\u00a0]+[\p{L}\d&'’.\-]+){0,4}[ \t\u00a0]+\|[ \t\u00a0]+"
                        r"[^\s|]+(?:[ \t\u00a0]+[^\s|]+){3,29}(?<![.!?:;,])")
# a counter left by a widget: figures parted by a colon or a bar, no letter ("0 : 0", "12 | 3")
_COUNTER = regex.compile(r"\d{1,6}(?:[ \t\u00a0]*[:|/][ \t\u00a0]*\d{1,6}){1,3}")
_LISTED = regex.compile(r"[-–—•·*][ \t\u00a0]+\S")  # a bullet line: "- Storm closes the coast road …"
_FIRST_SENTENCE = regex.compile(r"[.!?]+[\"”’]?(?=[ \t\u00a0]+\S)")
_TAIL_PROMO_REST = 60  # (the tail stage's reader-promo rule takes a promo sentence with this much after it)


def _furniture_only(draft: Draft, line: Line) -> bool:
    """Every character of the line that is not a space was taken as noise or link block (by one claim or more:
    "- © 2015 - Site" may be a footer's and a copyright line's)."""
    text = draft.text
    pos = line.lo
    while pos < line.hi:
        claim = draft.claim_at(pos)
        if claim is None:
            nxt = draft.free_until(pos, line.hi)
            if text[pos:nxt].strip():
                return False
            pos = max(nxt, pos + 1)
            continue
        if claim.kind not in ("noise", "link_block"):
            return False
        pos = claim.end
    return True


@dataclass(frozen=True)
class Leftovers:
    """Claims the promo, footer and UI lines an extractor left after the story."""

    name: str = "leftovers"
    max_promo_words: int = 60  # a promo line (its sentence and the site's small print after it)
    max_footer_words: int = 30  # a copyright line
    max_ui_words: int = 6  # a UI line
    max_lines: int = 12  # lines of such a run, at most
    max_listed: int = 20  # bullet lines of such a run, at most (counted apart)
    max_dated_words: int = 30  # a dated line: another story's time and headline
    max_dated_lead: int = 2  # ... with at most this many words before the time (a bullet, a section's code)

    def _kind(self, draft: Draft, p: _Patterns, line: Line) -> str | None:
        s = draft.text[line.lo : line.hi]
        words = len(s.split())
        if words <= self.max_promo_words and p.promo.match(s) and p.target.search(s) and not p.own.search(s):
            # a promo sentence with little after it is the tail stage's (its reader-promo rule)
            cut = _FIRST_SENTENCE.search(s)
            first, rest = (s[: cut.end()], s[cut.end() :]) if cut else (s, "")
            return "tail" if p.target.search(first) and len(rest.strip()) <= _TAIL_PROMO_REST else "promo"
        # (a footer word inside a sentence is the story's: "The Copyright Office said ….")
        if words <= self.max_footer_words and (p.footer_start.match(s) or "©" in s or (
                p.footer_in.search(s) and not s.endswith((".", "!", "?")))):
            return "footer"
        if words <= self.max_ui_words and (_UI.fullmatch(s) or _COUNTER.fullmatch(s.strip())):
            return "ui"
        if self._dated(draft, p, line):
            return "dated"
        if _TEASER.fullmatch(s) and sum(any(c.isdigit() for c in w) for w in s.split("|", 1)[1].split()) <= 1:
            return "teaser"  # (a headline holds words: a row of a price table after a bar holds figures)
        if _LISTED.match(s):
            return "listed"
        return None

    def _dated(self, draft: Draft, p: _Patterns, line: Line) -> bool:
        """Another story listed with its time: a date with its clock or a relative time near the line's start
        (after at most ``max_dated_lead`` words: a bullet, a section's code), then a headline of three words or
        more opening with a capital, no sentence closed at the end."""
        text = draft.text
        s = text[line.lo : line.hi]
        if len(s.split()) > self.max_dated_words or s.rstrip().endswith((".", ":", ";", ",")):
            return False
        m = p.relative.search(text, line.lo, line.hi)
        at: tuple[int, int] | None = (m.start(), m.end()) if m else None
        if at is None:
            reading = date_reader(draft.locale).read_header(text, line.lo, line.hi)
            if reading is None or reading.date is None or reading.time is None:
                return False
            at = (reading.start, reading.end)
        if len(text[line.lo : at[0]].split()) > self.max_dated_lead:
            return False
        rest = text[at[1] : line.hi].split()
        return len(rest) >= 3 and rest[0][:1].isupper()

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        p = draft.derived("leftovers", lambda: _compile(draft.locale))
        run: list[tuple[Line, str]] = []
        taken = listed = 0  # lines of the run this stage may claim (an earlier stage's lines are not counted)
        for line in reversed(draft.lines):
            if line.blank:
                continue
            if not draft.is_free(line.lo, line.hi):
                if _furniture_only(draft, line):
                    # a UI line, a footer or a link block an earlier stage took: the run goes on above, and UI
                    # words under it are furniture as they are under a promo line
                    run.append((line, "claimed-dated" if self._dated(draft, p, line) else "claimed"))
                    continue
                break
            kind = self._kind(draft, p, line)
            if kind is None or (listed if kind == "listed" else taken) >= (
                    self.max_listed if kind == "listed" else self.max_lines):
                break
            run.append((line, kind))
            if kind == "listed":
                listed += 1
            else:
                taken += 1
        # the run up to its topmost promo or footer line (UI words above it may be the story's), teaser lines
        # only when there are two or more of them
        # (bullet lines only under a promo or footer line of the run: a list under the story's last paragraph or
        # under a label between paragraphs is the story's)
        teasers = sum(kind == "teaser" for _, kind in run) >= 2
        dated = sum(kind in ("dated", "claimed-dated") for _, kind in run) >= 2
        anchor = max((k for k, (_, kind) in enumerate(run) if kind in ("promo", "tail", "footer")), default=-1)
        top = max((k for k, (_, kind) in enumerate(run)
                   if kind not in ("ui", "teaser", "listed", "dated")
                   or (kind == "teaser" and teasers) or (kind == "dated" and dated)), default=-1)
        why = {"promo": CLOSING_PROMO, "footer": CLOSING_FOOTER, "ui": CLOSING_UI, "teaser": CLOSING_TEASERS,
               "listed": CLOSING_LIST, "dated": CLOSING_DATED}
        for k, (line, kind) in enumerate(run[: top + 1]):
            if kind == "listed" and k > anchor:
                continue
            if kind not in ("tail", "claimed", "claimed-dated"):
                found.claim("noise", line.lo, line.hi, why[kind])
        return found
