"""pytest plugin: your fixture pages (``name.txt`` + ``name.json``) become tests.

Installed with articlekit (entry point ``pytest11``), and idle until told where the pages are:

.. code-block:: toml

    # pyproject.toml
    [tool.pytest.ini_options]
    articlekit_fixtures = ["tests/pages"]

or ``pytest --articlekit-fixtures tests/pages``. Every ``*.txt`` under those folders is one test
(``tests/pages/story.txt::parse``): the page is parsed and compared with ``story.json`` by the
rules of :mod:`articlekit.fixtures` (the hand-written ``checks``, then the ``expected`` snapshot).
A failure lists the differences field by field. ``pytest --articlekit-update`` rewrites the
``expected`` snapshots to the current parse (never the hand-written ``checks``) and names every
file it rewrote at the end of the run; review them with ``git diff``.

``"meta": {"expect": "fail", "why_fails": "..."}`` in a ``.json`` marks a known failure (strict
xfail: the test fails once the case starts passing). The ini option ``articlekit_pipeline =
"package.module:name"`` parses with your own :class:`~articlekit.Pipeline` (or a function
without arguments that returns one) instead of :func:`articlekit.parse`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from .fixtures import (
    CaseResult,
    FixtureCase,
    compare_case,
    known_failure,
    load_pipeline,
    parse_case,
    update_case,
)
from .models import Article
from .pipeline import Pipeline

__all__ = ["FixtureFileError", "FixtureItem", "FixtureMismatch", "FixturePage", "format_mismatch"]

_UPDATE_FLAG = "--articlekit-update"


@dataclass(eq=False)  # hashable by identity: it is registered as a plugin
class _State:
    """What the plugin knows during one pytest run."""

    folders: list[Path]
    update: bool
    pipeline: Callable[[str], Article] | None
    rewritten: list[Path] = field(default_factory=list)
    created: list[Path] = field(default_factory=list)
    checked: int = 0

    def covers(self, path: Path) -> bool:
        path = path.resolve()
        return any(path.is_relative_to(folder) for folder in self.folders)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Collect what each fixture test did (a hook: this object is registered as a plugin)."""
        if report.when != "call":
            return
        for key, value in report.user_properties:
            if key == "articlekit_parsed":
                self.checked += 1
            elif key == "articlekit_rewrote":
                self.rewritten.append(Path(str(value)))
            elif key == "articlekit_created":
                self.created.append(Path(str(value)))


_STATE = pytest.StashKey[_State]()


def _load_pipeline(spec: str) -> Pipeline:
    try:
        return load_pipeline(spec)
    except ValueError as exc:
        raise pytest.UsageError(f"articlekit_pipeline = {exc}") from exc


# --------------------------------------------------------------------------- hooks


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("articlekit", "articlekit fixture pages")
    group.addoption("--articlekit-fixtures", action="append", default=[], metavar="DIR",
                    help="a folder of fixture pages (name.txt + name.json) to run as tests; may be repeated "
                         "(adds to the articlekit_fixtures ini option)")
    group.addoption(_UPDATE_FLAG, action="store_true", default=False,
                    help="rewrite the 'expected' snapshots of the fixture pages to the current parse "
                         "(hand-written 'checks' are kept) and list the rewritten files")
    parser.addini("articlekit_fixtures", type="paths", default=[],
                  help="folders of articlekit fixture pages (name.txt + name.json) collected as tests")
    parser.addini("articlekit_pipeline", type="string", default="",
                  help="'package.module:name' of the Pipeline (or a function returning one) that parses "
                       "the fixture pages; default articlekit.parse")


def pytest_configure(config: pytest.Config) -> None:
    ini_folders = [Path(p) for p in config.getini("articlekit_fixtures")]
    cli_folders = [config.invocation_params.dir / p for p in config.getoption("articlekit_fixtures")]
    folders = [p.resolve() for p in (*ini_folders, *cli_folders)]
    update = bool(config.getoption("articlekit_update"))
    if not folders:
        if update:
            raise pytest.UsageError(
                f"{_UPDATE_FLAG}: no fixture folder is configured; set the articlekit_fixtures ini option "
                "or pass --articlekit-fixtures DIR")
        return
    for folder in folders:
        if not folder.is_dir():
            raise pytest.UsageError(f"articlekit fixture folder {folder} does not exist")
    spec = str(config.getini("articlekit_pipeline")).strip()
    state = _State(folders=folders, update=update, pipeline=_load_pipeline(spec) if spec else None)
    config.stash[_STATE] = state
    config.pluginmanager.register(state, "articlekit-fixture-state")
    # a folder named on the command line is collected even when the run's paths do not include it
    base = config.rootpath if config.args_source == pytest.Config.ArgsSource.TESTPATHS else config.invocation_params.dir
    given = [(base / arg.split("::")[0]).resolve() for arg in config.args]
    for folder in (p.resolve() for p in cli_folders):
        if not any(folder.is_relative_to(g) for g in given):
            config.args.append(str(folder))


