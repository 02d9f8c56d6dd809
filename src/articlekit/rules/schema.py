"""The schemas of the data files: every table and key a locale or outlet file may hold (extra keys are errors)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import regex
from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationInfo, field_validator

__all__ = ["STRICT", "DatesSchema", "LocaleSchema", "OutletEntry", "OutletsFileSchema", "Pattern", "TailSchema"]

STRICT = ConfigDict(frozen=True, extra="forbid")


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

_PLACEHOLDER = regex.compile(r"(?<!\\[pPN])\{([a-z_][a-z0-9_]*)\}")


def _phrase_list(name: str, value: list[str]) -> str:
    """The named list ``value`` as one group, its phrases in the order written: ``(?:a|b|c)``."""
    if not value or not all(v for v in value):
        raise ValueError(f"phrases.{name} holds one or more non-empty strings")
    for i, phrase in enumerate(value):
        try:
            regex.compile(phrase)
        except regex.error as exc:
            raise ValueError(f"phrases.{name}[{i}] ({phrase[:40]!r}) is not a valid pattern: {exc}") from exc
    return "(?:" + "|".join(value) + ")"


def expand_phrases(patterns: list[str], phrases: dict[str, list[str]]) -> list[str]:
    """``patterns`` with each ``{name}`` replaced by the table's list ``phrases.name`` as one group.

    A table holding patterns (a rule, ``[header]`` for its ``body_caption_credits``) may name lists of
    phrases, one a line, which its patterns use as ``{name}``: ``pattern = '\\b{labels}\\s*:'`` with
    ``phrases.labels = ['Foto', 'Kredit [Ff]oto']`` is ``'\\b(?:Foto|Kredit [Ff]oto)\\s*:'``, so a long
    alternation inside a pattern keeps the pattern's shape on one line and adds a phrase with a one-line
    diff. Without ``phrases`` a pattern is left as written; with it, a ``{name}`` naming no list and a
    list used by no pattern are errors.
    """
    if not phrases:
        return patterns
    groups = {name: _phrase_list(name, value) for name, value in phrases.items()}
    used: set[str] = set()

    def put(m: regex.Match[str]) -> str:
        name = m.group(1)
        if name not in groups:
            raise ValueError(f"{{{name}}} names no list in phrases (lists: {', '.join(sorted(groups))})")
        used.add(name)
        return groups[name]

    out = [_PLACEHOLDER.sub(put, p) for p in patterns]
    if unused := sorted(set(groups) - used):
        raise ValueError(f"phrases {', '.join(unused)} used by no {{name}} in the patterns")
    return out


def _expand_raw(value: Any, info: ValidationInfo) -> Any:
    """A pattern (or a list of them) as read from the file, with the table's ``phrases`` put in."""
    phrases = info.data.get("phrases") or {}
    if isinstance(value, str):
        return expand_phrases([value], phrases)[0]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return expand_phrases(value, phrases)
    return value


class _PhrasedRule(BaseModel):
    """A rule whose ``pattern`` may use its own named ``phrases`` lists (see :func:`expand_phrases`)."""

    model_config = STRICT
    id: str
    phrases: dict[str, list[str]] = {}
    pattern: Pattern

    @field_validator("pattern", mode="before")  # before the phrases of a list are checked one by one
    @classmethod
    def _expand(cls, value: Any, info: ValidationInfo) -> Any:
        return _expand_raw(value, info)


class DatesSchema(BaseModel):
    model_config = STRICT
    weekdays: list[list[str]]
    months: list[list[str]]
    timezones: dict[str, str] = {}
    us_zones: dict[str, list[str]] = {}
    """Zones written without saying standard or daylight time (``ET``, ``PT``): ``[standard, daylight]``
    offsets, daylight time from the second Sunday of March to the first Sunday of November (the US rule)."""
    skip: list[str] = []
    century: int = 2000
    future_markers: list[str] = []
    day_parts: list[str] = []
    plan_markers: list[str] = []


class PrefixSchema(BaseModel):
    model_config = STRICT
    separators: list[str]
    places: list[str] = []
    # a place in Title Case before a colon opens the story ("Alor Gajah: ", Malay copy)
    title_colon: bool = False
    # words that open a labelled line ("Catatan: …"), besides the credit, source and photo labels: never a place
    label_words: list[str] = []
    # a dateline 'place' in capitals ending in one of these is a brand (an outlet the catalogue does not
    # know): "KRICOM - ", "MANADOPOST - "
    brand_endings: list[str] = []
    brand_starts: list[str] = []
    brand_words: list[str] = []
    section_words: list[str] = []
    # words that open a caption or a credit ("Foto:", "Pic:"): never a dateline place, and a line that
    # closes with one and a name ("… Foto: Pertamina") is a caption, its capitals before a colon a kicker
    caption_labels: list[str] = []


