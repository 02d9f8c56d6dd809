"""The outlet catalogue: the bundled outlets and users' files, looked up by alias, name, domain or code."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import regex
from pydantic import ValidationError

from ..errors import RuleError
from ..scanning import literal_trie
from .files import check_unique_ids, read_toml, validation_error
from .schema import OutletEntry, OutletsFileSchema

__all__ = ["OutletCatalogue", "load_outlets"]

_WORDY = regex.compile(r"[\p{L}\p{N}]")


@dataclass(frozen=True)
class OutletCatalogue:
    """The outlets known to the parser, by id and by alias (case-insensitive)."""

    entries: tuple[OutletEntry, ...]
    by_alias: dict[str, OutletEntry]
    by_code: dict[str, OutletEntry]
    by_domain: dict[str, OutletEntry]
    derived: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_entries(cls, entries: Iterable[OutletEntry]) -> OutletCatalogue:
        """Build a catalogue; a later entry with the same ``id`` replaces an earlier one."""
        by_id: dict[str, OutletEntry] = {}
        for entry in entries:
            by_id[entry.id] = entry
        ordered = tuple(by_id.values())
        by_alias: dict[str, OutletEntry] = {}
        by_code: dict[str, OutletEntry] = {}
        by_domain: dict[str, OutletEntry] = {}
        for entry in ordered:
            by_domain.setdefault(entry.domain.casefold(), entry)
            for alias in (*entry.aliases, entry.name, entry.domain):
                by_alias[alias.casefold()] = entry
            for code in entry.codes:
                by_code[code.casefold()] = entry
        return cls(ordered, by_alias, by_code, by_domain)

    def alias_pattern(self, *, agencies_only: bool = False) -> str:
        """A regex alternation of every alias (longest first), for building prefix patterns.

        A name of two words or more is also matched in capitals, as a page prints a brand in its
        dateline (``PIKIRAN RAKYAT -`` for ``Pikiran Rakyat``); a one-word name in capitals may be a
        place or a label, so only the capitals the catalogue lists count for it."""
        words: list[str] = []
        for entry in self.entries:
            if agencies_only and not entry.agency:
                continue
            names = [*entry.aliases, entry.name]
            words.extend(names)
            words.extend(n.upper() for n in names if len(n.split()) > 1 and "." not in n)
        return literal_trie(sorted(set(words)))

    def lookup(self, token: str) -> OutletEntry | None:
        """The entry whose alias, name or domain is ``token`` (case-insensitive)."""
        key = " ".join(token.split()).casefold()
        return self.by_alias.get(key) or self.by_domain.get(key)

    def __len__(self) -> int:
        return len(self.entries)


def _outlets_from_text(text: str, path: str) -> list[OutletEntry]:
    data = read_toml(path, text)
    try:
        parsed = OutletsFileSchema.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, path, data) from exc
    check_unique_ids([o.id for o in parsed.outlet], path=path, table="outlet")
    for o in parsed.outlet:
        if not regex.fullmatch(r"[a-z0-9_]+", o.id):
            raise RuleError("id must match [a-z0-9_]+", path=path, rule=o.id, field="id")
        if "." not in o.domain or o.domain != o.domain.lower():
            raise RuleError("domain must be a lower-case registrable domain", path=path, rule=o.id,
                            field="domain")
        # names and aliases become literal alternatives of the prefix patterns: a blank one would
        # match whitespace, a huge one is a mistake
        for name, values in (("name", [o.name]), ("aliases", o.aliases), ("codes", o.codes)):
            for value in values:
                if not _WORDY.search(value) or len(value) > 100 or "\n" in value:
                    raise RuleError(f"{value[:40]!r} must hold a letter or digit, one line, at most 100 characters",
                                    path=path, rule=o.id, field=name)
    return parsed.outlet


@functools.lru_cache(maxsize=1)
def _bundled_outlets() -> tuple[OutletEntry, ...]:
    folder = resources.files("articlekit").joinpath("data", "outlets")
    entries: list[OutletEntry] = []
    for res in sorted(folder.iterdir(), key=lambda p: p.name):
        if res.name.endswith(".toml"):
            entries.extend(_outlets_from_text(res.read_text(encoding="utf-8"),
                                              f"articlekit/data/outlets/{res.name}"))
    return tuple(entries)


def load_outlets(*paths: str | Path, bundled: bool = True) -> OutletCatalogue:
    """The outlet catalogue: the bundled outlets, then each user file in order (later ids override).

    One catalogue serves every language: Indonesian copy credits Reuters and Bernama, Malay copy
    credits Antara. An outlet's ``lang`` says what language it publishes in (``articlekit outlets
    --lang ms`` lists the Malaysian ones); the parser does not filter by it.
    """
    entries: list[OutletEntry] = list(_bundled_outlets()) if bundled else []
    for p in paths:
        path = Path(p)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RuleError(f"cannot read outlet file: {exc}", path=str(path)) from exc
        entries.extend(_outlets_from_text(text, str(path)))
    return OutletCatalogue.from_entries(entries)
