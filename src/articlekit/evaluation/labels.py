"""Reading a gold label's fields, refusing one of the wrong type."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["LabelError", "is_page_label", "label_id", "opt_str", "str_field", "str_list"]

class LabelError(ValueError):
    """A label is malformed (a field of the wrong type)."""



def opt_str(label: Mapping[str, object], key: str) -> str | None:
    value = label.get(key)
    if value is None or isinstance(value, str):
        return value
    raise LabelError(f"label {label.get('id')!r}: {key} must be a string or null, not {value!r}")



def str_field(label: Mapping[str, object], key: str) -> str:
    value = label.get(key, "")
    if isinstance(value, str):
        return value
    raise LabelError(f"label {label.get('id')!r}: {key} must be a string, not {value!r}")



def str_list(label: Mapping[str, object], key: str) -> list[str]:
    value = label.get(key, [])
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [str(v) for v in value]
    raise LabelError(f"label {label.get('id')!r}: {key} must be a list of strings, not {value!r}")



_PAGE_FIELDS = ("title", "published", "updated", "link_headings")


def is_page_label(label: Mapping[str, object]) -> bool:
    """Whether the label carries page-dump fields."""
    return any(k in label for k in _PAGE_FIELDS)



def label_id(label: Mapping[str, object]) -> str:
    value = label.get("id")
    return value if isinstance(value, str) else repr(value)
