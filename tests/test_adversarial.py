"""Hostile input: pages built to break a parser, user data files built to hang it, corpora with
broken records. Each page must parse without error and keep every invariant; each bad data file
must fail at load naming the file, the rule and the field; a catastrophic user pattern must cost
a note, not a hang; a corpus with broken records must give one output per input.

The pages are generated here, not stored. Speed is measured in ``benchmarks/linearity.py``, not
here; but the inputs below that once took minutes (quadratic backtracking, quadratic scans) take
well under a second each now, so a regression shows up as a test run that does not end.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import regex

import articlekit
from articlekit import Pipeline, RuleError
from articlekit.cli import main as cli_main
from articlekit.invariants import violations
from articlekit.rules import PATTERN_TIMEOUT, TimedPattern, load_locale_file, load_outlets, locale_from_text

ROOT = Path(__file__).resolve().parent.parent


def _fill(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _sound(text: str) -> articlekit.Article:
    art = articlekit.parse(text)
    assert art.text == text
    problems = violations(art)
    assert problems == [], problems[:3]
    return art


# ---------------------------------------------------------------------------- the pages the issue names

MB = 1_000_000


def test_a_megabyte_with_no_newline() -> None:
    art = _sound(_fill("Warga menanam pohon di tepi sungai pada Rabu pagi. ", MB))
    assert len(art.paragraphs) == 1


def test_a_hundred_thousand_baca_juga_lines() -> None:
    art = _sound("Baca juga:\n" * 100_000)
    assert len(art.inserts) == 100_000
    assert art.body == ""


def test_fifty_thousand_lone_dashes() -> None:
    art = _sound("JAKARTA - Harga naik.\n" + "-\n" * 50_000 + "Warga senang.")
    assert [p.text for p in art.paragraphs] == ["Harga naik.", "Warga senang."]


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: "(" * MB, id="open-parens"),
        pytest.param(lambda: ")" * MB, id="close-parens"),
        pytest.param(lambda: "(" * (MB // 2) + ")" * (MB // 2), id="nested-parens"),
        pytest.param(lambda: _fill("(a/", MB), id="parens-slashes"),
        pytest.param(lambda: _fill("(fbr/wes/", MB), id="code-like"),
        pytest.param(lambda: "/" * MB, id="slashes"),
        pytest.param(lambda: _fill("/ ", MB), id="spaced-slashes"),
        pytest.param(lambda: _fill("(Sumber: ", 300_000), id="unclosed-sources"),
    ],
)
def test_repeated_parentheses_and_slashes(make: Callable[[], str]) -> None:
    _sound(make())


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: "A" * MB + " - Harga naik.", id="capitals"),
        pytest.param(lambda: "-" * MB + " Harga naik.", id="dashes"),
        pytest.param(lambda: _fill("A-", MB) + " - Harga naik.", id="capitals-and-dashes"),
        pytest.param(lambda: _fill("A.", MB) + " - Harga naik.", id="capitals-and-dots"),
        pytest.param(lambda: _fill("JAKARTA ", MB) + "- Harga naik.", id="capital-words"),
        pytest.param(lambda: _fill("JAKARTA - ", MB), id="datelines"),
        pytest.param(lambda: "—" * 300_000 + "\nJAKARTA – Harga naik.", id="em-dashes-then-dateline"),
    ],
)
def test_runs_of_capitals_and_dashes_at_the_start(make: Callable[[], str]) -> None:
    _sound(make())


def test_mixed_scripts_and_control_characters() -> None:
    unit = "Ab日本語\x00\x01\x1b\x7f\x85\u200b\u200e\u202e\ufeffالعربية한국어🙂\u00a0\t\x0b\x0c\u2028\u2029\r"
    _sound(_fill(unit, MB))


def test_every_control_and_format_character_at_the_body_start() -> None:
    for cp in [*range(0x20), *range(0x7F, 0xA1), 0x200B, 0x200E, 0x2028, 0x2029, 0x202E, 0xFEFF, 0x3000]:
        _sound(f"{chr(cp)}JAKARTA{chr(cp)}-{chr(cp)}Harga naik.{chr(cp)}\nBaca juga:{chr(cp)}Judul{chr(cp)}")


def test_lone_surrogates_from_a_bad_decode() -> None:
    raw = b"Jakarta (ANTARA) - Harga \xff\xfe naik \xc3\x28 pada Rabu (20/10/2021).\xed\xa0\x80\nBaca juga: \x80Judul\n"
    text = raw.decode("utf-8", "surrogateescape")
    assert any(0xDC80 <= ord(c) <= 0xDCFF for c in text)
    art = _sound(text)
    assert art.dateline is not None and art.dateline.place == "Jakarta"
    _sound(_fill(text, MB))
    _sound("\ud800\udfff\udc00" * 1000 + "JAKARTA - Harga naik.")  # unpaired and reversed halves


def test_random_bytes_decoded_badly() -> None:
    rng = random.Random(6)
    for _ in range(30):
        _sound(rng.randbytes(rng.randrange(1, 5000)).decode("utf-8", "surrogateescape"))


def test_a_long_parse_pauses_the_garbage_collector_and_restores_it() -> None:
    import gc

    from articlekit import StageError
    from articlekit.pipeline import PAUSE_GC_AT

    seen: list[bool] = []

    def probe(draft: articlekit.Draft) -> articlekit.Findings:
        seen.append(gc.isenabled())
        return draft.findings("probe")

    def boom(draft: articlekit.Draft) -> articlekit.Findings:
        raise RuntimeError("boom")

    nlp = Pipeline.default("id").add(probe, first=True)
    long_page = _fill("Warga menanam pohon.\n", PAUSE_GC_AT)
    nlp(long_page)
    nlp("Warga menanam pohon.")
    assert seen == [False, True] and gc.isenabled()
    nlp.add(boom)
    with pytest.raises(StageError):
        nlp(long_page)
    assert gc.isenabled()
    nlp.remove("boom")
    gc.disable()  # a caller who turned it off keeps it off
    try:
        nlp(long_page)
        assert not gc.isenabled()
    finally:
        gc.enable()


# ---------------------------------------------------------------------------- regressions: once super-linear

# Each of these took minutes or hours at this size before the fix named beside it.
ONCE_SLOW = {
    "capitals-and-dots-dateline": ( lambda n: _fill("A.", n) + " - Harga naik.",
                                    "prefix: place words bounded"),
    "twelve-words-then-a-long-token": (lambda n: "a " * 12 + "x" * n, "prefix: _PROSE lazy"),
    "weekday-then-spaces": (lambda n: "Senin" + " " * n + "x", "dates: {sp}*(?:,{sp}*)?"),
    "weekday-in-sentence-then-spaces": (lambda n: "Warga pada Rabu" + " " * n + "x", "dates"),
    "full-stop-spaces-paren": (lambda n: "a." + " " * n + "(b", "inserts/tail: lookahead before lookbehind"),
    "blank-lines": (lambda n: "\n" * n + "a", "id.toml: social-counters, share-buttons bounded"),
    "share-then-blank-lines": (lambda n: "Share" + "\n" * n + "x", "id.toml: social-counters bounded"),
    "halaman-then-spaces": (lambda n: "Halaman" + " " * n + "x", "id.toml: pager bounded"),
    "inline-baca-juga": (lambda n: _fill("harga naik.Baca juga: ", n), "inserts: credit search up to the next marker"),
    "glued-box-of-camel-case": (lambda n: "harga.Baca JugaAb" + "Ab" * (n // 2), "inserts: merge_short one pass"),
    "baca-juga-headline-lines": (lambda n: _fill("Baca juga: Harga Cabai Turun Lagi\n", n),
                                 "draft: Findings.is_free bisects"),
    "copyright-lines": (lambda n: _fill("Copyright © 2023 " * 5 + "\n", n), "draft: Findings.free_parts bisects"),
    "dateline-lines": (lambda n: _fill("JAKARTA - Harga naik.\n", n), "prefix: second-article match bounded"),
    "full-stops-and-commas": (lambda n: _fill("a.,", n), "header: _SHORT/_TITLE lazy"),
    "editor-then-spaces": (lambda n: "Editor" + " " * n + "x", "header: credit line"),
    "bare-baca-juga-then-blank-lines": (lambda n: _fill("Baca juga:\n" + "\n" * 20, n), "inserts: no line copies"),
    "caption-credits": (lambda n: _fill("Warga memanen padi. (Antara/Budi Santoso) ", n),
                        "captions: no copy of the rest of the body per credit"),
    "malay-gap-captions": (lambda n: _fill("Polis hadir kerana.   Anggota polis di lokasi kejadian. — Facebook ", n),
                           "captions: each gap's sentence search is bounded"),
    "malay-dash-credits": (lambda n: _fill("Polis hadir kerana. — Facebook Anggota ", n),
                           "captions: each credit looks back at most max_caption characters"),
    "malay-gaps-without-full-stops": (lambda n: _fill("kerana.   Anggota polis di lokasi kejadian ", n),
                                      "captions: each gap's sentence search is bounded"),
}


@pytest.mark.parametrize("name", sorted(ONCE_SLOW))
def test_once_super_linear_inputs(name: str) -> None:
    make, _fix = ONCE_SLOW[name]
    _sound(make(200_000))


# ---------------------------------------------------------------------------- the rewritten patterns mean the same

def _random_strings(alphabet: list[str], count: int, longest: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(longest))) for _ in range(count)]


@pytest.mark.parametrize(
    ("old", "new", "alphabet"),
    [
        pytest.param(r"(?:\S+\s+){12}\S*.*[.!?\"”]\s*\Z|(?:\S+\s+){25}",
                     r"(?:\S+\s+){12}.*?[.!?\"”]\s*\Z|(?:\S+\s+){25}",
                     ["a", "b", " ", ".", "!", "?", "\"", "”", "\t", "\u00a0", "\r"], id="prefix-prose"),
        pytest.param(r"(?!.*[.!?]\s*\Z)\S+(?:[ \t\u00a0]+\S+){0,7}", r"(?!.*?[.!?]\s*\Z)\S+(?:[ \t\u00a0]+\S+){0,7}",
                     ["a", " ", ".", "!", "?", ",", "\t", "\u00a0", "\n"], id="header-short"),
        pytest.param(r"(?![^\n]*[.,:;]\s*\Z)\S+(?:[ \t\u00a0]+\S+){2,29}",
                     r"(?![^\n]*?[.,:;]\s*\Z)\S+(?:[ \t\u00a0]+\S+){2,29}",
                     ["a", " ", ".", ",", ":", ";", "\t", "\n"], id="header-title"),
        pytest.param(r"Editor[ \t]*\|?[ \t]*:[ \t]*\|?(?P<v>[^\n]*)",
                     r"Editor[ \t]*(?:\|[ \t]*)?:[ \t]*\|?(?P<v>[^\n]*)",
                     ["Editor", " ", "\t", "|", ":", "a", "\n"], id="header-credit-line"),
        pytest.param(r"Rabu\b[ \t]*,?[ \t]*\((?P<d>\d)", r"Rabu\b[ \t]*(?:,[ \t]*)?\((?P<d>\d)",
                     ["Rabu", " ", "\t", ",", "(", "1", "x"], id="dates-weekday"),
        pytest.param(r"Halaman\s*:?\s*[\d\s]*", r"Halaman(?:\s{0,20}:)?[\d\s]{0,100}",
                     ["Halaman", " ", ":", "1", "\n", "x"], id="pager-within-bounds"),
    ],
)
def test_rewritten_patterns_match_what_the_old_ones_did(old: str, new: str, alphabet: list[str]) -> None:
    before, after = regex.compile(old), regex.compile(new)
    for s in _random_strings(alphabet, 4000, 30, seed=len(old)):
        for how in ("fullmatch", "match", "search"):
            a, b = getattr(before, how)(s), getattr(after, how)(s)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (how, s)


def test_soft_break_scan_matches_the_copying_version() -> None:
    from articlekit.stages.newsdate import _soft_break

    def reference(text: str, pos: int) -> bool:
        before = text[:pos].rstrip()
        after = text[pos + 1 :].lstrip(" \t\u00a0")
        return bool(before) and before[-1] not in ".!?\"”" and bool(after) and (after[0].islower() or after[0] in ",;")

    alphabet = ["a", "A", " ", "\t", "\u00a0", "\n", ".", ",", ";", "”", "\x1c", "\u3000"]
    for text in _random_strings(alphabet, 20_000, 12, seed=7):
        for pos in range(len(text)):
            assert _soft_break(text, pos) == reference(text, pos), (text, pos)


def _merge_short_reference(min_words: int, text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The glued-box merge as first written (restart after every merge: quadratic); the fast one must agree."""
    out = list(pieces)
    changed = True
    while changed and len(out) > 1:
        changed = False
        for i, (a, b) in enumerate(out):
            if len(text[a:b].split()) >= min_words:
                continue
            ends = text[a:b].rstrip().endswith(("?", "!"))
            if (ends and i > 0) or i == len(out) - 1:
                out[i - 1 : i + 1] = [(out[i - 1][0], b)]
            else:
                out[i : i + 2] = [(a, out[i + 1][1])]
            changed = True
            break
    return out


