"""The pytest plugin, as a user meets it: pytest sessions in a temporary project (pytester)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articlekit.fixtures import snapshot
from articlekit.pipeline import parse

PAGE = "JAKARTA, KOMPAS.com - Harga cabai turun pada Senin (2/9/2024).\nBaca juga: Harga bawang naik\nWarga lega."
CHECKS = {"outlet": "kompas.com", "place": "Jakarta", "date": "2024-09-02", "inserts": ["Harga bawang naik"],
          "keep": ["Warga lega."], "junk": ["Baca juga"]}


@pytest.fixture(autouse=True)
def _quiet_plugins(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    # inner sessions skip the plugins that would re-import heavy packages on every run
    # (after pytester's own set-up, which clears PYTEST_ADDOPTS)
    monkeypatch.setenv("PYTEST_ADDOPTS", "-p no:hypothesispytest -p no:benchmark -p no:cacheprovider")


def _project(pytester: pytest.Pytester, *, expected: bool = True, checks: dict[str, object] | None = None,
             meta: dict[str, object] | None = None, ini: bool = True) -> Path:
    pages = pytester.path / "pages"
    pages.mkdir(exist_ok=True)
    (pages / "story.txt").write_text(PAGE, encoding="utf-8")
    doc: dict[str, object] = {"meta": meta or {"comment": "a test page"}, "checks": checks or CHECKS}
    if expected:
        doc["expected"] = snapshot(parse(PAGE))
    (pages / "story.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if ini:
        pytester.makeini("[pytest]\narticlekit_fixtures = pages\n")
    else:
        pytester.makeini("[pytest]\n")
    return pages


def test_idle_without_configuration(pytester: pytest.Pytester) -> None:
    _project(pytester, ini=False)
    result = pytester.runpytest()
    result.assert_outcomes()
    assert "articlekit fixture pages" not in result.stdout.str()


def test_a_matching_page_passes(pytester: pytest.Pytester) -> None:
    _project(pytester)
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["articlekit fixture pages: pages", "*pages/story.txt::parse PASSED*"])


def test_command_line_folder_is_collected(pytester: pytest.Pytester) -> None:
    _project(pytester, ini=False)
    pytester.makepyfile(test_other="def test_x():\n    pass\n")
    result = pytester.runpytest("test_other.py", "--articlekit-fixtures", "pages")
    result.assert_outcomes(passed=2)


def test_a_changed_parse_shows_a_field_level_diff(pytester: pytest.Pytester) -> None:
    pages = _project(pytester, checks={**CHECKS, "place": "Bandung"})
    doc = json.loads((pages / "story.json").read_text(encoding="utf-8"))
    doc["expected"]["dateline"]["date"] = "2024-09-03"
    del doc["expected"]["segments"][0]
    (pages / "story.json").write_text(json.dumps(doc), encoding="utf-8")
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*articlekit fixture page story: the parse differs from pages/story.json*",
        "hand-written checks ('checks'):",
        "  place: expected 'Bandung', got 'Jakarta'",
        "snapshot ('expected'), field by field:",
        '  dateline.date: expected "2024-09-03", got "2024-09-02"',
        "  segments[[]0]: added (in the parse, not expected) [[]\"dateline\", 0, 8, *]  'JAKARTA,'",
        "*pytest --articlekit-update pages/story.txt && git diff pages/story.json",
    ])


def test_update_rewrites_the_snapshot_and_says_so(pytester: pytest.Pytester) -> None:
    pages = _project(pytester, expected=False)
    (pages / "fresh.txt").write_text("Suara.com - Warga senang.", encoding="utf-8")
    result = pytester.runpytest()
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*pages/fresh.json does not exist yet*",
                                 "*pages/story.json has no 'expected' snapshot yet*"])

    result = pytester.runpytest("--articlekit-update")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines([
        "*update mode*",
        "*--articlekit-update: rewrote 2 of 2 fixture files; review them*",
        "  rewrote pages/story.json",
        "  created pages/fresh.json",
    ])
    doc = json.loads((pages / "story.json").read_text(encoding="utf-8"))
    assert list(doc) == ["meta", "checks", "expected"] and doc["checks"] == CHECKS
    assert doc["expected"] == snapshot(parse(PAGE))

    result = pytester.runpytest("--articlekit-update")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*--articlekit-update: no snapshot changed (2 fixture pages parsed)*"])
    pytester.runpytest().assert_outcomes(passed=2)


def test_update_keeps_failing_checks(pytester: pytest.Pytester) -> None:
    _project(pytester, checks={**CHECKS, "outlet": "suara.com"})
    result = pytester.runpytest("--articlekit-update")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*outlet: expected 'suara.com', got 'kompas.com'*",
                                 "*--articlekit-update never edits 'checks'*"])


def test_expect_fail_is_a_strict_xfail(pytester: pytest.Pytester) -> None:
    _project(pytester, checks={**CHECKS, "place": "Bandung"}, meta={"expect": "fail", "why_fails": "place rule"})
    pytester.runpytest().assert_outcomes(xfailed=1)
    _project(pytester, meta={"expect": "fail", "why_fails": "place rule"})
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*XPASS(strict)*place rule*"])


def test_broken_json_fails_its_page_only(pytester: pytest.Pytester) -> None:
    pages = _project(pytester)
    (pages / "broken.txt").write_text("JAKARTA - Harga naik.", encoding="utf-8")
    (pages / "broken.json").write_text("{not json", encoding="utf-8")
    result = pytester.runpytest()
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*broken.json is not valid JSON*"])


def test_custom_pipeline(pytester: pytest.Pytester) -> None:
    _project(pytester, expected=False, checks={"outlet": None})
    pytester.makepyfile(mypipe="""
        from articlekit import Pipeline

        def make():
            nlp = Pipeline.default()
            nlp.remove("prefix")
            return nlp
    """)
    pytester.makeini("[pytest]\narticlekit_fixtures = pages\narticlekit_pipeline = mypipe:make\npythonpath = .\n")
    pytester.runpytest("--articlekit-update").assert_outcomes(passed=1)
    pytester.makeini("[pytest]\narticlekit_fixtures = pages\narticlekit_pipeline = mypipe:nothing\npythonpath = .\n")
    result = pytester.runpytest()
    assert result.ret != 0
    result.stderr.fnmatch_lines(["*articlekit_pipeline = 'mypipe:nothing'*"])


def test_configuration_errors(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\n")
    result = pytester.runpytest("--articlekit-update")
    result.stderr.fnmatch_lines(["*--articlekit-update: no fixture folder is configured*"])
    result = pytester.runpytest("--articlekit-fixtures", "missing")
    result.stderr.fnmatch_lines(["*articlekit fixture folder * does not exist*"])
