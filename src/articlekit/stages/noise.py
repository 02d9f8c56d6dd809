"""Marks: ad and UI strings, promos, copyright and pagination lines; repost and byline notes.

Rules come from the locale's ``[noise]`` table. A ``line`` rule claims a whole line; an
``inline`` rule claims its match wherever it stands (glued to a sentence, or inside text
whose newlines were lost), up to the end of the line when the rule says ``to_eol``. A rule's
``kind`` is ``noise`` unless it says otherwise: a repost notice (``Artikel ini telah tayang di
Kompas.com ...``) is an ``attribution`` naming its ``source`` group; ``(Ditulis oleh <name>)``
is a ``credit``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..draft import Draft, Findings
from ..errors import PatternTimeout
from ..rules import NoiseRule
from ..sources import canonical_source

__all__ = ["Noise"]


@dataclass(frozen=True)
class Noise:
    """Claims ad, UI, promo, copyright and pagination strings as ``noise``."""

    name: str = "noise"

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        for rule in draft.locale.noise_rules:
            try:
                self._rule(draft, found, rule)
            except PatternTimeout as exc:  # a user rule gave up on this text: the other rules still run
                found.note(str(exc))
        return found

    @staticmethod
    def _rule(draft: Draft, found: Findings, rule: NoiseRule) -> None:
        text = draft.text
        for m in rule.regex.finditer(text):
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
