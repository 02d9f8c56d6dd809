"""The reference page (the original Suara.com dump) parses exactly."""

from __future__ import annotations

import datetime as dt

import articlekit


def test_seed_fields(seed_text: str) -> None:
    art = articlekit.parse(seed_text)
    assert art.outlet is not None
    assert (art.outlet.name, art.outlet.domain) == ("Suara.com", "suara.com")
    assert art.dateline is not None
    assert art.dateline.date == dt.date(2021, 10, 20)
    assert art.dateline.place is None
    assert art.attribution is not None
    assert art.attribution.sources == ["Antara", "Reuters"]
    assert [(b.heading, len(b.items)) for b in art.link_blocks] == [
        ("Berita Terkait", 5),
        ("Terpopuler", 5),
        ("Pilihan", 5),
        ("Terkini", 10),
    ]
    assert len(art.inserts) == 1
    assert art.inserts[0].headline.startswith("Perekonomian Ambruk")
    assert art.inserts[0].after_paragraph == 8
    assert len(art.paragraphs) == 11
    assert art.paragraphs[0].text.startswith("Rusia pada Rabu (20/10/2021) menyerukan")
    assert art.paragraphs[-1].text.endswith("yang berbatasan dengan Afghanistan.")
    assert "Sumber" not in art.body and "Baca Juga" not in art.body and "Berita Terkait" not in art.body
    # the woven date stays in the body, and its span points at it
    assert art.dateline.date_span is not None
    assert seed_text[art.dateline.date_span.start : art.dateline.date_span.end] == "Rabu (20/10/2021)"


def test_seed_items_are_headlines(seed_text: str) -> None:
    art = articlekit.parse(seed_text)
    popular = art.link_blocks[1]
    assert popular.items[0].title.startswith("5 Mobil Keluarga")  # the "- " is not part of the title
    for block in art.link_blocks:
        for item in block.items:
            assert seed_text[item.span.start : item.span.end].endswith(item.title)


def test_seed_explain_names_rules(seed_text: str) -> None:
    table = articlekit.parse(seed_text).explain()
    for why in ("prefix:D/suara", "inserts:line/baca-juga", "tail:source-paren", "links:heading"):
        assert why in table
