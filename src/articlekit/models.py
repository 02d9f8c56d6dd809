"""The result types: an :class:`Article` and the parts it is made of.

Two levels, as in usaddress: ``Article.segments`` is the lossless level (every
non-whitespace character of the input belongs to exactly one segment, each with
the rule that claimed it); the other fields are the convenience level (outlet,
dateline, body, inserts, ...). Every ``span`` is a pair of offsets into
``Article.text``, which is the input, unchanged.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, SerializerFunctionWrapHandler, model_serializer

__all__ = [
    "CREDIT_ROLES",
    "KINDS",
    "Article",
    "Attribution",
    "Credit",
    "CreditRole",
    "Dateline",
    "Insert",
    "Kind",
    "LinkBlock",
    "LinkItem",
    "Outlet",
    "Paragraph",
    "Reading",
    "Segment",
    "Span",
]

Kind = Literal[
    "outlet",  # the outlet prefix at the body start ("Suara.com - ", "KOMPAS.com")
    "dateline",  # the dateline's place, date and separator ("JAKARTA - ", "Jakarta (ANTARA) - ")
    "body",  # the article's own prose
    "insert",  # "Baca juga: <headline>" and its relatives, marker and headline
    "attribution",  # a source tail or source line ("(Sumber: Antara/Reuters)", "- Bernama")
    "credit",  # staff credits and initials ("Editor: ...", "(fbr/wes)")
    "link_block",  # trailing blocks of other headlines, heading and items
    "caption",  # photo captions and photo credits
    "header",  # material printed above the body: title, teaser, header timestamp, byline
    "noise",  # ads, UI strings, promos, copyright and repost lines, pagination
]
"""The closed set of segment kinds."""

KINDS: tuple[Kind, ...] = (
    "outlet",
    "dateline",
    "body",
    "insert",
    "attribution",
    "credit",
    "link_block",
    "caption",
    "header",
    "noise",
)

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Span(BaseModel):
    """Half-open character offsets ``[start, end)`` into ``Article.text``."""

    model_config = _FROZEN

    start: int
    end: int


class Segment(BaseModel):
    """One labelled piece of the input: ``text[start:end]`` is of ``kind``, claimed by rule ``why``."""

    model_config = _FROZEN

    kind: Kind
    start: int
    end: int
    why: str


class Outlet(BaseModel):
    """The outlet named where the body starts."""

    model_config = _FROZEN

    id: str | None
    name: str
    domain: str
    span: Span


class Dateline(BaseModel):
    """The dateline: place and news date.

    ``date`` is a complete date or ``None`` (a date without a year is never
    completed by guessing; the known part is kept in ``partial`` as ``--MM-DD``).
    ``raw`` is the dateline text as printed (``None`` when the date was read from the
    first sentence and no dateline was printed). ``date_span`` points at the date's
    text, which may lie inside the body.
    """

    model_config = _FROZEN

    place: str | None
    date: dt.date | None
    partial: str | None = None
    time: dt.time | None = None
    tz: str | None = None
    raw: str | None
    sep: str | None = None
    span: Span | None
    date_span: Span | None = None


class Attribution(BaseModel):
    """The sources the story credits, as canonical names (agencies by short name, outlets by domain)."""

    model_config = _FROZEN

    sources: list[str]
    raw: str
    span: Span


CreditRole = Literal[
    "writer",  # wrote the story: "Penulis", "Ditulis oleh"
    "reporter",  # reported it: "Pewarta", "Reporter", "Rep", "Wartawan", "Reporting by", a reporter's name line
    "contributor",  # "Kontributor", "Contributors"
    "editor",  # "Editor", "Redaktur", "Red", "Penyunting", "Editing by"
    "translator",  # "Penerjemah", "Diadaptasi oleh"
    "photographer",  # "Fotografer"
    "video",  # a video's crew: "Videografer", "Video Editor", "Produser", "Narator"
    "initials",  # staff initials: "(fbr/wes)"
    "code",  # a desk code or closing code: "(bbs)", "(Red)", "***"
    "bio",  # a columnist's closing bio line: "Penulis adalah peneliti di …", "The writer is …"
    "signature",  # a letter's closing signature block: a name in capitals, an affiliation under it
    "outlet",  # an outlet no catalogue knows, named after a closing dash: "- NAMA AKHBAR 3/7/2017"
    "other",  # a credit whose label names none of the above
]
"""The closed set of credit roles. The locale's ``[tail.credit_roles]`` maps printed labels to them."""

CREDIT_ROLES: tuple[CreditRole, ...] = (
    "writer", "reporter", "contributor", "editor", "translator", "photographer", "video", "initials", "code", "bio",
    "signature", "outlet", "other",
)


