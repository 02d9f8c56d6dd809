"""articlekit: split the plain text of a scraped news page into a typed, lossless Article.

>>> import articlekit
>>> art = articlekit.parse("JAKARTA, KOMPAS.com - Harga cabai turun pada Senin (2/9/2024).")
>>> art.outlet.domain, art.dateline.place, art.dateline.date.isoformat()
('kompas.com', 'Jakarta', '2024-09-02')
"""

from __future__ import annotations

import logging

from .corpus import parse_many
from .display import Summary, summarize
from .draft import Claim, Draft, Fact, Findings
from .errors import (
    ArticlekitError,
    ColumnClash,
    InputError,
    PatternTimeout,
    PipelineError,
    RuleError,
    StageError,
    TemplateError,
    UnknownLanguage,
)
from .learning import LearnSettings, TemplateLearner, learn_templates
from .models import (
    CREDIT_ROLES,
    KINDS,
    Article,
    Attribution,
    Credit,
    CreditRole,
    Dateline,
    Insert,
    Kind,
    LinkBlock,
    LinkItem,
    Outlet,
    Paragraph,
    Segment,
    Span,
)
from .pipeline import Pipeline, Stage, parse
from .readback import read_output
from .rulebook import RuleInfo, list_rules
from .rules import available_languages, detect_language, load_locale, load_locale_file, load_outlets
from .sites import registrable_domain
from .tables import RECORD_FIELDS, parse_batch, parse_frame, parse_record, to_dataframe, to_records
from .templates import Templates

__version__ = "0.1.0"

__all__ = [
    "CREDIT_ROLES",
    "KINDS",
    "RECORD_FIELDS",
    "Article",
    "ArticlekitError",
    "Attribution",
    "Claim",
    "ColumnClash",
    "Credit",
    "CreditRole",
    "Dateline",
    "Draft",
    "Fact",
    "Findings",
    "InputError",
    "Insert",
    "Kind",
    "LearnSettings",
    "LinkBlock",
    "LinkItem",
    "Outlet",
    "Paragraph",
    "PatternTimeout",
    "Pipeline",
    "PipelineError",
    "RuleError",
    "RuleInfo",
    "Segment",
    "Span",
    "Stage",
    "StageError",
    "Summary",
    "TemplateError",
    "TemplateLearner",
    "Templates",
    "UnknownLanguage",
    "__version__",
    "available_languages",
    "detect_language",
    "learn_templates",
    "list_rules",
    "load_locale",
    "load_locale_file",
    "load_outlets",
    "parse",
    "parse_batch",
    "parse_frame",
    "parse_many",
    "parse_record",
    "read_output",
    "registrable_domain",
    "summarize",
    "to_dataframe",
    "to_records",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
