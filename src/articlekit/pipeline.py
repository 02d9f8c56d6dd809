"""Pipelines: an ordered list of named stages that turn text into an :class:`Article`.

>>> nlp = Pipeline.default()
>>> nlp.names
('noise', 'repeats', 'page', 'links', 'prefix', 'header', 'captions', 'inserts', 'leftovers', 'tail', 'newsdate')
>>> art = nlp("JAKARTA - Harga cabai turun.")
>>> art.dateline.place
'Jakarta'
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Literal, NoReturn, Protocol, runtime_checkable

from .assemble import assemble
from .draft import Claim, Draft, Fact, Findings
from .errors import PatternTimeout, PipelineError, StageError
from .models import Article
from .rules import Locale, OutletCatalogue, detect_language, load_locale, load_locale_file, load_outlets
from .templates import Templates

__all__ = ["Pipeline", "Stage", "parse"]


@runtime_checkable
class Stage(Protocol):
    """A stage: reads the :class:`Draft` and returns what it found. It never edits the text."""

    name: str

    def __call__(self, draft: Draft) -> Findings: ...


StageLike = Stage | Callable[[Draft], Findings | Iterable[Claim | Fact]]
ErrorPolicy = Literal["raise", "note"]

PAUSE_GC_AT = 50_000
"""Pages at least this long are parsed with CPython's cyclic garbage collector paused.

