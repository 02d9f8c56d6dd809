"""Finding a page's story by texture (``articlekit.stages.texture``), on invented lines."""

from __future__ import annotations

from articlekit.stages.texture import capital_share, dense_runs, densest_run, glued_teaser, story_run


def test_capital_share() -> None:
    assert capital_share("Warga Desa Sukamaju Panen Raya") == 1.0
    assert capital_share("panen raya di desa itu berlangsung meriah, kata Sutrisno.") == 1 / 9
    assert capital_share("12 345 --") == 1.0  # no word: not prose


def test_densest_run_skips_menus_and_footers() -> None:
    # menu (short lines cost), story (prose lines worth their words), footer
    values = [-6, -6, -6, 30, 25, -6, 40, -6, -6, -6, -6, 20]
    assert densest_run(values) == (3, 7)
    assert densest_run([-6, -6]) is None


def test_dense_runs_one_pass() -> None:
    values = [-6, 30, -6, 10, -50, 20, -6, -6, 45]
    assert dense_runs(values) == [(1, 4, 34.0), (5, 9, 53.0)]


def test_story_run_prefers_the_first_run_worth_a_share_of_the_best() -> None:
    runs = [(3, 6, 60.0), (40, 50, 150.0)]  # a short story, then a long disclaimer or comments
    assert story_run(runs, 0.3) == (3, 6, 60.0)
    assert story_run([(3, 6, 30.0), (40, 50, 150.0)], 0.3) == (40, 50, 150.0)  # a blurb above: not it
    assert story_run([], 0.3) is None


def test_glued_teaser() -> None:
    assert glued_teaser("Banjir Rendam Tiga Kampung Di Pesisir BarusWarga mengungsi ke balai desa sejak pagi.")
    assert not glued_teaser("WhatsApp kini memungkinkan pengguna mengirim pesan suara lebih panjang.")
    # a sentence that names a camel-case brand after lower-case words is no teaser
    assert not glued_teaser("The Regional Board of Trade is reviewing FarmLink, two people said on Monday.")
