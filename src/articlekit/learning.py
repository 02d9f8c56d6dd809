"""Learning site templates from a corpus, in one streaming pass with bounded memory.

Each text is read once: its lines, and the sentences of its lines that hold more than one, are
normalised (:func:`~articlekit.templates.normalise`) and counted once per text in the counter of
the text's group. A string becomes part of the group's template when

* it was seen in at least ``min_texts`` texts of the group, and in at least ``min_share`` of them;
* its normalised form is ``min_chars`` to ``max_chars`` long and has two letters or more;
* it does not end with ``:`` (a lead-in: what it introduces decides, not the lead-in itself);
* it stood inside the story's prose in at most ``max_in_prose`` of the texts it was seen in: between
  two paragraphs of prose (a subheading's place), as a piece of a sentence broken over lines (the
  next line goes on in lower case or with ``,``), or, for a sentence, between two sentences of its
  paragraph.

A line seen in a single text is never learned (``min_texts`` is at least 2). Memory stays bounded:
when a group's counter holds more than ``max_candidates`` strings, the strings seen in the fewest
texts are dropped (lossy counting; a kept count is a lower bound).

>>> crops = ["padi", "jagung", "kopi", "cengkih", "kakao", "tebu"]
>>> pages = [f"Petani memanen {c} pekan ini.\\nIkuti kanal kami di aplikasi Kabarku!" for c in crops]
>>> t = learn_templates(pages, by="field:site", groups=["kabarku.id"] * 6, min_texts=3)
>>> [(s.text, s.mode, s.texts) for g in t for s in g.strings]
[('Ikuti kanal kami di aplikasi Kabarku!', 'line', 6)]
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any

from .sites import registrable_domain
from .templates import Mode, TemplateGroup, Templates, TemplateString, normalise, sentence_spans

if TYPE_CHECKING:
    from .pipeline import Pipeline

__all__ = ["LearnSettings", "TemplateLearner", "detected_group", "learn_pairs", "learn_templates", "record_group"]

PROSE_CHARS = 60
"""A neighbouring line at least this long that ends like a sentence is a paragraph of prose."""

_SENTENCE_END = tuple(".!?\u2026\"'\u201d\u2019)")


@dataclass(frozen=True)
class LearnSettings:
    """The thresholds of :func:`learn_templates` (see the module's docstring)."""

    min_texts: int = 5
    min_share: float = 0.05
    min_chars: int = 8
    max_chars: int = 200
    max_in_prose: float = 0.25
    max_candidates: int = 50_000

    def __post_init__(self) -> None:
        if not isinstance(self.min_texts, int) or self.min_texts < 2:
            raise ValueError(f"min_texts must be a whole number >= 2 (a line of one text is never learned), "
                             f"not {self.min_texts!r}")
        if not 0.0 <= self.min_share <= 1.0:
            raise ValueError(f"min_share must be between 0 and 1, not {self.min_share!r}")
        if not 1 <= self.min_chars <= self.max_chars:
            raise ValueError(f"need 1 <= min_chars <= max_chars, not {self.min_chars!r}, {self.max_chars!r}")
        if not 0.0 <= self.max_in_prose <= 1.0:
            raise ValueError(f"max_in_prose must be between 0 and 1, not {self.max_in_prose!r}")
        if self.max_candidates < 100:
            raise ValueError(f"max_candidates must be at least 100, not {self.max_candidates!r}")

    def threshold(self, texts: int) -> int:
        """How many of a group's ``texts`` a string must be seen in."""
        return max(self.min_texts, math.ceil(self.min_share * texts - 1e-9))


@dataclass
class _Group:
    texts: int = 0
    pruned: int = 0
    # normalised string -> [texts seen in, texts where glued into a longer line, texts where inside prose, example]
    seen: dict[str, list[Any]] | None = None


def _prose(line: str | None) -> bool:
    return line is not None and len(line) >= PROSE_CHARS and line.endswith(_SENTENCE_END)


def _in_prose(line: str, before: str | None, after: str | None) -> bool:
    """``line``, between ``before`` and ``after``, is part of the story: between paragraphs, or inside a sentence."""
    if after is not None and (after[0].islower() or after[0] in ",;)"):
        return True  # the sentence goes on after it: "saat dikonfirmasi⏎Kompas.com⏎, Selasa (10/6)."
    if before is not None and (before.endswith((",", "("))
                               or (line[0].islower() and not before.endswith(_SENTENCE_END))):
        return True  # it goes on with the sentence before it
    return _prose(before) and _prose(after)


class TemplateLearner:
    """Counts recurring lines and sentences per group, text by text; :meth:`templates` gives the result.

    >>> learner = TemplateLearner(min_texts=2)
    >>> for i, town in enumerate(["Bogor", "Garut", "Depok"]):
    ...     learner.add(f"Hujan turun di {town} sore ini.\\nDibaca {i * 7 + 2} kali", group="contoh.id")
    >>> [(s.text, s.texts) for s in learner.templates().group("contoh.id").strings]
    [('Dibaca 2 kali', 3)]
    """

    def __init__(self, *, by: str = "detected", settings: LearnSettings | None = None, **overrides: Any) -> None:
        base = settings if settings is not None else LearnSettings()
        known = {f.name for f in fields(LearnSettings)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise TypeError(f"unknown setting(s) {', '.join(unknown)}; settings are: {', '.join(sorted(known))}")
        self.settings = LearnSettings(**{**asdict(base), **overrides})
        self.by = by
        self.texts = 0
        self.ungrouped = 0
        self._groups: dict[str, _Group] = {}

    def add(self, text: str, group: str | None) -> None:
        """Count the lines and sentences of one text, in ``group`` (``None``: the text is only counted as ungrouped)."""
        if not isinstance(text, str):
            raise TypeError(f"a text must be a str, not {type(text).__name__}")
        self.texts += 1
        if group is None or not group.strip():
            self.ungrouped += 1
            return
        state = self._groups.setdefault(group.strip(), _Group(seen={}))
        state.texts += 1
        seen = state.seen
        assert seen is not None
        for key, (glued, inside, example) in self._strings(text).items():
            entry = seen.get(key)
            if entry is None:
                seen[key] = [1, int(glued), int(inside), example]
            else:
                entry[0] += 1
                entry[1] += glued
                entry[2] += inside
        if len(seen) > self.settings.max_candidates:
            self._prune(state)

    def _eligible(self, key: str) -> bool:
        s = self.settings
        if not s.min_chars <= len(key) <= s.max_chars or key.endswith(":"):
            return False
        letters = 0
        for ch in key:
            if ch.isalpha():
                letters += 1
                if letters >= 2:
                    return True
        return False

    def _strings(self, text: str) -> dict[str, tuple[bool, bool, str]]:
        """The text's distinct strings: normalised form -> (glued, inside prose, example)."""
        lines = [ln for ln in (raw.strip() for raw in text.split("\n")) if ln]
        found: dict[str, tuple[bool, bool, str]] = {}

        def note(key: str, glued: bool, inside: bool, example: str) -> None:
            old = found.get(key)
            if old is None:
                found[key] = (glued, inside, example)
            else:  # inside prose only if it is so wherever the text prints it
                found[key] = (old[0] or glued, old[1] and inside, old[2])

        for i, line in enumerate(lines):
            key = normalise(line)
            if self._eligible(key):
                note(key, False, _in_prose(line, lines[i - 1] if i else None,
                                           lines[i + 1] if i + 1 < len(lines) else None), line)
            spans = sentence_spans(line, 0, len(line))
            if len(spans) < 2:
                continue
            for j, (lo, hi) in enumerate(spans):
                piece = line[lo:hi]
                key = normalise(piece)
                if self._eligible(key) and not piece[0].islower():  # lower case: the end of a broken sentence
                    note(key, True, 0 < j < len(spans) - 1, piece)
        return found

    def _prune(self, state: _Group) -> None:
        seen = state.seen
        assert seen is not None
        floor = 1
        while len(seen) > self.settings.max_candidates // 2:
            for key in [k for k, v in seen.items() if v[0] <= floor]:
                del seen[key]
            floor += 1
        state.pruned += 1

    def templates(self) -> Templates:
        """The strings that passed the thresholds, per group (groups with none are left out)."""
        s = self.settings
        groups: dict[str, TemplateGroup] = {}
        for name, state in sorted(self._groups.items(), key=lambda item: (-item[1].texts, item[0])):
            if state.texts < s.min_texts or state.seen is None:
                continue
            need = s.threshold(state.texts)
            strings: list[TemplateString] = []
            for _key, (count, glued, inside, example) in state.seen.items():
                if count < need or inside > s.max_in_prose * count:
                    continue
                try:
                    example.encode("utf-8")
                except UnicodeEncodeError:  # a lone surrogate has no place in a file
                    continue
                mode: Mode = "sentence" if glued >= need else "line"
                strings.append(TemplateString(text=example, mode=mode, texts=count))
            if strings:
                strings.sort(key=lambda t: (-t.texts, t.text))
                groups[name] = TemplateGroup(name=name, texts=state.texts, strings=tuple(strings))
        return Templates(groups=groups, group_by=self.by, settings=asdict(s))


def record_group(record: Mapping[str, Any], by: str, *, url_field: str = "url") -> str | None:
    """The group of a record: ``by="url"`` the registrable domain of ``record[url_field]``; a field's name
    (or ``"field:NAME"``) that field's value; ``"detected"`` ``None`` (the parse decides).

    >>> record_group({"url": "https://bola.kompas.com/read/1"}, "url")
    'kompas.com'
    >>> record_group({"outlet": "kompas.com"}, "outlet")
    'kompas.com'
    """
    if by == "detected":
        return None
    if by == "url":
        return registrable_domain(record.get(url_field))
    name = by[len("field:"):] if by.startswith("field:") else by
    value = record.get(name)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = str(value).strip()
    return text or None


def learn_templates(
    items: Iterable[str | Mapping[str, Any]],
    *,
    by: str = "detected",
    groups: Iterable[str | None] | None = None,
    text_field: str = "text",
    url_field: str = "url",
    lang: str = "auto",
    pipeline: Pipeline | None = None,
    workers: int | None = None,
    settings: LearnSettings | None = None,
    **overrides: Any,
) -> Templates:
    """Learn site templates from texts or records (dicts) in one streaming pass.

    ``by`` groups the texts: ``"detected"`` (the default) by the outlet articlekit detects in each
    text (its domain; texts with none are not learned from), ``"url"`` by the registrable domain of
    ``record[url_field]``, any other name by that record field (``"field:NAME"`` forces a field).
    ``groups`` gives each item's group instead (an iterable as long as ``items``). Detecting the
    outlet parses each text (with ``pipeline``, or the default one for ``lang``), in ``workers``
    processes if you like (as :func:`articlekit.parse_many`). Thresholds are :class:`LearnSettings`
    fields, given as ``settings`` or as keywords (``min_texts=3``).
    """
    learner = TemplateLearner(by=by, settings=settings, **overrides)
    detect = groups is None and by == "detected"
    learn_pairs(learner, _pairs(items, by, groups, text_field, url_field), detect=detect, pipeline=pipeline,
                lang=lang, workers=workers)
    return learner.templates()


def learn_pairs(learner: TemplateLearner, pairs: Iterable[tuple[str, str | None]], *, detect: bool = False,
                pipeline: Pipeline | None = None, lang: str = "auto", workers: int | None = None) -> None:
    """Feed ``(text, group)`` pairs to ``learner``; with ``detect``, each group is the outlet detected in the text."""
    if not detect:
        for text, group in pairs:
            learner.add(text, group)
        return
    from .corpus import parse_many

    ahead, behind = itertools.tee(pairs)  # parse_many reads a few chunks ahead: the tee holds only those
    articles = parse_many((text for text, _ in ahead), workers=workers, pipeline=pipeline,
                          lang=None if pipeline is not None else lang)
    for (text, _), article in zip(behind, articles, strict=True):
        outlet = article.outlet
        learner.add(text, outlet.domain if outlet is not None and outlet.domain else None)


def _pairs(items: Iterable[str | Mapping[str, Any]], by: str, groups: Iterable[str | None] | None,
           text_field: str, url_field: str) -> Iterator[tuple[str, str | None]]:
    group_iter = iter(groups) if groups is not None else None
    for n, item in enumerate(items):
        given: str | None = None
        if group_iter is not None:
            try:
                given = next(group_iter)
            except StopIteration:
                raise ValueError(f"groups ran out at item {n}: give one group per item") from None
        if isinstance(item, str):
            if group_iter is None and by != "detected":
                raise TypeError(f"item {n} is a plain text, which has no field for by={by!r}: pass records "
                                "(dicts), groups=[...], or by='detected'")
            yield item, given
        elif isinstance(item, Mapping):
            value = item.get(text_field)
            if not isinstance(value, str):
                raise TypeError(f"item {n}: the text field {text_field!r} is not a string; fields are: "
                                f"{', '.join(map(str, item)) or '(none)'}")
            yield value, (given if group_iter is not None else record_group(item, by, url_field=url_field))
        else:
            raise TypeError(f"item {n} is a {type(item).__name__}; give texts (str) or records (dicts)")


def detected_group(nlp: Pipeline, text: str) -> str | None:
    """The domain of the outlet ``nlp`` detects in ``text`` (the group of ``by="detected"``), or ``None``."""
    outlet = nlp(text, errors="note").outlet
    return outlet.domain if outlet is not None and outlet.domain else None
