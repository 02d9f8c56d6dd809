"""The public surface: __all__ is complete and sorted, and exported names exist."""

from __future__ import annotations

import types

import articlekit


def test_all_is_complete() -> None:
    public = {
        n for n in dir(articlekit)
        if not n.startswith("_") and not isinstance(getattr(articlekit, n), types.ModuleType)
    } - {"annotations"}
    exported = set(articlekit.__all__) - {"__version__"}
    assert public == exported
    assert len(articlekit.__all__) == len(set(articlekit.__all__))  # ordering is checked by ruff (RUF022)


def test_version() -> None:
    assert articlekit.__version__.count(".") == 2
