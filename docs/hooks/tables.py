"""MkDocs hook: fills ``{{ articlekit_rules }}`` and ``{{ articlekit_outlets }}`` with tables built at build time.

The tables come from the installed code and data (``articlekit rules`` and ``articlekit outlets``
print the same lists), so the page never goes stale.
"""

from __future__ import annotations

from typing import Any

RULES = "{{ articlekit_rules }}"
OUTLETS = "{{ articlekit_outlets }}"


def _cell(text: str) -> str:
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'").replace("\n", " ")
    return text.replace("[", "\\[").replace("]", "\\]").replace("*", "\\*").replace("_", "\\_")


def _code(text: str) -> str:
    return f"`{text}`" if text else ""


def rules_table() -> str:
    from articlekit.rulebook import list_rules

    rows = ["| id | kind | defined in | what it does |", "|---|---|---|---|"]
    for r in list_rules():
        rows.append(f"| {_code(r.id)} | {r.kind} | {_code(r.where)} | {_cell(r.doc)} |")
    return "\n".join(rows)


def outlets_table() -> str:
    from articlekit.rules import load_outlets

    rows = ["| id | name | domain | aliases | codes |", "|---|---|---|---|---|"]
    for e in sorted(load_outlets().entries, key=lambda e: e.id):
        rows.append(f"| {_code(e.id)} | {_cell(e.name)} | {e.domain} | {_cell(', '.join(e.aliases))} | "
                    f"{_cell(', '.join(e.codes))} |")
    return "\n".join(rows)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    if RULES in markdown:
        markdown = markdown.replace(RULES, rules_table())
    if OUTLETS in markdown:
        markdown = markdown.replace(OUTLETS, outlets_table())
    return markdown
