"""Shortcuts a long page takes (to stay linear) give the parse the long way gives.

Each shortcut skips work whose answer is known: the links and page stages skip their walks over the
lines when no line can be a heading, the tail's peel passes a run of word-less scraps in one step.
Here each is switched off and the parses compared, on invented pages shaped to reach them.
"""

from __future__ import annotations

import pytest

import articlekit
from articlekit.stages import links
from articlekit.stages.tail import peel

PAGES = [
    "JAKARTA - Warga menanam pohon di tepi sungai pada Rabu pagi.\n" + "-\n" * 400,
    "JAKARTA - Warga menanam pohon.\n" + "-\n" * 300 + "(abc/def)\n" + "-\n" * 300,
    "Harga naik.\n" + "a\n" * 600,
    "Harga naik.\n" + "Judul Berita Satu Dua\n" * 300 + "Berita Terkait\n" + "- Judul Lain Hari Ini\n" * 5,
    "Harga naik di pasar.\n" + "-\n" * 200 + "Baca juga: Judul\n" + "*\n" * 300 + "Editor: Nama Orang\n" + "-\n" * 50,
    "-\n" * 500,
    "Warga menanam pohon di tepi sungai pada Rabu pagi bersama para relawan dari kampung.\n" + "a\n" * 300
    + "Pilihan Redaksi\nJudul Berita Pertama Hari Ini\nJudul Berita Kedua Hari Ini\n"
    + "Warga lain menanam pohon di tepi sungai pada Kamis pagi bersama para relawan.\n",
    "Warga senang.\r\n" + "a\r\n" * 400 + "Artikel Lain Untuk Anda:\r\n" + "Judul Satu Dua Tiga Empat\r\n" * 3,
]


def _parses() -> list[articlekit.Article]:
    return [articlekit.parse(page, lang="id") for page in PAGES]


def test_the_walks_shortcuts_change_no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _parses()
    monkeypatch.setattr(links._HeadingGate, "may_head", lambda self, text: True)  # a heading may stand anywhere
    monkeypatch.setattr(peel.Tail, "_past_scraps", staticmethod(lambda draft, found, end: end))
    slow = _parses()
    for page, a, b in zip(PAGES, fast, slow, strict=True):
        assert a == b, page[:40]
    assert any(s.why.startswith("links:") for s in fast[3].segments)
