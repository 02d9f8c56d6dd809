"""Locale and outlet data: the bundled files load; bad files fail naming file, rule and field."""

from __future__ import annotations

from pathlib import Path

import pytest

import articlekit
from articlekit import RuleError, UnknownLanguage
from articlekit.rules import load_locale, load_outlets, locale_from_text

GOOD = Path(articlekit.__file__).parent / "data" / "locales" / "id.toml"


def test_bundled_data_loads() -> None:
    loc = load_locale("id")
    assert loc.month_index["agustus"] == 8 and loc.month_index["agt"] == 8
    assert loc.weekday_index["jumat"] == 4
    cat = load_outlets()
    assert len(cat) >= 25
    assert cat.lookup("KOMPAS.com") is not None
    assert cat.lookup("kompas.com") is not None


def test_unknown_language() -> None:
    with pytest.raises(UnknownLanguage, match="available: en, id, ms"):
        load_locale("xx")


def test_bad_pattern_names_rule_and_field() -> None:
    text = GOOD.read_text(encoding="utf-8").replace("id = \"gambas\"\nscope = \"inline\"\npattern = '",
                                                   "id = \"gambas\"\nscope = \"inline\"\npattern = '(((")
    with pytest.raises(RuleError) as info:
        locale_from_text(text, path="bad.toml")
    assert info.value.rule == "gambas" and info.value.field == "pattern"
    assert "bad.toml" in str(info.value)


def test_unknown_key_is_rejected() -> None:
    text = GOOD.read_text(encoding="utf-8").replace('lang = "id"', 'lang = "id"\ncolour = "blue"', 1)
    with pytest.raises(RuleError, match="colour"):
        locale_from_text(text, path="bad.toml")


def test_duplicate_rule_id() -> None:
    text = GOOD.read_text(encoding="utf-8").replace('id = "gambas"', 'id = "advertisement"')
    with pytest.raises(RuleError, match="duplicate") as info:
        locale_from_text(text, path="bad.toml")
    assert info.value.rule == "advertisement"


def test_invalid_toml() -> None:
    with pytest.raises(RuleError, match="not valid TOML"):
        locale_from_text("lang = ", path="bad.toml")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ('[[outlet]]\nid = "Bad Id"\nname = "X"\ndomain = "x.com"\n', "id"),
        ('[[outlet]]\nid = "x"\nname = "X"\ndomain = "X.COM"\n', "domain"),
        ('[[outlet]]\nid = "x"\nname = "X"\n', "outlet.0.domain"),
        ('[[outlet]]\nid = "x"\nname = "X"\ndomain = "x.com"\ncolour = 1\n', "outlet.0.colour"),
    ],
)
def test_bad_outlet_file(tmp_path: Path, body: str, field: str) -> None:
    p = tmp_path / "mine.toml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_outlets(p)
    assert info.value.field == field
    assert str(p) in str(info.value)


def test_missing_outlet_file(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="cannot read"):
        load_outlets(tmp_path / "nope.toml")


def test_user_file_overrides_by_id(tmp_path: Path) -> None:
    p = tmp_path / "mine.toml"
    p.write_text('[[outlet]]\nid = "kompas"\nname = "Kompas Baru"\ndomain = "kompas.id"\naliases = ["KOMPAS.com"]\n',
                 encoding="utf-8")
    cat = load_outlets(p)
    entry = cat.lookup("KOMPAS.com")
    assert entry is not None and entry.domain == "kompas.id"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Malay copy full of words Indonesian shares ("yang", "tersebut", "pihak"): the Malay-only words decide
        ("Pihak berkuasa berkata jalan tersebut ditutup selepas hujan lebat kerana tanah runtuh, "
         "iaitu kali kedua minggu ini. Orang ramai yang mahu ke sana perlu mengikut jalan lain.", "ms"),
        # Indonesian copy that uses a word Malay spells the same way ("polis" for an insurance policy)
        ("Perusahaan asuransi itu mengatakan pemegang polis bisa mengajukan klaim karena polis tersebut "
         "masih berlaku saat kejadian, yakni pada Senin pagi.", "id"),
        ("The ministry said on Monday that the new rules would take effect from next month, "
         "and that the change was in line with the plan.", "en"),
        # no telling word at all: the default
        ("Hujan turun di kota itu.", "id"),
    ],
)
def test_language_detection_tells_malay_from_indonesian(text: str, lang: str) -> None:
    assert articlekit.detect_language(text) == lang
    assert articlekit.parse(text).lang == lang


