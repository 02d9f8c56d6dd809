"""The notebook view of an Article and the corpus summary."""

from __future__ import annotations

import html
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.display import KIND_COLORS, article_html, summarize

from .conftest import ROOT

PAGE = (ROOT / "examples" / "page.txt").read_text(encoding="utf-8")
_TEXT_BOX = re.compile(r'<div style="white-space:pre-wrap[^"]*">(.*)</div>(?:<ul|</div>$)', re.S)
_SPAN = re.compile(r'<span class="ak-[^"]*" data-kind="([^"]*)" data-why="([^"]*)" title="([^"]*)"[^>]*>(.*?)</span>',
                   re.S)


def _shown_text(view: str) -> str:
    """The page text as the view shows it: the text box without its tags, unescaped."""
    match = _TEXT_BOX.search(view)
    assert match is not None
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))


def test_every_segment_is_a_highlighted_span() -> None:
    art = articlekit.parse(PAGE)
    view = art._repr_html_()
    spans = _SPAN.findall(view)
    assert [(k, w) for k, w, _, _ in spans] == [(s.kind, s.why) for s in art.segments]
    for (_, _, title, shown), seg in zip(spans, art.segments, strict=True):
        assert html.unescape(shown) == art.segment_text(seg)
        assert html.unescape(title) == f"{seg.kind} · {seg.why} · [{seg.start}, {seg.end})"  # shown on hover
    assert _shown_text(view) == art.text  # lossless: nothing dropped, nothing added


def test_legend_and_headline() -> None:
    view = article_html(articlekit.parse(PAGE))
    for kind in ("outlet", "body", "insert", "attribution", "link_block"):
        assert f"{kind} " in view and KIND_COLORS[kind] in view
    assert "outlet <b>suara.com</b>" in view and "sources <b>Antara</b>" in view
    assert "caption" not in view.split("white-space:pre-wrap")[0]  # only the kinds present are in the legend


def test_page_text_is_escaped() -> None:
    text = 'JAKARTA - Warga menulis <script>alert("x")</script> & <b onclick="y">tebal</b>.\nBaca juga: A<i>b</i>'
    view = article_html(articlekit.parse(text))
    assert "<script" not in view and "<b onclick" not in view and "<i>" not in view
    assert "&lt;script&gt;" in view
    assert _shown_text(view) == text


def test_empty_article_and_notes() -> None:
    view = article_html(articlekit.parse("   "))
    assert "0 paragraphs" in view and "empty or whitespace-only text" in view


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*"ab <>&\"'\n\r\t\u00a0-:()", "Baca juga: ", "Suara.com - ", "JAKARTA - "]))
       .map("".join))
def test_view_shows_any_text_exactly(text: str) -> None:
    assert _shown_text(article_html(articlekit.parse(text))) == text


def _articles() -> list[articlekit.Article]:
    return [articlekit.parse(PAGE), articlekit.parse("JAKARTA - Harga naik.\nBaca juga: Harga turun"),
            articlekit.parse("Warga senang.")]


def test_summarize_counts() -> None:
    arts = _articles()
    s = summarize(iter(arts))  # any iterable, read once
    assert s.articles == 3
    assert s.outlets == {"suara.com": 1, None: 2}
    assert list(s.kind_segments) == [k for k in articlekit.KINDS if k in s.kind_segments]
    assert s.kind_segments["insert"] == 2 and s.kind_articles["insert"] == 2
    assert s.kind_articles["body"] == 3
    assert s.kind_chars == {k: sum(seg.end - seg.start for a in arts for seg in a.segments_of(k)) for k in s.kind_chars}
    assert s.segment_chars == sum(s.kind_chars.values()) <= s.text_chars == sum(len(a.text) for a in arts)
    assert sum(s.share.values()) == pytest.approx(1.0)
    assert sum(s.cut_share.values()) == pytest.approx(1.0) and "body" not in s.cut_share
    assert s.cut_chars == s.segment_chars - s.kind_chars["body"]


def test_summary_views() -> None:
    s = summarize(_articles())
    text = str(s)
    assert text.startswith("3 articles, ") and "outlets: (none) 2, suara.com 1" in text
    assert repr(s).startswith("Summary(articles=3,")
    data = json.loads(json.dumps(s.to_dict()))
    assert data["outlets"] == {"suara.com": 1, "": 2} and data["kinds"]["insert"]["segments"] == 2
    page = s._repr_html_()
    assert "articlekit-summary" in page and "<td" in page and KIND_COLORS["insert"] in page


def test_summarize_edge_cases() -> None:
    empty = summarize([])
    assert empty.articles == 0 and empty.share == {} and str(empty).startswith("0 articles")
    with pytest.raises(TypeError, match="Article"):
        summarize(["JAKARTA - Harga naik."])  # type: ignore[list-item]


def test_plot() -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    s = summarize(_articles())
    ax = s.plot()
    try:
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert set(labels) == set(s.cut_share) and "body" not in labels
        assert "cut characters" in ax.get_title()
        ax2 = s.plot(include_body=True)
        assert "body" in [t.get_text() for t in ax2.get_yticklabels()]
    finally:
        plt.close("all")
