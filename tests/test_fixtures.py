"""Every fixture pair: the hand-written checks and the reviewed snapshot.

Regenerate snapshots with ``python -m articlekit.fixtures --update tests/fixtures`` and review
the diff. A case whose meta says ``"expect": "fail"`` is a known failure (strict xfail).
"""

from __future__ import annotations

import pytest

from articlekit.fixtures import FixtureCase, check_case, find_cases
from articlekit.invariants import violations
from articlekit.pipeline import parse

from .conftest import FIXTURES

CASES = find_cases(FIXTURES)


def _param(case: FixtureCase) -> object:
    meta = case.data().get("meta", {})
    marks = [pytest.mark.xfail(strict=True, reason=meta.get("why_fails", "known failure"))] \
        if meta.get("expect") == "fail" else []
    return pytest.param(case, id=case.name, marks=marks)


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 41


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_fixture(case: FixtureCase) -> None:
    problems = check_case(case)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in CASES])
def test_fixture_invariants(case: FixtureCase) -> None:
    text = case.text()
    art = parse(text)
    assert violations(art) == []
    for seg in art.segments:
        assert art.text[seg.start : seg.end].strip()
