"""Boxes: a marker over several headlines glued together on one line, cut where one headline meets the next."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import regex

from ...draft import Draft, Findings
from ...rulebook import define_rule
from ...rules import Marker

if TYPE_CHECKING:
    from .stage import Inserts

__all__ = ["BOX", "GLUED_BOX", "box_line", "box_pieces", "glued_box", "merge_short", "title_case"]

BOX = define_rule("inserts:box", "insert", "a marker over several headlines, glued or one per line: one insert each")

_QUOTE = regex.compile(r"[\"“]")
_STORY_SENTENCE = regex.compile(r"\p{Ll}[.][\"”’]?[ \t\u00a0]+\p{Lu}")  # a sentence ends and the next begins
# the story's sentences (a headline may ask a question: "Kok Bisa? Ternyata Ini Alasannya")
_CLAUSE_END = regex.compile(r"[.;:][ \t\u00a0\u202f]+\S|\.[ \t\u00a0\u202f\r]*\Z")
# after a marker's colon, where two glued headlines meet: a word of five letters or more runs into a
# capitalised one ("…Perannya IkonikPotret …"), or a question or a bracket closes ("…?Deretan", "(part 2)Resep");
# names written in camel case ("WhatsApp", "GrabFood", "McMoRan", "iQoo") are no seam
_BOX_SEAM = regex.compile(r"(?<=\p{Ll}{5})(?=\p{Lu}\p{Ll}{3})|(?<=[?!)])(?=\p{Lu})")
_CAPITALISED = regex.compile(r"[\p{Lu}\d]")
# where two glued headlines meet: "…HijauProyek …", "…HGBTPrabowo …", "…Apa Itu?Mengenal …"
GLUED_BOX = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll}{2})|(?<=[?!)])(?=\p{Lu})")


def title_case(piece: str) -> bool:
    """Most words capitalised, the first one too: a headline in Title Case, not a sentence."""
    words = piece.split()
    if not words or not _CAPITALISED.match(words[0]):
        return False
    return sum(1 for w in words if _CAPITALISED.match(w)) >= 0.6 * len(words)


def glued_box(cfg: Inserts, draft: Draft, found: Findings, mk: Marker, start: int, lo: int, hi: int,
               pieces: list[tuple[int, int]] | None = None) -> None:
    """``Baca JugaHeadline OneHeadline Two"Quote...``: a box whose headlines were glued together.

    ``pieces``: the headlines' spans when the caller has already cut them.
    """
    text = draft.text
    if pieces is None:
        end = hi
        q = _QUOTE.search(text, lo, hi)
        if q:
            end = q.start()
        if draft.is_free(lo, lo + 1):
            end = draft.free_until(lo, end)  # no headline runs into what an earlier stage took (a repeated copy)
        pieces = box_pieces(text, lo, end, GLUED_BOX)
        # the story goes on glued to the last headline ("… di LokasiMereka disambut dengan …"): the first
        # piece holding a sentence that goes on, or too long for a headline, is the story; the short
        # pieces before it ("Enggak", "Berkerumun di Lokasi") are the last headline's glued link words
        for i, (a, b) in enumerate(pieces):
            if i and (_STORY_SENTENCE.search(text, a, b) or len(text[a:b].split()) > cfg.max_box_headline_words):
                pieces = pieces[:i]
                break
        pieces = merge_short(cfg.min_box_words, text, pieces)
    claim = found.claim("insert", start, lo, f"{BOX}/{mk.id}", label=mk.label, headline="")
    if claim is None:
        return
    found.claims.remove(claim)
    for i, (a, b) in enumerate(pieces):
        a2 = start if i == 0 else a
        found.claim("insert", a2, b, f"{BOX}/{mk.id}", label=mk.label, headline=text[a:b].strip())


def box_line(cfg: Inserts, text: str, lo: int, hi: int, another: Any) -> list[tuple[int, int]] | None:
    """The headlines of ``text[lo:hi]`` (the rest of a marker's line) when it holds only headlines glued together.

    ``Yuk baca juga:Headline One?Headline TwoHeadline Three⏎``: a few Title-Case headlines that
    meet without a space, the line ending with the last. Story text run on after a headline has
    sentences (a full stop and a space), so such a line is never read as a box; nor is a line
    where another marker follows (each marker takes its own headline).
    """
    if (hi - lo > cfg.max_box_headlines * cfg.max_line_headline or _CLAUSE_END.search(text, lo, hi)
            or another.search(text, lo + 1, hi)):
        return None  # too long, the story's sentences, or another marker: each marker has its own
    pieces = merge_short(cfg.min_box_words, text, box_pieces(text, lo, hi, _BOX_SEAM))
    box = 2 <= len(pieces) <= cfg.max_box_headlines and all(
        len(text[a:b].split()) <= cfg.max_box_headline_words and title_case(text[a:b]) for a, b in pieces
    )
    return pieces if box else None


def box_pieces(text: str, lo: int, end: int, seam: Any) -> list[tuple[int, int]]:
    """``text[lo:end]`` cut where two glued headlines may meet (``seam``)."""
    pieces: list[tuple[int, int]] = []
    pos = lo
    for m in seam.finditer(text, lo + 1, end):
        pieces.append((pos, m.start()))
        pos = m.start()
    pieces.append((pos, end))
    return pieces


def merge_short(min_words: int, text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Mend splits inside a headline: a glued link word ("EraAging", "MantuAl") is no boundary.

    A piece shorter than a headline (``min_words``) joins the next one, or the one before when it closes
    with ``?`` or ``!`` (the end of a headline).
    """
    # One pass, left to right (the pieces before the first short one are final), with word counts
    # kept per piece: re-splitting a growing piece was quadratic on a long line of glued words.
    if len(pieces) <= 1:
        return list(pieces)

    def words(a: int, b: int) -> int:
        return len(text[a:b].split())

    def joined(left: tuple[int, int, int], right: tuple[int, int, int]) -> tuple[int, int, int]:
        (a, b, n), (_, c, m) = left, right  # contiguous: b is where right starts
        glued = n and m and not text[b - 1].isspace() and not text[b].isspace()
        return a, c, n + m - (1 if glued else 0)

    def closes(piece: tuple[int, int, int]) -> bool:  # text[a:b].rstrip() ends with "?" or "!"
        i = piece[1]
        while i > piece[0] and text[i - 1].isspace():
            i -= 1
        return i > piece[0] and text[i - 1] in "?!"

    done: list[tuple[int, int, int]] = []  # final pieces, all long enough
    cur = (*pieces[0], words(*pieces[0]))
    j = 1  # the next piece not looked at yet
    while len(done) + 1 + len(pieces) - j > 1:
        if cur[2] >= min_words:
            done.append(cur)
            if j == len(pieces):
                return [(a, b) for a, b, _ in done]
            cur = (*pieces[j], words(*pieces[j]))
            j += 1
        elif (closes(cur) and done) or j == len(pieces):
            cur = joined(done.pop(), cur)
        else:
            cur = joined(cur, (*pieces[j], words(*pieces[j])))
            j += 1
    return [(a, b) for a, b, _ in (*done, cur)]  # one piece left
