"""Corpus scale: parse_many (in order, in workers, nothing lost), table rows, readers and the JSON Lines writer."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import articlekit
import articlekit.io
from articlekit import RECORD_FIELDS, Article, Draft, Findings, Pipeline, PipelineError, StageError
from articlekit.io import InputRecord, JsonlWriter, expand_inputs, iter_jsonl, iter_records

# invented pages, in the shapes the parser knows
PAGES = [
    "JAKARTA, KOMPAS.com - Warga Desa Sukamaju memanen padi, Senin (2/9/2024).\nBaca juga: Panen Raya Dimulai\n"
    "Hasilnya lebih baik dari tahun lalu.\n(Sumber: Antara)\n",
    "Suara.com - Pemerintah kota membuka tiga taman baca baru pada Kamis (14/3/2024).\nWarga menyambut baik.\n"
    "Berita Terkait\n-\nTaman Kota Dipercantik\n-\nPerpustakaan Buka Malam\n",
    "BANDUNG - Hujan deras membuat jalan protokol tergenang pada Selasa sore.\nPetugas menyedot air.",
    "",
    "Sebuah paragraf tanpa dateline dan tanpa nama media.",
    "Jakarta (ANTARA) - Harga cabai turun di pasar induk.\nPedagang lega.\nEditor: Bambang",
] * 4


def _boom(draft: Draft) -> Findings:
    """A stage that fails on pages that mention BOOM (module level, so it pickles)."""
    if "BOOM" in draft.text:
        raise RuntimeError("kaboom")
    return draft.findings("boom")


def _bad_claim(draft: Draft) -> object:
    """A stage that returns something that is not a Findings on pages that mention BAD: a PipelineError."""
    if "BAD" in draft.text:
        return 42
    return []


def _die(draft: Draft) -> Findings:
    """A stage that kills its worker process on pages that say DIE (as the system's out-of-memory killer would)."""
    if "DIE" in draft.text:
        os._exit(3)
    return draft.findings("die")


def _pipeline_with(stage: object) -> Pipeline:
    return Pipeline.default().add(stage)  # type: ignore[arg-type]


def _dumps(articles: list[Article]) -> list[str]:
    return [a.model_dump_json() for a in articles]


# ---------------------------------------------------------------------- parse_many


def test_parse_many_in_process_matches_parse() -> None:
    got = list(articlekit.parse_many(PAGES))
    assert _dumps(got) == _dumps([articlekit.parse(t) for t in PAGES])


def test_parse_many_is_lazy() -> None:
    pulled = 0

    def texts() -> Iterator[str]:
        nonlocal pulled
        for t in itertools.cycle(PAGES):
            pulled += 1
            yield t

    first = list(itertools.islice(articlekit.parse_many(texts()), 3))
    assert len(first) == 3 and pulled == 3


def test_parse_many_workers_same_results_in_order() -> None:
    many = [f"{t}\nNomor urut {i}." for i, t in enumerate(PAGES * 3)]
    one = list(articlekit.parse_many(many))
    two = list(articlekit.parse_many(many, workers=2, chunksize=5))
    assert _dumps(two) == _dumps(one)
    assert [a.text for a in two] == many


def _custom_body(draft: Draft) -> Findings:
    """A stage that claims nothing (module level, so it pickles)."""
    return draft.findings("custom")


@pytest.mark.parametrize("start_method", ["fork", "forkserver"])
def test_parse_many_workers_each_start_method(start_method: str) -> None:
    many = [f"{t}\nNomor urut {i}." for i, t in enumerate(PAGES)] + [b"bytes", None]  # type: ignore[list-item]
    one = list(articlekit.parse_many(many))
    two = list(articlekit.parse_many(many, workers=2, chunksize=3, start_method=start_method,
                                     pipeline=_pipeline_with(_custom_body)))
    assert _dumps(two) == _dumps(one)


def test_packed_articles_come_back_whole() -> None:
    """What crosses from a worker leaves out the strings the parent can cut from its input, and loses nothing."""
    from articlekit.packing import pack, unpack

    for text in PAGES[:6]:
        art = articlekit.parse(text)
        packed = pack(art, text)
        assert packed[0]["text"] is None and (packed[0]["body"] is None or not art.paragraphs)
        back = unpack(packed, text)
        assert back == art and back.model_dump_json() == art.model_dump_json()
    # a paragraph or body that is not the text's own slice travels as it is
    art = articlekit.parse(PAGES[0])
    odd = art.model_copy(update={
        "paragraphs": [p.model_copy(update={"text": p.text.upper()}) for p in art.paragraphs], "body": "lain"})
    assert unpack(pack(odd, PAGES[0]), PAGES[0]) == odd


def test_workers_fork_only_from_a_process_without_threads() -> None:
    import sys
    import threading

    from articlekit.workers import mp_context

    if not sys.platform.startswith("linux"):
        pytest.skip("fork is the default on Linux only")
    if threading.active_count() == 1:
        assert mp_context(None).get_start_method() == "fork"
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert mp_context(None).get_start_method() == "forkserver"
        two = list(articlekit.parse_many(PAGES[:6], workers=2))
        assert _dumps(two) == _dumps(list(articlekit.parse_many(PAGES[:6])))
    finally:
        stop.set()
        other.join()
    assert mp_context("spawn").get_start_method() == "spawn"


def test_parse_many_workers_stream_with_bounded_read_ahead() -> None:
    pulled = 0

    def texts() -> Iterator[str]:
        nonlocal pulled
        for t in itertools.cycle(PAGES):
            pulled += 1
            yield t

    it = articlekit.parse_many(texts(), workers=2, chunksize=4)
    assert next(it).text == PAGES[0]
    assert pulled <= 4 * 2 * 4 + 4  # the window: 4 chunks per worker in flight
    it.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize("workers", [None, 2])
def test_errors_note_never_drops_a_row(workers: int | None) -> None:
    texts: list[object] = ["JAKARTA - Harga naik.", b"JAKARTA - bytes", "BOOM - rusak.", None, "BAD page.", "Akhir."]
    nlp = _pipeline_with(_boom).add(_bad_claim)
    got = list(articlekit.parse_many(texts, workers=workers, pipeline=nlp, chunksize=2))  # type: ignore[arg-type]
    assert len(got) == len(texts)
    assert got[0].dateline is not None and got[0].dateline.place == "Jakarta" and not got[0].notes
    assert got[1].text == "" and "not a str but bytes" in got[1].notes[0]
    assert any("_boom: stage failed and was skipped: RuntimeError: kaboom" in n for n in got[2].notes)
    assert got[2].text == "BOOM - rusak."
    assert got[3].text == "" and "not a str but NoneType" in got[3].notes[0]
    assert got[4].text == "BAD page." and got[4].notes[0].startswith("parse failed: PipelineError:")
    assert got[5].body == "Akhir."


@pytest.mark.parametrize("workers", [None, 2])
def test_errors_raise_stops_at_the_first_failure(workers: int | None) -> None:
    texts = ["JAKARTA - Harga naik.", "Biasa saja.", "BOOM satu.", "BOOM dua.", "Akhir."]
    seen: list[Article] = []
    with pytest.raises(StageError, match="stage '_boom' failed: RuntimeError: kaboom") as info:
        seen.extend(articlekit.parse_many(texts, workers=workers, errors="raise", pipeline=_pipeline_with(_boom),
                                          chunksize=1))
    assert [a.text for a in seen] == texts[:2]
    assert isinstance(info.value.__cause__, RuntimeError)
    if workers:
        assert "record 2" in " ".join(getattr(info.value, "__notes__", []))


@pytest.mark.parametrize("workers", [None, 2])
def test_errors_raise_type_error_for_non_str(workers: int | None) -> None:
    with pytest.raises(TypeError, match="not bytes"):
        list(articlekit.parse_many(["a.", b"b"], workers=workers, errors="raise"))  # type: ignore[list-item]


def test_a_dead_worker_is_a_clear_error() -> None:
    texts = ["Satu.", "Dua.", "Tiga.", "DIE here.", "Lima."]
    with pytest.raises(articlekit.ArticlekitError, match=r"a worker process died while parsing records \d+\.\.\d+"):
        list(articlekit.parse_many(texts, workers=2, chunksize=1, pipeline=_pipeline_with(_die)))


def test_parse_many_bad_arguments() -> None:
    with pytest.raises(ValueError, match="errors must be"):
        articlekit.parse_many(PAGES, errors="skip")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="workers must be at least 0"):
        articlekit.parse_many(PAGES, workers=-1)
    with pytest.raises(ValueError, match="chunksize must be at least 1"):
        list(articlekit.parse_many(PAGES, workers=2, chunksize=0))


