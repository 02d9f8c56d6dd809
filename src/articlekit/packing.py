"""An Article packed for the trip from a worker process to the parent, and unpacked there."""

from __future__ import annotations

from typing import Any

from .assemble import _known_valid
from .models import Article, Paragraph, Segment, Span

__all__ = ["Packed", "pack", "unpack"]

# Articles cross the process boundary packed: pickling a pydantic model costs a Python call per
# nested model on both sides, and an Article holds dozens (segments, paragraphs and their spans).
# The two long lists travel as plain tuples and are rebuilt without validation (their values come
# from a valid Article); everything else is pickled as usual.
Packed = tuple[dict[str, Any], set[str], list[tuple[str, int, int, str]], list[tuple[str | None, int, int]]]


def pack(article: Article, source: object) -> Packed:
    """``article`` for the trip to the parent, without the strings the parent can cut from ``source``.

    The input text stays home (the parent holds it), and so do the paragraphs and the body when
    they are what the default assembly makes of it (a paragraph is its span of the text, the body
    the paragraphs joined by blank lines); anything else travels as it is.
    """
    fields = dict(article.__dict__)
    segments = fields.pop("segments")
    paragraphs = fields.pop("paragraphs")
    text = article.text
    if text is source:
        fields["text"] = None
    packed_paragraphs = [
        (None if p.text == text[p.span.start : p.span.end] else p.text, p.span.start, p.span.end) for p in paragraphs
    ]
    if article.body == "\n\n".join(p.text for p in paragraphs):
        fields["body"] = None
    return (fields, article.__pydantic_fields_set__, [(s.kind, s.start, s.end, s.why) for s in segments],
            packed_paragraphs)


def unpack(packed: Packed, source: object) -> Article:
    fields, fields_set, segments, paragraphs = packed
    text = fields["text"]
    if text is None:
        fields["text"] = text = source
    fields["segments"] = [_known_valid(Segment, {"kind": k, "start": s, "end": e, "why": w}) for k, s, e, w in segments]
    fields["paragraphs"] = [
        _known_valid(Paragraph, {"text": text[s:e] if t is None else t,
                                 "span": _known_valid(Span, {"start": s, "end": e})})
        for t, s, e in paragraphs
    ]
    if fields["body"] is None:
        fields["body"] = "\n\n".join(p.text for p in fields["paragraphs"])
    article: Article = _known_valid(Article, {name: fields[name] for name in Article.model_fields})
    object.__setattr__(article, "__pydantic_fields_set__", fields_set)
    return article
