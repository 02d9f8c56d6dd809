"""Build the :class:`Article` from a finished :class:`Draft`.

The body is not a stage: it is whatever no stage claimed, computed once here, so no
stage can forget to update it. Unclaimed pieces without a letter or digit (a lone ``-``
line) become ``noise`` segments so that every character still has a label.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from operator import attrgetter
from typing import Any

import regex
from pydantic import BaseModel

from .draft import Claim, Draft
from .models import (
    CREDIT_ROLES,
    KINDS,
    Article,
    Attribution,
    Credit,
    CreditRole,
    Dateline,
    Insert,
    LinkBlock,
    LinkItem,
    Outlet,
    Paragraph,
    Reading,
    Segment,
    Span,
)
from .rulebook import define_rule
from .rules import Locale

__all__ = ["assemble"]

UNCLAIMED = define_rule("body:unclaimed", "body",
                        "what no stage claimed: the story's own prose, one segment per paragraph")
NO_WORDS = define_rule("body:no-words", "noise", "an unclaimed scrap without a letter or digit (a lone '-' line)")

_KIND_SET = frozenset(KINDS)
_new = object.__new__
# the setters of a pydantic model's slots, looked up once (object.__setattr__ looks each one up by name)
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


_every_field: dict[type[Any], set[str]] = {}


def _known_valid(cls: type[Any], fields: dict[str, Any]) -> Any:
    """An instance of the pydantic model ``cls`` from values already known to be valid, without validation.

    What ``cls(**fields)`` builds when every value already has its field's exact type (the
    callers check that), at a fraction of the cost: the inner loop makes dozens per article.
    When every field is given, the instances of a class share one set of set fields (read only:
    the models are frozen, and pydantic copies the set before it adds to it in ``model_copy``),
    a third of the memory of a ``Span``: a page of half a million lines builds over a million.
    """
    every = _fields_of(cls)
    obj = _new(cls)
    _set_dict(obj, fields)
    _set_fields_set(obj, every if len(fields) == len(every) else set(fields))
    _set_extra(obj, None)
    _set_private(obj, None)
    return obj

_WORDY = regex.compile(r"[\p{L}\p{N}]")
# a paragraph break: a newline, or a comma that a data set used to join paragraphs
# ("... pekan ini.,Direktur ..."), which never follows a closing mark in ordinary prose
_BREAK = regex.compile(r"\n|(?<=[.!?\"”]),(?=\S)|(?<=[.!?]),(?=\s*\Z)")
# A line that ends without closing punctuation, followed by one that starts in lower case
# (or with a comma): the line break was left by a link or a tag, not by a paragraph.
_CLOSERS = frozenset(".!?:;\"”’')]…")  # the closing punctuation: a line ending in none of these is open
_SOFT_START = regex.compile(r"\A[\p{Ll},;.)\]]")


def _body_pieces(draft: Draft) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Unclaimed text split into paragraph spans and word-less scraps."""
    text = draft.text
    lines: list[tuple[int, int]] = []  # whitespace-trimmed, none empty
    append = lines.append
    for lo, hi in draft.free_parts(0, len(text)):
        if _SPLIT_AT_NEWLINES and text.find(",", lo, hi) < 0:
            # no comma, so every break is a newline: the stretch's lines by one split (the common case,
            # and a page of half a million short lines) instead of a match object per line
            pos = lo
            for piece in text[lo:hi].split("\n"):
                n = len(piece)
                kept = piece.strip()  # str.strip drops what str.isspace calls space, as strip_span does
                if len(kept) == n:
                    if n:
                        append((pos, pos + n))
                elif kept:
                    s = pos + n - len(piece.lstrip())
                    append((s, s + len(kept)))
                pos += n + 1
            continue
        pos = lo
        for m in _BREAK.finditer(text, lo, hi):
            _add_stripped(text, pos, m.start(), append)
            if m.group() == ",":
                append((m.start(), m.end()))  # a join comma: a scrap of its own
            pos = m.end()
        _add_stripped(text, pos, hi, append)
    paragraphs: list[tuple[int, int]] = []
    scraps: list[tuple[int, int]] = []
    wordy = _WORDY.search
    closers = _CLOSERS
    ascii_wordy = _ASCII_WORDY
    for s, e in lines:
        # a line opening with an ASCII letter or digit has a word (most do): no search
        if text[s] not in ascii_wordy and not wordy(text, s, e):
            scraps.append((s, e))
            continue
        # the cheapest test of _joins first: most paragraphs end in a closing mark
        if paragraphs and text[paragraphs[-1][1] - 1] not in closers and _joins(draft, paragraphs[-1], (s, e)):
            paragraphs[-1] = (paragraphs[-1][0], e)
        else:
            paragraphs.append((s, e))
    return paragraphs, scraps


