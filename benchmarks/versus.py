"""articlekit next to trafilatura and jusText on the same texts, in one run; and where articlekit's time goes.

Reads the texts of ``../shared/corpus/raw/*.jsonl`` (or, when that is absent or with ``--synthetic``,
generated invented pages), takes ``--limit`` of them spread evenly over the files, and times on one core:

* ``articlekit``: ``articlekit.parse`` (default pipeline, language detected), building the whole ``Article``;
* ``trafilatura``: ``trafilatura.extract`` on the text as simple HTML (one ``<p>`` per line);
* ``justext``: ``justext.justext`` on the same HTML with the Indonesian stop list, joining the
  paragraphs it keeps.

The HTML tools are optional (``pip install ".[bench]"``); a tool that cannot be imported is left out.
Each round times every tool over all texts, the tools' order turning from round to round (so a
burst of load on the shared machine hits every tool alike); a tool's figure is its best round
(``--rounds``, 3 by default). Reported: mean wall and CPU milliseconds per article and articlekit's
cost as a multiple of each other tool's (target: at most 0.5x), by wall and by CPU time.

Then a per-stage profile of articlekit over the same texts: the share of the time (CPU by default) spent in each
stage, in language detection, in starting the draft (splitting lines), in merging each stage's
findings into the draft, and in assembling the ``Article``. The budget check (``--budget``, 20 % by
default) lists every part above it, so that the cost of a new rule shows when it lands;
``--check`` makes the script exit 1 when a target or the budget is missed. ``--cprofile N``
prints the top N entries of a cProfile run.

Usage::

    python benchmarks/versus.py                       # 1,500 texts, 3 rounds
    python benchmarks/versus.py --limit 500 --rounds 2 --cprofile 25
    python benchmarks/versus.py --profile-only        # only the per-stage profile and budget

Not a test: the figures depend on the machine and its load (``uptime`` is printed beside them).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import os
import platform
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _common import DEFAULT_CORPUS, corpus_files, iter_jsonl
from _synthetic import pages
from throughput import as_html

import articlekit
import articlekit.pipeline as pipeline_module
from articlekit.draft import Draft

TARGET_RATIO = 0.5
"""articlekit's mean cost per article, as a multiple of each other tool's: at most this."""


def load_texts(corpus: Path, synthetic: bool, limit: int) -> tuple[list[str], str]:
    """``limit`` texts spread evenly over the raw corpus (every k-th), and where they came from."""
    files = [] if synthetic else corpus_files(corpus, "raw")
    if not files:
        return pages(limit), "synthetic corpus of invented pages"
    texts = [str(r["text"]) for f in files for r in iter_jsonl(f) if isinstance(r.get("text"), str)]
    if limit and limit < len(texts):
        step = len(texts) / limit
        texts = [texts[int(i * step)] for i in range(limit)]
    return texts, f"{corpus / 'raw'} ({len(files)} files)"


Run = tuple[str, Callable[[Any], object], list[Any]]


def warm_texts(texts: Sequence[str], n: int = 30) -> list[str]:
    """The first ``n`` texts and the first text of each detected language: parsing them compiles every
    locale's lazily built patterns, so no timed round pays for a compile."""
    from articlekit.rules import detect_language

    out = list(texts[:n])
    seen: set[str] = set()
    for t in texts:
        lang = detect_language(t)
        if lang not in seen:
            seen.add(lang)
            out.append(t)
    return out


def tools(texts: Sequence[str], wanted: Sequence[str]) -> tuple[list[Run], list[str]]:
    """``(name, function, inputs)`` of each tool that can run, and the reasons the others cannot."""
    out: list[Run] = []
    missing: list[str] = []
    nlp = articlekit.Pipeline.default()
    out.append(("articlekit", nlp, list(texts)))
    docs: list[str] | None = None
    if "trafilatura" in wanted:
        try:
            import trafilatura  # type: ignore[import-not-found, import-untyped, unused-ignore]
        except ImportError as exc:
            missing.append(f"trafilatura ({exc})")
        else:
            docs = docs or [as_html(t) for t in texts]

            def traf(doc: str) -> object:
                return trafilatura.extract(doc)

            out.append((f"trafilatura {getattr(trafilatura, '__version__', '')}".strip(), traf, docs))
    if "justext" in wanted:
        try:
            import justext  # type: ignore[import-not-found, import-untyped, unused-ignore]
            stoplist = justext.get_stoplist("Indonesian")
        except ImportError as exc:
            missing.append(f"justext ({exc})")
        else:
            docs = docs or [as_html(t) for t in texts]

            def jt(doc: str) -> object:
                return "\n\n".join(p.text for p in justext.justext(doc, stoplist) if not p.is_boilerplate)

            version = _version("justext")
            out.append((f"justext {version}".strip(), jt, [d.encode("utf-8") for d in docs]))
    return out, missing


