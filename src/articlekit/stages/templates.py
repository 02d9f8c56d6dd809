"""Site templates: lines and sentences a site prints on many of its pages, learned from a corpus.

The stage runs last and only claims what no earlier stage claimed: each unclaimed piece of a line
whose normalised form is one of the group's strings is ``noise`` (``templates:<group>:line``, or
``:sentence`` for a ``sentence`` string); in a longer piece, each sentence that is one of the
group's ``sentence`` strings is claimed alone. One dict lookup per piece and per sentence: linear
in the text. Which group a text gets: the ``group`` given to the parse, else the group named like
the outlet the earlier stages detected (its domain), else the only group of the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..draft import Draft, Findings
from ..templates import Templates, TemplateString, normalise, sentence_spans

__all__ = ["SiteTemplates"]


@dataclass(frozen=True)
class SiteTemplates:
    """Claims a group's learned template strings as ``noise``."""

    templates: Templates
    name: str = "templates"

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        detected = next((str(c.data["domain"]) for c in draft.claims
                         if c.kind == "outlet" and c.data.get("domain")), None)
        group = self.templates.resolve(draft.group, detected)
        if group is None:
            return found
        text = draft.text
        sentences = group.has_sentences
        for line in draft.lines:
            if line.blank:
                continue
            for lo, hi in draft.free_parts(line.lo, line.hi):
                whole = group.match_whole(normalise(text[lo:hi]))
                if whole is not None:
                    self._claim(found, group.name, whole, lo, hi)
                    continue
                if not sentences:
                    continue
                spans = sentence_spans(text, lo, hi)
                if len(spans) < 2:
                    continue
                for a, b in spans:
                    hit = group.match_sentence(normalise(text[a:b]))
                    if hit is not None:
                        self._claim(found, group.name, hit, a, b)
        return found

    @staticmethod
    def _claim(found: Findings, group: str, string: TemplateString, lo: int, hi: int) -> None:
        found.claim("noise", lo, hi, f"templates:{group}:{string.mode}")
