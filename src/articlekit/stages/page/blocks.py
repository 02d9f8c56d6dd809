"""Link blocks and noise around the story: headings over headlines, tab stacks, mega-menus, boxes inside the story."""

from __future__ import annotations

import bisect
from typing import Any

import regex

from ...draft import Draft, Findings, Line
from ..links import GATE_AFTER, may_hold_heading, meta_pattern
from .lines import LineKinds
from .rule_ids import BOX_HEADING, BOX_ITEM, CAPTION, EMPTY_HEADING, HEADING, ITEM, META, REGION, SPECIAL, TAB, TAGS
from .shapes import COUNT_LINE, CRUMB_SEPS, LIST_NUMBER, MENU_WORDS, SENTENCE_END, furniture, word_count

__all__ = ["LinkLists"]

# a sentence that ends and more that follows on the line: "Pemerintah menjanjikan bantuan. (Sumber: …)"
_SENTENCE_GOES_ON = regex.compile(r"\p{Ll}[.!?][\"”’]?[ \t\u00a0]+\S")
# a label and a colon opening a line: "Editor: Budi Santoso"
_LABEL = regex.compile(r"\p{L}+(?:[ \t\u00a0]\p{L}+)?[ \t\u00a0]*:")


class LinkLists(LineKinds):
    """Labels lines around the story: link blocks (a heading over headlines), tags, menus and noise."""

    def _boxes(self, draft: Draft, found: Findings, lines: list[Line], *, in_prose: bool = False) -> None:
        """A link box inside the story ("Related Coverage" and a few headlines, then the story goes on).

        ``in_prose``: the lines are a whole text that is no page (an extractor's output), so a box also
        needs the story's prose right above its heading, and an insert marker ("Read more:") is no box heading
        (the inserts stage's)."""
        if len(lines) > GATE_AFTER and not may_hold_heading(draft):
            return  # no line can be a listed heading (a page of many short lines: one test, not one per line)
        i = 0
        while i < len(lines):
            s = self._text(draft, lines[i])
            key = " ".join(s.casefold().rstrip(":").split())
            if in_prose and not self._between_sentences(draft, lines, i):
                i += 1
                continue
            if draft.locale.listed_heading(key):
                j = i + 1
                while j < len(lines) and j - i <= self.max_box_items and self.is_item(self._text(draft, lines[j])) \
                        and not self.is_prose(draft, self._text(draft, lines[j])) \
                        and not self._text(draft, lines[j]).rstrip().endswith(":") \
                        and not (in_prose and not self._prose_box_item(self._text(draft, lines[j]))):
                    j += 1
                # (the story goes on under it: a paragraph, or a short closing sentence, since the box
                # stands inside the story region)
                if j > i + 1 and j < len(lines) and (self.is_prose(draft, self._text(draft, lines[j]))
                                                     or self._closing_sentence(draft, self._text(draft, lines[j]))):
                    block = lines[i].lo
                    found.claim("link_block", lines[i].lo, lines[i].hi, BOX_HEADING, block=block,
                                role="heading", heading=s.strip())
                    for ln in lines[i + 1 : j]:
                        found.claim("link_block", ln.lo, ln.hi, BOX_ITEM, block=block, role="item",
                                    title=self._text(draft, ln).strip())
                    i = j
                    continue
                if (j == i + 1 < len(lines) and (word_count(s) >= 2 or s.rstrip().endswith(":"))
                        and self.is_prose(draft, self._text(draft, lines[j]))
                        and (in_prose or self._between_sentences(draft, lines, i))):
                    # a listed heading alone between two paragraphs, its headlines left out ("More:", "Most
                    # read in world news"): a widget's heading, not the story's (one word with no colon,
                    # "Trending", may be a subheading)
                    found.claim("noise", lines[i].lo, lines[i].hi, EMPTY_HEADING)
            i += 1

    def _prose_box_item(self, s: str) -> bool:
        """In an extractor's text, a box's headline has ``min_prose_item_words`` words or more, opens with no
        label and a colon (``Editor: Name`` is a credit) and holds no sentence that ends with more after it
        (``Pemerintah menjanjikan bantuan. (Sumber: …)``)."""
        return (len(s.split()) >= self.min_prose_item_words and not _LABEL.match(s)
                and not _SENTENCE_GOES_ON.search(s))

    def _between_sentences(self, draft: Draft, lines: list[Line], i: int) -> bool:
        """Line ``i`` stands between two of the story's sentences: no insert marker ("Read more:"), under a
        paragraph or a short sentence that closes, and no sentence goes on in the next lines after it (not
        "Terkait" ⏎ "PT Name" ⏎ ", the story goes on": a sentence broken at its links)."""
        s = self._text(draft, lines[i])
        if i == 0 or furniture(draft).marker_line.fullmatch(s):
            return False
        prev = self._text(draft, lines[i - 1])
        if not ((self.is_prose(draft, prev) or self._closing_sentence(draft, prev)) and SENTENCE_END.search(prev)):
            return False
        return all(t[:1].isupper() or t[:1].isdigit() or t[:1] in "\"“'‘(["
                   for t in (self._text(draft, ln) for ln in lines[i + 1 : i + 2 + self.max_box_items]))

    def _blocks(self, draft: Draft, found: Findings, lines: list[Line],
                special: dict[int, tuple[str, str, dict[str, Any]]], *, region: str) -> None:
        """Label ``lines``: special lines as given, heading + headlines as link blocks, the rest noise."""
        text = draft.text
        block: int | None = None
        kind = ""
        members: list[tuple[Line, str]] = []

        def flush() -> None:
            if block is None:
                return
            # a heading over menu entries with a stray long line or two is a menu, not a list of headlines
            # (judged on the first lines under it: a page's footer menu often ends the last block)
            head = [(ln, role) for ln, role in members if role not in ("heading", "tab")][: self.menu_window]
            n_items = sum(role == "item" for _, role in head)
            while n_items and head[-1][1] != "item":  # menu lines after the last headline are the page's, not the box's
                head.pop()
            menu = sum(role == "meta" and MENU_WORDS.fullmatch(text[ln.lo : ln.hi]) is not None for ln, role in head)
            # and the list starts right under the heading (not after a post's tag line, its previous/next
            # links and a comment count)
            lead = [role for _, role in members if role not in ("heading", "tab")]
            has_items = "item" in lead and lead.index("item") < self.max_lead_meta and not (
                menu >= self.menu_entries and menu > 2 * n_items)
            owners = self._tab_lists(draft, members)  # which heading each line's list belongs to
            for (ln, role), owner in zip(members, owners, strict=True):
                if kind == "tags" or not has_items:
                    found.claim("noise", ln.lo, ln.hi, TAGS if kind == "tags" else EMPTY_HEADING
                                if role == "heading" else REGION[region])
                elif role == "heading" or (role == "tab" and owner == ln.lo):
                    found.claim("link_block", ln.lo, ln.hi, HEADING if role == "heading" else TAB,
                                block=owner, role="heading", heading=" ".join(text[ln.lo : ln.hi].split()))
                elif role == "item":
                    found.claim("link_block", ln.lo, ln.hi, ITEM, block=owner, role="item",
                                title=text[ln.lo : ln.hi].strip())
                else:
                    found.claim("link_block", ln.lo, ln.hi, META, block=owner, role="meta")

        texts = [self._text(draft, ln) for ln in lines]
        footer = furniture(draft).footer
        items = [self.is_item(t) and word_count(t) >= self.block_item_words and not self.is_caption(draft, t)
                 and not self._mostly_date(draft, ln) and not footer.search(t) and not CRUMB_SEPS.search(t)
                 and not COUNT_LINE.fullmatch(t)
                 for t, ln in zip(texts, lines, strict=True)]
        counts: dict[str, int] = {}
        for t in texts:
            counts[t.casefold()] = counts.get(t.casefold(), 0) + 1
        texts_at = {ln.lo: t for ln, t in zip(lines, texts, strict=True)}
        open_keys = {w.casefold() for w in draft.locale.schema.links.open_headings}
        opened = {i for i, t in enumerate(texts[:-1]) if " ".join(t.casefold().split()) in open_keys
                  and word_count(texts[i + 1]) <= 3 and not items[i + 1] and i + 1 not in special}
        joined = {i + 1 for i in opened}
        mega = self._mega_menu(texts, items, special)
        link_meta = draft.locale.derived("links.meta", lambda: meta_pattern(draft.locale))
        metas = [bool(link_meta.fullmatch(t)) or self.timestamp(draft, ln) is not None
                 for t, ln in zip(texts, lines, strict=True)]
        # the page's copyright line closes any block open above it (the footer's menu under it is no block's)
        marks = sorted(c.start for c in draft.claims if c.kind == "noise" and c.why.endswith(":copyright")
                       and draft.line_at(c.start).lo == c.start)
        for i, ln in enumerate(lines):
            s = texts[i]
            if i > 0 and block is not None and marks:
                at = bisect.bisect_left(marks, lines[i - 1].hi)
                if at < len(marks) and marks[at] < ln.lo:
                    flush()
                    block, members = None, []
            if i in special:
                flush()
                block, members = None, []
                k, why, data = special[i]
                found.claim(k, ln.lo, ln.hi, SPECIAL[why], **data)  # type: ignore[arg-type]
                continue
            hk = self.heading_kind(draft, s) if counts[s.casefold()] < 3 else None  # "berita pilihan" x6: a label
            strong = self._strong(texts, items, i)
            if hk is None and i not in mega and (self._unnamed_heading(s, strong)
                                                 or self._unnamed_heading(s, self._dated(texts, items, metas, i))):
                # a short line over a list of headlines: "Info Keagamaan", "WHAT'S COOKING" (not the
                # last entry of a menu, over the headlines a mega-menu features)
                hk = "unnamed"
                if block is not None and kind == "heading" and all(role in ("heading", "tab") for _, role in members):
                    hk = None  # the first line under a heading still waiting for its list
                elif block is not None and any(texts_at[m.lo] == s for m, role in members if role == "meta"):
                    hk = None  # the line that opened this block's first list, opening the next ("+ indeks")
            if hk is not None and block is not None and i > 0 and LIST_NUMBER.fullmatch(texts[i - 1]):
                hk = None  # a channel label under a list number ("4" / "Hot" / headline)
            if i in joined and block is not None and members and members[0][0].hi == ln.hi:
                continue  # the second line of a heading printed over two lines
            if hk is not None:
                if (block is not None and kind == hk and hk != "unnamed"
                        and all(role == "heading" for _, role in members)):
                    members.append((ln, "tab"))  # a tab stack: the first heading names the list shown
                    continue
                flush()
                block, kind, members = ln.lo, hk, [(ln, "heading")]
                if i in opened:  # the heading goes on on the next line: one heading over two lines
                    members = [(Line(ln.index, ln.start, lines[i + 1].end, ln.lo, lines[i + 1].hi), "heading")]
                continue
            if block is not None:
                members.append((ln, "item" if items[i] else "meta"))
                continue
            if self.is_caption(draft, s) or (word_count(s) <= self.caption_words
                                             and any(c.search(s) for c in furniture(draft).credits)):
                found.claim("caption", ln.lo, ln.hi, CAPTION)
            else:
                found.claim("noise", ln.lo, ln.hi, REGION[region])
        flush()

    def _tab_lists(self, draft: Draft, members: list[tuple[Line, str]]) -> list[int]:
        """The block (its heading's offset) of each member. A tab stack ("Terpopuler", "Terkomentari")
        over several lists gives one block per list shown, in order: a list starts again where the
        line that opened the first list recurs ("+ indeks"), the numbering restarts at 1, or after a
        line another stage took (a "Selengkapnya" link closing the list)."""
        text = draft.text
        tabs = [ln.lo for ln, role in members if role in ("heading", "tab")]
        owners: list[int] = []
        marker: str | None = None
        current, last_number = 0, 0
        prev_hi = 0
        for ln, role in members:
            closed = len(tabs) > 1 and marker is not None and not draft.is_free(prev_hi, ln.lo)
            prev_hi = ln.hi
            if role in ("heading", "tab"):
                owners.append(ln.lo if len(tabs) > 1 else tabs[0])
                continue
            key = " ".join(text[ln.lo : ln.hi].casefold().split())
            number = int(key.rstrip(".")) if key.rstrip(".").isdigit() and len(key) <= 3 else None
            if marker is None:
                marker = key
            elif key == marker or (number == 1 and last_number > 1) or closed:
                current += 1
            if number is not None:
                last_number = number
            owners.append(tabs[min(current, len(tabs) - 1)])
        # tabs whose lists are not shown (no headline) are not headings: their lines go to the list before
        shown = {o for o, (_, role) in zip(owners, members, strict=True) if role == "item"} | {tabs[0]}
        last = tabs[0]
        for k, o in enumerate(owners):
            if o in shown:
                last = o
            else:
                owners[k] = last
        return owners

    def _strong(self, texts: list[str], items: list[bool], i: int) -> list[bool]:
        return [word_count(t) >= self.unnamed_item_words and items[i + 1 + k]
                for k, t in enumerate(texts[i + 1 : i + 1 + self.unnamed_items])]

    def _dated(self, texts: list[str], items: list[bool], metas: list[bool], i: int) -> list[bool]:
        """Like :meth:`_strong` for a list whose headlines each carry a date line ("Opini" / headline /
        "08/1/2026 05:10" / …): the headlines past the dates, when dates follow them; at most one of
        them may be short (a two-word column name)."""
        got: list[bool] = []
        dates = 0
        for k in range(i + 1, min(len(texts), i + 1 + 2 * self.unnamed_items + 2)):
            if metas[k]:
                dates += 1
                continue
            got.append(items[k] or word_count(texts[k]) <= 3)
            if len(got) == self.unnamed_items:
                break
        if (dates < 2 or len(got) < self.unnamed_items or not (i + 2 < len(texts) and metas[i + 2])
                or not items[i + 1] or metas[i + 1]):
            return []
        return got

    def _mega_menu(self, texts: list[str], items: list[bool], special: dict[int, Any]) -> set[int]:
        """Short lines over headlines that each close a run of menu lines, when the page repeats that
        shape (a mega-menu features a few headlines under the last entry of every section)."""
        found = set()
        for i, s in enumerate(texts):
            if (i >= 2 and all(word_count(texts[k]) <= 4 and not items[k] and k not in special for k in (i - 1, i - 2))
                    and self._unnamed_heading(s, self._strong(texts, items, i))):
                found.add(i)
        if len(found) < self.mega_sections:
            return set()
        # then every short line over headlines right under another short line is a menu entry
        return {i for i, s in enumerate(texts) if i >= 1 and word_count(texts[i - 1]) <= 5 and i - 1 not in special
                and self._unnamed_heading(s, self._strong(texts, items, i))}

    def _unnamed_heading(self, s: str, following: list[bool]) -> bool:
        n = word_count(s)
        return (1 <= n <= 4 and len(s) <= 40 and not SENTENCE_END.search(s) and len(following) >= self.unnamed_items
                and all(following) and not any(ch.isdigit() for ch in s) and not s.endswith(",")
                and s[:1].isupper())

    def _trailer(self, draft: Draft, found: Findings, lines: list[Line]) -> None:
        if not lines:
            return
        before = len(found.claims)
        self._blocks(draft, found, lines, {}, region="footer")
        if len(found.claims) > before:
            first = min(found.claims[before:], key=lambda c: c.start)
            index = found.claims.index(first)
            found.claims[index] = type(first)(first.kind, first.start, first.end, first.why,
                                              {**first.data, "ends_body": True})
