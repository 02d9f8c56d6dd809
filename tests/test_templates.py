"""Site templates: learning from an invented corpus, applying, the file, its validation, the CLI.

The corpus is 20 invented pages of two made-up outlets (names, places and numbers are ours): each
outlet prints a slogan and a promo on every page, one prints a visit counter whose number changes,
the other glues a promo sentence to its first paragraph and puts a recurring subheading between two
paragraphs of prose (story structure, never learned). One page carries a line no other page has.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import articlekit
from articlekit import Pipeline, TemplateError, Templates, learn_templates, parse, parse_many
from articlekit.cli import main
from articlekit.errors import RuleError
from articlekit.invariants import violations
from articlekit.learning import LearnSettings, TemplateLearner, record_group
from articlekit.sites import registrable_domain
from articlekit.templates import normalise

TOWNS = ["Sukamaju", "Tanjung Harapan", "Bukit Rindang", "Muara Jaya", "Pasir Putih",
         "Lembah Hijau", "Sungai Baru", "Karang Indah", "Teluk Damai", "Padang Luas"]
THINGS = ["jembatan gantung", "pasar ikan", "balai warga", "sumur bor", "lumbung padi",
          "taman bacaan", "kebun bibit", "dermaga kayu", "posyandu", "jalan desa"]
PEOPLE = ["Ruslan Hadiwijoyo", "Marlina Siregar", "Yosef Kurniadi", "Ayu Pratiwi", "Darto Sulistyo",
          "Wening Lestari", "Hendra Gunawan", "Sekar Ayuningtyas", "Bonifasius Lamury", "Intan Permatasari"]

SLOGAN_A = "Kabar Lembah, Jernih Mengabarkan"
PROMO_A = "Aplikasi Kabar Lembah, kabar tercepat setiap pagi"
SLOGAN_B = "Warta Pesisir — Suara dari Tepi Laut"
PROMO_B = "Simak kabar pesisir lainnya di kanal WhatsApp Warta Pesisir."
ONCE = "Catatan redaksi: berita ini diperbarui setelah wawancara kedua"


def _prose(i: int, k: int) -> str:
    town, thing, person = TOWNS[i], THINGS[(i + k) % 10], PEOPLE[(i + 3 * k) % 10]
    return (f"Warga {town} meresmikan {thing} yang dibangun bersama selama {3 + i + k} bulan, "
            f"kata {person} kepada wartawan.")


def page_a(i: int) -> str:
    lines = [f"KOTA LEMBAH - {_prose(i, 0)}", _prose(i, 1), _prose(i, 2), SLOGAN_A,
             f"Dibaca {1000 + 37 * i:,} kali".replace(",", "."), PROMO_A]
    if i == 4:
        lines.insert(3, ONCE)
    return "\n".join(lines)


def page_b(i: int) -> str:
    return "\n".join([f"{_prose(i, 3)} {_prose(i, 4)} {PROMO_B}", "Latar Belakang", _prose(i, 5), _prose(i, 6),
                      SLOGAN_B])


RECORDS = ([{"id": f"a{i}", "outlet": "kabarlembah.id", "url": f"https://www.kabarlembah.id/berita/{i}",
             "text": page_a(i)} for i in range(10)]
           + [{"id": f"b{i}", "outlet": "wartapesisir.co.id", "url": f"https://daerah.wartapesisir.co.id/{i}",
               "text": page_b(i)} for i in range(10)])


@pytest.fixture(scope="module")
def learned() -> Templates:
    return learn_templates(RECORDS, by="outlet")


def _strings(t: Templates, group: str) -> dict[str, tuple[str, int]]:
    g = t.group(group)
    assert g is not None
    return {s.text: (s.mode, s.texts) for s in g.strings}


# ---------------------------------------------------------------------- learning


def test_learns_each_outlets_slogan_promo_and_counter(learned: Templates) -> None:
    assert set(learned.groups) == {"kabarlembah.id", "wartapesisir.co.id"}
    a = _strings(learned, "kabarlembah.id")
    assert a == {SLOGAN_A: ("line", 10), PROMO_A: ("line", 10), "Dibaca 1.000 kali": ("line", 10)}
    b = _strings(learned, "wartapesisir.co.id")
    assert b == {SLOGAN_B: ("line", 10), PROMO_B: ("sentence", 10)}
    assert learned.group("kabarlembah.id").texts == 10  # type: ignore[union-attr]
    assert learned.group_by == "outlet"


def test_never_learns_a_line_of_one_text_prose_or_a_subheading(learned: Templates) -> None:
    every = {normalise(s.text) for g in learned for s in g.strings}
    assert normalise(ONCE) not in every  # one text
    assert normalise("Latar Belakang") not in every  # between two paragraphs of prose on every page
    assert not any("meresmikan" in s for s in every)  # unique prose
    # however low the thresholds go, one text is never enough
    loose = learn_templates(RECORDS, by="outlet", min_texts=2, min_share=0.0)
    assert normalise(ONCE) not in {normalise(s.text) for g in loose for s in g.strings}
    with pytest.raises(ValueError, match="min_texts"):
        LearnSettings(min_texts=1)


def test_grouping_by_url_field_or_given_groups() -> None:
    by_url = learn_templates(RECORDS, by="url")
    assert set(by_url.groups) == {"kabarlembah.id", "wartapesisir.co.id"}
    given = learn_templates([r["text"] for r in RECORDS], groups=[r["outlet"] for r in RECORDS])
    assert given.to_dict()["groups"] == learn_templates(RECORDS, by="outlet").to_dict()["groups"]
    assert record_group({"site": 7}, "field:site") == "7"
    assert record_group({"outlet": None}, "outlet") is None


def test_learning_by_detected_outlet() -> None:
    pages = [f"Suara.com - {_prose(i, 0)}\n{_prose(i, 1)}\nKanal Suara kini hadir di aplikasi pesan" for i in range(6)]
    t = learn_templates(pages)  # by the outlet articlekit detects: suara.com
    assert t.group_by == "detected"
    assert _strings(t, "suara.com") == {"Kanal Suara kini hadir di aplikasi pesan": ("line", 6)}
    assert learn_templates(iter(pages), workers=2).to_dict() == t.to_dict()  # streamed, parsed in workers
    art = parse(pages[0], templates=t)  # the detected outlet picks the group
    assert [s.why for s in art.segments if s.why.startswith("templates:")] == ["templates:suara.com:line"]


def test_bad_learning_input_is_refused() -> None:
    with pytest.raises(TypeError, match="plain text"):
        learn_templates(["teks"], by="outlet")
    with pytest.raises(TypeError, match="fields are: body"):
        learn_templates([{"body": "teks"}], by="outlet")
    with pytest.raises(ValueError, match="groups ran out"):
        learn_templates(["a", "b"], groups=["x"])
    with pytest.raises(TypeError, match="unknown setting"):
        learn_templates(RECORDS, by="outlet", min_txts=3)


def test_memory_stays_bounded_and_frequent_strings_survive() -> None:
    learner = TemplateLearner(max_candidates=100, min_texts=5)
    for i in range(60):
        unique = "\n".join(f"Kalimat unik nomor {chr(65 + i % 26)}{chr(97 + j % 26)} ke {i} dan {j}."
                           for j in range(30))
        learner.add(f"{unique}\nLangganan buletin Kabar Lembah gratis", group="kabarlembah.id")
        assert len(learner._groups["kabarlembah.id"].seen or {}) <= 100 + 31
    assert learner._groups["kabarlembah.id"].pruned > 0
    assert _strings(learner.templates(), "kabarlembah.id") == {"Langganan buletin Kabar Lembah gratis": ("line", 60)}


# ---------------------------------------------------------------------- applying


def test_applying_claims_template_lines_as_noise(learned: Templates) -> None:
    text = page_a(7)
    art = parse(text, templates=learned, group="kabarlembah.id")
    mine = [(s.kind, s.why, text[s.start:s.end]) for s in art.segments if s.why.startswith("templates:")]
    # the visit counter is a template line too, but a rule knows its form and claims it first
    assert mine == [("noise", "templates:kabarlembah.id:line", SLOGAN_A),
                    ("noise", "templates:kabarlembah.id:line", PROMO_A)]
    assert [s.why for s in art.segments if text[s.start:s.end] == "Dibaca 1.259 kali"] == ["noise:visit-counter"]
    assert SLOGAN_A not in art.body and "Dibaca" not in art.body
    assert _prose(7, 2) in art.body
    assert violations(art) == []


def test_a_sentence_string_is_cut_out_of_its_paragraph(learned: Templates) -> None:
    text = page_b(2)
    art = parse(text, templates=learned, group="wartapesisir.co.id")
    assert PROMO_B not in art.body
    assert _prose(2, 4) in art.body and "Latar Belakang" in art.body
    whys = [s.why for s in art.segments if s.why.startswith("templates:")]
    assert whys == ["templates:wartapesisir.co.id:sentence", "templates:wartapesisir.co.id:line"]
    assert violations(art) == []


def test_default_parsing_is_unchanged(learned: Templates) -> None:
    assert "templates" not in Pipeline.default().names
    for r in RECORDS[:4]:
        assert parse(r["text"]) == parse(r["text"], group=r["outlet"])
        plain = parse(r["text"])
        templated = parse(r["text"], templates=learned, group=r["outlet"])
        others = [s for s in templated.segments if s.kind != "body" and not s.why.startswith("templates:")]
        assert others == [s for s in plain.segments if s.kind != "body"]


def test_only_unclaimed_text_is_taken() -> None:
    t = Templates.from_dict({"articlekit_templates": 1, "groups": [{"name": "x.id", "texts": 9, "strings": [
        {"text": "ADVERTISEMENT", "texts": 9},  # the noise stage claims it first
        {"text": "Baca juga: Jembatan Baru Dibuka", "texts": 9},  # so does the inserts stage
        {"text": "Harga naik.", "mode": "sentence", "texts": 9}]}]})
    text = "JAKARTA - Harga naik. Warga mengeluh soal harga.\nADVERTISEMENT\nBaca juga: Jembatan Baru Dibuka\nAkhir."
    art = parse(text, templates=t)  # the only group of the file
    whys = {text[s.start:s.end]: s.why for s in art.segments}
    assert whys["ADVERTISEMENT"].startswith("noise:")
    lo = text.index("Baca juga")
    hi = text.index("\n", lo)
    assert {s.why.split(":")[0] for s in art.segments if lo <= s.start < hi} == {"inserts"}
    assert whys["Harga naik."] == "templates:x.id:sentence"  # the free part after the dateline
    assert "Warga mengeluh soal harga." in art.body


def test_which_group_a_text_gets(learned: Templates) -> None:
    text = page_a(1)
    unknown = parse(text, templates=learned, group="lain.id")
    assert not any(s.why.startswith("templates:") for s in unknown.segments)
    no_group = parse(text, templates=learned)  # two groups, no outlet detected: nothing to go by
    assert not any(s.why.startswith("templates:") for s in no_group.segments)
    assert learned.resolve("KabarLembah.ID", None) is learned.group("kabarlembah.id")


def test_parse_many_with_templates_and_groups(learned: Templates, tmp_path: Path) -> None:
    path = learned.save(tmp_path / "t.toml")
    texts = [r["text"] for r in RECORDS]
    groups = [r["outlet"] for r in RECORDS]
    one = [parse(t, templates=learned, group=g) for t, g in zip(texts, groups, strict=True)]
    assert list(parse_many(texts, templates=learned, groups=groups)) == one
    assert list(parse_many(texts, templates=path, groups=groups, workers=2, chunksize=3,
                           start_method="forkserver")) == one  # the pipeline and its templates pickle
    with pytest.raises(articlekit.PipelineError):
        list(parse_many(texts, templates=learned, pipeline=Pipeline.default()))
    with pytest.raises(ValueError, match="shorter"):
        list(parse_many(texts, templates=learned, groups=groups[:3]))


def test_linear_on_a_long_page(learned: Templates) -> None:
    import time

    def run(n: int) -> float:
        text = "\n".join(f"{PROMO_A}\n{_prose(i % 10, i)} {PROMO_B}" for i in range(n))
        started = time.perf_counter()
        art = parse(text, templates=learned, group="kabarlembah.id")
        assert violations(art) == []
        return time.perf_counter() - started

    small, big = run(300), run(3000)
    assert big < 30 * small + 0.5


# ---------------------------------------------------------------------- the file


@pytest.mark.parametrize("name", ["t.toml", "t.json"])
def test_file_round_trip(learned: Templates, tmp_path: Path, name: str) -> None:
    path = learned.save(tmp_path / name)
    back = Templates.load(path)
    assert back.to_dict() == learned.to_dict()
    assert parse(page_b(3), templates=back, group="wartapesisir.co.id") == parse(
        page_b(3), templates=learned, group="wartapesisir.co.id")
    if name.endswith(".toml"):
        assert path.read_text(encoding="utf-8").startswith("# articlekit site templates")


def _doc(**changes: object) -> dict[str, object]:
    doc: dict[str, object] = {"articlekit_templates": 1, "group_by": "outlet", "groups": [
        {"name": "x.id", "texts": 3, "strings": [{"text": "Ikuti kami", "mode": "line", "texts": 3}]}]}
    doc.update(changes)
    return doc


@pytest.mark.parametrize(("doc", "field", "message"), [
    (_doc(articlekit_templates=2), "articlekit_templates", "format version"),
    (_doc(colour="red"), "colour", "unknown key"),
    (_doc(groups={"x.id": []}), "groups", "list of groups"),
    (_doc(groups=[{"name": "", "strings": []}]), "groups[0].name", "non-empty"),
    (_doc(groups=[{"name": "x.id", "strings": [{"text": "Ikuti", "mode": "word"}]}]), "groups[0].strings[0].mode",
     "line, sentence"),
    (_doc(groups=[{"name": "x.id", "strings": [{"text": "  "}]}]), "groups[0].strings[0].text", "visible"),
    (_doc(groups=[{"name": "x.id", "strings": [{"text": "a\nb"}]}]), "groups[0].strings[0].text", "one line"),
    (_doc(groups=[{"name": "x.id", "strings": [{"text": "Ikuti", "texts": -1}]}]), "groups[0].strings[0].texts",
     ">= 0"),
    (_doc(groups=[{"name": "x.id"}, {"name": "X.ID"}]), "groups[1].name", "second group"),
    (_doc(settings={"min_texts": "five"}), "settings", "numbers"),
])
def test_validation_names_the_file_and_field(tmp_path: Path, doc: dict[str, object], field: str,
                                              message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        Templates.load(path)
    assert isinstance(info.value, RuleError)
    assert info.value.field == field
    assert str(path) in str(info.value) and message in str(info.value)


def test_unreadable_or_broken_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("articlekit_templates = [", encoding="utf-8")
    with pytest.raises(TemplateError, match="not valid TOML"):
        Templates.load(bad)
    with pytest.raises(TemplateError, match="cannot read"):
        Templates.load(tmp_path / "missing.toml")
    with pytest.raises(TemplateError):
        Pipeline.default(templates=bad)


# ---------------------------------------------------------------------- command line


def test_cli_learns_then_applies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    out = tmp_path / "site.toml"
    assert main(["parse", str(corpus), "--learn-templates", str(out), "--group-by", "outlet"]) == 0
    assert "learned 5 strings in 2 groups from 20 texts" in capsys.readouterr().err
    assert Templates.load(out).to_dict()["groups"] == learn_templates(RECORDS, by="outlet").to_dict()["groups"]
    detected = tmp_path / "detected.json"
    assert main(["parse", str(corpus), "--learn-templates", str(detected), "--workers", "2", "-q"]) == 0
    assert Templates.load(detected).groups == {}  # no outlet articlekit knows is named in these pages

    parsed = tmp_path / "out.jsonl"
    assert main(["parse", str(corpus), "--templates", str(out), "-o", str(parsed), "-q"]) == 0  # groups by 'outlet'
    rows = [json.loads(line) for line in parsed.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 20
    assert all(SLOGAN_A not in r["body"] and SLOGAN_B not in r["body"] for r in rows)
    assert {seg["why"] for r in rows for seg in r["segments"] if seg["why"].startswith("templates:")} == {
        "templates:kabarlembah.id:line", "templates:wartapesisir.co.id:line", "templates:wartapesisir.co.id:sentence"}


def test_cli_single_page_with_a_group(tmp_path: Path, learned: Templates,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = learned.save(tmp_path / "site.json")
    page = tmp_path / "page.txt"
    page.write_text(page_a(5), encoding="utf-8")
    assert main(["parse", str(page), "--templates", str(path), "--group", "kabarlembah.id", "--explain"]) == 0
    assert "templates:kabarlembah.id:line" in capsys.readouterr().out


def test_cli_refuses_bad_combinations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(page_a(0), encoding="utf-8")
    assert main(["parse", str(page), "--templates", "x.toml", "--learn-templates", "y.toml"]) == 2
    assert main(["parse", str(page), "--templates", str(tmp_path / "missing.toml")]) == 2
    assert "cannot read the template file" in capsys.readouterr().err


# ---------------------------------------------------------------------- sites


@pytest.mark.parametrize(("url", "site"), [
    ("https://news.detik.com/berita/d-1/x", "detik.com"),
    ("http://www.republika.co.id/berita/x", "republika.co.id"),
    ("https://www.thesundaily.my/local/x", "thesundaily.my"),
    ("majoriti.com.my/berita", "majoriti.com.my"),
    ("https://user@sub.example.org:8080/x?y#z", "example.org"),
    ("", None), ("localhost", None), ("http://10.0.0.1/x", None), (None, None),
])
def test_registrable_domain(url: str | None, site: str | None) -> None:
    assert registrable_domain(url) == site


def test_parse_record_and_frame_read_the_group(learned: Templates) -> None:
    # the records have an 'outlet' field, an output column's name too: prefix= keeps the two apart
    row = articlekit.parse_record(RECORDS[3], id_field="id", templates=learned, prefix="ak_")  # by 'outlet'
    assert row["id"] == "a3" and SLOGAN_A not in row["ak_body"] and _prose(3, 1) in row["ak_body"]
    plain = articlekit.parse_record(RECORDS[3], id_field="id", prefix="ak_")
    assert SLOGAN_A in plain["ak_body"]
    by_url = articlekit.parse_record(RECORDS[13], templates=learned, group_by="url", prefix="ak_")
    assert SLOGAN_B not in by_url["ak_body"]
    pandas = pytest.importorskip("pandas")
    frame = articlekit.parse_frame(pandas.DataFrame(RECORDS), templates=learned)
    assert not frame["body"].str.contains(SLOGAN_A, regex=False).any()
