"""Unit tests of :mod:`articlekit.evaluation` on hand-built articles (invented text)."""

from __future__ import annotations

import datetime as dt

import pytest

from articlekit.evaluation import (
    ArticleScore,
    LabelError,
    Scoreboard,
    crash_score,
    fold,
    score_article,
)
from articlekit.models import (
    Article,
    Attribution,
    Dateline,
    Insert,
    LinkBlock,
    LinkItem,
    Outlet,
    Paragraph,
    Segment,
    Span,
)

TEXT = (
    "MALANG, KOMPAS.com - Petani apel di Desa Sumberejo memanen\n"
    "buah lebih awal pada Senin (3/3/2025).\n"
    "Baca juga: Harga Apel Naik  Jelang Lebaran\n"
    'Pilihan  bibit baru, kata Sutrisno, "membuat panen lebih cepat".\n'
    "(Sumber: Antara/Reuters)\n"
)
P1 = "Petani apel di Desa Sumberejo memanen\nbuah lebih awal pada Senin (3/3/2025)."
P2 = 'Pilihan  bibit baru, kata Sutrisno, "membuat panen lebih cepat".'


def at(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start=start, end=start + len(needle))


def article(
    *,
    domain: str | None = "kompas.com",
    place: str | None = "Malang",
    date: dt.date | None = dt.date(2025, 3, 3),
    headlines: tuple[str, ...] = ("Harga Apel Naik  Jelang Lebaran",),
    sources: tuple[str, ...] = ("Antara", "Reuters"),
    paragraphs: tuple[str, ...] = (P1, P2),
    headings: tuple[str, ...] = (),
) -> Article:
    """An article over :data:`TEXT` with the given findings (segments are not needed for scoring)."""
    paras = [Paragraph(text=p, span=at(p)) for p in paragraphs]
    return Article(
        text=TEXT,
        lang="id",
        outlet=Outlet(id="kompas", name="Kompas.com", domain=domain, span=at("KOMPAS.com - "))
        if domain
        else None,
        dateline=Dateline(place=place, date=date, raw="MALANG, ", span=at("MALANG, "))
        if place or date
        else None,
        attribution=Attribution(sources=list(sources), raw="(Sumber: Antara/Reuters)", span=at("(Sumber"))
        if sources
        else None,
        inserts=[
            Insert(label="Baca juga:", headline=h, span=at("Baca juga:"), after_paragraph=0)
            for h in headlines
        ],
        link_blocks=[
            LinkBlock(heading=h, items=[LinkItem(title="x", span=at("(Sumber"))], span=at("(Sumber"))
            for h in headings
        ],
        paragraphs=paras,
        body="\n\n".join(p.text for p in paras),
        segments=[Segment(kind="body", start=0, end=len(TEXT), why="t")],
    )


LABEL: dict[str, object] = {
    "id": "fiksi-1",
    "outlet": "kompas.com",
    "place": "Malang",
    "date": "2025-03-03",
    "inserts": ["Harga Apel Naik Jelang Lebaran"],
    "attribution": ["Antara", "Reuters"],
    "body_start": "Petani apel di Desa Sumberejo memanen buah lebih awal",
    "body_end": 'kata Sutrisno, "membuat panen lebih cepat".',
    "junk": ["KOMPAS.com -", "Baca juga:", "(Sumber: Antara/Reuters)"],
    "keep": ["Pilihan bibit baru", "pada Senin (3/3/2025)"],
    "notes": "",
}


def label(**changes: object) -> dict[str, object]:
    return {**LABEL, **changes}


def test_fold() -> None:
    assert fold("  a \n\n b\t c  ") == "a b c"
    assert fold("") == ""
    assert fold("a\u00a0b") == "a b"


def test_perfect_parse_is_fully_right() -> None:
    score = score_article(article(), LABEL)
    assert score.fully_right
    assert score.core_right
    assert score.problems == ()
    assert (score.inserts_tp, score.inserts_pred, score.inserts_gold) == (1, 1, 1)
    assert not score.page
    assert score.title is None
    assert score.link_headings is None


def test_outlet_place_date_case_and_whitespace_folded() -> None:
    score = score_article(article(domain="Kompas.COM", place=" malang "), label(place="MALANG"))
    assert score.outlet
    assert score.place