def _version(dist: str) -> str:
    try:
        from importlib.metadata import version

        return version(dist)
    except Exception:
        return ""


def time_all(func: Callable[[Any], object], inputs: Sequence[Any]) -> tuple[float, float]:
    """Wall and CPU seconds for ``func`` over every input."""
    w, c = time.perf_counter(), time.process_time()
    for x in inputs:
        func(x)
    return time.perf_counter() - w, time.process_time() - c


def compare(runs: list[Run], rounds: int) -> dict[str, tuple[float, float]]:
    """Best wall and CPU seconds of each tool over ``rounds`` interleaved rounds."""
    for name, func, inputs in runs:  # warm up: compile lazily built patterns, fill caches
        for x in warm_texts(inputs) if name == "articlekit" else inputs[:30]:
            func(x)
    best: dict[str, tuple[float, float]] = {}
    order = list(range(len(runs)))
    for r in range(rounds):
        for i in order[r % len(order):] + order[: r % len(order)]:
            name, func, inputs = runs[i]
            wall, cpu = time_all(func, inputs)
            old = best.get(name)
            best[name] = (wall, cpu) if old is None else (min(old[0], wall), min(old[1], cpu))
            print(f"  round {r + 1}: {name:<22} {wall * 1000 / len(inputs):8.3f} ms/article wall "
                  f"{cpu * 1000 / len(inputs):8.3f} cpu", file=sys.stderr)
    return best


