"""The page stage's line tests on small strings (whole pages are pinned by the p* fixtures)."""

from __future__ import annotations

import pytest

from articlekit.draft import Draft
from articlekit.rules import load_locale, load_outlets
from articlekit.stages.page import PageLayout


def _draft(text: str, lang: str = "id") -> Draft:
    return Draft.start(text, lang=lang, locale=load_locale(lang), outlets=load_outlets())


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


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Selasa, 10 Juni 2025 | 14:30 WIB", True),
        ("Kompas.com - 10/06/2025, 14:30 WIB", True),
        ("Senin (9/6/2025)", True),
        # a sentence that ends with a date is the story's, not the page's
        ("Kisahnya terungkap saat pemuda itu ditemukan polisi Senin (9/6/2025).", False),
        ("Gempa itu berkekuatan magnitudo 3,1, Selasa (10/6/2025)", False),
    ],
)
def test_a_stamp_line_is_mostly_its_date(line: str, furniture: bool) -> None:
    draft = _draft(line)
    assert PageLayout()._stamp_line(draft, draft.lines[0]) is furniture


def test_a_marker_line_is_no_page_furniture() -> None:
    from articlekit.stages.page.shapes import furniture

    draft = _draft("Baca juga:")
    marker = furniture(draft).marker_line
    assert marker.fullmatch("Baca juga:") and marker.fullmatch("BACA JUGA :")
    assert not marker.fullmatch("Baca juga: Harga Cabai Turun")


@pytest.mark.parametrize(
    ("text", "index", "broken"),
    [
        ("Kriminolog itu berkata kepada\nKompas.com,\nSelasa (10/6/2025).", 2, True),  # the line before left a comma
        ("Kapten tim\nWataru Endo\nmenyebut timnya tertekan.", 1, True),  # a link's words, the sentence going on
        ("Kapten tim\nWataru Endo\nmenyebut timnya tertekan.", 2, True),
        ("Berita Terkait\nHarga Cabai Naik Lagi\nHarga Beras Turun", 1, False),  # headlines under a heading
    ],
)
def test_broken_pieces_of_a_body_scrape(text: str, index: int, broken: bool) -> None:
    draft = _draft(text)
    assert PageLayout._broken_piece(draft, draft.lines[index]) is broken


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("2023-05-14", "2023-05-14"),
        ("Diposting 2023-05-14 08:30", "2023-05-14T08:30:00"),
        ("2023-05-14T08:30:12Z", "2023-05-14T08:30:00+00:00"),
    ],
)
def test_an_iso_stamp_is_a_timestamp(line: str, stamp: str) -> None:
    from articlekit.stages.page import stamp as as_iso

    draft = _draft(line, "en")
    reading = PageLayout().timestamp(draft, draft.lines[0])
    assert reading is not None
    value = as_iso(reading)
    assert value is not None and value.isoformat() == stamp


def test_unspaced_scripts_count_two_characters_a_word() -> None:
    from articlekit.stages.page.shapes import word_count
    from articlekit.stages.page.texture import capital_share

    line = "今日は朝から雨が降っていたので、駅まで歩いて行きました。"  # 27 characters, one "word" by spaces
    assert word_count(line) >= 12
    assert capital_share(line) == 0.0
    assert word_count("Harga cabai naik") == 3


def test_a_far_repeated_title_does_not_move_the_stamp() -> None:
    """A title found only as a line printed twice far above (a menu's featured post) leaves the
    published stamp to the one next to the post ("About rust" is too short to be taken as the title)."""
    import articlekit

    menu = "\n".join(["Home", "Shop", "Rust Guard Spray 2", "Blog", "Rust Guard Spray 2", "Contact", "Videos",
                      "Events", "Forum", "Gallery", "Dealers", "Podcast", "Jobs", "About us"])
    story = "\n\n".join(
        "Rust starts where water sits. " + s for s in (
            "Wash the frame after every winter ride and dry the joints with a cloth before you store the bike.",
            "A thin coat of wax on the chain stays and the bolts keeps salt away for most of the season ahead.",
            "Check the cables too, because water that runs down the housing stays there for days in the cold."))
    text = f"{menu}\n\nHome » Blog »\n\nAbout rust\n\nMarch 3, 2020\nPosted by Mara\n\n{story}\n"
    art = articlekit.parse(text)
    assert art.published is not None and str(art.published) == "2020-03-03"
    assert "Wash the frame after every winter ride" in art.body
    assert art.title != "Posted by Mara"  # a byline ("Posted by" is an English byline word)


_BOX_PAGE = """Skip to main content
News
World
Politics
Business
Science
Sports

Harbour board hearing: five moments from the second day

By Nell Okafor

November 12, 2020 / 9:40 AM / City Desk

Two former harbour board members gave evidence on Wednesday to the inquiry into the ferry terminal sale.

Both said they had doubted the price months before the sale, and that the chairman said it could not wait.

Councillors pressed them on why they had not gone public with those doubts at the time of the sale.

Harbour Board Inquiry More

Live: the chairman gives evidence on the third day
Five moments from the first day of the harbour hearings
Ferry terminal sale: what we know so far
Board member says doubts were raised in March
Inquiry releases emails between the chairman and the buyer

More in Harbour Board Inquiry

Here are some of the moments that stood out:

"I raised it twice"

Day 2, Part 4: Opening statement of the former treasurer

The former treasurer, Agnes Pike, said she wrote to the chairman twice in March asking for a second valuation.

She said the chairman answered that a valuation would take too long and that the buyer would walk away.

"I was told that the price was fair and that the matter was closed," Pike said, reading from her notes.

The second witness, engineer Tomas Reyes, said the board never saw the survey that found the pier sound.

The inquiry resumes on Thursday with the chairman's own evidence.

First published on November 12, 2020 / 9:40 AM

© 2020 City Desk Media. All Rights Reserved.

More News
Storm closes the coast road for a second night
Library reopens after the summer floods
"""


def test_the_story_resumes_after_a_box_longer_than_a_gap() -> None:
    """A box inside the story (a heading no locale lists, five headlines, a closing 'More in …' line, a
    lead-in, a quote subheading and a video caption: more lines than ``max_gap``) does not end the story
    when three paragraphs in a row follow it."""
    import articlekit

    art = articlekit.parse(_BOX_PAGE)
    assert art.body.startswith("Two former harbour board members gave evidence on Wednesday")
    assert art.body.endswith("The inquiry resumes on Thursday with the chairman's own evidence.")
    assert "Storm closes the coast road" not in art.body


@pytest.mark.parametrize(
    ("line", "title_like"),
    [
        ("Gudang Beras Baru Dibuka di Pelabuhan Sindang", True),
        ("12 of 12 |", False),  # a gallery's counter closed by a bar
        ("Pasar Tani new · Terpopuler new · Riset Pasar · Foto · TV ·", False),  # menu entries parted by dots
        ("Riset Pasar · Foto Bisnis", True),  # one dot inside: no menu run
    ],
)
def test_a_title_is_no_menu_or_counter_line(line: str, title_like: bool) -> None:
    draft = _draft(line)
    assert PageLayout()._title_like(draft, draft.lines[0], 3) is title_like
