"""Site templates on the corpus: learn them per outlet, then see what they claim that no rule claims.

Learns templates from ``raw/*.jsonl`` (grouped by the records' ``outlet`` field unless ``--by``
says otherwise), writes the file to ``--out`` (under /tmp by default: it holds corpus text and is
never committed), then parses every text with and without them and reports:

* per group: strings learned, texts and lines the templates claimed (every such line is one no
  earlier rule claimed: the stage only takes unclaimed text);
* that every other segment (all but ``body`` and ``templates:*``) is the same in both parses;
* a random sample of the claimed lines, to read by eye (``--sample N``);
* the dev labels scored without and with the templates (junk leaked, keep lost, fully right).

``--no-noise-rules`` runs all of it with the locales' ``[noise]`` tables emptied: what a site
looks like when no rule lists its promos and slogans (an outlet nobody tuned to), so the figures
show how much of that furniture the templates learn back on their own.

Usage::

    python benchmarks/templates.py
    python benchmarks/templates.py --by url --out /tmp/tpl.json --sample 30
    python benchmarks/templates.py --no-noise-rules
    python benchmarks/accuracy.py --templates /tmp/articlekit-templates.toml   # dev labels with them

Exit codes: 0 ok (also when the corpus is absent), 1 a parse changed outside the templates' claims.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from _common import DEFAULT_CORPUS, corpus_files, iter_jsonl
from accuracy import evaluate, index_texts

import articlekit
from articlekit.learning import record_group
from articlekit.models import Article
from articlekit.rules import available_languages, detect_language, load_locale, load_outlets
from articlekit.stages import SiteTemplates, default_stages


class ByLanguage:
    """Parses each text with the default stages of its detected language's locale, less its ``[noise]`` rules."""

    def __init__(self, templates: articlekit.Templates | None) -> None:
        catalogue = load_outlets()
        self.pipelines: dict[str, articlekit.Pipeline] = {}
        for lang in available_languages():
            locale = dataclasses.replace(load_locale(lang), noise_rules=(), extra={})
            nlp = articlekit.Pipeline(default_stages(locale, catalogue), lang=lang, locale=locale, outlets=catalogue)
            if templates is not None:
                nlp.add(SiteTemplates(templates))
            self.pipelines[lang] = nlp

    def __call__(self, text: str, *, errors: str = "raise", group: str | None = None) -> Article:
        return self.pipelines[detect_language(text)](text, errors=errors, group=group)  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="templates.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--by", default="outlet", help="how to group texts: a record field, 'url' or 'detected'")
    ap.add_argument("--out", type=Path, default=Path("/tmp/articlekit-templates.toml"),
                    help="where to write the learned file (default: %(default)s; never inside the repository)")
    ap.add_argument("--sample", type=int, default=15, help="claimed lines to print (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--no-noise-rules", action="store_true",
                    help="empty the locales' [noise] tables in both parses (a site no rule was written for)")
    args = ap.parse_args(argv)
    if not (args.corpus / "raw").is_dir():
        print(f"templates: no corpus at {args.corpus}; nothing to do.")
        return 0
    records = [r for f in corpus_files(args.corpus, "raw") for r in iter_jsonl(f) if isinstance(r.get("text"), str)]

    started = time.perf_counter()
    templates = articlekit.learn_templates(records, by=args.by)
    learned = time.perf_counter() - started
    templates.save(args.out)
    print(f"learned {len(templates)} strings in {len(templates.groups)} groups from {len(records)} texts "
          f"in {learned:.1f} s -> {args.out}")

    if args.no_noise_rules:
        plain: object = ByLanguage(None)
        with_t: object = ByLanguage(templates)
    else:
        plain = articlekit.Pipeline.default()
        with_t = articlekit.Pipeline.default(templates=templates)
    group_of: dict[str, str | None] = {}
    claimed: Counter[str] = Counter()
    texts_hit: Counter[str] = Counter()
    changed: list[str] = []
    sample_pool: list[tuple[str, str, str]] = []
    for record in records:
        text = record["text"]
        assert isinstance(text, str)
        group = record_group(record, templates.group_by)
        group_of.setdefault(text, group)
        before = plain(text, errors="note")  # type: ignore[operator]
        after = with_t(text, errors="note", group=group)  # type: ignore[operator]
        mine = [s for s in after.segments if s.why.startswith("templates:")]
        keep_b = [s for s in before.segments if s.kind != "body"]
        keep_a = [s for s in after.segments if s.kind != "body" and not s.why.startswith("templates:")]
        if keep_a != keep_b:
            changed.append(str(record.get("id")))
        name = mine[0].why.split(":")[1] if mine else ""
        if mine:
            claimed[name] += len(mine)
            texts_hit[name] += 1
            sample_pool.extend((str(record.get("id")), s.why, text[s.start:s.end]) for s in mine)
    strings = {g.name: len(g.strings) for g in templates}
    print(f"\n  {'group':<22}{'strings':>8}{'texts':>8}{'lines':>8}")
    for name in sorted(strings, key=lambda n: -claimed[n]):
        print(f"  {name:<22}{strings[name]:>8}{texts_hit[name]:>8}{claimed[name]:>8}")
    print(f"  {'total':<22}{sum(strings.values()):>8}{sum(texts_hit.values()):>8}{sum(claimed.values()):>8}")
    print(f"\nlines claimed by templates and by no rule: {sum(claimed.values())} in {sum(texts_hit.values())} "
          f"of {len(records)} texts; parses changed outside those lines: {len(changed)}")
    if args.sample and sample_pool:
        print(f"\nsample of {min(args.sample, len(sample_pool))} claimed lines:")
        for rid, why, piece in random.Random(args.seed).sample(sample_pool, min(args.sample, len(sample_pool))):
            print(f"  {rid:<48} {why:<38} {piece[:90]!r}")
    for rid in changed[:10]:
        print(f"CHANGED outside the templates' claims: {rid}")

    labels = args.corpus / "dev" / "labels.jsonl"
    if labels.is_file():
        texts = index_texts(args.corpus)
        print(f"\ndev labels ({'no [noise] rules' if args.no_noise_rules else 'all rules'}):")
        print(f"  {'':<18}{'fully right':>12}{'junk leaked':>12}{'keep lost':>10}")
        for name, nlp in (("without templates", plain), ("with templates", with_t)):
            def parse(text: str, nlp: object = nlp) -> Article:
                return nlp(text, group=group_of.get(text))  # type: ignore[operator, no-any-return]

            summary = evaluate(labels, texts, parse).summary()
            print(f"  {name:<18}{summary['fully_right']:>12.4f}{summary['junk_leaked']:>12.4f}"
                  f"{summary['keep_lost']:>10.4f}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