def test_pipeline_error_in_raise_mode_propagates() -> None:
    with pytest.raises(PipelineError, match="returned int"):
        list(articlekit.parse_many(["BAD page."], errors="raise", pipeline=_pipeline_with(_bad_claim)))


# ---------------------------------------------------------------------- rows


def test_to_records_flat_columns() -> None:
    rows = articlekit.to_records(articlekit.parse_many(PAGES[:3]))
    assert [list(r) for r in rows] == [list(RECORD_FIELDS)] * 3
    first = rows[0]
    assert first["outlet"] == "Kompas.com" or first["outlet_domain"] == "kompas.com"
    assert first["place"] == "Jakarta" and first["date"] == "2024-09-02"
    assert first["inserts"] == 1 and first["sources"] == "Antara"
    assert first["chars"] == len(PAGES[0]) and first["error"] is None
    assert rows[1]["link_blocks"] == 1
    for row in rows:
        for value in row.values():
            assert value is None or isinstance(value, str | int)


def test_parse_record_carries_fields_and_never_raises() -> None:
    row = articlekit.parse_record({"doc": "a1", "url": "https://x.test/a", "isi": PAGES[2], "extra": 1},
                                  text_field="isi", id_field="doc", keep=["url", "missing"])
    assert list(row)[:2] == ["doc", "url"] and row["doc"] == "a1" and "missing" not in row
    assert row["place"] == "Bandung" and row["error"] is None and "isi" not in row
    bad = articlekit.parse_record({"doc": "a2", "isi": 42}, text_field="isi", id_field="doc")
    assert bad["doc"] == "a2" and bad["error"] == "text field 'isi' is not a string but int"
    assert list(bad)[1:] == list(RECORD_FIELDS) and bad["paragraphs"] == 0
    gone = articlekit.parse_record({}, full=True)
    assert gone["error"] == "text field 'text' is missing" and gone["article"] is None
    with pytest.raises(TypeError, match="is missing"):
        articlekit.parse_record({}, errors="raise")


