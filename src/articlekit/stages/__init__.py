"""The default stages, one module each. ``default_stages()`` gives them in their default order."""

from __future__ import annotations

from .captions import Captions
from .header import Header
from .inserts import Inserts
from .leftovers import Leftovers
from .links import LinkBlocks
from .newsdate import NewsDate
from .noise import Noise
from .page import PageLayout
from .prefix import Prefix
from .repeats import Repeats
from .tail import Tail
from .templates import SiteTemplates

__all__ = [
    "Captions", "Header", "Inserts", "Leftovers", "LinkBlocks", "NewsDate", "Noise", "PageLayout", "Prefix", "Repeats",
    "SiteTemplates", "Tail", "default_stages",
]


DefaultStage = (Noise | Repeats | PageLayout | LinkBlocks | Prefix | Header | Captions | Inserts | Leftovers | Tail
                | NewsDate)


def default_stages() -> list[DefaultStage]:
    """Fresh default stages, in order: noise, repeats, page, links, prefix, header, captions, inserts, leftovers, tail,
    newsdate.

    A stage reads the locale and the outlet catalogue from the draft it is given, so the same stages
    serve every language and catalogue.
    """
    return [
        Noise(), Repeats(), PageLayout(), LinkBlocks(), Prefix(), Header(), Captions(), Inserts(), Leftovers(), Tail(),
        NewsDate(),
    ]
