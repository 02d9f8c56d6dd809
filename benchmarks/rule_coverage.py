"""Rule coverage: how many corpus texts each rule fires on, per outlet.

Every text of ``../shared/corpus/raw/*.jsonl`` (and ``pages/*.jsonl`` with ``--pages``) is
parsed with the default pipeline. A rule *fires* on a text when its id is the ``why`` of a
segment of the parse (``prefix:A/kompas``, ``noise:tag-line``, ``body:unclaimed``) or of a
fact a stage recorded without claiming text (``newsdate:first-sentence``). For each rule the
report counts the texts it fires on, the segments it claimed, and the texts per outlet (the
record's ``outlet`` field).

A rule that fires on one text is a warning sign (issue 12: generalise, never memorise): it is
listed under *rare*, with the text and outlet, and must be justified or generalised. Rules
defined in the locale data (``[[noise.rule]]``, ``[[header.line]]``, ``[[header.caption]]``,
``[[inserts.marker]]`` of every bundled locale) that fire on no text are listed under *never
fired* (a marker, listed as ``inserts:*/<id>``, fires under any layout: ``inserts:line/<id>``).
A rule id that names a catalogued outlet after its ``/`` (``prefix:A/kompas``) is counted under the
shape, with the outlet replaced by ``<outlet>`` (``prefix:A/<outlet>``): the outlet is data,
the shape is the rule. ``--raw-ids`` keeps the ids as they are.

Usage::

    python benchmarks/rule_coverage.py                  # raw texts, table
    python benchmarks/rule_coverage.py --pages          # ... and the page dumps
    python benchmarks/rule_coverage.py --json /tmp/coverage.json
    python benchmarks/rule_coverage.py --rare 2         # flag rules on <= 2 texts

Exit codes: 0 (also when the corpus is absent), 2 a setup error.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from _common import DEFAULT_CORPUS, corpus_files, iter_jsonl

from articlekit.draft import Draft, Findings
from articlekit.pipeline import Pipeline
from articlekit.rules import available_languages, load_locale, load_outlets

NO_OUTLET = "(none)"
OUTLET_SLOT = "<outlet>"


# --------------------------------------------------------------------------- firing


class _Probe:
    """A last stage that claims nothing and keeps the facts the stages before it recorded."""

    name = "coverage_probe"

    def __init__(self) -> None:
        self.facts: list[str] = []

    def __call__(self, draft: Draft) -> Findings:
        self.facts = [f.why for f in draft.facts]
        return draft.findings(self.name)


class Firing:
    """Parses a text and returns the rule ids that fired on it, with how many segments each claimed."""

    def __init__(self, *, raw_ids: bool = False) -> None:
        self.pipeline = Pipeline.default()
        self.probe = _Probe()
        self.pipeline.add(self.probe)
        self.raw_ids = raw_ids
        self.outlet_ids = frozenset(e.id for e in load_outlets().entries)

    def normalise(self, why: str) -> str:
        """``prefix:A/kompas`` -> ``prefix:A/<outlet>`` (unless ``raw_ids``)."""
        if self.raw_ids:
            return why
        head, slash, last = why.rpartition("/")
        return f"{head}/{OUTLET_SLOT}" if slash and ":" in head and last in self.outlet_ids else why

    def __call__(self, text: str) -> Counter[str]:
        """Rule id -> segments claimed (facts count as 0 segments but still fire)."""
        self.probe.facts = []
        article = self.pipeline(text)
        fired: Counter[str] = Counter(self.normalise(s.why) for s in article.segments)
        for why in self.probe.facts:
            fired[self.normalise(why)] += 0
        return fired


# --------------------------------------------------------------------------- counting


@dataclass
class RuleCount:
    """What one rule did over the corpus."""

    texts: int = 0
    segments: int = 0
    outlets: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "texts": self.texts,
            "segments": self.segments,
            "outlets": dict(self.outlets.most_common()),
            "examples": self.examples,
        }


@dataclass
class Coverage:
    """Rule counts over a set of texts."""

    texts: int = 0
    crashed: list[str] = field(default_factory=list)
    rules: dict[str, RuleCount] = field(default_factory=lambda: defaultdict(RuleCount))
    outlets: Counter[str] = field(default_factory=Counter)

    def add(self, rid: str, outlet: str, fired: Counter[str], *, examples: int = 3) -> None:
        self.texts += 1
        self.outlets[outlet] += 1
        for why, segments in fired.items():
            count = self.rules[why]
            count.texts += 1
            count.segments += segments
            count.outlets[outlet] += 1
            if len(count.examples) < examples:
                count.examples.append(rid)

    def rare(self, at_most: int) -> list[str]:
        """Rules that fire on at most ``at_most`` texts, rarest first."""
        return sorted((w for w, c in self.rules.items() if c.texts <= at_most), key=lambda w: (self.rules[w].texts, w))

    def never_fired(self, defined: Iterable[str]) -> list[str]:
        """Data rule ids that fired on no text (a marker ``inserts:*/x`` fires as ``inserts:<layout>/x``)."""
        fired = set(self.rules)

        def fires(rule: str) -> bool:
            stage, star, entry = rule.partition(":*/")
            if star:
                return any(w.startswith(f"{stage}:") and w.endswith(f"/{entry}") for w in fired)
            return rule in fired

        return sorted(rule for rule in set(defined) if not fires(rule))


def defined_rules() -> list[str]:
    """The rule ids defined in the bundled locale data, as they appear in a ``why``."""
    rules: set[str] = set()
    for lang in available_languages():
        locale = load_locale(lang)
        rules.update(_qualified("noise", r.id) for r in locale.noise_rules)
        rules.update(_qualified("header", r.id) for r in (*locale.header_rules, *locale.caption_rules))
        rules.update(f"inserts:*/{m.id}" for m in locale.markers)
    return sorted(rules)


def _qualified(stage: str, rule_id: str) -> str:
    return rule_id if ":" in rule_id else f"{stage}:{rule_id}"


def iter_records(corpus: Path, *, pages: bool) -> Iterator[tuple[str, str, str]]:
    """``(id, outlet, text)`` of every raw text (and page dump with ``pages``)."""
    for path in corpus_files(corpus, *(("raw", "pages") if pages else ("raw",))):
        for record in iter_jsonl(path):
            rid, text, outlet = record.get("id"), record.get("text"), record.get("outlet")
            if isinstance(rid, str) and isinstance(text, str):
                yield rid, (outlet.casefold() if isinstance(outlet, str) and outlet else NO_OUTLET), text


def measure(records: Iterable[tuple[str, str, str]], firing: Firing, *, limit: int | None = None) -> Coverage:
    """Parse every record and count the rules that fired."""
    coverage = Coverage()
    for n, (rid, outlet, text) in enumerate(records):
        if limit is not None and n >= limit:
            break
        try:
            fired = firing(text)
        except Exception as exc:  # a crash is reported, never a dead run
            coverage.crashed.append(f"{rid}: {type(exc).__name__}: {exc}")
            continue
        coverage.add(rid, outlet, fired)
    return coverage


# --------------------------------------------------------------------------- output


def _outlets_cell(counts: Counter[str], top: int = 4) -> str:
    common = counts.most_common()
    cell = ", ".join(f"{o} {n}" for o, n in common[:top])
    return cell + (f", +{len(common) - top} more" if len(common) > top else "")


def format_report(coverage: Coverage, *, rare_at: int, never: Sequence[str]) -> str:
    """The readable report: every rule, then the rare ones, then the data rules that never fired."""
    width = max([len(w) for w in coverage.rules] + [24])
    lines = [
        f"rule coverage: {coverage.texts} texts, {len(coverage.outlets)} outlets, {len(coverage.rules)} rules fired"
        + (f", {len(coverage.crashed)} crashed" if coverage.crashed else ""),
        f"  {'rule':<{width}}{'texts':>7}{'segs':>7}{'outlets':>9}   per outlet (texts)",
    ]
    for why, count in sorted(coverage.rules.items(), key=lambda kv: (-kv[1].texts, kv[0])):
        cells = f"{count.texts:>7}{count.segments:>7}{len(count.outlets):>9}"
        lines.append(f"  {why:<{width}}{cells}   {_outlets_cell(count.outlets)}")
    rare = coverage.rare(rare_at)
    lines.append("")
    lines.append(f"rare rules (fire on <= {rare_at} text{'s' if rare_at != 1 else ''}): {len(rare)}")
    for why in rare:
        count = coverage.rules[why]
        lines.append(f"  {why:<{width}}{count.texts:>7}   {_outlets_cell(count.outlets)}   {', '.join(count.examples)}")
    lines.append("")
    lines.append(f"data rules that never fired: {len(never)}")
    lines.extend(f"  {why}" for why in never)
    for crash in coverage.crashed:
        lines.append(f"crashed: {crash}")
    return "\n".join(lines)


def to_json(coverage: Coverage, *, rare_at: int, never: Sequence[str]) -> dict[str, object]:
    """The JSON document: totals, every rule, the rare ones and the data rules that never fired."""
    return {
        "texts": coverage.texts,
        "outlets": dict(coverage.outlets.most_common()),
        "crashed": coverage.crashed,
        "rules": {w: c.as_dict() for w, c in sorted(coverage.rules.items(), key=lambda kv: (-kv[1].texts, kv[0]))},
        "rare_at": rare_at,
        "rare": coverage.rare(rare_at),
        "never_fired": list(never),
    }


# --------------------------------------------------------------------------- command line


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rule_coverage.py", description="How many corpus texts each rule fires on.")
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus directory (default: ../shared/corpus)"
    )
    parser.add_argument("--pages", action="store_true", help="count the page dumps (pages/*.jsonl) too")
    parser.add_argument("--rare", type=int, default=1, metavar="N", help="flag rules firing on <= N texts (default 1)")
    parser.add_argument("--raw-ids", action="store_true", help="keep outlet ids in rule ids (prefix:A/kompas)")
    parser.add_argument("--limit", type=int, metavar="N", help="parse only the first N texts")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the report as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    corpus: Path = args.corpus
    if not corpus.is_dir():
        print(f"rule_coverage: no corpus at {corpus}; nothing to count.")
        return 0
    started = time.perf_counter()
    coverage = measure(iter_records(corpus, pages=args.pages), Firing(raw_ids=args.raw_ids), limit=args.limit)
    never = coverage.never_fired(defined_rules())
    print(format_report(coverage, rare_at=args.rare, never=never))
    print(f"time: {time.perf_counter() - started:.1f} s")
    if args.json:
        doc = to_json(coverage, rare_at=args.rare, never=never)
        args.json.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
