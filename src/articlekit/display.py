"""Seeing what was cut: an HTML view of one article and a summary of many.

In a notebook an :class:`~articlekit.Article` shows itself with :func:`article_html`: the page
text as it came in, every segment highlighted by kind, a legend, and the rule id on hover. The
page text is HTML-escaped, so a page holding ``<script>`` shows it as text.

:func:`summarize` counts what a set of articles is made of (segments and characters per kind,
articles per outlet) and :meth:`Summary.plot` draws where the cut characters went
(matplotlib, ``pip install "articlekit[plot]"``).

>>> import articlekit
>>> arts = [articlekit.parse("JAKARTA - Harga cabai turun.\\nBaca juga: Harga bawang naik"),
...         articlekit.parse("Suara.com - Warga senang. (Sumber: Antara)")]
>>> s = articlekit.summarize(arts)
>>> s.articles, s.kind_segments["insert"], s.outlets
(2, 1, {'suara.com': 1, None: 1})
>>> print(s)  # doctest: +NORMALIZE_WHITESPACE
2 articles, 93 characters in segments, 62 cut (66.7%)
kind         segments  articles  chars  share
outlet              2         1     10  10.8%
dateline            2         1      8   8.6%
body                2         2     31  33.3%
insert              1         1     28  30.1%
attribution         1         1     16  17.2%
outlets: suara.com 1, (none) 1
"""

from __future__ import annotations

import html
import importlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .models import KINDS

if TYPE_CHECKING:
    from .models import Article

__all__ = ["KIND_COLORS", "Summary", "article_html", "summarize"]

#: Background colour of each segment kind in the HTML view and the plot.
KIND_COLORS: Mapping[str, str] = {
    "outlet": "#ffc078",
    "dateline": "#ffe066",
    "body": "#e9f5e9",
    "insert": "#b197fc",
    "attribution": "#74c0fc",
    "credit": "#66d9e8",
    "link_block": "#f783ac",
    "caption": "#8ce99a",
    "header": "#ced4da",
    "noise": "#ff8787",
}
_OTHER_COLOR = "#dee2e6"
_FONT = "font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; font-size: 13px;"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _headline(article: Article) -> str:
    parts: list[str] = []
    if article.outlet:
        parts.append(f"outlet <b>{_esc(article.outlet.domain)}</b>")
    if article.dateline and article.dateline.place:
        parts.append(f"place <b>{_esc(article.dateline.place)}</b>")
    if article.dateline and (article.dateline.date or article.dateline.partial):
        date = article.dateline.date.isoformat() if article.dateline.date else f"{article.dateline.partial} (no year)"
        parts.append(f"date <b>{_esc(str(date))}</b>")
    if article.attribution:
        parts.append(f"sources <b>{_esc(', '.join(article.attribution.sources))}</b>")
    counts = [(len(article.paragraphs), "paragraph"), (len(article.inserts), "insert"),
              (len(article.link_blocks), "link block"), (len(article.credits), "credit")]
    parts += [f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts if n or word == "paragraph"]
    parts.append(f"lang {_esc(article.lang)}")
    return " · ".join(parts)


def _legend(article: Article) -> str:
    seen: Counter[str] = Counter(seg.kind for seg in article.segments)
    chars: Counter[str] = Counter()
    for seg in article.segments:
        chars[seg.kind] += seg.end - seg.start
    order = [k for k in KINDS if k in seen] + sorted(k for k in seen if k not in KINDS)
    items = []
    for kind in order:
        color = KIND_COLORS.get(kind, _OTHER_COLOR)
        items.append(
            f'<span style="background:{color}; padding:1px 6px; margin-right:6px; border-radius:3px; '
            f'white-space:nowrap" title="{seen[kind]} segments, {chars[kind]} characters">'
            f"{_esc(kind)} {seen[kind]}</span>")
    return "".join(items)


def _marked_text(article: Article) -> str:
    text = article.text
    out: list[str] = []
    pos = 0
    for seg in sorted(article.segments, key=lambda s: (s.start, s.end)):
        start = max(seg.start, pos)
        if start >= seg.end:
            continue
        out.append(_esc(text[pos:start]))
        color = KIND_COLORS.get(seg.kind, _OTHER_COLOR)
        tip = f"{seg.kind} · {seg.why} · [{seg.start}, {seg.end})"
        out.append(
            f'<span class="ak-{_esc(seg.kind)}" data-kind="{_esc(seg.kind)}" data-why="{_esc(seg.why)}" '
            f'title="{_esc(tip)}" style="background:{color}; border-radius:2px">'
            f"{_esc(text[start:seg.end])}</span>")
        pos = seg.end
    out.append(_esc(text[pos:]))
    return "".join(out)


