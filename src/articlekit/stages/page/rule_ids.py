"""The page stage's rule ids: each ``why`` it prints, defined once (``articlekit rules`` lists them)."""

from __future__ import annotations

from ...rulebook import define_rule

HEADER = define_rule("page:header", "noise", "a page dump's furniture above the story: menus, top bars, breadcrumbs")
FOOTER = define_rule("page:footer", "noise", "a page dump's furniture below the story: footers, share bars, menus")
TITLE = define_rule("page:title", "header", "the headline above the story (art.title)")
TITLE_REPEAT = define_rule("page:title-repeat", "header", "the headline printed again above the story")
PUBLISHED = define_rule("page:published", "header", "the publication timestamp near the title (art.published)")
UPDATED = define_rule("page:updated", "header", "the 'Diperbarui'/'Updated' timestamp (art.updated)")
BYLINE = define_rule("page:byline", "header", "the byline near the title (art.byline)")
HEADING = define_rule("page:heading", "link_block", "the heading of a block listing other articles")
TAB = define_rule("page:tab", "link_block", "a tab of a stack of link-block headings that owns a list")
ITEM = define_rule("page:item", "link_block", "a headline listed in a page's link block")
META = define_rule("page:meta", "link_block", "a category, time or count line under a headline in a link block")
TAGS = define_rule("page:tags", "noise", "a topic or tag list and its heading")
EMPTY_HEADING = define_rule("page:empty-heading", "noise", "a link-block heading whose list never loaded")
BOX_HEADING = define_rule("page:box-heading", "link_block", "the heading of a link box inside the story")
BOX_ITEM = define_rule("page:box-item", "link_block", "a headline in a link box inside the story")
CAPTION = define_rule("page:caption", "caption", "a caption or photo-credit line in the page's furniture")
PHOTO_CREDIT = define_rule("page:photo-credit", "caption", "a bare photo credit alone between two story lines")
CAPTION_CREDITED = define_rule("page:caption-credited", "caption",
                               "the rest of a caption whose credit an earlier stage took as a copyright mark")
REGION = {"header": HEADER, "footer": FOOTER}
SPECIAL = {"title": TITLE, "title-repeat": TITLE_REPEAT, "published": PUBLISHED, "updated": UPDATED, "byline": BYLINE}

__all__ = ["BOX_HEADING", "BOX_ITEM", "BYLINE", "CAPTION", "CAPTION_CREDITED", "EMPTY_HEADING", "FOOTER", "HEADER",
           "HEADING", "ITEM", "META", "PHOTO_CREDIT", "PUBLISHED", "REGION", "SPECIAL", "TAB", "TAGS", "TITLE",
           "TITLE_REPEAT", "UPDATED"]