def test_parse_record_failures() -> None:
    nlp = _pipeline_with(_bad_claim)
    row = articlekit.parse_record({"text": "BAD page."}, pipeline=nlp)
    assert row["error"].startswith("parse failed: PipelineError") and row["chars"] == 9
    with pytest.raises(PipelineError):
        articlekit.parse_record({"text": "BAD page."}, pipeline=nlp, errors="raise")


def test_parse_record_full_is_the_article() -> None:
    row = articlekit.parse_record({"text": PAGES[0]}, full=True)
    assert Article.model_validate_json(row["article"]) == articlekit.parse(PAGES[0])


def test_to_dataframe_and_parse_frame() -> None:
    pd = pytest.importorskip("pandas")
    frame = articlekit.to_dataframe(articlekit.parse_many(PAGES[:3]), index=[10, 11, 12])
    assert list(frame.columns) == list(RECORD_FIELDS) and list(frame.index) == [10, 11, 12]
    assert frame.loc[12, "place"] == "Bandung" and str(frame["paragraphs"].dtype) == "int64"
    assert str(frame["error"].dtype) == "string" and frame["error"].isna().all()

    src = pd.DataFrame({"id": [3, 4, 5], "text": [PAGES[0], None, PAGES[2]]}, index=["a", "b", "c"])
    out = articlekit.parse_frame(src, id_field="id")
    assert list(out.columns) == ["id", *RECORD_FIELDS] and list(out.index) == ["a", "b", "c"]
    assert list(out["id"]) == [3, 4, 5] and out.loc["b", "error"] == "text field 'text' is null"
    assert out.loc["c", "place"] == "Bandung"
    empty = articlekit.parse_frame(src.iloc[:0], id_field="id")
    assert list(empty.columns) == list(out.columns) and len(empty) == 0


# ---------------------------------------------------------------------- reading


def test_iter_jsonl_every_line_is_a_record() -> None:
    lines = [
        json.dumps({"id": 1, "url": "u1", "text": "JAKARTA - Satu.", "other": 0}),
        "",
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"id": 4, "text": 7}),
        json.dumps({"id": 5}),
        json.dumps({"id": 6, "body": "Enam."}),
    ]
    data = ("\n".join(lines) + "\n").encode() + b'{"id": 7, "text": "\xff"}\n'
    got = list(iter_jsonl(io.BytesIO(data), source="in.jsonl"))
    assert len(got) == 7
    assert got[0] == InputRecord({"id": 1, "url": "u1"}, text="JAKARTA - Satu.") and got[0].chars == 15
    assert got[1].meta == {"line": 3, "source": "in.jsonl"} and got[1].error is not None
    assert got[1].error.startswith("bad JSON")
    assert got[2].error == "a line must be a JSON object, not list"
    assert got[3].meta == {"id": 4, "line": 5, "source": "in.jsonl"}
    assert got[3].error == "text field 'text' is not a string but int"
    assert got[4].error == "text field 'text' is missing (the record has: id)"
    assert got[5].error == "text field 'text' is missing (the record has: id, body); pass --text-field body"
    assert got[6].error is not None and got[6].error.startswith("not valid utf-8")
    other = list(iter_jsonl(io.BytesIO(lines[-1].encode()), text_field="body", carry=["id"]))
    assert other == [InputRecord({"id": 6}, text="Enam.")]


