"""Consistency checks for the outlet catalogue ``src/articlekit/data/outlets/id.toml``.

Only ``tomllib`` and the standard library are used, so the data file can be checked on its own, before the
package loader exists. The rules mirror the schema documented at the top of the TOML file and in the
README next to it.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

CATALOGUE = Path(__file__).resolve().parents[1] / "src" / "articlekit" / "data" / "outlets" / "id.toml"

SCHEMA: dict[str, type] = {
    "id": str,
    "name": str,
    "domain": str,
    "aliases": list,
    "codes": list,
    "agency": bool,
    "source_name": str,
    "lost_separator": bool,
    "lang": str,
}
# keys an entry may leave out, with their allowed values
OPTIONAL: dict[str, frozenset[str]] = {"headline_case": frozenset({"sentence", "title"})}
LANGS = frozenset({"id", "ms", "en"})
ID_RE = re.compile(r"[a-z0-9_]+")
CODE_RE = re.compile(r"[a-z][a-z0-9]{1,5}")
DOMAIN_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+")

# Domains docs/parse-rules.md and the project brief name explicitly: losing one of them is a regression.
_REQUIRED_DOMAINS_TEXT = """
    suara.com kompas.com liputan6.com antaranews.com cnnindonesia.com tempo.co republika.co.id detik.com
    tribunnews.com tribunjatim.com serambinews.com okezone.com sindonews.com bisnis.com kontan.co.id
    cnbcindonesia.com idntimes.com jpnn.com viva.co.id inews.id idxchannel.com medcom.id beritasatu.com
    tvonenews.com merdeka.com mediaindonesia.com edisi.co.id pikiran-rakyat.com murianetwork.com grid.id
    rmol.id kbr.id thejakartapost.com kapanlagi.com posmetro.co.id posmetromedan.com posmetro.co
    turnbackhoax.id majoriti.com.my bernama.com utusan.com.my bharian.com.my thestar.com.my
    malaysiagazette.com kosmo.com.my astroawani.com reuters.com apnews.com afp.com
