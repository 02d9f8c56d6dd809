"""The command line over corpora: many files, folders, JSON Lines (gzip too), workers, output file, summary."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

import articlekit
import articlekit.json_lines
from articlekit.cli import main

PAGES = [
    "JAKARTA, KOMPAS.com - Warga memanen padi, Senin (2/9/2024).\nBaca juga: Panen Raya Dimulai\nHasilnya bagus.\n",
    "Suara.com - Pemerintah kota membuka taman baca baru.\nWarga senang.\n",
    "BANDUNG - Hujan deras membuat jalan tergenang.\nPetugas menyedot air.",
    "Paragraf biasa tanpa dateline.",
]


def _jsonl(path: Path, rows: list[object], *, gz: bool = False) -> Path:
    data = "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows)
    if gz:
        path.write_bytes(gzip.compress(data.encode("utf-8")))
    else:
        path.write_text(data, encoding="utf-8")
    return path


def _lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_folder_of_text_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i, page in enumerate(PAGES):
        (tmp_path / f"{i}.txt").write_text(page, encoding="utf-8")
    assert main(["parse", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    rows = _lines(captured.out)
    assert [Path(str(r["path"])).name for r in rows] == ["0.txt", "1.txt", "2.txt", "3.txt"]
    assert list(rows[0])[:2] == ["path", "text"]
    assert rows[0]["text"] == PAGES[0] and rows[2]["dateline"]["place"] == "Bandung"  # type: ignore[index]
    assert "4 records in, 4 records out, 0 errors" in captured.err


def test_many_files_give_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = []
    for i, page in enumerate(PAGES[:2]):
        files.append(tmp_path / f"{i}.txt")
        files[-1].write_text(page, encoding="utf-8")
    assert main(["parse", *map(str, files), str(tmp_path / "gone.txt"), "-q"]) == 1
    captured = capsys.readouterr()
    rows = _lines(captured.out)
    assert len(rows) == 3 and rows[2]["path"] == str(tmp_path / "gone.txt")
    assert "cannot read" in str(rows[2]["error"])
    assert captured.err == ""  # --quiet


def test_jsonl_records_out_equal_records_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [
        {"id": "a", "url": "https://x.test/a", "text": PAGES[0], "other": 1},
        {"id": "b", "text": None},
        "{broken",
        "",
        {"id": "c", "text": PAGES[2]},
        [1, 2],
    ])
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(src), "--output", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    rows = _lines(out.read_text(encoding="utf-8"))
    assert len(rows) == 5
    assert list(rows[0])[:3] == ["id", "url", "text"] and "other" not in rows[0]
    assert rows[0]["inserts"][0]["headline"] == "Panen Raya Dimulai"  # type: ignore[index]
    assert rows[1] == {"id": "b", "line": 2, "source": str(src), "error": "text field 'text' is null"}
    assert rows[2]["line"] == 3 and str(rows[2]["error"]).startswith("bad JSON")
    assert rows[3]["id"] == "c" and "error" not in rows[3]
    assert rows[4]["error"] == "a line must be a JSON object, not list"
    assert "5 records in, 5 records out, 3 errors" in captured.err
    assert "records/s" in captured.err and "chars/s" in captured.err
    assert f"{src}:2: text field 'text' is null" in captured.err


def test_gzip_fields_and_keep(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _jsonl(tmp_path / "in.data", [{"doc": i, "isi": p, "lang": "id", "src": "x"} for i, p in enumerate(PAGES)],
                 gz=True)
    assert main(["parse", "--jsonl", str(src), "--text-field", "isi", "--id-field", "doc", "--keep", "src"]) == 0
    rows = _lines(capsys.readouterr().out)
    assert [r["doc"] for r in rows] == [0, 1, 2, 3]
    assert all(list(r)[:3] == ["doc", "src", "text"] for r in rows)
    assert rows[3]["body"] == PAGES[3]


def test_workers_give_the_same_output(tmp_path: Path) -> None:
    rows: list[object] = [{"id": i, "text": f"{PAGES[i % 4]}\nNomor {i}."} for i in range(40)]
    rows[7] = {"id": 7, "text": 7}
    src = _jsonl(tmp_path / "in.jsonl.gz", rows, gz=True)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["parse", str(src), "-o", str(one), "-q"]) == 1
    assert main(["parse", str(src), "-o", str(two), "-q", "--workers", "2", "--chunksize", "3"]) == 1
    assert one.read_bytes() == two.read_bytes()
    assert len(one.read_text(encoding="utf-8").splitlines()) == 40


def test_stdin_jsonl() -> None:
    data = "".join(json.dumps({"id": i, "text": p}) + "\n" for i, p in enumerate(PAGES))
    proc = subprocess.run([sys.executable, "-m", "articlekit", "parse", "--jsonl", "-q"], input=data.encode(),
                          capture_output=True, check=True)
    assert [r["id"] for r in _lines(proc.stdout.decode())] == [0, 1, 2, 3]
    assert proc.stderr == b""


def test_progress_hint_without_tqdm(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [{"text": p} for p in PAGES])
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm now fails
    assert main(["parse", str(src), "--progress"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "articlekit: no progress bar without tqdm (pip install 'articlekit[progress]')"
    assert len(err) == 2  # the hint and the summary


def test_progress_bar_with_tqdm(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    src = _jsonl(tmp_path / "in.jsonl", [{"text": p} for p in PAGES])
    assert main(["parse", str(src), "--progress", "-o", str(tmp_path / "o.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "4rec" in err.replace(" ", "") and "4 records in, 4 records out" in err


def test_interrupted_run_leaves_whole_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [{"id": i, "text": PAGES[i % 4]} for i in range(10)])
    real = articlekit.json_lines.render_record
    seen = 0

    def stop_at_five(nlp: articlekit.Pipeline, record: object) -> tuple[str, int]:
        nonlocal seen
        seen += 1
        if seen == 6:
            raise KeyboardInterrupt
        return real(nlp, record)  # type: ignore[arg-type]

    monkeypatch.setattr(articlekit.json_lines, "render_record", stop_at_five)
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(src), "-o", str(out)]) == 130
    assert [r["id"] for r in _lines(out.read_text(encoding="utf-8"))] == [0, 1, 2, 3, 4]
    assert "interrupted: 6 records in, 5 records out" in capsys.readouterr().err


def test_single_file_output_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGES[0], encoding="utf-8")
    assert main(["parse", str(page)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("{\n") and captured.err == ""  # pretty JSON, no summary


def test_bad_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path), "--workers", "-2"]) == 2
    assert "--workers" in capsys.readouterr().err
    assert main(["parse", str(tmp_path), "-o", str(tmp_path / "no" / "such" / "dir.jsonl")]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert main(["parse", str(tmp_path), "--keep", "text", "--id-field", "error"]) == 2
    assert "cannot carry 'error', 'text'" in capsys.readouterr().err
