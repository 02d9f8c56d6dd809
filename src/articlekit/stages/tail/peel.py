"""The tail stage: peels pieces off the end of the body one at a time, in the order of its steps."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ...draft import Draft, Findings
from ...rulebook import define_rule
from ...sources import canonical_source
from . import context
from .closings import READER_PROMO, SITE_SLOGAN, bio, promo, signature
from .codes import OUTLET_REPORTER, bracket, code, dash_brand
from .context import before_ok, canonical, prev_ends_sentence, sources
from .credit_lines import labels
from .patterns import Patterns, compile_patterns

__all__ = ["Tail"]

# The rules of the steps below (the other steps' rules are defined in their own modules).

TAGS = define_rule("tail:tags", "noise", "tag lines after the initials or credits (detik)")
SOURCE_PAREN = define_rule("tail:source-paren", "attribution",
                           "a source tail in parentheses: '(Sumber: Antara/Reuters)'")
REPORT_SOURCES = define_rule("tail:report-sources", "attribution",
                             "a closing note naming where a report's information came from: 'With files from X'")
DOMAIN_SECTION = define_rule("tail:domain-section", "attribution",
                             "the site's address and the story's section closing the text: '(tirto.id - Politik)'")
LOWER_NAME_PAREN = define_rule("tail:lower-name-paren", "credit",
                               "a reporter's name in lower case in parentheses closing the text: '(rina wati)'")
REP = define_rule("tail:rep", "credit", "the reporter of a 'Rep: A/ Red: B' line")
RED = define_rule("tail:red", "credit", "the editor of a 'Rep: A/ Red: B' line")
REP_LABEL = define_rule("tail:rep-label", "credit", "the 'Rep:' label of a 'Rep: A/ Red: B' line")
WIRE_TAIL = define_rule("tail:wire-tail", "attribution", "a wire's name after a dash closing the story: '- Bernama'")
PUBLICATION_STAMP = define_rule("tail:publication-stamp", "noise",
                                "a closing publication stamp ('Artikel ini disiarkan pada : <date>')")
END_MARK = define_rule("tail:end-mark", "credit", "a closing mark of the locale's end_marks: '***', '(bersambung)'")
INITIALS_DESK_STAR = define_rule("tail:initials-desk-star", "credit", "a star and an outlet: '(*/jpnn)'")
NAMES_PAREN = define_rule("tail:names-paren", "credit", "three or more names in parentheses: '(Rina Wati/Budi/Ana)'")
SQUARE_CREDIT = define_rule("tail:square-credit", "credit", "a name in square brackets at the end: '[Rina Wati]'")
REPORTER_LINE = define_rule("tail:reporter-line", "credit", "a reporter's name alone on the last line: '(Rina Wati)'")
CAPS_REPORTER = define_rule("tail:caps-reporter", "credit",
                            "a reporter's name in capitals on the last line: 'RINA WATI'")
GLUED_HEADLINE = define_rule("tail:glued-headline", "noise",
                             "in flattened text, a headline glued to the story's last sentence, closing the text: "
                             "'… (9/6/2025).3 Potret Cantik Nama di Stadion'")

_WORDY = regex.compile(r"[\p{L}\p{N}]")
# the last sentence end glued to a capitalised word or a count ("(9/6/2025).3 Potret …", "lanjutnya.Gejala …")
# (not a number's dot before a figure: "… 23.30 Sinema …" is a time)
_GLUED_START = regex.compile(r"(?r)(?:(?<=[\p{L})\"”’][.!?][\"”’]?)|(?<=\d[.!?][\"”’]?)(?!\d))"
                             r"(?=(?:\d{1,3}[ \u00a0])?\p{Lu})")
# a headline: words and numbers, no sentence mark, colon, bracket or quote (a list, a schedule, a quote is no headline)
_HEADLINE_WORDS = regex.compile(r"[\p{L}\d][\p{L}\d'’\-&,]*(?:[ \u00a0]+[\p{L}\d][\p{L}\d'’\-&,]*){2,19}")
_LAST_WORDY = regex.compile(r"(?r)[\p{L}\p{N}]")
# a tag line: lower-case words with no punctuation, a line a tag, or a page's tags glued on one line (taken only
# under the initials or credits)
_TAGS = regex.compile(r"[\p{Ll}\d#][\p{Ll}\d '’\-#]{0,300}")


@dataclass(frozen=True)
class Tail:
    """Peels attribution and credits off the end of the body."""

    name: str = "tail"
    window: int = 400
    max_steps: int = 40
    max_tag_words: int = 40  # a tag line (the tags glued on one line, under the initials)
    min_headline_caps: float = 0.7  # the share of capitalised words (or numbers) in a glued closing headline

    @staticmethod
    def _patterns(draft: Draft) -> Patterns:
        return draft.derived("tail", lambda: compile_patterns(draft.locale, draft.outlets))

    # ------------------------------------------------------------------ sources

    @staticmethod
    def canonical(draft: Draft, value: str) -> str | None:
        """The canonical name of one source, or ``None`` when it is not a known news source."""
        return context.canonical(draft, value)

    @staticmethod
    def sources(draft: Draft, value: str, *, lenient: bool) -> list[str] | None:
        """Canonical names for ``A/B``; ``None`` when a part is unknown (unless ``lenient``)."""
        return context.sources(draft, value, lenient=lenient)

    # ------------------------------------------------------------------ the peel

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        pats = self._patterns(draft)
        # from the end of the text (pieces after the link blocks, such as "(kpl/dna)", are tail
        # too), or from where a second article starts
        end = min((c.start for c in draft.claims if c.data.get("ends_body")), default=len(draft.text))
        for fact in draft.facts_of("tail_end"):
            self._peel(draft, found, pats, fact.end)
        self._peel(draft, found, pats, end)
        self._repeated_closings(draft, found)
        return found

    @staticmethod
    def _repeated_closings(draft: Draft, found: Findings) -> None:
        """A promo or a slogan the peel found at the end is one wherever the same words stand again in the
        text (an earlier, repeated copy of the story's last paragraph): claimed there too, by the same rule."""
        text = draft.text
        for c in [c for c in found.claims if c.why in (READER_PROMO, SITE_SLOGAN)]:
            piece = text[c.start : c.end]
            if len(piece) < 20:
                continue
            pos = text.find(piece, 0, c.start)
            while pos >= 0:
                if found.is_free(pos, pos + len(piece)):
                    found.claim("noise", pos, pos + len(piece), c.why)
                pos = text.find(piece, pos + len(piece), c.start)

    def _peel(self, draft: Draft, found: Findings, pats: Patterns, end: int) -> None:
        pending_tags: list[tuple[int, int]] = []
        for _ in range(self.max_steps):
            end = self._skip(draft, found, end)
            if end <= 0:
                break
            step = self._step(draft, found, pats, end)
            if step is None:
                tags = self._tag_line(draft, end)
                if tags is None:
                    break
                pending_tags.append(tags)
                end = tags[0]
                continue
            if pending_tags and step[1] in ("credit", "attribution"):
                for s, e in pending_tags:
                    found.claim("noise", s, e, TAGS)
            pending_tags = []
            end = step[0]

    def _skip(self, draft: Draft, found: Findings, end: int) -> int:
        """Move ``end`` back over whitespace and over pieces already claimed."""
        text = draft.text
        jump = True  # one jump over a run of scraps per call (see _past_scraps)
        while end > 0:
            while end > 0 and text[end - 1].isspace():
                end -= 1
            if end <= 0:
                return 0
            claim = draft.claim_at(end - 1)
            if claim is None:
                for c in found.claims:
                    if c.start < end <= c.end:
                        claim = c
                        break
            if claim is None:
                line = draft.line_at(end - 1)
                lo = max(line.lo, 0)
                if lo < end and not _WORDY.search(text, lo, end) and draft.is_free(lo, end):
                    end = lo  # a scrap with no word in it (a lone "-") does not end the body
                    if jump:
                        jump = False
                        end = self._past_scraps(draft, found, end)
                    continue
                return end
            end = claim.start
        return end

    @staticmethod
    def _past_scraps(draft: Draft, found: Findings, end: int) -> int:
        """Where the line-by-line walk of :meth:`_skip` over scraps from ``end`` (a line's start) goes on: the
        start of the line after the last one holding a word, when no claim stands in between (every line
        there is an unclaimed scrap, which the walk would pass one by one); else ``end``."""
        last = _LAST_WORDY.search(draft.text, 0, end)
        target = 0 if last is None else draft.text.find("\n", last.start()) + 1
        if target < end and draft.is_free(target, end) and not any(
                c.start < end and c.end > target for c in found.claims):
            return target
        return end

    def _tag_line(self, draft: Draft, end: int) -> tuple[int, int] | None:
        text = draft.text
        line = draft.line_at(end - 1)
        s = text[line.lo : end]
        if line.lo < end and _TAGS.fullmatch(s) and len(s.split()) <= self.max_tag_words:
            return line.lo, end
        return None

    def _step(self, draft: Draft, found: Findings, p: Patterns, end: int) -> tuple[int, str] | None:
        text = draft.text
        lo = max(0, end - self.window)
        line = draft.line_at(end - 1)
        window = text[lo:end]

        m = p.source_paren.search(window)
        if m:
            srcs = sources(draft, m["v"], lenient=True) or []
            c = found.claim("attribution", lo + m.start(), end, SOURCE_PAREN, sources=srcs)
            if c:
                return c.start, "attribution"

        m = p.report_sources.search(text, line.lo, end)
        if m:
            srcs = sources(draft, m["v"], lenient=True) or []
            if srcs and all(s[:1].isupper() or "." in s for s in srcs):
                c = found.claim("attribution", m.start(), end, REPORT_SOURCES, sources=srcs)
                if c:
                    return c.start, "attribution"

        m = p.domain_section.search(window)
        if m:
            name = canonical_source(m["d"], draft.outlets, draft.locale) or m["d"].lower()
            c = found.claim("attribution", lo + m.start(), end, DOMAIN_SECTION, sources=[name])
            if c:
                return c.start, "attribution"

        m = p.rep_red.search(text, line.lo, end)
        if m:
            s, e = m.start(), m.end()
            found.claim("credit", s + m.start("a") - m.start(), s + m.end("a") - m.start(), REP, role="Rep",
                        name=m["a"].strip())
            found.claim("credit", m.start("b") - 0, e, RED, role="Red", name=m["b"].strip())
            found.claim("credit", s, m.start("a"), REP_LABEL)
            return s, "credit"

        got = labels(draft, found, p, line.lo, end, self.window)
        if got is not None:
            return got, "credit"

        m = p.wire.search(window)
        if m:
            name = canonical(draft, m["v"])
            if name:
                c = found.claim("attribution", lo + m.start(), end, WIRE_TAIL, sources=[name])
                if c:
                    return c.start, "attribution"

        m = p.stamp.search(text, line.lo, end)
        if m:
            c = found.claim("noise", m.start(), end, PUBLICATION_STAMP)
            if c:
                return c.start, "noise"

        m = p.dash_brand.search(window)
        if m:
            got3 = dash_brand(draft, found, m, lo)
            if got3 is not None:
                return got3

        m = p.end_mark.search(window)
        if m and not (m.group()[:1] == "*" and lo + m.start() > 0 and text[lo + m.start() - 1].isalnum()):
            # a star glued to a word masks part of it ("@leb**"): not an end mark
            c = found.claim("credit", lo + m.start(), end, END_MARK, role="code", name=m.group().strip())
            if c:
                return c.start, "credit"

        m = p.code_paren.search(window)
        if m:
            got2 = code(draft, found, m["v"], lo + m.start(), end)
            if got2 is not None:
                return got2

        m = p.domain_paren.search(window)
        if m and before_ok(text, lo + m.start()):
            names = [x.strip() for x in m["v"].split("/") if x.strip()]
            if m["d"] == "*":  # "(*/jpnn)": a desk code
                c = found.claim("credit", lo + m.start(), end, INITIALS_DESK_STAR, role="initials",
                                name="/".join(["*", *names]))
            else:
                c = found.claim("credit", lo + m.start(), end, OUTLET_REPORTER, role="reporter",
                                name=" / ".join(names))
            if c:
                return c.start, "credit"

        m = p.names_paren.search(window)
        if m and before_ok(text, lo + m.start()):
            c = found.claim("credit", lo + m.start(), end, NAMES_PAREN, role="credit", name=m["v"].strip())
            if c:
                return c.start, "credit"

        m = p.lower_name_paren.search(window)
        if m and not draft.outlets.lookup(m["v"]):
            c = found.claim("credit", lo + m.start(), end, LOWER_NAME_PAREN, role="reporter", name=m["v"])
            if c:
                return c.start, "credit"

        m = p.square.search(window)
        # a known source's name in brackets ("[Antara]") is a source tail: the bracket step's
        if m and before_ok(text, lo + m.start()) and canonical(draft, m["v"]) is None:
            c = found.claim("credit", lo + m.start(), end, SQUARE_CREDIT, role="reporter", name=m["v"].strip())
            if c:
                return c.start, "credit"

        m = p.name_paren_line.search(text, line.lo, end)
        if m and canonical(draft, m["v"]) is None:
            c = found.claim("credit", m.start(), end, REPORTER_LINE, role="reporter", name=m["v"])
            if c:
                return c.start, "credit"

        m = p.caps_name_line.search(text, line.lo, end)
        if m and prev_ends_sentence(draft, line.lo) and not draft.outlets.lookup(m["v"]):
            c = found.claim("credit", m.start(), end, CAPS_REPORTER, role="reporter", name=m["v"])
            if c:
                return c.start, "credit"

        m = p.bracket.search(window)
        if m and before_ok(text, lo + m.start()):
            got6 = bracket(draft, found, m, lo, end)
            if got6 is not None:
                return got6

        got4 = bio(draft, found, p, line.lo, end)
        if got4 is not None:
            return got4
        got8 = self._glued_headline(draft, found, line.lo, end)
        if got8 is not None:
            return got8
        got7 = promo(draft, found, p, line.lo, end)
        if got7 is not None:
            return got7
        return signature(draft, found, p, end)

    def _glued_headline(self, draft: Draft, found: Findings, line_lo: int, end: int) -> tuple[int, str] | None:
        """Flattened text: a headline glued with no space to the last sentence of the story's last line, the
        text's end (``… Senin (9/6/2025).3 Potret Cantik Nama saat di Stadion``): three to twenty words, most
        capitalised (Title Case: ``min_headline_caps``), no sentence mark, colon or bracket. A gallery's title,
        the next story's or the headline printed again; not the story's words."""
        text = draft.text
        m = _GLUED_START.search(text, max(line_lo, end - self.window), end)
        if m is None or not _HEADLINE_WORDS.fullmatch(text, m.start(), end):
            return None
        words = text[m.start() : end].split()
        caps = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
        if caps < self.min_headline_caps * len(words) or not words[-1][0].isupper():
            return None
        c = found.claim("noise", m.start(), end, GLUED_HEADLINE)
        return (c.start, "noise") if c else None
