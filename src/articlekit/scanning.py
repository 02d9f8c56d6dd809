"""Scanning helpers: run a costly pattern only where a cheaper scan says it can match.

The ``regex`` engine pays for every pattern at every position of the text, so ten patterns
are ten scans. When a stage knows that each match of a pattern starts at one of a few
offsets (a line where some whole-line rule matches, the place a marker word stands), it
finds those offsets with one scan and tries the pattern there only. :func:`matches_at` keeps
the exact answer of ``pattern.finditer(text)``: same matches, same order.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import regex

__all__ = [
    "LiteralGate", "line_starts_before", "literal_trie", "lookbehind_starts", "matches_at", "required_literals",
    "starts",
]


def starts(pattern: Any, text: str) -> list[int]:
    """Every offset where ``pattern`` matches (overlapping matches included), in order."""
    return [m.start() for m in pattern.finditer(text, overlapped=True)]


def matches_at(pattern: Any, text: str, offsets: Iterable[int]) -> Iterator[Any]:
    """The matches ``pattern.finditer(text)`` yields, when every one of them starts at one of ``offsets``.

    ``offsets`` must be sorted. Like ``finditer``, a match starts no earlier than where the
    previous one ended (one past it, after an empty match).
    """
    done = 0
    for pos in offsets:
        if pos < done:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            yield m
            done = max(m.end(), pos + 1)


def lookbehind_starts(pattern: Any) -> Callable[[str], list[int]] | None:
    """For a pattern whose every match follows a leading lookbehind ``(?<=X)``: where ``X`` ends in a text.

    The ``regex`` engine tries such a pattern at every position of the text (0.16 ms on a news text
    for the unbracketed-initials rule); the same ``X`` matched backwards (``(?r)``, overlapped)
    finds every offset where the lookbehind holds in one scan, and :func:`matches_at` tries the
    pattern there only: the same matches. ``None`` when the pattern does not start so, has a
    top-level alternation, is a user's (timed) pattern, or is one this reading does not follow.
    """
    if getattr(pattern, "timeout", None) is not None:
        return None
    try:
        return _lookbehind_starts(str(pattern.pattern), int(pattern.flags))
    except Exception:  # an internal of the regex module changed: no gate, never a wrong one
        return None


def _lookbehind_starts(source: str, flags: int) -> Callable[[str], list[int]] | None:
    if flags & (regex.VERBOSE | regex.VERSION1):
        return None
    while source.startswith("(?:") and _closing(source, 0) == len(source) - 1:
        source = source[3:-1]
    if not source.startswith("(?<="):
        return None
    end = _closing(source, 0)
    if end < 0:
        return None
    core: Any = importlib.import_module("regex._regex_core")
    src = core.Source(source)
    parsed = core._parse_pattern(src, core.Info(flags, src.char_type, {}))
    if not src.at_end() or type(parsed) is not core.Sequence or not parsed.items:
        return None
    first = parsed.items[0]
    if type(first) is not core.LookAround or not first.behind or not first.positive:
        return None
    backwards = regex.compile(f"(?r)(?:{source[4:end]})", flags)

    def offsets(text: str) -> list[int]:
        return sorted({m.end() for m in backwards.finditer(text, overlapped=True)})

    return offsets


def _closing(source: str, at: int) -> int:
    """The index of the parenthesis closing the one at ``at`` (escapes and character sets skipped), or -1."""
    depth, k, n = 0, at, len(source)
    while k < n:
        ch = source[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "[":
            k += 1
            if k < n and source[k] == "^":
                k += 1
            if k < n and source[k] == "]":
                k += 1
            while k < n and source[k] != "]":
                k += 2 if source[k] == "\\" else 1
            k += 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return k
        k += 1
    return -1


def line_starts_before(text: str, offsets: Iterable[int], blank: str = " \t\u00a0") -> list[int]:
    """The starts of the lines where an offset has only ``blank`` characters before it, sorted."""
    out: set[int] = set()
    lo, seen = 0, 0  # the start of the line holding ``seen``: each stretch of text is searched once
    for pos in sorted(offsets):
        nl = text.rfind("\n", seen, pos)
        if nl >= 0:
            lo = nl + 1
        seen = pos
        k = pos  # only blank characters back to the line start? (no slice of the line per offset)
        while k > lo and text[k - 1] in blank:
            k -= 1
        if k == lo:
            out.add(lo)
    return sorted(out)


# ---------------------------------------------------------------------------- literal gates

def literal_trie(words: Iterable[str], *, ignore_case: bool = False,
                 escape: Callable[[str], str] = regex.escape) -> str:
    """A regex for the literal ``words`` that matches what ``_alternation(words)`` matches, in the same order.

    The words share their prefixes (``Tribun(?:news|jateng)``), so the engine tries a few branches
    at each position instead of every word in turn: 4 to 7 times faster on the outlet list.
    Exactly the same matches: the words that match at one position are prefixes of one another,
    and both forms try them longest first (a branch's longer words before the word ending there).
    ``ignore_case``: the pattern is used under ``(?i)``; the words are lower-cased so that the
    spellings of one word share a branch (only for ASCII words: otherwise the plain alternation).
    """
    items = {w for w in words if w}
    if ignore_case:
        if not all(w.isascii() for w in items):
            return "|".join(regex.escape(w) for w in sorted(items, key=len, reverse=True))
        items = {w.lower() for w in items}
    root: dict[str, Any] = {}
    for w in items:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def branch(node: dict[str, Any]) -> str:
        alts = [escape(ch) + branch(node[ch]) for ch in sorted(node) if ch]
        if "" in node and alts:
            alts.append("")  # the word ending here, after the longer ones
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" if alts else ""

    return branch(root)


class LiteralGate:
    """Which of several patterns can match a text: one scan for the literals they need.

    ``needs`` maps a key to what :func:`required_literals` said of its pattern. :meth:`live`
    gives the keys whose pattern may match the text: those with ``None`` always, the others when
    one of their literals occurs in it. The scan is the standard library's ``re`` on a
    :func:`literal_trie` of the literals, restarted one past each find so that overlapping
    occurrences are all seen; it finds the longest literal starting at each place, and the
    literals that are prefixes of it occur there too. A literal that starts with a lower-case
    letter or a space (``' dari '``, ``'pada'``) would make that scan stop at most places of a
    text (0.17 instead of 0.02 ms on a news text): each of those is looked for on its own
    (``in``), the same answer.
    """

    def __init__(self, needs: dict[str, tuple[str, ...] | None]) -> None:
        self.always = frozenset(k for k, lits in needs.items() if lits is None)
        keys_of: dict[str, set[str]] = {}
        for key, lits in needs.items():
            for lit in lits or ():
                keys_of.setdefault(lit, set()).add(key)
        # for each literal the scan can report: the keys of it and of every literal that is a prefix of it
        self._keys: dict[str, frozenset[str]] = {
            lit: frozenset(k for i in range(1, len(lit) + 1) for k in keys_of.get(lit[:i], ()))
            for lit in keys_of
        }
        common = {lit for lit in keys_of if lit[0].islower() or lit[0].isspace()}
        self._found = tuple((lit, frozenset(keys_of[lit])) for lit in sorted(common))
        scanned = [lit for lit in keys_of if lit not in common]
        self._search = re.compile(literal_trie(scanned, escape=re.escape)).search if scanned else None

    def live(self, text: str) -> set[str]:
        """The keys whose pattern may match ``text``."""
        out = set(self.always)
        for lit, found in self._found:
            if lit in text:
                out |= found
        search = self._search
        if search is None:
            return out
        keys = self._keys
        pos = 0
        while True:
            m = search(text, pos)
            if m is None:
                return out
            out |= keys[m.group()]
            pos = m.start() + 1

def required_literals(pattern: Any) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` contains, or ``None`` when that is not known.

    Read from the ``regex`` module's own parse of the pattern: a literal run the match must
    consume (case-sensitive, outside any lookaround), the union over the branches of an
    alternation, the best such set of a sequence. A text (or a stretch of one) that holds none
    of them has no match, so the search can be skipped (:class:`LiteralGate`). Anything the reading
    does not know (case-insensitive letters, classes, lookarounds, optional parts, fuzzy
    matching, a parse it cannot do) gives ``None``: no gate, never a wrong one. A pattern from a
    user's file (a ``TimedPattern``, with a timeout) gets ``None`` too: it runs as before, and a
    search that gives up is still a note on the Article.
    """
    if getattr(pattern, "timeout", None) is not None:
        return None  # a user's pattern runs with a timeout: run it, so that giving up shows as a note
    try:
        return _required(str(pattern.pattern), int(pattern.flags))
    except Exception:  # an internal of the regex module changed, a user pattern it reads differently
        return None


@functools.lru_cache(maxsize=1024)
def _required(source: str, flags: int) -> tuple[str, ...] | None:
    core: Any = importlib.import_module("regex._regex_core")  # the regex module's own parser

    if flags & (regex.IGNORECASE | regex.FULLCASE | regex.VERBOSE):
        return None
    src = core.Source(source)
    info = core.Info(flags, src.char_type, {})
    parsed = core._parse_pattern(src, info)
    if not src.at_end():
        return None
    found = _literals(parsed, core)
    if not found or any(not lit for lit in found):
        return None
    return tuple(sorted(found, key=lambda lit: (-len(lit), lit)))


def _char(node: Any, core: Any) -> str | None:
    if type(node) is core.Character and node.positive and not node.case_flags and not node.zerowidth:
        return chr(node.value)
    return None


def _literals(node: Any, core: Any) -> frozenset[str] | None:
    kind = type(node)
    if kind is core.Character:
        ch = _char(node, core)
        return frozenset({ch}) if ch is not None else None
    if kind is core.Sequence:
        options: list[frozenset[str]] = []
        run: list[str] = []
        for item in node.items:
            ch = _char(item, core)
            if ch is not None:
                run.append(ch)
                continue
            if run:
                options.append(frozenset({"".join(run)}))
                run = []
            sub = _literals(item, core)
            if sub is not None:
                options.append(sub)
        if run:
            options.append(frozenset({"".join(run)}))
        if not options:
            return None
        # the set whose shortest string is longest (the rarest), then the smallest set
        return max(options, key=lambda o: (min(len(x) for x in o), -len(o)))
    if kind is core.Branch:
        union: set[str] = set()
        for branch in node.branches:
            sub = _literals(branch, core)
            if sub is None:
                return None
            union |= sub
        return frozenset(union)
    if kind in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        return _literals(node.subpattern, core) if node.min_count >= 1 else None
    if kind in (core.Group, core.Atomic):
        return _literals(node.subpattern, core)
    return None