def test_glued_box_merge_matches_the_reference() -> None:
    from articlekit.stages.inserts import Inserts
    from articlekit.stages.inserts.boxes import merge_short

    n = Inserts().min_box_words
    rng = random.Random(66)
    alphabet = ["a", "b", " ", "  ", "?", "!", "\n", "\t", "X", "Yy", "? ", "! "]
    for _ in range(20_000):
        parts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(7))) for _ in range(rng.randrange(1, 12))]
        text = "".join(parts)
        pieces, pos = [], 0
        for part in parts:
            pieces.append((pos, pos + len(part)))
            pos += len(part)
        assert merge_short(n, text, pieces) == _merge_short_reference(n, text, pieces), parts


# ---------------------------------------------------------------------------- fuzzing finds

FUZZ = ROOT / "fuzz"


def _fuzz_inputs() -> list[Path]:
    return sorted(p for d in ("seeds", "crashes") if (FUZZ / d).is_dir() for p in (FUZZ / d).iterdir() if p.is_file())


@pytest.mark.parametrize("path", _fuzz_inputs(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fuzz_seeds_and_crashes_parse(path: Path) -> None:
    """The fuzzer's seeds and every crash it found (``fuzz/crashes``), as text decoded the harness's first way."""
    data = path.read_bytes()
    _sound(data.decode("utf-8", "surrogateescape"))
    _sound(data[1:].decode("utf-8", "surrogateescape"))


@pytest.mark.parametrize("path", _fuzz_inputs(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fuzz_seeds_and_crashes_through_the_harness(path: Path) -> None:
    """The same inputs read every way the harness reads them (needs atheris, for its data provider)."""
    pytest.importorskip("atheris")
    sys.path.insert(0, str(FUZZ))
    try:
        import fuzz_parse  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(FUZZ))
    fuzz_parse.check(fuzz_parse.text_of(path.read_bytes()))


# ---------------------------------------------------------------------------- untrusted data files

BASE = 'lang = "id"\nname = "mine"\nbase = "id"\n'


def _locale(tmp_path: Path, body: str, name: str = "mine.toml") -> Path:
    path = tmp_path / name
    path.write_text(BASE + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "rule", "field", "message"),
    [
        ('[[noise.rule]]\nid = "r1"\npattern = "((("\n', "r1", "pattern", "invalid pattern"),
        ('[[noise.rule]]\nid = "r1"\npattern = "a)|(b"\n', "r1", "pattern", "invalid pattern"),
        ('[[noise.rule]]\nid = "r1"\npattern = "x*"\n', "r1", "pattern", "empty string"),
        ('[[noise.rule]]\nid = "r1"\npattern = "x"\nscope = "page"\n', "r1", "scope", "scope"),
        ('[[noise.rule]]\nid = "r1"\npattern = "x"\nkind = "body"\n', "r1", "kind", "kind"),
        ('[[noise.rule]]\nid = "r1"\npattern = "x"\nkind = "credit"\n', "r1", "pattern", "(?P<name>"),
        ('[[noise.rule]]\nid = "r1"\npattern = "x"\ntimeout = 0\n', "r1", "timeout", "positive"),
        ('[[noise.rule]]\nid = "r1"\npattern = "x"\ntimeout = -1.5\n', "r1", "timeout", "positive"),
        ('[[noise.rule]]\nid = "r1"\npattern = "x"\ntimeout = nan\n', "r1", "timeout", "positive"),
        ('[[noise.rule]]\nid = "r1"\npattern = "x"\ntimeout = "soon"\n', "r1", "noise.rule", "number"),
        ('[[noise.rule]]\nid = "r1"\npattern = 5\n', "r1", "noise.rule", "string"),
        ('[[noise.rule]]\npattern = "x"\n', None, "noise.rule", "Field required"),
        ('[[noise.rule]]\nid = "r1"\npattern = "x"\ncolour = "red"\n', "r1", "colour", "Extra inputs"),
        ('[[inserts.marker]]\nid = "m1"\nlabel = "baca"\npattern = "[Bb]aca("\n', "m1", "pattern", "invalid"),
        ('[[inserts.marker]]\nid = "m1"\nlabel = "baca"\npattern = "(?:)"\n', "m1", "pattern", "empty string"),
        ('[[inserts.marker]]\nid = "m1"\nlabel = "baca"\npattern = "(?P<m>Baca)"\n', "m1", "pattern", "reserved"),
        ('[[header.line]]\nid = "h1"\npattern = "[unclosed"\n', "h1", "pattern", "invalid"),
        ('[[header.caption]]\nid = "c1"\npattern = "[z-a]"\n', "c1", "pattern", "invalid"),
        ('[tail]\nend_marks = ["(*)"]\n', "end_marks[", "tail.end_marks", "invalid"),
        ('[dates.timezones]\nWIB = "+7"\n', "WIB", "dates.timezones", "HH:MM"),
        ('[dates.timezones]\n"W(B" = "+07:00"\n', "W(B", "dates.timezones", "time zone name"),
        ('[header]\nbody_caption_credits = ["(unclosed"]\n', "body_caption_credits[", "header.body_caption_credits",
         "invalid"),
    ],
)
def test_bad_locale_file_names_file_rule_and_field(tmp_path: Path, body: str, rule: str | None, field: str,
                                                   message: str) -> None:
    path = _locale(tmp_path, body)
    with pytest.raises(RuleError) as info:
        load_locale_file(path)
    err = info.value
    assert err.path == str(path) and str(path) in str(err)
    assert err.rule == rule or (rule is not None and (err.rule or "").startswith(rule)), err
    assert field in (err.field or ""), err
    assert message in str(err)
    with pytest.raises(RuleError):  # the same through the pipeline and the command line
        Pipeline.default(locale=path)
    assert cli_main(["parse", "--locale", str(path), str(ROOT / "examples" / "page.txt")]) == 2


def test_unreadable_and_undecodable_data_files(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b'lang = "id"\nname = "caf\xe9"\n')
    with pytest.raises(RuleError, match="cannot read") as info:
        load_locale_file(bad)
    assert info.value.path == str(bad)
    with pytest.raises(RuleError, match="cannot read"):
        load_outlets(bad)
    with pytest.raises(RuleError, match="cannot read"):
        load_locale_file(tmp_path / "missing.toml")
    with pytest.raises(RuleError, match="cannot read"):
        load_locale_file(tmp_path)  # a folder
    with pytest.raises(RuleError, match="not valid TOML"):
        locale_from_text("[[noise.rule]\n", path="broken.toml")


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ('aliases = [" "]', "aliases"),
        ('aliases = ["-"]', "aliases"),
        ('aliases = ["x' + "y" * 200 + '"]', "aliases"),
        ('aliases = ["two\\nlines"]', "aliases"),
        ('codes = ["  "]', "codes"),
        ('aliases = "Mine"', "outlet.0.aliases"),
        ('aliases = [1]', "outlet.0.aliases.0"),
    ],
)
def test_bad_outlet_entries_name_the_rule_and_field(tmp_path: Path, entry: str, field: str) -> None:
    path = tmp_path / "outlets.toml"
    path.write_text(f'[[outlet]]\nid = "mine"\nname = "Mine"\ndomain = "mine.id"\n{entry}\n', encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_outlets(path)
    assert info.value.path == str(path)
    assert info.value.rule == "mine"
    assert info.value.field == field


def test_blank_outlet_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "outlets.toml"
    path.write_text('[[outlet]]\nid = "mine"\nname = "  "\ndomain = "mine.id"\n', encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_outlets(path)
    assert (info.value.rule, info.value.field) == ("mine", "name")


# ---------------------------------------------------------------------------- catastrophic user patterns

CATASTROPHIC = "(?:a|aa)+!"  # exponential on a run of "a" with no "!": hours for 60 characters
HOSTILE_PAGE = "JAKARTA - Harga naik pada Rabu (20/10/2021).\nADVERTISEMENT\n" + "a" * 60 + "\nWarga senang."


def test_the_catastrophic_pattern_really_is_one() -> None:
    with pytest.raises(TimeoutError):
        regex.compile(CATASTROPHIC).search("a" * 60, timeout=0.2)


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        (f'[[noise.rule]]\nid = "hostile"\nscope = "inline"\npattern = \'{CATASTROPHIC}\'\n', "noise"),
        (f'[[noise.rule]]\nid = "hostile"\npattern = \'{CATASTROPHIC}\'\n', "noise"),
        (f'[[header.line]]\nid = "hostile"\npattern = \'{CATASTROPHIC}\'\n', "header"),
        (f'[[inserts.marker]]\nid = "hostile"\nlabel = "x"\npattern = \'{CATASTROPHIC}\'\n', "inserts"),
        (f'[tail]\nend_marks = [\'{CATASTROPHIC}\']\n', "tail"),
        (f'[header]\nbody_caption_credits = [\'{CATASTROPHIC}\']\n', "captions"),
    ],
)
def test_a_catastrophic_user_pattern_becomes_a_note(tmp_path: Path, body: str, stage: str) -> None:
    nlp = Pipeline.default(locale=load_locale_file(_locale(tmp_path, body), pattern_timeout=0.05))
    # (the tail's text closes with the hostile run and a full stop: a lone word under a noise line closing the text
    # is a UI word the leftovers stage takes before the tail looks at it)
    page = HOSTILE_PAGE if stage != "tail" else HOSTILE_PAGE.replace("\nWarga senang.", ".")
    if stage == "header":
        page = "a" * 60 + "\n" + page.replace("JAKARTA - ", "")  # a leading line the header rules look at
    for errors in ("raise", "note"):
        art = nlp(page, errors=errors)  # type: ignore[arg-type]  # the pattern alone would run for hours
        assert violations(art) == []
        notes = [n for n in art.notes if "gave up after 0.05s" in n]
        assert notes and notes[0].startswith(f"{stage}: "), art.notes
        assert any(name in notes[0] for name in ("'hostile'", "end_marks", "body_caption_credits")), notes[0]
        assert "mine.toml" in notes[0]
    if stage == "noise":  # the other rules of the stage still ran
        assert [art.segment_text(s) for s in art.segments_of("noise")] == ["ADVERTISEMENT"]


