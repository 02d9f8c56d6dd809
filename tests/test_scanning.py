"""The gated scans give the same matches as scanning with every pattern everywhere."""

from __future__ import annotations

from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from articlekit import load_locale
from articlekit.draft import Draft
from articlekit.rules import load_outlets
from articlekit.scanning import (
    LiteralGate,
    line_starts_before,
    literal_trie,
    lookbehind_starts,
    matches_at,
    required_literals,
    starts,
)
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


LOOKBEHIND = [
    r'(?:(?<=[.!?"][ \t]{1,3})(?P<name>\p{Ll}{2,8}(?:/\p{Ll}{2,8}){1,4}(?=[ \t]*$)|\p{Lu}{2,4}(?=\s*\Z)))',
    r"(?<=\b(?:Baca|BACA) ?)(?:[Jj]uga|JUGA)\s*:?",
    r"(?<=^|\n)Video\w*",
    r"(?<=a)(?:b|c(?<=bc))",
]


@given(st.lists(st.sampled_from([*PIECES, "abc. ", "xy/zq", "AB", ". ab/cd", "!  RK", "bc", "a"]), max_size=40),
       st.sampled_from(LOOKBEHIND))
@settings(max_examples=300, deadline=None)
def test_lookbehind_starts_gives_the_matches_of_finditer(pieces: list[str], source: str) -> None:
    text = "".join(pieces)
    pat = regex.compile(source, regex.MULTILINE)
    offsets = lookbehind_starts(pat)
    assert offsets is not None
    assert [m.span() for m in matches_at(pat, text, offsets(text))] == [m.span() for m in pat.finditer(text)]


def test_lookbehind_starts_declines_what_it_cannot_follow() -> None:
    for source in [r"(?<=a)b|c", r"(?<!a)b", r"b(?<=b)", r"(?:(?<=a)b)|c", r"(?=a)a"]:
        assert lookbehind_starts(regex.compile(source)) is None, source


def _claims(stage: object, text: str) -> list[tuple[str, int, int, str]]:
    locale = load_locale("id")
    draft = Draft.start(text, lang="id", locale=locale, outlets=load_outlets())
    found = stage(draft)  # type: ignore[operator]
    return [(c.kind, c.start, c.end, c.why) for c in found.claims]


def _ungated(monkeypatch: object, text: str) -> tuple[list[tuple[str, int, int, str]], ...]:
    import articlekit.stages.inserts.patterns as ins_patterns
    import articlekit.stages.inserts.stage as ins
    import articlekit.stages.noise as noi

    mp = monkeypatch
    # every rule and marker scans the whole text on its own
    mp.setattr(noi._LineGate, "build", classmethod(lambda cls, locale, keep=None: cls(None, frozenset())))  # type: ignore[attr-defined]
    mp.setattr(ins, "starts", None)  # type: ignore[attr-defined]
    # and no literal gate skips a rule or a marker
    mp.setattr(noi, "required_literals", lambda pattern: None)  # type: ignore[attr-defined]
    mp.setattr(ins, "required_literals", lambda pattern: None)  # type: ignore[attr-defined]
    mp.setattr(noi, "lookbehind_starts", lambda pattern: None)  # type: ignore[attr-defined]
    real = ins_patterns._compile

    def no_words(locale):  # type: ignore[no-untyped-def]
        pats = real(locale)
        markers = tuple(c.__class__(c.marker, c.line, c.inline, c.box, None) for c in pats.markers)
        return pats.__class__(markers, pats.credit, pats.another, pats.paren, pats.paren_markers, pats.stop)

    mp.setattr(ins_patterns, "_compile", no_words)  # type: ignore[attr-defined]
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


# ---------------------------------------------------------------------------- literal tries and gates

WORDS = ["a", "ab", "abc", "b", "ba", "bab", "A", "AB", "Ab", "c", "ca", "x y", "a.b"]


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), st.text(alphabet="aAbBc. xy", max_size=30),
       st.sampled_from(["", "c", "b", "(?!a)", r"\b"]))
@settings(max_examples=400, deadline=None)
def test_literal_trie_matches_what_the_alternation_matches(words: list[str], text: str, after: str) -> None:
    alternation = "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
    for ignore_case, flags in ((False, 0), (True, regex.IGNORECASE)):
        plain = regex.compile(rf"(?:{alternation}){after}", flags)
        trie = regex.compile(rf"(?:{literal_trie(words, ignore_case=ignore_case)}){after}", flags)
        assert [m.span() for m in trie.finditer(text, overlapped=True)] == [
            m.span() for m in plain.finditer(text, overlapped=True)
        ]


def test_required_literals_reads_what_a_match_must_hold() -> None:
    def lits(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
        return required_literals(regex.compile(pattern, flags))

    assert lits(r"(?:Ikuti (?:a|b)|\(?(?:Ayo )?[Ii]kuti x+|Simak\s+y)") == ("Ikuti ", "Simak", "kuti ")
    assert lits(r"^[ \t]*(?:Foo|Bar baz)[ \t]*$", regex.MULTILINE) == ("Bar baz", "Foo")
    assert lits(r"a?b") == ("b",)
    assert lits(r"(?P<x>ab)+c") == ("ab",)
    # not known: no gate
    for pattern in (r"(?i:abc)", r"x(?i)y", r"\d+", r"a?", r"(?=abc)\w", r"[ab]c?", r"(?:abc){e<=1}"):
        assert lits(pattern) is None, pattern
    assert lits("abc", regex.IGNORECASE) is None


def test_required_literals_hold_for_every_bundled_rule_on_the_fixtures() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    checked = 0
    for lang in ("id", "ms", "en"):
        locale = load_locale(lang)
        patterns = [r.regex for r in locale.noise_rules]
        patterns += [locale.compile(c, rule="c") for c in locale.schema.header.body_caption_credits]
        for pattern in patterns:
            need = required_literals(pattern)
            if need is None:
                continue
            for text in texts:
                for m in pattern.finditer(text):
                    assert any(lit in m.group() for lit in need), (pattern.pattern, m.group(), need)
                    checked += 1
    assert checked > 50


@given(st.dictionaries(st.sampled_from("klmnop"), st.one_of(st.none(), st.lists(st.sampled_from(WORDS), min_size=1,
                                                                                      max_size=3).map(tuple))),
       st.text(alphabet="aAbBc. xy", max_size=30))
@settings(max_examples=300, deadline=None)
def test_literal_gate_lives_exactly_where_a_literal_occurs(needs: dict[str, tuple[str, ...] | None], text: str) -> None:
    want = {k for k, lits in needs.items() if lits is None or any(lit in text for lit in lits)}
    assert LiteralGate(needs).live(text) == want
