"""``articlekit rules`` and ``articlekit outlets``: what the parser knows, listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import articlekit
from articlekit import rulebook
from articlekit.cli import main
from articlekit.rulebook import define_rule

from .conftest import ROOT


def test_rules_json_lists_code_and_data_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_id = {r["id"]: r for r in rows}
    assert len(by_id) == len(rows), "an id is listed twice"
    assert set(rows[0]) == {"id", "stage", "kind", "where", "doc"}
    suffix = by_id["repeats:suffix"]
    path, line = suffix["where"].rsplit(":", 1)
    source = (ROOT / "src" / path).read_text(encoding="utf-8").splitlines()
    assert '"repeats:suffix"' in source[int(line) - 1]  # the line the rule is defined on
    noise = by_id["noise:advertisement"]
    path, line = noise["where"].rsplit(":", 1)
    data = (ROOT / "src" / path).read_text(encoding="utf-8").splitlines()
    assert data[int(line) - 1].replace(" ", "") == 'id="advertisement"'
    assert all(r["doc"] and r["stage"] == r["id"].split(":")[0] for r in rows)


def test_rules_table_and_lang_filter(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--lang", "id"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["id", "stage", "kind", "where", "what"]
    assert "body:unclaimed" in out and "noise:en-ui" not in out
    assert main(["rules", "--lang", "xx"]) == 2
    assert "unknown language 'xx'" in capsys.readouterr().err


def test_outlets_json_and_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outlets", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == len(articlekit.load_outlets())
    suara = next(r for r in rows if r["id"] == "suara")
    assert suara["domain"] == "suara.com" and set(suara) == {"id", "name", "domain", "aliases", "codes", "lang"}
    assert main(["outlets", "--json", "--lang", "ms"]) == 0
    malay = json.loads(capsys.readouterr().out)
    assert malay and all(r["lang"] == "ms" for r in malay) and len(malay) < len(rows)
    mine = tmp_path / "mine.toml"
    mine.write_text('[[outlet]]\nid = "warta_bulan"\nname = "Warta Bulan"\ndomain = "wartabulan.id"\n'
                    'aliases = ["WARTABULAN"]\ncodes = ["wb"]\n', encoding="utf-8")
    assert main(["outlets", "--outlets", str(mine)]) == 0
    table = capsys.readouterr().out
    assert any(line.split()[:2] == ["warta_bulan", "Warta"] and line.rstrip().endswith("wb")
               for line in table.splitlines())
    assert main(["outlets", "--outlets", str(tmp_path / "missing.toml")]) == 2


def test_a_rule_is_defined_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rulebook, "_CODE", dict(rulebook._CODE))  # the test's rules go with it
    def define() -> str:
        return define_rule("mine:once", "noise", "a test rule")

    assert define() == "mine:once"
    assert define() == "mine:once"  # the same definition again (a re-import) is fine
    with pytest.raises(ValueError, match="defined twice"):
        define_rule("mine:once", "noise", "elsewhere")
    with pytest.raises(ValueError, match="stage:name"):
        define_rule("no-stage", "noise", "bad id")


def test_docs_tables_render() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("tables_hook", ROOT / "docs" / "hooks" / "tables.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    page = hook.on_page_markdown("{{ articlekit_rules }}\n\n{{ articlekit_outlets }}")
    assert "| `repeats:suffix` | noise |" in page and "| `suara` | Suara.com | suara.com |" in page
    assert "{{" not in page


def test_readings_say_where_values_were_read() -> None:
    text = "SEMARANG, KOMPAS.com - Warga menanam bakau pada Senin (3/2/2025).\nBaca juga: Pantai Hijau"
    art = articlekit.parse(text)
    got = {r.field: (r.value, text[r.start : r.end], r.why) for r in art.readings}
    assert got["place"][:2] == ("Semarang", "SEMARANG") and got["place"][2].startswith("prefix:")
    assert got["outlet"][:2] == ("kompas.com", "KOMPAS.com")
    assert got["date"] == ("2025-02-03", "Senin (3/2/2025)", "newsdate:first-sentence")
    table = art.explain()
    assert "newsdate:first-sentence  2025-02-03" in table and table.index("read ") > table.index("inserts:")
    # a date in the dateline itself is read from the dateline claim, the partial one too
    malay = articlekit.parse("IPOH 21 Ogos – Warga menanam bakau di tepi sungai.", lang="ms")
    date = next(r for r in malay.readings if r.field == "date")
    assert (date.value, malay.text[date.start : date.end]) == ("--08-21", "21 Ogos")
    # the JSON form carries them; the fixture snapshots leave them out (segments pin the same offsets)
    from articlekit.fixtures import snapshot

    assert "readings" in art.model_dump(mode="json") and "readings" not in snapshot(art)


def test_explain_with_nothing_cut_still_shows_readings() -> None:
    art = articlekit.parse("Warga menanam bakau pada Senin (3/2/2025) di tepi sungai.")
    lines = art.explain().splitlines()
    assert lines[0] == "nothing was cut" and lines[1].split() == ["read", "start", "end", "why", "value"]
