"""Hostile input, by property: any ``str`` parses losslessly and deterministically; realistic pages
keep their fields under CRLF line ends, NBSP, doubled blank lines and trailing white space; and
the clean body, parsed again, has nothing left to cut.

Pages are assembled from invented pieces (prefixes, dates, inserts, tails, link blocks, noise)
in random order and number.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.invariants import violations

# HOSTILE_EXAMPLES=5000 python -m pytest tests/test_properties_hostile.py for a longer search
SETTINGS = settings(max_examples=int(os.environ.get("HOSTILE_EXAMPLES", "200")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------------------- arbitrary text

# any code point, lone surrogates included (what a bad decode with surrogateescape leaves)
ANY_CHAR = st.characters(codec=None, exclude_categories=())
BAD_DECODE = st.binary(max_size=400).map(lambda b: b.decode("utf-8", "surrogateescape"))
ODD = st.sampled_from(["\x00", "\x1b", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\u200b", "\u200e", "\u202e",
                       "\ufeff", "\udcff", "\ud800", "\r", "\r\n", "\n", "\t", "\u00a0", "\u3000", "-", "(", ")",
                       "/", ":", "A", "JAKARTA", "Baca juga:", "(ANTARA)", "—"])
HOSTILE = st.one_of(
    st.text(ANY_CHAR, max_size=300),
    BAD_DECODE,
    st.lists(ODD, max_size=60).map("".join),
)


@SETTINGS
@given(HOSTILE)
def test_any_str_parses_losslessly_and_deterministically(text: str) -> None:
    art = articlekit.parse(text)
    assert art.text == text
    assert violations(art) == []
    assert articlekit.parse(text) == art


# ---------------------------------------------------------------------------- realistic pages

PREFIXES = ["Suara.com - ", "JAKARTA, KOMPAS.com - ", "Jakarta (ANTARA) - ", "Liputan6.com, Jakarta - ",
            "SURABAYA - ", "Merdeka.com - ", "BANDUNG, KOMPAS.com - "]
FIRST = ["Warga Desa Sukamaju pada Rabu (20/10/2021) memanen padi lebih awal dari biasanya.",
         "Harga cabai rawit di pasar tradisional turun pada Senin (2/9/2024).",
         "Pemerintah kota membuka tiga taman baca baru di kawasan pesisir utara.",
         "Ribuan warga memadati alun-alun pada Jumat, 6 Juni 2025, untuk menyaksikan pawai budaya."]
PROSE = ["Hasil panen tahun ini naik hampir dua kali lipat dibanding musim lalu.",
         "Para pedagang mengaku lega karena pasokan dari petani kembali lancar.",
         "\"Kami ingin anak-anak punya tempat belajar yang dekat dari rumah,\" kata Rina.",
         "Relawan dari kampus setempat akan mengajar membaca setiap akhir pekan.",
         "Dinas terkait berjanji memperbaiki jalan desa sebelum musim hujan tiba.",
         "Menurut dia, program serupa akan diperluas ke kecamatan lain tahun depan."]
HEADLINES = ["Harga Gabah Naik di Tingkat Petani", "Pasar Tani Dibuka Tiap Sabtu Pagi",
             "Irigasi Baru Selesai Dibangun di Hulu", "Perpustakaan Keliling Singgah di Lima Kelurahan"]
INSERT_MARKERS = ["Baca juga: ", "Baca Juga: ", "BACA JUGA: "]
TAILS = ["(Sumber: Antara)", "Editor: Budi Santoso", "(fbr/wes)", "Pewarta: Ani Wijaya", "(ant)"]
HEADINGS = ["Berita Terkait", "Terpopuler", "Berita Lainnya"]
NOISE = ["ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT"]
HEADER = ["Senin, 3 Januari 2022 | 14:30 WIB", "Penulis: Dewi Lestari"]


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A page: header lines, a prefixed first paragraph, paragraphs with inserts and noise between
    them in random places, a tail, and link blocks (each part in random number, possibly none)."""
    lines: list[str] = draw(st.lists(st.sampled_from(HEADER), max_size=2, unique=True))
    lines.append(draw(st.sampled_from(PREFIXES)) + draw(st.sampled_from(FIRST)))
    body = draw(st.lists(st.sampled_from(PROSE), min_size=1, max_size=6))
    extras = draw(st.lists(st.one_of(
        st.builds(lambda m, h: m + h, st.sampled_from(INSERT_MARKERS), st.sampled_from(HEADLINES)),
        st.sampled_from(NOISE)), max_size=3))
    for extra in extras:  # between paragraphs, never before the first one
        body.insert(draw(st.integers(1, len(body))), extra)
    lines.extend(body)
    lines.extend(draw(st.lists(st.sampled_from(TAILS), max_size=2, unique=True)))
    for heading in draw(st.lists(st.sampled_from(HEADINGS), max_size=2, unique=True)):
        lines.append(heading)
        dash = draw(st.booleans())
        lines.extend(("- " if dash else "") + h for h in draw(st.lists(st.sampled_from(HEADLINES), min_size=1,
                                                                         max_size=3, unique=True)))
    sep = draw(st.sampled_from(["\n", "\n\n"]))
    return sep.join(lines)


