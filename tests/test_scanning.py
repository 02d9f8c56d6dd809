"""The gated scans give the same matches as scanning with every pattern everywhere."""

from __future__ import annotations

from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from articlekit import load_locale
from articlekit.draft import Draft
from articlekit.rules import load_outlets
from articlekit.scanning import line_starts_before, matches_at, starts
from articlekit.stages.inserts import Inserts
from articlekit.stages.noise import Noise

FIXTURES = Path(__file__).parent / "fixtures"
PIECES = ["Baca juga: ", "BACA JUGA", "Iklan", "Share", "Tweet", "\n", "\n\n", "  ", " ", "Halaman 2",
          "Komentar", "kata dia. ", "Jakarta - ", "Video", "Simak Video ", "ADVERTISEMENT", "#tag ",
          "Copyright © 2024", "(Baca: Judul Lain)", "Lihat Juga", "\u00a0", "x"]


@given(st.lists(st.sampled_from(PIECES), max_size=40))
@settings(max_examples=300, deadline=None)
def test_matches_at_equals_finditer(pieces: list[str]) -> None:
    text = "".join(pieces)
    word = regex.compile(r"(?:Baca|BACA)\s*(?:[Jj]uga|JUGA)|Video")
    line = regex.compile(r"^[ \t\u00a0]*(?:(?:Baca|BACA)\s*(?:[Jj]uga|JUGA)|Video)[^\n]*", regex.MULTILINE)
    inline = regex.compile(r"(?:Baca|BACA)\s*(?:[Jj]uga|JUGA)\s*:?|Video\w*")
    at = starts(word, text)
    assert [m.span() for m in matches_at(inline, text, at)] == [m.span() for m in inline.finditer(text)]
    assert [m.span() for m in matches_at(line, text, line_starts_before(text, at))] == [
        m.span() for m in line.finditer(text)
    ]


def test_matches_at_after_empty_match() -> None:
    pat = regex.compile(r"a*")
    text = "baab"
    assert [m.span() for m in matches_at(pat, text, range(len(text) + 1))] == [
        m.span() for m in pat.finditer(text)
    ]


def _claims(stage: object, text: str) -> list[tuple[str, int, int, str]]:
    locale = load_locale("id")
    draft = Draft.start(text, lang="id", locale=locale, outlets=load_outlets())
    found = stage(draft)  # type: ignore[operator]
    return [(c.kind, c.start, c.end, c.why) for c in found.claims]


def _ungated(monkeypatch: object, text: str) -> tuple[list[tuple[str, int, int, str]], ...]:
    import articlekit.stages.inserts as ins
    import articlekit.stages.noise as noi

    mp = monkeypatch
    # every rule and marker scans the whole text on its own
    mp.setattr(noi._LineGate, "build", classmethod(lambda cls, locale: cls(None, frozenset())))  # type: ignore[attr-defined]
    mp.setattr(ins, "starts", None)  # type: ignore[attr-defined]
    real = ins._compile

    def no_words(locale):  # type: ignore[no-untyped-def]
        pats = real(locale)
        markers = tuple(c.__class__(c.marker, c.line, c.inline, c.box, None) for c in pats.markers)
        return pats.__class__(markers, pats.credit, pats.another, pats.paren, pats.paren_markers, pats.stop)

    mp.setattr(ins, "_compile", no_words)  # type: ignore[attr-defined]
    load_locale("id").extra.clear()
    return _claims(Noise(), text), _claims(Inserts(), text)


def test_gated_stages_claim_what_full_scans_claim(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    gated = [(_claims(Noise(), t), _claims(Inserts(), t)) for t in texts]
    try:
        ungated = [_ungated(monkeypatch, t) for t in texts]
    finally:
        monkeypatch.undo()
        load_locale("id").extra.clear()
    assert sum(len(n) + len(i) for n, i in gated) > 100  # the fixtures do exercise both stages
    assert gated == ungated
