"""Site templates: the lines and sentences a site prints on many of its pages, as reviewable data.

A :class:`Templates` holds, per *group* (a site or outlet), the strings learned from a corpus by
:func:`articlekit.learn_templates` (or written by hand): each with its match ``mode`` (``line``: a
whole line; ``sentence``: a sentence inside a longer line too) and the number of texts it was seen
in. The ``templates`` stage (:class:`articlekit.stages.SiteTemplates`) claims what matches as
``noise``. Files are TOML (or JSON, by the ``.json`` suffix); see ``docs/templates.md``.

>>> t = Templates.from_dict({"articlekit_templates": 1, "group_by": "outlet", "groups": [
...     {"name": "contoh.id", "texts": 40, "strings": [
...         {"text": "Dibaca 1.234 kali", "mode": "line", "texts": 31}]}]})
>>> g = t.group("contoh.id")
>>> g.match_whole(normalise("Dibaca  98 kali")).text
'Dibaca 1.234 kali'

Matching compares *normalised* strings (:func:`normalise`): case-folded, every run of digits (with
their ``.``/``,``/``:``/``/`` separators) written ``0``, zero-width characters dropped and
whitespace folded, so ``Dibaca 1.234 kali`` and ``Dibaca 98 kali`` are one string.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import TemplateError

__all__ = ["FORMAT_VERSION", "MODES", "Mode", "TemplateGroup", "TemplateString", "Templates", "normalise",
           "sentence_spans"]

FORMAT_VERSION = 1
"""The ``articlekit_templates`` value of a template file this version reads and writes."""

Mode = Literal["line", "sentence"]
MODES: tuple[Mode, ...] = ("line", "sentence")

_ZERO_WIDTH = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
_DIGITS = re.compile(r"\d+(?:[.,:/]\d+)*")
_SPACE = re.compile(r"\s+")
_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*\s+")


def normalise(text: str) -> str:
    """The form two strings are compared in: case-folded, digits as ``0``, whitespace folded.

    >>> normalise("  Dibaca\\u00a01.234 KALI ")
    'dibaca 0 kali'
    """
    text = _ZERO_WIDTH.sub("", text)
    text = _DIGITS.sub("0", text)
    return _SPACE.sub(" ", text).strip().casefold()


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` as trimmed ``(start, end)`` spans, in one pass.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with closing quotes or brackets) followed by
    whitespace and a character that is not a lower-case letter, so ``Jl. kenanga`` stays one piece.

    >>> s = "Harga naik. Simak juga video kami! Ia tiba di Jl. kenanga 5."
    >>> [s[a:b] for a, b in sentence_spans(s, 0, len(s))]
    ['Harga naik.', 'Simak juga video kami!', 'Ia tiba di Jl. kenanga 5.']
    """
    out: list[tuple[int, int]] = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        nxt = m.end()
        if nxt < end and text[nxt].islower():
            continue
        _append_trimmed(out, text, pos, m.end())
        pos = nxt
    _append_trimmed(out, text, pos, end)
    return out


def _append_trimmed(out: list[tuple[int, int]], text: str, lo: int, hi: int) -> None:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    if lo < hi:
        out.append((lo, hi))


@dataclass(frozen=True, slots=True)
class TemplateString:
    """One recurring string: an example of it as printed, how it matches, and in how many texts it was seen."""

    text: str
    mode: Mode = "line"
    texts: int = 0

    @property
    def key(self) -> str:
        """The normalised form it is matched by."""
        return normalise(self.text)


@dataclass(frozen=True, eq=False)
class TemplateGroup:
    """The strings of one group (a site or outlet), indexed by their normalised form."""

    name: str
    texts: int
    strings: tuple[TemplateString, ...]
    _whole: dict[str, TemplateString] = field(init=False, repr=False)
    _sentences: dict[str, TemplateString] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        whole: dict[str, TemplateString] = {}
        sentences: dict[str, TemplateString] = {}
        for s in self.strings:
            key = s.key
            whole.setdefault(key, s)
            if s.mode == "sentence":
                sentences.setdefault(key, s)
        object.__setattr__(self, "_whole", whole)
        object.__setattr__(self, "_sentences", sentences)

    def match_whole(self, key: str) -> TemplateString | None:
        """The string a whole line (or a whole unclaimed piece of one) with normalised form ``key`` is."""
        return self._whole.get(key)

    def match_sentence(self, key: str) -> TemplateString | None:
        """The ``sentence`` string a sentence with normalised form ``key`` is."""
        return self._sentences.get(key)

    @property
    def has_sentences(self) -> bool:
        return bool(self._sentences)


