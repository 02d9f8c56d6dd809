"""Whole-page dumps: find where the story is, and label everything around it.

A scraper that dumps all the visible text of a page hands over menus, the title, a byline
and timestamps, photo captions and share buttons, then the story, then link blocks and a
footer. This stage only acts on such dumps (the story starts after several lines of other
material); on a body-only scrape it does nothing.

- The story starts in the first dense run of prose, found by texture alone (``texture``,
  ``region``): at its first paragraph that is not a standfirst (prose followed by the byline or
  timestamp is a teaser). A short
  dateline line right above it (``Jakarta -``) belongs to the story and is left to the prefix
  stage.
- The story ends after its last prose paragraph, at the first link-block heading or run of
  menu lines that follows it; what lies between (initials, inserts, tags) is left to the tail
  and insert stages.
- Above the story: the title (the headline nearest above the byline and timestamp), the
  byline, the published and updated timestamps, captions, link blocks and menus. Below it:
  link blocks (a heading with at least one headline under it) and everything else as noise.

One module per job: ``texture`` (scoring lines, the densest runs), ``region`` (where the story
starts and ends), ``masthead`` (title, byline, timestamps), ``blocks`` (link blocks, tabs, menus
and noise), ``lines`` (what a line is), ``shapes`` (the patterns) and ``thresholds`` (every number,
in one place); ``layout`` puts them together as the stage.
"""

from __future__ import annotations

from .layout import PageLayout
from .masthead import stamp
from .thresholds import Thresholds

__all__ = ["PageLayout", "Thresholds", "stamp"]
