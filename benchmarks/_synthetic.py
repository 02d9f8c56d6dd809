"""A synthetic corpus of invented news pages, for the speed and memory benchmarks.

The pages have the shapes of scraped Indonesian news text (an outlet prefix, a dateline, a
date in the first sentence, ``Baca juga`` lines, a source tail, link blocks) but every
sentence is made up from a small word list here, so nothing is copied from a real page.
The average page is about 2,100 characters, like the real corpus.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

_SUBJECTS = ["Pemerintah kota", "Warga desa", "Dinas perhubungan", "Para pedagang", "Petugas gabungan",
             "Kelompok tani", "Pengurus koperasi", "Tim relawan", "Sekolah negeri", "Perusahaan daerah"]
_VERBS = ["membuka", "memperbaiki", "meninjau", "membagikan", "menata", "mengumumkan", "menyiapkan",
          "menunda", "memperluas", "mendata"]
_OBJECTS = ["taman baca baru", "jalan lingkungan", "pasar tradisional", "bantuan benih", "jalur sepeda",
            "jadwal layanan", "gudang pangan", "saluran air", "rumah singgah", "perpustakaan keliling"]
_TAILS = ["di kawasan pesisir utara", "sejak pekan lalu", "bersama warga setempat", "menjelang musim hujan",
          "dengan anggaran tambahan", "tanpa memungut biaya", "di tiga kecamatan", "pada akhir bulan ini"]
_QUOTES = ["Kami ingin layanan ini dirasakan semua orang", "Prosesnya berjalan lancar dan tertib",
           "Warga diminta ikut menjaga fasilitas", "Evaluasi akan dilakukan setiap bulan"]
_PLACES = ["JAKARTA", "BANDUNG", "SEMARANG", "MAKASSAR", "PADANG", "KUPANG", "Jakarta", "Surabaya"]
_OUTLETS = ["Suara.com - ", "KOMPAS.com - ", "Liputan6.com, Jakarta - ", "", ""]
_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat"]
_HEADINGS = ["Berita Terkait", "Terpopuler", "Baca Juga"]


def _sentence(rng: random.Random) -> str:
    s = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}."
    if rng.random() < 0.25:
        s += f' "{rng.choice(_QUOTES)}," kata seorang {rng.choice(["petugas", "warga", "pejabat"])}.'
    return s


def _headline(rng: random.Random) -> str:
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS).capitalize()} {rng.choice(_OBJECTS).title()}"


def page(rng: random.Random) -> str:
    """One invented page."""
    outlet = rng.choice(_OUTLETS)
    place = rng.choice(_PLACES)
    day = rng.choice(_DAYS)
    date = f"({rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2019, 2024)})"
    if outlet.startswith("Liputan6"):
        first = f"{outlet}{rng.choice(_SUBJECTS)} pada {day} {date} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}."
    elif outlet:
        first = f"{place}, {outlet}{rng.choice(_SUBJECTS)} pada {day} {date} {rng.choice(_VERBS)} " \
                f"{rng.choice(_OBJECTS)}."
    else:
        first = f"{place} - {rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} pada {day}."
    lines = [first]
    for p in range(rng.randint(9, 16)):
        lines.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))))
        if p == 2 and rng.random() < 0.5:
            lines.append(f"Baca Juga: {_headline(rng)}")
    if rng.random() < 0.4:
        lines[-1] += f" (Sumber: {rng.choice(['Antara', 'Antara/Reuters', 'AFP'])})"
    if rng.random() < 0.4:
        lines.append(rng.choice(_HEADINGS))
        for _ in range(rng.randint(2, 4)):
            lines.extend(["-", _headline(rng)])
    return "\n".join(lines)


def pages(n: int, *, seed: int = 0) -> list[str]:
    """``n`` invented pages (the same ones for the same seed)."""
    rng = random.Random(seed)
    return [page(rng) for _ in range(n)]


def iter_jsonl_lines(target_bytes: int, *, seed: int = 0, distinct: int = 2000) -> Iterator[bytes]:
    """JSON Lines records (``id``, ``url``, ``text``) adding up to at least ``target_bytes``.

    ``distinct`` pages are generated and cycled (each record gets its own id and a numbered
    closing sentence), which keeps generating a gigabyte fast.
    """
    base = pages(distinct, seed=seed)
    written = 0
    i = 0
    while written < target_bytes:
        text = f"{base[i % distinct]}\nLaporan nomor {i}."
        line = json.dumps({"id": f"syn-{i}", "url": f"https://example.test/berita/{i}", "text": text},
                          ensure_ascii=False).encode("utf-8") + b"\n"
        written += len(line)
        i += 1
        yield line


def write_jsonl(path: Path, target_bytes: int, *, seed: int = 0) -> tuple[int, int]:
    """Write a synthetic JSON Lines corpus of at least ``target_bytes``; returns (records, bytes)."""
    records = 0
    size = 0
    with path.open("wb") as handle:
        batch: list[bytes] = []
        for line in iter_jsonl_lines(target_bytes, seed=seed):
            batch.append(line)
            records += 1
            size += len(line)
            if len(batch) >= 4096:
                handle.write(b"".join(batch))
                batch.clear()
        handle.write(b"".join(batch))
    return records, size
