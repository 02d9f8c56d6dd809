"""One article's score: which fields pass, the insert counts, leaks and losses, and why it failed."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ArticleScore"]

@dataclass(frozen=True)
class ArticleScore:
    """How one parse fared against its label. ``None`` page fields mean "not scored"."""

    id: str
    page: bool
    outlet: bool
    place: bool
    date: bool
    attribution: bool
    body_start: bool
    body_end: bool
    inserts_tp: int
    inserts_pred: int
    inserts_gold: int
    junk_leaked: tuple[str, ...]
    keep_lost: tuple[str, ...]
    title: bool | None = None
    published: bool | None = None
    updated: bool | None = None
    link_headings_tp: int = 0
    link_headings_pred: int = 0
    link_headings_gold: int = 0
    problems: tuple[str, ...] = ()
    """Short "expected vs got" messages, one per failed field."""
    error: str | None = None
    """The exception the parser raised (the article then fails every field)."""
    violations: tuple[str, ...] = field(default=())
    """Invariant violations found in the parse (see :mod:`articlekit.invariants`); set by the harness."""

    @property
    def inserts(self) -> bool:
        """The predicted insert headlines equal the gold ones as a multiset."""
        return self.inserts_tp == self.inserts_pred == self.inserts_gold

    @property
    def link_headings(self) -> bool | None:
        """The predicted link-block headings equal the gold ones (``None`` when not a page label)."""
        if not self.page:
            return None
        return self.link_headings_tp == self.link_headings_pred == self.link_headings_gold

    @property
    def core_right(self) -> bool:
        """Every field of the main scoring rules passes (page-only fields left out)."""
        return (
            self.error is None
            and self.outlet
            and self.place
            and self.date
            and self.attribution
            and self.inserts
            and self.body_start
            and self.body_end
            and not self.junk_leaked
            and not self.keep_lost
        )

    @property
    def fully_right(self) -> bool:
        """Every scored field passes, page fields included."""
        page_fields = (self.title, self.published, self.updated, self.link_headings)
        return self.core_right and all(v is not False for v in page_fields)

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready dict, derived fields included."""
        return {
            "id": self.id,
            "page": self.page,
            "fully_right": self.fully_right,
            "core_right": self.core_right,
            "outlet": self.outlet,
            "place": self.place,
            "date": self.date,
            "attribution": self.attribution,
            "inserts": self.inserts,
            "inserts_tp": self.inserts_tp,
            "inserts_pred": self.inserts_pred,
            "inserts_gold": self.inserts_gold,
            "body_start": self.body_start,
            "body_end": self.body_end,
            "junk_leaked": list(self.junk_leaked),
            "keep_lost": list(self.keep_lost),
            "title": self.title,
            "published": self.published,
            "updated": self.updated,
            "link_headings": self.link_headings,
            "link_headings_tp": self.link_headings_tp,
            "link_headings_pred": self.link_headings_pred,
            "link_headings_gold": self.link_headings_gold,
            "problems": list(self.problems),
            "error": self.error,
            "violations": list(self.violations),
        }