class _Clock:
    """Seconds spent in each named part of a parse (``cpu``: this thread's CPU time; ``wall``: elapsed)."""

    def __init__(self, kind: str = "cpu") -> None:
        self.spent: dict[str, float] = {}
        self.now = time.thread_time if kind == "cpu" else time.perf_counter

    def wrap(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        spent = self.spent
        clock = self.now

        def timed(*args: Any, **kwargs: Any) -> Any:
            t = clock()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + clock() - t

        timed.__name__ = getattr(func, "__name__", name)
        return timed


class _TimedStage:
    def __init__(self, name: str, stage: Callable[[Draft], Any], clock: _Clock) -> None:
        self.name = name
        self._call = clock.wrap(f"stage {name}", stage)

    def __call__(self, draft: Draft) -> Any:
        return self._call(draft)


def stage_profile(texts: Sequence[str], rounds: int, kind: str = "cpu") -> tuple[list[tuple[str, float]], float]:
    """``(part, seconds)`` of the best of ``rounds`` runs over ``texts``, and the total seconds.

    ``kind`` is the clock: ``cpu`` (this thread's CPU time: fair when other jobs share the cores)
    or ``wall``.

    The parts are each stage, language detection, starting the draft, the draft merges, assembling
    the Article, and ``other`` (what the pipeline does between them, and the timers themselves).
    """
    nlp = articlekit.Pipeline.default()
    for t in warm_texts(texts):
        nlp(t)
    best: tuple[list[tuple[str, float]], float] | None = None
    saved = (pipeline_module.detect_language, pipeline_module.assemble, Draft.__dict__["start"], Draft.merged)
    for _ in range(rounds):
        clock = _Clock(kind)
        timed = articlekit.Pipeline.default()
        for name in timed.names:
            timed.replace(name, _TimedStage(name, timed.get(name), clock))  # type: ignore[arg-type]
        pipeline_module.detect_language = clock.wrap("language detection", saved[0])  # type: ignore[assignment]
        pipeline_module.assemble = clock.wrap("assemble Article", saved[1])  # type: ignore[assignment]
        Draft.start = classmethod(clock.wrap("draft start (lines)", saved[2].__func__))  # type: ignore[method-assign]
        Draft.merged = clock.wrap("draft merges", saved[3])  # type: ignore[method-assign]
        try:
            t0 = clock.now()
            for t in texts:
                timed(t)
            total = clock.now() - t0
        finally:
            pipeline_module.detect_language, pipeline_module.assemble = saved[0], saved[1]  # type: ignore[assignment]
            Draft.start, Draft.merged = saved[2], saved[3]  # type: ignore[method-assign]
        parts = sorted(clock.spent.items(), key=lambda kv: -kv[1])
        parts.append(("other", max(total - sum(s for _, s in parts), 0.0)))
        if best is None or total < best[1]:
            best = (parts, total)
    assert best is not None
    return best


def machine() -> str:
    """What this machine is, and how loaded it is now."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}; "
            f"load average {load}; {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="versus.py", description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus directory (default ../shared/corpus)")
    ap.add_argument("--synthetic", action="store_true", help="use generated invented pages even if the corpus exists")
    ap.add_argument("--limit", type=int, default=1500, help="texts to time, spread over the corpus (default 1500)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds; each tool's best counts (default 3)")
    ap.add_argument("--tools", default="trafilatura,justext", help="other tools to time (comma-separated)")
    ap.add_argument("--profile-only", action="store_true", help="skip the side-by-side timing")
    ap.add_argument("--budget", type=float, default=20.0, help="most any one part may take, in %% (default 20)")
    ap.add_argument("--clock", choices=("cpu", "wall"), default="cpu",
                    help="the per-stage profile's clock: CPU time of the thread (default) or wall time")
    ap.add_argument("--check", action="store_true", help="exit 1 when a ratio target or the budget is missed")
    ap.add_argument("--cprofile", type=int, default=0, metavar="N", help="print the top N cProfile entries")
    args = ap.parse_args(argv)

    texts, where = load_texts(args.corpus, args.synthetic, args.limit)
    chars = sum(len(t) for t in texts)
    print(f"{len(texts)} texts from {where}; mean {chars / len(texts):,.0f} chars")
    print(f"machine: {machine()}")
    failed = False

    if not args.profile_only:
        runs, missing = tools(texts, [t.strip() for t in args.tools.split(",") if t.strip()])
        for m in missing:
            print(f"left out: {m} (pip install '.[bench]')")
        best = compare(runs, args.rounds)
        ak_wall, ak_cpu = best["articlekit"]
        print(f"\nbest of {args.rounds} interleaved rounds, mean per article:")
        print(f"{'tool':<24}{'wall ms':>10}{'cpu ms':>10}{'articlekit / tool':>20}")
        for name, _, inputs in runs:
            wall, cpu = best[name]
            n = len(inputs)
            ratio = "" if name == "articlekit" else f"{ak_wall / wall:8.2f}x {ak_cpu / cpu:6.2f}x cpu"
            print(f"{name:<24}{wall * 1000 / n:>10.3f}{cpu * 1000 / n:>10.3f}  {ratio}")
            if name != "articlekit" and ak_cpu / cpu > TARGET_RATIO:
                print(f"  target missed: articlekit costs {ak_cpu / cpu:.2f}x {name} (target <= {TARGET_RATIO}x)")
                failed = True

    parts, total = stage_profile(texts, max(1, min(args.rounds, 2)), args.clock)
    print(f"\nwhere articlekit's time goes ({args.clock} time, {total * 1000 / len(texts):.3f} ms/article with timers; "
          f"budget: no part above {args.budget:.0f} %):")
    over = []
    for name, spent in parts:
        share = 100 * spent / total
        flag = "  OVER BUDGET" if share > args.budget and name != "other" else ""
        if flag:
            over.append(name)
        print(f"  {name:<28}{share:6.1f} %{spent * 1000 / len(texts):9.3f} ms{flag}")
    if over:
        print(f"budget missed by: {', '.join(over)}")
        failed = True
    else:
        print(f"budget met: every part at most {args.budget:.0f} %")

    if args.cprofile:
        nlp = articlekit.Pipeline.default()
        for t in warm_texts(texts):
            nlp(t)
        prof = cProfile.Profile()
        prof.enable()
        for t in texts:
            nlp(t)
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(args.cprofile)
        print("\n" + out.getvalue().strip())
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
