"""Every threshold of the page stage, named in one place (word counts are whitespace-split words)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Thresholds"]


@dataclass(frozen=True)
class Thresholds:
    """The page stage's numbers; :class:`~articlekit.stages.page.PageLayout` takes any of them as a keyword."""

    # when a text is a page
    min_lines: int = 12  # fewer lines: no page
    min_header_lines: int = 4  # a story starting higher up: a body scrape, not a page
    stamp_prose_words: int = 4  # a longer line whose date is a small part of it is a sentence, not a stamp
    # prose and the story's end
    prose_words: int = 12  # a line closed like a sentence with this many words is prose
    long_words: int = 25  # ... and any line this long
    max_gap: int = 8  # non-prose lines the story may hold between two paragraphs
    resume_paragraphs: int = 3  # ... or more, when this many paragraphs in a row follow them
    # link blocks
    item_words: tuple[int, int] = (3, 30)  # a headline's words
    stamp_words: int = 16  # a timestamp line has at most this many words
    block_item_words: int = 4  # a headline in a block has at least this many words
    unnamed_items: int = 3  # headlines under a short line that make it a heading
    unnamed_item_words: int = 5  # ... each at least this long
    max_heading_chars: int = 60  # a heading made of heading words is at most this long
    max_box_items: int = 6  # headlines in a link box inside the story
    min_prose_item_words: int = 4  # ... and the words of each, in an extractor's text (no page)
    end_prose_words: int = 12  # prose that keeps the story going
    credit_words: int = 10  # a bare photo credit line
    closing_words: int = 4  # a short closing sentence of the story
    anchor_words: int = 10  # a header stamp line next to the headline
    mega_sections: int = 3  # sections with featured headlines that make a mega-menu
    caption_words: int = 45  # a caption carrying its credit
    menu_entries: int = 3  # menu lines under a heading that make it a menu
    menu_window: int = 8  # ... among its first lines
    max_lead_meta: int = 4  # meta lines before a block's first headline
    heading_extra_words: int = 2  # words a heading may have beside its heading words
    caption_echo: int = 3  # lines within which a caption printed twice is looked for
    # header and texture
    byline_reach: int = 24  # how far above the story a byline printed again under it is looked for
    title_reach: int = 4  # lines above the stamp (not counting prose) where the title is looked for
    standfirst_words: int = 15  # a line right under the headline this long (and ...)
    standfirst_ratio: float = 1.3  # ... this many times the headline's words is its standfirst, not the title
    standfirst_paragraphs: int = 2  # prose above the byline or timestamp, at most this many paragraphs, is a teaser
    story_share: float = 0.3  # the first prose run worth this share of the best one is the story
    junk_cost: float = 6.0  # what a line that is not prose costs the region around it, in words
    sentence_capital_share: float = 0.5  # a short line closed like a sentence, mostly lower case
    max_capital_share: float = 0.8  # a line with more capitalised words than this is a headline, not prose
