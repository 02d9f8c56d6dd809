"""Initials, desk codes and brands closing the text: ``(fbr/wes)``, ``(ant)``, ``[tin/adv]``, ``-- Utusan Online``."""

from __future__ import annotations

from typing import Any

import regex

from ...draft import Draft, Findings
from ...rulebook import define_rule
from .context import back_over_claims, before_ok, canonical
from .patterns import SP

__all__ = ["bracket", "code", "dash_brand"]

# The rules these steps claim with.
SOURCE_CODE = define_rule("tail:source-code", "attribution", "a code that alone names a source: '(ant)', '(dtk)'")
INITIALS_SINGLE = define_rule("tail:initials-single", "credit", "one lower-case code of up to 5 letters: '(ade)'")
INITIALS_LOWER = define_rule("tail:initials-lower", "credit",
                             "lower-case codes joined by '/': '(fbr/wes)', '(sip/fdn)'")
INITIALS_CAPITALISED = define_rule("tail:initials-capitalised", "credit",
                                   "two capitalised codes of 2 to 4 letters: '(Dio/Ysl)'")
INITIALS_OUTLET = define_rule("tail:initials-outlet", "credit",
                              "short codes with a catalogued outlet, or a desk code first: '(fat/jpnn)', '(ADV/ARIK)'")
INITIALS_DOMAIN = define_rule("tail:initials-domain", "credit", "a code and a domain: '(cr3/tribun-medan.com)'")
OUTLET_REPORTER = define_rule("tail:outlet-reporter", "credit",
                              "a catalogued outlet and a reporter's name in parentheses: '(Kompas.com/Rina Wati)'")
BRACKET_CODE = define_rule("tail:bracket-code", "credit", "another short code in brackets: '(CNN)', '[tin/adv]'")
DOMAIN_PAREN = define_rule("tail:domain-paren", "attribution",
                           "a site's domain alone in brackets closing the text: '(TribunKota.com)'")
EMPTY_BRACKETS = define_rule("tail:empty-brackets", "noise", "empty brackets closing the story: '[]'")
DASH_BRAND_SOURCE = define_rule("tail:dash-brand-source", "attribution",
                                "a dash and a catalogued brand closing the story: '-- Utusan Online'")
DASH_BRAND = define_rule("tail:dash-brand", "credit", "a dash and a brand the catalogue does not know: '-mD'")
DATE_STAMP = define_rule("tail:date-stamp", "noise", "a dash and a date stamp alone closing the story: '- 4/3/2025'")

_DOMAINISH = regex.compile(r"[\p{L}\d][\p{L}\d\-]*(?:\.\p{L}{2,6}){1,3}")
_CODE_PART = regex.compile(r"\*|(?=[^/]*\p{L})[\p{L}\d][\p{L}\d\-.]{0,11}")
_NAME_PART = regex.compile(rf"\p{{Lu}}[\p{{L}}'’]*\.?(?:{SP}\p{{Lu}}[\p{{L}}'’]*\.?){{0,3}}")


def code(draft: Draft, found: Findings, value: str, start: int, end: int) -> tuple[int, str] | None:
    """``(fbr/wes)``, ``(ant)``, ``(fat/jpnn)``, ``(Antara)``, ``(TribunJakarta.com/Name)``."""
    text = draft.text
    parts = value.split("/")
    glued = start > 0 and text[start - 1].isalpha()
    k = start
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    after_claim = k > 0 and draft.claim_at(k - 1) is not None  # "… 0% (dra)" after an insert
    if not (before_ok(text, start) or glued or after_claim):
        return None
    if len(parts) == 1:
        v = parts[0]
        name = canonical(draft, v)
        if name and (v.islower() or draft.outlets.lookup(v)):
            c = found.claim("attribution", start, end, SOURCE_CODE, sources=[name])
            return (c.start, "attribution") if c else None
        if v.islower() and v.isalpha() and len(v) <= 5:
            c = found.claim("credit", start, end, INITIALS_SINGLE, role="initials", name=v)
            return (c.start, "credit") if c else None
        return None
    first, last = parts[0], parts[-1]
    all_lower = all(x.islower() or x.isdigit() for x in "".join(parts) if x.isalpha() or x.isdigit())
    outlet_last = draft.outlets.lookup(last) is not None or draft.outlets.lookup(first) is not None
    if all_lower and all(1 <= len(x) <= 8 for x in parts) and any(x.isalpha() for x in value):
        c = found.claim("credit", start, end, INITIALS_LOWER, role="initials", name=value)
        return (c.start, "credit") if c else None
    if len(parts) == 2 and all(x[:1].isupper() and x[1:].islower() and 2 <= len(x) <= 4 for x in parts):
        c = found.claim("credit", start, end, INITIALS_CAPITALISED, role="initials", name=value)  # "(Dio/Ysl)"
        return (c.start, "credit") if c else None
    desk = {d.casefold() for d in draft.locale.tail.desk_codes}
    if (outlet_last and (len(first) <= 5 or all_lower) and all(len(x) <= 12 for x in parts)) or (
            first.casefold() in desk and len(parts) == 2 and len(last) <= 8):  # "(ADV/ARIK)"
        c = found.claim("credit", start, end, INITIALS_OUTLET, role="initials", name=value)
        return (c.start, "credit") if c else None
    if len(parts) == 2 and first.islower() and len(first) <= 8 and _DOMAINISH.fullmatch(last):
        # "(cr3/tribun-medan.com)"
        c = found.claim("credit", start, end, INITIALS_DOMAIN, role="initials", name=value)
        return (c.start, "credit") if c else None
    if draft.outlets.lookup(first) is not None and len(parts) == 2 and " " in last:
        c = found.claim("credit", start, end, OUTLET_REPORTER, role="reporter", name=last)
        return (c.start, "credit") if c else None
    return None


