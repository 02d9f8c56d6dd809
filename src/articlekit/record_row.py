"""One record (a mapping with a text field) in, its output columns out: the pipeline, the group, the error row."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .corpus import ErrorPolicy
from .errors import PipelineError
from .io import missing_text_field
from .json_lines import article_json
from .pipeline import Pipeline
from .rows import error_row, flat
from .templates import Templates
from .workers import DEFAULT_LANG, pipeline_for

__all__ = ["group_column", "record_row", "setup"]

def _what(record: Mapping[str, Any], name: str, value: object) -> str:
    """Why ``value`` (``record[name]``) is no text: null (``None``, a NaN, ``pandas.NA``), or of another type."""
    if value is None or (isinstance(value, float) and value != value) or type(value).__name__ in ("NAType", "NaTType"):
        return f"text field {name!r} is null"  # None, NaN, pandas' NA (a string column's missing value)
    return f"text field {name!r} is not a string but {type(value).__name__}"


def _url(record: Mapping[str, Any], url_field: str | None) -> str | None:
    url = record.get(url_field) if url_field else None
    return url if isinstance(url, str) else None


def setup(lang: str | None, pipeline: Pipeline | None, templates: Templates | str | Path | None,
           group_by: str | None) -> tuple[Pipeline, str | None]:
    """The pipeline for the records, and how a record's group is read (``None``: no group).

    With ``templates`` (a :class:`~articlekit.Templates` or a file's path) the default pipeline gains
    the learned site templates, and a record's group is read by ``group_by`` (a field's name or
    ``"url"``), by default the way the templates were learned.
    """
    if templates is None:
        return pipeline_for(lang, pipeline), group_by
    if pipeline is not None:
        raise PipelineError("give templates to Pipeline.default(templates=...) when you pass a pipeline")
    from .pipeline import _pipeline_with_templates

    nlp = _pipeline_with_templates(lang if lang is not None else DEFAULT_LANG, templates)
    learned = getattr(nlp.get("templates"), "templates", None)
    return nlp, group_by or (learned.group_by if isinstance(learned, Templates) else "detected")


def _group(record: Mapping[str, Any], by: str | None, url_field: str | None) -> str | None:
    if by is None:
        return None
    from .learning import record_group

    return record_group(record, by, url_field=url_field or "url")


def group_column(by: str | None) -> str | None:
    """The field a record's group is read from (``None``: none, or the URL's)."""
    if by is None or by in ("url", "detected"):
        return None
    return by[len("field:"):] if by.startswith("field:") else by


def record_row(record: Mapping[str, Any], nlp: Pipeline, text_field: str, url_field: str | None, errors: ErrorPolicy,
         full: bool, by: str | None = None) -> dict[str, Any]:
    """The unprefixed output columns for one record (no carried fields)."""
    text = record.get(text_field)
    if not isinstance(text, str):
        error = missing_text_field(record, text_field) if text_field not in record else _what(record, text_field, text)
        if errors == "raise":
            raise TypeError(error)
        row = error_row(error)
        if full:
            row["article"] = None
        return row
    group = _group(record, by, url_field)
    try:
        if group is None:
            article = nlp(text, errors=errors, url=_url(record, url_field))
        else:
            article = nlp(text, errors=errors, url=_url(record, url_field), group=group)
    except Exception as exc:
        if errors == "raise":
            raise
        row = error_row(f"parse failed: {type(exc).__name__}: {exc}", len(text))
        if full:
            row["article"] = None
        return row
    row = flat(article)
    if full:
        row["article"] = article_json(article)
    return row
