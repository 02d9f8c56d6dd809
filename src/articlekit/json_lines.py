"""An Article, or a corpus record and its Article, as one line of JSON (the command line's corpus output)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic_core import PydanticSerializationError

from .models import Article
from .pipeline import Pipeline
from .workers import worker_pipeline

if TYPE_CHECKING:
    from .io import InputRecord

__all__ = ["RenderChunk", "article_json", "render_record"]

def _dumps_meta(meta: Mapping[str, Any]) -> str:
    import json

    return json.dumps(dict(meta), ensure_ascii=False, default=str, separators=(",", ":"))


def render_record(nlp: Pipeline, record: InputRecord, prefix: str = "") -> tuple[str, int]:
    """One output JSON line for ``record`` and its status (0 parsed, 1 error line, 2 a stage failed).

    A parsed record is its carried fields followed by the Article's JSON form; a record
    without text, or whose parse raised, is its carried fields and an ``error``. ``prefix``
    is put before the name of every field articlekit writes (the Article's and ``error``).
    """
    meta = _dumps_meta(record.meta)
    sep = "," if record.meta else ""
    if record.text is None:
        return f'{meta[:-1]}{sep}"{prefix}error":{_json_str(record.error or "unknown")}}}', 1
    try:
        options: dict[str, Any] = {}
        if record.group is not None:
            options["group"] = record.group
        if record.url is not None:
            options["url"] = record.url
        article = nlp(record.text, errors="note", **options)
        body = article_json(article)
    except Exception as exc:
        error = f"parse failed: {type(exc).__name__}: {exc}"
        return f'{meta[:-1]}{sep}"{prefix}error":{_json_str(error)}}}', 1
    status = 2 if any("stage failed" in n for n in article.notes) else 0
    if prefix:
        import json

        fields = json.loads(body)
        body = json.dumps({prefix + k: v for k, v in fields.items()}, ensure_ascii=False, separators=(",", ":"))
    if not record.meta:
        return body, status
    return f"{meta[:-1]},{body[1:]}", status


def _json_str(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


class RenderChunk:
    """A picklable ``(offset, records) -> JSON lines`` for worker processes, with the prefix bound."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix

    def __call__(self, offset: int, records: list[InputRecord]) -> list[tuple[str, int]]:
        nlp = worker_pipeline()
        return [render_record(nlp, r, self.prefix) for r in records]


def article_json(article: Article) -> str:
    """The Article as one line of JSON.

    Text that holds a lone surrogate (what a bad decode with ``surrogateescape`` leaves) has no
    UTF-8 form: it is written with ``\\udxxx`` escapes, which JSON allows, instead of failing.
    """
    try:
        return article.model_dump_json()
    except PydanticSerializationError as exc:
        if "surrogates not allowed" not in str(exc):
            raise  # anything else (an interrupt that came inside a serializer callback) is not ours to hide
        import json

        return json.dumps(article.model_dump(mode="json"), ensure_ascii=True, separators=(",", ":"))
