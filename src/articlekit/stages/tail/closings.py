"""Closing paragraphs that are not the story: a columnist's bio, a disclaimer, a promo, a signature."""

from __future__ import annotations

import regex

from ...draft import Draft, Findings
from ...rulebook import define_rule
from .context import prev_ends_sentence
from .patterns import SP, Patterns

__all__ = ["bio", "prev_is_label", "promo", "signature"]

# The rules these steps claim with.
AUTHOR_BIO = define_rule("tail:author-bio", "credit", "a columnist's closing bio line ('Penulis adalah …')")
CREDIT_LABEL_LINE = define_rule("tail:credit-label-line", "credit",
                                "a credit label alone on its line with the name on the next ('EDITOR' / name)")
OPINION_DISCLAIMER = define_rule("tail:opinion-disclaimer", "noise",
                                 "a closing disclaimer that the piece is its writer's responsibility")
SITE_SLOGAN = define_rule("tail:site-slogan", "noise",
                          "a short exclamation or question naming a catalogued outlet, closing the text")
READER_PROMO = define_rule("tail:reader-promo", "noise",
                           "a closing sentence addressed to the reader that sends them elsewhere")
SIGNATURE = define_rule("tail:signature", "credit", "a letter's or a statement's closing signature block")

# a signature block's name line: "M. N SHAARI", "Heni Novitasari"
_SIG_NAME = regex.compile(rf"\p{{Lu}}[\p{{L}}'’\-]*\.?(?:{SP}\p{{Lu}}[\p{{L}}'’\-]*\.?){{1,3}}")


def bio(draft: Draft, found: Findings, p: Patterns, line_lo: int, end: int) -> tuple[int, str] | None:
    """A columnist's bio line, a site's opinion disclaimer, or a credit label over its name, closing the text."""
    text = draft.text
    line_lo = max(line_lo, end - 520)  # a bio or a note is one short paragraph: never scan a whole flattened text
    m = p.bio.search(text, line_lo, end)
    if m and text.count("\n", m.start(), end) == 0:
        c = found.claim("credit", m.start(), end, AUTHOR_BIO, role="bio", name=(m["n"] or "").strip())
        if c:
            return c.start, "credit"
    m = (p.bio_glued.search(text, line_lo, end) or p.bio_starred.search(text, line_lo, end)
         or (p.bio_named.search(text, line_lo, end) if p.bio_named is not None and prev_ends_sentence(
             draft, line_lo) else None))
    if m:
        c = found.claim("credit", m.start(), end, AUTHOR_BIO, role="bio", name=m["n"])
        if c:
            return c.start, "credit"
    m = p.disclaimer.search(text, line_lo, end)
    if m and any(w.casefold() in m.group().casefold() for w in draft.locale.tail.disclaimer_words):
        c = found.claim("noise", m.start(), end, OPINION_DISCLAIMER)
        if c:
            return c.start, "noise"
    m = p.label_line.search(text, max(0, line_lo - 200), end)
    if m and len(m["v"].split()) <= 5 and (prev_ends_sentence(draft, m.start())
                                           or prev_is_label(draft, p, m.start())):
        c = found.claim("credit", m.start(), end, CREDIT_LABEL_LINE, role=" ".join(m["l"].split()).title(),
                        name=m["v"].strip())
        if c:
            return c.start, "credit"
    return None


def prev_is_label(draft: Draft, p: Patterns, pos: int) -> bool:
    """The nearest line above ``pos`` with words in it opens with a credit label (``Penulis: …``)."""
    text = draft.text
    i = pos
    while i > 0 and text[i - 1].isspace():
        i -= 1
    lo = text.rfind("\n", 0, i) + 1
    m = p.label.match(text, lo, i)
    return m is not None and not text[lo : m.start()].strip()


