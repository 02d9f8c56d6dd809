"""What the tail's rules ask about a piece: the source it names, and what stands before it."""

from __future__ import annotations

from ...draft import Draft
from ...sources import canonical_source, split_sources

__all__ = ["back_over_claims", "before_ok", "canonical", "prev_ends_sentence", "sources"]


def canonical(draft: Draft, value: str) -> str | None:
    """The canonical name of one source, or ``None`` when it is not a known news source."""
    return canonical_source(value, draft.outlets, draft.locale, domains=False)


def sources(draft: Draft, value: str, *, lenient: bool) -> list[str] | None:
    """Canonical names for ``A/B``; ``None`` when a part is unknown (unless ``lenient``)."""
    return split_sources(value, draft.outlets, draft.locale, lenient=lenient)


def before_ok(text: str, pos: int) -> bool:
    """A tail must follow the end of a sentence or start its own line."""
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0\u200b\u200e\u200f\ufeff":
        i -= 1
    return i == 0 or text[i - 1] in ".!?\"”’)\n]…"


def prev_ends_sentence(draft: Draft, pos: int) -> bool:
    """The last character before ``pos``, over spaces and newlines, ends a sentence."""
    text = draft.text
    i = pos
    while i > 0 and text[i - 1] in " \t\r\n\u00a0":
        i -= 1
    return i > 0 and text[i - 1] in ".!?\"”’)"


def back_over_claims(draft: Draft, pos: int) -> int:
    """Where the text before ``pos`` ends once whitespace and pieces other stages claimed are skipped."""
    text = draft.text
    while pos > 0:
        if text[pos - 1].isspace():
            pos -= 1
            continue
        claim = draft.claim_at(pos - 1)
        if claim is None:
            break
        pos = claim.start
    return pos
