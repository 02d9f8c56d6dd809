"""Shared test fixtures and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]  # tests/test_pytest_plugin.py runs pytest sessions in temporary folders

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_text() -> str:
    with (FIXTURES / "seed-suara.txt").open(encoding="utf-8", newline="") as fh:
        return fh.read()
