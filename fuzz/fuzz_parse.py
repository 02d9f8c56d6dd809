"""Coverage-guided fuzzing of ``articlekit.parse`` with atheris (libFuzzer for Python).

Each input is turned into a ``str`` one of three ways (the first byte picks):

* the bytes decoded as UTF-8 with ``surrogateescape`` (broken encodings give lone surrogates);
* a Unicode string drawn by atheris's ``FuzzedDataProvider`` (any code point);
* a page assembled from realistic pieces (prefixes, dates, inserts, tails, link blocks, noise)
  picked and repeated by the input bytes, with fuzzed text between them.

The parser must never raise for a ``str`` and every Article must keep the lossless contract
(:func:`articlekit.invariants.violations` returns ``[]``). Any exception is a crash.

Run it (see fuzz/README.md)::

    python fuzz/fuzz_parse.py fuzz/corpus fuzz/seeds -dict=fuzz/articlekit.dict \
        -max_len=20000 -len_control=0 -timeout=5 -rss_limit_mb=4096 -max_total_time=1800

``-timeout=5`` makes an input slower than 5 seconds a failure too: at 20 KB, that is a
super-linear pattern.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["articlekit"]):
    import contextlib
    import importlib
    import pkgutil

    import articlekit
    from articlekit.invariants import violations

    # the stages are imported lazily by the first parse: import every module now, inside the
    # block, so that all of them are instrumented (coverage-guided, not blind)
    for _mod in pkgutil.walk_packages(articlekit.__path__, "articlekit."):
        if _mod.name not in ("articlekit.__main__", "articlekit.pytest_plugin"):
            with contextlib.suppress(ImportError):  # a module of an optional extra that is not installed
                importlib.import_module(_mod.name)

PIECES = (
    "Suara.com - ", "JAKARTA, KOMPAS.com - ", "Jakarta (ANTARA) - ", "Liputan6.com, Jakarta - ",
    "Liputan6.com, Jakarta", "KONTAN.CO.ID - JAKARTA. ", "JAKARTA - ", "SURABAYA-", "IPOH 21 Ogos – ",
    "Kuala Lumpur, May 4, 2010 (Bernama) -- ", "TRIBUNKALTIM.CO - ", "Jakarta:  ",
    "Warga memanen padi pada Rabu (20/10/2021). ", "Senin, 3 Januari 2022 | 14:30 WIB\n",
    "pada Jumat, 6 Juni 2025 pukul 09.15 WIB ", "akan digelar pada Rabu, 25 Oktober 2023 ",
    "Baca juga: Harga Cabai Turun Lagi\n", "Baca Juga\n", "BACA JUGA: ", "Baca JugaJudul SatuJudul Dua",
    "(Baca: Pasar Ikan Dibuka Kembali)", "Baca juga:\n", "Simak juga: ",
    "(Sumber: Antara/Reuters)", "Sumber: Antara\n", "- Bernama", "(ant)", "(fbr/wes)", "(OL-13)", "***",
    "Editor: Budi Santoso\n", "Pewarta: Ani Editor: Budi", "Rep: Ani/ Red: Budi\n", "(Dian Saraswati)\n",
    "DEWI LESTARI\n", "[Ani Wijaya]",
    "Berita Terkait\n", "Terpopuler\n", "Pilihan\n", "Tag\n", "-\n", "- Judul Berita Lain\n",
    "1. Judul Pertama\n", "2 jam yang lalu\n", "ADVERTISEMENT\n", "SCROLL TO CONTINUE WITH CONTENT\n",
    "COPYRIGHT © ANTARA 2023", "Artikel ini telah tayang di Kompas.com dengan judul ",
    "(Foto: Bisnis/Rudi Hartono)", "Petani di sawah. (29/01/2019). (Bisnis/Rudi Hartono) ",
    "\n", "\n\n", "\r\n", "\u00a0", "\t", "  ", "(", ")", "/", "-", "—", ":", ".", ",", "\"", "“", "”",
    "\ufeff", "\u200b", "\u200e", "\x00", "\udcff", "Ä", "日本語", "العربية", "🙂",
)


def _page(fdp: atheris.FuzzedDataProvider) -> str:
    parts: list[str] = []
    while fdp.remaining_bytes() > 0 and len(parts) < 200:
        choice = fdp.ConsumeIntInRange(0, len(PIECES) + 1)
        if choice < len(PIECES):
            parts.append(PIECES[choice] * fdp.ConsumeIntInRange(1, 3))
        else:
            parts.append(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 40)))
    return "".join(parts)


def text_of(data: bytes) -> str:
    """The ``str`` a fuzz input stands for."""
    if not data:
        return ""
    mode = data[0] % 3
    if mode == 0:
        return data[1:].decode("utf-8", "surrogateescape")
    fdp = atheris.FuzzedDataProvider(data[1:])
    if mode == 1:
        return fdp.ConsumeUnicode(len(data))
    return _page(fdp)


def check(text: str) -> None:
    """Parse ``text`` and fail loudly if the contract breaks."""
    art = articlekit.parse(text)
    problems = violations(art)
    if problems:
        raise AssertionError(f"invariants broken for {text[:200]!r}: {problems[:5]}")
    if art.text != text:
        raise AssertionError("Article.text differs from the input")


def test_one_input(data: bytes) -> None:
    check(text_of(data))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