def test_a_pattern_may_be_a_list_of_phrases() -> None:
    """A long alternation is written one phrase a line; the loader joins them in the order written."""
    from articlekit.rules import locale_from_text

    head = 'base = "id"\nlang = "id"\nname = "x"\n[[noise.rule]]\nid = "kami-promo"\nscope = "inline"\n'
    as_list = locale_from_text(head + "pattern = [\n  'Ikuti kami di \\w+',\n  'Follow us',\n]\n", path="a.toml")
    as_text = locale_from_text(head + "pattern = '(?:Ikuti kami di \\w+)|(?:Follow us)'\n", path="b.toml")
    text = "JAKARTA - Warga senang. Ikuti kami di Instagram\nHarga naik. Follow us"
    a, b = (articlekit.Pipeline.default(locale=loc)(text) for loc in (as_list, as_text))
    assert a.segments == b.segments and any(s.why == "noise:kami-promo" for s in a.segments)
    with pytest.raises(articlekit.RuleError, match=r"rule 'bad'.*phrase 1 \('\(broken'\) is not a valid pattern"):
        locale_from_text(head.replace("kami-promo", "bad") + "pattern = ['ok', '(broken']\n", path="c.toml")
    with pytest.raises(articlekit.RuleError, match="one or more non-empty strings"):
        locale_from_text(head.replace("kami-promo", "bad") + "pattern = []\n", path="d.toml")


def test_a_pattern_may_name_lists_of_phrases() -> None:
    """``phrases.NAME`` (one phrase a line) is put in the rule's pattern where it says ``{NAME}``, as one group."""
    head = 'base = "id"\nlang = "id"\nname = "x"\n[[noise.rule]]\nid = "kami-promo"\nscope = "inline"\n'
    named = locale_from_text(head + "pattern = '{verbs} kami di {sites}'\nphrases.verbs = [\n  'Ikuti',\n"
                             "  'Follow',\n]\nphrases.sites = ['Instagram', 'X\\.com']\n", path="a.toml")
    inline = locale_from_text(head + "pattern = '(?:Ikuti|Follow) kami di (?:Instagram|X\\.com)'\n", path="b.toml")
    rule = next(r for r in named.schema.noise.rule if r.id == "kami-promo")
    assert rule.pattern == r"(?:Ikuti|Follow) kami di (?:Instagram|X\.com)"
    text = "JAKARTA - Warga senang. Ikuti kami di Instagram\nHarga naik. Follow kami di X.com"
    a, b = (articlekit.Pipeline.default(locale=loc)(text) for loc in (named, inline))
    assert a.segments == b.segments and any(s.why == "noise:kami-promo" for s in a.segments)
    # a property like \p{L} is no placeholder
    kept = locale_from_text(head + "pattern = '{w}\\p{L}+'\nphrases.w = ['Ikuti ']\n", path="c.toml")
    assert next(r for r in kept.schema.noise.rule if r.id == "kami-promo").pattern == r"(?:Ikuti )\p{L}+"
    for body, message in [
        ("pattern = '{verbs} kami'\nphrases.verb = ['Ikuti']\n", r"\{verbs\} names no list in phrases \(lists: verb\)"),
        ("pattern = 'Ikuti kami'\nphrases.sites = ['X']\n", "phrases sites used by no"),
        ("pattern = '{w} kami'\nphrases.w = ['ok', '(broken']\n", r"phrases.w\[1\] .* is not a valid pattern"),
        ("pattern = '{w} kami'\nphrases.w = []\n", "phrases.w holds one or more non-empty strings"),
    ]:
        with pytest.raises(RuleError, match=message) as info:
            locale_from_text(head + body, path="bad.toml")
        assert info.value.rule == "kami-promo" and str(info.value.field).endswith(".pattern")
        assert "bad.toml" in str(info.value)
    # [header] names lists for its body_caption_credits
    cap = locale_from_text('base = "id"\nlang = "id"\nname = "x"\n[header]\nbody_caption_credits = '
                           "['\\({who} Photo\\)']\nphrases.who = ['AP', 'AFP']\n", path="d.toml")
    assert r"\((?:AP|AFP) Photo\)" in cap.schema.header.body_caption_credits


def _widest_group(line: str) -> int:
    """The most alternatives of any one group of a line read as a regex (escapes and classes skipped)."""
    counts, widest, k = [1], 1, 0
    while k < len(line):
        ch = line[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "[":
            k += 2 if line[k + 1:k + 2] in ("^", "]") else 1
            while k < len(line) and line[k] != "]":
                k += 2 if line[k] == "\\" else 1
        elif ch == "(":
            counts.append(1)
        elif ch == ")" and len(counts) > 1:
            widest = max(widest, counts.pop())
        elif ch == "|":
            counts[-1] += 1
        k += 1
    return max(widest, *counts)


def test_no_data_line_is_a_long_alternation_of_phrases() -> None:
    """A long list of phrases in a pattern is written one phrase a line (``pattern = [...]`` or
    ``phrases.NAME = [...]``), so that a diff adding one is one line: no data line over 140 characters
    holds a group of more than four alternatives."""
    assert _widest_group(r"'(?:a|b(?:c|d)|[|]|\|)x'") == 4 and _widest_group("a|b|c") == 3
    data = Path(articlekit.__file__).parent / "data"
    long_lists = [f"{path.relative_to(data)}:{n}: {_widest_group(line)} alternatives"
                  for path in sorted(data.rglob("*.toml"))
                  for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                  if len(line) > 140 and _widest_group(line) > 4]
    assert not long_lists, "write these lists one phrase a line (phrases.NAME = [...]):\n" + "\n".join(long_lists)
