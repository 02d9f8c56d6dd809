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
CLOSING_UI = define_rule("leftovers:closing-ui", "noise",
                         "a UI word between the promo and footer lines closing the text ('Comments', 'Thank you')")



@dataclass(frozen=True)
class _Patterns:
    promo: Any
    target: Any
    own: Any
    footer_start: Any
    footer_in: Any


def _compile(locale: Locale) -> _Patterns:
    tail, page = locale.tail, locale.schema.page
    return _Patterns(
        promo=regex.compile(rf"(?:(?:{_alt(tail.promo_softeners)})[,!]?[ \t\u00a0]+)?(?:{_alt(tail.promo_verbs)})\b",
                            regex.IGNORECASE),
        target=regex.compile(rf"\b(?:{_alt(tail.promo_targets)})\b", regex.IGNORECASE),
        own=regex.compile(rf"\b(?:{_alt(tail.promo_own_words)})\b", regex.IGNORECASE),
        footer_start=regex.compile(rf"(?:{_alt(page.footer_words)})\b", regex.IGNORECASE),
        footer_in=regex.compile(rf"\b(?:{_alt(page.footer_words)})\b"),
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


@dataclass(frozen=True)
class Leftovers:
    """Claims the promo, footer and UI lines an extractor left after the story."""

    name: str = "leftovers"
    max_promo_words: int = 60  # a promo line (its sentence and the site's small print after it)
    max_footer_words: int = 30  # a copyright line
    max_ui_words: int = 6  # a UI line
    max_lines: int = 12  # lines of such a run, at most
    max_listed: int = 20  # bullet lines of such a run, at most (counted apart)

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
        if _TEASER.fullmatch(s) and sum(any(c.isdigit() for c in w) for w in s.split("|", 1)[1].split()) <= 1:
            return "teaser"  # (a headline holds words: a row of a price table after a bar holds figures)
        if _LISTED.match(s):
            return "listed"
        return None

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        p = draft.derived("leftovers", lambda: _compile(draft.locale))
        run: list[tuple[Line, str]] = []
        taken = listed = 0  # lines of the run this stage may claim (an earlier stage's lines are not counted)
        for line in reversed(draft.lines):
            if line.blank:
                continue
            if not draft.is_free(line.lo, line.hi):
                claim = draft.claim_at(line.lo)
                if (claim is not None and claim.start <= line.lo and claim.end >= line.hi
                        and claim.kind in ("noise", "link_block")):
                    # a UI line, a footer or a link block an earlier stage took: the run goes on above, and UI
                    # words under it are furniture as they are under a promo line
                    run.append((line, "claimed"))
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
        anchor = max((k for k, (_, kind) in enumerate(run) if kind in ("promo", "tail", "footer")), default=-1)
        top = max((k for k, (_, kind) in enumerate(run)
                   if kind not in ("ui", "teaser", "listed") or (kind == "teaser" and teasers)), default=-1)
        why = {"promo": CLOSING_PROMO, "footer": CLOSING_FOOTER, "ui": CLOSING_UI, "teaser": CLOSING_TEASERS,
               "listed": CLOSING_LIST}
        for k, (line, kind) in enumerate(run[: top + 1]):
            if kind == "listed" and k > anchor:
                continue
            if kind not in ("tail", "claimed"):
                found.claim("noise", line.lo, line.hi, why[kind])
        return found
