"""Every rule a parse can name: the ids a segment's ``why`` (or a fact's) can print, where each is defined.

A rule is defined exactly once, in one of two places:

- **in code**, as a named constant next to the code that claims with it::

      SUFFIX = define_rule("repeats:suffix", "noise", "a second copy of the story's last lines, pasted below it")

  :func:`define_rule` records the id with its stage, kind, file and line, and returns the id itself, so
  the constant is what the stage passes to ``found.claim``;
- **in data**, as an entry of a locale file (``[[noise.rule]]``, ``[[header.line]]``,
  ``[[header.caption]]``), the id written in full in its ``id`` field.

A rule that applies a data entry it does not own names the entry after a ``/``: the layout rule
``inserts:line`` with the marker ``baca-juga`` of ``[[inserts.marker]]`` is ``inserts:line/baca-juga``;
the prefix shape ``prefix:A`` with the outlet ``kompas`` of the outlet catalogue is ``prefix:A/kompas``.
So every ``why`` reads ``stage:rule`` or ``stage:rule/entry``, the rule defined once in code or data and
the entry once in data (``articlekit rules`` lists markers as ``inserts:*/<id>``).

:func:`list_rules` lists both (``articlekit rules`` prints it; the docs render it as a table).
"""

from __future__ import annotations

import sys
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = ["RuleInfo", "code_rules", "data_rules", "define_rule", "list_rules"]


@dataclass(frozen=True)
class RuleInfo:
    """One rule: its full id (``stage:name``), stage, the kind it claims, where it is defined, what it does."""

    id: str
    stage: str
    kind: str
    where: str
    doc: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


_CODE: dict[str, RuleInfo] = {}
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent  # the folder holding ``articlekit/``


def _where(filename: str, line: int) -> str:
    try:
        rel = Path(filename).resolve().relative_to(_PACKAGE_ROOT).as_posix()
    except ValueError:  # a rule defined outside the package (a user's stage)
        rel = filename
    return f"{rel}:{line}"


def define_rule(id: str, kind: str, doc: str) -> str:
    """Define the code rule ``id`` (``"stage:name"``) that claims ``kind``; returns ``id``.

    Call it once, at module level, next to the code that claims with the rule. Defining the same
    id in two places raises ``ValueError`` (one id, one definition).
    """
    stage, sep, name = id.partition(":")
    if not (stage and sep and name):
        raise ValueError(f"a rule id is 'stage:name', not {id!r}")
    frame = sys._getframe(1)
    where = _where(frame.f_code.co_filename, frame.f_lineno)
    known = _CODE.get(id)
    if known is not None and known.where != where:
        raise ValueError(f"rule {id!r} is defined twice: {known.where} and {where}")
    _CODE[id] = RuleInfo(id, stage, kind, where, doc)
    return id


def code_rules() -> list[RuleInfo]:
    """The rules defined in code by the bundled stages (importing them registers their rules)."""
    from . import assemble, stages  # noqa: F401  (imported for their rule definitions)

    return sorted(_CODE.values(), key=lambda r: (r.stage, r.id))


def _summary(pattern: str | list[str], width: int = 60) -> str:
    """The start of a pattern (a list of phrases shown as its first phrases), on one line."""
    text = " | ".join(pattern) if isinstance(pattern, list) else pattern
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _data_line(path: str, text: str, table: str, rule_id: str) -> str:
    """``path:line`` of the ``id = "<rule_id>"`` line inside ``[[table]]`` entries (``path`` alone if not found)."""
    inside = False
    for n, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if s.startswith("["):
            inside = s == f"[[{table}]]"
        elif inside and s.replace(" ", "") in (f'id="{rule_id}"', f"id='{rule_id}'"):
            return f"{path}:{n}"
    return path


def data_rules(lang: str) -> list[RuleInfo]:
    """The rules a bundled locale defines in data (with those of its ``base``, from the file that defines them)."""
    from importlib import resources

    from .rules.loading import raw_locale

    data, _ = raw_locale(lang)
    files: list[tuple[str, str]] = []
    chain: str | None = lang
    while chain:
        res = resources.files("articlekit").joinpath("data", "locales", f"{chain}.toml")
        text = res.read_text(encoding="utf-8")
        files.append((f"articlekit/data/locales/{chain}.toml", text))
        import tomllib

        base = tomllib.loads(text).get("base")
        chain = base if isinstance(base, str) else None

    def where(table: str, rule_id: str) -> str:
        for path, text in files:  # the locale's own file first, then its bases
            found = _data_line(path, text, table, rule_id)
            if found != path:
                return found
        return files[0][0]

    out: list[RuleInfo] = []
    for m in data.get("inserts", {}).get("marker", []):
        # a marker is the entry after the layout rule's '/': inserts:line/baca-juga, inserts:bare/baca-juga …
        doc = m.get("doc") or f"insert marker {m['label']!r} (with any layout rule): {_summary(m['pattern'])}"
        out.append(RuleInfo(f"inserts:*/{m['id']}", "inserts", "insert", where("inserts.marker", m["id"]), doc))
    header = data.get("header", {})
    for table, kind in (("line", "header"), ("caption", "caption")):
        for r in header.get(table, []):
            doc = r.get("doc") or f"a whole {kind} line: {_summary(r['pattern'])}"
            out.append(RuleInfo(f"header:{r['id']}", "header", kind, where(f"header.{table}", r["id"]), doc))
    for r in data.get("noise", {}).get("rule", []):
        scope = "a whole line" if r.get("scope", "line") == "line" else "anywhere"
        doc = r.get("doc") or f"{scope}: {_summary(r['pattern'])}"
        out.append(RuleInfo(f"noise:{r['id']}", "noise", r.get("kind", "noise"), where("noise.rule", r["id"]), doc))
    return out


def list_rules(langs: list[str] | None = None) -> list[RuleInfo]:
    """Every rule: the code rules, then the data rules of each bundled locale (each id once, first file wins)."""
    from .rules import available_languages

    seen: dict[str, RuleInfo] = {}
    for info in code_rules():
        seen.setdefault(info.id, info)
    for lang in sorted(langs or available_languages(), key=_depth):  # a base locale before those built on it
        for info in data_rules(lang):
            seen.setdefault(info.id, info)
    return sorted(seen.values(), key=lambda r: (_STAGE_ORDER.get(r.stage, 99), r.id))


def _depth(lang: str) -> int:
    from .rules.loading import raw_locale

    return 0 if not isinstance(raw_locale(lang)[0].get("base"), str) else 1 + _depth(raw_locale(lang)[0]["base"])


_STAGE_ORDER = {name: i for i, name in enumerate(
    ("noise", "repeats", "page", "links", "prefix", "header", "captions", "inserts", "leftovers", "tail", "newsdate",
     "body"))}
