"""Every code block in README.md and docs/*.md runs, and the docs site builds.

Each page runs top to bottom in a fresh working folder, so the blocks of a page can build on
each other. The folder holds a copy of ``examples/``, ``page.txt`` (= ``examples/page.txt``),
``pages/`` (= ``examples/pages/``) and the same pages as JSON Lines (``dump-0.jsonl``,
``dump-1.jsonl``, ``dump.jsonl.gz``; fields ``id``, ``url``, ``text`` and ``content``, the same text).

* ``pycon``: a doctest (ELLIPSIS, NORMALIZE_WHITESPACE), in one namespace per page. README's
  are run by pytest's ``--doctest-glob=README.md`` instead, so they are skipped here;
* ``python``: executed in that namespace; with ``title="name.py"`` it is a file, written only.
  A block that needs a missing optional package (dask, pandas, …) is not run, and the page's
  test is reported as skipped, naming it;
* ``toml``/``json``: parsed; ``toml``/``json``/``ini``/``text`` blocks with ``title="path"`` are
  written to that path first, so later blocks can use them;
* ``sh``/``console``: the commands run and must exit 0 (or N, when the line has a comment
  ``# exits N``); in ``console``, the lines after a ``$ `` line are its expected output.
  ``articlekit``, ``python -m articlekit[.fixtures]``, ``python script.py`` and ``pytest`` run
  in this process (``pytest`` as pytester's in-process run); a line with pipes or redirections,
  or another program, runs in bash. ``pip install`` is checked (the extras exist) but not run;
  ``mkdocs`` and ``git`` are not run.

A block preceded by ``<!-- docs-test: skip REASON -->`` is skipped. The docs build
(``mkdocs build --strict``) runs when mkdocs, Material and mkdocstrings are installed
(``pip install ".[docs]"``).
"""

from __future__ import annotations

import contextlib
import doctest
import gzip
import io
import json
import os
import re
import runpy
import shlex
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from articlekit import cli
from articlekit import fixtures as fixtures_cli

