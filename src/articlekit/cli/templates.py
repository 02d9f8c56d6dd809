"""``--learn-templates`` and the grouping of records by site, for learning and for applying templates."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..pipeline import Pipeline
from .reporting import SHOW_ERRORS

if TYPE_CHECKING:
    from ..io import InputRecord

__all__ = ["group_by", "grouped", "learn_templates"]

def group_by(args: argparse.Namespace, nlp: Pipeline) -> str | None:
    """How records are grouped: ``--group-by``; else, applying, the way the templates were learned."""
    if args.group_by:
        return str(args.group_by)
    from ..stages import SiteTemplates

    if "templates" in nlp.names:
        stage = nlp.get("templates")
        if isinstance(stage, SiteTemplates):
            return stage.templates.group_by
    return None


def grouped(args: argparse.Namespace, nlp: Pipeline, records: Iterator[InputRecord]) -> Iterator[InputRecord]:
    """``records``, each with ``--group`` where it has no group of its own."""
    for record in records:
        if record.group is None and args.group:
            record.group = args.group
        yield record


def learn_templates(args: argparse.Namespace, nlp: Pipeline) -> int:
    from ..io import iter_records
    from ..learning import TemplateLearner, learn_pairs

    by = args.group_by or "detected"
    overrides = {k: v for k, v in (("min_texts", args.min_texts), ("min_share", args.min_share)) if v is not None}
    try:
        learner = TemplateLearner(by=by, **overrides)
    except ValueError as exc:
        print(f"articlekit: {exc}", file=sys.stderr)
        return 2
    errors = 0
    records = iter_records(args.files, jsonl=args.jsonl, text_field=args.text_field, carry=(),
                           encoding=args.encoding, group_by=None if by == "detected" else by,
                           url_field=args.url_field)
    def pairs() -> Iterator[tuple[str, str | None]]:
        nonlocal errors
        for record in grouped(args, nlp, records):
            if record.text is None:
                errors += 1
                if errors <= SHOW_ERRORS and not args.quiet:
                    print(f"articlekit: {record.meta.get('path') or record.meta.get('source')}: {record.error}",
                          file=sys.stderr)
                continue
            yield record.text, record.group

    if args.workers is not None and args.workers < 0:
        print("articlekit: --workers must be 0 or more", file=sys.stderr)
        return 2
    learn_pairs(learner, pairs(), detect=by == "detected" and not args.group, pipeline=nlp, workers=args.workers)
    templates = learner.templates()
    try:
        templates.save(args.learn_templates)
    except OSError as exc:
        print(f"articlekit: cannot write {args.learn_templates}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(f"articlekit: learned {len(templates)} strings in {len(templates.groups)} groups from "
              f"{learner.texts} texts ({learner.ungrouped} without a group, {errors} unreadable) "
              f"-> {args.learn_templates}", file=sys.stderr)
    return 1 if errors else 0
