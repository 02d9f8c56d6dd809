"""Locale and outlet data: file schemas, loading, validation and compiled patterns.

Data files are TOML (``data/locales/<lang>.toml``, ``data/outlets/<lang>.toml``), checked
against the pydantic models of ``schema`` (extra keys are errors) and compiled once. A bad file
raises :class:`~articlekit.errors.RuleError` naming the file, the rule id and the field.

One module per job: ``schema`` (what a file may hold), ``files`` (reading a file, its errors),
``patterns`` (compiling patterns, timed for users' files), ``locale`` (a locale built from its
data), ``loading`` (bundled locales and users' files), ``outlets`` (the outlet catalogue) and
``detect`` (guessing a text's language).
"""

from __future__ import annotations

from .detect import detect_language
from .loading import PATTERN_TIMEOUT, available_languages, load_locale, load_locale_file, locale_from_text
from .locale import LineRule, Locale, Marker, NoiseRule
from .outlets import OutletCatalogue, load_outlets
from .patterns import TimedPattern, compile_pattern
from .schema import OutletEntry

__all__ = [
    "PATTERN_TIMEOUT",
    "LineRule",
    "Locale",
    "Marker",
    "NoiseRule",
    "OutletCatalogue",
    "OutletEntry",
    "TimedPattern",
    "available_languages",
    "compile_pattern",
    "detect_language",
    "load_locale",
    "load_locale_file",
    "load_outlets",
    "locale_from_text",
]