from .conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,})(?P<info>[^`\n]*)\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
                    re.M | re.S)
_SKIP = re.compile(r"<!--\s*docs-test:\s*skip\s+(?P<reason>[^>]+?)\s*-->\s*$")
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
_OPTIONAL = {"dask", "distributed", "pandas", "matplotlib", "tqdm", "datasets", "pyspark"}
_SHELL_TOKENS = {"|", ">", ">>", "<", ";", "2>", "&>"}
_KNOWN = {"articlekit", "python", "pytest", "pip", "mkdocs", "git"}
_EXTRAS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]


@dataclass(frozen=True)
class Block:
    page: Path
    line: int
    lang: str
    title: str | None
    body: str
    skip: str | None

    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


_HOOK = runpy.run_path(str(ROOT / "docs" / "hooks" / "schema.py"))


def blocks_of(page: Path) -> list[Block]:
    """The fenced code blocks of a Markdown page, in order (after the site's markdown hook)."""
    text = _HOOK["on_page_markdown"](page.read_text(encoding="utf-8"))
    out = []
    for m in _FENCE.finditer(text):
        info = m.group("info").strip()
        lang = info.split()[0] if info else ""
        title = re.search(r'title="([^"]+)"', info)
        indent = len(m.group("indent"))
        body = "".join(line[indent:] if line[:indent].strip() == "" else line.lstrip()
                       for line in m.group("body").splitlines(keepends=True))
        before = text[: m.start()].rstrip("\n").rsplit("\n", 1)[-1]
        skip = _SKIP.search(before)
        out.append(Block(page, text.count("\n", 0, m.start()) + 1, lang, title.group(1) if title else None, body,
                         skip.group("reason") if skip else None))
    return out


# --------------------------------------------------------------------------- running commands


class Runner:
    """Runs one page's blocks in ``workdir``."""

    def __init__(self, workdir: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest) -> None:
        self.workdir = workdir
        self.capsys = capsys
        self.request = request
        self.namespace: dict[str, Any] = {"__name__": "__docs__"}
        self.expect_code = 0
        self.missing: list[str] = []  # blocks not run for want of an optional package

    def command(self, line: str, block: Block) -> str:
        """Run one command line (``a && b`` runs both); returns what it printed.

        A command must exit 0, unless the line has a comment ``# exits N``.
        """
        printed = []
        m = re.search(r"#\s*exits\s+(\d+)\b", line)
        self.expect_code = int(m.group(1)) if m else 0
        for part in line.split("&&"):
            lexer = shlex.shlex(part, posix=True, punctuation_chars="|<>;")
            lexer.whitespace_split = True
            argv = list(lexer)
            if argv:
                printed.append(self._one(argv, block))
        return "".join(printed)

    def _one(self, argv: list[str], block: Block) -> str:
        prog = argv[0]
        if any(tok in _SHELL_TOKENS for tok in argv) or prog not in _KNOWN:
            return self._shell(shlex.join(argv) if prog in _KNOWN else " ".join(argv), block)
        if prog == "python" and argv[1:3] == ["-m", "articlekit"]:
            return self._call(cli.main, argv[3:], block)
        if prog == "python" and argv[1:3] == ["-m", "articlekit.fixtures"]:
            return self._call(fixtures_cli.main, argv[3:], block)
        if prog == "articlekit":
            return self._call(cli.main, argv[1:], block)
        if prog == "python" and len(argv) > 1 and argv[1].endswith(".py"):
            return self._script(argv[1:], block)
        if prog == "pytest" or (prog == "python" and argv[1:3] == ["-m", "pytest"]):
            if block.page.name == "README.md":
                return ""  # the README's test command is this test suite itself
            return self._pytest(argv[3:] if prog == "python" else argv[1:], block)
        if prog == "pip" and argv[1:2] == ["install"]:
            self._check_install(argv[2:], block)
            return ""
        if prog in ("mkdocs", "git"):
            return ""  # not run here (the site build is test_docs_site_builds)
        return self._shell(shlex.join(argv), block)

    def _shell(self, line: str, block: Block) -> str:
        """A command with pipes or redirections, or another program: bash, in the page's folder."""
        env = dict(os.environ)
        env["PATH"] = os.pathsep.join([str(self.workdir / ".bin"), env.get("PATH", "")])
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
        done = subprocess.run(["bash", "-o", "pipefail", "-c", line], cwd=self.workdir, env=env, capture_output=True,
                              text=True, encoding="utf-8", timeout=300, check=False)
        assert done.returncode == self.expect_code, f"{block.where()}: $ {line} exited {done.returncode}\n{done.stderr}"
        return done.stdout

    def _call(self, main: Any, args: list[str], block: Block) -> str:
        self.capsys.readouterr()
        with _cwd(self.workdir):
            code = main(args)
        out, err = self.capsys.readouterr()
        assert code == self.expect_code, f"{block.where()}: {shlex.join(args)} exited {code}\n{err}"
        return out

    def _script(self, argv: list[str], block: Block) -> str:
        self.capsys.readouterr()
        old = sys.argv
        sys.argv = argv
        code = 0
        try:
            with _cwd(self.workdir):  # an absolute path, as python gives a script: worker processes find it
                runpy.run_path(str(Path(argv[0]).resolve()), run_name="__main__")
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        finally:
            sys.argv = old
        out, err = self.capsys.readouterr()
        assert code == self.expect_code, f"{block.where()}: {shlex.join(argv)} exited {code}\n{err}"
        return out

    def _pytest(self, args: list[str], block: Block) -> str:
        # in this process (pytester's in-process run: sys.modules and sys.path are restored after the
        # test), in the page's folder; pytester is set up only for pages that run pytest, so a module
        # such as numpy that a page imported before stays imported
        pytester: pytest.Pytester = self.request.getfixturevalue("pytester")
        monkeypatch: pytest.MonkeyPatch = self.request.getfixturevalue("monkeypatch")
        # after pytester's set-up, which clears PYTEST_ADDOPTS: skip plugins that re-import heavy packages
        monkeypatch.setenv("PYTEST_ADDOPTS", "-p no:hypothesispytest -p no:benchmark -p no:cacheprovider")
        with _cwd(self.workdir):
            result = pytester.runpytest_inprocess(*args)
        out = "\n".join(result.outlines) + "\n"
        assert result.ret == self.expect_code, f"{block.where()}: pytest {shlex.join(args)} exited {result.ret}\n{out}"
        return out

    def _check_install(self, args: list[str], block: Block) -> None:
        for spec in args:
            if spec.startswith("-"):
                continue
            m = re.fullmatch(r"(?:\.|articlekit)(?:\[(?P<extras>[^\]]*)\])?", spec)
            assert m, f"{block.where()}: pip install {spec!r} installs something other than articlekit"
            for extra in filter(None, (m.group("extras") or "").split(",")):
                assert extra.strip() in _EXTRAS, f"{block.where()}: no extra {extra!r} in pyproject.toml"


@contextlib.contextmanager
def _cwd(path: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(path)
    sys.path.insert(0, str(path))
    try:
        yield
    finally:
        sys.path.remove(str(path))
        os.chdir(old)


def _doctest(source: str, runner: Runner, block: Block) -> None:
    test = doctest.DocTestParser().get_doctest(source, runner.namespace, block.where(), str(block.page), block.line)
    report = io.StringIO()
    dt = doctest.DocTestRunner(optionflags=_FLAGS)
    with _cwd(runner.workdir):
        dt.run(test, out=report.write, clear_globs=False)
    runner.namespace.update(test.globs)  # DocTest works on a copy: carry the names to the next block
    if dt.failures:
        pytest.fail(f"{block.where()}: doctest failed\n{report.getvalue()}", pytrace=False)


def _console(block: Block, runner: Runner) -> None:
    command: str | None = None
    expected: list[str] = []

    def finish() -> None:
        if command is None:
            return
        got = runner.command(command, block)
        want = "\n".join(expected).strip("\n")
        checker = doctest.OutputChecker()
        if want and not checker.check_output(want + "\n", got, _FLAGS):
            pytest.fail(f"{block.where()}: $ {command}\nexpected:\n{want}\ngot:\n{got}", pytrace=False)

    for line in block.body.splitlines():
        if line.startswith("$ "):
            finish()
            command, expected = line[2:], []
        else:
            expected.append(line)
    finish()


def run_block(block: Block, runner: Runner) -> None:
    if block.title:
        target = runner.workdir / block.title
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(block.body, encoding="utf-8")
    lang = block.lang
    if lang == "pycon":
        if block.page.name != "README.md":  # README's run under --doctest-glob=README.md
            _doctest(block.body, runner, block)
    elif lang == "python":
        if not block.title:
            try:
                with _cwd(runner.workdir):
                    exec(compile(block.body, block.where(), "exec"), runner.namespace)
            except ModuleNotFoundError as exc:
                if exc.name is None or exc.name.partition(".")[0] not in _OPTIONAL:
                    raise
                runner.missing.append(f"{block.where()} needs {exc.name}")
    elif lang == "toml":
        tomllib.loads(block.body)
    elif lang == "json":
        json.loads(block.body)
    elif lang in ("sh", "bash"):
        lines = block.body.replace("\\\n", " ").splitlines()
        for line in lines:
            runner.command(line, block)
    elif lang == "console":
        _console(block, runner)
    elif lang in ("ini", "text") and block.title:
        pass  # a file, written above
    else:
        pytest.fail(f"{block.where()}: a ```{lang} block cannot be run; use pycon, python, sh, console, toml, "
                    "json, or give it a title=\"file\" (see tests/test_docs.py)")


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A page's working folder: the examples and a few sample inputs the pages use."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples", ignore=shutil.ignore_patterns("*.ipynb", ".*"))
    shutil.copy(ROOT / "examples" / "page.txt", tmp_path / "page.txt")
    shutil.copytree(ROOT / "examples" / "pages", tmp_path / "pages")
    lines = [json.dumps({"id": p.stem, "url": f"https://example.test/{p.stem}", "text": p.read_text(encoding="utf-8"),
                         "content": p.read_text(encoding="utf-8")}, ensure_ascii=False)
             for p in sorted((ROOT / "examples" / "pages").glob("*.txt"))]
    (tmp_path / "dump-0.jsonl").write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    (tmp_path / "dump-1.jsonl").write_text("\n".join(lines[3:]) + "\n", encoding="utf-8")
    (tmp_path / "dump.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    bin_dir = tmp_path / ".bin"  # commands run by bash find this interpreter and this checkout
    bin_dir.mkdir()
    for name, target in (("articlekit", f'"{sys.executable}" -m articlekit'), ("python", f'"{sys.executable}"')):
        (bin_dir / name).write_text(f'#!/bin/sh\nexec {target} "$@"\n', encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    return tmp_path


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_code_blocks_run(page: Path, workdir: Path, capsys: pytest.CaptureFixture[str],
                         request: pytest.FixtureRequest) -> None:
    runner = Runner(workdir, capsys, request)
    blocks = blocks_of(page)
    for block in blocks:
        if block.skip is None:
            run_block(block, runner)
    if page.parent.name == "docs" and page.name not in ("api.md", "schema.md"):
        assert blocks, f"{page.name} has no code block"
    if runner.missing:
        pytest.skip(f"the other blocks ran; not run for want of an optional package: {'; '.join(runner.missing)}")


def test_every_docs_page_is_in_the_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in PAGES[1:]:
        assert f": {page.name}" in nav, f"{page.name} is not in mkdocs.yml's nav"


def test_the_readme_pycon_blocks_are_doctested() -> None:
    """README's pycon blocks are run by pytest's doctest plugin, not here: make sure they still are."""
    ini = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "README.md" in ini["testpaths"] and "--doctest-glob=README.md" in ini["addopts"]


def test_docs_site_builds(tmp_path: Path) -> None:
    """``mkdocs build --strict`` with no warning (needs ``pip install ".[docs]"``)."""
    pytest.importorskip("mkdocs")
    pytest.importorskip("material")
    pytest.importorskip("mkdocstrings_handlers.python")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    env["NO_MKDOCS_2_WARNING"] = "1"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                          cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300, check=False)
    log = done.stdout + done.stderr
    assert done.returncode == 0, log
    assert "WARNING" not in log, log
    assert (tmp_path / "site" / "api" / "index.html").exists()