def article_html(article: Article) -> str:
    """The HTML view of an article: a one-line summary, a legend, the highlighted page text, notes.

    Every segment is a ``<span>`` coloured by kind, with ``data-kind``, ``data-why`` and a
    ``title`` (kind, rule id and offsets, shown on hover). All page text is escaped.

    >>> import articlekit
    >>> view = article_html(articlekit.parse("JAKARTA - Harga <b>cabai</b> turun."))
    >>> "&lt;b&gt;cabai&lt;/b&gt;" in view, "<b>cabai</b>" in view
    (True, False)
    >>> 'data-kind="dateline" data-why="prefix:' in view
    True
    """
    notes = "".join(f"<li>{_esc(n)}</li>" for n in article.notes)
    notes_html = f'<ul style="margin:6px 0 0 0; color:#868e96">{notes}</ul>' if notes else ""
    return (
        f'<div class="articlekit-article" style="{_FONT} line-height:1.55; max-width:60em">'
        f'<div style="margin-bottom:4px"><b>Article</b> · {_headline(article)}</div>'
        f'<div style="margin-bottom:6px; line-height:1.9">{_legend(article)}</div>'
        f'<div style="white-space:pre-wrap; overflow-wrap:anywhere; border:1px solid #dee2e6; '
        f'border-radius:4px; padding:8px 10px">{_marked_text(article)}</div>'
        f"{notes_html}</div>"
    )


# --------------------------------------------------------------------------- many articles