@dataclass(frozen=True, eq=False)
class Templates:
    """Learned (or hand-written) site templates, by group; save with :meth:`save`, read with :meth:`load`.

    ``group_by`` says how texts were grouped when learning: ``"detected"`` (the outlet articlekit
    detects in the text, by its domain), ``"url"`` (the registrable domain of a record's URL) or a
    record field's name. ``settings`` records the thresholds used (for review; not needed to apply).
    """

    groups: Mapping[str, TemplateGroup]
    group_by: str = "detected"
    settings: Mapping[str, float | int] = field(default_factory=dict)
    _folded: dict[str, TemplateGroup] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_folded", {name.casefold(): g for name, g in self.groups.items()})

    # ---------------------------------------------------------------- reading

    def group(self, name: str) -> TemplateGroup | None:
        """The group called ``name`` (case-insensitive), or ``None``."""
        return self._folded.get(name.strip().casefold())

    def resolve(self, given: str | None, detected: str | None) -> TemplateGroup | None:
        """The group a text gets: the one ``given``; else the detected outlet's; else the only group there is."""
        if given is not None:
            return self.group(given)
        if detected is not None:
            return self.group(detected)
        if len(self.groups) == 1:
            return next(iter(self.groups.values()))
        return None

    def __len__(self) -> int:
        """The number of strings over all groups."""
        return sum(len(g.strings) for g in self.groups.values())

    def __iter__(self) -> Iterator[TemplateGroup]:
        return iter(self.groups.values())

    def __repr__(self) -> str:
        return f"Templates(group_by={self.group_by!r}, groups={len(self.groups)}, strings={len(self)})"

    # ---------------------------------------------------------------- the file

    def to_dict(self) -> dict[str, Any]:
        """The document a template file holds (see ``docs/templates.md``)."""
        doc: dict[str, Any] = {"articlekit_templates": FORMAT_VERSION, "group_by": self.group_by}
        if self.settings:
            doc["settings"] = dict(self.settings)
        doc["groups"] = [
            {"name": g.name, "texts": g.texts,
             "strings": [{"text": s.text, "mode": s.mode, "texts": s.texts} for s in g.strings]}
            for g in self.groups.values()
        ]
        return doc

    @classmethod
    def from_dict(cls, data: object, *, path: str = "<templates>") -> Templates:
        """Build from a document, validating every field (:class:`~articlekit.errors.TemplateError` names it)."""
        return _parse_document(data, path)

    def save(self, path: str | Path) -> Path:
        """Write the template file: JSON when ``path`` ends in ``.json``, TOML otherwise. Returns the path."""
        path = Path(path)
        if path.suffix.lower() == ".json":
            text = json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
        else:
            text = _to_toml(self)
        path.write_text(text, encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | Path) -> Templates:
        """Read and validate a template file (TOML, or JSON by the ``.json`` suffix)."""
        name = str(path)
        try:
            raw = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise TemplateError(f"cannot read the template file: {exc}", path=name) from exc
        try:
            data: object = json.loads(raw) if name.lower().endswith(".json") else tomllib.loads(raw)
        except (ValueError, tomllib.TOMLDecodeError) as exc:
            raise TemplateError(f"not valid {'JSON' if name.lower().endswith('.json') else 'TOML'}: {exc}",
                                path=name) from exc
        return _parse_document(data, name)


# ---------------------------------------------------------------------- validation

_TOP = {"articlekit_templates", "group_by", "settings", "groups"}
_GROUP = {"name", "texts", "strings"}
_STRING = {"text", "mode", "texts"}