def test_a_rule_timeout_overrides_the_locale_default(tmp_path: Path) -> None:
    path = _locale(tmp_path, '[[noise.rule]]\nid = "slowish"\npattern = "Iklan"\ntimeout = 2.5\n')
    loc = load_locale_file(path)
    assert loc.pattern_timeout == PATTERN_TIMEOUT
    rule = next(r for r in loc.noise_rules if r.id == "slowish")
    assert isinstance(rule.regex, TimedPattern) and rule.timeout == 2.5
    other = next(r for r in loc.noise_rules if r.id != "slowish")  # the base's rules are timed as well
    assert isinstance(other.regex, TimedPattern) and other.timeout == PATTERN_TIMEOUT
    assert articlekit.load_locale("id").pattern_timeout is None  # bundled data is trusted, not timed
    assert not isinstance(articlekit.load_locale("id").noise_rules[0].regex, TimedPattern)


def test_a_user_locale_parses_like_the_bundled_one(tmp_path: Path) -> None:
    nlp = Pipeline.default(locale=_locale(tmp_path, ""))
    text = (ROOT / "examples" / "page.txt").read_text(encoding="utf-8")
    assert nlp(text).model_dump() == Pipeline.default("id")(text).model_dump()


def test_a_corpus_run_with_a_catastrophic_pattern_ends(tmp_path: Path) -> None:
    path = _locale(tmp_path, f'[[noise.rule]]\nid = "hostile"\nscope = "inline"\npattern = \'{CATASTROPHIC}\'\n'
                             "timeout = 0.05\n")
    nlp = Pipeline.default(locale=path)
    pages = [HOSTILE_PAGE, "JAKARTA - Harga naik.", HOSTILE_PAGE] * 4
    for workers in (None, 2):
        arts = list(articlekit.parse_many(pages, pipeline=nlp, workers=workers))
        assert len(arts) == len(pages)
        assert all(violations(a) == [] for a in arts)
        assert sum(any("gave up" in n for n in a.notes) for a in arts) == 8
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(pages)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli_main(["parse", str(src), "--locale", str(path), "-o", str(out), "-q"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == list(range(len(pages)))
    assert sum(any("gave up" in n for n in r["notes"]) for r in rows) == 8


# ---------------------------------------------------------------------------- batch safety

N_RECORDS = 10_000
ENORMOUS = _fill("Warga menanam pohon di tepi sungai pada Rabu pagi. ", 1_500_000)
ENORMOUS_AT = (4050, 8050)  # two of the broken hundred are enormous texts (the second with a lone surrogate)


def _page(i: int) -> str:
    return f"JAKARTA - Harga cabai turun {i} persen.\nBaca juga: Judul Berita {i}"


def _broken_objects() -> dict[int, object]:
    """Every 100th record of the batch is broken somehow (1%): wrong types, bytes, enormous text."""
    kinds: list[object] = [None, 42, 3.5, ["a", "list"], {"text": "a dict"}, b"JAKARTA - bytes",
                           b"\xff\xfe not utf-8", bytearray(b"x")]
    broken = {i: kinds[k % len(kinds)] for k, i in enumerate(range(50, N_RECORDS, 100))}
    broken[ENORMOUS_AT[0]], broken[ENORMOUS_AT[1]] = ENORMOUS, ENORMOUS.replace(".", "\ud800", 1)
    return broken


def test_parse_many_gives_one_article_per_record_with_a_clear_error() -> None:
    broken = _broken_objects()
    texts = [broken.get(i, _page(i)) for i in range(N_RECORDS)]
    arts = list(articlekit.parse_many(texts))
    assert len(arts) == N_RECORDS
    for i, art in enumerate(arts):
        value = texts[i]
        if isinstance(value, str):
            assert violations(art) == [] and art.text == value
            if i not in broken:
                assert art.dateline is not None and art.inserts[0].headline == f"Judul Berita {i}"
        else:
            assert art.text == ""
            assert art.notes == [f"input: not a str but {type(value).__name__}"
                                 f"{' (decode bytes first)' if isinstance(value, bytes | bytearray) else ''}"
                                 "; nothing parsed"]


def _jsonl_lines() -> tuple[list[bytes], dict[int, str]]:
    """10,000 JSON Lines, 1% broken: wrong types, missing text, bad JSON, bad bytes, enormous text."""
    broken_lines: list[tuple[bytes, str]] = [
        (b'{"id": %d, "text": 42}', "not a string but int"),
        (b'{"id": %d, "text": null}', "null"),
        (b'{"id": %d, "body": "no text field"}', "missing"),
        (b'{"id": %d, "text": ["a", "list"]}', "not a string but list"),
        (b'{"id": %d, "text": "unterminated', "bad JSON"),
        (b'[%d, "not an object"]', "must be a JSON object"),
        (b'{"id": %d, "text": "bad \xff\xfe bytes"}', "not valid utf-8"),
        (b'\x00\x01%d garbage', "bad JSON"),
    ]
    lines: list[bytes] = []
    errors: dict[int, str] = {}
    for i in range(N_RECORDS):
        if i == ENORMOUS_AT[0]:
            lines.append(json.dumps({"id": i, "text": ENORMOUS}).encode())
        elif i == ENORMOUS_AT[1]:  # a lone surrogate, escaped: valid JSON, but no UTF-8 can hold it
            lines.append(json.dumps({"id": i, "text": ENORMOUS.replace(".", "\ud800", 1)}).encode())
        elif i % 100 == 50:
            template, error = broken_lines[(i // 100) % len(broken_lines)]
            lines.append(template % i)
            errors[i] = error
        else:
            lines.append(json.dumps({"id": i, "text": _page(i)}).encode())
    return lines, errors


def test_cli_gives_one_line_per_record_with_a_clear_error(tmp_path: Path) -> None:
    lines, errors = _jsonl_lines()
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.jsonl"
    status = cli_main(["parse", str(src), "-o", str(out), "-q", "--workers", "2"])
    assert status == 1  # some records could not be parsed: said in the exit code, not by dropping them
    data = out.read_bytes()
    assert data.endswith(b"\n")
    rows = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    assert len(rows) == N_RECORDS
    for i, row in enumerate(rows):
        if i == ENORMOUS_AT[1]:  # parsed; the surrogate comes back as a JSON escape, not as an error
            assert row["id"] == i and row.get("error") is None and row["text"] == ENORMOUS.replace(".", "\ud800", 1)
        elif i in errors:
            assert errors[i] in row["error"], (i, row)
            assert row.get("line") == i + 1 and row.get("source") == str(src)
        else:
            assert row.get("error") is None, (i, row.get("error"))
            assert row["id"] == i


def _children(pid: int) -> set[int]:
    """The child processes of ``pid`` (Linux /proc), empty where /proc does not tell."""
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            out.update(int(x) for x in (task / "children").read_text().split())
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _signal_a_cli_run(tmp_path: Path, workers: str, sig: int) -> tuple[int, bytes, list[dict[str, object]], set[int]]:
    """Start a real ``articlekit parse`` run over 50,000 records; send ``sig`` once it has written
    a few batches. Returns its exit status, its stderr, the rows written and the worker pids seen."""
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(50_000):
            fh.write(json.dumps({"id": i, "text": _page(i)}) + "\n")
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    command = [sys.executable, "-m", "articlekit", "parse", str(src), "-o", str(out), "--workers", workers]
    # The run gets SIGINT's default disposition whatever pytest inherited: a shell starts a background
    # job (`pytest &`, CI runners) with SIGINT ignored, exec keeps it ignored, and Python then installs
    # no KeyboardInterrupt handler, so the signal would do nothing.
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=_default_sigint)
    seen: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 2_000_000):
            seen |= _children(proc.pid)
            time.sleep(0.05)  # wait until it has written a few batches (a batch is 1 MB of lines)
        seen |= _children(proc.pid)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    data = out.read_bytes()
    assert data and data.endswith(b"\n")
    rows = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    assert [r["id"] for r in rows] == list(range(len(rows)))  # whole lines only, in order
    return proc.returncode, err, rows, seen


@pytest.mark.parametrize("workers", ["1", "2"])
def test_interrupted_cli_run_leaves_no_half_written_line(tmp_path: Path, workers: str) -> None:
    """A real Ctrl-C (SIGINT) to a real process in the middle of a run."""
    status, err, rows, _ = _signal_a_cli_run(tmp_path, workers, signal.SIGINT)
    assert status == 130, err
    assert rows and b"interrupted" in err


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_terminated_cli_run_stops_its_workers(tmp_path: Path) -> None:
    """SIGTERM (a scheduler stopping the job) is handled like Ctrl-C: whole lines, no orphaned workers."""
    status, err, rows, workers = _signal_a_cli_run(tmp_path, "2", signal.SIGTERM)
    assert status == 143, err
    assert rows and b"interrupted" in err
    assert workers, "the run started no worker processes"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.1)
    assert not any(_alive(p) for p in workers), "worker processes outlived the terminated run"


def test_interrupt_swallowed_inside_a_callback_still_stops_the_run(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """pydantic-core turns a KeyboardInterrupt raised in a serializer callback into its own error; a run
    whose Ctrl-C landed there went on to the end. The run keeps the signal and stops at the next line."""
    from articlekit import json_lines

    real = json_lines.article_json
    calls = 0

    def swallowing(article: articlekit.Article) -> str:
        nonlocal calls
        calls += 1
        if calls == 3:
            try:  # what a library that catches every exception in a callback does with the interrupt
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(0.5)  # the handler runs here, between bytecodes
            except BaseException:  # the point of the test
                pass
        return real(article)

    monkeypatch.setattr(json_lines, "article_json", swallowing)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # also when pytest runs as a background job
    try:
        src = tmp_path / "in.jsonl"
        src.write_text("".join(json.dumps({"id": i, "text": _page(i)}) + "\n" for i in range(6)), encoding="utf-8")
        out = tmp_path / "out.jsonl"
        status = cli_main(["parse", str(src), "-o", str(out), "-q", "--workers", "1"])
    finally:
        signal.signal(signal.SIGINT, previous)
    assert status == 130
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [0, 1]  # the third line was being made when the signal came: not written


def test_article_json_hides_only_what_it_can_write_another_way() -> None:
    """The escape fallback is for lone surrogates; any other serializer error is raised, not dropped."""
    from pydantic_core import PydanticSerializationError

    from articlekit.json_lines import article_json

    article = articlekit.parse("JAKARTA - Warga memanen padi\ud800 di sawah.")
    assert "\\ud800" in article_json(article)

    class Broken(articlekit.Article):
        def model_dump_json(self, **kwargs: object) -> str:  # type: ignore[override]
            raise PydanticSerializationError("Error serializing to JSON: KeyboardInterrupt: ")

    broken = Broken.model_validate(article.model_dump())
    with pytest.raises(PydanticSerializationError):
        article_json(broken)