_SPLIT_AT_NEWLINES = True
"""Split a stretch without a comma at its newlines (the same lines as ``_BREAK``; tests switch it off)."""

_ASCII_WORDY = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
"""Characters that are letters or digits (``_WORDY``) in every version of Unicode."""


def _add_stripped(text: str, s: int, e: int, append: Callable[[tuple[int, int]], None]) -> None:
    """``append`` the whitespace-trimmed ``[s, e)`` unless nothing is left."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s < e:
        append((s, e))


def _joins(draft: Draft, prev: tuple[int, int], nxt: tuple[int, int]) -> bool:
    """True when ``nxt`` continues the paragraph ``prev`` across a soft line break."""
    text = draft.text
    if text[prev[1] - 1] in _CLOSERS:  # the cheapest tests first: most paragraphs end in a closing mark
        return False
    # (the paragraph is open: its last character is none of _CLOSERS, tested above)
    if not _SOFT_START.match(text, nxt[0], nxt[1]):
        return False
    between = text[prev[1] : nxt[0]]
    if between.count("\n") != 1 or between.strip():
        return False
    return draft.is_free(prev[1], nxt[0])


def _fields_of(cls: type[Any]) -> set[str]:
    """The set of every field of ``cls`` that :func:`_known_valid` shares between its instances."""
    every = _every_field.get(cls)
    if every is None:
        every = _every_field[cls] = set(cls.model_fields)
    return every


def _paragraphs(texts: list[str], spans: list[tuple[int, int]]) -> list[Paragraph]:
    """``Paragraph(text=t, span=Span(start=s, end=e))`` for each text and its span, built as
    :func:`_known_valid` builds them, inlined: a page of half a million short lines makes a million."""
    new, set_dict, set_fields, set_extra, set_private = _new, _set_dict, _set_fields_set, _set_extra, _set_private
    para_fields, span_fields = _fields_of(Paragraph), _fields_of(Span)
    out: list[Paragraph] = []
    append = out.append
    for t, (s, e) in zip(texts, spans, strict=True):
        span = new(Span)
        set_dict(span, {"start": s, "end": e})
        set_fields(span, span_fields)
        set_extra(span, None)
        set_private(span, None)
        para = new(Paragraph)
        set_dict(para, {"text": t, "span": span})
        set_fields(para, para_fields)
        set_extra(para, None)
        set_private(para, None)
        append(para)
    return out


def _segments(kind: str, why: str, spans: list[tuple[int, int]]) -> list[Segment]:
    """``Segment(kind=kind, start=s, end=e, why=why)`` for each span of ints in the text (what
    :func:`_segment` builds for them), inlined as in :func:`_paragraphs`."""
    if kind not in _KIND_SET or type(why) is not str:
        return [_segment(kind, s, e, why) for s, e in spans]
    new, set_dict, set_fields, set_extra, set_private = _new, _set_dict, _set_fields_set, _set_extra, _set_private
    fields = _fields_of(Segment)
    out: list[Segment] = []
    append = out.append
    for s, e in spans:
        seg = new(Segment)
        set_dict(seg, {"kind": kind, "start": s, "end": e, "why": why})
        set_fields(seg, fields)
        set_extra(seg, None)
        set_private(seg, None)
        append(seg)
    return out


_start_of = attrgetter("start")


def _span(start: int, end: int) -> Span:
    if type(start) is int and type(end) is int:
        return _known_valid(Span, {"start": start, "end": end})  # type: ignore[no-any-return]
    return Span(start=start, end=end)


def _segment(kind: str, start: int, end: int, why: str) -> Segment:
    if kind in _KIND_SET and type(start) is int and type(end) is int and type(why) is str:
        return _known_valid(Segment, {"kind": kind, "start": start, "end": end, "why": why})  # type: ignore[no-any-return]
    return Segment(kind=kind, start=start, end=end, why=why)  # validation says why


def _outlet(claims: list[Claim]) -> Outlet | None:
    for c in claims:
        if c.kind == "outlet":
            d = c.data
            return Outlet(id=d.get("outlet_id"), name=str(d.get("name", "")), domain=str(d.get("domain", "")),
                          span=_span(c.start, c.end))
    return None


def _dateline(draft: Draft, claims: list[Claim]) -> Dateline | None:
    parts = [c for c in claims if c.kind == "dateline"]
    prefix = [c for c in claims if c.kind in ("dateline", "outlet") and c.data.get("prefix")]
    facts = draft.facts_of("newsdate")
    if not parts and not facts:
        return None
    info: dict[str, Any] = {}
    for c in parts:
        info.update({k: v for k, v in c.data.items() if v is not None})
    span = None
    raw = None
    if parts:
        start = min(c.start for c in prefix or parts)
        end = max(c.end for c in prefix or parts)
        span = _span(start, end)
        raw = draft.text[start:end]
    date = info.get("date")
    partial = info.get("partial")
    date_span = _span(*info["date_span"]) if "date_span" in info else None
    time = info.get("time")
    if date is None and facts:
        f = facts[0]
        date = f.data.get("date")
        partial = partial or f.data.get("partial")
        date_span = _span(f.start, f.end)
        time = time or f.data.get("time")
        info.setdefault("tz", f.data.get("tz"))
    return Dateline(
        place=info.get("place"),
        date=date if isinstance(date, dt.date) else None,
        partial=partial,
        time=time if isinstance(time, dt.time) else None,
        tz=info.get("tz"),
        raw=raw,
        sep=info.get("sep"),
        span=span,
        date_span=date_span,
    )


def _attribution(draft: Draft, claims: list[Claim]) -> Attribution | None:
    parts = [c for c in claims if c.kind == "attribution"]
    if not parts:
        return None
    sources: list[str] = []
    for c in parts:
        for s in c.data.get("sources", ()):
            if s.casefold() not in (x.casefold() for x in sources):
                sources.append(s)
    raw = " ".join(draft.text[c.start : c.end] for c in parts)
    return Attribution(sources=sources, raw=raw, span=_span(parts[0].start, parts[-1].end))


def _link_blocks(claims: list[Claim]) -> list[LinkBlock]:
    blocks: dict[int, dict[str, Any]] = {}
    for c in claims:
        if c.kind != "link_block" or "block" not in c.data:
            continue
        b = blocks.setdefault(int(c.data["block"]), {"heading": "", "items": [], "start": c.start, "end": c.end})
        b["start"] = min(b["start"], c.start)
        b["end"] = max(b["end"], c.end)
        role = c.data.get("role")
        if role == "heading":
            b["heading"] = str(c.data.get("heading", ""))
        elif role == "item":
            b["items"].append(LinkItem(title=str(c.data.get("title", "")), span=_span(c.start, c.end)))
    return [
        LinkBlock(heading=b["heading"], items=b["items"], span=_span(b["start"], b["end"]))
        for _, b in sorted(blocks.items())
        if b["items"]
    ]


def _role_table(locale: Locale) -> dict[str, CreditRole]:
    table: dict[str, CreditRole] = {}
    for role, labels in locale.tail.credit_roles.items():
        for label in labels:
            table[" ".join(label.split()).casefold()] = role  # type: ignore[assignment]  # checked at load
    return table


def _credit_role(draft: Draft, given: str, claimed: str) -> tuple[CreditRole, str]:
    """The role (of :data:`CREDIT_ROLES`) and the printed label for a credit claim whose stage gave ``given``.

    A stage gives the label as printed (``Pewarta``, ``EDITOR``), which the locale's
    ``[tail.credit_roles]`` maps to a role, or a role of its own for an unlabelled credit
    (``initials``, ``reporter``); the label is kept only when it is printed in the claimed text.
    """
    locale = draft.locale
    key = " ".join(given.split()).casefold()
    mapped = locale.derived("credit-roles", lambda: _role_table(locale)).get(key)
    role: CreditRole = mapped if mapped is not None else next((r for r in CREDIT_ROLES if r == key), "other")
    return role, given if given and given in claimed else ""


def _page_fields(claims: list[Claim]) -> dict[str, Any]:
    """Title, byline and timestamps from the claims that carry a ``page_role`` (first one wins)."""
    out: dict[str, Any] = {}
    for c in claims:
        role = c.data.get("page_role")
        if role and role not in out and c.data.get("value") is not None:
            out[role] = c.data["value"]
    return out


def _readings(draft: Draft, claims: list[Claim], dateline: Dateline | None) -> list[Reading]:
    """Where the outlet, place, date and page fields came from: the claim (or fact) that read each one."""
    out: list[Reading] = []

    def add(field: str, value: object, start: int, end: int, why: str) -> None:
        out.append(Reading(field=field, value=str(value), start=start, end=end, why=why))

    outlet = next((c for c in claims if c.kind == "outlet" and "domain" in c.data), None)
    if outlet is not None:
        add("outlet", outlet.data["domain"], outlet.start, outlet.end, outlet.why)
    place = next((c for c in claims if c.kind == "dateline" and c.data.get("place")), None)
    if place is not None and dateline is not None and dateline.place is not None:
        end = place.end  # the place claim may hold the comma after the place ("SEMARANG,")
        while end > place.start + 1 and not draft.text[end - 1].isalnum():
            end -= 1
        add("place", dateline.place, place.start, end, place.why)
    if dateline is not None and (dateline.date is not None or dateline.partial is not None):
        value = dateline.date.isoformat() if dateline.date is not None else str(dateline.partial)
        # as _dateline reads it: a complete date in the dateline, else the first sentence's, else a partial one
        full = next((c for c in claims if c.kind == "dateline" and c.data.get("date") is not None), None)
        part = next((c for c in claims if c.kind == "dateline" and c.data.get("partial")), None)
        fact = next(iter(draft.facts_of("newsdate")), None)
        source = full or (fact if fact is not None and fact.data.get("date") is not None else None) or part or fact
        if source is not None:
            span = source.data.get("date_span") or (source.start, source.end)
            add("date", value, span[0], span[1], source.why)
    seen: set[str] = set()
    for c in claims:
        role = c.data.get("page_role")
        if role and role not in seen and c.data.get("value") is not None:
            seen.add(role)
            value = c.data["value"]
            add(str(role), value.isoformat() if isinstance(value, dt.date) else value, c.start, c.end, c.why)
    out.sort(key=lambda r: (r.start, r.field))
    return out


def assemble(draft: Draft) -> Article:
    """The finished :class:`Article` for ``draft``."""
    text = draft.text
    claims = list(draft.claims)
    para_spans, scraps = _body_pieces(draft)
    # offsets from _body_pieces are ints inside the text: build without validation
    para_texts = [text[s:e] for s, e in para_spans]
    paragraphs = _paragraphs(para_texts, para_spans)

    segments = [_segment(c.kind, c.start, c.end, c.why) for c in claims]
    segments.extend(_segments("body", UNCLAIMED, para_spans))
    segments.extend(_segments("noise", NO_WORDS, scraps))
    segments.sort(key=_start_of)

    para_starts = [s for s, _ in para_spans]
    inserts = []
    credits = []
    for c in claims:
        if c.kind == "insert":
            after = bisect.bisect_left(para_starts, c.start) - 1  # the paragraphs before it (sorted starts)
            inserts.append(Insert(label=str(c.data.get("label", "insert")), headline=str(c.data.get("headline", "")),
                                  span=_span(c.start, c.end), after_paragraph=after))
        elif c.kind == "credit" and "role" in c.data:
            role, label = _credit_role(draft, str(c.data["role"]), text[c.start : c.end])
            credits.append(Credit(role=role, label=label, name=str(c.data.get("name", "")),
                                  span=_span(c.start, c.end)))
    notes = list(draft.notes)
    if text.strip() and not paragraphs:
        notes.append("assemble: no body text was left after the cuts")
    page = _page_fields(claims)
    dateline = _dateline(draft, claims)
    return Article(
        text=text,
        lang=draft.lang,
        title=page.get("title"),
        byline=page.get("byline"),
        published=page.get("published"),
        updated=page.get("updated"),
        outlet=_outlet(claims),
        dateline=dateline,
        attribution=_attribution(draft, claims),
        credits=credits,
        inserts=inserts,
        link_blocks=_link_blocks(claims),
        paragraphs=paragraphs,
        body="\n\n".join(para_texts),
        segments=segments,
        readings=_readings(draft, claims, dateline),
        notes=notes,
    )
