"""Property tests: any str parses, and the lossless contract holds."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.invariants import violations

PIECES = [
    "Suara.com - ", "JAKARTA, KOMPAS.com - ", "Jakarta (ANTARA) - ", "Liputan6.com, Jakarta ", "JAKARTA- ",
    "Baca juga: Harga Cabai Turun\n", "Baca Juga\n", "(Sumber: Antara/Reuters)", "(fbr/wes)", "Editor: Budi\n",
    "Berita Terkait\n", "-\n", "- Judul Berita Lain\n", "Terpopuler\n", "ADVERTISEMENT\n",
    "Warga memanen padi pada Rabu (20/10/2021).\n", "Harga naik. ", "\n", "\r\n", "\u00a0", "(", ")", "/",
    "Pewarta: AEditor: B\tCOPYRIGHT © ANTARA 2023", "BACA JUGA - Judul Lain Pada akhir pekan", "— Bernama",
]

# whole lines a real page is made of, for the re-parse property
PREFIX_LINES = [
    "Suara.com - Warga memanen padi pada Rabu (20/10/2021).", "JAKARTA, KOMPAS.com - Harga cabai turun hari ini.",
    "Jakarta (ANTARA) - Pemerintah menambah kuota beasiswa.", "Warga desa menanam pohon pada pagi hari.",
]
LINES = [
    "Baca juga: Harga Cabai Turun Lagi", "Baca Juga",
    "Pemerintah menjanjikan bantuan. (Sumber: Antara/Reuters)", "Editor: Budi Santoso", "(fbr/wes)",
    "Berita Terkait", "-", "- Judul Berita Lain di Kota", "Terpopuler", "ADVERTISEMENT",
    "Warga menanam pohon di sepanjang sungai.", "Situasi terkini dibahas dalam rapat pilihan warga.",
    "Harga naik. BACA JUGA: Stok Beras Aman Pedagang mengaku lega.", "",
]

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.text())
def test_any_text_is_lossless(text: str) -> None:
    art = articlekit.parse(text)
    assert violations(art) == []
    assert art.text == text


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_assembled_pages_are_lossless(parts: list[str]) -> None:
    text = "".join(parts)
    art = articlekit.parse(text)
    assert violations(art) == []
    assert articlekit.parse(text) == art  # deterministic


@SETTINGS
@given(st.sampled_from(PREFIX_LINES), st.lists(st.sampled_from(LINES), max_size=25))
def test_body_reparse_claims_no_inserts_or_blocks(first: str, lines: list[str]) -> None:
    # one article per page: a listing page with a second dateline is another matter
    art = articlekit.parse("\n".join([first, *lines]))
    again = articlekit.parse(art.body)
    assert again.inserts == []
    assert again.link_blocks == []
    assert again.attribution is None
