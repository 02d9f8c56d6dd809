"""Scoring a parse against a gold label, by the rules of ``docs/parse-rules.md`` (what a correct parse is).

One label is a mapping with the fields ``outlet``, ``place``, ``date``, ``inserts``,
``attribution``, ``body_start``, ``body_end``, ``junk`` and ``keep``; a label for a
whole-page dump adds ``title``, ``published``, ``updated`` and ``link_headings``.
:func:`score_article` compares one :class:`~articlekit.models.Article` with one label
and returns an :class:`ArticleScore`; :class:`Scoreboard` aggregates many scores into
the summary figures that the accuracy gate pins.

The rules (``fold`` collapses every run of whitespace to one space and strips):

* ``outlet`` (``article.outlet.domain``), ``place`` (``article.dateline.place``),
  ``date`` (``article.dateline.date``, ISO): equal after folding and case-folding;
  ``None`` must be ``None``.
* ``inserts``: the multiset of folded headlines (a bare marker is ``""``), scored by
  true positives, predicted and gold counts; the field passes when both multisets are
  equal.
* ``attribution``: the sets of folded, case-folded names are equal.
* body: the folded body starts with ``body_start`` and ends with ``body_end``; a
  ``junk`` string found in it is a leak, a ``keep`` string missing from it is a loss
  (both case-sensitive after folding). A label with empty ``body_start`` and
  ``body_end`` (a page with no story) passes only an empty body.
* page labels: ``title``, ``published``, ``updated`` equal after folding;
  ``link_headings`` as a multiset after folding and case-folding. They are read off
  the article with :func:`getattr` (``title``, ``published``, ``updated``,
  ``link_headings``; the headings fall back to ``link_blocks[*].heading``) so that
  scoring works before the model has those fields.

An article is *fully right* when every scored field passes; ``core_right`` leaves out
the page-only fields.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from .models import Article

__all__ = [
    "LOWER_IS_BETTER",
    "ArticleScore",
    "Failure",
    "LabelError",
    "Scoreboard",
    "crash_score",
    "fold",
    "is_page_label",
    "score_article",
]

LOWER_IS_BETTER: frozenset[str] = frozenset({"junk_leaked", "keep_lost", "crashed", "invalid"})
"""Summary figures where a smaller value is better (gated by ceilings, not floors)."""

_SHORT = 60


def fold(s: str) -> str:
    """Whitespace folding: every run of whitespace becomes one space; the ends are stripped."""
    return " ".join(s.split())


def _key(s: str | None) -> str | None:
    """Folded and case-folded, ``None`` kept."""
    return None if s is None else fold(s).casefold()


def _short(value: object) -> str:
    """A short repr for a failure message."""
    if isinstance(value, str):
        folded = fold(value)
        if len(folded) > _SHORT:
            folded = folded[: _SHORT - 1] + "…"
        return repr(folded)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_short(v) for v in value) + "]"
    return repr(value)


# --------------------------------------------------------------------------- labels


class LabelError(ValueError):
    """A label is malformed (a field of the wrong type)."""


def _opt_str(label: Mapping[str, object], key: str) -> str | None:
    value = label.get(key)
    if value is None or isinstance(value, str):
        return value
    raise LabelError(f"label {label.get('id')!r}: {key} must be a string or null, not {value!r}")


def _str(label: Mapping[str, object], key: str) -> str:
    value = label.get(key, "")
    if isinstance(value, str):
        return value
    raise LabelError(f"label {label.get('id')!r}: {key} must be a string, not {value!r}")


def _str_list(label: Mapping[str, object], key: str) -> list[str]:
    value = label.get(key, [])
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [str(v) for v in value]
    raise LabelError(f"label {label.get('id')!r}: {key} must be a list of strings, not {value!r}")


_PAGE_FIELDS = ("title", "published", "updated", "link_headings")


def is_page_label(label: Mapping[str, object]) -> bool:
    """Whether the label carries page-dump fields."""
    return any(k in label for k in _PAGE_FIELDS)


# --------------------------------------------------------------------------- what a parse says


def _as_text(value: object) -> str | None:
    """A predicted scalar as text: ``None`` stays, dates and times in ISO form."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _predicted_outlet(article: Article) -> str | None:
    return article.outlet.domain if article.outlet is not None else None


