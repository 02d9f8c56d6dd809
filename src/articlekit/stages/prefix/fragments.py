"""The pieces every prefix shape is built from: spaces, dashes, separators, place words, domains."""

from __future__ import annotations

import regex

__all__ = [
    "BODY_START", "DASH", "DASH_SEP", "DOMAIN", "DOMAIN_TYPO", "PARTNER", "PLACE_ANY", "PLACE_CAPS",
    "PROSE_LINE", "SEP", "SP", "TOKEN", "group",
]


def group(name: str, pattern: str) -> str:
    """``pattern`` as the named group ``name``."""
    return f"(?P<{name}>{pattern})"


SP = r"[ \t\u00a0]"
DASH = r"(?:--|—|–|-)"
# ",-" too: "TRIBUN-MEDAN.COM,- Bagi Anda …"
SEP = rf"(?:{SP}*,?(?:--|—|–|-|:|\|){SP}*)"
# a dash and its spaces, the separator of the shapes that print no colon
DASH_SEP = rf"{SP}*(?:--|—|–|-){SP}*"
# a domain, or one whose dot before a second-level suffix was printed as a space or a comma
# ("BANJARMASINPOST CO.ID", "Posmetro,co.id": the token names the domain it meant)
_SLD = r"(?i:co|or|ac|go|net|web|sch|my)"
DOMAIN = (r"(?:[\p{L}\d][\p{L}\d\-]*(?:\.[\p{L}]{2,6}){1,3}"
          rf"|[\p{{L}}\d][\p{{L}}\d\-]*[ ,]{_SLD}\.\p{{L}}{{2}}(?![\p{{L}}\d.]))")
DOMAIN_TYPO = regex.compile(rf"[ ,](?={_SLD}\.\p{{L}}{{2}}\Z)")
# Place words are bounded (40 characters, 4 hyphens): a greedy unbounded run backtracks quadratically
# in the regex module on a long run of capitals and dots ("A.A.A.A....") at the start of a page.
_WORD_ANY = r"\p{Lu}[\p{L}'’.]{0,40}(?:-\p{L}[\p{L}'’.]{0,40}){0,4}"
_WORD_CAPS = r"\p{Lu}[\p{Lu}'’.]{0,40}(?:-\p{Lu}[\p{Lu}'’.]{0,40}){0,4}"
# a place of one to four capitalised words ("Bandar\u00a0Lampung" too)
PLACE_ANY = rf"(?:{_WORD_ANY}(?:[ \u00a0/]{_WORD_ANY}){{0,3}})"
# a place in capitals, at least two letters
PLACE_CAPS = (rf"(?:\p{{Lu}}[\p{{Lu}}'’.]{{0,40}}\p{{Lu}}(?:-\p{{Lu}}[\p{{Lu}}'’.]{{0,40}}){{0,4}}"
              rf"(?:[ /]{_WORD_CAPS}){{0,3}})")
# a partner after the agency: "(ANTARA/Business Wire)", "(ANTARA/JACX)"
PARTNER = r"(?:[ \t\u00a0]*/[ \t\u00a0]*\p{L}[\p{L} .]{1,30}?)?"
# an outlet's name in parentheses: one to three capitalised words ("ANTARA", "Pos Kota")
TOKEN = r"\p{Lu}[\p{L}\d.\-]{1,30}(?:[ \u00a0]\p{Lu}[\p{L}\d.\-]{1,30}){0,2}"
# what the story's first word opens with
BODY_START = r"(?=[\u200b-\u200f\u2060\ufeff]{0,8}[\p{Lu}\p{N}\"“'‘(\[])"  # over zero-width marks
# a line of prose: a sentence end, or eight words and more
PROSE_LINE = regex.compile(r".{0,400}?[.!?\"”]\s*\Z|\S+(?:\s+\S+){7,}", regex.DOTALL)