def pytest_report_header(config: pytest.Config) -> list[str]:
    state = config.stash.get(_STATE, None)
    if state is None:
        return []
    where = ", ".join(_rel(f, config) for f in state.folders)
    mode = " (update mode: 'expected' snapshots will be rewritten)" if state.update else ""
    return [f"articlekit fixture pages: {where}{mode}"]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> FixturePage | None:
    state = parent.config.stash.get(_STATE, None)
    if state is None or file_path.suffix != ".txt" or not state.covers(file_path):
        return None
    page: FixturePage = FixturePage.from_parent(parent, path=file_path)
    return page


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    state = config.stash.get(_STATE, None)
    if state is None or not state.update:
        return
    tr = terminalreporter
    tr.section("articlekit fixture snapshots")
    changed = state.rewritten + state.created
    if not changed:
        tr.write_line(f"{_UPDATE_FLAG}: no snapshot changed ({state.checked} fixture pages parsed)")
        return
    tr.write_line(f"{_UPDATE_FLAG}: rewrote {len(changed)} of {state.checked} fixture files; "
                  "review them before committing (git diff):", yellow=True, bold=True)
    for path in state.rewritten:
        tr.write_line(f"  rewrote {_rel(path, config)}")
    for path in state.created:
        tr.write_line(f"  created {_rel(path, config)}")


def _rel(path: Path, config: pytest.Config) -> str:
    try:
        return str(path.resolve().relative_to(config.invocation_params.dir.resolve()))
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------- nodes


class FixtureMismatch(AssertionError):
    """The parse of a fixture page differs from its ``.json``."""

    def __init__(self, result: CaseResult) -> None:
        super().__init__(f"{result.case.name}: {len(result.problems)} differences")
        self.result = result


class FixtureFileError(Exception):
    """A fixture page that cannot be checked at all (its ``.json`` does not parse)."""


class FixturePage(pytest.File):
    """One fixture page (``name.txt``); its single test is ``parse``."""

    def collect(self) -> Iterator[FixtureItem]:
        case = FixtureCase(self.path, self.path.with_suffix(".json"))
        item: FixtureItem = FixtureItem.from_parent(self, name="parse", case=case)
        try:
            why = known_failure(case)
        except ValueError as exc:  # a broken .json fails its test, it does not stop the collection
            item.load_error = f"{case.json} is not valid JSON: {exc}"
            why = None
        if why is not None:
            item.add_marker(pytest.mark.xfail(strict=True, reason=why))
        yield item


class FixtureItem(pytest.Item):
    """Parse a fixture page and compare it with its ``.json`` (checks, then snapshot)."""

    def __init__(self, *, case: FixtureCase, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.load_error: str | None = None

    def runtest(self) -> None:
        if self.load_error is not None:
            raise FixtureFileError(self.load_error)
        state = self.config.stash[_STATE]
        # what happened travels in the report's user_properties, so that the summary at the end
        # is right also when the tests ran in other processes (pytest-xdist)
        self.user_properties.append(("articlekit_parsed", str(self.case.json)))
        article = parse_case(self.case, state.pipeline)
        if state.update:
            existed = self.case.json.exists()
            if update_case(self.case, article=article):
                self.user_properties.append(("articlekit_rewrote" if existed else "articlekit_created",
                                             str(self.case.json)))
        result = compare_case(self.case, article=article)
        if not result.ok:
            raise FixtureMismatch(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str | Any:
        if isinstance(excinfo.value, FixtureMismatch):
            return format_mismatch(excinfo.value.result, self.config)
        if isinstance(excinfo.value, FixtureFileError):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"articlekit fixture page {self.case.name}"


def format_mismatch(result: CaseResult, config: pytest.Config | None = None) -> str:
    """The failure report of one fixture page: what differs, field by field, and what to do."""
    case = result.case
    json_name = _rel(case.json, config) if config is not None else str(case.json)
    txt_name = _rel(case.txt, config) if config is not None else str(case.txt)
    if not case.json.exists():
        return "\n".join([f"articlekit fixture page {case.name}: {json_name} does not exist yet; write it with",
                          f"  pytest {_UPDATE_FLAG} {txt_name}"])
    if result.missing and not result.checks:
        return "\n".join([f"articlekit fixture page {case.name}: {json_name} has no 'expected' snapshot yet; "
                          "write it with", f"  pytest {_UPDATE_FLAG} {txt_name}"])
    lines = [f"articlekit fixture page {case.name}: the parse differs from {json_name}"]
    if result.checks:
        lines += ["", "hand-written checks ('checks'):"]
        lines += [f"  {p}" for p in result.checks]
    if result.missing:
        lines += ["", "no 'expected' snapshot yet: write it with", f"  pytest {_UPDATE_FLAG} {txt_name}"]
    if result.snapshot:
        lines += ["", "snapshot ('expected'), field by field:"]
        lines += [f"  {d}" for d in result.snapshot]
        lines += ["", "if the new parse is right, rewrite the snapshot and review it:",
                  f"  pytest {_UPDATE_FLAG} {txt_name} && git diff {json_name}"]
    if result.checks:
        lines += ["", f"a failing check means the parser (or the check) is wrong: {_UPDATE_FLAG} never edits 'checks'"]
    return "\n".join(lines)
