"""Speed-up from worker processes: ``articlekit.parse_many`` with 1 worker (in-process) against N.

Parses the same pages (the real corpus ``../shared/corpus/raw``, or invented pages when it is
absent or with ``--synthetic``; repeated up to ``--pages``) with ``workers=1`` and with each
of ``--workers`` (default: 2), and prints the wall time, pages per second and the speed-up
over one worker. Worker start-up is included. Target: 2 workers at least 1.8x one.

Usage::

    python benchmarks/speedup.py
    python benchmarks/speedup.py --workers 2 4 --pages 20000 --chunksize 64

Not a test: only fair on an otherwise idle machine with at least as many cores as workers.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from _common import DEFAULT_CORPUS, corpus_files, iter_jsonl
from _synthetic import pages

import articlekit


def load(corpus: Path, synthetic: bool, n: int) -> tuple[list[str], str]:
    """``n`` pages (the corpus cycled as needed) and where they came from."""
    files = [] if synthetic else corpus_files(corpus, "raw")
    if files:
        base = [str(r["text"]) for f in files for r in iter_jsonl(f) if isinstance(r.get("text"), str)]
        where = f"{corpus / 'raw'}"
    else:
        base = pages(min(n, 4000))
        where = "synthetic corpus of invented pages"
    return list(itertools.islice(itertools.cycle(base), n)), where


def run(texts: list[str], workers: int, chunksize: int) -> tuple[float, float, float]:
    """Wall seconds to parse all of ``texts``, CPU seconds of this process, CPU seconds of the workers."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time()
    started = time.perf_counter()
    count = 0
    for _ in articlekit.parse_many(texts, workers=workers, chunksize=chunksize):
        count += 1
    assert count == len(texts)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers were joined: their time is in
    worker_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    return wall, time.process_time() - cpu, worker_cpu


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="speedup.py", description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--synthetic", action="store_true", help="use invented pages even if the corpus exists")
    ap.add_argument("--pages", type=int, default=8000, help="pages per run (default 8000)")
    ap.add_argument("--workers", type=int, nargs="+", default=[2], help="worker counts to compare with 1")
    ap.add_argument("--chunksize", type=int, default=64)
    args = ap.parse_args(argv)

    texts, where = load(args.corpus, args.synthetic, args.pages)
    articlekit.parse(texts[0])  # warm the in-process pipeline (the workers warm their own)
    load_avg = f", load average {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else ""
    print(f"{len(texts)} pages from {where}; {os.cpu_count()} CPUs{load_avg}")
    one, one_cpu, _ = run(texts, 1, args.chunksize)
    print(f"{'workers':>8}{'seconds':>10}{'pages/s':>10}{'speed-up':>10}{'main cpu':>10}{'workers cpu':>12}"
          f"{'cpu bound':>11}")
    print(f"{1:>8}{one:>10.2f}{len(texts) / one:>10.0f}{1.0:>9.2f}x{one_cpu:>10.2f}{0:>12.2f}{1.0:>10.2f}x")
    for n in args.workers:
        t, main_cpu, workers_cpu = run(texts, n, args.chunksize)
        # the speed-up the CPU work allows on n idle cores: the busiest of the main process and the
        # average worker sets the pace (contention-free estimate; the wall-clock figure is the real one)
        cores = min(n, os.cpu_count() or n)
        bound = one_cpu / max(main_cpu, workers_cpu / n, (main_cpu + workers_cpu) / cores)
        print(f"{n:>8}{t:>10.2f}{len(texts) / t:>10.0f}{one / t:>9.2f}x{main_cpu:>10.2f}{workers_cpu:>12.2f}"
              f"{bound:>10.2f}x")
    print("\ncpu bound: the speed-up N idle cores would allow given the CPU time each part used: 1-worker CPU / "
          "max(main CPU, workers' CPU / N, all CPU / cores). Compare it with the wall-clock speed-up when other "
          "jobs share the machine.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