def _predicted_place(article: Article) -> str | None:
    return article.dateline.place if article.dateline is not None else None


def _predicted_date(article: Article) -> str | None:
    if article.dateline is None or article.dateline.date is None:
        return None
    return article.dateline.date.isoformat()


def _predicted_sources(article: Article) -> list[str]:
    return list(article.attribution.sources) if article.attribution is not None else []


def _predicted_link_headings(article: Article) -> list[str]:
    value = getattr(article, "link_headings", None)
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [block.heading for block in article.link_blocks if block.heading.strip()]


# --------------------------------------------------------------------------- scores


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


def _label_id(label: Mapping[str, object]) -> str:
    value = label.get("id")
    return value if isinstance(value, str) else repr(value)


def _multiset(items: Iterable[str], *, casefold: bool) -> Counter[str]:
    return Counter(fold(s).casefold() if casefold else fold(s) for s in items)


def _multiset_problem(name: str, gold: Counter[str], pred: Counter[str]) -> str | None:
    missing = sorted((gold - pred).elements())
    extra = sorted((pred - gold).elements())
    if not missing and not extra:
        return None
    parts = []
    if missing:
        parts.append(f"missing {_short(missing)}")
    if extra:
        parts.append(f"extra {_short(extra)}")
    return f"{name}: " + ", ".join(parts)


