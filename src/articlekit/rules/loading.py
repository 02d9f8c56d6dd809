"""Loading a locale: the bundled ones by language (a ``base`` merged underneath), or a user's file."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import RuleError, UnknownLanguage
from .files import read_toml, validation_error
from .locale import Locale, build_locale
from .schema import LocaleSchema

__all__ = [
    "PATTERN_TIMEOUT", "available_languages", "load_locale", "load_locale_file", "locale_from_text", "raw_locale",
]

#: Seconds a pattern from a user's locale file may run in one match call before it is abandoned
#: (the default of :func:`locale_from_text` and :func:`load_locale_file`; a rule's own ``timeout`` wins).
PATTERN_TIMEOUT = 0.5


@functools.lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    """The languages that have bundled locale data."""
    folder = resources.files("articlekit").joinpath("data", "locales")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))


def _merge(base: Any, over: Any) -> Any:
    """``over`` laid on ``base``: tables merge key by key; lists of rule tables merge by ``id``
    (a rule with the same id replaces the base rule); lists of word groups (months, weekdays) merge
    group by group; other lists are extended; scalars replace."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = _merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(over, list):
        if (base and len(base) == len(over) and all(isinstance(x, list) for x in (*base, *over))):
            return [_merge(b, o) for b, o in zip(base, over, strict=True)]  # word groups: month by month
        if all(isinstance(x, dict) and "id" in x for x in (*base, *over)):
            by_id = {x["id"]: x for x in base}
            by_id.update({x["id"]: x for x in over})
            return list(by_id.values())
        return [*base, *(x for x in over if x not in base)]
    return over


def raw_locale(lang: str, seen: tuple[str, ...] = ()) -> tuple[dict[str, Any], str]:
    """The TOML data of a bundled locale with its ``base`` locale merged underneath."""
    if lang not in available_languages():
        raise UnknownLanguage(lang, available_languages())
    path = f"articlekit/data/locales/{lang}.toml"
    res = resources.files("articlekit").joinpath("data", "locales", f"{lang}.toml")
    data = read_toml(path, res.read_text(encoding="utf-8"))
    base = data.get("base")
    if isinstance(base, str):
        if base in (*seen, lang):
            raise RuleError(f"locale base chain loops through {base!r}", path=path, field="base")
        base_data, _ = raw_locale(base, (*seen, lang))
        merged = _merge(base_data, {k: v for k, v in data.items() if k != "base"})
        merged["base"] = base
        merged["lang"] = data.get("lang", lang)
        merged["name"] = data.get("name", lang)
        merged["detect_words"] = data.get("detect_words", [])
        data = merged
    return data, path


@functools.lru_cache(maxsize=16)
def load_locale(lang: str = "id") -> Locale:
    """The bundled locale for ``lang`` (cached), its ``base`` merged in. Raises :class:`UnknownLanguage`."""
    data, path = raw_locale(lang)
    return _locale_from_data(data, path)


def locale_from_text(text: str, *, path: str, pattern_timeout: float | None = PATTERN_TIMEOUT) -> Locale:
    """Validate and compile locale data given as TOML text (a ``base`` names a bundled locale).

    The text is untrusted: a bad file raises :class:`RuleError` naming the file, the rule id and
    the field, and every pattern built from it gives up after ``pattern_timeout`` seconds per
    match call (a rule's own ``timeout`` wins; ``None``: no limit), which a parse reports as a note.
    """
    data = read_toml(path, text)
    base = data.get("base")
    if isinstance(base, str):
        base_data, _ = raw_locale(base)
        data = {**_merge(base_data, {k: v for k, v in data.items() if k != "detect_words"}),
                "detect_words": data.get("detect_words", [])}
    return _locale_from_data(data, path, pattern_timeout)


def load_locale_file(path: str | Path, *, pattern_timeout: float | None = PATTERN_TIMEOUT) -> Locale:
    """A user's locale file (TOML, UTF-8), untrusted: see :func:`locale_from_text`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read locale file: {exc}", path=str(path)) from exc
    return locale_from_text(text, path=str(path), pattern_timeout=pattern_timeout)


def _locale_from_data(data: dict[str, Any], path: str, pattern_timeout: float | None = None) -> Locale:
    try:
        schema = LocaleSchema.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, path, data) from exc
    return build_locale(schema, path, pattern_timeout)
