"""Accuracy harness and CI gate: score ``articlekit.parse`` against the corpus's gold labels.

Each label (``dev/labels.jsonl``, or ``dev/pages-labels.jsonl`` for page dumps) is
matched by id to its text in ``raw/*.jsonl`` or ``pages/*.jsonl``, parsed, scored by
the rules of ``docs/parse-rules.md`` (see :mod:`articlekit.evaluation`) and checked against the
lossless contract (:mod:`articlekit.invariants`). A parser exception is a failed
article with the error shown, never a dead run.

The gate: ``benchmarks/accuracy_floors.json`` pins a floor for every figure where
higher is better and a ceiling for ``junk_leaked``, ``keep_lost``, ``crashed`` and
``invalid`` (lower is better), for one label file. ``--check-floors`` exits 1 naming
every figure past its limit. ``--update-floors`` pins the current figures; it only
ever tightens, unless ``--allow-lower --reason "..."`` is given, and then the reason is
recorded under ``history``.

Outlet left out (``--outlet-left-out``): every text is parsed as if its outlet were
unknown. The catalogue entries (``data/outlets/*.toml``) whose domain is the text's
outlet -- the corpus record's ``outlet`` field (the registrable domain of its URL) and
the label's ``outlet`` when that differs -- are removed, and with them every field that
only an entry carries (aliases, codes, ``lost_separator``, ``headline_case``). One
pipeline is built per left-out set of domains and reused. The figures are the same;
the gap between the two runs is what the parser only knows by name. With
``--check-floors`` or ``--update-floors`` this mode uses its own floors file,
``benchmarks/accuracy_floors_loo.json`` (``--floors`` overrides it, as for page labels).
``--by-outlet`` adds the share of fully right articles per outlet (both runs side by
side with ``--outlet-left-out``).

Usage::

    python benchmarks/accuracy.py                      # dev/labels.jsonl: per-field table
    python benchmarks/accuracy.py --failures           # ... and what went wrong, per article
    python benchmarks/accuracy.py --labels dev/labels.jsonl dev/pages-labels.jsonl
    python benchmarks/accuracy.py --json /tmp/accuracy.json
    python benchmarks/accuracy.py --check-floors       # the CI gate
    python benchmarks/accuracy.py --update-floors      # pin the current figures
    python benchmarks/accuracy.py --update-floors --allow-lower --reason "labels corrected"
    python benchmarks/accuracy.py --outlet-left-out    # each text's outlet unknown to the parser
    python benchmarks/accuracy.py --outlet-left-out --check-floors   # against accuracy_floors_loo.json
    python benchmarks/accuracy.py --outlet-left-out --by-outlet      # fully right per outlet, both runs
    python benchmarks/accuracy.py --outlet-left-out --labels dev/pages-labels.jsonl

Exit codes: 0 ok (also when the corpus is absent), 1 a gate failed or an update was
refused, 2 a usage or setup error (no parser, unknown label file).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import sys
import time
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from _common import DEFAULT_CORPUS, Parser, ParserUnavailable, corpus_files, iter_jsonl, load_parser

from articlekit.evaluation import LOWER_IS_BETTER, ArticleScore, Scoreboard, crash_score, score_article
from articlekit.invariants import violations
from articlekit.models import Article
from articlekit.rules import OutletCatalogue, load_locale, load_outlets

DEFAULT_LABELS = "dev/labels.jsonl"
DEFAULT_FLOORS = Path(__file__).resolve().parent / "accuracy_floors.json"
DEFAULT_FLOORS_LOO = Path(__file__).resolve().parent / "accuracy_floors_loo.json"
NO_OUTLET = "(none)"
"""The outlet group of a text whose record and label name no outlet (``--by-outlet``)."""
EPS = 1e-9
"""Tolerance when comparing a figure with its floor or ceiling."""

# --------------------------------------------------------------------------- running


def index_texts(corpus: Path) -> dict[str, str]:
    """Every text of ``raw/*.jsonl`` and ``pages/*.jsonl``, by id."""
    texts: dict[str, str] = {}
    for path in corpus_files(corpus, "raw", "pages"):
        for record in iter_jsonl(path):
            rid, text = record.get("id"), record.get("text")
            if isinstance(rid, str) and isinstance(text, str):
                texts[rid] = text
    return texts


def index_outlets(corpus: Path) -> dict[str, str | None]:
    """The ``outlet`` field (registrable domain of the URL) of every corpus record, by id."""
    outlets: dict[str, str | None] = {}
    for path in corpus_files(corpus, "raw", "pages"):
        for record in iter_jsonl(path):
            rid, outlet = record.get("id"), record.get("outlet")
            if isinstance(rid, str):
                outlets[rid] = outlet.strip().casefold() if isinstance(outlet, str) and outlet.strip() else None
    return outlets


# --------------------------------------------------------------------------- outlet left out


def left_out_domains(label: Mapping[str, object], record_outlet: str | None) -> frozenset[str]:
    """The domains to remove from the catalogue for one text: its record's outlet and its label's."""
    found = (record_outlet, label.get("outlet"))
    return frozenset(d.strip().casefold() for d in found if isinstance(d, str) and d.strip())


def without_domains(catalogue: OutletCatalogue, domains: Iterable[str]) -> OutletCatalogue:
    """``catalogue`` less every entry whose domain is one of ``domains`` (with all its fields)."""
    drop = {d.casefold() for d in domains}
    return OutletCatalogue.from_entries(e for e in catalogue.entries if e.domain.casefold() not in drop)


def default_pipeline_for(catalogue: OutletCatalogue) -> Parser:
    """What ``articlekit.parse`` does (default stages, language detected per text), with ``catalogue``."""
    from articlekit.pipeline import Pipeline
    from articlekit.stages import default_stages

    locale = load_locale("id")
    return Pipeline(default_stages(), lang="auto", locale=locale, outlets=catalogue)


class LeftOutParsers:
    """One parser per left-out set of domains, built on first use from the reduced catalogue."""

    def __init__(
        self,
        catalogue: OutletCatalogue | None = None,
        make: Callable[[OutletCatalogue], Parser] = default_pipeline_for,
    ) -> None:
        self.catalogue = catalogue if catalogue is not None else load_outlets()
        self.make = make
        self._cache: dict[frozenset[str], Parser] = {}

    def __call__(self, domains: frozenset[str]) -> Parser:
        """The parser that does not know ``domains``."""
        parser = self._cache.get(domains)
        if parser is None:
            parser = self._cache[domains] = self.make(without_domains(self.catalogue, domains))
        return parser

    def __len__(self) -> int:
        return len(self._cache)


def _describe(exc: Exception) -> str:
    """``Type: message (file:line)`` of the innermost frame."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" ({Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"


def score_one(label: Mapping[str, object], text: str | None, parse: Parser) -> ArticleScore:
    """Parse one labelled text and score it; a crash or a missing text is a failed article."""
    if text is None:
        return crash_score(label, "no text with this id in the corpus")
    try:
        article = parse(text)
    except Exception as exc:  # any parser failure is a failed article, never a dead run
        return crash_score(label, _describe(exc))
    if not isinstance(article, Article):
        return crash_score(label, f"parse returned {type(article).__name__}, not Article")
    score = score_article(article, label)
    found = violations(article)
    return replace(score, violations=tuple(found)) if found else score


def evaluate(
    labels_path: Path,
    texts: Mapping[str, str],
    parse: Parser,
    *,
    left_out: LeftOutParsers | None = None,
    outlets: Mapping[str, str | None] | None = None,
) -> Scoreboard:
    """Score every label of one label file; with ``left_out``, each text's outlet is unknown."""
    board = Scoreboard()
    for label in iter_jsonl(labels_path):
        rid = label.get("id")
        parser = parse
        if left_out is not None:
            record_outlet = (outlets or {}).get(rid) if isinstance(rid, str) else None
            parser = left_out(left_out_domains(label, record_outlet))
        board.add(score_one(label, texts.get(rid) if isinstance(rid, str) else None, parser))
    return board


def outlet_groups(labels_path: Path, outlets: Mapping[str, str | None]) -> dict[str, str]:
    """The outlet of each labelled text (record's ``outlet``, else the label's, else ``(none)``), by id."""
    groups: dict[str, str] = {}
    for label in iter_jsonl(labels_path):
        rid = label.get("id")
        if isinstance(rid, str):
            name = outlets.get(rid) or label.get("outlet")
            groups[rid] = name.casefold() if isinstance(name, str) and name else NO_OUTLET
    return groups


# --------------------------------------------------------------------------- floors


@dataclass
class Floors:
    """The pinned limits of the gate, as stored in ``accuracy_floors.json``."""

    labels: str
    floors: dict[str, float]
    ceilings: dict[str, float]
    history: list[dict[str, object]] = field(default_factory=list)
    labels_sha256: str | None = None

    @classmethod
    def from_json(cls, data: object) -> Floors:
        """Read the JSON document (raises :class:`ValueError` when malformed)."""
        if not isinstance(data, dict):
            raise ValueError("the floors file must hold a JSON object")
        labels = data.get("labels", DEFAULT_LABELS)
        history = data.get("history", [])
        digest = data.get("labels_sha256")
        if not isinstance(labels, str) or not isinstance(history, list):
            raise ValueError("floors file: 'labels' must be a string and 'history' a list")
        return cls(
            labels=labels,
            floors=_figures(data.get("floors", {}), "floors"),
            ceilings=_figures(data.get("ceilings", {}), "ceilings"),
            history=[h for h in history if isinstance(h, dict)],
            labels_sha256=digest if isinstance(digest, str) else None,
        )

    def to_json(self) -> dict[str, object]:
        """The JSON document."""
        doc: dict[str, object] = {"labels": self.labels}
        if self.labels_sha256:
            doc["labels_sha256"] = self.labels_sha256
        doc["floors"] = self.floors
        doc["ceilings"] = self.ceilings
        if self.history:
            doc["history"] = self.history
        return doc


def _figures(value: object, name: str) -> dict[str, float]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, int | float) for k, v in value.items()
    ):
        raise ValueError(f"floors file: '{name}' must map figure names to numbers")
    return {str(k): float(v) for k, v in value.items()}


def load_floors(path: Path) -> Floors:
    """Read a floors file."""
    return Floors.from_json(json.loads(path.read_text(encoding="utf-8")))


def save_floors(path: Path, floors: Floors) -> None:
    """Write a floors file (sorted figure names, two-space indent)."""
    doc = floors.to_json()
    doc["floors"] = dict(sorted(floors.floors.items()))
    doc["ceilings"] = dict(sorted(floors.ceilings.items()))
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def check_floors(summary: Mapping[str, float], floors: Floors) -> list[str]:
    """Every figure below its floor or above its ceiling (or missing from the run), as messages."""
    problems: list[str] = []
    for name, floor in floors.floors.items():
        value = summary.get(name)
        if value is None:
            problems.append(f"{name}: not measured by this run (floor {floor:.4f})")
        elif value < floor - EPS:
            problems.append(f"{name}: {value:.4f} fell below its floor {floor:.4f}")
    for name, ceiling in floors.ceilings.items():
        value = summary.get(name)
        if value is None:
            problems.append(f"{name}: not measured by this run (ceiling {ceiling:.4f})")
        elif value > ceiling + EPS:
            problems.append(f"{name}: {value:.4f} rose above its ceiling {ceiling:.4f}")
    return problems


def _round_down(value: float) -> float:
    return math.floor(value * 10_000 + EPS) / 10_000


def _round_up(value: float) -> float:
    return math.ceil(value * 10_000 - EPS) / 10_000


@dataclass(frozen=True)
class FloorUpdate:
    """What :func:`update_floors` would do: the new limits and which limits got looser or tighter."""

    floors: Floors
    loosened: dict[str, tuple[float, float]]
    tightened: dict[str, tuple[float, float]]
    added: dict[str, float]
    refused: bool


def update_floors(
    summary: Mapping[str, float],
    floors: Floors,
    *,
    allow_lower: bool = False,
    reason: str | None = None,
    today: dt.date | None = None,
    labels_sha256: str | None = None,
) -> FloorUpdate:
    """Pin every figure of ``summary``: floors rise and ceilings fall to the current values.

    A limit that would get looser (a floor lowered, a ceiling raised) is refused: the
    result has ``refused=True`` and the old limits, unless ``allow_lower`` is set, in
    which case the change is made and recorded under ``history`` with ``reason``.
    Figures pinned in the file but absent from ``summary`` are kept as they are.
    """
    new_floors, new_ceilings = dict(floors.floors), dict(floors.ceilings)
    loosened: dict[str, tuple[float, float]] = {}
    tightened: dict[str, tuple[float, float]] = {}
    added: dict[str, float] = {}
    for name, value in summary.items():
        lower_better = name in LOWER_IS_BETTER
        limits = new_ceilings if lower_better else new_floors
        pinned = _round_up(value) if lower_better else _round_down(value)
        old = limits.get(name)
        if old is None:
            added[name] = pinned
        elif (pinned > old + EPS) if lower_better else (pinned < old - EPS):
            loosened[name] = (old, pinned)
        elif abs(pinned - old) > EPS:
            tightened[name] = (old, pinned)
        limits[name] = pinned
    if loosened and not allow_lower:
        return FloorUpdate(floors, loosened, tightened, added, refused=True)
    history = list(floors.history)
    if loosened:
        history.append(
            {
                "date": (today or dt.date.today()).isoformat(),
                "reason": reason or "",
                "loosened": {name: [old, new] for name, (old, new) in sorted(loosened.items())},
            }
        )
    updated = Floors(
        labels=floors.labels,
        floors=new_floors,
        ceilings=new_ceilings,
        history=history,
        labels_sha256=labels_sha256 or floors.labels_sha256,
    )
    return FloorUpdate(updated, loosened, tightened, added, refused=False)


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- output


def _limit(name: str, floors: Floors | None) -> tuple[str, float | None]:
    if floors is None:
        return "", None
    if name in floors.ceilings:
        return "<=", floors.ceilings[name]
    if name in floors.floors:
        return ">=", floors.floors[name]
    return "", None


def format_table(title: str, board: Scoreboard, floors: Floors | None) -> str:
    """The per-field table of one run; with ``floors``, each figure's limit and status."""
    summary, support = board.summary(), board.support()
    scores = board.scores
    crashed = sum(s.error is not None for s in scores)
    invalid = sum(bool(s.violations) for s in scores)
    lines = [f"{title}: {len(board)} articles, {crashed} crashed, {invalid} with invariant violations"]
    lines.append(f"  {'figure':<24}{'value':>8}{'n':>7}   gate")
    for name, value in summary.items():
        op, limit = _limit(name, floors)
        gate = ""
        if limit is not None:
            ok = value <= limit + EPS if op == "<=" else value >= limit - EPS
            gate = f"{op} {limit:.4f}  {'ok' if ok else 'FAIL'}"
        lines.append(f"  {name:<24}{value:>8.4f}{support.get(name, 0):>7}   {gate}".rstrip())
    tp = sum(s.inserts_tp for s in scores)
    pred = sum(s.inserts_pred for s in scores)
    gold = sum(s.inserts_gold for s in scores)
    lines.append(f"  inserts: {tp} matched, {pred} predicted, {gold} gold")
    return "\n".join(lines)


def format_failures(board: Scoreboard) -> str:
    """Every failing article with what went wrong."""
    failures = board.failures()
    lines = [f"failures ({len(failures)} of {len(board)}):"]
    for failure in failures:
        lines.append(f"  {failure.id}")
        lines.extend(f"    {problem}" for problem in failure.problems[:12])
        if len(failure.problems) > 12:
            lines.append(f"    ... and {len(failure.problems) - 12} more")
    return "\n".join(lines)


def format_by_outlet(groups: Mapping[str, str], boards: Sequence[tuple[str, Scoreboard]]) -> str:
    """Fully right per outlet, one column per run (``normal``, ``left out``)."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * (len(boards) + 1))
    for column, (_, board) in enumerate(boards):
        for score in board:
            row = counts[groups.get(score.id, NO_OUTLET)]
            if column == 0:
                row[0] += 1
            row[column + 1] += score.fully_right
    head = "".join(f"{name:>12}" for name, _ in boards)
    lines = [f"  {'outlet':<28}{'n':>5}{head}"]
    for name, row in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0])):
        cells = "".join(f"{right / row[0]:>8.3f}{'':>4}" if row[0] else f"{'-':>12}" for right in row[1:])
        lines.append(f"  {name:<28}{row[0]:>5}{cells}".rstrip())
    return "fully right by outlet:\n" + "\n".join(lines)


# --------------------------------------------------------------------------- command line


def build_parser() -> argparse.ArgumentParser:
    """The command-line options."""
    parser = argparse.ArgumentParser(
        prog="accuracy.py", description="Score articlekit.parse against the gold labels."
    )
    data = parser.add_argument_group("input")
    data.add_argument(
        "--labels",
        nargs="+",
        metavar="PATH",
        help=f"label files, relative to the corpus unless they exist as given (default: {DEFAULT_LABELS})",
    )
    data.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus directory (default: ../shared/corpus)"
    )
    data.add_argument(
        "--outlet-left-out",
        action="store_true",
        help="parse each text with its outlet's catalogue entries removed (floors: accuracy_floors_loo.json)",
    )
    data.add_argument("--templates", type=Path, metavar="FILE",
                      help="parse with these learned site templates (each text in its record's group)")
    out = parser.add_argument_group("output")
    out.add_argument("--failures", action="store_true", help="list failing ids and what went wrong")
    out.add_argument(
        "--by-outlet", action="store_true", help="fully right per outlet (both runs with --outlet-left-out)"
    )
    out.add_argument("--json", type=Path, metavar="OUT", help="write figures and per-article scores as JSON")
    gate = parser.add_argument_group("gate")
    mode = gate.add_mutually_exclusive_group()
    mode.add_argument("--check-floors", action="store_true", help="exit 1 when a figure passed its limit")
    mode.add_argument("--update-floors", action="store_true", help="pin the current figures (only tightens)")
    gate.add_argument("--allow-lower", action="store_true", help="let --update-floors loosen a limit")
    gate.add_argument("--reason", help="why a limit is loosened (required with --allow-lower)")
    gate.add_argument(
        "--floors",
        type=Path,
        help="floors file (default: accuracy_floors.json, or accuracy_floors_loo.json with --outlet-left-out)",
    )
    return parser


def _resolve_labels(name: str, corpus: Path) -> Path:
    given = Path(name)
    return given if given.is_absolute() or given.exists() else corpus / given


def _display(path: Path, corpus: Path) -> str:
    try:
        return path.resolve().relative_to(corpus.resolve()).as_posix()
    except ValueError:
        return str(path)


def main(
    argv: Sequence[str] | None = None, *, parse: Parser | None = None, left_out: LeftOutParsers | None = None
) -> int:
    """Run the harness; ``parse`` replaces ``articlekit.parse`` and ``left_out`` the outlet-left-out
    parsers (for tests)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.allow_lower and not (args.update_floors and args.reason):
        parser.error("--allow-lower needs --update-floors and --reason")
    if args.reason and not args.update_floors:
        parser.error("--reason only goes with --update-floors (a first pin or --allow-lower)")
    corpus: Path = args.corpus
    if not corpus.is_dir():
        print(f"accuracy: no corpus at {corpus}; nothing to score.")
        return 0
    if parse is None:
        try:
            parse = load_parser()
        except ParserUnavailable as exc:
            print(f"accuracy: {exc}", file=sys.stderr)
            return 2
    if args.floors is None:
        args.floors = DEFAULT_FLOORS_LOO if args.outlet_left_out else DEFAULT_FLOORS
    if args.templates is not None:
        from _templates import TemplatedParsers

        with_templates = TemplatedParsers(args.templates, corpus)
        parse = with_templates(default_pipeline_for(load_outlets()))
        left_out = LeftOutParsers(make=lambda catalogue: with_templates(default_pipeline_for(catalogue)))
    gating = args.check_floors or args.update_floors
    first_pin = args.update_floors and not args.floors.exists()
    if first_pin and not args.reason:
        parser.error(f"{args.floors} does not exist yet: pin it with --update-floors --reason '...'")
    if first_pin:
        floors: Floors | None = Floors(labels=(args.labels or [DEFAULT_LABELS])[0], floors={}, ceilings={})
    else:
        floors = load_floors(args.floors) if gating or args.floors.exists() else None
    label_paths = [_resolve_labels(n, corpus) for n in (args.labels or [DEFAULT_LABELS])]
    for path in label_paths:
        if not path.is_file():
            print(f"accuracy: no label file {path}", file=sys.stderr)
            return 2

    texts = index_texts(corpus)
    outlets = index_outlets(corpus) if args.outlet_left_out or args.by_outlet else {}
    if args.outlet_left_out and left_out is None:
        left_out = LeftOutParsers()
    mode = "outlet left out" if args.outlet_left_out else "normal"
    runs: list[tuple[Path, Scoreboard]] = []
    for path in label_paths:
        started = time.perf_counter()
        if args.outlet_left_out:
            board = evaluate(path, texts, parse, left_out=left_out, outlets=outlets)
        else:
            board = evaluate(path, texts, parse)
        elapsed = time.perf_counter() - started
        runs.append((path, board))
        gated = floors if floors is not None and _is_gated(path, corpus, floors) else None
        title = _display(path, corpus) + (" [outlet left out]" if args.outlet_left_out else "")
        print(format_table(title, board, gated))
        print(f"  time: {elapsed:.2f} s")
        if args.failures:
            print(format_failures(board))
        if args.by_outlet:
            columns = [("left out" if args.outlet_left_out else "normal", board)]
            if args.outlet_left_out:
                columns.insert(0, ("normal", evaluate(path, texts, parse)))
            print(format_by_outlet(outlet_groups(path, outlets), columns))
        print()
    if args.json:
        _write_json(args.json, runs, corpus, mode)
    if not gating:
        return 0
    assert floors is not None
    return _gate(args, floors, runs, corpus)


def _is_gated(path: Path, corpus: Path, floors: Floors) -> bool:
    return path.resolve() == _resolve_labels(floors.labels, corpus).resolve()


def _write_json(out: Path, runs: Sequence[tuple[Path, Scoreboard]], corpus: Path, mode: str) -> None:
    doc = {
        "corpus": str(corpus),
        "mode": mode,
        "runs": [
            {
                "labels": _display(path, corpus),
                "summary": board.summary(),
                "support": board.support(),
                "articles": [s.as_dict() for s in board],
            }
            for path, board in runs
        ],
    }
    out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")


def _gate(
    args: argparse.Namespace, floors: Floors, runs: Sequence[tuple[Path, Scoreboard]], corpus: Path
) -> int:
    """Check or update the floors against the run of the pinned label file."""
    match = [(p, b) for p, b in runs if _is_gated(p, corpus, floors)]
    if not match:
        print(f"accuracy: the floors are pinned for {floors.labels}; include it in --labels", file=sys.stderr)
        return 2
    path, board = match[0]
    summary = board.summary()
    digest = sha256_of(path)
    if floors.labels_sha256 and floors.labels_sha256 != digest:
        print(f"note: {floors.labels} changed since the floors were pinned (re-pin with --update-floors)")
    if args.check_floors:
        problems = check_floors(summary, floors)
        for problem in problems:
            print(f"FLOOR FAILED  {problem}")
        print("floors: ok" if not problems else f"floors: {len(problems)} figure(s) failed")
        return 1 if problems else 0
    update = update_floors(
        summary, floors, allow_lower=args.allow_lower, reason=args.reason, labels_sha256=digest
    )
    for name, (old, new) in sorted(update.loosened.items()):
        print(f"{'REFUSED' if update.refused else 'loosened'}  {name}: {old:.4f} -> {new:.4f}")
    if update.refused:
        print("floors: not updated; a limit would get looser (use --allow-lower --reason '...')")
        return 1
    for name, (old, new) in sorted(update.tightened.items()):
        print(f"tightened  {name}: {old:.4f} -> {new:.4f}")
    for name, new in sorted(update.added.items()):
        print(f"added      {name}: {new:.4f}")
    if not floors.floors and not floors.ceilings and args.reason:  # a first pin records why
        update.floors.history.append({"date": dt.date.today().isoformat(), "reason": args.reason, "pinned": "first"})
    save_floors(args.floors, update.floors)
    print(f"floors: wrote {args.floors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
