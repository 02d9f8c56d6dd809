"""Marks: ad and UI strings, promos, copyright and pagination lines; repost and byline notes.

Rules come from the locale's ``[noise]`` table. A ``line`` rule claims a whole line; an
``inline`` rule claims its match wherever it stands (glued to a sentence, or inside text
whose newlines were lost), up to the end of the line when the rule says ``to_eol``. A rule's
``kind`` is ``noise`` unless it says otherwise: a repost notice (``Artikel ini telah tayang di
Kompas.com ...``) is an ``attribution`` naming its ``source`` group; ``(Ditulis oleh <name>)``
is a ``credit``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from ..draft import Draft, Findings
from ..errors import PatternTimeout
from ..rules import Locale, NoiseRule
from ..scanning import LiteralGate, lookbehind_starts, matches_at, required_literals, starts
from ..sources import canonical_source

__all__ = ["Noise"]

_OWN_SCANS = 4
"""Up to this many whole-line rules that may match a text scan it one by one instead of through the gate."""


@dataclass(frozen=True)
class Noise:
    """Claims ad, UI, promo, copyright and pagination strings as ``noise``."""

    name: str = "noise"

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        gate = draft.derived("noise-gate", lambda: _LineGate.build(draft.locale))
        # a rule none of whose literals is in the text has no match: one scan tells which may match
        live = draft.derived("noise-literals", lambda: LiteralGate(
            {r.id: required_literals(r.regex) for r in draft.locale.noise_rules})).live(draft.text)
        # the whole-line rules without literals are always live: a gate of their own
        always = draft.derived("noise-gate-always", lambda: _LineGate.build(
            draft.locale, lambda r: required_literals(r.regex) is None))
        # few whole-line rules with literals left: each scans on its own (same matches), cheaper than
        # the full gate's scan; many: the full gate
        full = len((live & gate.rules) - always.rules) > _OWN_SCANS
        use = gate if full else always
        # a rule whose matches all follow a leading lookbehind is tried only where that lookbehind holds
        behind = draft.derived("noise-lookbehind", lambda: {
            r.id: got for r in draft.locale.noise_rules if (got := lookbehind_starts(r.regex)) is not None})
        offsets: list[int] | None = None
        for rule in draft.locale.noise_rules:
            if rule.id not in live:
                continue
            try:
                if rule.id in use.rules:
                    if offsets is None:
                        offsets = starts(use.pattern, draft.text)
                    matches: Iterator[Any] = matches_at(rule.regex, draft.text, offsets)
                elif rule.id in behind:
                    matches = matches_at(rule.regex, draft.text, behind[rule.id](draft.text))
                else:
                    matches = rule.regex.finditer(draft.text)
                self._rule(draft, found, rule, matches)
            except PatternTimeout as exc:  # a user rule gave up on this text: the other rules still run
                found.note(str(exc))
        return found

    @staticmethod
    def _rule(draft: Draft, found: Findings, rule: NoiseRule, matches: Iterator[Any]) -> None:
        text = draft.text
        for m in matches:
            start, end = m.start(), m.end()
            if rule.to_eol:
                nl = text.find("\n", end)
                eol = len(text) if nl < 0 else nl
                if not found.is_free(start, eol):
                    # part of the line is taken already (another promo glued on): take the rest
                    for lo, hi in found.free_parts(start, eol):
                        found.claim(rule.kind, lo, hi, rule.id)  # type: ignore[arg-type]
                    continue
                end = eol
            if rule.kind == "attribution":
                name = canonical_source(m["source"], draft.outlets, draft.locale)
                found.claim("attribution", start, end, rule.id, sources=[name] if name else [])
            elif rule.kind == "credit":
                found.claim("credit", start, end, rule.id, role=rule.role or "credit", name=m["name"].strip())
            else:
                found.claim(rule.kind, start, end, rule.id)  # type: ignore[arg-type]


_BACKREF = regex.compile(r"\\[1-9]|\(\?P=|\\g<")


@dataclass(frozen=True)
class _LineGate:
    """One scan that finds the lines any whole-line rule can claim, instead of one scan per rule.

    Whole-line rules only match at a line start, and a line is looked at by a rule only when the
    gate (the alternation of all of them) matches there, so each rule's matches are exactly those
    of its own ``finditer`` over the whole text. Rules from a user's file (timed) and rules with
    back-references keep their own scan.
    """

    pattern: Any
    rules: frozenset[str]

    @classmethod
    def build(cls, locale: Locale, keep: Callable[[NoiseRule], bool] | None = None) -> _LineGate:
        """The gate of the locale's whole-line rules (those ``keep`` accepts, when given)."""
        chosen = [r for r in locale.noise_rules
                  if r.scope == "line" and r.timeout is None and not _BACKREF.search(r.regex.pattern)
                  and (keep is None or keep(r))]
        if len(chosen) < 2:
            return cls(None, frozenset())
        alternatives = "|".join(
            f"(?{'i' if r.regex.flags & regex.IGNORECASE else '-i'}:{r.regex.pattern})" for r in chosen
        )
        try:
            pattern = regex.compile(alternatives, regex.MULTILINE)
        except regex.error:  # group names clash across rules: no gate, each rule scans on its own
            return cls(None, frozenset())
        return cls(pattern, frozenset(r.id for r in chosen))
