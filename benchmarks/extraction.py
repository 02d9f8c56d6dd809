"""The article-extraction benchmark's metric on ``external/aeb-dev.jsonl``: token-shingle P/R/F1.

Each record holds a page's ``visible`` text (all visible text, like ``pages/*-vis``), ``traf``
(trafilatura's ``favor_recall`` output, like ``pages/*-traf``) and ``truth`` (the benchmark's
ground-truth article body). The metric, as the benchmark defines it: lower-case the text, split on
whitespace, take the set of 4-word shingles (a text of fewer than 4 tokens is one shingle of all of
them); per page tp = shingles in both, fp = only in the output, fn = only in the truth; precision
is the mean over pages with tp+fp > 0 of tp/(tp+fp), recall the mean over pages with tp+fn > 0 of
tp/(tp+fn), and F1 the harmonic mean of the two means.

Reported, one row each: articlekit's body on ``visible`` and on ``traf``, and the raw ``traf``
text itself (trafilatura's own figure, the reference), with the number of pages whose own F1 is
under 0.1 (the story region missed, not trimmed).

Usage::

    python benchmarks/extraction.py                 # the table
    python benchmarks/extraction.py --worst 10      # ... and the worst pages of each row
    python benchmarks/extraction.py --lines 5       # ... and, for the 5 worst pages of each articlekit row,
                                                    # the lines kept though not in the truth ("+") and the
                                                    # truth's lines articlekit removed ("-")
    python benchmarks/extraction.py --json /tmp/aeb.json

Exit codes: 0 ok (also when the data is absent), 2 a setup error (no parser).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from _common import DEFAULT_CORPUS, ParserUnavailable, iter_jsonl, load_parser

SHINGLE = 4
MISSED = 0.1
"""A page whose own F1 is under this got its body from the wrong part of the page."""
DATA = "external/aeb-dev.jsonl"


def shingles(text: str, n: int = SHINGLE) -> set[tuple[str, ...]]:
    """The set of ``n``-token shingles of the lower-cased, whitespace-split text."""
    tokens = text.lower().split()
    if len(tokens) < n:
        return {tuple(tokens)}
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def counts(output: str, truth: str) -> tuple[int, int, int]:
    """``(tp, fp, fn)`` of one page."""
    got, want = shingles(output), shingles(truth)
    tp = len(got & want)
    return tp, len(got) - tp, len(want) - tp


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Board:
    """The figures of one row: per-page counts, and the benchmark's means."""

    pages: list[tuple[str, int, int, int]] = field(default_factory=list)

    def add(self, pid: str, output: str, truth: str) -> None:
        self.pages.append((pid, *counts(output, truth)))

    @property
    def precision(self) -> float:
        got = [tp / (tp + fp) for _, tp, fp, _ in self.pages if tp + fp > 0]
        return sum(got) / len(got) if got else 0.0

    @property
    def recall(self) -> float:
        got = [tp / (tp + fn) for _, tp, _, fn in self.pages if tp + fn > 0]
        return sum(got) / len(got) if got else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    def page_f1(self) -> list[tuple[float, str]]:
        """Each page's own F1 (its precision and recall), worst first."""
        out = []
        for pid, tp, fp, fn in self.pages:
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            out.append((_f1(p, r), pid))
        return sorted(out)

    @property
    def missed(self) -> int:
        return sum(f < MISSED for f, _ in self.page_f1())

    def summary(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "missed": self.missed, "pages": len(self.pages)}


def line_diff(text: str, body: str, truth: str) -> list[tuple[str, str]]:
    """Where one page loses: ``("+", line)`` for a line of ``text`` kept in ``body`` though most of it is
    not in ``truth`` (precision), ``("-", line)`` for a line mostly in ``truth`` that ``body`` lost (recall).

    A line of fewer than ``SHINGLE`` tokens is judged by whether it is a whole line of the other text.
    """
    want, got = shingles(truth), shingles(body)
    truth_lines = {" ".join(ln.lower().split()) for ln in truth.splitlines()}
    body_lines = {" ".join(ln.lower().split()) for ln in body.splitlines()}
    out = []
    for line in text.splitlines():
        tokens = line.lower().split()
        if not tokens:
            continue
        if len(tokens) < SHINGLE:
            in_truth, kept = " ".join(tokens) in truth_lines, " ".join(tokens) in body_lines
        else:
            mine = shingles(line)
            in_truth, kept = len(mine & want) * 2 >= len(mine), len(mine & got) * 2 >= len(mine)
        if kept and not in_truth:
            out.append(("+", line))
        elif in_truth and not kept:
            out.append(("-", line))
    return out


def evaluate(records: Iterable[dict[str, object]], parse: Callable[[str], object]) -> dict[str, Board]:
    """The three rows: articlekit on ``visible``, articlekit on ``traf``, and ``traf`` itself."""
    boards = {"articlekit(visible)": Board(), "articlekit(traf)": Board(), "traf": Board()}
    for rec in records:
        pid, truth = str(rec.get("id")), rec.get("truth")
        if not isinstance(truth, str):
            continue
        for key in ("visible", "traf"):
            text = rec.get(key)
            if isinstance(text, str):
                body = getattr(parse(text), "body", "")
                boards[f"articlekit({key})"].add(pid, body if isinstance(body, str) else "", truth)
        traf = rec.get("traf")
        if isinstance(traf, str):
            boards["traf"].add(pid, traf, truth)
    return boards


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages of each row")
    ap.add_argument("--lines", type=int, default=0,
                    help="for the N worst pages of each articlekit row, the lines costing precision (+) or recall (-)")
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args(argv)
    path = args.corpus / DATA
    if not path.is_file():
        print(f"no {path}: nothing to measure", file=sys.stderr)
        return 0
    try:
        parse = load_parser()
    except ParserUnavailable as exc:
        print(exc, file=sys.stderr)
        return 2
    boards = evaluate(iter_jsonl(path), parse)
    print(f"{'row':<22}{'P':>8}{'R':>8}{'F1':>8}{'F1<0.1':>8}{'pages':>7}")
    for name, board in boards.items():
        s = board.summary()
        print(f"{name:<22}{s['precision']:>8.4f}{s['recall']:>8.4f}{s['f1']:>8.4f}{s['missed']:>8}{s['pages']:>7}")
    if args.worst:
        for name, board in boards.items():
            print(f"\nworst pages, {name}:")
            for f, pid in board.page_f1()[: args.worst]:
                print(f"  {f:.3f}  {pid}")
    if args.lines:
        records = {str(r.get("id")): r for r in iter_jsonl(path)}
        for key in ("visible", "traf"):
            for f, pid in boards[f"articlekit({key})"].page_f1()[: args.lines]:
                rec = records[pid]
                text, truth = rec.get(key), rec.get("truth")
                if not (isinstance(text, str) and isinstance(truth, str)):
                    continue
                body = getattr(parse(text), "body", "")
                print(f"\n{key} {f:.3f} {pid} {rec.get('url', '')}")
                for sign, line in line_diff(text, body if isinstance(body, str) else "", truth):
                    print(f"  {sign} {line[:150]}")
    if args.json:
        args.json.write_text(json.dumps({n: b.summary() for n, b in boards.items()}, indent=2) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