def promo(draft: Draft, found: Findings, p: Patterns, line_lo: int, end: int) -> tuple[int, str] | None:
    """The last sentence of the text, when it asks the reader to go elsewhere: ``Ikuti berita terkini dari X
    di Google News``, ``Dapatkan update berita pilihan … dari X``, ``Follow us on Instagram``, ``Layari
    www.… untuk kemas kini terkini``. One sentence a step (the peel goes on with the one before)."""
    text = draft.text
    cond = p.promo_if.search(text, max(line_lo, end - 460), end)
    if cond is not None:  # "If you enjoyed this article, join us. Subscribe …": the opener's sentence on
        c = found.claim("noise", cond.start() + len(cond.group()) - len(cond.group().lstrip()), end, READER_PROMO)
        return (c.start, "noise") if c else None
    last = None
    for m in p.promo.finditer(text, max(line_lo, end - 420), end, overlapped=True):
        last = m
    read = last is None
    if read:  # no imperative: a sentence that sends the reader to read the site's articles at its address
        for m in p.promo_read.finditer(text, max(line_lo, end - 420), end, overlapped=True):
            last = m
    if last is None:
        return _slogan(found, p, text, line_lo, end) or _question(found, p, text, line_lo, end)
    s = last.group()
    cut = regex.search(r"[.!?]+[\"”’]?(?=[ \t\u00a0]+\S)", s)  # the verb's own sentence, and what follows it
    first, rest = (s[: cut.end()], s[cut.end() :]) if cut else (s, "")
    if (not read and not p.promo_target.search(first)) or p.promo_own.search(first) or len(rest.strip()) > 60:
        return _slogan(found, p, text, line_lo, end)
    c = found.claim("noise", last.start(), end, READER_PROMO)
    return (c.start, "noise") if c else None


def _slogan(found: Findings, p: Patterns, text: str, line_lo: int, end: int) -> tuple[int, str] | None:
    """The site's slogan closing the text: a short exclamation or question (at most eight words) that names a
    catalogued outlet, after the story's last sentence (``… yuk! Kalau bukan sekarang, KapanLagi?``)."""
    m = p.slogan.search(text, max(line_lo, end - 120), end)
    if m is None or len(m.group().split()) > 8:
        return None
    c = found.claim("noise", m.start() + len(m.group()) - len(m.group().lstrip()), end, SITE_SLOGAN)
    return (c.start, "noise") if c else None


def _question(found: Findings, p: Patterns, text: str, line_lo: int, end: int) -> tuple[int, str] | None:
    """A question to the reader right above the promo or slogan this step took last, nothing between them
    (``Ingin baca update terbaru drama lainnya?`` ⏎ ``Yuk baca di <site>.``): part of the promo."""
    if p.promo_question is None or not found.claims:
        return None
    last = found.claims[-1]
    if last.why not in (READER_PROMO, SITE_SLOGAN) or last.start < end or text[end : last.start].strip():
        return None
    m = p.promo_question.search(text, max(line_lo, end - 200), end)
    if m is None:
        return None
    c = found.claim("noise", m.start() + len(m.group()) - len(m.group().lstrip()), end, READER_PROMO)
    return (c.start, "noise") if c else None


_EMAIL = regex.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


def signature(draft: Draft, found: Findings, p: Patterns, end: int) -> tuple[int, str] | None:
    """A letter's or a statement's signature block closing the text: two or three short lines with no
    sentence in them (and maybe the writer's e-mail address under them), one a name (in capitals or Title
    Case), the others an affiliation, a role or a place and date, under a line that ends a sentence
    (``M. N SHAARI`` ⏎ ``Damansara Heights KL``;
    ``Tangerang 24 Nopember 2018`` ⏎ ``Heni Novitasari``)."""
    text = draft.text
    lines: list[tuple[int, int]] = []
    i = end
    while True:
        while i > 0 and text[i - 1].isspace():
            i -= 1
        if i <= 0:
            return None
        lo = text.rfind("\n", 0, i) + 1
        s = text[lo:i].strip()
        if s[-1] in ".!?\"”’)" and not _SIG_NAME.fullmatch(s):
            break  # the sentence above the block
        if len(lines) == 4 or not (p.sig_line.fullmatch(s) or (not lines and _EMAIL.fullmatch(s))) or draft.claim_at(
                lo + len(text[lo:i]) - len(text[lo:i].lstrip())) is not None:
            return None
        lines.append((lo, i))
        i = lo
    # the writer's address may stand under the block ("Ahmad Fauzi" ⏎ "Warga Sukamaju" ⏎ "ahmad@surel.id"):
    # it is a fourth line, not one of the three
    if not lines or (len(lines) == 4 and not _EMAIL.fullmatch(text[lines[0][0] : lines[0][1]].strip())):
        return None
    if len(lines) < 2 or not any(_SIG_NAME.fullmatch(text[a:b].strip()) for a, b in lines):
        return None
    c = found.claim("credit", lines[-1][0], end, SIGNATURE, role="signature",
                    name=" / ".join(text[a:b].strip() for a, b in reversed(lines)))
    return (c.start, "credit") if c else None
