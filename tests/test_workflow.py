"""From a JSON Lines of scrapes to a clean table (issue 16): one test per item, each failing before it was built.

Typed errors at the API boundary, no column ever overwritten, flat tables from the command line,
the record's URL as ``site``, ``summarize(by=...)``, the ``corpus`` extra, and docs that agree
with the code. The records and pages are invented.
"""

from __future__ import annotations

import gzip
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

import articlekit
from articlekit import Article, ColumnClash, InputError
from articlekit.cli import main
from articlekit.cli.arguments import parser
from articlekit.corpus import DEFAULT_CHUNKSIZE
from articlekit.io import count_records

from .conftest import ROOT

PAGE = ("JAKARTA, KOMPAS.com - Warga Desa Sukamaju memanen padi, Senin (2/9/2024).\nBaca juga: Panen Raya\n"
        "Hasilnya baik.")
WIRE = "Suara.com - Pemerintah kota membuka taman baca baru. (Sumber: Antara)"
RECORD = {"id": 1, "outlet": "Harian Contoh", "url": "https://m.harian-contoh.co.id/a/1", "title": "Panen",
          "text": PAGE}


def _jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


# ---------------------------------------------------------------------- typed errors at the API boundary


@pytest.mark.parametrize("workers", [None, 2])
def test_parse_many_refuses_what_it_cannot_mean(workers: int | None) -> None:
    with pytest.raises(InputError, match=r"not one str .*articlekit\.parse\(text\)"):
        articlekit.parse_many(PAGE, workers=workers)
    with pytest.raises(InputError, match="parse_record"):
        articlekit.parse_many({"text": PAGE}, workers=workers)
    with pytest.raises(InputError, match=r"item 0 is a dict .*parse_record"):
        list(articlekit.parse_many([{"text": PAGE}, PAGE], workers=workers))
    # a stray dict later in a stream is a bad page like any other: a note, the batch goes on
    later = list(articlekit.parse_many([PAGE, {"text": PAGE}], workers=workers))
    assert later[1].notes == ["input: not a str but dict; nothing parsed"]
    with pytest.raises(TypeError):  # InputError is a TypeError
        articlekit.parse_many(b"bytes", workers=workers)  # type: ignore[arg-type]


def test_parse_many_refuses_a_dataframe() -> None:
    pd = pytest.importorskip("pandas")
    with pytest.raises(InputError, match=r"DataFrame .*parse_frame"):
        articlekit.parse_many(pd.DataFrame({"text": [PAGE]}))


def test_parse_of_a_record_points_to_parse_record() -> None:
    with pytest.raises(InputError, match=r"parse_record\(record"):
        articlekit.parse(RECORD)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="parse_many"):
        articlekit.parse([PAGE])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="decode the page first"):
        articlekit.parse(b"x")  # type: ignore[arg-type]


def test_parse_record_of_a_str_points_to_parse() -> None:
    with pytest.raises(InputError, match=r"not a str: for a page text call articlekit\.parse\(text\)"):
        articlekit.parse_record(PAGE)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="parse_many"):
        articlekit.parse_record([RECORD])  # type: ignore[arg-type]


def test_to_dataframe_of_dicts_says_what_to_do() -> None:
    rows = [articlekit.parse_record({"text": PAGE})]
    with pytest.raises(InputError, match=r"item 0 is a dict: rows from parse_record are flat already"):
        articlekit.to_dataframe(rows)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="to_records"):
        articlekit.to_records(PAGE)  # type: ignore[arg-type]


def test_a_record_without_its_text_field_lists_its_fields() -> None:
    row = articlekit.parse_record({"id": 1, "isi": PAGE, "url": "https://x.test/1"})
    assert row["error"] == "text field 'text' is missing (the record has: id, isi, url); pass text_field='isi'"
    pd = pytest.importorskip("pandas")
    with pytest.raises(InputError, match=r"the frame has the columns: id, isi\); pass text_field='isi'"):
        articlekit.parse_frame(pd.DataFrame({"id": [1], "isi": [PAGE]}))
    with pytest.raises(InputError, match=r"batch has the columns: id, isi\); pass text_field='isi'"):
        articlekit.parse_batch({"id": [1], "isi": [PAGE]})


def test_cli_suggests_the_text_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [{"id": i, "isi": PAGE} for i in range(3)])
    assert main(["parse", str(src)]) == 1
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert len(lines) == 3
    assert lines[0]["error"] == "text field 'text' is missing (the record has: id, isi); pass --text-field isi"
    assert "every record failed" in captured.err and "--text-field" in captured.err