@dataclass(frozen=True)
class Summary:
    """What a set of articles is made of. Built by :func:`summarize`.

    ``kind_segments``, ``kind_chars`` and ``kind_articles`` give, per segment kind, the number of
    segments, the characters they cover and the number of articles with at least one.
    ``outlets`` counts articles per outlet domain (``None``: no outlet named). With
    ``summarize(..., by=...)``, ``groups`` holds one Summary per group (``by`` names the grouping).
    """

    articles: int
    text_chars: int
    kind_segments: Mapping[str, int]
    kind_chars: Mapping[str, int]
    kind_articles: Mapping[str, int]
    outlets: Mapping[str | None, int]
    notes: int
    by: str | None = None
    groups: Mapping[str | None, Summary] = field(default_factory=dict)

    @property
    def segment_chars(self) -> int:
        """Characters covered by segments (the text less the whitespace between segments)."""
        return sum(self.kind_chars.values())

    @property
    def cut_chars(self) -> int:
        """Characters in segments of every kind but ``body``."""
        return self.segment_chars - self.kind_chars.get("body", 0)

    @property
    def share(self) -> dict[str, float]:
        """Each kind's share of the characters in segments (sums to 1)."""
        total = self.segment_chars
        return {k: (n / total if total else 0.0) for k, n in self.kind_chars.items()}

    @property
    def cut_share(self) -> dict[str, float]:
        """Where the cut characters went: each non-body kind's share of :attr:`cut_chars`."""
        total = self.cut_chars
        return {k: (n / total if total else 0.0) for k, n in self.kind_chars.items() if k != "body"}

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready; the no-outlet key is ``""``)."""
        return {
            "articles": self.articles,
            "text_chars": self.text_chars,
            "segment_chars": self.segment_chars,
            "cut_chars": self.cut_chars,
            "kinds": {k: {"segments": self.kind_segments[k], "chars": self.kind_chars[k],
                          "articles": self.kind_articles[k], "share": round(self.share[k], 6)}
                      for k in self.kind_chars},
            "outlets": {(k or ""): n for k, n in self.outlets.items()},
            "notes": self.notes,
            **({"by": self.by, "groups": {(k or ""): g.to_dict() for k, g in self.groups.items()}}
               if self.groups else {}),
        }

    def _rows(self) -> list[tuple[str, int, int, int, str]]:
        share = self.share
        return [(k, self.kind_segments[k], self.kind_articles[k], self.kind_chars[k], f"{share[k]:.1%}")
                for k in self.kind_chars]

    def _headline(self) -> str:
        cut = self.cut_chars / self.segment_chars if self.segment_chars else 0.0
        return (f"{self.articles} article{'' if self.articles == 1 else 's'}, {self.segment_chars:,} characters "
                f"in segments, {self.cut_chars:,} cut ({cut:.1%})")

    def _outlet_list(self, limit: int = 20) -> str:
        items = [f"{k or '(none)'} {n}" for k, n in list(self.outlets.items())[:limit]]
        more = len(self.outlets) - limit
        return ", ".join(items) + (f", … {more} more" if more > 0 else "")

    def __str__(self) -> str:
        rows = [("kind", "segments", "articles", "chars", "share"),
                *[(k, f"{s:,}", f"{a:,}", f"{c:,}", sh) for k, s, a, c, sh in self._rows()]]
        widths = [max(len(r[i]) for r in rows) for i in range(5)]
        lines = [self._headline()]
        for r in rows:
            lines.append(f"{r[0]:<{max(widths[0], 11)}}  " + "  ".join(f"{r[i]:>{widths[i]}}" for i in range(1, 5)))
        if self.outlets:
            lines.append(f"outlets: {self._outlet_list()}")
        if self.notes:
            lines.append(f"notes: {self.notes}")
        if self.groups:
            lines.append(self._group_table())
        return "\n".join(lines)

    def _group_table(self) -> str:
        """One line per group: articles, characters cut, and each kind's share of its cut characters."""
        kinds = [k for k in self.kind_chars if k != "body"]
        head = [str(self.by or "group"), "articles", "cut", *kinds]
        rows = [head]
        for key, g in self.groups.items():
            cut = g.cut_chars / g.segment_chars if g.segment_chars else 0.0
            share = g.cut_share
            rows.append([str(key) if key is not None else "(none)", f"{g.articles:,}", f"{cut:.1%}",
                         *(f"{share.get(k, 0.0):.1%}" for k in kinds)])
        widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
        return "\n".join(f"{r[0]:<{widths[0]}}  " + "  ".join(f"{r[i]:>{widths[i]}}" for i in range(1, len(head)))
                         for r in rows)

    def __repr__(self) -> str:
        cut = self.cut_chars / self.segment_chars if self.segment_chars else 0.0
        return (f"Summary(articles={self.articles}, kinds={len(self.kind_chars)}, "
                f"outlets={len(self.outlets)}, cut={cut:.1%})")

    def _repr_html_(self) -> str:
        head = "".join(f'<th style="text-align:{a}; padding:2px 8px">{h}</th>'
                       for h, a in (("kind", "left"), ("segments", "right"), ("articles", "right"),
                                    ("chars", "right"), ("share", "right")))
        body = []
        for kind, segs, arts, chars, share in self._rows():
            swatch = (f'<span style="display:inline-block; width:0.9em; height:0.9em; margin-right:5px; '
                      f'vertical-align:middle; background:{KIND_COLORS.get(kind, _OTHER_COLOR)}"></span>')
            cells = "".join(f'<td style="text-align:right; padding:2px 8px">{v}</td>'
                            for v in (f"{segs:,}", f"{arts:,}", f"{chars:,}", share))
            body.append(f'<tr><td style="padding:2px 8px">{swatch}{_esc(kind)}</td>{cells}</tr>')
        outlets = f"<div>outlets: {_esc(self._outlet_list())}</div>" if self.outlets else ""
        notes = f"<div>notes: {self.notes}</div>" if self.notes else ""
        return (f'<div class="articlekit-summary" style="{_FONT}"><div><b>{_esc(self._headline())}</b></div>'
                f'<table style="border-collapse:collapse"><thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(body)}</tbody></table>{outlets}{notes}</div>")

    def plot(self, ax: Any = None, *, include_body: bool = False) -> Any:
        """A horizontal bar chart of where the cut characters went (share per kind); returns the Axes.

        ``include_body=True`` plots every kind's share of all segment characters instead. A
        grouped summary (``summarize(..., by=...)``) draws one stacked bar per group, side by
        side, so the groups compare at a glance. Needs matplotlib (``pip install "articlekit[plot]"``).
        """
        try:
            plt = importlib.import_module("matplotlib.pyplot")
        except ImportError as exc:
            raise ImportError('Summary.plot() needs matplotlib: pip install "articlekit[plot]"') from exc
        if self.groups:
            return self._plot_groups(plt, ax, include_body)
        shares = self.share if include_body else self.cut_share
        kinds = [k for k in shares if shares[k] > 0][::-1]
        if ax is None:
            _, ax = plt.subplots(figsize=(6, 0.4 * max(len(kinds), 1) + 1.2))
        values = [100 * shares[k] for k in kinds]
        ax.barh(kinds, values, color=[KIND_COLORS.get(k, _OTHER_COLOR) for k in kinds], edgecolor="#495057")
        for y, v in enumerate(values):
            ax.text(v, y, f" {v:.1f}%", va="center", fontsize=9)
        ax.set_xlabel("% of all characters in segments" if include_body else "% of the cut characters")
        what = "Where the characters went" if include_body else "Where the cut characters went"
        ax.set_title(f"{what} ({self.articles} articles, {self.cut_chars:,} cut characters)")
        ax.set_xlim(0, max([*values, 1.0]) * 1.18)
        ax.spines[["top", "right"]].set_visible(False)
        return ax

    def _plot_groups(self, plt: Any, ax: Any, include_body: bool) -> Any:
        kinds = [k for k in self.kind_chars if include_body or k != "body"]
        groups = list(self.groups.items())
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 0.45 * max(len(groups), 1) + 1.6))
        labels = [f"{key if key is not None else '(none)'} ({g.articles})" for key, g in groups]
        left = [0.0] * len(groups)
        for kind in kinds:
            values = [100 * (g.share if include_body else g.cut_share).get(kind, 0.0) for _, g in groups]
            ax.barh(labels, values, left=left, color=KIND_COLORS.get(kind, _OTHER_COLOR), edgecolor="#495057",
                    linewidth=0.5, label=kind)
            left = [a + b for a, b in zip(left, values, strict=True)]
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_xlabel("% of all characters in segments" if include_body else "% of the cut characters")
        ax.set_title(f"Where the {'' if include_body else 'cut '}characters went, by {self.by or 'group'}")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        return ax


