"""MkDocs hook: fills ``{{ articlekit_schema }}`` in the docs with the Article's JSON Schema.

The schema is generated at build time from the installed code (``articlekit schema`` prints the
same), so the page never goes stale.
"""

from __future__ import annotations

import json
from typing import Any

PLACEHOLDER = "{{ articlekit_schema }}"


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    if PLACEHOLDER not in markdown:
        return markdown
    from articlekit import Article

    return markdown.replace(PLACEHOLDER, json.dumps(Article.model_json_schema(), indent=2, ensure_ascii=False))
