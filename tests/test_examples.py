"""The examples run: both scripts, and the tour notebook cell by cell (nbclient + ipykernel).

They run against this checkout's ``src`` (PYTHONPATH), so an API change that breaks an example
fails here. The bundled pages in ``examples/pages`` are invented.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from articlekit.invariants import violations
from articlekit.pipeline import parse

from .conftest import ROOT

EXAMPLES = ROOT / "examples"
PAGES = sorted((EXAMPLES / "pages").glob("*.txt"))


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    env.pop("MPLBACKEND", None)  # the notebook kernel shows plots inline
    return env


def _run(*args: str) -> str:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, env=_env(), capture_output=True, text=True,
                          encoding="utf-8", timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_bundled_pages_parse_cleanly() -> None:
    assert len(PAGES) >= 5
    for path in PAGES:
        art = parse(path.read_text(encoding="utf-8"))
        assert violations(art) == [], path.name
        assert art.paragraphs, path.name


def test_parse_one_script() -> None:
    out = _run("examples/parse_one.py")
    assert out.startswith("Article(outlet='Suara.com'")
    assert "inserts:line/baca-juga" in out
    assert "clean body:\nPemerintah Kota Semarang" in out


def test_parse_one_script_with_a_page(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("JAKARTA - Harga cabai turun.\nBaca juga: Harga bawang naik\nWarga lega.", encoding="utf-8")
    out = _run("examples/parse_one.py", str(page))
    assert "place='Jakarta'" in out and "Harga cabai turun.\n\nWarga lega." in out


def test_parse_folder_script(tmp_path: Path) -> None:
    out_file = tmp_path / "out.jsonl"
    out = _run("examples/parse_folder.py", "--jsonl", str(out_file))
    lines = out_file.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["path"] for line in lines] == [p.name for p in PAGES]
    assert f"{len(PAGES)} articles," in out
    assert "outlets: " in out


def test_tour_notebook_runs() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    nb = nbformat.read(EXAMPLES / "tour.ipynb", as_version=4)
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code"), \
        "commit the notebook without outputs (clear them before saving)"
    old = dict(os.environ)
    os.environ.update(_env())  # the kernel inherits the environment: it imports this checkout
    try:
        nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                                resources={"metadata": {"path": str(EXAMPLES)}}).execute()
    finally:
        os.environ.clear()
        os.environ.update(old)
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert 'data-kind="insert"' in html  # the Article view
    assert "&lt;script&gt;" in html and "<script>alert" not in html  # page text escaped
    assert "articlekit-summary" in html  # the summary table
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the plot
