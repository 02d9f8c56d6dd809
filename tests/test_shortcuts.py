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


# pages whose unclaimed lines reach every branch of the body's split: no comma (split at newlines) or
# a comma (the break pattern), blanks of every kind around lines, word-less scraps, lines opening with
# a letter or digit outside ASCII, paragraphs joined by a comma, lines ending open
BODY_PAGES = [
    "Harga naik.\n" + "a\n" * 50 + "  \t b \u00a0\n\u2003c\u2003\r\n-\n—\n\u00a0\n\nÉlan vital\n٣ orang\n",
    "Warga senang.\r\n\r\n  Mereka datang pada Rabu.  \r\n- - -\r\nlanjut di sini\r\n",
    "Harga naik pekan ini.,Direktur berkata lain.\nHarga turun, katanya\n,\n  ,  \nAkhir.,\n",
    "JAKARTA - Warga menanam pohon.\nBaca juga: Judul Lain\n" + "Ketika hujan turun\nmereka pulang\n" * 3
    + "«Kutipan» dari warga.\n12 orang hadir.\n***\n",
    "\u3000全角 spasi\n\tTab di depan\nakhir tanpa titik",
]


def test_the_body_split_shortcuts_change_no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    from articlekit import assemble

    fast = [articlekit.parse(page, lang="id") for page in BODY_PAGES]
    monkeypatch.setattr(assemble, "_SPLIT_AT_NEWLINES", False)  # every stretch through the break pattern
    monkeypatch.setattr(assemble, "_ASCII_WORDY", frozenset())  # every line searched for a letter or digit
    slow = [articlekit.parse(page, lang="id") for page in BODY_PAGES]
    for page, a, b in zip(BODY_PAGES, fast, slow, strict=True):
        assert a == b, page[:40]
        assert a.model_dump() == b.model_dump()
    assert any(s.why == assemble.NO_WORDS for s in fast[0].segments)


def test_the_body_objects_are_the_validated_ones() -> None:
    from articlekit import assemble
    from articlekit.models import Paragraph, Segment, Span

    art = articlekit.parse(BODY_PAGES[3], lang="id")
    for p in art.paragraphs:
        assert p == Paragraph(text=p.text, span=Span(start=p.span.start, end=p.span.end))
        assert p.model_fields_set == {"text", "span"} and p.span.model_fields_set == {"start", "end"}
    for seg in art.segments:
        assert seg == Segment(kind=seg.kind, start=seg.start, end=seg.end, why=seg.why)
    assert art.model_copy(update={"body": "x"}).body == "x"
    assert any(s.why == assemble.UNCLAIMED for s in art.segments)
