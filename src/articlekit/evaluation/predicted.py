"""What a parse says, in the terms of a label: outlet domain, place, date, sources, link headings."""

from __future__ import annotations

import datetime as dt

from ..models import Article

__all__ = [
    "as_text", "predicted_date", "predicted_link_headings", "predicted_outlet", "predicted_place", "predicted_sources",
]

def as_text(value: object) -> str | None:
    """A predicted scalar as text: ``None`` stays, dates and times in ISO form."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)



def predicted_outlet(article: Article) -> str | None:
    return article.outlet.domain if article.outlet is not None else None



def predicted_place(article: Article) -> str | None:
    return article.dateline.place if article.dateline is not None else None



def predicted_date(article: Article) -> str | None:
    if article.dateline is None or article.dateline.date is None:
        return None
    return article.dateline.date.isoformat()



def predicted_sources(article: Article) -> list[str]:
    return list(article.attribution.sources) if article.attribution is not None else []



def predicted_link_headings(article: Article) -> list[str]:
    value = getattr(article, "link_headings", None)
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [block.heading for block in article.link_blocks if block.heading.strip()]
