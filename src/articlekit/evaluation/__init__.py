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

One module per job: ``labels`` (reading a label), ``predicted`` (what a parse says), ``text``
(folding), ``score`` (one parse against one label), ``article_score`` (its result) and
``scoreboard`` (the summary figures).
"""

from __future__ import annotations

from .article_score import ArticleScore
from .labels import LabelError, is_page_label
from .score import crash_score, score_article
from .scoreboard import LOWER_IS_BETTER, Failure, Scoreboard
from .text import fold

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
