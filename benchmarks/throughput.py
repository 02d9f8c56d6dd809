"""Single-core throughput: articlekit next to a C4-style line filter and trafilatura, in the same run.

Reads the texts of ``../shared/corpus/raw/*.jsonl`` (or, when that is absent or with
``--synthetic``, a generated corpus of invented pages of the same average length) and times,
page by page on one core:

* ``articlekit``: ``articlekit.parse`` (the default pipeline), building the whole ``Article``;
* ``c4-filter``: the C4 line filter corpus pipelines use (keep the lines that end in terminal
  punctuation and have at least 3 words; drop ``javascript``/cookie-policy lines; drop the
  page on ``lorem ipsum`` or ``{``, or with fewer than 3 sentences left);
* ``trafilatura`` (when installed): ``trafilatura.extract`` on the same text wrapped as simple
  HTML (one ``<p>`` per line; the wrapping is not timed).

Reports the median and mean wall-clock milliseconds per page, the median CPU milliseconds
(the fairer figure when other jobs share the cores), characters per second, and each tool's
median as a multiple of the C4 filter's. ``--profile N`` adds the top N entries of a cProfile
run of articlekit over the same pages.

Usage::

    python benchmarks/throughput.py
    python benchmarks/throughput.py --synthetic --limit 2000 --profile 25

Not a test: the figures depend on the machine (run it on an idle one).
"""

from __future__ import annotations

import argparse
import cProfile
import html
import io
import os
import pstats
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from _common import DEFAULT_CORPUS, corpus_files, iter_jsonl
from _synthetic import pages

import articlekit

_END_MARKS = (".", "?", "!", '"')
_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")
_CITATION = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?:\s|$)")


def c4_filter(text: str) -> str | None:
    """The C4 line filter (Raffel et al. 2020, ``clean_page``), the page or ``None`` when dropped."""
    kept: list[str] = []
    sentences = 0
    for raw in text.splitlines():
        line = _CITATION.sub("", raw.strip())
        if not line.endswith(_END_MARKS) or line.endswith("..."):
            continue
        if len(line.split()) < 3:
            continue
        low = line.lower()
        if "lorem ipsum" in low or "{" in line:
            return None
        if "javascript" in low or any(p in low for p in _POLICY):
            continue
        kept.append(line)
        sentences += len(_SENTENCE_END.findall(line))
    if sentences < 3:
        return None
    return "\n".join(kept)


def as_html(text: str) -> str:
    """The text as a simple HTML page, one paragraph per line."""
    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return f"<html><head><title>t</title></head><body><article>{body}</article></body></html>"


def load_texts(corpus: Path, synthetic: bool, limit: int | None) -> tuple[list[str], str]:
    """The texts to time and where they came from."""
    files = [] if synthetic else corpus_files(corpus, "raw")
    if files:
        texts = [str(r["text"]) for f in files for r in iter_jsonl(f) if isinstance(r.get("text"), str)]
        where = f"{corpus / 'raw'} ({len(files)} files)"
    else:
        texts = pages(limit or 4000)
        where = "synthetic corpus of invented pages"
    return (texts[:limit] if limit else texts), where


def time_each(func: Callable[[str], object], inputs: Sequence[str]) -> tuple[list[float], list[float]]:
    """Seconds per input: wall-clock and CPU time of this process (robust when other jobs share the cores)."""
    wall, cpu = time.perf_counter, time.process_time
    walls: list[float] = []
    cpus: list[float] = []
    for x in inputs:
        w, c = wall(), cpu()
        func(x)
        cpus.append(cpu() - c)
        walls.append(wall() - w)
    return walls, cpus


def row(name: str, times: tuple[list[float], list[float]], chars: int, base: float | None) -> str:
    walls, cpus = times
    med = statistics.median(walls) * 1000
    mean = statistics.fmean(walls) * 1000
    cpu_med = statistics.median(cpus) * 1000
    rate = chars / sum(walls) if sum(walls) else 0.0
    ratio = f"{med / base:>8.1f}x" if base else f"{'1.0x':>9}"
    return f"{name:<14}{med:>10.4f}{mean:>10.4f}{cpu_med:>10.4f}{rate:>16,.0f}{ratio}"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="throughput.py", description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus directory (default ../shared/corpus)")
    ap.add_argument("--synthetic", action="store_true", help="use generated invented pages even if the corpus exists")
    ap.add_argument("--limit", type=int, help="time only the first N pages")
    ap.add_argument("--no-trafilatura", action="store_true", help="skip trafilatura even when installed")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="print the top N cProfile entries")
    args = ap.parse_args(argv)

    texts, where = load_texts(args.corpus, args.synthetic, args.limit)
    chars = sum(len(t) for t in texts)
    nlp = articlekit.Pipeline.default()
    for t in texts[:50]:  # compile lazily built patterns, fill caches
        nlp(t)
        c4_filter(t)
    load = f"; load average {os.getloadavg()[0]:.2f} (figures are only fair when it is near 0)" \
        if hasattr(os, "getloadavg") else ""
    print(f"{len(texts)} pages from {where}; mean {chars / len(texts):,.0f} chars; one core{load}")
    results: list[tuple[str, tuple[list[float], list[float]]]] = []
    results.append(("c4-filter", time_each(c4_filter, texts)))
    results.append(("articlekit", time_each(nlp, texts)))
    if not args.no_trafilatura:
        try:
            import trafilatura  # type: ignore[import-not-found, import-untyped, unused-ignore]
        except ImportError as exc:
            print(f"trafilatura cannot be imported ({exc}): its row is left out")
        else:
            docs = [as_html(t) for t in texts]
            for d in docs[:20]:
                trafilatura.extract(d)
            results.append(("trafilatura", time_each(trafilatura.extract, docs)))
    base = statistics.median(results[0][1][0]) * 1000
    print(f"\n{'tool':<14}{'median ms':>10}{'mean ms':>10}{'cpu med':>10}{'chars/s':>16}{'vs c4':>9}")
    for name, seconds in results:
        print(row(name, seconds, chars, None if name == "c4-filter" else base))
    ak = statistics.median(results[1][1][0]) * 1000
    print(f"\ntargets: median <= 0.1 ms ({'met' if ak <= 0.1 else 'NOT met'}: {ak:.3f} ms); "
          f"<= 6x the c4 filter ({'met' if ak <= 6 * base else 'NOT met'}: {ak / base:.1f}x)")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for t in texts:
            nlp(t)
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(args.profile)
        print("\n" + out.getvalue().strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
