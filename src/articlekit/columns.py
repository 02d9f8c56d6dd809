"""The columns of a flat record: their names and order, which hold counts, and clashes with carried fields."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .errors import ColumnClash
from .models import KINDS

__all__ = ["CUT_FIELDS", "INT_FIELDS", "RECORD_FIELDS", "check_carried", "clash_error", "output_columns"]

CUT_FIELDS: tuple[str, ...] = tuple(f"cut_{kind}" for kind in KINDS if kind != "body")
"""``cut_outlet``, ``cut_dateline``, …: the characters of each segment kind that is not body."""

RECORD_FIELDS: tuple[str, ...] = (
    "lang",
    "site",
    "outlet",
    "outlet_domain",
    "title",
    "byline",
    "published",
    "updated",
    "place",
    "date",
    "date_partial",
    "time",
    "tz",
    "sources",
    "paragraphs",
    "inserts",
    "link_blocks",
    "credits",
    "chars",
    *CUT_FIELDS,
    "body",
    "notes",
    "error",
)
"""The columns of a flat record (after any carried fields such as ``id``), in order.

``lang`` is the locale used; ``site`` the registrable domain of the record's URL (``None``
without one); ``outlet`` is the name of the outlet the text names, ``outlet_domain`` its
domain; ``title``, ``byline``, ``published`` and ``updated`` come from a whole-page dump's
header; ``date``, ``time``, ``published`` and ``updated`` are ISO strings; ``sources`` and
``notes`` are joined with ``"; "``; ``paragraphs``, ``inserts``, ``link_blocks`` and
``credits`` are counts; ``chars`` is the length of the input text and ``cut_<kind>`` the
characters of each kind that is not body (``cut_insert``, ``cut_link_block``, …); ``error`` says
why a record could not be parsed at all (``None`` otherwise). Absent values are ``None`` (in a
DataFrame: text columns have the pandas ``string`` dtype, absent is ``<NA>``). With
``prefix="ak_"`` every column is named ``ak_<name>`` (see :func:`output_columns`).
"""

INT_FIELDS = frozenset({"paragraphs", "inserts", "link_blocks", "credits", "chars", *CUT_FIELDS})
"""The columns of :data:`RECORD_FIELDS` that hold counts (``int64`` in a DataFrame); the rest are text."""


def output_columns(prefix: str = "", *, full: bool = False) -> tuple[str, ...]:
    """The names of the columns articlekit writes: :data:`RECORD_FIELDS` (and ``article`` with ``full``), prefixed.

    >>> output_columns("ak_")[:3]
    ('ak_lang', 'ak_site', 'ak_outlet')
    """
    names = (*RECORD_FIELDS, "article") if full else RECORD_FIELDS
    return tuple(prefix + name for name in names)


def clash_error(names: Sequence[str], where: str, prefix: str, *, option: str = "prefix=",
                extra: str = "") -> ColumnClash:
    """The :class:`ColumnClash` for ``names``: what clashes and the way out."""
    listed = ", ".join(map(repr, names))
    one = len(names) == 1
    sample = "ak_outlet, ak_title, …"
    way_out = (f"pass another {option}than {prefix!r}" if prefix else
               f"pass {option}{'ak_' if option.startswith('-') else repr('ak_')} (the output columns become {sample})")
    return ColumnClash(f"{where} {listed} {'has' if one else 'have'} the name of "
                       f"{'an output column' if one else 'output columns'}, which would overwrite "
                       f"{'it' if one else 'them'} or be overwritten: {way_out}, or rename the field{extra}",
                       tuple(names))


def check_carried(carried: Iterable[str], taken: Iterable[str], where: str, prefix: str, *,
                  option: str = "prefix=", extra: str = "") -> None:
    """Raise :class:`ColumnClash` when a carried name is in ``taken`` (the output's column names)."""
    taken_set = set(taken)
    clash = list(dict.fromkeys(name for name in carried if name in taken_set))
    if clash:
        raise clash_error(clash, where, prefix, option=option, extra=extra)
