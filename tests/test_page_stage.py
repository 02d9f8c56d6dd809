"""The page stage's line tests on small strings (whole pages are pinned by the p* fixtures)."""

from __future__ import annotations

import pytest

from articlekit.draft import Draft
from articlekit.rules import load_locale, load_outlets
from articlekit.stages.page import PageLayout


def _draft(text: str, lang: str = "id") -> Draft:
    return Draft.start(text, lang=lang, locale=load_locale(lang), outlets=load_outlets(lang=lang))


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Berita Terkait", "heading"),
        ("Berita Kota Lainnya", "heading"),  # a heading word and at most two more
        ("Pilihan Untukmu", "heading"),
        ("Simak Hiburan Populer Lainnya", "heading"),
        ("Nama Tokoh: Berita Terkait", "heading"),  # "Name: heading" counts what follows the colon
        ("Tag Terkait", "tags"),
        ("Terkini Nasional Internasional Olahraga Pendidikan", None),  # section menu glued on one line
        ("Terkini Gaya Hidup Senggang Wisata", None),
        ("Harga cabai terkini naik lagi di pasar induk kota.", None),  # a sentence
    ],
)
def test_heading_kind(line: str, kind: str | None) -> None:
    assert PageLayout().heading_kind(_draft(line), line) == kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Nama Artis: Foto", "heading"),  # a name, a colon and a topic section
        ("NAMA ARTIS: VIDEO", "heading"),
        ("Foto", None),  # a topic section alone is a menu word
    ],
)
def test_topic_section_after_a_name(line: str, kind: str | None) -> None:
    assert PageLayout().heading_kind(_draft(line), line) == kind
