"""Locale and outlet data: file schemas, loading, validation and compiled patterns.

Data files are TOML (``data/locales/<lang>.toml``, ``data/outlets/<lang>.toml``), checked
against the pydantic models below (extra keys are errors) and compiled once. A bad file
raises :class:`~articlekit.errors.RuleError` naming the file, the rule id and the field.
"""

from __future__ import annotations

import functools
import math
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import regex
from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError

from .errors import PatternTimeout, RuleError, UnknownLanguage
from .scanning import literal_trie

__all__ = [
    "Locale",
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

_STRICT = ConfigDict(frozen=True, extra="forbid")
T = TypeVar("T")

#: Seconds a pattern from a user's locale file may run in one match call before it is abandoned
#: (the default of :func:`locale_from_text` and :func:`load_locale_file`; a rule's own ``timeout`` wins).
PATTERN_TIMEOUT = 0.5


# --------------------------------------------------------------------------- schemas


def _phrases(value: Any) -> Any:
    """A rule's ``pattern`` may be a TOML array of phrases: one alternation, tried in the order written.

    ``pattern = ["Ikuti kami di", "Follow us on"]`` is ``pattern = '(?:Ikuti kami di)|(?:Follow us on)'``,
    so a diff that adds a phrase is one line. Each phrase must be a pattern on its own.
    """
    if not isinstance(value, list):
        return value
    if not value or not all(isinstance(v, str) and v for v in value):
        raise ValueError("a list of phrases holds one or more non-empty strings")
    for i, phrase in enumerate(value):
        try:
            regex.compile(phrase)
        except regex.error as exc:
            raise ValueError(f"phrase {i} ({phrase[:40]!r}) is not a valid pattern: {exc}") from exc
    return "|".join(f"(?:{v})" for v in value)


Pattern = Annotated[str, BeforeValidator(_phrases)]
"""A pattern written as one string or as a TOML array of phrases (see :func:`_phrases`)."""


class DatesSchema(BaseModel):
    model_config = _STRICT
    weekdays: list[list[str]]
    months: list[list[str]]
    timezones: dict[str, str] = {}
    skip: list[str] = []
    century: int = 2000
    future_markers: list[str] = []
    day_parts: list[str] = []
    plan_markers: list[str] = []


class PrefixSchema(BaseModel):
    model_config = _STRICT
    separators: list[str]
    places: list[str] = []
    # a place in Title Case before a colon opens the story ("Alor Gajah: ", Malay copy)
    title_colon: bool = False
    # words that open a labelled line ("Catatan: …"), besides the credit, source and photo labels: never a place
    label_words: list[str] = []
    # a dateline 'place' in capitals ending in one of these is a brand (an outlet the catalogue does not
    # know): "KRICOM - ", "MANADOPOST - "
    brand_endings: list[str] = []
    # words that open a caption or a credit ("Foto:", "Pic:"): never a dateline place, and a line that
    # closes with one and a name ("… Foto: Pertamina") is a caption, its capitals before a colon a kicker
    caption_labels: list[str] = []


class MarkerSchema(BaseModel):
    model_config = _STRICT
    id: str
    label: str
    pattern: Pattern
    bare: bool = False
    needs_colon: bool = False
    line_only: bool = False
    timeout: float | None = None  # seconds per match call; default: the locale's pattern_timeout
    doc: str = ""  # one line on what the rule does (``articlekit rules`` shows it)


class TrailersSchema(BaseModel):
    model_config = _STRICT
    words: list[str] = []


class HeadlineSchema(BaseModel):
    model_config = _STRICT
    small_words: list[str] = []
    sentence_starters: list[str] = []
    reporting_verbs: list[str] = []
    stops: list[str] = []


class InsertsSchema(BaseModel):
    model_config = _STRICT
    marker: list[MarkerSchema] = []
    trailers: TrailersSchema = TrailersSchema()
    headline: HeadlineSchema = HeadlineSchema()


class LinksSchema(BaseModel):
    model_config = _STRICT
    headings: list[str] = []
    tag_headings: list[str] = []
    heading_words: list[str] = []
    topic_sections: list[str] = []
    open_headings: list[str] = []
    time_units: list[str] = []
    ago_words: list[str] = []
    meta_labels: list[str] = []


class PageSchema(BaseModel):
    model_config = _STRICT
    updated_words: list[str] = []
    byline_words: list[str] = []
    tail_words: list[str] = []
    breadcrumb_words: list[str] = []
    footer_words: list[str] = []
    credit_lead_words: list[str] = []


class TailSchema(BaseModel):
    model_config = _STRICT
    credit_labels: list[str] = []
    source_labels: list[str] = []
    generic_sources: list[str] = []
    data_sources: list[str] = []
    desk_codes: list[str] = []
    end_marks: list[str] = []
    brand_suffixes: list[str] = []
    credit_roles: dict[str, list[str]] = {}
    """Printed credit labels by role (a role of ``articlekit.CREDIT_ROLES``): ``editor = ["Editor", "Redaktur"]``."""
    closing_labels: list[str] = []
    promo_verbs: list[str] = []
    promo_softeners: list[str] = []
    promo_targets: list[str] = []
    promo_own_words: list[str] = []
    promo_places: list[str] = []
    promo_read_verbs: list[str] = []
    promo_read_objects: list[str] = []
    signature_small_words: list[str] = []
    stamp_labels: list[str] = []
    bio_subjects: list[str] = []
    bio_verbs: list[str] = []
    bio_roles: list[str] = []
    disclaimer_openers: list[str] = []
    disclaimer_words: list[str] = []


class LineRuleSchema(BaseModel):
    model_config = _STRICT
    id: str
    pattern: Pattern
    timeout: float | None = None
    doc: str = ""


class HeaderSchema(BaseModel):
    model_config = _STRICT
    line: list[LineRuleSchema] = []
    caption: list[LineRuleSchema] = []
    credit_sources: list[str] = []
    photo_labels: list[str] = []
    body_caption_credits: list[str] = []


class CaptionsSchema(BaseModel):
    model_config = _STRICT
    gap_captions: bool = False
    gap_caption_words: int = 14
    prose_openers: list[str] = []
    prose_words: list[str] = []
    dash_credits: list[str] = []


class NoiseRuleSchema(BaseModel):
    model_config = _STRICT
    id: str
    pattern: Pattern
    scope: str = "line"
    to_eol: bool = False
    ignore_case: bool = False
    kind: str = "noise"  # or "attribution" (group `source`), "credit" (group `name`, `role`), "caption"
    role: str = ""
    timeout: float | None = None
    doc: str = ""


class NoiseSchema(BaseModel):
    model_config = _STRICT
    rule: list[NoiseRuleSchema] = []


class LocaleSchema(BaseModel):
    model_config = _STRICT
    lang: str
    name: str
    base: str | None = None
    detect_words: list[str] = []
    dates: DatesSchema
    prefix: PrefixSchema
    inserts: InsertsSchema = InsertsSchema()
    links: LinksSchema = LinksSchema()
    tail: TailSchema = TailSchema()
    header: HeaderSchema = HeaderSchema()
    captions: CaptionsSchema = CaptionsSchema()
    noise: NoiseSchema = NoiseSchema()
    page: PageSchema = PageSchema()


class OutletEntry(BaseModel):
    """One outlet of the catalogue (one ``[[outlet]]`` table)."""

    model_config = _STRICT
    id: str
    name: str
    domain: str
    aliases: list[str] = []
    codes: list[str] = []
    agency: bool = False
    source_name: str = ""
    lost_separator: bool = False
    lang: str = "id"
    """The language the outlet publishes in (``id``, ``ms``, ``en``): ``articlekit outlets --lang`` filters by it."""
    headline_case: Literal["", "sentence", "title"] = ""
    """How the outlet writes headlines: ``"sentence"`` (ANTARA) tells where a run-on headline ends."""

    @property
    def source(self) -> str:
        """The name used for this outlet in an attribution (agencies by short name, others by domain)."""
        return self.source_name if self.agency and self.source_name else self.domain


class OutletsFileSchema(BaseModel):
    model_config = _STRICT
    outlet: list[OutletEntry] = []


# --------------------------------------------------------------------------- compiling


def compile_pattern(pattern: str, *, path: str, rule: str | None, field_name: str, flags: int = 0) -> Any:
    """Compile ``pattern`` with the ``regex`` module, raising :class:`RuleError` on a bad one."""
    try:
        return regex.compile(pattern, flags | regex.VERSION0)
    except regex.error as exc:
        raise RuleError(f"invalid pattern: {exc}", path=path, rule=rule, field=field_name) from exc


class TimedPattern:
    """A compiled pattern from a user's file: every match call gives up after ``timeout`` seconds.

    It offers the match methods of a ``regex`` pattern (``search``, ``match``, ``fullmatch``,
    ``finditer``, ``findall``; other attributes are the pattern's). A call that runs out of time
    raises :class:`~articlekit.errors.PatternTimeout` naming the file and the rule, which a
    pipeline turns into a note on the Article: a catastrophic pattern costs at most ``timeout``
    seconds per call instead of hanging a corpus run.
    """

    __slots__ = ("compiled", "path", "rule", "timeout")

    def __init__(self, compiled: Any, *, path: str, rule: str, timeout: float) -> None:
        self.compiled = compiled
        self.path = path
        self.rule = rule
        self.timeout = timeout

    def _gave_up(self, exc: TimeoutError) -> PatternTimeout:
        return PatternTimeout(path=self.path, rule=self.rule, timeout=self.timeout)

    def _call(self, method: str, string: str, pos: int | None, endpos: int | None) -> Any:
        try:
            return getattr(self.compiled, method)(string, pos, endpos, timeout=self.timeout)
        except TimeoutError as exc:
            raise self._gave_up(exc) from exc

    def search(self, string: str, pos: int | None = None, endpos: int | None = None) -> Any:
        return self._call("search", string, pos, endpos)

    def match(self, string: str, pos: int | None = None, endpos: int | None = None) -> Any:
        return self._call("match", string, pos, endpos)

    def fullmatch(self, string: str, pos: int | None = None, endpos: int | None = None) -> Any:
        return self._call("fullmatch", string, pos, endpos)

    def findall(self, string: str, pos: int | None = None, endpos: int | None = None) -> Any:
        return self._call("findall", string, pos, endpos)

    def finditer(self, string: str, pos: int | None = None, endpos: int | None = None) -> Iterator[Any]:
        matches = self._call("finditer", string, pos, endpos)
        while True:
            try:
                m = next(matches)
            except StopIteration:
                return
            except TimeoutError as exc:
                raise self._gave_up(exc) from exc
            yield m

    def __getattr__(self, name: str) -> Any:  # pattern, groupindex, flags, groups ...
        if name.startswith("__") or name in TimedPattern.__slots__:  # unpickling: the slots are not set yet
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"TimedPattern({self.compiled!r}, rule={self.rule!r}, timeout={self.timeout:g})"


def _alternation(words: Iterable[str], *, escape: bool = True) -> str:
    """A regex alternation of ``words``, longest first so that the longest spelling wins."""
    items = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(regex.escape(w) if escape else w for w in items)


def _lower_alternation(words: Iterable[str]) -> str:
    """``_alternation(words)``, as a :func:`literal_trie` when every word is lower-case ASCII.

    Those words give the same matches in the trie form with or without ``(?i)`` around it, so
    the pattern may be used either way, as the plain alternation may.
    """
    items = {w for w in words if w}
    if all(w.isascii() and w == w.lower() for w in items):
        return literal_trie(items)
    return _alternation(items)




def _check_unique_ids(ids: Sequence[str], *, path: str, table: str) -> None:
    seen: set[str] = set()
    for rule_id in ids:
        if rule_id in seen:
            raise RuleError(f"duplicate id in [{table}]", path=path, rule=rule_id, field="id")
        seen.add(rule_id)


@dataclass(frozen=True)
class Marker:
    """A compiled insert marker."""

    id: str
    label: str
    pattern: str
    bare: bool
    needs_colon: bool
    line_only: bool
    timeout: float | None = None


@dataclass(frozen=True)
class NoiseRule:
    """A compiled noise rule."""

    id: str
    scope: str
    to_eol: bool
    regex: Any
    kind: str = "noise"
    role: str = ""
    timeout: float | None = None


@dataclass(frozen=True)
class LineRule:
    """A compiled whole-line rule."""

    id: str
    regex: Any
    timeout: float | None = None


@dataclass(frozen=True)
class Locale:
    """A language's word tables and cues, validated and compiled. Built by :func:`load_locale`."""

    lang: str
    name: str
    path: str
    schema: LocaleSchema
    weekday_index: dict[str, int]
    month_index: dict[str, int]
    weekday_alt: str
    month_alt: str
    markers: tuple[Marker, ...]
    noise_rules: tuple[NoiseRule, ...]
    header_rules: tuple[LineRule, ...]
    caption_rules: tuple[LineRule, ...]
    headings: frozenset[str]
    tag_headings: frozenset[str]
    small_words: frozenset[str]
    places: tuple[str, ...]
    extra: dict[str, Any] = field(default_factory=dict)
    pattern_timeout: float | None = None
    """Seconds per match call for patterns built from this data (``None``: bundled, trusted data)."""

    def compile(self, pattern: str, flags: int = 0, *, rule: str, timeout: float | None = None) -> Any:
        """Compile a pattern a stage builds from this locale's patterns (markers, end marks).

        Timed (a :class:`TimedPattern`) when the data came from a user's file or the rule sets
        its own ``timeout``; a plain compiled pattern for bundled data.
        """
        compiled = regex.compile(pattern, flags)
        limit = timeout if timeout is not None else self.pattern_timeout
        return compiled if limit is None else TimedPattern(compiled, path=self.path, rule=rule, timeout=limit)

    @property
    def marker_alt(self) -> str:
        """The insert markers as one alternation (``(?:Baca juga)|(?:Simak juga)|…``; never matches when none)."""
        return self.derived("marker-alt", lambda: "|".join(f"(?:{m.pattern})" for m in self.markers) or "(?!)")

    def derived(self, key: str, build: Callable[[], T]) -> T:
        """A value built once per locale (compiled patterns a stage derives from the data)."""
        if key not in self.extra:
            self.extra[key] = build()
        value: T = self.extra[key]
        return value

    @property
    def dates(self) -> DatesSchema:
        return self.schema.dates

    @property
    def tail(self) -> TailSchema:
        return self.schema.tail


def _norm_heading(text: str) -> str:
    return " ".join(text.casefold().rstrip(":").split())


def _check_pattern(pattern: str, *, path: str, rule: str, field_name: str, flags: int = 0) -> Any:
    """Compile a data pattern on its own (before a stage embeds it in a larger one) and refuse one that
    matches the empty string (it would fire everywhere)."""
    compiled = compile_pattern(pattern, path=path, rule=rule, field_name=field_name, flags=flags)
    compile_pattern(f"(?:{pattern})", path=path, rule=rule, field_name=field_name, flags=flags)
    if compiled.fullmatch("") is not None:
        raise RuleError("pattern matches the empty string", path=path, rule=rule, field=field_name)
    return compiled


def _timeout(own: float | None, default: float | None, *, path: str, rule: str) -> float | None:
    """A rule's timeout (its own, else the locale's), checked to be a positive number of seconds."""
    seconds = own if own is not None else default
    if seconds is not None and not (0 < seconds < math.inf):
        raise RuleError(f"timeout must be a positive number of seconds, not {seconds!r}", path=path, rule=rule,
                        field="timeout")
    return seconds


def _timed(compiled: Any, seconds: float | None, *, path: str, rule: str) -> Any:
    return compiled if seconds is None else TimedPattern(compiled, path=path, rule=rule, timeout=seconds)


def _line_rules(rules: Sequence[LineRuleSchema], table: str, suffix: str, path: str,
                pattern_timeout: float | None) -> tuple[LineRule, ...]:
    """Validated, compiled ``[[header.line]]`` or ``[[header.caption]]`` rules (``suffix`` appended)."""
    _check_unique_ids([r.id for r in rules], path=path, table=table)
    out = []
    for lr in rules:
        _check_pattern(lr.pattern, path=path, rule=lr.id, field_name="pattern")
        seconds = _timeout(lr.timeout, pattern_timeout, path=path, rule=lr.id)
        compiled = compile_pattern(rf"(?:{lr.pattern}){suffix}", path=path, rule=lr.id, field_name="pattern")
        out.append(LineRule(lr.id, _timed(compiled, seconds, path=path, rule=lr.id), seconds))
    return tuple(out)


def _build_locale(schema: LocaleSchema, path: str, pattern_timeout: float | None = None) -> Locale:
    if pattern_timeout is not None:
        _timeout(pattern_timeout, None, path=path, rule="(locale)")
    dates = schema.dates
    if len(dates.weekdays) != 7:
        raise RuleError("need 7 weekday groups, Monday first", path=path, field="dates.weekdays")
    if len(dates.months) != 12:
        raise RuleError("need 12 month groups, January first", path=path, field="dates.months")
    weekday_index = {w.casefold(): i for i, group in enumerate(dates.weekdays) for w in group}
    month_index = {m.casefold(): i + 1 for i, group in enumerate(dates.months) for m in group}
    for tz, offset in dates.timezones.items():
        if not regex.fullmatch(r"\p{L}[\p{L}\d]{0,9}", tz):  # the names go into the date patterns as they are
            raise RuleError("a time zone name is 1 to 10 letters or digits, starting with a letter", path=path,
                            rule=tz, field="dates.timezones")
        if not regex.fullmatch(r"[+-]\d\d:\d\d", offset):
            raise RuleError(f"offset {offset!r} is not ±HH:MM", path=path, rule=tz, field="dates.timezones")

    _check_unique_ids([m.id for m in schema.inserts.marker], path=path, table="inserts.marker")
    markers = []
    for m in schema.inserts.marker:
        compiled = _check_pattern(m.pattern, path=path, rule=m.id, field_name="pattern")
        if reserved := {"m", "c"} & set(compiled.groupindex):
            raise RuleError(f"group name(s) {sorted(reserved)} are reserved in insert markers", path=path,
                            rule=m.id, field="pattern")
        seconds = _timeout(m.timeout, pattern_timeout, path=path, rule=m.id)
        markers.append(Marker(m.id, m.label, m.pattern, m.bare, m.needs_colon, m.line_only, seconds))

    _check_unique_ids([r.id for r in schema.noise.rule], path=path, table="noise.rule")
    noise = []
    for r in schema.noise.rule:
        if r.scope not in ("line", "inline"):
            raise RuleError("scope must be 'line' or 'inline'", path=path, rule=r.id, field="scope")
        if r.kind not in ("noise", "attribution", "credit", "caption", "header"):
            raise RuleError("kind must be noise, attribution, credit, caption or header", path=path, rule=r.id,
                            field="kind")
        flags = regex.IGNORECASE if r.ignore_case else 0
        _check_pattern(r.pattern, path=path, rule=r.id, field_name="pattern", flags=flags)
        body = rf"^[ \t\u00a0]*(?:{r.pattern})[ \t\u00a0\r]*$" if r.scope == "line" else f"(?:{r.pattern})"
        compiled = compile_pattern(body, path=path, rule=r.id, field_name="pattern", flags=flags | regex.MULTILINE)
        needed = {"attribution": "source", "credit": "name"}.get(r.kind)
        if needed and needed not in compiled.groupindex:
            raise RuleError(f"a {r.kind} rule needs a (?P<{needed}>...) group", path=path, rule=r.id,
                            field="pattern")
        seconds = _timeout(r.timeout, pattern_timeout, path=path, rule=r.id)
        noise.append(NoiseRule(r.id, r.scope, r.to_eol, _timed(compiled, seconds, path=path, rule=r.id), r.kind,
                               r.role, seconds))

    from .models import CREDIT_ROLES

    for role in schema.tail.credit_roles:
        if role not in CREDIT_ROLES:
            raise RuleError(f"unknown credit role {role!r}; roles are {', '.join(CREDIT_ROLES)}", path=path,
                            rule=role, field="tail.credit_roles")
    header = _line_rules(schema.header.line, "header.line", "", path, pattern_timeout)
    # a caption's credit closes its line
    captions = _line_rules(schema.header.caption, "header.caption", r"[ \t\u00a0.]*\Z", path, pattern_timeout)
    for i, mark in enumerate(schema.tail.end_marks):
        _check_pattern(mark, path=path, rule=f"end_marks[{i}]", field_name="tail.end_marks")
    for i, credit in enumerate(schema.header.body_caption_credits):
        _check_pattern(credit, path=path, rule=f"body_caption_credits[{i}]", field_name="header.body_caption_credits")

    return Locale(
        lang=schema.lang,
        name=schema.name,
        path=path,
        schema=schema,
        weekday_index=weekday_index,
        month_index=month_index,
        weekday_alt=_lower_alternation(weekday_index),
        month_alt=_lower_alternation(month_index),
        markers=tuple(markers),
        noise_rules=tuple(noise),
        header_rules=header,
        caption_rules=captions,
        headings=frozenset(_norm_heading(h) for h in schema.links.headings),
        tag_headings=frozenset(_norm_heading(h) for h in schema.links.tag_headings),
        small_words=frozenset(w.casefold() for w in schema.inserts.headline.small_words),
        places=tuple(schema.prefix.places),
        pattern_timeout=pattern_timeout,
    )


def _read_toml(path: str, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"not valid TOML: {exc}", path=path) from exc


def _validation_error(exc: ValidationError, path: str, data: dict[str, Any]) -> RuleError:
    err = exc.errors()[0]
    loc = err.get("loc", ())
    rule = None
    # find the rule id of the offending table, if the location points into a list of tables
    node: Any = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            rule = node["id"]
    return RuleError(err.get("msg", "invalid"), path=path, rule=rule, field=".".join(str(p) for p in loc))


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


def _raw_locale(lang: str, seen: tuple[str, ...] = ()) -> tuple[dict[str, Any], str]:
    """The TOML data of a bundled locale with its ``base`` locale merged underneath."""
    if lang not in available_languages():
        raise UnknownLanguage(lang, available_languages())
    path = f"articlekit/data/locales/{lang}.toml"
    res = resources.files("articlekit").joinpath("data", "locales", f"{lang}.toml")
    data = _read_toml(path, res.read_text(encoding="utf-8"))
    base = data.get("base")
    if isinstance(base, str):
        if base in (*seen, lang):
            raise RuleError(f"locale base chain loops through {base!r}", path=path, field="base")
        base_data, _ = _raw_locale(base, (*seen, lang))
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
    data, path = _raw_locale(lang)
    return _locale_from_data(data, path)


def locale_from_text(text: str, *, path: str, pattern_timeout: float | None = PATTERN_TIMEOUT) -> Locale:
    """Validate and compile locale data given as TOML text (a ``base`` names a bundled locale).

    The text is untrusted: a bad file raises :class:`RuleError` naming the file, the rule id and
    the field, and every pattern built from it gives up after ``pattern_timeout`` seconds per
    match call (a rule's own ``timeout`` wins; ``None``: no limit), which a parse reports as a note.
    """
    data = _read_toml(path, text)
    base = data.get("base")
    if isinstance(base, str):
        base_data, _ = _raw_locale(base)
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
        raise _validation_error(exc, path, data) from exc
    return _build_locale(schema, path, pattern_timeout)


@dataclass(frozen=True)
class OutletCatalogue:
    """The outlets known to the parser, by id and by alias (case-insensitive)."""

    entries: tuple[OutletEntry, ...]
    by_alias: dict[str, OutletEntry]
    by_code: dict[str, OutletEntry]
    by_domain: dict[str, OutletEntry]
    derived: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_entries(cls, entries: Iterable[OutletEntry]) -> OutletCatalogue:
        """Build a catalogue; a later entry with the same ``id`` replaces an earlier one."""
        by_id: dict[str, OutletEntry] = {}
        for entry in entries:
            by_id[entry.id] = entry
        ordered = tuple(by_id.values())
        by_alias: dict[str, OutletEntry] = {}
        by_code: dict[str, OutletEntry] = {}
        by_domain: dict[str, OutletEntry] = {}
        for entry in ordered:
            by_domain.setdefault(entry.domain.casefold(), entry)
            for alias in (*entry.aliases, entry.name, entry.domain):
                by_alias[alias.casefold()] = entry
            for code in entry.codes:
                by_code[code.casefold()] = entry
        return cls(ordered, by_alias, by_code, by_domain)

    def alias_pattern(self, *, agencies_only: bool = False) -> str:
        """A regex alternation of every alias (longest first), for building prefix patterns."""
        words: list[str] = []
        for entry in self.entries:
            if agencies_only and not entry.agency:
                continue
            words.extend(entry.aliases)
            words.append(entry.name)
        return literal_trie(words)

    def lookup(self, token: str) -> OutletEntry | None:
        """The entry whose alias, name or domain is ``token`` (case-insensitive)."""
        key = " ".join(token.split()).casefold()
        return self.by_alias.get(key) or self.by_domain.get(key)

    def __len__(self) -> int:
        return len(self.entries)


def _outlets_from_text(text: str, path: str) -> list[OutletEntry]:
    data = _read_toml(path, text)
    try:
        parsed = OutletsFileSchema.model_validate(data)
    except ValidationError as exc:
        raise _validation_error(exc, path, data) from exc
    _check_unique_ids([o.id for o in parsed.outlet], path=path, table="outlet")
    for o in parsed.outlet:
        if not regex.fullmatch(r"[a-z0-9_]+", o.id):
            raise RuleError("id must match [a-z0-9_]+", path=path, rule=o.id, field="id")
        if "." not in o.domain or o.domain != o.domain.lower():
            raise RuleError("domain must be a lower-case registrable domain", path=path, rule=o.id,
                            field="domain")
        # names and aliases become literal alternatives of the prefix patterns: a blank one would
        # match whitespace, a huge one is a mistake
        for name, values in (("name", [o.name]), ("aliases", o.aliases), ("codes", o.codes)):
            for value in values:
                if not _WORDY.search(value) or len(value) > 100 or "\n" in value:
                    raise RuleError(f"{value[:40]!r} must hold a letter or digit, one line, at most 100 characters",
                                    path=path, rule=o.id, field=name)
    return parsed.outlet


@functools.lru_cache(maxsize=1)
def _bundled_outlets() -> tuple[OutletEntry, ...]:
    folder = resources.files("articlekit").joinpath("data", "outlets")
    entries: list[OutletEntry] = []
    for res in sorted(folder.iterdir(), key=lambda p: p.name):
        if res.name.endswith(".toml"):
            entries.extend(_outlets_from_text(res.read_text(encoding="utf-8"),
                                              f"articlekit/data/outlets/{res.name}"))
    return tuple(entries)


def load_outlets(*paths: str | Path, bundled: bool = True) -> OutletCatalogue:
    """The outlet catalogue: the bundled outlets, then each user file in order (later ids override).

    One catalogue serves every language: Indonesian copy credits Reuters and Bernama, Malay copy
    credits Antara. An outlet's ``lang`` says what language it publishes in (``articlekit outlets
    --lang ms`` lists the Malaysian ones); the parser does not filter by it.
    """
    entries: list[OutletEntry] = list(_bundled_outlets()) if bundled else []
    for p in paths:
        path = Path(p)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RuleError(f"cannot read outlet file: {exc}", path=str(path)) from exc
        entries.extend(_outlets_from_text(text, str(path)))
    return OutletCatalogue.from_entries(entries)


_TOKEN = regex.compile(r"\p{L}+")
_WORDY = regex.compile(r"[\p{L}\p{N}]")


def detect_language(text: str, *, sample: int = 4000, default: str = "id") -> str:
    """The bundled language whose ``detect_words`` occur most in ``text`` (``default`` on a tie).

    A cheap guess from the first ``sample`` characters, good enough to choose between
    Indonesian, Malay and English news copy; pass ``lang=`` when you know better.
    """
    counts = Counter(_TOKEN.findall(text[:sample].casefold()))
    best, best_score = default, 0
    for lang, words in _detect_tables():
        score = sum(counts.get(w, 0) for w in words)
        if score > best_score or (score == best_score and lang == default):
            best, best_score = lang, score
    return best


@functools.lru_cache(maxsize=1)
def _detect_tables() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((lang, tuple(w.casefold() for w in load_locale(lang).schema.detect_words))
                 for lang in available_languages())
