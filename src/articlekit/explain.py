"""A readable table of what was cut from a page and why, and of where each value was read."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Article

__all__ = ["explain_table"]


def _preview(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _render(rows: list[tuple[str, str, str, str, str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    out = []
    for i, r in enumerate(rows):
        out.append(f"{r[0]:<{widths[0]}}  {r[1]:>{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]:<{widths[3]}}  {r[4]}")
        if i == 0:
            out.append("-" * len(out[0]))
    return out


def explain_table(article: Article, *, width: int = 48, include_body: bool = False) -> str:
    """One row per segment (body rows only with ``include_body``): kind, offsets, rule, preview; then one
    row per value read (outlet, place, date, page fields): the field, offsets, rule and the value."""
    rows = [("kind", "start", "end", "why", "text")]
    for seg in article.segments:
        if seg.kind == "body" and not include_body:
            continue
        rows.append((seg.kind, str(seg.start), str(seg.end), seg.why,
                     _preview(article.text[seg.start : seg.end], width)))
    read = [("read", "start", "end", "why", "value")]
    for r in article.readings:
        read.append((r.field, str(r.start), str(r.end), r.why, _preview(r.value, width)))
    out = ["nothing was cut"] if len(rows) == 1 else _render(rows)
    if len(read) > 1:
        out.extend(_render(read))
    for note in article.notes:
        out.append(f"note: {note}")
    return "\n".join(out)
