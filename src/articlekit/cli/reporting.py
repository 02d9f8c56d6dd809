"""What a corpus run says on stderr: a progress bar, the first errors, a summary."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

__all__ = ["SHOW_ERRORS", "error_of", "progress_bar", "say", "summary"]

SHOW_ERRORS = 10


def progress_bar(args: argparse.Namespace, total: int | None) -> Any:
    """A tqdm bar on stderr, or ``None`` (not wanted, or tqdm is not installed: then a one-line hint)."""
    wanted = args.progress if args.progress is not None else sys.stderr.isatty()
    if not wanted:
        return None
    try:
        from tqdm import tqdm  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        print("articlekit: no progress bar without tqdm (pip install 'articlekit[progress]')", file=sys.stderr)
        return None
    return tqdm(total=total, unit="rec", file=sys.stderr, mininterval=0.5, smoothing=0.1, dynamic_ncols=True)


def say(bar: Any, message: str) -> None:
    """A line on stderr, above the progress bar when there is one."""
    if bar is not None:
        bar.write(message, file=sys.stderr)
    else:
        print(message, file=sys.stderr)


def error_of(out: str | dict[str, Any], prefix: str = "") -> str:
    if isinstance(out, dict):
        data = out
    else:
        try:
            data = json.loads(out)
        except ValueError:  # pragma: no cover (the lines are ours)
            return out
    where = data.get("path") or (f"{data.get('source')}:{data.get('line')}" if "line" in data else data.get("source"))
    error = str(data.get(prefix + "error"))
    return f"{where}: {error}" if where and str(where) not in error else error


def summary(counts: dict[str, int], seconds: float, interrupted: bool) -> str:
    rate = counts["out"] / seconds if seconds > 0 else 0.0
    chars = counts["chars"] / seconds if seconds > 0 else 0.0
    failures = f", {counts['stage_failures']} with a failed stage" if counts["stage_failures"] else ""
    head = "articlekit: interrupted: " if interrupted else "articlekit: "
    return (f"{head}{counts['in']} records in, {counts['out']} records out, {counts['errors']} errors{failures}; "
            f"{seconds:.1f} s, {rate:,.0f} records/s, {chars:,.0f} chars/s")