def _count(value: object, *, path: str, rule: str | None, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TemplateError(f"must be a whole number >= 0, not {value!r}", path=path, rule=rule, field=where)
    return value


def _unknown(got: Mapping[str, object], allowed: set[str], *, path: str, rule: str | None, where: str) -> None:
    extra = sorted(set(got) - allowed)
    if extra:
        raise TemplateError(f"unknown key(s) {', '.join(map(repr, extra))}; allowed: {', '.join(sorted(allowed))}",
                            path=path, rule=rule, field=where or extra[0])


def _parse_document(data: object, path: str) -> Templates:
    if not isinstance(data, dict):
        raise TemplateError(f"a template file holds a table (an object), not {type(data).__name__}", path=path)
    _unknown(data, _TOP, path=path, rule=None, where="")
    version = data.get("articlekit_templates")
    if version != FORMAT_VERSION:
        raise TemplateError(f"must be {FORMAT_VERSION} (the template format version), not {version!r}",
                            path=path, field="articlekit_templates")
    group_by = data.get("group_by", "detected")
    if not isinstance(group_by, str) or not group_by.strip():
        raise TemplateError(f"must be a non-empty string, not {group_by!r}", path=path, field="group_by")
    settings = data.get("settings", {})
    if not isinstance(settings, dict) or not all(
            isinstance(k, str) and isinstance(v, int | float) and not isinstance(v, bool) for k, v in settings.items()):
        raise TemplateError("must map names to numbers", path=path, field="settings")
    groups_raw = data.get("groups", [])
    if not isinstance(groups_raw, list):
        raise TemplateError("must be a list of groups", path=path, field="groups")
    groups: dict[str, TemplateGroup] = {}
    seen: set[str] = set()
    for gi, graw in enumerate(groups_raw):
        where = f"groups[{gi}]"
        if not isinstance(graw, dict):
            raise TemplateError("a group must be a table", path=path, field=where)
        name = graw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise TemplateError(f"must be a non-empty string, not {name!r}", path=path, field=f"{where}.name")
        _unknown(graw, _GROUP, path=path, rule=name, where="")
        if name.strip().casefold() in seen:
            raise TemplateError("a second group of this name (names are compared case-insensitively)",
                                path=path, rule=name, field=f"{where}.name")
        seen.add(name.strip().casefold())
        texts = _count(graw.get("texts", 0), path=path, rule=name, where=f"{where}.texts")
        strings_raw = graw.get("strings", [])
        if not isinstance(strings_raw, list):
            raise TemplateError("must be a list of strings", path=path, rule=name, field=f"{where}.strings")
        strings: list[TemplateString] = []
        for si, sraw in enumerate(strings_raw):
            swhere = f"{where}.strings[{si}]"
            if not isinstance(sraw, dict):
                raise TemplateError("a string entry must be a table", path=path, rule=name, field=swhere)
            _unknown(sraw, _STRING, path=path, rule=name, where="")
            text = sraw.get("text")
            if not isinstance(text, str) or not normalise(text):
                raise TemplateError(f"must be a string with visible characters, not {text!r}", path=path,
                                    rule=name, field=f"{swhere}.text")
            if "\n" in text.strip():
                raise TemplateError("must be one line (a template string never spans lines)", path=path,
                                    rule=name, field=f"{swhere}.text")
            mode = sraw.get("mode", "line")
            if mode not in MODES:
                raise TemplateError(f"must be one of {', '.join(MODES)}, not {mode!r}", path=path, rule=name,
                                    field=f"{swhere}.mode")
            strings.append(TemplateString(text=text.strip(), mode=mode,
                                          texts=_count(sraw.get("texts", 0), path=path, rule=name,
                                                       where=f"{swhere}.texts")))
        groups[name] = TemplateGroup(name=name, texts=texts, strings=tuple(strings))
    return Templates(groups=groups, group_by=group_by.strip(), settings=dict(settings))


# ---------------------------------------------------------------------- writing TOML

def _toml_str(value: str) -> str:
    out = json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string, but for DEL
    return out.replace("\x7f", "\\u007f")


def _to_toml(t: Templates) -> str:
    lines = [
        "# articlekit site templates: lines and sentences recurring across many texts of one group.",
        "# Review freely: delete a string to stop claiming it, add one by hand (texts = 0).",
        "# mode: \"line\" matches a whole line; \"sentence\" also a sentence inside a longer line.",
        "# Strings match case-insensitively, with digits and whitespace folded (docs/templates.md).",
        f"articlekit_templates = {FORMAT_VERSION}",
        f"group_by = {_toml_str(t.group_by)}",
    ]
    if t.settings:
        lines += ["", "[settings]"]
        lines += [f"{k} = {v!r}" for k, v in t.settings.items()]
    for g in t.groups.values():
        lines += ["", "[[groups]]", f"name = {_toml_str(g.name)}", f"texts = {g.texts}"]
        for s in g.strings:
            lines += ["[[groups.strings]]", f"text = {_toml_str(s.text)}", f"mode = {_toml_str(s.mode)}",
                      f"texts = {s.texts}"]
    return "\n".join(lines) + "\n"
