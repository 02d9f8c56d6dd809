"""Unit tests of :func:`articlekit.invariants.violations` on hand-built articles (invented text)."""

from __future__ import annotations

import time

import pytest

from articlekit.invariants import violations
from articlekit.models import (
    Article,
    Attribution,
    Credit,
    Dateline,
    Insert,
    Kind,
    LinkBlock,
    LinkItem,
    Outlet,
    Paragraph,
    Segment,
    Span,
)

TEXT = (
    "SURABAYA, KOMPAS.com - Warga Kampung Melati menanam seribu pohon mangga pada Minggu.\n"
    "Baca juga: Festival Layang-layang Digelar di Pantai Kenjeran\n"
    "Kegiatan itu dipimpin Ketua RT Budi Santoso.\n"
    "(Sumber: Antara)\n"
    "Editor: Rina Wulandari\n"
    "Berita Terkait\n"
    "Harga Cabai Turun di Pasar Keputran\n"
)

PARTS: list[tuple[Kind, str]] = [
    ("outlet", "KOMPAS.com - "),
    ("body", "Warga Kampung Melati menanam seribu pohon mangga pada Minggu."),
    ("insert", "Baca juga: Festival Layang-layang Digelar di Pantai Kenjeran"),
    ("body", "Kegiatan itu dipimpin Ketua RT Budi Santoso."),
    ("attribution", "(Sumber: Antara)"),
    ("credit", "Editor: Rina Wulandari"),
    ("link_block", "Berita Terkait\nHarga Cabai Turun di Pasar Keputran"),
]


def span_of(needle: str, text: str = TEXT) -> Span:
    """The span of the first occurrence of ``needle``."""
    start = text.index(needle)
    return Span(start=start, end=start + len(needle))


def good_article() -> Article:
    """A sound article over :data:`TEXT`."""
    segments = [Segment(kind="dateline", start=0, end=len("SURABAYA, "), why="test:dateline")]
    for kind, needle in PARTS:
        span = span_of(needle)
        segments.append(Segment(kind=kind, start=span.start, end=span.end, why=f"test:{kind}"))
    segments.sort(key=lambda s: s.start)
    paragraphs = [Paragraph(text=needle, span=span_of(needle)) for kind, needle in PARTS if kind == "body"]
    return Article(
        text=TEXT,
        lang="id",
        outlet=Outlet(id="kompas", name="Kompas.com", domain="kompas.com", span=span_of("KOMPAS.com - ")),
        dateline=Dateline(place="Surabaya", date=None, raw="SURABAYA, ", span=span_of("SURABAYA, ")),
        attribution=Attribution(sources=["Antara"], raw="(Sumber: Antara)", span=span_of("(Sumber: Antara)")),
        credits=[Credit(role="editor", label="Editor", name="Rina Wulandari", span=span_of("Editor: Rina Wulandari"))],
        inserts=[
            Insert(
                label="Baca juga:",
                headline="Festival Layang-layang Digelar di Pantai Kenjeran",
                span=span_of("Baca juga: Festival Layang-layang Digelar di Pantai Kenjeran"),
                after_paragraph=0,
            )
        ],
        link_blocks=[
            LinkBlock(
                heading="Berita Terkait",
                items=[
                    LinkItem(
                        title="Harga Cabai Turun di Pasar Keputran",
                        span=span_of("Harga Cabai Turun di Pasar Keputran"),
                    )
                ],
                span=span_of("Berita Terkait\nHarga Cabai Turun di Pasar Keputran"),
            )
        ],
        paragraphs=paragraphs,
        body="\n\n".join(p.text for p in paragraphs),
        segments=segments,
    )


def with_segments(article: Article, segments: list[Segment]) -> Article:
    return article.model_copy(update={"segments": segments})


def test_good_article_has_no_violations() -> None:
    assert violations(good_article()) == []


def test_empty_article_has_no_violations() -> None:
    assert violations(Article(text="", lang="id")) == []
    assert violations(Article(text=" \n\t ", lang="id")) == []


def test_whitespace_only_input_needs_no_segment() -> None:
    assert violations(Article(text="\n\n   \n", lang="id", segments=[])) == []


def test_segment_out_of_bounds() -> None:
    art = good_article()
    segs = list(art.segments)
    last = segs[-1]
    segs[-1] = Segment(kind=last.kind, start=last.start, end=len(TEXT) + 5, why=last.why)
    found = violations(with_segments(art, segs))
    assert any("out of bounds" in v and "segment 7" in v for v in found)


def test_empty_segment() -> None:
    art = good_article()
    segs = [*art.segments, Segment(kind="noise", start=len(TEXT), end=len(TEXT), why="x")]
    assert any("is empty" in v for v in violations(with_segments(art, segs)))


