"""Every fixture pair: the hand-written checks and the reviewed snapshot.

The comparison itself is run by articlekit's own pytest plugin: ``articlekit_fixtures =
["tests/fixtures"]`` in pyproject.toml makes each ``tests/fixtures/<name>.txt`` a test
(``tests/fixtures/<name>.txt::parse``) with a field-level diff on failure. A case whose meta
says ``"expect": "fail"`` is a known failure (strict xfail). Regenerate the snapshots with
``python -m pytest tests/fixtures --articlekit-update`` (or ``python -m articlekit.fixtures
--update tests/fixtures``) and review the diff.

This module checks that the plugin is active and collects every case, and the lossless
invariants of every fixture parse.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articlekit.fixtures import FixtureCase, find_cases
from articlekit.invariants import violations
from articlekit.pipeline import parse

from .conftest import FIXTURES

CASES = find_cases(FIXTURES)


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 41


def test_the_plugin_collects_the_fixtures(request: pytest.FixtureRequest) -> None:
    """Without the plugin the fixture comparisons would silently not run."""
    config = request.config
    assert config.pluginmanager.has_plugin("articlekit"), (
        "the articlekit pytest plugin is not loaded: reinstall the package (pip install -e .) "
        "so its pytest11 entry point is registered")
    folders = [p.resolve() for p in config.getini("articlekit_fixtures")]
    assert FIXTURES.resolve() in folders


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in CASES])
def test_fixture_invariants(case: FixtureCase) -> None:
    text = case.text()
    art = parse(text)
    assert violations(art) == []
    for seg in art.segments:
        assert art.text[seg.start : seg.end].strip()


def test_command_line_compares_updates_and_knows_known_failures(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    from articlekit.fixtures import main

    (tmp_path / "a.txt").write_text("JAKARTA - Harga naik.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Suara.com - Warga senang.", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"meta": {"expect": "fail", "why_fails": "demo"},
                                                 "checks": {"outlet": "kompas.com"}}), encoding="utf-8")
    assert main([str(tmp_path)]) == 1  # a has no snapshot yet
    assert "FAIL a" in capsys.readouterr().out
    assert main(["--update", str(tmp_path)]) == 0
    assert "2 of 2 snapshots rewritten" in capsys.readouterr().out
    assert main([str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == ["XFAIL b (demo)", "1 passed, 0 failed, 1 known failures"]
    doc = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    doc["checks"]["outlet"] = "suara.com"
    (tmp_path / "b.json").write_text(json.dumps(doc), encoding="utf-8")
    assert main([str(tmp_path)]) == 1
    assert "XPASS b: it passes now" in capsys.readouterr().out