def test_cli_refuses_json_lines_in_a_json_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _jsonl(tmp_path / "dump.json", [RECORD, RECORD])
    assert main(["parse", str(src)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "holds JSON Lines" in captured.err and "--jsonl" in captured.err
    assert main(["parse", str(src), str(src), "-q"]) == 1  # many files: an error line each, nothing parsed as a page
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 2 and all("holds JSON Lines" in line["error"] for line in lines)
    assert main(["parse", str(src), "--jsonl", "-q", "--prefix", "ak_"]) == 0  # said so: records
    assert [line["id"] for line in map(json.loads, capsys.readouterr().out.splitlines())] == [1, 1]


# ---------------------------------------------------------------------- no column is ever overwritten


def test_parse_record_keep_a_clashing_field_is_an_error_with_a_way_out() -> None:
    with pytest.raises(ColumnClash, match=r"'outlet'.*prefix='ak_'") as info:
        articlekit.parse_record(RECORD, keep=["outlet"])
    assert info.value.names == ("outlet",)
    row = articlekit.parse_record(RECORD, id_field="id", keep=["outlet", "title"], prefix="ak_")
    assert row["outlet"] == "Harian Contoh" and row["title"] == "Panen"
    assert row["ak_outlet"] == "Kompas.com" and row["ak_place"] == "Jakarta"


def test_datasets_style_merge_never_overwrites() -> None:
    """``datasets.map`` merges the returned dict into the record: a same-named field must be an error."""
    with pytest.raises(ColumnClash, match=r"'outlet', 'title'.*remove_columns"):
        articlekit.parse_record(RECORD)
    out = articlekit.parse_record(RECORD, prefix="ak_")
    merged = {**RECORD, **out}
    assert all(merged[k] == v for k, v in RECORD.items())  # the record's own columns survive
    assert merged["ak_site"] == "harian-contoh.co.id"


def test_parse_batch_contract_for_datasets_batched() -> None:
    batch = {name: [RECORD[name], RECORD[name], None if name == "text" else RECORD[name]] for name in RECORD}
    with pytest.raises(ColumnClash, match="the batch's column 'outlet', 'title'"):
        articlekit.parse_batch(batch)
    out = articlekit.parse_batch(batch, prefix="ak_")
    assert set(out) == set(articlekit.tables.output_columns("ak_")) and not set(out) & set(batch)
    assert all(len(values) == 3 for values in out.values())
    assert out["ak_place"] == ["Jakarta", "Jakarta", None] and out["ak_error"][2] == "text field 'text' is null"
    assert out["ak_site"][0] == "harian-contoh.co.id"
    with pytest.raises(InputError, match="dict of lists"):
        articlekit.parse_batch([RECORD])  # type: ignore[arg-type]


def test_datasets_map_batched() -> None:
    datasets = pytest.importorskip("datasets")
    ds = datasets.Dataset.from_list([RECORD, {**RECORD, "id": 2, "text": WIRE}])
    with pytest.raises(ColumnClash):
        ds.map(articlekit.parse_batch, batched=True)
    out = ds.map(articlekit.parse_batch, batched=True, fn_kwargs={"prefix": "ak_"})
    assert out["outlet"] == ["Harian Contoh", "Harian Contoh"] and out["ak_outlet"] == ["Kompas.com", "Suara.com"]


def test_parse_frame_keep_a_clashing_column() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame([RECORD, {**RECORD, "id": 2, "outlet": "Warta Contoh", "text": WIRE}])
    with pytest.raises(ColumnClash, match="carried column 'outlet'"):
        articlekit.parse_frame(frame, keep=["outlet"])
    out = articlekit.parse_frame(frame, id_field="id", keep=["outlet"], prefix="ak_")
    assert out["outlet"].tolist() == ["Harian Contoh", "Warta Contoh"]
    assert out["ak_outlet"].tolist() == ["Kompas.com", "Suara.com"]
    assert list(out.columns).count("outlet") == 1
    plain = articlekit.parse_frame(frame, id_field="id")  # nothing carried but the id: no clash
    assert plain["site"].tolist() == ["harian-contoh.co.id"] * 2


def test_cli_keep_a_clashing_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [RECORD])
    for fmt in ([], ["--format", "csv"], ["--fields", "id,outlet"]):
        assert main(["parse", str(src), "--keep", "outlet", *fmt]) == 2
        assert "--prefix ak_" in capsys.readouterr().err
    assert main(["parse", str(src), "--keep", "outlet", "--prefix", "ak_", "-q"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["outlet"] == "Harian Contoh" and line["ak_outlet"]["name"] == "Kompas.com"
    assert line["ak_site"] == "harian-contoh.co.id" and line["ak_text"] == PAGE


# ---------------------------------------------------------------------- flat tables


def test_flat_record_carries_header_fields_and_cut_characters() -> None:
    page = (ROOT / "tests" / "fixtures").glob("p*.txt")
    art = next(a for a in (articlekit.parse(p.read_text(encoding="utf-8")) for p in sorted(page)) if a.title)
    row = articlekit.to_records([art])[0]
    assert row["lang"] == art.lang and row["title"] == art.title and row["byline"] == art.byline
    assert row["published"] == (art.published.isoformat() if art.published else None)
    cut = sum(s.end - s.start for s in art.segments if s.kind != "body")
    assert sum(row[f"cut_{k}"] for k in articlekit.KINDS if k != "body") == cut > 0
    assert {"lang", "title", "byline", "published", "updated", "site"} <= set(articlekit.RECORD_FIELDS)


def test_cli_csv_and_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [RECORD, {"id": 2, "text": None}, {**RECORD, "id": 3, "text": WIRE}])
    out = tmp_path / "t.csv"
    assert main(["parse", str(src), "--format", "csv", "--fields", "id,site,place,body,error", "-o", str(out),
                 "-q"]) == 1
    import csv

    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["id"] for r in rows] == ["1", "2", "3"] and list(rows[0]) == ["id", "site", "place", "body", "error"]
    assert rows[0]["body"] == "Warga Desa Sukamaju memanen padi, Senin (2/9/2024).\n\nHasilnya baik."
    assert rows[1]["error"] == f"{src}:2: text field 'text' is null"
    assert main(["parse", str(src), "--fields", "nope"]) == 2
    assert "no column 'nope'" in capsys.readouterr().err


def test_cli_parquet_and_read_output(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    src = _jsonl(tmp_path / "in.jsonl", [RECORD, {"id": 2, "text": None}, {**RECORD, "id": 3, "text": WIRE}])
    out = tmp_path / "t.parquet"
    assert main(["parse", str(src), "--format", "parquet", "-o", str(out), "-q", "--workers", "2"]) == 1
    frame = articlekit.read_output(out, into="frame")
    assert frame["id"].tolist() == [1, 2, 3] and frame["outlet"].tolist()[::2] == ["Kompas.com", "Suara.com"]
    assert str(frame["cut_insert"].dtype) == "int64" and frame["cut_insert"].tolist()[0] > 0
    with pytest.raises(InputError, match="into='frame'"):
        articlekit.read_output(out)


def test_read_output_of_whole_articles(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [RECORD, {"id": 2, "text": None}])
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(src), "-o", str(out), "-q"]) == 1
    articles = articlekit.read_output(out)
    assert articles[0] == articlekit.parse(PAGE, url=RECORD["url"])
    assert articles[1].text == "" and articles[1].notes == ["error: text field 'text' is null"]
    records = articlekit.read_output(out, into="records")
    assert records[0]["id"] == 1 and records[0]["site"] == "harian-contoh.co.id" and records[1]["error"]
    flat = tmp_path / "flat.jsonl"
    assert main(["parse", str(src), "--fields", "id,place", "-o", str(flat), "-q"]) == 1
    assert articlekit.read_output(flat, into="records") == [{"id": 1, "place": "Jakarta"}, {"id": 2, "place": None}]
    with pytest.raises(InputError, match="flat rows"):
        articlekit.read_output(flat)


def test_progress_bar_knows_its_total(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    src = _jsonl(tmp_path / "in.jsonl", [RECORD] * 4)
    assert main(["parse", str(src), "--progress", "-o", str(tmp_path / "o.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "4/4" in err and "100%" in err and "<" in err  # total, percentage, [elapsed<remaining]


def test_count_records_is_cheap_and_exact(tmp_path: Path) -> None:
    plain = _jsonl(tmp_path / "a.jsonl", [RECORD, RECORD])
    with plain.open("a", encoding="utf-8") as handle:
        handle.write("\n   \n")
    packed = tmp_path / "b.jsonl.gz"
    packed.write_bytes(gzip.compress(b'{"text": "x"}\n' * 5))
    page = tmp_path / "c.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert count_records([str(plain), str(packed), str(page)]) == 8
    assert count_records(["-"]) is None


# ---------------------------------------------------------------------- the URL gives the site


def test_parse_with_a_url_reports_the_site_never_the_outlet() -> None:
    art = articlekit.parse(WIRE, url="https://news.portal-contoh.com/read/1")
    assert art.site == "portal-contoh.com" and art.outlet is not None and art.outlet.domain == "suara.com"
    plain = articlekit.parse(WIRE)
    assert plain.site is None and "site" not in plain.model_dump(mode="json")  # unchanged JSON without a url
    assert art.model_dump(exclude={"site"}) == plain.model_dump()
    assert Article.model_validate_json(art.model_dump_json()) == art


@pytest.mark.parametrize(("url", "site"), [
    ("https://www.contoh.co.id/a", "contoh.co.id"),
    ("https://berita.contoh.com.my/b", "contoh.com.my"),
    ("http://yayasan-contoh.or.id", "yayasan-contoh.or.id"),
    ("https://kota-contoh.go.id/x?y=1", "kota-contoh.go.id"),
    ("https://fisip.kampus-contoh.ac.id/", "kampus-contoh.ac.id"),
    ("https://www.contoh.co.uk:8080/news", "contoh.co.uk"),
    ("contoh.com/a/b", "contoh.com"),
    ("https://co.id/", None),
    ("ftp://192.168.1.1/x", None),
])
def test_registrable_domain(url: str, site: str | None) -> None:
    assert articlekit.registrable_domain(url) == site


@pytest.mark.parametrize("workers", [None, 2])
def test_corpus_paths_pass_the_url(workers: int | None) -> None:
    urls = ["https://a.contoh.co.id/1", None]
    assert [a.site for a in articlekit.parse_many([PAGE, WIRE], urls=urls, workers=workers)] == ["contoh.co.id", None]
    assert articlekit.parse_record({"text": PAGE, "link": "https://x.contoh.com.my/"}, url_field="link")["site"] == \
        "contoh.com.my"


# ---------------------------------------------------------------------- summarize by


def test_summarize_by_groups() -> None:
    arts = list(articlekit.parse_many([PAGE, WIRE, PAGE], urls=["https://a.test/1", "https://b.test/2", None]))
    by_outlet = articlekit.summarize(arts, by="outlet")
    assert by_outlet.by == "outlet" and {k: g.articles for k, g in by_outlet.groups.items()} == \
        {"kompas.com": 2, "suara.com": 1}
    by_label = articlekit.summarize(arts, by=["x", "y", "x"])
    assert {k: g.articles for k, g in by_label.groups.items()} == {"x": 2, "y": 1}
    assert "groups" in by_label.to_dict() and "\nx " in str(by_label)
    assert articlekit.summarize(arts, by="site").groups.keys() == {"a.test", "b.test", None}
    with pytest.raises(ValueError, match="one label per article"):
        articlekit.summarize(arts, by=["x"])
    with pytest.raises(ValueError, match="'outlet', 'site' or 'lang'"):
        articlekit.summarize(arts, by="source")


def test_summarize_by_plots_groups_side_by_side() -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    grouped = articlekit.summarize(list(articlekit.parse_many([PAGE, WIRE])), by=["a", "b"])
    ax = grouped.plot()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["a (1)", "b (1)"] and ax.get_legend() is not None


def test_one_extra_installs_corpus_work_and_core_deps_are_unchanged() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {re.split(r"[\[<>=]", spec)[0] for spec in project["optional-dependencies"]["corpus"]}
    assert {"pandas", "pyarrow", "tqdm", "matplotlib", "dask"} <= names
    assert [re.split(r"[\[<>=]", d)[0] for d in project["dependencies"]] == ["regex", "pydantic", "python-dateutil"]
    assert ".[docs,corpus]" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


# ---------------------------------------------------------------------- docs that agree with the code


def test_record_fields_is_importable_from_articlekit() -> None:
    assert "RECORD_FIELDS" in articlekit.__all__ and articlekit.RECORD_FIELDS[0] == "lang"


def test_cli_doc_agrees_with_help() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    parse = next(a for a in parser()._subparsers._group_actions[0].choices.values()  # type: ignore[union-attr]
                 if a.prog.endswith("parse"))
    for action in parse._actions:
        longs = [o for o in action.option_strings if o.startswith("--") and o != "--help"]
        for option in longs[:1]:
            assert f"`{option}" in doc, f"docs/cli.md does not describe {option}"
    assert f"default {DEFAULT_CHUNKSIZE})" in doc and f"default: {DEFAULT_CHUNKSIZE}" in parse.format_help()


def test_docs_install_from_the_repository() -> None:
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"pip install (\"|')?articlekit\b", text), f"{page.name} installs articlekit from an index"


def test_readme_dask_snippet_is_a_script_with_partitions() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split('```python title="dask_parse.py"', 1)[1].split("```", 1)[0]
    assert 'if __name__ == "__main__":' in block and block.count('blocksize="1MB"') == 2


def test_schema_doc_names_every_field_the_cli_adds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [RECORD, {"id": 2, "url": "u", "text": None}, "{bad"])
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    main(["parse", str(src), str(page), "--keep", "title", "--prefix", "ak_", "-q"])
    keys = {k for line in capsys.readouterr().out.splitlines() for k in json.loads(line)}
    added = ({k for k in keys if not k.startswith("ak_")} | {"error"}) - {"title"}
    doc = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert added == {"id", "url", "path", "source", "line", "error"}
    for name in added | {"site"} | set(articlekit.RECORD_FIELDS):
        assert f"`{name}`" in doc, f"docs/schema.md does not name {name!r}"


def test_parse_frame_reads_a_missing_value_of_a_string_column_as_null() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"text": pd.array([PAGE, None], dtype="string")})
    assert articlekit.parse_frame(frame)["error"].tolist()[1] == "text field 'text' is null"
