"""A noise line rule's ``max_line``: a cheap check that passes over longer lines, never a lost match."""

from __future__ import annotations

import re
import re._parser as sre_parse  # the standard library's parser: a pattern's widest match, where it reads it
from typing import Any

import pytest
import regex

import articlekit
from articlekit.rules import load_locale, locale_from_text

LANGS = ("id", "en", "ms")


def _bounded(lang: str) -> list[Any]:
    return [r for r in load_locale(lang).schema.noise.rule if r.max_line is not None]


def _unguarded(rule: Any) -> Any:
    """The rule compiled as a line rule is without the check."""
    flags = regex.MULTILINE | (regex.IGNORECASE if rule.ignore_case else 0)
    return regex.compile(rf"^[ \t\u00a0]*(?:{rule.pattern})[ \t\u00a0\r]*$", flags)


@pytest.mark.parametrize("lang", LANGS)
def test_max_line_is_never_below_the_patterns_own_bound(lang: str) -> None:
    """A ``max_line`` below what the pattern can match would lose matches: each one is the pattern's bound."""
    rules = _bounded(lang)
    assert any(r.id == "contact-line" for r in rules)
    for rule in rules:
        assert rule.scope == "line"
        widest = sre_parse.parse(rule.pattern, re.IGNORECASE if rule.ignore_case else 0).getwidth()[1]
        assert widest <= rule.max_line, (rule.id, widest, rule.max_line)


def _contact(width: int) -> str:
    """An invented contact line of exactly ``width`` characters."""
    head = "Redaksi Warta Lembah, Jl. Kenari Raya 17, Telp: 0271 555 0101, Fax: 0271 555 0102, Email: meja@lembah.test"
    return head + " x" * ((width - len(head)) // 2) + "y" * ((width - len(head)) % 2)


@pytest.mark.parametrize("lang", LANGS)
def test_a_bounded_rule_matches_what_it_matched_without_the_check(lang: str) -> None:
    loc = load_locale(lang)
    compiled = {r.id: r.regex for r in loc.noise_rules}
    lines = [
        _contact(300), "  \u00a0" + _contact(300) + " \t\r", _contact(301), "\t" + _contact(299) + "\u00a0",
        _contact(120), "Telp: 1 Fax: 2", "Home › Berita › Daerah", "BAGIKAN", "  Berita Rekomendasi  \r",
        "Infografis " + "a" * 120, "Infografis " + "a" * 121, "via IFTTT",
        "Warga Desa Sukamaju menanam padi di sawah seluas " + "dua hektare " * 40 + "Telp: 1 Fax: 2",
    ]
    text = "\n".join(lines + [line + "\r" for line in lines]) + "\n"
    for rule in _bounded(lang):
        got = [m.span() for m in compiled[rule.id].finditer(text)]
        assert got == [m.span() for m in _unguarded(rule).finditer(text)], rule.id
    contact = [text[slice(*m.span())] for m in compiled["contact-line"].finditer(text)]
    assert _contact(300) in contact and "  \u00a0" + _contact(300) + " \t\r" in contact
    assert not any(_contact(301) in hit for hit in contact)


def test_the_stage_still_claims_a_contact_line() -> None:
    line = _contact(300)
    text = "JAKARTA - Warga Desa Sukamaju panen raya pekan ini.\n\n" + line + "\n"
    art = articlekit.parse(text, lang="id")
    assert any(s.why == "noise:contact-line" and text[s.start:s.end] == line for s in art.segments)


@pytest.mark.parametrize("body", ['scope = "inline"\nmax_line = 9', 'scope = "line"\nmax_line = 0'])
def test_max_line_is_a_positive_length_of_a_line_rule(body: str) -> None:
    text = f'base = "id"\nlang = "id"\nname = "x"\n[[noise.rule]]\nid = "bad"\n{body}\npattern = \'Iklan\'\n'
    with pytest.raises(articlekit.RuleError, match="max_line") as info:
        locale_from_text(text, path="bad.toml")
    assert info.value.field == "max_line"