def test_unsorted_segments() -> None:
    art = good_article()
    segs = list(art.segments)
    segs[1], segs[2] = segs[2], segs[1]
    found = violations(with_segments(art, segs))
    assert any("out of order" in v for v in found)
    assert not any("not covered" in v for v in found)  # coverage is judged on the sorted segments


def test_overlapping_segments() -> None:
    art = good_article()
    segs = list(art.segments)
    first = segs[0]
    segs[0] = Segment(kind=first.kind, start=first.start, end=first.end + 3, why=first.why)
    assert any("overlaps segment 0" in v for v in violations(with_segments(art, segs)))


def test_uncovered_text_is_reported_once_per_gap() -> None:
    art = good_article()
    segs = [s for s in art.segments if s.kind != "credit"]
    found = violations(with_segments(art, segs))
    assert len(found) == 1
    assert "not covered" in found[0]
    assert "Editor: Rina Wulandari" in found[0]
    start = TEXT.index("Editor")
    assert f"text[{start}:{start + len('Editor: Rina Wulandari')}]" in found[0]


def test_uncovered_text_at_the_start_and_end() -> None:
    text = "Judul Berita\nIsi berita yang panjang.\nSalin tautan"
    body = span_of("Isi berita yang panjang.", text)
    art = Article(
        text=text,
        lang="id",
        segments=[Segment(kind="body", start=body.start, end=body.end, why="t")],
        paragraphs=[Paragraph(text="Isi berita yang panjang.", span=body)],
        body="Isi berita yang panjang.",
    )
    found = violations(art)
    assert len(found) == 2
    assert "'Judul Berita'" in found[0]
    assert "'Salin tautan'" in found[1]


def test_non_breaking_space_counts_as_whitespace() -> None:
    text = "Isi\u00a0berita\u00a0"
    art = Article(
        text=text,
        lang="id",
        segments=[Segment(kind="body", start=0, end=len("Isi\u00a0berita"), why="t")],
        paragraphs=[Paragraph(text="Isi\u00a0berita", span=Span(start=0, end=10))],
        body="Isi\u00a0berita",
    )
    assert violations(art) == []


def test_invisible_marks_are_not_whitespace() -> None:
    text = "Isi berita.\u200b\n\u00a0Salin tautan \u200e"
    body = Span(start=0, end=len("Isi berita."))
    art = Article(
        text=text,
        lang="id",
        segments=[Segment(kind="body", start=0, end=body.end, why="t")],
        paragraphs=[Paragraph(text="Isi berita.", span=body)],
        body="Isi berita.",
    )
    found = violations(art)
    assert len(found) == 1
    assert found[0].startswith(f"text[{body.end}:{len(text)}] is not covered")
    noise = Segment(kind="noise", start=body.end, end=len(text), why="t")
    assert violations(art.model_copy(update={"segments": [*art.segments, noise]})) == []


def test_unknown_kind_and_empty_why() -> None:
    art = good_article()
    segs = list(art.segments)
    segs[0] = Segment.model_construct(kind="mystery", start=segs[0].start, end=segs[0].end, why="t")  # type: ignore[arg-type]
    segs[1] = Segment(kind=segs[1].kind, start=segs[1].start, end=segs[1].end, why="  ")
    found = violations(with_segments(art, segs))
    assert any("unknown kind 'mystery'" in v for v in found)
    assert any("empty why" in v for v in found)


def _break_span(art: Article, field: str) -> Article:
    """``art`` with the span named ``field`` made invalid."""
    assert art.outlet is not None
    assert art.dateline is not None
    assert art.attribution is not None
    update: dict[str, object]
    if field == "outlet.span":
        update = {"outlet": art.outlet.model_copy(update={"span": Span(start=-1, end=3)})}
    elif field == "dateline.date_span":
        update = {"dateline": art.dateline.model_copy(update={"date_span": Span(start=5, end=9999)})}
    elif field == "attribution.span":
        update = {"attribution": art.attribution.model_copy(update={"span": Span(start=9, end=3)})}
    elif field == "credits[0].span":
        update = {"credits": [art.credits[0].model_copy(update={"span": Span(start=4, end=4)})]}
    elif field == "inserts[0].span":
        update = {"inserts": [art.inserts[0].model_copy(update={"span": Span(start=0, end=10**6)})]}
    else:
        block = art.link_blocks[0]
        item = block.items[0].model_copy(update={"span": Span(start=2, end=1)})
        update = {"link_blocks": [block.model_copy(update={"items": [item]})]}
    return art.model_copy(update=update)


@pytest.mark.parametrize(
    "field",
    [
        "outlet.span",
        "dateline.date_span",
        "attribution.span",
        "credits[0].span",
        "inserts[0].span",
        "link_blocks[0].items[0].span",
    ],
)
def test_bad_spans(field: str) -> None:
    found = violations(_break_span(good_article(), field))
    assert any(v.startswith(field) for v in found), found


