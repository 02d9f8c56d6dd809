"""The default stages, one module each. ``default_stages()`` gives them in their default order."""

from __future__ import annotations

from ..rules import Locale, OutletCatalogue
from .captions import Captions
from .header import Header
from .inserts import Inserts
from .links import LinkBlocks
from .newsdate import NewsDate
from .noise import Noise
from .page import PageLayout
from .prefix import Prefix
from .repeats import Repeats
from .tail import Tail
from .templates import SiteTemplates

__all__ = [
    "Captions", "Header", "Inserts", "LinkBlocks", "NewsDate", "Noise", "PageLayout", "Prefix", "Repeats",
    "SiteTemplates", "Tail", "default_stages",
]


DefaultStage = Noise | Repeats | PageLayout | LinkBlocks | Prefix | Header | Captions | Inserts | Tail | NewsDate


def default_stages(locale: Locale, outlets: OutletCatalogue) -> list[DefaultStage]:
    """Fresh default stages, in order.

    noise, repeats, page, links, prefix, header, captions, inserts, tail, newsdate.
    """
    del locale, outlets  # the stages read both from the draft; kept for stages that will need them
    return [
        Noise(), Repeats(), PageLayout(), LinkBlocks(), Prefix(), Header(), Captions(), Inserts(), Tail(), NewsDate(),
    ]
