"""The accuracy harness and its floors gate (``benchmarks/accuracy.py``).

The floor logic is tested on fake figures and the command line on a tiny invented
corpus with a fake parser; the real run over ``../shared/corpus`` is skipped when the
corpus or ``articlekit.parse`` is absent.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from articlekit.models import Article, Paragraph, Segment, Span

from .conftest import load_benchmark

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO / "benchmarks"
SHARED_CORPUS = REPO.parent / "shared" / "corpus"




accuracy = load_benchmark("accuracy")

# --------------------------------------------------------------------------- floor logic


def floors(**kwargs: object) -> object:
    doc: dict[str, object] = {
        "labels": "dev/labels.jsonl",
        "floors": {"fully_right": 0.5, "outlet": 0.8},
        "ceilings": {"junk_leaked": 0.2, "crashed": 0.0},
    }
    doc.update(kwargs)
    return accuracy.Floors.from_json(doc)


GOOD = {"fully_right": 0.6, "outlet": 0.8, "junk_leaked": 0.1, "crashed": 0.0, "date": 0.9}


def test_check_floors_passes() -> None:
    assert accuracy.check_floors(GOOD, floors()) == []


def test_check_floors_names_every_failed_figure() -> None:
    bad = {**GOOD, "fully_right": 0.4, "junk_leaked": 0.25, "crashed": 0.01}
    problems = accuracy.check_floors(bad, floors())
    assert len(problems) == 3
    assert any(p.startswith("fully_right: 0.4000 fell below its floor 0.5000") for p in problems)
    assert any(p.startswith("junk_leaked: 0.2500 rose above its ceiling 0.2000") for p in problems)
    assert any(p.startswith("crashed") for p in problems)


def test_check_floors_tolerates_rounding_noise() -> None:
    assert accuracy.check_floors({**GOOD, "outlet": 0.8 - 1e-12}, floors()) == []


def test_a_missing_figure_fails() -> None:
    summary = {k: v for k, v in GOOD.items() if k != "outlet"}
    assert accuracy.check_floors(summary, floors()) == ["outlet: not measured by this run (floor 0.8000)"]


def test_update_tightens_and_adds() -> None:
    update = accuracy.update_floors(GOOD, floors(), labels_sha256="abc")
    assert not update.refused
    assert update.loosened == {}
    assert update.tightened == {"fully_right": (0.5, 0.6), "junk_leaked": (0.2, 0.1)}
    assert update.added == {"date": 0.9}
    new = update.floors
    assert new.floors == {"fully_right": 0.6, "outlet": 0.8, "date": 0.9}
    assert new.ceilings == {"junk_leaked": 0.1, "crashed": 0.0}
    assert new.labels_sha256 == "abc"
    assert new.history == []
    assert accuracy.check_floors(GOOD, new) == []


def test_update_rounds_towards_passing() -> None:
    summary = {"fully_right": 2 / 3, "outlet": 0.29, "junk_leaked": 1 / 3, "crashed": 0.0}
    new = accuracy.update_floors(summary, floors(**{"floors": {}, "ceilings": {}})).floors
    assert new.floors == {"fully_right": 0.6666, "outlet": 0.29}
    assert new.ceilings == {"junk_leaked": 0.3334, "crashed": 0.0}
    assert accuracy.check_floors(summary, new) == []


def test_update_refuses_to_loosen() -> None:
    worse = {**GOOD, "outlet": 0.7, "crashed": 0.05}
    old = floors()
    update = accuracy.update_floors(worse, old)
    assert update.refused
    assert update.loosened == {"outlet": (0.8, 0.7), "crashed": (0.0, 0.05)}
    assert update.floors is old


def test_update_allow_lower_records_the_reason() -> None:
    worse = {**GOOD, "outlet": 0.7}
    update = accuracy.update_floors(
        worse, floors(), allow_lower=True, reason="labels corrected", today=dt.date(2025, 1, 2)
    )
    assert not update.refused
    assert update.floors.floors["outlet"] == 0.7
    assert update.floors.history == [
        {"date": "2025-01-02", "reason": "labels corrected", "loosened": {"outlet": [0.8, 0.7]}}
    ]


def test_floors_json_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    original = accuracy.update_floors(
        {"outlet": 0.5}, floors(), allow_lower=True, reason="r", today=dt.date(2025, 1, 1)
    ).floors
    accuracy.save_floors(path, original)
    assert accuracy.load_floors(path) == original


def test_malformed_floors_file() -> None:
    with pytest.raises(ValueError, match="floors"):
        accuracy.Floors.from_json({"labels": "x", "floors": {"outlet": "high"}})
    with pytest.raises(ValueError, match="object"):
        accuracy.Floors.from_json([1, 2])


def test_repository_floors_file_is_valid() -> None:
    from articlekit.evaluation import LOWER_IS_BETTER

    pinned = accuracy.load_floors(BENCHMARKS / "accuracy_floors.json")
    assert pinned.labels == "dev/labels.jsonl"
    assert set(pinned.ceilings) <= LOWER_IS_BETTER
    assert not set(pinned.floors) & LOWER_IS_BETTER
    assert {"fully_right", "junk_leaked", "keep_lost"} <= set(pinned.floors) | set(pinned.ceilings)
    assert all(0.0 <= v <= 1.0 for v in [*pinned.floors.values(), *pinned.ceilings.values()])


# --------------------------------------------------------------------------- command line, invented corpus

RECORDS = [
    {
        "id": "fiksi-1",
        "outlet": "kompas.com",
        "text": "BOGOR, KOMPAS.com - Hujan deras melanda kota.\nWarga siaga.",
    },
    {"id": "fiksi-2", "outlet": "detik.com", "text": "Pasar malam dibuka lagi.\n(abc/def)"},
    {"id": "fiksi-3", "outlet": "detik.com", "text": "MELEDAK ketika diurai."},
]
LABELS = [
    {
        "id": "fiksi-1",
        "outlet": "kompas.com",
        "place": "Bogor",
        "date": None,
        "inserts": [],
        "attribution": [],
        "body_start": "Hujan deras melanda kota.",
        "body_end": "Warga siaga.",
        "junk": ["KOMPAS.com -"],
        "keep": ["Warga siaga."],
    },
    {
        "id": "fiksi-2",
        "outlet": None,
        "place": None,
        "date": None,
        "inserts": [],
        "attribution": [],
        "body_start": "Pasar malam dibuka lagi.",
        "body_end": "Pasar malam dibuka lagi.",
        "junk": ["(abc/def)"],
        "keep": ["Pasar malam"],
    },
    {
        "id": "fiksi-3",
        "outlet": None,
        "place": None,
        "date": None,
        "inserts": [],
        "attribution": [],
        "body_start": "MELEDAK",
        "body_end": "diurai.",
        "junk": ["(xyz)"],
        "keep": [],
    },
]


def lines_parser(text: str) -> Article:
    """A fake parser: every line is a body paragraph; ``(x/y)`` lines are credits; MELEDAK raises."""
    if "MELEDAK" in text:
        raise RuntimeError("parser exploded")
    segments, paragraphs = [], []
    for m in re.finditer(r"[^\n]+", text):
        kind = "credit" if re.fullmatch(r"\(\w+/\w+\)", m.group()) else "body"
        segments.append(Segment(kind=kind, start=m.start(), end=m.end(), why="fake"))
        if kind == "body":
            paragraphs.append(Paragraph(text=m.group(), span=Span(start=m.start(), end=m.end())))
    body = "\n\n".join(p.text for p in paragraphs)
    return Article(text=text, lang="id", segments=segments, paragraphs=paragraphs, body=body)


def sloppy_parser(text: str) -> Article:
    """Worse: no segments at all (breaks the invariants) and the whole text as body."""
    if "MELEDAK" in text:
        raise RuntimeError("parser exploded")
    return Article(
        text=text, lang="id", paragraphs=[Paragraph(text=text, span=Span(start=0, end=len(text)))], body=text
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "raw").mkdir(parents=True)
    (root / "dev").mkdir()
    (root / "raw" / "fiksi.jsonl").write_text(
        "\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8"
    )
    (root / "dev" / "labels.jsonl").write_text(
        "\n".join(json.dumps(r) for r in LABELS) + "\n", encoding="utf-8"
    )
    return root


@pytest.fixture
def floors_file(tmp_path: Path) -> Path:
    # the repository's floors file, with every figure unpinned (floors 0, ceilings 1)
    path = tmp_path / "floors.json"
    data = json.loads((BENCHMARKS / "accuracy_floors.json").read_text(encoding="utf-8"))
    data["floors"] = dict.fromkeys(data["floors"], 0.0)
    data["ceilings"] = dict.fromkeys(data["ceilings"], 1.0)
    data.pop("labels_sha256", None)
    data.pop("history", None)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_no_corpus_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert accuracy.main(["--corpus", str(tmp_path / "absent"), "--check-floors"]) == 0
    assert "no corpus" in capsys.readouterr().out


def test_report_counts_crashes_and_failures(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_json = tmp_path / "out.json"
    code = accuracy.main(["--corpus", str(corpus), "--failures", "--json", str(out_json)], parse=lines_parser)
    assert code == 0
    out = capsys.readouterr().out
    assert "dev/labels.jsonl: 3 articles, 1 crashed, 0 with invariant violations" in out
    assert "RuntimeError: parser exploded" in out
    assert "fiksi-1" in out  # the prefix leaked
    doc = json.loads(out_json.read_text(encoding="utf-8"))
    summary = doc["runs"][0]["summary"]
    assert summary["fully_right"] == pytest.approx(1 / 3)  # only fiksi-2
    assert summary["crashed"] == pytest.approx(1 / 3)
    assert summary["junk_leaked"] == pytest.approx(2 / 3)  # fiksi-1 leaked, the crash counts as a leak
    assert [a["id"] for a in doc["runs"][0]["articles"]] == ["fiksi-1", "fiksi-2", "fiksi-3"]


def test_gate_cycle(corpus: Path, floors_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--corpus", str(corpus), "--floors", str(floors_file)]
    assert accuracy.main([*args, "--check-floors"], parse=lines_parser) == 0
    assert accuracy.main([*args, "--update-floors"], parse=lines_parser) == 0
    pinned = accuracy.load_floors(floors_file)
    assert pinned.floors["fully_right"] == pytest.approx(0.3333)
    assert pinned.ceilings["invalid"] == 0.0
    assert pinned.labels_sha256

    capsys.readouterr()
    assert accuracy.main([*args, "--check-floors"], parse=sloppy_parser) == 1
    out = capsys.readouterr().out
    assert "FLOOR FAILED  invalid:" in out
    assert "FLOOR FAILED  fully_right:" in out

    before = floors_file.read_text(encoding="utf-8")
    assert accuracy.main([*args, "--update-floors"], parse=sloppy_parser) == 1
    assert floors_file.read_text(encoding="utf-8") == before
    assert "REFUSED" in capsys.readouterr().out

    reason = ["--allow-lower", "--reason", "trying a sloppy parser"]
    assert accuracy.main([*args, "--update-floors", *reason], parse=sloppy_parser) == 0
    lowered = accuracy.load_floors(floors_file)
    assert lowered.history[-1]["reason"] == "trying a sloppy parser"
    assert accuracy.main([*args, "--check-floors"], parse=sloppy_parser) == 0


def test_gate_needs_the_pinned_labels(
    corpus: Path, floors_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = corpus / "dev" / "other.jsonl"
    other.write_text(json.dumps(LABELS[0]) + "\n", encoding="utf-8")
    args = [
        "--corpus",
        str(corpus),
        "--floors",
        str(floors_file),
        "--labels",
        "dev/other.jsonl",
        "--check-floors",
    ]
    assert accuracy.main(args, parse=lines_parser) == 2
    assert "pinned for dev/labels.jsonl" in capsys.readouterr().err


def test_unknown_label_file(corpus: Path) -> None:
    assert accuracy.main(["--corpus", str(corpus), "--labels", "dev/none.jsonl"], parse=lines_parser) == 2


@pytest.mark.parametrize(
    "argv",
    [
        ["--update-floors", "--allow-lower"],
        ["--check-floors", "--allow-lower", "--reason", "x"],
        ["--reason", "x"],
        ["--check-floors", "--reason", "x"],
        ["--check-floors", "--update-floors"],
    ],
)
def test_argument_errors(argv: list[str], corpus: Path) -> None:
    with pytest.raises(SystemExit) as info:
        accuracy.main(["--corpus", str(corpus), *argv], parse=lines_parser)
    assert info.value.code == 2


# --------------------------------------------------------------------------- outlet left out


def _entry(oid: str, name: str, domain: str, **extra: object) -> object:
    from articlekit.rules import OutletEntry

    return OutletEntry(id=oid, name=name, domain=domain, aliases=[name], **extra)


def mini_catalogue() -> object:
    from articlekit.rules import OutletCatalogue

    return OutletCatalogue.from_entries(
        [
            _entry("kompas", "KOMPAS.com", "kompas.com", codes=["kmp"]),
            _entry("kompas_tv", "KompasTV", "kompas.com"),  # a second entry with the same domain
            _entry("detik", "detikNews", "detik.com", codes=["dtk"]),
            _entry("antara", "ANTARA", "antaranews.com", agency=True, source_name="Antara"),
        ]
    )


def test_left_out_domains_take_the_record_and_the_label() -> None:
    assert accuracy.left_out_domains({"outlet": "Tribunjateng.com"}, "tribunnews.com") == frozenset(
        {"tribunjateng.com", "tribunnews.com"}
    )
    assert accuracy.left_out_domains({"outlet": None}, "detik.com") == frozenset({"detik.com"})
    assert accuracy.left_out_domains({"outlet": None}, None) == frozenset()


def test_without_domains_removes_every_entry_of_the_domain() -> None:
    reduced = accuracy.without_domains(mini_catalogue(), {"kompas.com"})
    assert [e.id for e in reduced.entries] == ["detik", "antara"]
    assert reduced.lookup("KompasTV") is None and reduced.lookup("kompas.com") is None
    assert "kmp" not in reduced.by_code and "dtk" in reduced.by_code  # the entry's fields go with it


def test_left_out_parsers_are_built_once_per_set() -> None:
    built: list[set[str]] = []

    def make(catalogue: object) -> object:
        built.append({e.domain for e in catalogue.entries})  # type: ignore[attr-defined]
        return lines_parser

    parsers = accuracy.LeftOutParsers(mini_catalogue(), make)
    one = parsers(frozenset({"detik.com"}))
    assert parsers(frozenset({"detik.com"})) is one
    parsers(frozenset({"kompas.com", "detik.com"}))
    assert built == [{"kompas.com", "antaranews.com"}, {"antaranews.com"}]
    assert len(parsers) == 2


def knowing_parser(catalogue: object) -> object:
    """A fake parser that cuts ``KOMPAS.com -`` only while the catalogue knows it."""

    def parse(text: str) -> Article:
        article = lines_parser(text)
        if catalogue.lookup("KOMPAS.com") is None or "KOMPAS.com - " not in text:  # type: ignore[attr-defined]
            return article
        cut = text.find(" - ") + 3
        first = article.paragraphs[0]
        paragraphs = [Paragraph(text=text[cut : first.span.end], span=Span(start=cut, end=first.span.end))]
        paragraphs += article.paragraphs[1:]
        segments = [Segment(kind="outlet", start=0, end=cut, why="fake"), *article.segments]
        segments[1] = Segment(kind="body", start=cut, end=first.span.end, why="fake")
        body = "\n\n".join(p.text for p in paragraphs)
        return Article(text=text, lang="id", segments=segments, paragraphs=paragraphs, body=body)

    return parse


def test_outlet_left_out_run_and_by_outlet(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    left_out = accuracy.LeftOutParsers(mini_catalogue(), knowing_parser)
    full = knowing_parser(mini_catalogue())
    out_json = tmp_path / "loo.json"
    argv = ["--corpus", str(corpus), "--outlet-left-out", "--by-outlet", "--json", str(out_json)]
    assert accuracy.main(argv, parse=full, left_out=left_out) == 0  # type: ignore[arg-type]
    out = capsys.readouterr().out
    assert "dev/labels.jsonl [outlet left out]: 3 articles, 1 crashed" in out
    assert re.search(r"outlet\s+n\s+normal\s+left out", out)
    assert re.search(r"detik\.com\s+2\s+0\.500\s+0\.500", out)  # normal, then left out
    doc = json.loads(out_json.read_text(encoding="utf-8"))
    assert doc["mode"] == "outlet left out"
    assert doc["runs"][0]["summary"]["body_start"] == pytest.approx(1 / 3)  # the prefix stays in fiksi-1
    assert len(left_out) == 2  # {kompas.com} and {detik.com}

    normal_json = tmp_path / "normal.json"
    assert accuracy.main(["--corpus", str(corpus), "--json", str(normal_json)], parse=full) == 0
    normal = json.loads(normal_json.read_text(encoding="utf-8"))
    assert normal["mode"] == "normal"
    assert normal["runs"][0]["summary"]["body_start"] == pytest.approx(2 / 3)  # the catalogue knows it


def test_outlet_left_out_gate_uses_its_own_floors(corpus: Path, tmp_path: Path) -> None:
    left_out = accuracy.LeftOutParsers(mini_catalogue(), knowing_parser)
    floors_path = tmp_path / "loo.json"
    args = ["--corpus", str(corpus), "--outlet-left-out", "--floors", str(floors_path)]
    with pytest.raises(SystemExit):  # a first pin needs a reason
        accuracy.main([*args, "--update-floors"], parse=lines_parser, left_out=left_out)  # type: ignore[arg-type]
    first = [*args, "--update-floors", "--reason", "first pin"]
    assert accuracy.main(first, parse=lines_parser, left_out=left_out) == 0  # type: ignore[arg-type]
    pinned = accuracy.load_floors(floors_path)
    assert pinned.history[-1]["reason"] == "first pin"
    assert pinned.floors["fully_right"] == pytest.approx(0.3333)
    assert accuracy.main([*args, "--check-floors"], parse=lines_parser, left_out=left_out) == 0  # type: ignore[arg-type]


def test_repository_loo_floors_file_is_valid() -> None:
    pinned = accuracy.load_floors(BENCHMARKS / "accuracy_floors_loo.json")
    normal = accuracy.load_floors(BENCHMARKS / "accuracy_floors.json")
    assert pinned.labels == normal.labels
    assert set(pinned.floors) == set(normal.floors) and set(pinned.ceilings) == set(normal.ceilings)


# --------------------------------------------------------------------------- the real corpus


def _real_parser() -> object:
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    try:
        return accuracy.load_parser()
    except accuracy.ParserUnavailable as exc:
        pytest.skip(str(exc))


def test_real_corpus_meets_the_floors() -> None:
    """The CI gate: the dev labels must meet every pinned floor and ceiling."""
    _real_parser()
    assert accuracy.main(["--check-floors"]) == 0


def test_real_corpus_page_labels_run(tmp_path: Path) -> None:
    _real_parser()
    out = tmp_path / "pages.json"
    assert accuracy.main(["--labels", "dev/pages-labels.jsonl", "--json", str(out)]) == 0
    run = json.loads(out.read_text(encoding="utf-8"))["runs"][0]
    assert run["labels"] == "dev/pages-labels.jsonl"
    assert "link_heading_recall" in run["summary"]
