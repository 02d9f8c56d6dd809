"""Pipeline editing, stage contracts, error policy and bad input."""

from __future__ import annotations

import pytest

import articlekit
from articlekit import Claim, Draft, Findings, Pipeline, PipelineError, StageError
from articlekit.stages import Noise


def test_default_pipeline_is_fresh() -> None:
    a = Pipeline.default()
    b = Pipeline.default()
    a.remove("links")
    assert "links" in b.names
    assert a.names != b.names


def test_default_names() -> None:
    assert Pipeline.default().names == (
        "noise", "repeats", "page", "links", "prefix", "header", "captions", "inserts", "leftovers", "tail", "newsdate")


def test_unknown_name_lists_valid_ones() -> None:
    nlp = Pipeline.default()
    with pytest.raises(PipelineError, match="stages are: noise, repeats, page"):
        nlp.remove("nope")
    with pytest.raises(PipelineError, match="no stage named 'nope'"):
        nlp.add(lambda d: [], before="nope")


def test_duplicate_name_rejected() -> None:
    nlp = Pipeline.default()
    with pytest.raises(PipelineError, match="already exists"):
        nlp.add(Noise())


def test_add_function_stage_before() -> None:
    def shouting(draft: Draft) -> Findings:
        found = draft.findings("shouting")
        for line in draft.lines:
            if not line.blank and draft.text[line.lo : line.hi] == "HALO":
                found.claim("noise", line.lo, line.hi, "halo")
        return found

    nlp = Pipeline.default().add(shouting, before="links")
    assert nlp.names.index("shouting") == nlp.names.index("links") - 1
    art = nlp("JAKARTA - Harga naik.\nHALO\nWarga senang.")
    assert "HALO" not in art.body
    assert any(s.why == "shouting:halo" for s in art.segments)


def test_stage_returning_claims_iterable() -> None:
    def first_word(draft: Draft) -> list[Claim]:
        return [Claim("noise", 0, 4, "first:word")]

    art = Pipeline.default().add(first_word, first=True)("KATA warga di sini.")
    assert art.segments[0].why == "first:word"


def test_overlapping_claim_is_an_error() -> None:
    def greedy(draft: Draft) -> list[Claim]:
        return [Claim("noise", 0, 10, "greedy:a")]

    nlp = Pipeline.default().add(greedy)
    with pytest.raises(PipelineError, match="already claimed"):
        nlp("Suara.com - Warga memanen padi hari ini.")


def test_replace_and_get() -> None:
    nlp = Pipeline.default()
    nlp.replace("newsdate", lambda d: d.findings("newsdate"))
    assert nlp.names[-1] == "<lambda>"
    art = nlp("Suara.com - Warga pada Rabu (20/10/2021) memanen padi.")
    assert art.dateline is None
    with pytest.raises(PipelineError):
        nlp.get("newsdate")


def test_failing_stage_raise_and_note() -> None:
    def broken(draft: Draft) -> Findings:
        raise RuntimeError("boom")

    nlp = Pipeline.default().add(broken)
    with pytest.raises(StageError, match="broken") as info:
        nlp("JAKARTA - Harga naik.")
    assert isinstance(info.value.__cause__, RuntimeError)
    art = nlp("JAKARTA - Harga naik.", errors="note")
    assert any("boom" in n for n in art.notes)
    assert art.body == "Harga naik."


def test_bad_stage_output() -> None:
    nlp = Pipeline.default().add(lambda d: 42)  # type: ignore[arg-type,return-value]
    with pytest.raises(PipelineError, match="returned int"):
        nlp("Teks biasa.")


def test_type_errors() -> None:
    with pytest.raises(TypeError, match="decode"):
        articlekit.parse(b"JAKARTA - x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not int"):
        articlekit.parse(3)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t", "\u00a0\r\n"])
def test_empty_input_gives_note(text: str) -> None:
    art = articlekit.parse(text)
    assert art.body == "" and art.paragraphs == [] and art.outlet is None
    assert art.notes and "empty" in art.notes[0]
    assert art.text == text


def test_pipe_keeps_order_and_notes_bad_records() -> None:
    nlp = Pipeline.default()
    arts = list(nlp.pipe(["JAKARTA - Satu.", b"bytes", "Suara.com - Dua."]))  # type: ignore[list-item]
    assert len(arts) == 3
    assert arts[0].body == "Satu." and arts[2].body == "Dua."
    assert "not a str" in arts[1].notes[0]


def test_user_outlet_file(tmp_path: object) -> None:
    import pathlib

    p = pathlib.Path(str(tmp_path)) / "mine.toml"
    p.write_text(
        '[[outlet]]\nid = "kabarku"\nname = "Kabarku"\ndomain = "kabarku.id"\naliases = ["KABARKU"]\n',
        encoding="utf-8",
    )
    nlp = Pipeline.default(outlets=[p])
    art = nlp("KABARKU - Warga desa menanam pohon.")
    assert art.outlet is not None and art.outlet.domain == "kabarku.id"
    assert articlekit.parse("KABARKU - Warga desa menanam pohon.").outlet is None
