"""Peak memory while streaming a large JSON Lines corpus through ``articlekit parse``.

Generates a JSON Lines file of invented pages (at least ``--size-mb``, default 1024 MB; or
takes ``--input``), runs ``python -m articlekit parse FILE -o OUT --workers N`` on it, and
samples the resident memory of the whole process tree (the command and its worker
processes) every ``--interval`` seconds. Reports the peak of the tree and of each process,
and the tree's memory at points through the run: flat memory means the late samples are no
higher than the early ones, however large the input. Target: peak under 300 MB.

Usage::

    python benchmarks/memory.py                       # 1 GB, 2 workers, output to /dev/null
    python benchmarks/memory.py --size-mb 200 --workers 1 --output /tmp/out.jsonl

Linux only (reads /proc; uses psutil when installed). Not a test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from _common import REPO
from _synthetic import write_jsonl

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(root: int) -> dict[int, int]:
    """Resident bytes of ``root`` and all its descendants, by pid."""
    try:
        import psutil  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        kids = _children()
        out: dict[int, int] = {}
        todo = [root]
        while todo:
            pid = todo.pop()
            out[pid] = _rss(pid)
            todo.extend(kids.get(pid, []))
        return out
    try:
        proc = psutil.Process(root)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return {}
    sizes: dict[int, int] = {}
    for p in procs:
        try:
            sizes[p.pid] = p.memory_info().rss
        except psutil.Error:
            continue
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="memory.py", description=__doc__.split("\n")[0])
    ap.add_argument("--size-mb", type=int, default=1024, help="size of the generated input (default 1024)")
    ap.add_argument("--input", type=Path, help="use this JSON Lines file instead of generating one")
    ap.add_argument("--workers", type=int, default=2, help="--workers for the CLI (default 2)")
    ap.add_argument("--output", default=os.devnull, help="where the CLI writes (default: /dev/null)")
    ap.add_argument("--dir", type=Path, help="folder for the generated input (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the generated input")
    ap.add_argument("--interval", type=float, default=0.25, help="seconds between samples")
    args = ap.parse_args(argv)

    tmp = None
    if args.input is None:
        folder = args.dir or Path(tmp := tempfile.mkdtemp(prefix="articlekit-mem-"))
        path = folder / "synthetic.jsonl"
        started = time.perf_counter()
        records, size = write_jsonl(path, args.size_mb * 1024 * 1024)
        print(f"generated {path}: {records:,} records, {size / 2**20:,.0f} MB in {time.perf_counter() - started:.0f} s")
    else:
        path = args.input
        size = path.stat().st_size
        print(f"input {path}: {size / 2**20:,.0f} MB")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    cmd = [sys.executable, "-m", "articlekit", "parse", str(path), "-o", args.output, "--workers", str(args.workers)]
    print("running:", " ".join(cmd))
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    samples: list[tuple[float, int]] = []
    peak_by_pid: dict[int, int] = {}
    while proc.poll() is None:
        sizes = tree_rss(proc.pid)
        if sizes:
            samples.append((time.perf_counter() - started, sum(sizes.values())))
            for pid, rss in sizes.items():
                peak_by_pid[pid] = max(peak_by_pid.get(pid, 0), rss)
        time.sleep(args.interval)
    _, err = proc.communicate()
    elapsed = time.perf_counter() - started
    summary = [line for line in err.splitlines() if "records in" in line]
    print(summary[-1] if summary else err.strip()[-2000:])
    if args.input is None and not args.keep:
        path.unlink()
        if tmp is not None:
            os.rmdir(tmp)
    if not samples:
        print("no samples taken")
        return 1
    peak = max(rss for _, rss in samples)
    mb = 2**20
    print(f"\n{size / mb:,.0f} MB streamed in {elapsed:.0f} s ({size / mb / elapsed:.2f} MB/s) with --workers "
          f"{args.workers}")
    verdict = "met" if peak < 300 * mb else "NOT met"
    print(f"peak RSS of the process tree: {peak / mb:.0f} MB (target < 300 MB: {verdict})")
    print("peak RSS per process: " + ", ".join(f"{v / mb:.0f} MB" for v in sorted(peak_by_pid.values(), reverse=True)))
    marks = []
    for frac in (0.1, 0.25, 0.5, 0.75, 0.95):
        t_mark = frac * elapsed
        rss_at = min(samples, key=lambda s: abs(s[0] - t_mark))[1]
        marks.append(f"{int(frac * 100)}%: {rss_at / mb:.0f} MB")
    print("tree RSS through the run: " + ", ".join(marks))
    first_half = max(rss for t, rss in samples if t <= elapsed / 2) if any(t <= elapsed / 2 for t, _ in samples) else 0
    second_half = max((rss for t, rss in samples if t > elapsed / 2), default=0)
    growth = (second_half - first_half) / mb
    print(f"peak in the second half minus peak in the first half: {growth:+.0f} MB "
          f"({'flat' if growth < 20 else 'growing'})")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
