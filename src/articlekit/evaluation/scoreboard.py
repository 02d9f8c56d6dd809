"""Many scores and the summary figures over them, which the accuracy gate pins."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from .article_score import ArticleScore

__all__ = ["LOWER_IS_BETTER", "Failure", "Scoreboard"]

LOWER_IS_BETTER: frozenset[str] = frozenset({"junk_leaked", "keep_lost", "crashed", "invalid"})
"""Summary figures where a smaller value is better (gated by ceilings, not floors)."""


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
