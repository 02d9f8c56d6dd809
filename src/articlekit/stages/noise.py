"""Noise: ad and UI strings, promos, copyright, repost and pagination lines.

Rules come from the locale's ``[noise]`` table. A ``line`` rule claims a whole line; an
``inline`` rule claims its match wherever it stands (glued to a sentence, or inside text
whose newlines were lost), up to the end of the line when the rule says ``to_eol``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..draft import Draft, Findings

__all__ = ["Noise"]


@dataclass(frozen=True)
class Noise:
    """Claims ad, UI, promo, copyright and pagination strings as ``noise``."""

    name: str = "noise"

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        text = draft.text
        for rule in draft.locale.noise_rules:
            for m in rule.regex.finditer(text):
                start, end = m.start(), m.end()
                if rule.to_eol:
                    nl = text.find("\n", end)
                    end = len(text) if nl < 0 else nl
                found.claim("noise", start, end, rule.id)
        return found
