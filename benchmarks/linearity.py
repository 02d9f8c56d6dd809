"""Hostile input: does parsing time grow linearly with the size of the page?

For each family of adversarial pages (a megabyte with no newline, ``Baca juga:`` lines by the
hundred thousand, lone ``-`` lines, runs of parentheses, slashes, capitals, dashes, spaces,
blank lines, mixed scripts and control characters, lone surrogates from a bad decode, and the
shapes that once made a pattern backtrack), the page is generated at 100 KB and at 1 MB and
parsed; the table shows both times and their ratio. Linear work gives a ratio near 10; the
bar is 12 (``--max-ratio``), and no 1 MB page may take more than 3 s (``--max-seconds``). Every
1 MB result is also checked with :func:`articlekit.invariants.violations`.

Times are CPU seconds of this process (``time.process_time``: the parse's own cost, fair when
other jobs share the cores); ``--wall`` takes elapsed time instead.

Times are taken as in production: articlekit itself pauses CPython's cyclic garbage collector
while it parses a page of ``articlekit.pipeline.PAUSE_GC_AT`` characters or more (the
collector's passes over the heap of a long page of many short pieces cost more than linearly).
``--no-pause`` sets that threshold out of reach, to see what the collector costs.

Usage::

    python benchmarks/linearity.py                  # all families, 100 KB and 1 MB
    python benchmarks/linearity.py --only caps-dots --only lone-dashes
    python benchmarks/linearity.py --quick          # a smoke test: 20 KB and 200 KB, median of 5 rounds

``--quick`` is a smoke test for an obvious blow-up, not a measurement: a parse of 20 KB takes a few
milliseconds, so one timing is at the mercy of the machine's other work. It therefore times every
family in several rounds (``--rounds``, 5 by default there) and judges the median ratio, which is
repeatable from run to run; the full sizes are the measurement ``docs/robustness.md`` reports.

Exit codes: 0 every family is linear and sound, 1 otherwise, 2 when there is no parser.
The worst case is written up in docs/robustness.md.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable

from _common import ParserUnavailable, load_parser

from articlekit.invariants import violations


def _fill(unit: str, n: int) -> str:
    """``unit`` repeated to exactly ``n`` characters."""
    return (unit * (n // len(unit) + 1))[:n]


def _bad_decode(n: int) -> str:
    raw = b"Harga beras naik di pasar. \xff\xfe\xc3\x28\xed\xa0\x80\x80 "
    return _fill(raw.decode("utf-8", "surrogateescape"), n)


FAMILIES: dict[str, Callable[[int], str]] = {
    # the ones the issue names
    "one-line-prose": lambda n: _fill("Warga menanam pohon di tepi sungai pada Rabu pagi. ", n),
    "one-line-letters": lambda n: "a" * n,
    "baca-juga-lines": lambda n: _fill("Baca juga:\n", n),
    "baca-juga-headlines": lambda n: _fill("Baca juga: Harga Cabai Turun Lagi\n", n),
    "lone-dashes": lambda n: _fill("-\n", n),
    "open-parens": lambda n: "(" * n,
    "nested-parens": lambda n: "(a" * (n // 4) + ")" * (n - 2 * (n // 4)),
    "paren-slash-codes": lambda n: _fill("(a/b/c) ", n),
    "slashes": lambda n: "/" * n,
    "slash-words": lambda n: _fill("ab/ ", n),
    "caps-run-start": lambda n: "A" * (n - 25) + " - Harga naik di pasar.",
    "dash-run-start": lambda n: "-" * (n - 25) + " Harga naik di pasar.....",
    "caps-dashes-start": lambda n: _fill("A-", n - 25) + " - Harga naik di pasar.",
    "caps-dots": lambda n: _fill("A.", n - 25) + " - Harga naik di pasar.",
    "caps-words": lambda n: _fill("JAKARTA ", n),
    "mixed-scripts-controls": lambda n: _fill("Ab日本\x00\x1b\u200bالعربية🙂\u00a0\t\u2028\x0c\u202e", n),
    "lone-surrogates": _bad_decode,
    # runs of white space and of blank lines
    "blank-lines": lambda n: "\n" * (n - 1) + "a",
    "crlf-lines": lambda n: _fill("a\r\n", n),
    "space-run": lambda n: "a" + " " * (n - 3) + "(b",
    "nbsp-run": lambda n: "a." + "\u00a0" * (n - 3) + "b",
    "soft-lines": lambda n: _fill("a\n", n),
    # shapes that made a pattern backtrack before it was bounded
    "weekday-spaces": lambda n: "Senin" + " " * (n - 6) + "x",
    "twelve-words-then-token": lambda n: "a " * 12 + "x" * (n - 24),
    "full-stops-commas": lambda n: _fill("a.,", n),
    "camel-glued": lambda n: _fill("HargaNaik", n),
    "inline-baca-juga": lambda n: _fill("harga naik.Baca juga: ", n),
    "glued-box": lambda n: "harga.Baca JugaAb" + "Ab" * (n // 2 - 10),
    "share-blank-lines": lambda n: "Share" + "\n" * (n - 6) + "x",
    "halaman-spaces": lambda n: "Halaman" + " " * (n - 8) + "x",
    "dateline-lines": lambda n: _fill("JAKARTA - Harga naik.\n", n),
    "copyright-lines": lambda n: _fill("Copyright © 2023 " * 5 + "\n", n),
    "credit-codes": lambda n: _fill("(fbr/wes)\n", n),
    "caption-credits": lambda n: _fill("Warga memanen padi. (Antara/Budi Santoso) ", n),
    "wire-tails": lambda n: _fill("- Bernama ", n),
    "link-blocks": lambda n: _fill("Berita Terkait\n- Judul Berita Lain\n- Judul Kedua\n", n),
}


def _time(parse: Callable[[str], object], text: str, repeat: int,
          clock: Callable[[], float] = time.process_time) -> tuple[float, object]:
    """The best of ``repeat`` parses of ``text``."""
    best = float("inf")
    result: object = None
    for _ in range(repeat):
        result = None
        gc.collect()
        start = clock()
        result = parse(text)
        best = min(best, clock() - start)
    return best, result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", default=[], metavar="FAMILY", help="run only these families")
    ap.add_argument("--small", type=int, default=100_000, help="the small size in characters (100,000)")
    ap.add_argument("--large", type=int, default=1_000_000, help="the large size in characters (1,000,000)")
    ap.add_argument("--quick", action="store_true",
                    help="a smoke test: --small 20000 --large 200000 and the median of --rounds (5) rounds")
    ap.add_argument("--rounds", type=int, default=None,
                    help="time each family this many times and report the median (default: 1, or 5 with --quick)")
    ap.add_argument("--max-ratio", type=float, default=None,
                    help="the largest acceptable large/small time ratio (default: 1.2 x the size ratio: 12)")
    ap.add_argument("--no-pause", action="store_true",
                    help="do not pause the garbage collector during long parses (articlekit.pipeline.PAUSE_GC_AT)")
    ap.add_argument("--max-seconds", type=float, default=3.0,
                    help="the most a large page may take, in seconds (3; scaled when --large is not 1 MB)")
    ap.add_argument("--wall", action="store_true", help="time elapsed (wall-clock) seconds instead of CPU seconds")
    ap.add_argument("--list", action="store_true", help="list the families and exit")
    args = ap.parse_args(argv)
    if args.list:
        print("\n".join(FAMILIES))
        return 0
    unknown = [name for name in args.only if name not in FAMILIES]
    if unknown:
        print(f"unknown families: {', '.join(unknown)}; see --list", file=sys.stderr)
        return 2
    try:
        parse = load_parser()
    except ParserUnavailable as exc:
        print(f"no parser: {exc}", file=sys.stderr)
        return 2
    parse("JAKARTA - Harga naik pada Senin (2/9/2024).\nBaca juga: Judul")  # compile the patterns first
    if args.no_pause:
        import articlekit.pipeline

        articlekit.pipeline.PAUSE_GC_AT = sys.maxsize

    names = args.only or list(FAMILIES)
    if args.quick:
        args.small, args.large = 20_000, 200_000
    rounds = max(1, args.rounds if args.rounds is not None else (5 if args.quick else 1))
    if args.max_ratio is None:
        args.max_ratio = 1.2 * args.large / args.small
    small_kb, large_kb = args.small / 1000, args.large / 1000
    max_seconds = args.max_seconds * args.large / 1_000_000
    head = f"{'family':26} {f'{small_kb:g} KB s':>11} {f'{large_kb:g} KB s':>11} {'ratio':>7}  verdict"
    print(head)
    print("-" * len(head))
    failed: list[str] = []
    worst = ("", 0.0, 0.0, 0.0)
    worst_ratio = ("", 0.0)
    total = 0.0
    for name in names:
        make = FAMILIES[name]
        small, large = make(args.small), make(args.large)
        clock = time.perf_counter if args.wall else time.process_time
        smalls, larges, ratios = [], [], []
        for _ in range(rounds):  # one round: best of 3 small parses, best of 2 large ones
            t_s, _ = _time(parse, small, 3, clock)
            t_l, art = _time(parse, large, 2, clock)
            total += 3 * t_s + 2 * t_l
            smalls.append(t_s)
            larges.append(t_l)
            ratios.append(t_l / max(t_s, 1e-6))
        t_small, t_large, ratio = (statistics.median(x) for x in (smalls, larges, ratios))
        problems = violations(art)  # type: ignore[arg-type]
        verdict = "ok"
        if ratio > args.max_ratio:
            verdict = f"SUPER-LINEAR (> {args.max_ratio:g}x)"
        elif t_large > max_seconds:
            verdict = f"SLOW (> {max_seconds:g} s)"
        if problems:
            verdict = f"{verdict}; {len(problems)} invariant violations: {problems[0]}"
        if verdict != "ok":
            failed.append(name)
        if ratio > worst_ratio[1]:
            worst_ratio = (name, ratio)
        if t_large > worst[2]:
            worst = (name, t_small, t_large, ratio)
        print(f"{name:26} {t_small:11.3f} {t_large:11.3f} {ratio:7.1f}  {verdict}", flush=True)
    print("-" * len(head))
    print(f"slowest at {large_kb:g} KB: {worst[0]} ({worst[2]:.2f} s, ratio {worst[3]:.1f}); "
          f"largest ratio: {worst_ratio[0]} ({worst_ratio[1]:.1f}); "
          f"{len(names) - len(failed)}/{len(names)} families linear and sound; {total:.0f} s in all"
          + (f" (median of {rounds} rounds)" if rounds > 1 else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
