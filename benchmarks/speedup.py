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


def run(texts: list[str], workers: int, chunksize: int) -> float:
    """Seconds to parse all of ``texts``."""
    started = time.perf_counter()
    count = 0
    for _ in articlekit.parse_many(texts, workers=workers, chunksize=chunksize):
        count += 1
    assert count == len(texts)
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="speedup.py", description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--synthetic", action="store_true", help="use invented pages even if the corpus exists")
    ap.add_argument("--pages", type=int, default=8000, help="pages per run (default 8000)")
    ap.add_argument("--workers", type=int, nargs="+", default=[2], help="worker counts to compare with 1")
    ap.add_argument("--chunksize", type=int, default=32)
    args = ap.parse_args(argv)

    texts, where = load(args.corpus, args.synthetic, args.pages)
    articlekit.parse(texts[0])  # warm the in-process pipeline (the workers warm their own)
    load_avg = f", load average {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else ""
    print(f"{len(texts)} pages from {where}; {os.cpu_count()} CPUs{load_avg}")
    one = run(texts, 1, args.chunksize)
    print(f"{'workers':>8}{'seconds':>10}{'pages/s':>10}{'speed-up':>10}")
    print(f"{1:>8}{one:>10.2f}{len(texts) / one:>10.0f}{1.0:>9.2f}x")
    for n in args.workers:
        t = run(texts, n, args.chunksize)
        print(f"{n:>8}{t:>10.2f}{len(texts) / t:>10.0f}{one / t:>9.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
