"""A locale built from its validated data: markers, noise and line rules compiled, word tables indexed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import regex

from ..errors import RuleError
from .files import check_unique_ids
from .patterns import TimedPattern, check_pattern, compile_pattern, lower_alternation, timed, timeout_of
from .schema import DatesSchema, LineRuleSchema, LocaleSchema, TailSchema

__all__ = ["LineRule", "Locale", "Marker", "NoiseRule", "build_locale"]

T = TypeVar("T")

SCOPED_NAME_WORDS = 4
"""The most words naming a section or site after a heading's scope word ("More from <UK>")."""


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

    def listed_heading(self, key: str) -> bool:
        """``key`` (a line casefolded, spaces squeezed, no closing colon) is one of the link-block headings, or
        a widget's heading with a section or site named after it ("most read in world news", "more from uk",
        "popular on indiewire": a ``[links] scoped_headings`` entry, a ``heading_scopes`` word, at most
        ``SCOPED_NAME_WORDS`` words)."""
        if key in self.headings:
            return True
        scoped = self.derived("links.scoped-heading", self._scoped_heading)
        return scoped is not None and scoped.fullmatch(key) is not None

    def _scoped_heading(self) -> Any:
        scopes, heads_list = self.schema.links.heading_scopes, self.schema.links.scoped_headings
        if not scopes or not heads_list:
            return None
        keys = sorted((" ".join(h.casefold().split()) for h in heads_list), key=len, reverse=True)
        heads = "|".join(regex.escape(k) for k in keys)
        words = "|".join(regex.escape(w.casefold()) for w in sorted(scopes, key=len, reverse=True))
        return regex.compile(rf"(?:{heads}) (?:{words}) [^ ]+(?: [^ ]+){{0,{SCOPED_NAME_WORDS - 1}}}")

    @property
    def dates(self) -> DatesSchema:
        return self.schema.dates

    @property
    def tail(self) -> TailSchema:
        return self.schema.tail


def _norm_heading(text: str) -> str:
    return " ".join(text.casefold().rstrip(":").split())



def _line_rules(rules: Sequence[LineRuleSchema], table: str, suffix: str, path: str,
                pattern_timeout: float | None) -> tuple[LineRule, ...]:
    """Validated, compiled ``[[header.line]]`` or ``[[header.caption]]`` rules (``suffix`` appended)."""
    check_unique_ids([r.id for r in rules], path=path, table=table)
    out = []
    for lr in rules:
        check_pattern(lr.pattern, path=path, rule=lr.id, field_name="pattern")
        seconds = timeout_of(lr.timeout, pattern_timeout, path=path, rule=lr.id)
        compiled = compile_pattern(rf"(?:{lr.pattern}){suffix}", path=path, rule=lr.id, field_name="pattern")
        out.append(LineRule(lr.id, timed(compiled, seconds, path=path, rule=lr.id), seconds))
    return tuple(out)