def test_iter_records_files_folders_gzip(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Dua.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("Satu.", encoding="utf-8")
    (tmp_path / "skip.md").write_text("no", encoding="utf-8")
    with gzip.open(tmp_path / "c.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "c1", "text": "Tiga."}) + "\n")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9")
    names = list(expand_inputs([str(tmp_path)]))
    assert [Path(n).name for n in names] == ["1.txt", "2.txt", "bad.txt", "c.jsonl.gz"]
    assert [Path(n).name for n in expand_inputs([str(tmp_path)], jsonl=True)] == ["c.jsonl.gz"]
    got = list(iter_records([str(tmp_path), str(tmp_path / "none.jsonl"), str(tmp_path / "none.txt")]))
    assert [r.text for r in got[:2]] == ["Satu.", "Dua."]
    assert got[2].error is not None and "not valid utf-8" in got[2].error
    assert got[3] == InputRecord({"id": "c1"}, text="Tiga.")
    assert got[4].meta == {"source": str(tmp_path / "none.jsonl")} and "cannot read" in (got[4].error or "")
    assert got[5].meta == {"path": str(tmp_path / "none.txt")} and "cannot read" in (got[5].error or "")


def test_truncated_gzip_is_an_error_record(tmp_path: Path) -> None:
    data = gzip.compress(b"".join(json.dumps({"text": f"Baris {i}."}).encode() + b"\n" for i in range(2000)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    got = list(iter_records([str(path)]))
    assert got[-1].error is not None and "cannot read" in got[-1].error
    assert all(r.text is not None for r in got[:-1]) and len(got) > 1


# ---------------------------------------------------------------------- writing


def test_writer_whole_lines_even_when_interrupted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "out.jsonl"
    real_write = os.write
    calls = 0

    def cut_short(fd: int, data: bytes) -> int:  # the third batch: half written, then Ctrl-C
        nonlocal calls
        calls += 1
        if calls < 3:
            return real_write(fd, data)
        real_write(fd, bytes(data[: len(data) // 2]))
        raise KeyboardInterrupt

    def write_ten(writer: JsonlWriter) -> None:
        for i in range(10):
            writer.write(json.dumps({"i": i, "pad": "x" * 20}))

    monkeypatch.setattr(articlekit.io, "_write", cut_short)
    with pytest.raises(KeyboardInterrupt), JsonlWriter(path, flush_bytes=100) as writer:
        write_ten(writer)
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    assert [json.loads(line)["i"] for line in text.splitlines()] == list(range(6))


def test_writer_append_and_stream(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with JsonlWriter(path) as w:
        w.write("{}")
    with JsonlWriter(path, append=True) as w:
        w.write('{"a":1}')
    assert path.read_text(encoding="utf-8") == '{}\n{"a":1}\n'
    buf = io.StringIO()
    with JsonlWriter(stream=buf) as w:
        w.write('{"é":1}')
        assert w.lines == 1
    assert buf.getvalue() == '{"é":1}\n'


# ---------------------------------------------------------------------- the lean hot path keeps every result


def test_closers_shortcut_is_the_open_end_rule() -> None:
    import regex

    from articlekit.assemble import _CLOSERS

    # the rule the soft-break join stands for: a line that ends without closing punctuation is open
    open_end = regex.compile(r"[^.!?:;\"”’')\]…]\Z")
    for code in [*range(32, 0x250), *range(0x2000, 0x2070), 0x3002, 0xFF01]:
        ch = chr(code)
        assert bool(open_end.search("ab" + ch, 0, 3)) == (ch not in _CLOSERS), repr(ch)


def test_split_lines_matches_the_regex_reference() -> None:
    import regex

    from articlekit.draft import split_lines, strip_span

    def reference(text: str) -> list[tuple[int, int, int, int, int]]:
        out, start, index = [], 0, 0
        while True:
            m = regex.compile(r"\n").search(text, start)
            end = m.start() if m else len(text)
            out.append((index, start, end, *strip_span(text, start, end)))
            if m is None:
                return out
            index, start = index + 1, m.end()

    for text in ["", "\n", "a", " a \n\n b\r\n\tc \u2028d\u00a0", "x\n", "\n\n\n", " \x0b\x0c\n\u3000é"]:
        got = [(ln.index, ln.start, ln.end, ln.lo, ln.hi) for ln in split_lines(text)]
        assert got == reference(text), repr(text)
