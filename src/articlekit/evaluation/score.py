"""Scoring one parse against one label, field by field, by the rules of ``docs/parse-rules.md``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from ..models import Article
from .article_score import ArticleScore
from .labels import is_page_label, label_id, opt_str, str_field, str_list
from .predicted import (
    as_text,
    predicted_date,
    predicted_link_headings,
    predicted_outlet,
    predicted_place,
    predicted_sources,
)
from .text import fold, key, short

__all__ = ["crash_score", "score_article"]

def _multiset(items: Iterable[str], *, casefold: bool) -> Counter[str]:
    return Counter(fold(s).casefold() if casefold else fold(s) for s in items)



def _multiset_problem(name: str, gold: Counter[str], pred: Counter[str]) -> str | None:
    missing = sorted((gold - pred).elements())
    extra = sorted((pred - gold).elements())
    if not missing and not extra:
        return None
    parts = []
    if missing:
        parts.append(f"missing {short(missing)}")
    if extra:
        parts.append(f"extra {short(extra)}")
    return f"{name}: " + ", ".join(parts)



class _Checker:
    """Collects pass/fail results and the problem messages of one article."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def same(self, name: str, expected: str | None, got: str | None, *, casefold: bool) -> bool:
        """Scalar field: equal after folding (and case-folding)."""
        if casefold:
            ok = key(expected) == key(got)
        else:
            ok = (None if expected is None else fold(expected)) == (None if got is None else fold(got))
        if not ok:
            self.problems.append(f"{name}: expected {short(expected)}, got {short(got)}")
        return ok

    def note(self, problem: str | None) -> None:
        if problem is not None:
            self.problems.append(problem)



def _body_edges(check: _Checker, body: str, start: str, end: str) -> tuple[bool, bool]:
    """Whether the folded body starts with ``start`` and ends with ``end``."""
    if not start and not end:  # a page with no story: the right body is empty
        ok = body == ""
        if not ok:
            check.note(f"body: expected an empty body, got {short(body)}")
        return ok, ok
    starts = body.startswith(fold(start))
    ends = body.endswith(fold(end))
    if not starts:
        check.note(f"body_start: expected {short(start)}, got {short(body[: len(fold(start)) + 10])}")
    if not ends:
        tail = body[-(len(fold(end)) + 10) :] if body else ""
        check.note(f"body_end: expected {short(end)}, got {short(tail)}")
    return starts, ends



def score_article(article: Article, label: Mapping[str, object]) -> ArticleScore:
    """Score one parse against one label (body-only or page label)."""
    check = _Checker()
    outlet = check.same("outlet", opt_str(label, "outlet"), predicted_outlet(article), casefold=True)
    place = check.same("place", opt_str(label, "place"), predicted_place(article), casefold=True)
    date = check.same("date", opt_str(label, "date"), predicted_date(article), casefold=True)

    gold_sources = {fold(s).casefold() for s in str_list(label, "attribution")}
    got_sources = {fold(s).casefold() for s in predicted_sources(article)}
    attribution = gold_sources == got_sources
    if not attribution:
        check.note(f"attribution: expected {short(sorted(gold_sources))}, got {short(sorted(got_sources))}")

    gold_inserts = _multiset(str_list(label, "inserts"), casefold=False)
    pred_inserts = _multiset((i.headline for i in article.inserts), casefold=False)
    check.note(_multiset_problem("inserts", gold_inserts, pred_inserts))

    body = fold(article.body)
    body_start, body_end = _body_edges(check, body, str_field(label, "body_start"), str_field(label, "body_end"))
    leaked = tuple(j for j in str_list(label, "junk") if fold(j) and fold(j) in body)
    lost = tuple(k for k in str_list(label, "keep") if fold(k) not in body)
    if leaked:
        check.note(f"junk leaked: {short(list(leaked))}")
    if lost:
        check.note(f"keep lost: {short(list(lost))}")

    page = is_page_label(label)
    title, published, updated, heading_counts = _score_page_fields(check, article, label)
    return ArticleScore(
        id=label_id(label),
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
            got = as_text(getattr(article, name, None))
            scalars[name] = check.same(name, opt_str(label, name), got, casefold=False)
    gold = _multiset(str_list(label, "link_headings"), casefold=True)
    pred = _multiset(predicted_link_headings(article), casefold=True)
    check.note(_multiset_problem("link_headings", gold, pred))
    counts = ((gold & pred).total(), pred.total(), gold.total())
    return scalars["title"], scalars["published"], scalars["updated"], counts



def crash_score(label: Mapping[str, object], error: str) -> ArticleScore:
    """The score of an article whose parse failed: every field fails, every junk leaks, every keep is lost."""
    page = is_page_label(label)
    return ArticleScore(
        id=label_id(label),
        page=page,
        outlet=False,
        place=False,
        date=False,
        attribution=False,
        body_start=False,
        body_end=False,
        inserts_tp=0,
        inserts_pred=0,
        inserts_gold=len(str_list(label, "inserts")),
        junk_leaked=tuple(str_list(label, "junk")),
        keep_lost=tuple(str_list(label, "keep")),
        title=False if page and "title" in label else None,
        published=False if page and "published" in label else None,
        updated=False if page and "updated" in label else None,
        link_headings_tp=0,
        link_headings_pred=0,
        link_headings_gold=len(str_list(label, "link_headings")) if page else 0,
        problems=(f"crashed: {error}",),
        error=error,
    )
