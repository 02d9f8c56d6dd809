"""Parsing with learned site templates in the benchmarks (``accuracy.py --templates FILE``)."""

from __future__ import annotations

from pathlib import Path

from _common import Parser, corpus_files, iter_jsonl

from articlekit import Templates
from articlekit.learning import record_group
from articlekit.models import Article
from articlekit.pipeline import Pipeline
from articlekit.stages import SiteTemplates


class TemplatedParsers:
    """Turns a pipeline into a parser with the templates of ``path``; each corpus text gets its record's group.

    The group is read from the record the way the file was learned (its ``group_by``: a field such
    as ``outlet``, ``url``, or ``detected``, where the parse decides).
    """

    def __init__(self, path: Path, corpus: Path) -> None:
        self.templates = Templates.load(path)
        self.groups: dict[str, str] = {}
        for file in corpus_files(corpus, "raw", "pages"):
            for record in iter_jsonl(file):
                text, group = record.get("text"), record_group(record, self.templates.group_by)
                if isinstance(text, str) and group is not None:
                    self.groups.setdefault(text, group)

    def __call__(self, nlp: Parser) -> Parser:
        if not isinstance(nlp, Pipeline):
            raise TypeError("site templates need a Pipeline to add their stage to")
        nlp.add(SiteTemplates(self.templates))
        groups = self.groups

        def parse(text: str) -> Article:
            return nlp(text, group=groups.get(text))

        return parse