@pytest.mark.parametrize(
    ("kwargs", "changes", "field"),
    [
        ({"domain": None}, {}, "outlet"),
        ({}, {"outlet": None}, "outlet"),
        ({"place": None}, {}, "place"),
        ({"date": None}, {}, "date"),
        ({"date": dt.date(2025, 3, 4)}, {}, "date"),
    ],
)
def test_scalar_mismatch(kwargs: dict[str, object], changes: dict[str, object], field: str) -> None:
    score = score_article(article(**kwargs), label(**changes))  # type: ignore[arg-type]
    assert getattr(score, field) is False
    assert not score.fully_right
    assert any(p.startswith(f"{field}: expected") for p in score.problems)


def test_null_must_be_null() -> None:
    score = score_article(
        article(domain=None, place=None, date=None), label(outlet=None, place=None, date=None)
    )
    assert score.outlet
    assert score.place
    assert score.date


def test_attribution_is_a_case_folded_set() -> None:
    ok = score_article(article(sources=("REUTERS", "antara", "Antara")), LABEL)
    assert ok.attribution
    missing = score_article(article(sources=("Antara",)), LABEL)
    assert not missing.attribution
    assert any("attribution: expected" in p for p in missing.problems)
    none = score_article(article(sources=()), label(attribution=[]))
    assert none.attribution


def test_inserts_are_a_multiset_after_whitespace_folding() -> None:
    gold = label(inserts=["Harga Apel Naik Jelang Lebaran", "", "Harga Apel Naik Jelang Lebaran"])
    score = score_article(article(headlines=("Harga  Apel Naik\nJelang Lebaran", "")), gold)
    assert (score.inserts_tp, score.inserts_pred, score.inserts_gold) == (2, 2, 3)
    assert not score.inserts
    assert any("missing" in p for p in score.problems)


def test_inserts_are_case_sensitive_and_extra_ones_count() -> None:
    score = score_article(article(headlines=("harga apel naik jelang lebaran", "Lain Lagi")), LABEL)
    assert (score.inserts_tp, score.inserts_pred, score.inserts_gold) == (0, 2, 1)
    assert any("extra" in p for p in score.problems)


def test_body_start_and_end_after_folding() -> None:
    score = score_article(article(), LABEL)
    assert score.body_start
    assert score.body_end
    cut = score_article(article(paragraphs=(P2,)), LABEL)
    assert not cut.body_start
    assert cut.body_end
    assert cut.keep_lost == ("pada Senin (3/3/2025)",)


def test_junk_leak_is_case_sensitive() -> None:
    art = article()
    art = art.model_copy(update={"body": "Baca\njuga: " + art.body})  # a leak, whitespace folded
    score = score_article(art, label(junk=["Baca juga:", "BACA JUGA"]))
    assert score.junk_leaked == ("Baca juga:",)
    assert any(p.startswith("junk leaked") for p in score.problems)


def test_keep_lost_is_case_sensitive() -> None:
    score = score_article(article(), label(keep=["pilihan bibit baru"]))
    assert score.keep_lost == ("pilihan bibit baru",)


def test_empty_story_needs_an_empty_body() -> None:
    empty = label(body_start="", body_end="", keep=[], inserts=[])
    assert score_article(article(paragraphs=(), headlines=()), empty).body_start
    wrong = score_article(article(headlines=()), empty)
    assert not wrong.body_start
    assert not wrong.body_end
    assert any("expected an empty body" in p for p in wrong.problems)


class PageArticle(Article):
    """An Article with the page fields the model does not have yet."""

    title: str | None = None
    published: dt.datetime | dt.date | None = None
    updated: dt.datetime | None = None


PAGE_LABEL = label(
    title="Petani Apel  Panen Lebih Awal",
    published="2025-03-03T10:15:00+07:00",
    updated=None,
    link_headings=["Berita Terkait", "TERPOPULER"],
)


def page_article(**fields: object) -> PageArticle:
    base = article(headings=("berita terkait", "Terpopuler", ""))
    return PageArticle(**{**base.model_dump(), **fields})


def test_page_fields() -> None:
    wib = dt.timezone(dt.timedelta(hours=7))
    art = page_article(
        title="Petani Apel Panen Lebih Awal", published=dt.datetime(2025, 3, 3, 10, 15, tzinfo=wib)
    )
    score = score_article(art, PAGE_LABEL)
    assert score.page
    assert score.title
    assert score.published
    assert score.updated
    assert (score.link_headings_tp, score.link_headings_pred, score.link_headings_gold) == (2, 2, 2)
    assert score.link_headings
    assert score.fully_right


def test_page_fields_missing_from_the_model_score_as_none() -> None:
    score = score_article(article(headings=("Berita Terkait",)), PAGE_LABEL)
    assert score.page
    assert score.title is False
    assert score.published is False
    assert score.updated is True  # gold null, got nothing
    assert (score.link_headings_tp, score.link_headings_pred, score.link_headings_gold) == (1, 1, 2)
    assert score.core_right
    assert not score.fully_right