def test_paragraph_text_must_equal_its_span() -> None:
    art = good_article()
    p = art.paragraphs[0]
    paragraphs = [p.model_copy(update={"text": p.text.upper()}), art.paragraphs[1]]
    bad = art.model_copy(update={"paragraphs": paragraphs, "body": "\n\n".join(x.text for x in paragraphs)})
    found = violations(bad)
    assert len(found) == 1
    assert "differs from the text of its span" in found[0]


def test_paragraph_must_lie_in_body_segments() -> None:
    art = good_article()
    insert = span_of("Baca juga: Festival Layang-layang Digelar di Pantai Kenjeran")
    inner = Paragraph(text=TEXT[insert.start : insert.end], span=insert)
    paragraphs = [art.paragraphs[0], inner, art.paragraphs[1]]
    bad = art.model_copy(update={"paragraphs": paragraphs, "body": "\n\n".join(x.text for x in paragraphs)})
    found = violations(bad)
    assert any("overlaps a insert segment" in v for v in found)
    assert any("lies in no body segment" in v for v in found)


def test_paragraph_spanning_two_body_segments_is_fine() -> None:
    text = "Baris pertama.\nBaris kedua."
    art = Article(
        text=text,
        lang="id",
        segments=[
            Segment(kind="body", start=0, end=14, why="t"),
            Segment(kind="body", start=15, end=len(text), why="t"),
        ],
        paragraphs=[Paragraph(text=text, span=Span(start=0, end=len(text)))],
        body=text,
    )
    assert violations(art) == []


def test_paragraph_crossing_into_another_kind() -> None:
    art = good_article()
    start = art.paragraphs[1].span.start
    end = TEXT.index("(Sumber") + 3
    paragraphs = [art.paragraphs[0], Paragraph(text=TEXT[start:end], span=Span(start=start, end=end))]
    bad = art.model_copy(update={"paragraphs": paragraphs, "body": "\n\n".join(x.text for x in paragraphs)})
    assert any("overlaps a attribution segment" in v for v in violations(bad))


def test_paragraph_order_and_blank_paragraphs() -> None:
    art = good_article()
    reordered = [art.paragraphs[1], art.paragraphs[0]]
    bad = art.model_copy(update={"paragraphs": reordered, "body": "\n\n".join(x.text for x in reordered)})
    assert any("starts before the end of the previous paragraph" in v for v in violations(bad))

    newline = TEXT.index("\n")
    blank = Paragraph(text="\n", span=Span(start=newline, end=newline + 1))
    with_blank = [art.paragraphs[0], blank, art.paragraphs[1]]
    bad = art.model_copy(update={"paragraphs": with_blank, "body": "\n\n".join(x.text for x in with_blank)})
    assert any("is blank" in v for v in violations(bad))


def test_body_must_be_joined_paragraphs() -> None:
    art = good_article()
    bad = art.model_copy(update={"body": art.body.replace("\n\n", "\n")})
    found = violations(bad)
    assert len(found) == 1
    expected_at = len(art.paragraphs[0].text) + 1  # the first "\n" still matches
    assert f"at character {expected_at}" in found[0]


def test_body_extra_text_at_the_end() -> None:
    art = good_article()
    bad = art.model_copy(update={"body": art.body + " (abc/def)"})
    assert any(f"at character {len(art.body)}" in v for v in violations(bad))


def test_limit_caps_the_messages() -> None:
    text = " ".join(f"kata{i}" for i in range(500))
    found = violations(Article(text=text, lang="id", segments=[]), limit=5)
    # one uncovered gap only: the whole text
    assert len(found) == 1
    segs = [Segment(kind="noise", start=i, end=i, why="") for i in range(50)]
    found = violations(Article(text=text, lang="id", segments=segs), limit=5)
    assert len(found) == 6
    assert found[-1].startswith("... and ")


def test_linear_time_on_large_input() -> None:
    words = "Kota Lama berbenah menyambut musim hujan. " * 50_000  # about 2 MB
    segments = []
    paragraphs = []
    pos = 0
    step = len("Kota Lama berbenah menyambut musim hujan.")
    for _ in range(50_000):
        segments.append(Segment(kind="body", start=pos, end=pos + step, why="t"))
        paragraphs.append(Paragraph(text=words[pos : pos + step], span=Span(start=pos, end=pos + step)))
        pos += step + 1
    art = Article(
        text=words,
        lang="id",
        segments=segments,
        paragraphs=paragraphs,
        body="\n\n".join(p.text for p in paragraphs),
    )
    started = time.perf_counter()
    assert violations(art) == []
    assert time.perf_counter() - started < 5.0
