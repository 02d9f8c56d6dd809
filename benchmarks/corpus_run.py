"""Parse every text of the corpus: crashes, invariant violations, and what was found, per outlet.

Runs ``articlekit.parse`` over all of ``raw/*.jsonl`` (``--pages`` adds ``pages/*.jsonl``),
checks each result with :func:`articlekit.invariants.violations`, and prints one row
per outlet (the record's ``outlet`` field): texts, how many had an outlet prefix, a
dateline place, a date, an attribution, credits, link blocks and notes, the total of
inserts, and the mean share of the text's non-whitespace characters that went to the
body. Then the total time and milliseconds per article.

Usage::

    python benchmarks/corpus_run.py
    python benchmarks/corpus_run.py --pages --show 20

Exit codes: 0 no crash and no violation (also when the corpus is absent), 1 otherwise,
2 when there is no parser.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import time
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from _common import DEFAULT_CORPUS, Parser, ParserUnavailable, corpus_files, iter_jsonl, load_parser

from articlekit.invariants import violations
from articlekit.models import Article

_SPACE = re.compile(r"\s+")


def _solid(text: str) -> int:
    """The number of non-whitespace characters."""
    return len(text) - sum(len(m) for m in _SPACE.findall(text))


@dataclass
class OutletStats:
    """What the parser found in the texts of one outlet."""

    texts: int = 0
    with_outlet: int = 0
    with_place: int = 0
    with_date: int = 0
    inserts: int = 0
    with_attribution: int = 0
    with_credits: int = 0
    with_link_blocks: int = 0
    with_notes: int = 0
    body_share_sum: float = 0.0
    crashes: int = 0
    invalid: int = 0

    def add(self, article: Article) -> None:
        """Count one parsed article."""
        self.texts += 1
        self.with_outlet += article.outlet is not None
        self.with_place += bool(article.dateline and article.dateline.place)
        self.with_date += bool(article.dateline and article.dateline.date)
        self.inserts += len(article.inserts)
        self.with_attribution += bool(article.attribution and article.attribution.sources)
        self.with_credits += bool(article.credits)
        self.with_link_blocks += bool(article.link_blocks)
        self.with_notes += bool(article.notes)
        solid = _solid(article.text)
        self.body_share_sum += _solid(article.body) / solid if solid else 0.0

    def add_crash(self) -> None:
        """Count one text whose parse raised."""
        self.texts += 1
        self.crashes += 1

    def row(self, name: str) -> str:
        """One table row."""
        parsed = self.texts - self.crashes
        share = self.body_share_sum / parsed if parsed else 0.0
        cells = (
            self.texts,
            self.with_outlet,
            self.with_place,
            self.with_date,
            self.inserts,
            self.with_attribution,
            self.with_credits,
            self.with_link_blocks,
            self.with_notes,
        )
        numbers = "".join(f"{c:>8}" for c in cells)
        return f"{name:<28}{numbers}{share:>8.2f}{self.crashes:>8}{self.invalid:>8}"


HEADER = (
    f"{'outlet':<28}"
    + "".join(
        f"{h:>8}"
        for h in ("texts", "prefix", "place", "date", "inserts", "attrib", "credits", "links", "notes")
    )
    + f"{'body%':>8}{'crashes':>8}{'invalid':>8}"
)


@dataclass
class Problem:
    """A crash or an invariant violation, for the report."""

    id: str
    messages: list[str]


@dataclass
class CorpusRun:
    """The result of a whole run."""

    stats: dict[str, OutletStats] = field(default_factory=dict)
    crashes: list[Problem] = field(default_factory=list)
    invalid: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def texts(self) -> int:
        return sum(s.texts for s in self.stats.values())

    def total(self) -> OutletStats:
        """The sum over all outlets."""
        out = OutletStats()
        for s in self.stats.values():
            for name in vars(out):
                setattr(out, name, getattr(out, name) + getattr(s, name))
        return out


def run(records: Iterable[dict[str, object]], parse: Parser) -> CorpusRun:
    """Parse every record's ``text`` and collect the statistics."""
    result = CorpusRun()
    for record in records:
        text = record.get("text")
        if not isinstance(text, str):
            continue
        rid = str(record.get("id"))
        outlet = record.get("outlet")
        stats = result.stats.setdefault(outlet if isinstance(outlet, str) else "(unknown)", OutletStats())
        started = time.perf_counter()
        try:
            article = parse(text)
        except Exception as exc:  # a crash is counted and shown, the run goes on
            result.seconds += time.perf_counter() - started
            frame = traceback.extract_tb(exc.__traceback__)[-1:]
            where = f" ({Path(frame[0].filename).name}:{frame[0].lineno})" if frame else ""
            result.crashes.append(Problem(rid, [f"{type(exc).__name__}: {exc}{where}"]))
            stats.add_crash()
            continue
        result.seconds += time.perf_counter() - started
        stats.add(article)
        found = violations(article)
        if found:
            stats.invalid += 1
            result.invalid.append(Problem(rid, found))
    return result


def report(result: CorpusRun, show: int) -> str:
    """The per-outlet table, the timing and the first ``show`` problems."""
    lines = [HEADER]
    for name in sorted(result.stats):
        lines.append(result.stats[name].row(name))
    lines.append(result.total().row("TOTAL"))
    n = result.texts
    per = 1000 * result.seconds / n if n else 0.0
    lines.append(f"\n{n} texts in {result.seconds:.2f} s of parsing ({per:.2f} ms per article)")
    lines.append(f"crashes: {len(result.crashes)}, texts with invariant violations: {len(result.invalid)}")
    for title, problems in (("crashes", result.crashes), ("invariant violations", result.invalid)):
        if problems and show:
            lines.append(f"\nfirst {min(show, len(problems))} {title}:")
            for problem in problems[:show]:
                lines.append(f"  {problem.id}")
                lines.extend(f"    {m}" for m in problem.messages[:5])
                if len(problem.messages) > 5:
                    lines.append(f"    ... and {len(problem.messages) - 5} more")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    """The command-line options."""
    parser = argparse.ArgumentParser(prog="corpus_run.py", description="Parse the whole corpus.")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus directory")
    parser.add_argument("--pages", action="store_true", help="also parse pages/*.jsonl")
    parser.add_argument("--show", type=int, default=10, metavar="N", help="show the first N problems")
    parser.add_argument("--limit", type=int, metavar="N", help="parse only the first N texts")
    return parser


def main(argv: Sequence[str] | None = None, *, parse: Parser | None = None) -> int:
    """Run over the corpus; ``parse`` replaces ``articlekit.parse`` (for tests)."""
    args = build_parser().parse_args(argv)
    corpus: Path = args.corpus
    if not (corpus / "raw").is_dir():
        print(f"corpus_run: no corpus at {corpus}; nothing to run.")
        return 0
    if parse is None:
        try:
            parse = load_parser()
        except ParserUnavailable as exc:
            print(f"corpus_run: {exc}", file=sys.stderr)
            return 2
    subdirs = ("raw", "pages") if args.pages else ("raw",)
    records: Iterable[dict[str, object]] = (
        r for path in corpus_files(corpus, *subdirs) for r in iter_jsonl(path)
    )
    if args.limit is not None:
        records = itertools.islice(records, args.limit)
    result = run(records, parse)
    print(report(result, args.show))
    return 1 if result.crashes or result.invalid else 0


if __name__ == "__main__":
    sys.exit(main())
