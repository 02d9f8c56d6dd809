"""Compiling a data file's patterns: errors that name the rule, timed patterns for users' files, alternations."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from typing import Any

import regex

from ..errors import PatternTimeout, RuleError
from ..scanning import literal_trie

__all__ = ["TimedPattern", "check_pattern", "compile_pattern", "lower_alternation", "timed", "timeout_of",
           "word_alternation"]

def compile_pattern(pattern: str, *, path: str, rule: str | None, field_name: str, flags: int = 0) -> Any:
    """Compile ``pattern`` with the ``regex`` module, raising :class:`RuleError` on a bad one."""
    try:
        return regex.compile(pattern, flags | regex.VERSION0)
    except regex.error as exc:
        raise RuleError(f"invalid pattern: {exc}", path=path, rule=rule, field=field_name) from exc


class TimedPattern:
    """A compiled pattern from a user's file: every match call gives up after ``timeout`` seconds.

    It offers the match methods of a ``regex`` pattern (``search``, ``match``, ``fullmatch``,
    ``finditer``, ``findall``; other attributes are the pattern's). A call that runs out of time
    raises :class:`~articlekit.errors.PatternTimeout` naming the file and the rule, which a
    pipeline turns into a note on the Article: a catastrophic pattern costs at most ``timeout``
    seconds per call instead of hanging a corpus run.
    """

    __slots__ = ("compiled", "path", "rule", "timeout")

    def __init__(self, compiled: Any, *, path: str, rule: str, timeout: float) -> None:
        self.compiled = compiled
        self.path = path
        self.rule = rule
        self.timeout = timeout

    def _gave_up(self, exc: TimeoutError) -> PatternTimeout:
        return PatternTimeout(path=self.path, rule=self.rule, timeout=self.timeout)

    def _call(self, method: str, string: str, pos: int | None, endpos: int | None) -> Any:
        try:
            return getattr(self.compiled, method)(string, pos, endpos, timeout=self.timeout)
        except TimeoutError as exc:
            raise self._gave_up(exc) from exc

    def search(self, string: str, pos: int | None = None, endpos: int | None = None) -> Any:
        return self._call("search", string, pos, endpos)

    def match(self, string: str, pos: int | None = None, endpos: int | None = None) -> Any:
        return self._call("match", string, pos, endpos)

    def fullmatch(self, string: str, pos: int | None = None, endpos: int | None = None) -> Any:
        return self._call("fullmatch", string, pos, endpos)

    def findall(self, string: str, pos: int | None = None, endpos: int | None = None) -> Any:
        return self._call("findall", string, pos, endpos)

    def finditer(self, string: str, pos: int | None = None, endpos: int | None = None) -> Iterator[Any]:
        matches = self._call("finditer", string, pos, endpos)
        while True:
            try:
                m = next(matches)
            except StopIteration:
                return
            except TimeoutError as exc:
                raise self._gave_up(exc) from exc
            yield m

    def __getattr__(self, name: str) -> Any:  # pattern, groupindex, flags, groups ...
        if name.startswith("__") or name in TimedPattern.__slots__:  # unpickling: the slots are not set yet
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"TimedPattern({self.compiled!r}, rule={self.rule!r}, timeout={self.timeout:g})"


def _alternation(words: Iterable[str], *, escape: bool = True) -> str:
    """A regex alternation of ``words``, longest first so that the longest spelling wins."""
    items = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(regex.escape(w) if escape else w for w in items)


def word_alternation(words: Iterable[str]) -> str:
    """The locale's words as one regex alternation, escaped, longest first; a pattern that never matches when
    there are none (so a stage can splice it into its own patterns unconditionally)."""
    return _alternation(words) or "(?!)"


def lower_alternation(words: Iterable[str]) -> str:
    """``_alternation(words)``, as a :func:`literal_trie` when every word is lower-case ASCII.

    Those words give the same matches in the trie form with or without ``(?i)`` around it, so
    the pattern may be used either way, as the plain alternation may.
    """
    items = {w for w in words if w}
    if all(w.isascii() and w == w.lower() for w in items):
        return literal_trie(items)
    return _alternation(items)



def check_pattern(pattern: str, *, path: str, rule: str, field_name: str, flags: int = 0) -> Any:
    """Compile a data pattern on its own (before a stage embeds it in a larger one) and refuse one that
    matches the empty string (it would fire everywhere)."""
    compiled = compile_pattern(pattern, path=path, rule=rule, field_name=field_name, flags=flags)
    compile_pattern(f"(?:{pattern})", path=path, rule=rule, field_name=field_name, flags=flags)
    if compiled.fullmatch("") is not None:
        raise RuleError("pattern matches the empty string", path=path, rule=rule, field=field_name)
    return compiled


def timeout_of(own: float | None, default: float | None, *, path: str, rule: str) -> float | None:
    """A rule's timeout (its own, else the locale's), checked to be a positive number of seconds."""
    seconds = own if own is not None else default
    if seconds is not None and not (0 < seconds < math.inf):
        raise RuleError(f"timeout must be a positive number of seconds, not {seconds!r}", path=path, rule=rule,
                        field="timeout")
    return seconds


def timed(compiled: Any, seconds: float | None, *, path: str, rule: str) -> Any:
    return compiled if seconds is None else TimedPattern(compiled, path=path, rule=rule, timeout=seconds)