def test_published_date_only() -> None:
    score = score_article(page_article(published=dt.date(2025, 3, 3)), label(published="2025-03-03"))
    assert score.published


def test_crash_score_fails_everything() -> None:
    score = crash_score(PAGE_LABEL, "ValueError: boom")
    assert score.error == "ValueError: boom"
    assert not score.fully_right
    assert not score.core_right
    assert score.junk_leaked == ("KOMPAS.com -", "Baca juga:", "(Sumber: Antara/Reuters)")
    assert score.keep_lost == ("Pilihan bibit baru", "pada Senin (3/3/2025)")
    assert (score.inserts_tp, score.inserts_pred, score.inserts_gold) == (0, 0, 1)
    assert score.link_headings_gold == 2
    assert score.title is False
    assert score.problems == ("crashed: ValueError: boom",)


def test_malformed_label() -> None:
    with pytest.raises(LabelError, match="inserts"):
        score_article(article(), label(inserts="Harga Apel"))
    with pytest.raises(LabelError, match="outlet"):
        score_article(article(), label(outlet=3))


def _score(sid: str, **fields: object) -> ArticleScore:
    base: dict[str, object] = {
        "id": sid,
        "page": False,
        "outlet": True,
        "place": True,
        "date": True,
        "attribution": True,
        "body_start": True,
        "body_end": True,
        "inserts_tp": 1,
        "inserts_pred": 1,
        "inserts_gold": 1,
        "junk_leaked": (),
        "keep_lost": (),
    }
    return ArticleScore(**{**base, **fields})  # type: ignore[arg-type]


def test_scoreboard_summary() -> None:
    board = Scoreboard(
        [
            _score("a"),
            _score(
                "b",
                outlet=False,
                inserts_tp=0,
                inserts_pred=2,
                inserts_gold=1,
                junk_leaked=("X",),
                keep_lost=("Y",),
            ),
            _score("c", violations=("segment 0 is empty",)),
            _score(
                "d", error="boom", outlet=False, place=False, inserts_tp=0, inserts_pred=0, inserts_gold=2
            ),
        ]
    )
    s = board.summary()
    assert s["outlet"] == 0.5
    assert s["place"] == 0.75
    assert s["insert_precision"] == pytest.approx(2 / 4)  # tp 1+0+1+0 of pred 1+2+1+0
    assert s["insert_recall"] == pytest.approx(2 / 5)
    assert s["junk_leaked"] == 0.25
    assert s["keep_lost"] == 0.25
    assert s["crashed"] == 0.25
    assert s["invalid"] == 0.25
    assert s["fully_right"] == 0.5  # c is fully right by the labels; its violation is reported apart
    assert "title" not in s
    assert "core_right" not in s
    support = board.support()
    assert support["outlet"] == 4
    assert support["insert_precision"] == 4
    assert support["insert_recall"] == 5
    failures = board.failures()
    assert [f.id for f in failures] == ["b", "c", "d"]
    assert failures[1].problems == ["invariant: segment 0 is empty"]


def test_scoreboard_precision_conventions() -> None:
    nothing = Scoreboard([_score("a", inserts_tp=0, inserts_pred=0, inserts_gold=0)]).summary()
    assert nothing["insert_precision"] == 1.0
    assert nothing["insert_recall"] == 1.0
    silent = Scoreboard([_score("a", inserts_tp=0, inserts_pred=0, inserts_gold=3)]).summary()
    assert silent["insert_precision"] == 0.0  # finding nothing earns no perfect precision
    assert silent["insert_recall"] == 0.0


def test_scoreboard_page_figures() -> None:
    board = Scoreboard(
        [
            _score("a"),
            _score(
                "p",
                page=True,
                title=True,
                published=False,
                updated=None,
                link_headings_tp=1,
                link_headings_pred=1,
                link_headings_gold=2,
            ),
        ]
    )
    s = board.summary()
    assert s["title"] == 1.0
    assert s["published"] == 0.0
    assert "updated" not in s
    assert s["link_heading_precision"] == 1.0
    assert s["link_heading_recall"] == 0.5
    assert s["core_right"] == 1.0
    assert s["fully_right"] == 0.5
    assert board.support()["title"] == 1


def test_empty_scoreboard() -> None:
    assert Scoreboard().summary() == {}
    assert Scoreboard().support() == {}
    assert Scoreboard().failures() == []


def test_as_dict_is_json_ready() -> None:
    import json

    d = score_article(article(), LABEL).as_dict()
    assert json.loads(json.dumps(d))["fully_right"] is True