class _Checker:
    """Collects pass/fail results and the problem messages of one article."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def same(self, name: str, expected: str | None, got: str | None, *, casefold: bool) -> bool:
        """Scalar field: equal after folding (and case-folding)."""
        if casefold:
            ok = _key(expected) == _key(got)
        else:
            ok = (None if expected is None else fold(expected)) == (None if got is None else fold(got))
        if not ok:
            self.problems.append(f"{name}: expected {_short(expected)}, got {_short(got)}")
        return ok

    def note(self, problem: str | None) -> None:
        if problem is not None:
            self.problems.append(problem)


def _body_edges(check: _Checker, body: str, start: str, end: str) -> tuple[bool, bool]:
    """Whether the folded body starts with ``start`` and ends with ``end``."""
    if not start and not end:  # a page with no story: the right body is empty
        ok = body == ""
        if not ok:
            check.note(f"body: expected an empty body, got {_short(body)}")
        return ok, ok
    starts = body.startswith(fold(start))
    ends = body.endswith(fold(end))
    if not starts:
        check.note(f"body_start: expected {_short(start)}, got {_short(body[: len(fold(start)) + 10])}")
    if not ends:
        tail = body[-(len(fold(end)) + 10) :] if body else ""
        check.note(f"body_end: expected {_short(end)}, got {_short(tail)}")
    return starts, ends


def score_article(article: Article, label: Mapping[str, object]) -> ArticleScore:
    """Score one parse against one label (body-only or page label)."""
    check = _Checker()
    outlet = check.same("outlet", _opt_str(label, "outlet"), _predicted_outlet(article), casefold=True)
    place = check.same("place", _opt_str(label, "place"), _predicted_place(article), casefold=True)
    date = check.same("date", _opt_str(label, "date"), _predicted_date(article), casefold=True)

    gold_sources = {fold(s).casefold() for s in _str_list(label, "attribution")}
    got_sources = {fold(s).casefold() for s in _predicted_sources(article)}
    attribution = gold_sources == got_sources
    if not attribution:
        check.note(f"attribution: expected {_short(sorted(gold_sources))}, got {_short(sorted(got_sources))}")

    gold_inserts = _multiset(_str_list(label, "inserts"), casefold=False)
    pred_inserts = _multiset((i.headline for i in article.inserts), casefold=False)
    check.note(_multiset_problem("inserts", gold_inserts, pred_inserts))

    body = fold(article.body)
    body_start, body_end = _body_edges(check, body, _str(label, "body_start"), _str(label, "body_end"))
    leaked = tuple(j for j in _str_list(label, "junk") if fold(j) and fold(j) in body)
    lost = tuple(k for k in _str_list(label, "keep") if fold(k) not in body)
    if leaked:
        check.note(f"junk leaked: {_short(list(leaked))}")
    if lost:
        check.note(f"keep lost: {_short(list(lost))}")

    page = is_page_label(label)
    title, published, updated, heading_counts = _score_page_fields(check, article, label)
    return ArticleScore(
        id=_label_id(label),
        page=page,
        outlet=outlet,
        place=place,
        date=date,
        attribution=attribution,
        body_start=body_start,
        body_end=body_end,
        inserts_tp=(gold_inserts & pred_inserts).total(),
        inserts_pred=pred_inserts.total(),
        inserts_gold=gold_inserts.total(),
        junk_leaked=leaked,
        keep_lost=lost,
        title=title,
        published=published,
        updated=updated,
        link_headings_tp=heading_counts[0],
        link_headings_pred=heading_counts[1],
        link_headings_gold=heading_counts[2],
        problems=tuple(check.problems),
    )


def _score_page_fields(
    check: _Checker, article: Article, label: Mapping[str, object]
) -> tuple[bool | None, bool | None, bool | None, tuple[int, int, int]]:
    """``title``, ``published``, ``updated`` (``None`` when the label lacks them) and link-heading counts."""
    if not is_page_label(label):
        return None, None, None, (0, 0, 0)
    scalars: dict[str, bool | None] = {}
    for name in ("title", "published", "updated"):
        scalars[name] = None
        if name in label:
            got = _as_text(getattr(article, name, None))
            scalars[name] = check.same(name, _opt_str(label, name), got, casefold=False)
    gold = _multiset(_str_list(label, "link_headings"), casefold=True)
    pred = _multiset(_predicted_link_headings(article), casefold=True)
    check.note(_multiset_problem("link_headings", gold, pred))
    counts = ((gold & pred).total(), pred.total(), gold.total())
    return scalars["title"], scalars["published"], scalars["updated"], counts


def crash_score(label: Mapping[str, object], error: str) -> ArticleScore:
    """The score of an article whose parse failed: every field fails, every junk leaks, every keep is lost."""
    page = is_page_label(label)
    return ArticleScore(
        id=_label_id(label),
        page=page,
        outlet=False,
        place=False,
        date=False,
        attribution=False,
        body_start=False,
        body_end=False,
        inserts_tp=0,
        inserts_pred=0,
        inserts_gold=len(_str_list(label, "inserts")),
        junk_leaked=tuple(_str_list(label, "junk")),
        keep_lost=tuple(_str_list(label, "keep")),
        title=False if page and "title" in label else None,
        published=False if page and "published" in label else None,
        updated=False if page and "updated" in label else None,
        link_headings_tp=0,
        link_headings_pred=0,
        link_headings_gold=len(_str_list(label, "link_headings")) if page else 0,
        problems=(f"crashed: {error}",),
        error=error,
    )


# --------------------------------------------------------------------------- aggregation


class Failure(NamedTuple):
    """One article that is not fully right (or crashed, or broke an invariant) and why."""

    id: str
    problems: list[str]


def _share(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def _precision(tp: int, predicted: int, gold: int) -> float:
    """Micro precision; with nothing predicted, 1.0 only when there was nothing to find either.

    (A parser that finds nothing must not earn a perfect precision that a later, better
    parser could only lower.)
    """
    if predicted:
        return tp / predicted
    return 1.0 if gold == 0 else 0.0


def _recall(tp: int, gold: int) -> float:
    """Micro recall; 1.0 when there was nothing to find (false positives show in precision)."""
    return tp / gold if gold else 1.0


class Scoreboard:
    """Many :class:`ArticleScore` objects and the summary figures over them.

    Figures are shares in ``[0, 1]``. Accuracy figures are the share of articles whose
    field passes; ``insert_precision``/``insert_recall`` are micro-averaged over all
    headlines; ``junk_leaked``/``keep_lost`` are the share of articles with any leak or
    loss; ``crashed`` and ``invalid`` the share of articles whose parse raised or broke
    an invariant. Page figures (``title``, ``published``, ``updated``,
    ``link_heading_precision``/``recall``) appear only when page labels were scored and
    are computed over those only; ``core_right`` (every article, page fields left out)
    appears then too, since otherwise it equals ``fully_right``.
    """

    def __init__(self, scores: Iterable[ArticleScore] = ()) -> None:
        self._scores: list[ArticleScore] = list(scores)

    def add(self, score: ArticleScore) -> None:
        """Add one score."""
        self._scores.append(score)

    @property
    def scores(self) -> list[ArticleScore]:
        """The scores, in the order added."""
        return list(self._scores)

    def __len__(self) -> int:
        return len(self._scores)

    def __iter__(self) -> Iterator[ArticleScore]:
        return iter(self._scores)

    def summary(self) -> dict[str, float]:
        """The summary figures (empty when there are no scores)."""
        s = self._scores
        if not s:
            return {}
        figures = {
            "fully_right": _share([x.fully_right for x in s]),
            "outlet": _share([x.outlet for x in s]),
            "place": _share([x.place for x in s]),
            "date": _share([x.date for x in s]),
            "attribution": _share([x.attribution for x in s]),
            "insert_precision": _precision(
                sum(x.inserts_tp for x in s), sum(x.inserts_pred for x in s), sum(x.inserts_gold for x in s)
            ),
            "insert_recall": _recall(sum(x.inserts_tp for x in s), sum(x.inserts_gold for x in s)),
            "body_start": _share([x.body_start for x in s]),
            "body_end": _share([x.body_end for x in s]),
            "junk_leaked": _share([bool(x.junk_leaked) for x in s]),
            "keep_lost": _share([bool(x.keep_lost) for x in s]),
            "crashed": _share([x.error is not None for x in s]),
            "invalid": _share([bool(x.violations) for x in s]),
        }
        pages = [x for x in s if x.page]
        if pages:
            figures["core_right"] = _share([x.core_right for x in s])
            for name in ("title", "published", "updated"):
                scored = [getattr(x, name) for x in pages if getattr(x, name) is not None]
                if scored:
                    figures[name] = _share(scored)
            tp = sum(x.link_headings_tp for x in pages)
            gold = sum(x.link_headings_gold for x in pages)
            figures["link_heading_precision"] = _precision(tp, sum(x.link_headings_pred for x in pages), gold)
            figures["link_heading_recall"] = _recall(tp, gold)
        return figures

    def support(self) -> dict[str, int]:
        """The denominator behind each summary figure: articles, or headline counts for precision/recall."""
        s = self._scores
        pages = [x for x in s if x.page]
        counts = dict.fromkeys(self.summary(), len(s))
        if not counts:
            return {}
        counts["insert_precision"] = sum(x.inserts_pred for x in s)
        counts["insert_recall"] = sum(x.inserts_gold for x in s)
        for name in ("title", "published", "updated"):
            if name in counts:
                counts[name] = sum(getattr(x, name) is not None for x in pages)
        if pages:
            counts["link_heading_precision"] = sum(x.link_headings_pred for x in pages)
            counts["link_heading_recall"] = sum(x.link_headings_gold for x in pages)
        return counts

    def failures(self) -> list[Failure]:
        """Every article that is not fully right, crashed or broke an invariant, with what went wrong."""
        out = []
        for score in self._scores:
            if score.fully_right and not score.violations:
                continue
            problems = list(score.problems)
            problems += [f"invariant: {v}" for v in score.violations]
            out.append(Failure(score.id, problems))
        return out
