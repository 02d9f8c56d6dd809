"""Canonical source names for attribution: agencies by short name, other outlets by domain.

``(Sumber: Antara/Reuters)`` → ``["Antara", "Reuters"]``; ``(dtk)`` → ``["detik.com"]``;
``— Agensi`` → ``["Agensi"]`` (a generic word of the locale, written as it is).
"""

from __future__ import annotations

import regex

from .rules import Locale, OutletCatalogue

__all__ = ["canonical_source", "split_sources"]

_SPLIT = regex.compile(r"\s*(?:/|,|&|\b(?i:dan|and)\b|;)\s*")
_INITIALS = regex.compile(r"\p{Ll}{1,6}(?:\(\p{Ll}{1,6}\)|-\p{Ll}{1,6})?\d{0,2}")
_DOMAINISH = regex.compile(r"[\p{L}\d][\p{L}\d\-]*(?:\.[\p{L}]{2,6}){1,3}")


def canonical_source(value: str, outlets: OutletCatalogue, locale: Locale, *, domains: bool = True) -> str | None:
    """The canonical name of one source, or ``None`` when it is not a known news source.

    With ``domains``, an unknown token shaped like a domain (``wartakotalive.com``) is
    accepted as that domain, lower-cased.
    """
    v = " ".join(value.strip(" .\t\u00a0").split())
    if not v:
        return None
    entry = outlets.lookup(v) or outlets.by_code.get(v.casefold())
    if entry is not None:
        return entry.source
    for g in locale.tail.generic_sources:
        if g.casefold() == v.casefold():
            return g
    if domains and _DOMAINISH.fullmatch(v):
        return v.lower()
    return None


def split_sources(value: str, outlets: OutletCatalogue, locale: Locale, *, lenient: bool) -> list[str] | None:
    """Canonical names for ``A/B``; ``None`` when a part is unknown (unless ``lenient``)."""
    out: list[str] = []
    for part in _SPLIT.split(value.strip()):
        if not part.strip(" .,"):
            continue
        name = canonical_source(part, outlets, locale)
        if name is None:
            if not lenient:
                return None
            if out and _INITIALS.fullmatch(part.strip(" .")):
                continue  # "Source: CNA/ab(cd)": the desk's initials after the source are a credit
            name = part.strip(" .")
        if name not in out:
            out.append(name)
    return out