def build_locale(schema: LocaleSchema, path: str, pattern_timeout: float | None = None) -> Locale:
    if pattern_timeout is not None:
        timeout_of(pattern_timeout, None, path=path, rule="(locale)")
    dates = schema.dates
    if len(dates.weekdays) != 7:
        raise RuleError("need 7 weekday groups, Monday first", path=path, field="dates.weekdays")
    if len(dates.months) != 12:
        raise RuleError("need 12 month groups, January first", path=path, field="dates.months")
    weekday_index = {w.casefold(): i for i, group in enumerate(dates.weekdays) for w in group}
    month_index = {m.casefold(): i + 1 for i, group in enumerate(dates.months) for m in group}
    zones = [(tz, [offset], "dates.timezones") for tz, offset in dates.timezones.items()]
    zones += [(tz, offsets, "dates.us_zones") for tz, offsets in dates.us_zones.items()]
    for tz, offsets, where in zones:
        if not regex.fullmatch(r"\p{L}[\p{L}\d]{0,9}", tz):  # the names go into the date patterns as they are
            raise RuleError("a time zone name is 1 to 10 letters or digits, starting with a letter", path=path,
                            rule=tz, field=where)
        if where == "dates.us_zones" and len(offsets) != 2:
            raise RuleError("a zone's offsets are [standard, daylight]", path=path, rule=tz, field=where)
        for offset in offsets:
            if not regex.fullmatch(r"[+-]\d\d:\d\d", offset):
                raise RuleError(f"offset {offset!r} is not ±HH:MM", path=path, rule=tz, field=where)

    check_unique_ids([m.id for m in schema.inserts.marker], path=path, table="inserts.marker")
    markers = []
    for m in schema.inserts.marker:
        compiled = check_pattern(m.pattern, path=path, rule=m.id, field_name="pattern")
        if reserved := {"m", "c"} & set(compiled.groupindex):
            raise RuleError(f"group name(s) {sorted(reserved)} are reserved in insert markers", path=path,
                            rule=m.id, field="pattern")
        seconds = timeout_of(m.timeout, pattern_timeout, path=path, rule=m.id)
        markers.append(Marker(m.id, m.label, m.pattern, m.bare, m.needs_colon, m.line_only, seconds))

    check_unique_ids([r.id for r in schema.noise.rule], path=path, table="noise.rule")
    noise = []
    for r in schema.noise.rule:
        if r.scope not in ("line", "inline"):
            raise RuleError("scope must be 'line' or 'inline'", path=path, rule=r.id, field="scope")
        if r.kind not in ("noise", "attribution", "credit", "caption", "header"):
            raise RuleError("kind must be noise, attribution, credit, caption or header", path=path, rule=r.id,
                            field="kind")
        flags = regex.IGNORECASE if r.ignore_case else 0
        check_pattern(r.pattern, path=path, rule=r.id, field_name="pattern", flags=flags)
        if r.max_line is not None and (r.scope != "line" or r.max_line < 1):
            raise RuleError("max_line is a positive length, for a line rule", path=path, rule=r.id,
                            field="max_line")
        body = rf"^{_short_line(r.max_line)}[ \t\u00a0]*(?:{r.pattern})[ \t\u00a0\r]*$" if r.scope == "line" \
            else f"(?:{r.pattern})"
        compiled = compile_pattern(body, path=path, rule=r.id, field_name="pattern", flags=flags | regex.MULTILINE)
        needed = {"attribution": "source", "credit": "name"}.get(r.kind)
        if needed and needed not in compiled.groupindex:
            raise RuleError(f"a {r.kind} rule needs a (?P<{needed}>...) group", path=path, rule=r.id,
                            field="pattern")
        seconds = timeout_of(r.timeout, pattern_timeout, path=path, rule=r.id)
        noise.append(NoiseRule(r.id, r.scope, r.to_eol, timed(compiled, seconds, path=path, rule=r.id), r.kind,
                               r.role, seconds))

    from ..models import CREDIT_ROLES

    for role in schema.tail.credit_roles:
        if role not in CREDIT_ROLES:
            raise RuleError(f"unknown credit role {role!r}; roles are {', '.join(CREDIT_ROLES)}", path=path,
                            rule=role, field="tail.credit_roles")
    header = _line_rules(schema.header.line, "header.line", "", path, pattern_timeout)
    # a caption's credit closes its line
    captions = _line_rules(schema.header.caption, "header.caption", r"[ \t\u00a0.]*\Z", path, pattern_timeout)
    for i, mark in enumerate(schema.tail.end_marks):
        check_pattern(mark, path=path, rule=f"end_marks[{i}]", field_name="tail.end_marks")
    for i, credit in enumerate(schema.header.body_caption_credits):
        check_pattern(credit, path=path, rule=f"body_caption_credits[{i}]", field_name="header.body_caption_credits")

    return Locale(
        lang=schema.lang,
        name=schema.name,
        path=path,
        schema=schema,
        weekday_index=weekday_index,
        month_index=month_index,
        weekday_alt=lower_alternation(weekday_index),
        month_alt=lower_alternation(month_index),
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


def _short_line(max_line: int | None) -> str:
    """A lookahead that holds at a line start when the line, blanks at either end left out, has at most
    ``max_line`` characters (empty when there is no bound).

    A line rule's match is the line: blanks, the pattern's match, blanks; so when the pattern matches at
    most ``max_line`` characters, a longer line has no match, and this check (possessive runs: one pass
    over at most ``max_line`` characters, no backtracking) says so before the pattern is tried.
    """
    if max_line is None:
        return ""
    return rf"(?=[ \t\u00a0]*+[^\n]{{0,{max_line}}}+[ \t\u00a0\r]*+$)"