def bracket(draft: Draft, found: Findings, m: Any, lo: int, end: int) -> tuple[int, str] | None:
    """Any short code in brackets closing the text, in any case: ``(CNN)``, ``(T2)``, ``(Mg-21)``,
    ``(red.)``, ``[tin/adv]``, ``(DS/zh)``, ``(bx/ade/yes/JPR)``, ``(Yendhi/b)``, ``( Syakir NF/Muiz )``,
    and the empty ``[]``.

    A bare code naming a source (``(CNN)`` when the catalogue knows it, ``(AFP)``) is attribution;
    anything else is a credit. Every part must be a code (one token with a letter, at most 12
    characters, or ``*``) or a short name in Title Case; ``(1/2)`` and ``(20/10)`` are not codes.
    """
    if (m["o"] == "(") != (m["c"] == ")"):
        return None
    start = lo + m.start()
    v = m["v"].strip(" \t\u00a0")
    if not v:
        c = found.claim("noise", start, end, EMPTY_BRACKETS)
        return (c.start, "noise") if c else None
    if _DOMAINISH.fullmatch(v):
        # "(TribunPadang.com)": the site that published the story, named by its domain (any outlet's)
        source = canonical(draft, v) or v.lower()
        c = found.claim("attribution", start, end, DOMAIN_PAREN, sources=[source])
        return (c.start, "attribution") if c else None
    parts = [x.strip(" \t\u00a0") for x in v.removesuffix(".").split("/")]
    if not all(_CODE_PART.fullmatch(x) or _NAME_PART.fullmatch(x) for x in parts):
        return None
    if len(parts) == 1 and not _CODE_PART.fullmatch(parts[0]):
        return None  # one name alone is the reporter-line rule's (it wants a line or a sentence end)
    names = [canonical(draft, x) for x in parts if x != "*"]
    if len(parts) == 1 and names[0] is not None:
        c = found.claim("attribution", start, end, SOURCE_CODE, sources=[names[0]])
        return (c.start, "attribution") if c else None
    c = found.claim("credit", start, end, BRACKET_CODE, role="initials", name=v)
    return (c.start, "credit") if c else None


def dash_brand(draft: Draft, found: Findings, m: Any, lo: int) -> tuple[int, str] | None:
    """``- NAMA AKHBAR 3/7/2017``, ``-- Utusan Online``, ``-mD``, ``- 28/6/2018`` closing the text.

    A brand the catalogue knows was taken by the wire rule (attribution); any other brand is a
    credit, and a date stamp alone is noise (it is never the story's date). On a line of its own it
    must follow a sentence, not another dash item of a list.
    """
    text = draft.text
    start = lo + m.start()
    k = start
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    if m["v"] and (k == 0 or text[k - 1] == "\n"):  # (a date stamp alone is never a list item)
        i = back_over_claims(draft, k)  # over blank lines and pieces other stages took (an embedded post)
        prev = text[text.rfind("\n", 0, i) + 1 : i].strip()
        if not prev or prev[-1] not in ".!?\"”’)" or prev[0] in "-–—•*":
            return None
    end = lo + m.end()
    if m["v"]:
        brand = " ".join(m["v"].split())
        name = canonical(draft, brand)
        for suffix in draft.locale.tail.brand_suffixes:  # "Utusan Online", "Berita Harian Online"
            if name is None and brand.casefold().endswith(" " + suffix.casefold()):
                name = canonical(draft, brand[: -len(suffix) - 1])
        if name is not None:
            c = found.claim("attribution", start, end, DASH_BRAND_SOURCE, sources=[name])
            return (c.start, "attribution") if c else None
        c = found.claim("credit", start, end, DASH_BRAND, role="outlet", name=m["v"])
        return (c.start, "credit") if c else None
    c = found.claim("noise", start, end, DATE_STAMP)
    return (c.start, "noise") if c else None