@st.composite
def shuffled_pages(draw: st.DrawFn) -> str:
    """Whole lines from every kind of piece, in any order and number."""
    pool = [*PREFIXES, *FIRST, *PROSE, *HEADLINES, *TAILS, *HEADINGS, *NOISE, *HEADER, "-", "",
            *(m + h for m in INSERT_MARKERS for h in HEADLINES[:2]), *(p + f for p in PREFIXES[:3] for f in FIRST[:2])]
    return "\n".join(draw(st.lists(st.sampled_from(pool), max_size=30)))


@SETTINGS
@given(st.one_of(pages(), shuffled_pages()))
def test_pages_are_lossless_and_deterministic(text: str) -> None:
    art = articlekit.parse(text)
    assert violations(art) == []
    assert articlekit.parse(text) == art


def _norm(s: str) -> str:
    return " ".join(s.split())


def fields(art: articlekit.Article) -> dict[str, Any]:
    """What a user reads off an Article, with white space normalised."""
    d = art.dateline
    return {
        "outlet": (art.outlet.name, art.outlet.domain) if art.outlet else None,
        "place": d.place if d else None,
        "date": (d.date, d.partial, d.time, d.tz) if d else None,
        "sources": art.attribution.sources if art.attribution else None,
        "credits": [(c.role, _norm(c.name)) for c in art.credits],
        "inserts": [(i.label, _norm(i.headline), i.after_paragraph) for i in art.inserts],
        "link_blocks": [(_norm(b.heading), [_norm(i.title) for i in b.items]) for b in art.link_blocks],
        "paragraphs": [_norm(p.text) for p in art.paragraphs],
    }


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def nbsp(text: str) -> str:
    """NBSP where scrapers leave it (``&nbsp;``): around dashes, after colons, at the ends of lines."""
    return text.replace(" - ", "\u00a0-\u00a0").replace(": ", ":\u00a0").replace("\n", "\u00a0\n")


def doubled_blank_lines(text: str) -> str:
    return text.replace("\n\n", "\n\n\n") if "\n\n" in text else text.replace("\n", "\n\n")


def trailing_whitespace(text: str) -> str:
    return text.replace("\n", " \t \n") + "  \n"


VARIANTS = {"crlf": crlf, "nbsp": nbsp, "doubled blank lines": doubled_blank_lines,
            "trailing whitespace": trailing_whitespace}


@SETTINGS
@given(pages(), st.sampled_from(sorted(VARIANTS)))
def test_fields_survive_whitespace_variants(text: str, variant: str) -> None:
    changed = VARIANTS[variant](text)
    art = articlekit.parse(changed)
    assert violations(art) == []
    assert fields(art) == fields(articlekit.parse(text)), variant


@SETTINGS
@given(pages())
def test_clean_body_has_nothing_left_to_cut(text: str) -> None:
    body = articlekit.parse(text).body
    again = articlekit.parse(body)
    assert again.inserts == []
    assert again.link_blocks == []
    assert again.attribution is None
    assert again.credits == []
