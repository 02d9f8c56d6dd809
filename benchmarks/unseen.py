"""How the parse holds up on outlets and places the catalogue and the gazetteer do not know.

No labelled text comes from an outlet the catalogue lacks or from a town the gazetteer lacks, so this
benchmark makes some: in every body-only text of ``../shared/corpus/raw`` whose dateline names a
domain-shaped outlet (``KOMPAS.com``), an outlet by a name in brackets (``Jakarta (ANTARA) -``) or a
place, it swaps that token for one nobody lists (``KABARKITA.com``, ``WARTADESA``, ``Wonokerto``, in
the same case) and parses the text again; a name in brackets nobody lists names no domain, so the
outlet must come back empty. Whatever the swap
changes besides the swapped field (the place, the body, the attribution) is a rule that leans on the
catalogue or the gazetteer where the shape alone should do.

Figures: for each swap, how many texts were swapped and how many kept each field (the swapped field
must come back as the new name). Differences also come from texts that print their prefix twice (the
parser reads the later, unswapped copy): read the examples before trusting a figure.

Usage::

    python benchmarks/unseen.py [--examples N]

Exit codes: 0, or 2 when the corpus or the parser is missing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import regex
from _common import DEFAULT_CORPUS, ParserUnavailable, corpus_files, iter_jsonl, load_parser

_DOMAIN_TOKEN = regex.compile(r"(?P<stem>[\p{L}\d\-]+)(?P<tld>\.[\p{L}.]+)")
_PLACE_TOKEN = regex.compile(r"[\p{L} ]+")
_NAME_TOKEN = regex.compile(r"\p{L}{3,}")
# what is swapped: (the swap's name, the kind of segment holding the token, the end of its rule id)
_SWAPS = (("outlet", "outlet", ""), ("name", "outlet", ""), ("place", "dateline", ".place"))


def _same_case(model: str, word: str) -> str:
    return word.upper() if model.isupper() else word.capitalize() if model[:1].isupper() else word.lower()


def _fields(a: object) -> dict[str, object]:
    outlet = getattr(a, "outlet", None)
    dateline = getattr(a, "dateline", None)
    attribution = getattr(a, "attribution", None)
    return {
        "outlet": (getattr(outlet, "domain", None) or "").casefold() or None,
        "place": (getattr(dateline, "place", None) or "").casefold() or None,
        "attribution": getattr(attribution, "sources", None),
        "body": " ".join(str(getattr(a, "body", "")).split()),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--examples", type=int, default=3, help="examples to print per swap and field")
    args = ap.parse_args(argv)
    files = corpus_files(args.corpus, "raw")
    if not files:
        print(f"no corpus at {args.corpus}: nothing to measure", file=sys.stderr)
        return 2
    try:
        parse = load_parser()
    except ParserUnavailable as exc:
        print(f"articlekit: {exc}", file=sys.stderr)
        return 2
    counts = {"outlet": Counter[str](), "name": Counter[str](), "place": Counter[str]()}
    examples: dict[tuple[str, str], list[str]] = {}
    for path in files:
        for record in iter_jsonl(path):
            text = record.get("text")
            if not isinstance(text, str):
                continue
            article = parse(text)
            before = _fields(article)
            for swap, kind, suffix in _SWAPS:
                seg = next((s for s in article.segments if s.kind == kind
                            and (not suffix or s.why.endswith(suffix))), None)
                if seg is None:
                    continue
                token = text[seg.start : seg.end]
                if swap == "outlet":
                    m = _DOMAIN_TOKEN.fullmatch(token)
                    if m is None:
                        continue
                    new = _same_case(m["stem"], "kabarkita") + m["tld"]
                    want = ("kabarkita" + m["tld"]).casefold()
                elif swap == "name":
                    # a catalogued name in brackets ("Jakarta (ANTARA) -") becomes one nobody lists: the
                    # outlet is unknown (no domain), everything else must stay
                    if not _NAME_TOKEN.fullmatch(token) or text[seg.start - 1 : seg.start] != "(":
                        continue
                    new = _same_case(token, "wartadesa")
                    want = None
                else:
                    if not _PLACE_TOKEN.fullmatch(token):
                        continue
                    new = want = _same_case(token, "wonokerto")
                    want = want.casefold()
                after = _fields(parse(text[: seg.start] + new + text[seg.end :]))
                counts[swap]["texts"] += 1
                for field, value in after.items():
                    ok = value == want if field == ("outlet" if swap == "name" else swap) else value == before[field]
                    if ok:
                        counts[swap][field] += 1
                    elif len(examples.setdefault((swap, field), [])) < args.examples:
                        near = text[max(0, seg.start - 20) : seg.end + 40]
                        examples[(swap, field)].append(f"{record.get('id')}: {near!r}")
    for swap, c in counts.items():
        n = c["texts"]
        kept = ", ".join(f"{f} {c[f] / n:.4f}" for f in ("outlet", "place", "attribution", "body")) if n else "-"
        print(f"{swap} swapped in {n} texts; right after the swap: {kept}")
        for field in ("outlet", "place", "attribution", "body"):
            for line in examples.get((swap, field), []):
                print(f"  {field} differs: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