class MarkerSchema(_PhrasedRule):
    label: str
    bare: bool = False
    needs_colon: bool = False
    line_only: bool = False
    timeout: float | None = None  # seconds per match call; default: the locale's pattern_timeout
    doc: str = ""  # one line on what the rule does (``articlekit rules`` shows it)


class TrailersSchema(BaseModel):
    model_config = STRICT
    words: list[str] = []


class HeadlineSchema(BaseModel):
    model_config = STRICT
    small_words: list[str] = []
    sentence_starters: list[str] = []
    reporting_verbs: list[str] = []
    stops: list[str] = []


class InsertsSchema(BaseModel):
    model_config = STRICT
    marker: list[MarkerSchema] = []
    # a line opening with one of these closes a marker's list of headlines ("Akhir dari …", "End of …")
    list_end_words: list[str] = []
    trailers: TrailersSchema = TrailersSchema()
    headline: HeadlineSchema = HeadlineSchema()


class LinksSchema(BaseModel):
    model_config = STRICT
    headings: list[str] = []
    tag_headings: list[str] = []
    heading_words: list[str] = []
    topic_sections: list[str] = []
    open_headings: list[str] = []
    scoped_headings: list[str] = []
    heading_scopes: list[str] = []
    time_units: list[str] = []
    ago_words: list[str] = []
    meta_labels: list[str] = []


class PageSchema(BaseModel):
    model_config = STRICT
    updated_words: list[str] = []
    byline_words: list[str] = []
    tail_words: list[str] = []
    breadcrumb_words: list[str] = []
    footer_words: list[str] = []
    credit_lead_words: list[str] = []
    byline_roles: list[str] = []


class TailSchema(BaseModel):
    model_config = STRICT
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
    promo_openers: list[str] = []
    """A closing sentence opened by one of these, a promo verb after it, addresses the reader:
    ``If you enjoyed this article, …  Subscribe …``, ``Thank you for reading. … follow us …``."""
    promo_questions: list[str] = []
    """A question to the reader opened by one of these, right above a closing promo, goes with it:
    ``Ingin baca update terbaru lainnya?`` ⏎ ``Yuk baca di <site>.``"""
    signature_small_words: list[str] = []
    stamp_labels: list[str] = []
    bio_subjects: list[str] = []
    bio_verbs: list[str] = []
    bio_roles: list[str] = []
    disclaimer_openers: list[str] = []
    disclaimer_words: list[str] = []
    report_source_leads: list[str] = []
    """Words that open a closing note naming where the report's information came from ("With files from")."""


class LineRuleSchema(_PhrasedRule):
    timeout: float | None = None
    doc: str = ""


class HeaderSchema(BaseModel):
    model_config = STRICT
    line: list[LineRuleSchema] = []
    caption: list[LineRuleSchema] = []
    credit_sources: list[str] = []
    photo_labels: list[str] = []
    phrases: dict[str, list[str]] = {}  # named lists ``body_caption_credits`` uses as ``{name}``
    body_caption_credits: list[str] = []

    @field_validator("body_caption_credits", mode="before")
    @classmethod
    def _expand(cls, value: Any, info: ValidationInfo) -> Any:
        return _expand_raw(value, info)


class CaptionsSchema(BaseModel):
    model_config = STRICT
    gap_captions: bool = False
    gap_caption_words: int = 14
    prose_openers: list[str] = []
    prose_words: list[str] = []
    dash_credits: list[str] = []


class NoiseRuleSchema(_PhrasedRule):
    scope: str = "line"
    to_eol: bool = False
    ignore_case: bool = False
    kind: str = "noise"  # or "attribution" (group `source`), "credit" (group `name`, `role`), "caption"
    role: str = ""
    timeout: float | None = None
    max_line: int | None = None
    """A ``line`` rule whose pattern matches at most this many characters: longer lines (blanks at
    either end not counted) are passed over by one cheap check before the pattern is tried."""
    doc: str = ""


class NoiseSchema(BaseModel):
    model_config = STRICT
    rule: list[NoiseRuleSchema] = []


class LocaleSchema(BaseModel):
    model_config = STRICT
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

    model_config = STRICT
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
    model_config = STRICT
    outlet: list[OutletEntry] = []
