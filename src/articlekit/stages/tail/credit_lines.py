"""Credit and source lines closing the text: ``Pewarta: A``, ``Editor: B``, glued or not; ``Sumber: Antara``."""

from __future__ import annotations

from typing import Any

import regex

from ...draft import Draft, Findings
from ...rulebook import define_rule
from .context import back_over_claims, prev_ends_sentence, sources
from .patterns import Patterns

__all__ = ["labels", "long_credit", "plausible_value", "source_line"]

# The rules these steps claim with.
CREDIT_PAREN = define_rule("tail:credit-paren", "credit", "the parenthesis around a run of credit lines")
SOURCE_LINE = define_rule("tail:source-line", "attribution", "a source line: 'Sumber: Antara'")
CREDIT_LINE = define_rule("tail:credit-line", "credit", "a credit line: 'Pewarta: A', 'Editor: B', glued or not")

_NAME = regex.compile(r"[\p{L}][\p{L}\p{M} .,'’\-]{0,60}")
_PARTS = regex.compile(r"[/,&]")
_PLAIN_VALUE = regex.compile(r"[\p{L}\d .,'’&/\-()]{1,60}")


def labels(draft: Draft, found: Findings, p: Patterns, line_lo: int, end: int, window: int) -> int | None:
    """A run of ``Label: value`` pairs that reaches ``end`` (credit lines, glued or not), looked for in the
    last ``window`` characters."""
    text = draft.text
    lo = max(0, end - window)
    hits = list(p.label.finditer(text, lo, end))
    if not hits:
        return None
    accepted: list[tuple[Any, int]] = []
    stop = end
    for m in reversed(hits):
        value = text[m.end() : stop]
        if not plausible_value(value) and not (stop == end and long_credit(draft, m, value)):
            break
        accepted.append((m, stop))
        stop = m.start()
    if not accepted:
        return None
    # the run must start a line, follow a sentence, a comma join or a piece another stage took
    # (an insert: "…Prabowo\u00a0Pewarta: A"), sit in parentheses, or be glued to a word
    opening: int | None = None
    while accepted:
        first_m = accepted[-1][0]
        s = first_m.start()
        prev = text[s - 1] if s > 0 else "\n"
        k = s
        while k > 0 and text[k - 1].isspace() and text[k - 1] not in "\r\n":
            k -= 1
        before = text[k - 1] if k > 0 else "\n"
        # two labels or more ("Pewarta: A Editor: B") are a credit run even after a word, where
        # newlines were lost
        run = len(accepted) >= 2 and k < s
        if s == line_lo or prev in "\n.,!?\"”’)\t|" or prev.isalpha() or before in "\r\n.,!?\"”’)|" or (
                run or draft.claim_at(k - 1) is not None):
            break
        if before == "(" and (k < 2 or not text[k - 2].isalnum()):
            opening = k - 1  # "(Reporter: A | Editor: B)": the parenthesis belongs to the run
            break
        accepted.pop()
    if not accepted:
        return None
    source_labels = {x.casefold() for x in draft.locale.tail.source_labels}
    has_credit = any(m["l"].casefold() not in source_labels for m, _ in accepted)
    kept: list[tuple[Any, int, str, str, list[str] | None]] = []
    for m, stop in accepted:  # the last label in the text first
        label = " ".join(m["l"].split())
        value = text[m.end() : stop].strip(" \t\u00a0,|\r\n")
        srcs = None
        if label.casefold() in source_labels:
            srcs = sources(draft, value, lenient=False)
            if srcs is None and not has_credit:
                if len(accepted) == 1 and source_line(draft, m.start(), value):
                    srcs = sources(draft, value, lenient=True)
                else:
                    break  # "Sumber: BPS" under a table is not a news source: the run ends here
            elif srcs is None and _source_name(draft, value):
                # inside a run of credits, "Sumber: Persib" names where the story came from, as written
                srcs = sources(draft, value, lenient=True)
        kept.append((m, stop, label, value, srcs))
    if not kept:
        return None
    if opening is not None and len(kept) == len(accepted):
        found.claim("credit", opening, kept[-1][0].start(), CREDIT_PAREN)
    for m, stop, label, value, srcs in kept:
        if opening is not None:
            value = value.removesuffix(")").rstrip(" \t\u00a0,|")
        if srcs is not None:
            found.claim("attribution", m.start(), stop, SOURCE_LINE, sources=srcs)
        else:
            found.claim("credit", m.start(), stop, CREDIT_LINE, role=label, name=value)
    if opening is not None and len(kept) == len(accepted):
        return opening
    return int(kept[-1][0].start())


def source_line(draft: Draft, start: int, value: str) -> bool:
    """``Sumber: ESPN`` on its own last line, under prose (not under a table): a source tail.

    The value is a name of at most four words; the line before ends a sentence.
    """
    text = draft.text
    line = draft.line_at(start)
    words = value.split()
    data = {x.casefold() for x in draft.locale.tail.data_sources}
    if any(part.strip(" .").casefold() in data for part in _PARTS.split(value)):
        return False
    # what stands above it, pieces other stages took (a promo line) skipped, must end a sentence
    k = back_over_claims(draft, line.lo)
    return (not text[line.lo : start].strip() and 1 <= len(words) <= 4 and value[:1].isupper()
            and not any(ch.isdigit() for ch in value) and k > 0 and text[k - 1] in ".!?\"”’)]")


def _source_name(draft: Draft, value: str) -> bool:
    """A source's name in a credit run: one to five words, capitalised, no figures, not a data source."""
    data = {x.casefold() for x in draft.locale.tail.data_sources}
    if any(part.strip(" .").casefold() in data for part in _PARTS.split(value)):
        return False
    return 1 <= len(value.split()) <= 5 and value[:1].isupper() and not any(ch.isdigit() for ch in value)


def long_credit(draft: Draft, m: Any, value: str) -> bool:
    """The last line a credit label opens, under a sentence, with a long value that is no sentence:
    ``Penulis: Jurnalis X dan Koordinator Relawan Y (ABC) Aceh Tenggara``."""
    text = draft.text
    line = draft.line_at(m.start())
    v = value.strip()
    return (not text[line.lo : m.start()].strip() and "\n" not in v and 0 < len(v) <= 200
            and len(v.split()) <= 30 and not regex.search(r"[.!?][ \t]+\p{Lu}", v)
            and m["l"].casefold() not in {x.casefold() for x in draft.locale.tail.source_labels}
            and prev_ends_sentence(draft, line.lo))


def plausible_value(value: str) -> bool:
    v = value.strip(" \t\u00a0,|\r\n")
    if not v:
        return True
    if "\n" in v.strip():
        return False
    if len(v) > 60 or len(v.split()) > 7:
        return False
    return bool(_NAME.fullmatch(v)) or bool(_PLAIN_VALUE.fullmatch(v))
