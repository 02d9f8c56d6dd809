"""The exceptions articlekit raises.

The tree (catch the level you need)::

    ArticlekitError
     ├─ RuleError (ValueError)         a locale or outlet data file is invalid: file, rule id and field named
     │   └─ TemplateError              a site template file is invalid: file, group and field named
     ├─ PipelineError (ValueError)     unknown or duplicate stage name, bad placement, bad stage output
     ├─ UnknownLanguage (LookupError)  no locale data for the language asked for
     ├─ PatternTimeout (TimeoutError)  a user-supplied pattern gave up on one text (becomes a note, never raised
     │                                 out of a parse)
     ├─ StageError                     a stage raised; ``.stage`` names it, the original is chained
     ├─ InputError (TypeError)         a function was handed what it cannot mean (a str where texts are
     │                                 expected, a dict where a text is); the message names what to call instead
     └─ ColumnClash (ValueError)       a carried field and an output column have the same name; the message
                                       names them and the way out (``prefix=``, or renaming the field)

Input of the wrong type raises ``TypeError`` (``bytes``: decode first; a record, a DataFrame or a
list: :class:`InputError`, which is a ``TypeError`` naming the function to call instead).
Empty text is not an error: it gives an empty ``Article`` with a note.
"""

from __future__ import annotations

__all__ = [
    "ArticlekitError",
    "ColumnClash",
    "InputError",
    "PatternTimeout",
    "PipelineError",
    "RuleError",
    "StageError",
    "TemplateError",
    "UnknownLanguage",
]


class ArticlekitError(Exception):
    """Base class of every error articlekit raises on purpose."""


class RuleError(ArticlekitError, ValueError):
    """A locale or outlet data file is invalid.

    ``path`` is the file, ``rule`` the rule id (or ``None``), ``field`` the offending field.
    """

    def __init__(self, message: str, *, path: str, rule: str | None = None, field: str | None = None) -> None:
        where = path
        if rule is not None:
            where += f", rule {rule!r}"
        if field is not None:
            where += f", field {field!r}"
        super().__init__(f"{where}: {message}")
        self.path = path
        self.rule = rule
        self.field = field


class TemplateError(RuleError):
    """A site template file is invalid (or unreadable).

    ``path`` is the file, ``rule`` the group's name (or ``None``), ``field`` the path to the offending
    field (``groups[2].strings[0].mode``).
    """

    def __init__(self, message: str, *, path: str, rule: str | None = None, field: str | None = None) -> None:
        where = path
        if rule is not None:
            where += f", group {rule!r}"
        if field is not None:
            where += f", field {field!r}"
        ArticlekitError.__init__(self, f"{where}: {message}")
        self.path = path
        self.rule = rule
        self.field = field


class PipelineError(ArticlekitError, ValueError):
    """A pipeline was edited wrongly (unknown or duplicate name) or a stage returned something invalid."""


class UnknownLanguage(ArticlekitError, LookupError):
    """No locale data exists for the requested language."""

    def __init__(self, lang: str, available: tuple[str, ...]) -> None:
        super().__init__(f"no locale data for language {lang!r}; available: {', '.join(available)}")
        self.lang = lang
        self.available = available


class PatternTimeout(ArticlekitError, TimeoutError):
    """A pattern from a user's locale file ran longer than its timeout on one text.

    ``path`` is the file, ``rule`` the rule id, ``timeout`` the limit in seconds. A pipeline turns
    it into a note on the Article (the stage that met it is skipped), so one hostile pattern or
    page cannot hang or crash a corpus run.
    """

    def __init__(self, *, path: str, rule: str, timeout: float) -> None:
        super().__init__(f"{path}, rule {rule!r}: pattern gave up after {timeout:g}s on this text "
                         "(catastrophic backtracking?)")
        self.path = path
        self.rule = rule
        self.timeout = timeout


class StageError(ArticlekitError):
    """A stage raised while parsing. ``stage`` is its name; the original exception is ``__cause__``."""

    def __init__(self, stage: str, error: BaseException) -> None:
        super().__init__(f"stage {stage!r} failed: {type(error).__name__}: {error}")
        self.stage = stage


class InputError(ArticlekitError, TypeError):
    """A function was handed something it cannot mean; the message says what to call instead.

    ``parse_many("one page")`` (a str is not a list of texts), ``parse_many(frame)`` (a
    DataFrame), ``parse(record)`` (a dict), ``parse_record("text")``, ``to_dataframe(rows)``
    (dicts, not Articles), or a frame without its text column. It is a ``TypeError``, so code
    that caught that still does.
    """


class ColumnClash(ArticlekitError, ValueError):
    """A field carried into the output has the name of an output column, so one would overwrite the other.

    ``names`` lists the clashing names. The way out: ``prefix="ak_"`` (the CLI's ``--prefix``) names
    articlekit's output columns ``ak_outlet``, ``ak_title``, …; or rename or drop the field.
    """

    def __init__(self, message: str, names: tuple[str, ...]) -> None:
        super().__init__(message)
        self.names = names
