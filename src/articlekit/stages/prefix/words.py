"""What a word at the body start is: an outlet's first word, a label, a seam where two words were glued."""

from __future__ import annotations

from ...rules import Locale

__all__ = ["glued_inside", "label_words", "names_an_outlet", "title_place", "token_key", "word_starts"]

_KEY_STRIP = ",.-–—:;()[]|\"'“”"


def label_words(locale: Locale) -> frozenset[str]:
    """Words that open a labelled line ("Sumber: …", "Foto: …", "Baca: …"): never a dateline's place."""
    schema = locale.schema
    words = [*schema.tail.credit_labels, *schema.tail.source_labels, *schema.header.photo_labels,
             *schema.page.byline_words, *schema.page.credit_lead_words, *schema.captions.prose_openers,
             *schema.inserts.headline.sentence_starters, *schema.captions.prose_words, *schema.prefix.label_words]
    return frozenset(w.casefold() for w in words)


def token_key(token: str) -> str:
    return token.strip(_KEY_STRIP).casefold()


def names_an_outlet(text: str, lo: int, hi: int, first_words: frozenset[str], *, domains: bool) -> bool:
    """Whether ``text[lo:hi]`` holds a word that starts an outlet name (one of ``first_words``, as
    :func:`token_key` reads them), or, with ``domains``, a domain."""
    # the words as token_key reads them; casefolding the window once changes no strip character
    window = text[lo:hi].replace("(", " ").replace(",", " ").casefold()
    parts = window.split()
    if not first_words.isdisjoint([p.strip(_KEY_STRIP) for p in parts]):
        return True
    if not domains or "." not in window:
        return False
    return any("." in p.strip(".,") and any(c.isalpha() for c in p) for p in parts if "." in p)


def word_starts(text: str, lo: int, hi: int) -> list[int]:
    """Where a capitalised word may start in ``text[lo:hi]``: after a space or a comma, or glued on.

    Glued on: after a lower-case letter or a digit (``politikTrenggalek``, ``2023Jakarta``), or
    after a run of capitals when a lower-case letter follows (``ASNJakarta``).
    """
    out = []
    for i in range(lo, hi):
        c = text[i]
        if not c.isupper():
            continue
        prev = text[i - 1] if i > 0 else " "
        if (prev.isspace() or prev in ",.;:!?\"”’)" or prev.islower() or prev.isdigit()
                or (prev.isupper() and text[i + 1 : i + 2].islower())):
            out.append(i)
    return out


def glued_inside(place: str) -> bool:
    """Whether a word of ``place`` holds a seam where two words were glued (``RLDCDubai``, ``ASNJakarta``)."""
    for word in place.replace(",", " ").split():
        for i in range(1, len(word) - 1):
            a, b, c = word[i - 1], word[i], word[i + 1]
            if b.isupper() and (a.islower() or a.isdigit() or (a.isupper() and c.islower())):
                return True
    return False


def title_place(place: str) -> str:
    """A dateline place in Title Case (``KUALA LUMPUR`` → ``Kuala Lumpur``), as docs/parse-rules.md writes it."""
    words = place.split(" ")
    out = []
    for w in words:
        if w.isupper() and len(w) > 1:
            w = "/".join(part.capitalize() for part in w.split("/"))
            w = "-".join(part[:1].upper() + part[1:] for part in w.split("-"))
        out.append(w)
    return " ".join(out)