class Credit(BaseModel):
    """A staff credit: its role (one of :data:`CREDIT_ROLES`), the label as printed, and the name.

    ``Editor: Bambang`` gives ``role="editor"``, ``label="Editor"``, ``name="Bambang"``; the
    initials ``(fbr/wes)`` give ``role="initials"``, ``label=""`` (no label is printed),
    ``name="fbr/wes"``.
    """

    model_config = _FROZEN

    role: CreditRole
    name: str
    span: Span
    label: str = ""


class Insert(BaseModel):
    """An inline pointer to other content (``Baca juga: <headline>``).

    ``headline`` is ``""`` when the marker stands alone. ``after_paragraph`` is the
    index of the body paragraph it followed (``-1`` when it stood before the first one).
    """

    model_config = _FROZEN

    label: str
    headline: str
    span: Span
    after_paragraph: int


class LinkItem(BaseModel):
    """One headline listed in a link block."""

    model_config = _FROZEN

    title: str
    span: Span


class LinkBlock(BaseModel):
    """A trailing block of other headlines under a heading (``Berita Terkait``)."""

    model_config = _FROZEN

    heading: str
    items: list[LinkItem]
    span: Span


class Paragraph(BaseModel):
    """One paragraph of the clean body."""

    model_config = _FROZEN

    text: str
    span: Span


class Reading(BaseModel):
    """Where a value of the parse was read: ``field`` (``outlet``, ``place``, ``date``, ``title``,
    ``byline``, ``published``, ``updated``) got ``value`` from ``text[start:end]`` by rule ``why``.

    A value can be read without cutting the text (the news date inside the first sentence stays
    body), so a reading is not always a segment; ``Article.explain()`` lists both.
    """

    model_config = _FROZEN

    field: str
    value: str
    start: int
    end: int
    why: str


class Article(BaseModel):
    """A parsed page. Built by :func:`articlekit.parse`; frozen.

    ``title``, ``byline``, ``published`` and ``updated`` come from a whole-page dump's header
    (``published``/``updated`` are timezone-aware when the page shows a zone, naive when it shows
    a time without one, a plain date when it shows no time).

    ``site`` is the registrable domain of the page's URL when one was given
    (``parse(text, url=...)``, a record's ``url``): where the page came from, which may differ
    from the ``outlet`` the text names. Without a URL it is ``None`` and absent from the JSON form.
    """

    model_config = _FROZEN

    text: str
    lang: str
    site: str | None = None
    title: str | None = None
    byline: str | None = None
    published: dt.datetime | dt.date | None = None
    updated: dt.datetime | dt.date | None = None
    outlet: Outlet | None = None
    dateline: Dateline | None = None
    attribution: Attribution | None = None
    credits: list[Credit] = []
    inserts: list[Insert] = []
    link_blocks: list[LinkBlock] = []
    paragraphs: list[Paragraph] = []
    body: str = ""
    segments: list[Segment] = []
    readings: list[Reading] = []
    """Where the outlet, place, date and page fields were read (rule and offsets), in text order."""
    notes: list[str] = []

    @model_serializer(mode="wrap")
    def _drop_absent_site(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if "site" in data and data["site"] is None:
            del data["site"]  # no URL given: the JSON form is what it was before sites existed
        return data

    @property
    def link_headings(self) -> list[str]:
        """The printed headings of the link blocks, in page order."""
        return [b.heading for b in self.link_blocks if b.heading]

    def segments_of(self, kind: Kind) -> list[Segment]:
        """The segments of one kind, in text order."""
        return [s for s in self.segments if s.kind == kind]

    def segment_text(self, segment: Segment) -> str:
        """The input text a segment covers."""
        return self.text[segment.start : segment.end]

    def explain(self, *, width: int = 48, include_body: bool = False) -> str:
        """A readable table of every cut segment: kind, offsets, the rule that fired, a preview."""
        from .explain import explain_table

        return explain_table(self, width=width, include_body=include_body)

    def __repr__(self) -> str:
        outlet = self.outlet.name if self.outlet else None
        place = self.dateline.place if self.dateline else None
        date = self.dateline.date.isoformat() if self.dateline and self.dateline.date else None
        sources = self.attribution.sources if self.attribution else []
        first = self.paragraphs[0].text[:40] + "…" if self.paragraphs else ""
        return (
            f"Article(outlet={outlet!r}, place={place!r}, date={date!r}, sources={sources!r}, "
            f"paragraphs={len(self.paragraphs)}, inserts={len(self.inserts)}, "
            f"link_blocks={len(self.link_blocks)}, notes={len(self.notes)}, body={first!r})"
        )

    __str__ = __repr__

    def _repr_html_(self) -> str:
        """The notebook view: the page text with every segment highlighted by kind (see :mod:`articlekit.display`)."""
        from .display import article_html

        return article_html(self)