A long page of many short pieces makes hundreds of thousands of objects, all alive until the
Article is built; the collector's passes over that heap then cost as much as the parse itself,
and more than linearly (a 1 MB page of short lines: 10.7 s instead of 7.4 s). A parse makes no
reference cycles worth collecting; the collector runs again as soon as the parse returns.
"""


def _stage_name(stage: object) -> str:
    name = getattr(stage, "name", None) or getattr(stage, "__name__", None)
    if not isinstance(name, str) or not name:
        raise PipelineError(f"a stage needs a name (a 'name' attribute or a function name): {stage!r}")
    return name


class Pipeline:
    """An ordered list of named stages, with spaCy-style editing.

    ``Pipeline.default()`` always returns a fresh pipeline, so editing one never changes
    what :func:`articlekit.parse` does.
    """

    def __init__(
        self,
        stages: Iterable[StageLike] = (),
        *,
        lang: str = "id",
        locale: Locale | None = None,
        outlets: OutletCatalogue | None = None,
    ) -> None:
        self.lang = lang
        self.locale = locale if locale is not None else load_locale(_base_lang(lang))
        self.outlets = outlets if outlets is not None else load_outlets()
        self._stages: list[tuple[str, StageLike]] = []
        for stage in stages:
            self.add(stage)

    # ------------------------------------------------------------------ building

    @classmethod
    def default(cls, lang: str = "auto", *, outlets: Iterable[str | Path] = (),
                locale: str | Path | Locale | None = None,
                templates: Templates | str | Path | None = None) -> Pipeline:
        """A new pipeline with the default stages; ``outlets`` adds user outlet files (later ids win).

        ``lang="auto"`` picks the locale for each text (:func:`~articlekit.rules.detect_language`);
        a language code fixes it. ``locale`` is a user's locale file (or a loaded :class:`Locale`)
        used for every text instead; its patterns are untrusted and run with a timeout
        (:func:`~articlekit.rules.load_locale_file`). ``templates`` (a :class:`~articlekit.Templates`
        or a template file's path) adds the ``templates`` stage last: site furniture learned from
        a corpus (:func:`~articlekit.learn_templates`).
        """
        from .stages import SiteTemplates, default_stages

        if locale is not None:
            user = locale if isinstance(locale, Locale) else load_locale_file(locale)
            catalogue = load_outlets(*outlets)
            nlp = cls(default_stages(), lang=user.lang, locale=user, outlets=catalogue)
        else:
            base = load_locale(_base_lang(lang))
            catalogue = load_outlets(*outlets)
            nlp = cls(default_stages(), lang=lang, locale=base, outlets=catalogue)
        if templates is not None:
            nlp.add(SiteTemplates(_as_templates(templates)))
        return nlp

    @property
    def names(self) -> tuple[str, ...]:
        """The stage names, in order."""
        return tuple(name for name, _ in self._stages)

    def get(self, name: str) -> StageLike:
        """The stage called ``name``."""
        return self._stages[self._index(name)][1]

    def _index(self, name: str) -> int:
        for i, (n, _) in enumerate(self._stages):
            if n == name:
                return i
        raise PipelineError(f"no stage named {name!r}; stages are: {', '.join(self.names) or '(none)'}")

    def add(self, stage: StageLike, *, before: str | None = None, after: str | None = None,
            first: bool = False) -> Pipeline:
        """Add a stage (last by default, or ``before=``/``after=`` a named one, or ``first=True``)."""
        if not callable(stage):
            raise PipelineError(f"a stage must be callable, got {type(stage).__name__}")
        name = _stage_name(stage)
        if name in self.names:
            raise PipelineError(f"a stage named {name!r} already exists; stages are: {', '.join(self.names)}")
        if (before is not None) + (after is not None) + bool(first) > 1:
            raise PipelineError("give at most one of before=, after=, first=")
        if before is not None:
            index = self._index(before)
        elif after is not None:
            index = self._index(after) + 1
        elif first:
            index = 0
        else:
            index = len(self._stages)
        self._stages.insert(index, (name, stage))
        return self

    def replace(self, name: str, stage: StageLike) -> Pipeline:
        """Put ``stage`` where the stage called ``name`` is (it keeps its own name)."""
        index = self._index(name)
        new_name = _stage_name(stage)
        if new_name != name and new_name in self.names:
            raise PipelineError(f"a stage named {new_name!r} already exists; stages are: {', '.join(self.names)}")
        self._stages[index] = (new_name, stage)
        return self

    def remove(self, name: str) -> StageLike:
        """Remove and return the stage called ``name``."""
        return self._stages.pop(self._index(name))[1]

    def __repr__(self) -> str:
        return f"Pipeline(lang={self.lang!r}, stages={list(self.names)!r})"

    # ------------------------------------------------------------------ running

    def __call__(self, text: str, *, errors: ErrorPolicy = "raise", group: str | None = None,
                 url: str | None = None) -> Article:
        """Parse one page. ``errors="note"`` turns a failing stage into a note and goes on.

        ``group`` names the site or outlet the page belongs to (a record's field, its URL's domain),
        for stages that read it (site templates); it changes nothing else. ``url``, the page's
        address, gives ``Article.site`` (its registrable domain); the parse itself reads only the text.
        """
        if not isinstance(text, str):
            _refuse(text)
        if errors not in ("raise", "note"):
            raise ValueError(f"errors must be 'raise' or 'note', not {errors!r}")
        if url is not None:
            from .sites import registrable_domain

            site = registrable_domain(url)
            article = self(text, errors=errors, group=group)
            return article.model_copy(update={"site": site}) if site is not None else article
        if len(text) >= PAUSE_GC_AT and gc.isenabled():
            gc.disable()  # see PAUSE_GC_AT
            try:
                return self(text, errors=errors, group=group)
            finally:
                gc.enable()
        lang, locale = self.lang, self.locale
        if lang == "auto":
            lang = detect_language(text)
            locale = load_locale(lang)
        draft = Draft.start(text, lang=lang, locale=locale, outlets=self.outlets, group=group)
        if not text.strip():
            found = draft.findings("input")
            found.note("empty or whitespace-only text")
            return assemble(draft.merged(found))
        for name, stage in self._stages:
            try:
                found = self._run_stage(name, stage, draft)
            except PipelineError:
                raise
            except PatternTimeout as exc:  # a user pattern gave up: a note whatever the error policy
                failed = draft.findings(name)
                failed.note(f"stage skipped: {exc}")
                found = failed
            except Exception as exc:
                if errors == "raise":
                    raise StageError(name, exc) from exc
                failed = draft.findings(name)
                failed.note(f"stage failed and was skipped: {type(exc).__name__}: {exc}")
                found = failed
            draft = draft.merged(found)
        return assemble(draft)

    def _run_stage(self, name: str, stage: StageLike, draft: Draft) -> Findings:
        result = stage(draft)
        if isinstance(result, Findings):
            found = result
            found.stage = name
        else:
            found = draft.findings(name)
            try:
                items = list(result)
            except TypeError:
                raise PipelineError(
                    f"stage {name!r} returned {type(result).__name__}; return a Findings "
                    "(draft.findings(name)) or an iterable of Claim/Fact"
                ) from None
            for item in items:
                if isinstance(item, Claim):
                    if found.claim(item.kind, item.start, item.end, item.why, **item.data) is None:
                        raise PipelineError(f"stage {name!r} claimed [{item.start}, {item.end}) "
                                            "which is empty or already claimed")
                elif isinstance(item, Fact):
                    found.facts.append(item)
                else:
                    raise PipelineError(f"stage {name!r} returned a {type(item).__name__}; "
                                        "expected Claim or Fact")
        n = len(draft.text)
        for c in found.claims:
            if not 0 <= c.start < c.end <= n:
                raise PipelineError(f"stage {name!r} claimed [{c.start}, {c.end}) outside the text (0..{n})")
        return found

    def pipe(self, texts: Iterable[str], *, errors: ErrorPolicy = "note") -> Iterator[Article]:
        """Parse many pages in order. With ``errors="note"`` a page that fails still yields an Article."""
        for text in texts:
            if errors == "note" and not isinstance(text, str):
                yield _error_article(text)
                continue
            yield self(text, errors=errors)


def _refuse(value: object) -> NoReturn:
    """Raise the error for a non-``str`` page: what it is, and what to call instead."""
    from collections.abc import Mapping

    from .errors import InputError

    kind = type(value).__name__
    if isinstance(value, bytes | bytearray | memoryview):
        raise TypeError(
            "articlekit.parse() takes str, not bytes: decode the page first, "
            "for example text = data.decode('utf-8', errors='replace')"
        )
    if isinstance(value, Mapping):
        raise InputError(f"articlekit.parse() takes the page text (a str), not a {kind}: for a record call "
                         "articlekit.parse_record(record, text_field='text'), or parse(record['text'])")
    if hasattr(value, "columns") and hasattr(value, "iloc"):
        raise InputError(f"articlekit.parse() takes the page text (a str), not a {kind}: for a DataFrame call "
                         "articlekit.parse_frame(frame, text_field='text')")
    if isinstance(value, list | tuple) or hasattr(value, "iloc"):
        raise InputError(f"articlekit.parse() takes one page text (a str), not a {kind}: for many pages call "
                         "articlekit.parse_many(texts)")
    raise TypeError(f"articlekit.parse() takes str, not {kind}")


def _error_article(value: object) -> Article:
    kind = type(value).__name__
    hint = " (decode bytes first)" if isinstance(value, bytes | bytearray) else ""
    return Article(text="", lang="id", notes=[f"input: not a str but {kind}{hint}; nothing parsed"])


@functools.lru_cache(maxsize=8)
def _default_pipeline(lang: str) -> Pipeline:
    return Pipeline.default(lang)


def _base_lang(lang: str) -> str:
    return "id" if lang == "auto" else lang


def _as_templates(value: Templates | str | Path) -> Templates:
    if isinstance(value, Templates):
        return value
    if isinstance(value, str | Path):
        return Templates.load(value)
    raise TypeError(f"templates must be a Templates or a template file's path, not {type(value).__name__}")


@functools.lru_cache(maxsize=8)
def _templated_pipeline(lang: str, templates: Templates | str, stamp: int) -> Pipeline:
    del stamp  # part of the cache key only: a rewritten file is read again
    return Pipeline.default(lang, templates=templates)


def _pipeline_with_templates(lang: str, templates: Templates | str | Path) -> Pipeline:
    """A cached default pipeline with ``templates`` (a file is read again when it changes)."""
    if isinstance(templates, Templates):
        return _templated_pipeline(lang, templates, 0)
    if not isinstance(templates, str | Path):
        raise TypeError(f"templates must be a Templates or a template file's path, not {type(templates).__name__}")
    try:
        stamp = Path(templates).stat().st_mtime_ns
    except OSError:
        stamp = -1  # Templates.load reports the error
    return _templated_pipeline(lang, str(templates), stamp)


def parse(text: str, lang: str = "auto", *, pipeline: Pipeline | None = None,
          templates: Templates | str | Path | None = None, group: str | None = None,
          url: str | None = None) -> Article:
    """Parse one scraped page into an :class:`Article`.

    ``lang`` is a locale code (``"id"``, ``"ms"``, ``"en"``) or ``"auto"`` (the default) to detect it.
    ``templates`` (a :class:`~articlekit.Templates` or a file's path) adds learned site templates;
    ``group`` names the page's site or outlet for them (see ``docs/templates.md``).
    ``url``, where the page came from, gives ``Article.site`` (its registrable domain, for
    example ``detik.com`` for ``https://news.detik.com/...``); it never changes ``outlet``, which
    is what the text itself names.

    >>> art = parse("Suara.com - Warga memanen padi pada Rabu (20/10/2021).")
    >>> art.outlet.domain, art.dateline.date.isoformat(), art.body
    ('suara.com', '2021-10-20', 'Warga memanen padi pada Rabu (20/10/2021).')
    """
    if templates is not None:
        if pipeline is not None:
            raise PipelineError("give templates to Pipeline.default(templates=...) when you pass a pipeline")
        return _pipeline_with_templates(lang, templates)(text, group=group, url=url)
    nlp = pipeline if pipeline is not None else _default_pipeline(lang)
    return nlp(text, group=group, url=url)