def summarize(articles: Iterable[Article], *, by: str | Iterable[object] | None = None) -> Summary:
    """Count what a set of articles is made of: per kind (segments, characters, articles) and per outlet.

    Reads ``articles`` once (a generator is fine). Kinds come in the order of
    :data:`~articlekit.KINDS`; outlets by number of articles, most first.

    ``by`` groups them as well (``Summary.groups``, a table per group in ``print`` and side by
    side in ``.plot()``): ``"outlet"`` (the outlet the text names, by domain), ``"site"`` (the
    URL's domain), ``"lang"``, or one label per article in input order, such as a carried field
    (``by=[r["source"] for r in records]``, ``by=frame["source"]``).
    """
    if by is None:
        return _summarize(articles)
    if isinstance(by, str):
        if by not in _BY:
            raise ValueError(f"by={by!r}: give 'outlet', 'site' or 'lang', or one label per article "
                             "(for a carried field: by=[record['field'] for record in records])")
        key = _BY[by]
        name = by
        keyed = [(key(a), a) for a in articles]
    else:
        name = str(getattr(by, "name", None) or "group")
        arts = list(articles)
        labels = list(by.tolist() if hasattr(by, "tolist") else by)
        if len(labels) != len(arts):
            raise ValueError(f"by= has {len(labels)} labels for {len(arts)} articles: give one label per article")
        keyed = list(zip(labels, arts, strict=True))
    total = _summarize(a for _, a in keyed)
    members: dict[object, list[Article]] = {}
    for label, art in keyed:
        members.setdefault(None if label is None or label != label else label, []).append(art)
    order = sorted(members, key=lambda k: (-len(members[k]), k is None, str(k)))
    groups = {(None if k is None else str(k)): _summarize(members[k]) for k in order}
    return Summary(**{**total.__dict__, "by": str(name), "groups": groups})


_BY: dict[str, Any] = {
    "outlet": lambda a: a.outlet.domain if a.outlet else None,
    "site": lambda a: a.site,
    "lang": lambda a: a.lang,
}


def _summarize(articles: Iterable[Article]) -> Summary:
    from .models import Article

    segs: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    arts: Counter[str] = Counter()
    outlets: Counter[str | None] = Counter()
    n = text_chars = notes = 0
    for art in articles:
        if not isinstance(art, Article):
            raise TypeError(f"summarize() takes Article objects, got {type(art).__name__}")
        n += 1
        text_chars += len(art.text)
        notes += len(art.notes)
        outlets[art.outlet.domain if art.outlet else None] += 1
        kinds = set()
        for seg in art.segments:
            segs[seg.kind] += 1
            chars[seg.kind] += seg.end - seg.start
            kinds.add(seg.kind)
        arts.update(kinds)
    order = [k for k in KINDS if k in segs] + sorted(k for k in segs if k not in KINDS)
    return Summary(
        articles=n,
        text_chars=text_chars,
        kind_segments={k: segs[k] for k in order},
        kind_chars={k: chars[k] for k in order},
        kind_articles={k: arts[k] for k in order},
        outlets=dict(sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0] or "\uffff"))),
        notes=notes,
    )
