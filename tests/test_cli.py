"""The command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from articlekit.cli import main

PAGE = "JAKARTA, KOMPAS.com - Warga memanen padi, Senin (2/9/2024).\nBaca juga: Panen Raya Dimulai\nHasilnya bagus.\n"


def test_parse_file_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "page.txt"
    f.write_text(PAGE, encoding="utf-8")
    assert main(["parse", str(f)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["outlet"]["domain"] == "kompas.com"
    assert data["dateline"]["date"] == "2024-09-02"
    assert data["inserts"][0]["headline"] == "Panen Raya Dimulai"
    assert data["text"] == PAGE


def test_parse_explain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "page.txt"
    f.write_text(PAGE, encoding="utf-8")
    assert main(["parse", str(f), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "inserts:line/baca-juga" in out and "why" in out


def test_parse_stdin() -> None:
    proc = subprocess.run([sys.executable, "-m", "articlekit", "parse", "-"], input=PAGE.encode(),
                          capture_output=True, check=True)
    assert json.loads(proc.stdout)["dateline"]["place"] == "Jakarta"


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "/nonexistent/page.txt"]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_bad_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "page.txt"
    f.write_bytes(b"JAKARTA - caf\xe9")
    assert main(["parse", str(f)]) == 1
    assert "not valid utf-8" in capsys.readouterr().err


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(schema["required"]) >= {"text", "lang"}
    for field in ("outlet", "dateline", "attribution", "credits", "inserts", "link_blocks", "paragraphs",
                  "body", "segments", "notes"):
        assert field in schema["properties"]
