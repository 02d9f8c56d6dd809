"""Checks of the lossless contract every :class:`~articlekit.models.Article` must keep.

:func:`violations` returns human-readable messages, one per broken rule; an empty
list means the article is sound. The rules:

* every segment is in bounds and non-empty (``0 <= start < end <= len(text)``),
  of a kind in :data:`~articlekit.models.KINDS`, with a non-empty ``why``;
* segments are sorted and do not overlap;
* every non-whitespace character of ``text`` is covered by some segment
  (whitespace is what :meth:`str.isspace` calls whitespace; invisible format marks
  such as ZERO WIDTH SPACE, LRM or BOM are not whitespace and need a segment);
* every span (outlet, dateline, date, attribution, credits, inserts, link blocks and
  their items, paragraphs) is in bounds and non-empty;
* paragraphs are not blank, are in text order, do not overlap, and each one's ``text`` is
  exactly the text of its span, which lies inside ``body`` segments only;
* ``body == "\\n\\n".join(p.text for p in paragraphs)``.

All checks are linear in the size of the text (plus a sort of the segments): the
coverage check searches the gaps between segments with a regex instead of walking
the text character by character.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from .models import KINDS, Article, Segment, Span

__all__ = ["violations"]

_NON_SPACE = re.compile(r"\S")
_PREVIEW = 40


def violations(article: Article, *, limit: int = 100) -> list[str]:
    """Every way ``article`` breaks the lossless contract, as short messages (``[]`` when sound).

    At most ``limit`` messages are returned; when there are more, the last one says
    how many were left out.
    """
    found: list[str] = []
    checks = (
        _segment_violations(article),
        _coverage_violations(article),
        _span_violations(article),
        _paragraph_violations(article),
        _body_violations(article),
    )
    extra = 0
    for check in checks:
        for message in check:
            if len(found) < limit:
                found.append(message)
            else:
                extra += 1
    if extra:
        found.append(f"... and {extra} more violations")
    return found


def _preview(text: str) -> str:
    """A short repr of ``text`` for a message."""
    if len(text) > _PREVIEW:
        text = text[: _PREVIEW - 1] + "…"
    return repr(text)


def _segment_violations(article: Article) -> Iterator[str]:
    """Bounds, kind, ``why``, order and overlap of the segments."""
    n = len(article.text)
    previous: Segment | None = None
    for i, seg in enumerate(article.segments):
        where = f"segment {i} ({seg.kind} {seg.start}:{seg.end})"
        if not 0 <= seg.start < seg.end <= n:
            problem = "is empty" if seg.start == seg.end else "is out of bounds"
            yield f"{where} {problem} (text length {n})"
        if seg.kind not in KINDS:
            yield f"{where} has unknown kind {seg.kind!r}"
        if not seg.why.strip():
            yield f"{where} has an empty why"
        if previous is not None:
            if seg.start < previous.start:
                yield f"{where} is out of order: it starts before segment {i - 1} ({previous.start})"
            elif seg.start < previous.end:
                yield f"{where} overlaps segment {i - 1} ({previous.kind} {previous.start}:{previous.end})"
        previous = seg


def _sorted_segments(article: Article) -> list[Segment]:
    """The segments ordered by start (a no-op copy when they are already sorted)."""
    return sorted(article.segments, key=lambda s: (s.start, s.end))


def _coverage_violations(article: Article) -> Iterator[str]:
    """One message per gap between segments that holds non-whitespace text."""
    text = article.text
    n = len(text)
    pos = 0
    for seg in _sorted_segments(article):
        start = min(max(seg.start, 0), n)
        end = min(max(seg.end, 0), n)
        if start > pos:
            yield from _gap_violation(text, pos, start)
        pos = max(pos, end)
    if pos < n:
        yield from _gap_violation(text, pos, n)


def _gap_violation(text: str, start: int, end: int) -> Iterator[str]:
    """A message when ``text[start:end]`` (not covered by any segment) holds non-whitespace text."""
    first = _NON_SPACE.search(text, start, end)
    if first is None:
        return
    from_end = _NON_SPACE.search(text[start:end][::-1])  # linear: finds the last non-whitespace character
    last = end - from_end.start() if from_end else end
    snippet = _preview(text[first.start() : last])
    yield f"text[{first.start()}:{last}] is not covered by any segment: {snippet}"


def _named_spans(article: Article) -> Iterator[tuple[str, Span]]:
    """Every span of the convenience level, with a name for messages."""
    if article.outlet is not None:
        yield "outlet.span", article.outlet.span
    if article.dateline is not None:
        if article.dateline.span is not None:
            yield "dateline.span", article.dateline.span
        if article.dateline.date_span is not None:
            yield "dateline.date_span", article.dateline.date_span
    if article.attribution is not None:
        yield "attribution.span", article.attribution.span
    for i, credit in enumerate(article.credits):
        yield f"credits[{i}].span", credit.span
    for i, insert in enumerate(article.inserts):
        yield f"inserts[{i}].span", insert.span
    for i, block in enumerate(article.link_blocks):
        yield f"link_blocks[{i}].span", block.span
        for j, item in enumerate(block.items):
            yield f"link_blocks[{i}].items[{j}].span", item.span
    for i, paragraph in enumerate(article.paragraphs):
        yield f"paragraphs[{i}].span", paragraph.span


def _span_violations(article: Article) -> Iterator[str]:
    """Bounds of every span."""
    n = len(article.text)
    for name, span in _named_spans(article):
        if not 0 <= span.start <= span.end <= n:
            yield f"{name} {span.start}:{span.end} is out of bounds (text length {n})"
        elif span.start == span.end:
            yield f"{name} {span.start}:{span.end} is empty"


def _in_bounds(span: Span, n: int) -> bool:
    return 0 <= span.start <= span.end <= n


def _paragraph_violations(article: Article) -> Iterator[str]:
    """Paragraph text, order, and that each lies inside body segments only."""
    text = article.text
    n = len(text)
    segments = _sorted_segments(article)
    starts = [s.start for s in segments]
    previous_end = 0
    for i, paragraph in enumerate(article.paragraphs):
        span = paragraph.span
        where = f"paragraphs[{i}] ({span.start}:{span.end})"
        if _NON_SPACE.search(paragraph.text) is None:
            yield f"{where} is blank"
        if span.start < previous_end:
            yield f"{where} starts before the end of the previous paragraph ({previous_end})"
        previous_end = max(previous_end, span.end)
        if not _in_bounds(span, n):
            continue  # reported by _span_violations
        if paragraph.text != text[span.start : span.end]:
            yield (
                f"{where} text {_preview(paragraph.text)} differs from the text of its span "
                f"{_preview(text[span.start : span.end])}"
            )
        yield from _paragraph_segment_violations(where, span, segments, starts)


def _paragraph_segment_violations(
    where: str, span: Span, segments: Sequence[Segment], starts: Sequence[int]
) -> Iterator[str]:
    """A paragraph's span must overlap body segments and no segment of another kind."""
    j = max(bisect.bisect_right(starts, span.start) - 1, 0)
    body_overlaps = 0
    while j < len(segments) and segments[j].start < span.end:
        seg = segments[j]
        if seg.end > span.start:
            if seg.kind == "body":
                body_overlaps += 1
            else:
                yield f"{where} overlaps a {seg.kind} segment ({seg.start}:{seg.end}, {seg.why})"
        j += 1
    if body_overlaps == 0 and span.start < span.end:
        yield f"{where} lies in no body segment"


def _body_violations(article: Article) -> Iterator[str]:
    """``body`` must be the paragraph texts joined by blank lines."""
    expected = "\n\n".join(p.text for p in article.paragraphs)
    if article.body == expected:
        return
    at = _first_difference(article.body, expected)
    yield (
        f"body differs from the joined paragraphs at character {at}: "
        f"body has {_preview(article.body[at : at + 30])}, paragraphs give {_preview(expected[at : at + 30])}"
    )


def _first_difference(a: str, b: str) -> int:
    """The index of the first character where ``a`` and ``b`` differ (binary search over C-level compares)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:  # invariant: a[:lo] == b[:lo]
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo
