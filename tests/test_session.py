"""Issue 16's session, replayed: 744 scraped records (``id``, ``outlet``, ``url``, ``title``, ``text``) taken
through every path a data scientist tries: the command line, ``parse_many``, ``parse_record``,
``parse_batch``, ``parse_frame``, ``to_dataframe``, ``read_output`` and ``summarize``.

Every call either gives the right table (744 rows in input order, every input column intact) or
a clear, typed error that says what to do; nothing is lost silently. The records are invented:
made-up outlets, places and words in the shapes of real scrapes.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

import articlekit
from articlekit import ColumnClash, InputError
from articlekit.cli import main

N = 744
OUTLETS = [
    ("Kabar Nusantara", "https://www.kabar-nusantara.co.id/daerah/{i}/berita"),
    ("Warta Selat", "https://berita.warta-selat.com.my/{i}"),
    ("Suara Lembah", "https://suara-lembah.or.id/kabar/{i}"),
    ("Portal Kota", "https://m.portal-kota.com/read/{i}"),
]
PLACES = ["JAKARTA", "BANDUNG", "KUALA LUMPUR", "SEMARANG", "MAKASSAR"]
BODIES = [
    "{place} - Warga kampung nomor {i} menanam {n} pohon mangga di tepi sungai pada Sabtu (3/8/2024).\n"
    "Kepala kampung berharap pohon itu berbuah dalam tiga tahun.\n"
    "Baca juga: Kampung Tetangga Ikut Menanam Pohon\n"
    "Kegiatan ditutup dengan makan bersama.",
    "{place} - Sebanyak {n} relawan membersihkan pantai ke-{i} pagi tadi.\n"
    "Sampah plastik dikumpulkan dalam karung.\n(Sumber: Antara)",
    "Pasar malam ke-{i} kembali dibuka dengan {n} lapak makanan.\n\nPengunjung memadati area parkir sejak sore.",
]


def _record(i: int) -> dict[str, Any]:
    outlet, url = OUTLETS[i % len(OUTLETS)]
    text: str | None = BODIES[i % len(BODIES)].format(place=PLACES[i % len(PLACES)], i=i, n=10 + i % 90)
    if i % 97 == 5:
        text = None  # a scrape that came back empty
    return {"id": f"rec-{i:04d}", "outlet": outlet, "url": url.format(i=i), "title": f"Judul berita {i}", "text": text}


RECORDS = [_record(i) for i in range(N)]
NULLS = sum(r["text"] is None for r in RECORDS)


@pytest.fixture(scope="module")
def dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("session") / "scrapes.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    return path


def test_the_command_line(dump: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = dump.parent / "parsed.jsonl"
    assert main(["parse", str(dump), "-o", str(out), "-q"]) == 1  # exit 1: the empty scrapes are error lines
    articles = articlekit.read_output(out)
    assert len(articles) == N
    assert sum(bool(a.notes and a.notes[0].startswith("error: ")) for a in articles) == NULLS
    first = articles[0]
    assert first.site == "kabar-nusantara.co.id" and first.dateline is not None and first.dateline.place == "Jakarta"
    frame_rows = articlekit.read_output(out, into="records")
    assert [r["id"] for r in frame_rows] == [r["id"] for r in RECORDS]

    as_json = dump.with_suffix(".json")  # the same JSON Lines under a .json name
    as_json.write_bytes(dump.read_bytes())
    assert main(["parse", str(as_json)]) == 2
    assert "holds JSON Lines" in capsys.readouterr().err

    assert main(["parse", str(dump), "--keep", "outlet", "--keep", "title", "--format", "csv"]) == 2
    assert "--prefix ak_" in capsys.readouterr().err
    table = dump.parent / "table.csv"
    assert main(["parse", str(dump), "--keep", "outlet", "--keep", "title", "--prefix", "ak_", "--format", "csv",
                 "-o", str(table), "-q", "--workers", "2"]) == 1
    rows = list(csv.DictReader(table.open(encoding="utf-8", newline="")))
    assert len(rows) == N
    assert [(r["id"], r["outlet"], r["title"]) for r in rows] == [(r["id"], r["outlet"], r["title"]) for r in RECORDS]
    assert sum(bool(r["ak_error"]) for r in rows) == NULLS


def test_a_dump_whose_text_field_has_another_name(dump: Path, capsys: pytest.CaptureFixture[str]) -> None:
    renamed = dump.parent / "isi.jsonl"
    renamed.write_text("".join(json.dumps({"id": r["id"], "isi": r["text"] or ""}) + "\n" for r in RECORDS[:20]),
                       encoding="utf-8")
    assert main(["parse", str(renamed)]) == 1
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert len(lines) == 20 and all("pass --text-field isi" in line["error"] for line in lines[:5])
    assert "(the record has: id, isi)" in lines[0]["error"] and "every record failed" in captured.err


def test_parse_many() -> None:
    texts = [r["text"] for r in RECORDS]
    with pytest.raises(InputError, match=r"articlekit\.parse"):
        articlekit.parse_many(texts[0])
    with pytest.raises(InputError, match="parse_record"):
        next(iter(articlekit.parse_many(RECORDS)))
    articles = list(articlekit.parse_many(texts, urls=[r["url"] for r in RECORDS]))
    assert len(articles) == N and sum(bool(a.notes) for a in articles) == NULLS
    frame = articlekit.to_records(articles)
    assert [row["site"] for row in frame[:4]] == ["kabar-nusantara.co.id", "warta-selat.com.my",
                                                  "suara-lembah.or.id", "portal-kota.com"]
    by_outlet = articlekit.summarize(articles, by=[r["outlet"] for r in RECORDS])
    assert sum(g.articles for g in by_outlet.groups.values()) == N and len(by_outlet.groups) == len(OUTLETS)
    with pytest.raises(InputError, match=r"pandas\.DataFrame"):
        articlekit.to_dataframe([articlekit.parse_record(RECORDS[0], prefix="ak_")])  # type: ignore[list-item]


def test_parse_record_and_a_datasets_style_merge() -> None:
    with pytest.raises(ColumnClash, match="'outlet', 'title'"):
        articlekit.parse_record(RECORDS[0])
    with pytest.raises(InputError, match=r"articlekit\.parse"):
        articlekit.parse_record(RECORDS[0]["text"])  # type: ignore[arg-type]
    merged = [{**r, **articlekit.parse_record(r, prefix="ak_")} for r in RECORDS]
    assert all(m[k] == r[k] for m, r in zip(merged, RECORDS, strict=True) for k in r)  # nothing overwritten
    assert sum(m["ak_error"] is not None for m in merged) == NULLS
    columns = {k: [r[k] for r in RECORDS[:50]] for k in RECORDS[0]}
    out = articlekit.parse_batch(columns, prefix="ak_")
    assert not set(out) & set(columns) and len(out["ak_body"]) == 50


def test_parse_frame() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(RECORDS)
    with pytest.raises(InputError, match="parse_frame"):
        articlekit.parse_many(df)
    with pytest.raises(ColumnClash, match="'outlet'"):
        articlekit.parse_frame(df, keep=["outlet"])
    out = articlekit.parse_frame(df, id_field="id", keep=["outlet", "title"], prefix="ak_")
    assert len(out) == N and out["outlet"].tolist() == df["outlet"].tolist()
    assert out["title"].tolist() == df["title"].tolist() and out["id"].tolist() == df["id"].tolist()
    assert int(out["ak_error"].notna().sum()) == NULLS
    assert out["ak_site"].iloc[1] == "warta-selat.com.my" and int(out["ak_cut_insert"].sum()) > 0
    joined = df.join(out.drop(columns=["id", "outlet", "title"]))
    assert list(joined.columns[: len(df.columns)]) == list(df.columns) and len(joined) == N