"""
REQUIRED_DOMAINS = frozenset(_REQUIRED_DOMAINS_TEXT.split())
REQUIRED_AGENCIES = frozenset(
    {"Antara", "Reuters", "AFP", "AP", "Xinhua", "Bernama", "Anadolu", "Kyodo", "Yonhap", "dpa"}
)
# Source codes the attribution rules (docs/parse-rules.md) name; everything else in the tails is initials or
# a desk code.
REQUIRED_CODES = {"ant": "antaranews.com", "dtk": "detik.com", "okz": "okezone.com"}
NOT_CODES = frozenset({"bbs", "tbn", "kpl", "rls", "red"})


def _load() -> list[dict[str, Any]]:
    """Return the ``[[outlet]]`` tables of the catalogue."""
    with CATALOGUE.open("rb") as fh:
        data = tomllib.load(fh)
    assert set(data) == {"outlet"}, f"unexpected top-level keys: {sorted(data)}"
    outlets = data["outlet"]
    assert isinstance(outlets, list)
    return outlets


@pytest.fixture(scope="module")
def outlets() -> list[dict[str, Any]]:
    """The parsed catalogue, loaded once per module."""
    return _load()


def _duplicates(values: list[str]) -> list[str]:
    """Values that occur more than once, in sorted order."""
    return sorted(v for v, n in Counter(values).items() if n > 1)


def test_enough_entries(outlets: list[dict[str, Any]]) -> None:
    assert len(outlets) >= 60


def test_every_key_present_and_typed(outlets: list[dict[str, Any]]) -> None:
    for entry in outlets:
        where = entry.get("id", entry)
        extra_or_missing = sorted((set(entry) - set(OPTIONAL)) ^ set(SCHEMA))
        assert not extra_or_missing, f"{where}: keys {extra_or_missing} differ from the schema"
        for key, allowed in OPTIONAL.items():
            assert entry.get(key, next(iter(allowed))) in allowed, f"{where}: {key} must be one of {sorted(allowed)}"
        for key, kind in SCHEMA.items():
            assert isinstance(entry[key], kind), f"{where}: {key} should be {kind.__name__}"
        assert all(isinstance(a, str) for a in entry["aliases"]), where
        assert all(isinstance(c, str) for c in entry["codes"]), where


def test_ids_unique_well_formed_and_sorted(outlets: list[dict[str, Any]]) -> None:
    ids = [entry["id"] for entry in outlets]
    assert not _duplicates(ids)
    assert [i for i in ids if not ID_RE.fullmatch(i)] == []
    assert ids == sorted(ids), "keep the file sorted by id"


def test_names_non_empty(outlets: list[dict[str, Any]]) -> None:
    assert [e["id"] for e in outlets if not e["name"].strip()] == []


def test_domains_lower_case_with_a_dot(outlets: list[dict[str, Any]]) -> None:
    domains = [e["domain"] for e in outlets]
    assert [d for d in domains if d != d.lower() or not DOMAIN_RE.fullmatch(d)] == []


def test_aliases_present_and_clean(outlets: list[dict[str, Any]]) -> None:
    for entry in outlets:
        aliases = entry["aliases"]
        assert aliases, f"{entry['id']}: at least one alias"
        assert [a for a in aliases if a != a.strip() or not a] == [], entry["id"]
        folded = [a.casefold() for a in aliases]
        assert not _duplicates(folded), f"{entry['id']}: alias repeated ignoring case"


def test_no_alias_shared_between_outlets(outlets: list[dict[str, Any]]) -> None:
    owners: dict[str, list[str]] = {}
    for entry in outlets:
        for alias in {a.casefold() for a in entry["aliases"]}:
            owners.setdefault(alias, []).append(entry["id"])
    shared = {alias: ids for alias, ids in owners.items() if len(ids) > 1}
    assert shared == {}


def test_codes_lower_case_unique_and_not_initials(outlets: list[dict[str, Any]]) -> None:
    codes = [c for e in outlets for c in e["codes"]]
    assert [c for c in codes if not CODE_RE.fullmatch(c)] == []
    assert not _duplicates(codes)
    assert NOT_CODES.isdisjoint(codes)
    by_code = {c: e["domain"] for e in outlets for c in e["codes"]}
    for code, domain in REQUIRED_CODES.items():
        assert by_code.get(code) == domain, code


def test_agencies_have_a_source_name(outlets: list[dict[str, Any]]) -> None:
    for entry in outlets:
        if entry["agency"]:
            assert entry["source_name"].strip(), f"{entry['id']}: agency without source_name"
        else:
            assert entry["source_name"] == "", f"{entry['id']}: only agencies carry a source_name"
    names = [e["source_name"] for e in outlets if e["agency"]]
    assert not _duplicates([n.casefold() for n in names])
    assert set(names) >= REQUIRED_AGENCIES


def test_lang_is_known(outlets: list[dict[str, Any]]) -> None:
    assert [e["id"] for e in outlets if e["lang"] not in LANGS] == []


def test_lost_separator_is_rare(outlets: list[dict[str, Any]]) -> None:
    flagged = {e["id"] for e in outlets if e["lost_separator"]}
    assert {"liputan6", "tempo"} <= flagged
    assert len(flagged) <= 5, f"lost_separator should stay exceptional: {sorted(flagged)}"


def test_required_outlets_present(outlets: list[dict[str, Any]]) -> None:
    domains = {e["domain"] for e in outlets}
    assert sorted(REQUIRED_DOMAINS - domains) == []


def test_known_spellings_resolve() -> None:
    by_alias = {a.casefold(): e["domain"] for e in _load() for a in e["aliases"]}
    expected = {
        "KOMPAS.com": "kompas.com",
        "TEMPO.CO": "tempo.co",
        "REPUBLIKA.CO.ID": "republika.co.id",
        "detikNews": "detik.com",
        "detikHealth": "detik.com",
        "ANTARA News": "antaranews.com",
        "TRIBUNKALTIM.CO": "tribunkaltim.co",
        "SURYA.CO.ID": "surya.co.id",
        "POSMETRO MEDAN": "posmetromedan.com",
        "Posmetro.co.id": "posmetro.co.id",
        "NOVA.id": "grid.id",
        "SINDO": "sindonews.com",
        "IDXChannel": "idxchannel.com",
        "JP": "thejakartapost.com",
    }
    assert {k: by_alias.get(k.casefold()) for k in expected} == expected
