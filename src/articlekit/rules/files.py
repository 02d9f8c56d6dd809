"""Reading a data file: TOML, a schema error turned into a RuleError naming the rule, unique ids."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from ..errors import RuleError

__all__ = ["check_unique_ids", "read_toml", "validation_error"]

def check_unique_ids(ids: Sequence[str], *, path: str, table: str) -> None:
    seen: set[str] = set()
    for rule_id in ids:
        if rule_id in seen:
            raise RuleError(f"duplicate id in [{table}]", path=path, rule=rule_id, field="id")
        seen.add(rule_id)



def read_toml(path: str, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"not valid TOML: {exc}", path=path) from exc


def validation_error(exc: ValidationError, path: str, data: dict[str, Any]) -> RuleError:
    err = exc.errors()[0]
    loc = err.get("loc", ())
    rule = None
    # find the rule id of the offending table, if the location points into a list of tables
    node: Any = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            rule = node["id"]
    return RuleError(err.get("msg", "invalid"), path=path, rule=rule, field=".".join(str(p) for p in loc))
