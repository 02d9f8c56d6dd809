"""The inserts stage: each marker looked for only where its word stands, in parentheses, at line starts, glued."""

from __future__ import annotations

from dataclasses import dataclass

from ...draft import Draft, Findings
from ...rulebook import define_rule
from ...scanning import LiteralGate, line_starts_before, matches_at, required_literals, starts
from .boxes import glued_box
from .headline import case_of_headlines, headline_case, headline_text, scan_headline
from .marker_line import from_line
from .patterns import BLANK, BULLETS, patterns_of

__all__ = ["Inserts"]

# The layouts found anywhere in a line (those at a line start: marker_line; glued boxes: boxes). A claim's
# ``why`` is the layout's rule, then ``/`` and the id of the locale's [[inserts.marker]] that matched.
PAREN = define_rule("inserts:paren", "insert", "a marker and headline in parentheses closing a paragraph: '(Baca: …)'")
INLINE = define_rule("inserts:inline", "insert",
                     "a marker glued into running text; the headline ends where the next sentence begins")


@dataclass(frozen=True)
class Inserts:
    """Finds inserts; each claim holds its label and headline."""

    name: str = "inserts"
    max_line_headline: int = 250
    max_headline_words: int = 16
    min_box_words: int = 5
    max_box_headlines: int = 8
    max_box_headline_words: int = 25

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        text = draft.text
        pats = patterns_of(draft.locale)
        case = headline_case(draft)  # once: it reads the claims
        compiled, credit, another = pats.markers, pats.credit, pats.another
        # one scan for the literals the marker words need: a marker whose word is not in the text is skipped
        live = draft.locale.derived("inserts-literals", lambda: LiteralGate(
            {"paren": required_literals(pats.paren),
             **{str(i): required_literals(c.word) for i, c in enumerate(compiled) if c.word is not None}})).live(text)
        for m in pats.paren.finditer(text) if "paren" in live else ():
            mk = next(mk for i, mk in enumerate(pats.paren_markers) if m.group(f"m{i}") is not None)
            lo = m.start()
            while lo > 0 and text[lo - 1] in " \t\u00a0":  # the spaces before it go with it
                lo -= 1
            found.claim("insert", lo, m.end(), f"{PAREN}/{mk.id}", label=mk.label, headline=m["h"].strip())
        # where each marker word stands (one scan a marker), and its glued matches, found before any claim
        at_of = [None if comp.word is None else starts(comp.word, text) if str(k) in live else []
                 for k, comp in enumerate(compiled)]
        inline_of = [[] if comp.marker.line_only else list(
            comp.inline.finditer(text) if at is None else matches_at(comp.inline, text, at))
            for comp, at in zip(compiled, at_of, strict=True)]
        if not case:  # an outlet the catalogue does not describe: the page's own headlines tell the case
            case = case_of_headlines(draft, [m.end() for ms in inline_of for m in ms])
        for k, comp in enumerate(compiled):
            mk = comp.marker
            at = at_of[k]
            inline_matches = inline_of[k]
            if at is None:
                line_matches, box_matches = comp.line.finditer(text), comp.box.finditer(text)
            else:  # try the shapes only where the marker word stands
                if not at:
                    continue
                line_matches = matches_at(comp.line, text, line_starts_before(text, at, BLANK + BULLETS))
                box_matches = matches_at(comp.box, text, at)
            for m in line_matches:
                from_line(self, draft, found, comp, m, credit, another, case)
            if mk.line_only:
                continue
            if mk.bare:
                for m in box_matches:
                    if found.is_free(m.start(), m.end()):
                        line_end = draft.line_at(m.end()).end  # (text.find("\n") per marker: quadratic on one line)
                        glued_box(self, draft, found, mk, m.start(), m.end(), line_end)
            for m in inline_matches:
                if not found.is_free(m.start(), m.end()):
                    continue
                line_end = draft.line_at(m.end()).end
                h_end = scan_headline(self, draft, m.end(), line_end, another, credit, case)
                headline, _ = headline_text(draft, m.end(), h_end)
                if headline:
                    found.claim("insert", m.start(), h_end, f"{INLINE}/{mk.id}", label=mk.label, headline=headline)
        return found
