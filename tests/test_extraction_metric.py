"""The article-extraction benchmark's metric (``benchmarks/extraction.py``) on invented texts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load() -> ModuleType:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("extraction", BENCHMARKS / "extraction.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["extraction"] = module
    spec.loader.exec_module(module)
    return module


ext = _load()


def test_shingles_lower_case_and_whitespace() -> None:
    assert ext.shingles("Kebun  Teh\nmekar di Lembang pagi") == {
        ("kebun", "teh", "mekar", "di"), ("teh", "mekar", "di", "lembang"), ("mekar", "di", "lembang", "pagi")}


def test_short_text_is_one_shingle() -> None:
    assert ext.shingles("Dua kata") == {("dua", "kata")}
    assert ext.shingles("") == {()}


def test_counts() -> None:
    truth = "satu dua tiga empat lima"          # 2 shingles
    output = "satu dua tiga empat enam tujuh"   # 3 shingles, 1 shared
    assert ext.counts(output, truth) == (1, 2, 1)


def test_means_over_pages_then_harmonic() -> None:
    board = ext.Board()
    board.add("a", "satu dua tiga empat lima", "satu dua tiga empat lima")  # p=1, r=1
    board.add("b", "satu dua tiga empat enam tujuh", "satu dua tiga empat lima")  # p=1/3, r=1/2
    assert board.precision == pytest.approx((1 + 1 / 3) / 2)
    assert board.recall == pytest.approx((1 + 1 / 2) / 2)
    p, r = board.precision, board.recall
    assert board.f1 == pytest.approx(2 * p * r / (p + r))
    assert board.missed == 0
    board.add("c", "lain sama sekali tidak", "satu dua tiga empat lima")
    assert board.missed == 1
    assert board.page_f1()[0] == (0.0, "c")


def test_evaluate_rows() -> None:
    class Parsed:
        def __init__(self, text: str) -> None:
            self.body = text.split("\n", 1)[1]

    rec = {"id": "x", "visible": "Menu\nsatu dua tiga empat lima", "traf": "Judul\nsatu dua tiga empat",
           "truth": "satu dua tiga empat lima"}
    boards = ext.evaluate([rec], Parsed)
    assert boards["articlekit(visible)"].f1 == pytest.approx(1.0)
    assert boards["articlekit(traf)"].precision == pytest.approx(1.0)
    assert boards["traf"].precision == pytest.approx(0.5)


def test_line_diff_names_the_lines_that_cost() -> None:
    text = "Warga menanam bakau di pantai utara kota\nIkuti kami di media sosial untuk kabar terbaru\nSelesai"
    truth = "Warga menanam bakau di pantai utara kota\nSelesai"
    body = "Ikuti kami di media sosial untuk kabar terbaru"
    assert ext.line_diff(text, body, truth) == [
        ("-", "Warga menanam bakau di pantai utara kota"),
        ("+", "Ikuti kami di media sosial untuk kabar terbaru"),
        ("-", "Selesai"),
    ]
