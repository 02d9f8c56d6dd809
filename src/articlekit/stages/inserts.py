"""Inserts: ``Baca juga: <headline>`` and its relatives, wherever they stand.

Layouts: a line of its own (``Baca juga: <headline>``), a bare marker whose headline was
lost (``Baca Juga`` → headline ``""``), in parentheses (``(Baca: <headline>)``), and glued
into running text (``...terjadi.BACA JUGA: <headline> Pada akhir ...``). Where newlines
were lost, the headline ends where the next sentence begins: a capitalised word followed by
a lower-case word that is not one of the locale's headline small words, a quote, a double
space, another marker or a credit label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from ..draft import Draft, Findings
from ..rulebook import define_rule
from ..rules import Locale, Marker
from ..scanning import LiteralGate, line_starts_before, matches_at, required_literals, starts

__all__ = ["Inserts"]

# The layouts an insert is found in. A claim's ``why`` is the layout's rule, then ``/`` and the id of
# the locale's [[inserts.marker]] that matched: ``inserts:line/baca-juga``.
LINE = define_rule("inserts:line", "insert", "a marker and its headline on a line of their own: 'Baca juga: …'")
NEXT_LINE = define_rule("inserts:next-line", "insert", "a marker alone on its line, its headline on the next line")
BARE = define_rule("inserts:bare", "insert", "a marker alone on its line whose headline was lost (headline '')")
LIST = define_rule("inserts:list", "insert", "a marker over a bulleted list of headlines: one insert each")
BOX = define_rule("inserts:box", "insert", "a marker over several headlines, glued or one per line: one insert each")
PAREN = define_rule("inserts:paren", "insert", "a marker and headline in parentheses closing a paragraph: '(Baca: …)'")
INLINE = define_rule("inserts:inline", "insert",
                     "a marker glued into running text; the headline ends where the next sentence begins")
RUNON = define_rule("inserts:runon", "insert",
                    "a marker line whose headline runs on into the next paragraph (newlines lost)")

_SP = r"[ \t\u00a0\u202f\u200b\ufeff]"  # narrow and zero-width spaces too ("\u200b\u200bBaca juga: …")
_BLANK = " \t\u00a0\u202f\u200b\ufeff"  # the characters of _SP
_TOKEN = regex.compile(r"\S+")
_SENTENCE_END = regex.compile(r"[.!?]\Z")
_SUBHEAD = regex.compile(r"\d{1,2}[.)][ \t]|\p{L}+:[ \t]")
_LIST_NUMBER = regex.compile(r"\d{1,2}[.)]")
_QUOTE = regex.compile(r"[\"“]")
_STORY_SENTENCE = regex.compile(r"\p{Ll}[.][\"”’]?[ \t\u00a0]+\p{Lu}")  # a sentence ends and the next begins
# initials closing the line after a headline: "(dra)", "(kpl/sjn)"
_TRAILING_CODE = regex.compile(r"[ \t\u00a0]+\([\p{Ll}*][\p{Ll}\d]{0,7}(?:/[\p{Ll}\d\-.]{1,20}){0,3}\)[ \t\r]*$",
                               regex.MULTILINE)
_COLON = regex.compile(r"[:\-–—>»⇒→]")
# what stands between a marker and its headline: a colon or a dash, or arrows ("BACA JUGA >> …", "Baca juga ⇒ …")
_MARK_SEP = r"[:\-–—>»⇒→]+"
# a bullet before a marker at a line start: "» Baca juga: …", ">> Baca juga: …", "*Baca juga: …"
_BULLETS = "»>*•·▶►"
_LEAD_BULLET = rf"(?:[{_BULLETS}]{{1,3}}[ \t\u00a0]*)"
# a bulleted headline under a marker: "- Judul berita", "• Judul berita"
_BULLET_ITEM = regex.compile(r"[ \t\u00a0]*[-–—•*·»][ \t\u00a0]+(?=\S)")
# a gap between paragraphs where newlines were lost: two spaces, a longer run, or a tab ("ajak \u00a0mahasiswa",
# one space and a no-break space, is how a page writes a single space)
_RUN_GAP = regex.compile(r"\S(?: {2,}|[ \u00a0]{3,}|\t)\S")
_SEAM = regex.compile(r"(?<=\p{Ll}{2})(?=\p{Lu}\p{Ll})")  # "RusiaKemudian": two words glued together
_NAME_WORD = regex.compile(r"\p{Lu}\p{Ll}+")  # a capitalised word of a name ("Gus", "Yahya"), not "PBNU"
_GAP = regex.compile(r"\S(?: {2,}|[ \u00a0]{3,}|\t)")
# the story's sentences (a headline may ask a question: "Kok Bisa? Ternyata Ini Alasannya")
_CLAUSE_END = regex.compile(r"[.;:][ \t\u00a0\u202f]+\S|\.[ \t\u00a0\u202f\r]*\Z")
# after a marker's colon, where two glued headlines meet: a word of five letters or more runs into a
# capitalised one ("…Perannya IkonikPotret …"), or a question or a bracket closes ("…?Deretan", "(part 2)Resep");
# names written in camel case ("WhatsApp", "GrabFood", "McMoRan", "iQoo") are no seam
_BOX_SEAM = regex.compile(r"(?<=\p{Ll}{5})(?=\p{Lu}\p{Ll}{3})|(?<=[?!)])(?=\p{Lu})")
_CAPITALISED = regex.compile(r"[\p{Lu}\d]")
# where two glued headlines meet: "…HijauProyek …", "…HGBTPrabowo …", "…Apa Itu?Mengenal …"
_GLUED_BOX = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll}{2})|(?<=[?!)])(?=\p{Lu})")


def _common_word(text: str, word: str, at: int) -> bool:
    """Is the capitalised ``word`` at ``at`` a common word, not a name? The page writes it in lower case
    inside a sentence, and nowhere else capitalised inside one (a title such as "Wali Kota" is)."""
    low = regex.compile(rf"(?<=\p{{Ll}}[ \t\u00a0]){regex.escape(word.lower())}(?!\p{{L}})")
    if low.search(text) is None:
        return False
    cap = regex.compile(rf"(?<=\p{{Ll}}[ \t\u00a0]){regex.escape(word)}(?!\p{{L}})")
    return all(m.start() == at for m in cap.finditer(text))


def _quoted_term(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """The quotation opening at token ``i`` closes within four words with no sentence mark inside:
    a quoted term of the headline (``OJK usulkan "family office" di …``), not a quoted sentence."""
    for k in range(i, min(i + 4, len(tokens))):
        tok = tokens[k][2].rstrip(",:;")
        if (k > i or len(tok) > 1) and tok[-1:] in "\"”":
            return tok[-2:-1] not in ".,!?"
        if k > i and tok[-1:] in ".,!?":
            return False
    return False


def _goes_on_below(draft: Draft, i: int) -> bool:
    """Line ``i`` is a sentence a link broke over lines, not a headline: the next non-blank line opens
    in lower case (``… peralihan menuju`` / ``energi bersih``), or is a short link's words and the one
    after it opens in lower case (``… gagal panen di`` / ``Brasil`` / ``dan Vietnam …``)."""
    lines = draft.lines
    seen = 0
    for j in range(i + 1, min(i + 5, len(lines))):
        if lines[j].blank:
            continue
        nxt = draft.text[lines[j].lo : lines[j].hi].strip()
        if nxt[:1].islower():
            return True
        seen += 1
        if seen == 2 or len(nxt.split()) > 3 or nxt.endswith((".", "!", "?", ":")):
            return False
    return False


def _title_case(piece: str) -> bool:
    """Most words capitalised, the first one too: a headline in Title Case, not a sentence."""
    words = piece.split()
    if not words or not _CAPITALISED.match(words[0]):
        return False
    return sum(1 for w in words if _CAPITALISED.match(w)) >= 0.6 * len(words)


@dataclass(frozen=True)
class _Compiled:
    marker: Marker
    line: Any
    inline: Any
    box: Any
    word: Any
    """The marker alone (``None`` for a user's marker): every match of the others starts where it matches."""


@dataclass(frozen=True)
class _Patterns:
    markers: tuple[_Compiled, ...]
    credit: Any
    another: Any
    paren: Any
    """``(Baca juga: <headline>)``: any marker that may stand inside a line, in parentheses, with a colon."""
    paren_markers: tuple[Marker, ...]
    stop: Any
    """Where a headline ends wherever it stands (the locale's ``[inserts.headline] stops``)."""


def _compile(locale: Locale) -> _Patterns:
    out = []
    for mk in locale.markers:
        # locale.compile: timed when the markers come from a user's locale file
        line = locale.compile(
            rf"^{_SP}*(?P<b>{_LEAD_BULLET})?(?P<m>{mk.pattern})(?P<c>{_SP}*{_MARK_SEP}{_SP}*|{_SP}+|(?={_SP}*\r?$))",
            regex.MULTILINE,
            rule=mk.id, timeout=mk.timeout,
        )
        # ``(?=marker)`` first: the lookbehind's ``{_SP}*`` would otherwise scan back over a run of
        # spaces at every position inside it (quadratic); the lookahead changes no match
        inline = locale.compile(
            rf"(?=(?:{mk.pattern}))(?:(?<=[.!?\"”’)\]]{_SP}*)|(?<=\p{{Ll}})|(?<={_SP}{{2}})|(?<=[-–—:;+]{_SP}?)"
            rf"|(?<=[\p{{L}}\p{{N}}]{_SP}))(?P<m>{mk.pattern})"
            rf"(?P<c>{_SP}*{_MARK_SEP}{_SP}*)", rule=mk.id, timeout=mk.timeout,
        )
        box = locale.compile(
            rf"(?=(?:{mk.pattern}))(?:(?<=[.!?\"”’)\]]{_SP}*)|(?<=\p{{Ll}})|(?<=\n))(?P<m>{mk.pattern})(?=[\p{{Lu}}\p{{N}}][\p{{L}}\p{{N}}\-]*:?{_SP})",
            rule=mk.id, timeout=mk.timeout,
        )
        # a bundled marker without anchors gates the three scans (a user's marker is timed: it scans on its own)
        plain = mk.timeout is None and locale.pattern_timeout is None and not regex.search(r"[\^$]", mk.pattern)
        # a line-only marker is looked for at line starts only (one cheap anchored scan)
        word = rf"^{_SP}*(?:{mk.pattern})" if mk.line_only else mk.pattern
        out.append(_Compiled(mk, line, inline, box, regex.compile(word, regex.MULTILINE) if plain else None))
    labels = "|".join(regex.escape(x) for x in sorted(locale.tail.credit_labels, key=len, reverse=True))
    credit = regex.compile(rf"(?:{labels}){_SP}*:", regex.IGNORECASE) if labels else regex.compile(r"(?!)")
    another = (locale.compile(rf"(?:{locale.marker_alt}){_SP}*[:\-–—]", rule="inserts.marker")
               if locale.markers else regex.compile(r"(?!)"))
    inside = tuple(mk for mk in locale.markers if not mk.line_only)
    alts = "|".join(f"(?P<m{i}>{mk.pattern})" for i, mk in enumerate(inside))
    # in parentheses or square brackets, the same bracket closing it: "(Baca: …)", "[Baca juga: …]"
    paren = (locale.compile(rf"(?:\({_SP}*(?:{alts}){_SP}*:{_SP}*(?P<h>[^()\n]{{3,200}})\)"
                            rf"|\[{_SP}*(?:{alts}){_SP}*:{_SP}*(?P<h>[^\[\]\n]{{3,200}})\])", rule="inserts.marker")
             if inside else regex.compile(r"(?!)"))
    stops = locale.schema.inserts.headline.stops
    stop = (locale.compile("|".join(f"(?:{x})" for x in stops), rule="inserts.headline.stops")
            if stops else regex.compile(r"(?!)"))
    return _Patterns(tuple(out), credit, another, paren, inside, stop)


@dataclass(frozen=True)
class Inserts:
    """Finds inserts; each claim holds its label and headline."""

    name: str = "inserts"
    max_line_headline: int = 250
    max_headline_words: int = 16
    min_box_words: int = 5
    max_box_headlines: int = 8
    max_box_headline_words: int = 25

    @staticmethod
    def _patterns(locale: Locale) -> _Patterns:
        return locale.derived("inserts", lambda: _compile(locale))

    # ------------------------------------------------------------------ headline ends

    @staticmethod
    def _headline_case(draft: Draft) -> str:
        """The headline case of the outlet named at the body start (``""`` when unknown)."""
        for claim in draft.claims_of("outlet"):
            outlet_id = claim.data.get("outlet_id")
            if outlet_id:
                entry = draft.outlets.lookup(str(claim.data.get("domain") or ""))
                if entry is not None and entry.id == outlet_id:
                    return entry.headline_case
        return ""

    def _scan_headline(self, draft: Draft, start: int, limit: int, another: Any, credit: Any, case: str) -> int:
        """Where a headline starting at ``start`` ends, in running text (newlines lost).

        Title-Case headlines end before the capitalised word that starts the next sentence
        (the first lower-case word that is not a headline small word shows it began). A
        headline in sentence case ("Harga emas dunia tertekan ...") ends at a quote, a full
        stop, or a capitalised word that follows a lower-case one and is followed by one.
        """
        text = draft.text
        stop = draft.free_until(start, limit)  # a headline runs on no further than the next claimed piece
        for pat in (another, credit):
            m = pat.search(text, start, stop)  # up to the next marker: linear however many inserts a line holds
            if m:
                stop = min(stop, m.start())
        gap = _GAP.search(text, start, stop)
        if gap:
            stop = gap.start() + 1
        code = _TRAILING_CODE.search(text, start, stop)  # initials closing the line are the tail's
        if code:
            stop = code.start()
        small = draft.locale.small_words
        words = draft.locale.schema.inserts.headline
        starters = draft.locale.derived("sentence-starters", lambda: frozenset(
            w.casefold() for w in words.sentence_starters))
        reporting = draft.locale.derived("reporting-verbs", lambda: frozenset(
            w.casefold() for w in words.reporting_verbs))
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, stop)]
        if not tokens:
            return start
        # what runs up to another marker, a credit label or a claimed piece within a headline's length
        # is the headline: no paragraph fits between ("… membangun Batam lebih baik Pewarta: …")
        bounded = stop < limit and len(tokens) <= self.max_headline_words

        def is_small(tok: str) -> bool:
            return tok.casefold().strip(",.:;!?\"'()") in small

        def lower(tok: str) -> bool:
            return tok[0].islower() and not is_small(tok)

        # the first word after the first that is neither a number nor a small word tells the case
        first = next((t[2] for t in tokens[1:] if t[2][0].isalpha() and not is_small(t[2])), "")
        sentence_case = case == "sentence" or (not case and bool(first) and first[0].islower())
        for i in range(1, len(tokens)):
            tok = tokens[i][2]
            prev = tokens[i - 1][2]
            seam = _SEAM.search(tok)
            if seam and tok[seam.start() :].strip(",.:;").casefold() in starters:
                return tokens[i][0] + seam.start()  # "… Melawan RusiaKemudian pada 2005, …": glued on
            if tok[0] in "\"“" and i >= 2 and not _quoted_term(tokens, i):
                return tokens[i - 1][1]  # a quotation opens the story's next paragraph
            if (_SENTENCE_END.search(prev) and (tok[0].isupper() or tok[0].isdigit()) and i >= 2
                    and not (i <= 3 and prev[-1] in "?!")):
                # (a question or a cry of three words or fewer opens the headline: "Minat investasi? SBR005 …")
                return tokens[i - 1][1]
            if _LIST_NUMBER.fullmatch(tok) and i >= 2:
                return tokens[i - 1][1]  # "… Ayat 82 3. Menyembuhkan …": a numbered item begins
            if not sentence_case and lower(tok):
                # the sentence began at the nearest capitalised word before this one
                j = i - 1
                while j > 0 and is_small(tokens[j][2]) and not tokens[j][2][0].isupper():
                    j -= 1
                cut = j - 1 if j >= 1 and tokens[j][2][0].isupper() else i - 1
                # over numbers back to a sentence opener: "… Komite Hak Anak PBB Sebanyak 28 warga …"
                k = i - 1
                while k > 0 and tokens[k][2][0].isdigit():
                    k -= 1
                if k < i - 1 and k >= 2 and tokens[k][2].strip(",.:;").casefold() in starters:
                    cut = k - 1
                if cut >= 2 and not tokens[cut][2].endswith((":", ",")):
                    return tokens[cut][1]
                # a headline of one or two words, or one ending in a colon, is no headline: the
                # capitals were names in a sentence-case headline ("Fadli Zon serahkan bantuan …")
                sentence_case = True
            if sentence_case:
                if i >= 2 and tok[0].isupper() and tok.strip(",.:;").casefold() in starters and not bounded:
                    return tokens[i - 1][1]  # "… jadi Waspada Hal tersebut …": a sentence begins
                if tok.casefold() in reporting:
                    # "… di jajaran PBNU Gus Yahya berharap …": the name before the verb begins it
                    k = i
                    while k > 0 and i - k < 2 and _NAME_WORD.fullmatch(tokens[k - 1][2]):
                        k -= 1
                    if k < i and k >= 3:
                        return tokens[k - 1][1]
                nxt = tokens[i + 1][2] if i + 1 < len(tokens) else ""
                word = tok.rstrip(",;:")
                # a plain capitalised word between lower-case ones, past the first five words (a name
                # early on is the headline's subject: "Mikel Arteta meminta Arsenal menikmati …")
                starts = word.isalpha() and word[0].isupper() and not word.isupper() and prev[0].islower()
                if i >= 5 and not bounded and starts and (tok.endswith(",") or (nxt and lower(nxt))):
                    return tokens[i - 1][1]  # "… kemenangan Arsenal langsung tampil …"
                if (i >= 3 and not bounded and word.isalpha() and len(word) >= 3 and word[0].isupper()
                        and not word.isupper() and nxt and lower(nxt) and _common_word(text, word, tokens[i][0])):
                    return tokens[i - 1][1]  # "… selama libur Nataru Jadwal dan daftar tarif …": "jadwal" is no name
        return tokens[-1][1]

    def _headline(self, draft: Draft, start: int, end: int) -> tuple[str, int]:
        """The headline text in ``[start, end)``, quotes and trailer words removed."""
        text = draft.text
        cut = self._patterns(draft.locale).stop.search(text, start, end)
        if cut:  # "<headline> Foto/Instagram @akun": the photo's credit stays in the insert, not in its headline
            end = cut.start()
        raw = text[start:end].strip()
        if raw[:1] in "\"“'‘":
            # a quoted title, which may hold quotes of its own: up to the last closing quote
            close = max(raw.rfind(c) for c in "\"”'’")
            if close > 1:
                return raw[1:close].strip(), end
        for word in draft.locale.schema.inserts.trailers.words:
            if raw.endswith(word):
                raw = raw[: -len(word)].rstrip()
        return raw.strip(" \t\u00a0|"), end

    # ------------------------------------------------------------------ stage

    def __call__(self, draft: Draft) -> Findings:
        found = draft.findings(self.name)
        text = draft.text
        pats = self._patterns(draft.locale)
        case = self._headline_case(draft)  # once: it reads the claims
        compiled, credit, another = pats.markers, pats.credit, pats.another
        # one scan for the literals the marker words need: a marker whose word is not in the text is skipped
        live = draft.locale.derived("inserts-literals", lambda: LiteralGate(
            {"paren": required_literals(pats.paren),
             **{str(i): required_literals(c.word) for i, c in enumerate(compiled) if c.word is not None}})).live(text)
        for m in pats.paren.finditer(text) if "paren" in live else ():
            mk = next(mk for i, mk in enumerate(pats.paren_markers) if m.group(f"m{i}") is not None)
            lo = m.start()
            while lo > 0 and text[lo - 1] in " \t\u00a0":  # the spaces before it go with it
                lo -= 1
            found.claim("insert", lo, m.end(), f"{PAREN}/{mk.id}", label=mk.label, headline=m["h"].strip())
        for k, comp in enumerate(compiled):
            mk = comp.marker
            if comp.word is None:
                line_matches, box_matches, inline_matches = (
                    comp.line.finditer(text), comp.box.finditer(text), comp.inline.finditer(text))
            else:  # try the three shapes only where the marker word stands
                at = starts(comp.word, text) if str(k) in live else []
                if not at:
                    continue
                line_matches = matches_at(comp.line, text, line_starts_before(text, at, _BLANK + _BULLETS))
                box_matches, inline_matches = matches_at(comp.box, text, at), matches_at(comp.inline, text, at)
            for m in line_matches:
                self._from_line(draft, found, comp, m, credit, another, case)
            if mk.line_only:
                continue
            if mk.bare:
                for m in box_matches:
                    if found.is_free(m.start(), m.end()):
                        line_end = draft.line_at(m.end()).end  # (text.find("\n") per marker: quadratic on one line)
                        self._glued_box(draft, found, mk, m.start(), m.end(), line_end)
            for m in inline_matches:
                if not found.is_free(m.start(), m.end()):
                    continue
                line_end = draft.line_at(m.end()).end
                h_end = self._scan_headline(draft, m.end(), line_end, another, credit, case)
                headline, _ = self._headline(draft, m.end(), h_end)
                if headline:
                    found.claim("insert", m.start(), h_end, f"{INLINE}/{mk.id}", label=mk.label, headline=headline)
        return found

    @staticmethod
    def _next_line_headline(draft: Draft, found: Findings, pos: int) -> tuple[int, int] | None:
        """The next non-blank line when it reads as a headline (short, no closing full stop)."""
        lines = draft.lines
        for i in range(draft.line_at(pos).index + 1, len(lines)):  # not a slice: no copy per marker
            ln = lines[i]
            if ln.blank:
                continue
            s = draft.text[ln.lo : ln.hi]
            if not found.is_free(ln.lo, ln.hi) or len(s.split()) > 20 or s.endswith(".") or s.endswith(":"):
                return None
            return ln.lo, ln.hi
        return None

    @staticmethod
    def _bullet_lines(draft: Draft, found: Findings, pos: int) -> list[tuple[int, int, int]]:
        """Bulleted headline lines right after ``pos`` (``- Judul``, ``• Judul``): ``(line start, headline
        start, end)`` each; none unless the first line after the marker is one (blank lines between are fine)."""
        out: list[tuple[int, int, int]] = []
        lines = draft.lines
        for i in range(draft.line_at(pos).index + 1, len(lines)):
            ln = lines[i]
            if ln.blank:
                continue
            b = _BULLET_ITEM.match(draft.text, ln.lo, ln.hi)
            if b is None or len(out) >= 8 or not found.is_free(ln.lo, ln.hi):
                break
            s = draft.text[b.end() : ln.hi]
            if len(s.split()) > 25 or s.rstrip().endswith((".", ":", ",")):
                break
            out.append((ln.lo, b.end(), ln.hi))
        return out

    @staticmethod
    def _headline_lines(draft: Draft, found: Findings, pos: int) -> list[tuple[int, int]]:
        """Headline lines right after ``pos`` (4-20 words, no closing full stop), then prose.

        Two or more; or one of five words or more when a paragraph of prose follows it
        (``Baca Juga`` / ``Lewat Kemitraan ANTAM, Pelaku UMKM Naik Kelas`` / the story goes on).
        """
        out: list[tuple[int, int]] = []
        lines = draft.lines
        after: str | None = None
        for i in range(draft.line_at(pos).index + 1, len(lines)):
            ln = lines[i]
            if ln.blank:
                continue
            s = draft.text[ln.lo : ln.hi]
            n = len(s.split())
            if (found.is_free(ln.lo, ln.hi) and 4 <= n <= 20 and not s.endswith((".", ":", ",")) and len(out) < 6
                    and not _goes_on_below(draft, i)):
                out.append((ln.lo, ln.hi))
                continue
            after = s
            break
        if len(out) >= 2:
            return out
        if len(out) == 1 and after is not None:
            one = draft.text[out[0][0] : out[0][1]]
            # not the story's own subheading ("Desain: Engsel …") or list item ("1. Gunakan …")
            if (len(one.split()) >= 5 and not _SUBHEAD.match(one) and len(after.split()) >= 12
                    and _SENTENCE_END.search(after.rstrip())):
                return out
        return []

    def _glued_box(self, draft: Draft, found: Findings, mk: Marker, start: int, lo: int, hi: int,
                   pieces: list[tuple[int, int]] | None = None) -> None:
        """``Baca JugaHeadline OneHeadline Two"Quote...``: a box whose headlines were glued together.

        ``pieces``: the headlines' spans when the caller has already cut them.
        """
        text = draft.text
        if pieces is None:
            end = hi
            q = _QUOTE.search(text, lo, hi)
            if q:
                end = q.start()
            if draft.is_free(lo, lo + 1):
                end = draft.free_until(lo, end)  # no headline runs into what an earlier stage took (a repeated copy)
            pieces = self._box_pieces(text, lo, end, _GLUED_BOX)
            # the story goes on glued to the last headline ("… di LokasiMereka disambut dengan …"): the first
            # piece holding a sentence that goes on, or too long for a headline, is the story; the short
            # pieces before it ("Enggak", "Berkerumun di Lokasi") are the last headline's glued link words
            for i, (a, b) in enumerate(pieces):
                if i and (_STORY_SENTENCE.search(text, a, b) or len(text[a:b].split()) > self.max_box_headline_words):
                    pieces = pieces[:i]
                    break
            pieces = self._merge_short(text, pieces)
        claim = found.claim("insert", start, lo, f"{BOX}/{mk.id}", label=mk.label, headline="")
        if claim is None:
            return
        found.claims.remove(claim)
        for i, (a, b) in enumerate(pieces):
            a2 = start if i == 0 else a
            found.claim("insert", a2, b, f"{BOX}/{mk.id}", label=mk.label, headline=text[a:b].strip())

    def _box_line(self, text: str, lo: int, hi: int, another: Any) -> list[tuple[int, int]] | None:
        """The headlines of ``text[lo:hi]`` (the rest of a marker's line) when it holds only headlines glued together.

        ``Yuk baca juga:Headline One?Headline TwoHeadline Three⏎``: a few Title-Case headlines that
        meet without a space, the line ending with the last. Story text run on after a headline has
        sentences (a full stop and a space), so such a line is never read as a box; nor is a line
        where another marker follows (each marker takes its own headline).
        """
        if (hi - lo > self.max_box_headlines * self.max_line_headline or _CLAUSE_END.search(text, lo, hi)
                or another.search(text, lo + 1, hi)):
            return None  # too long, the story's sentences, or another marker: each marker has its own
        pieces = self._merge_short(text, self._box_pieces(text, lo, hi, _BOX_SEAM))
        box = 2 <= len(pieces) <= self.max_box_headlines and all(
            len(text[a:b].split()) <= self.max_box_headline_words and _title_case(text[a:b]) for a, b in pieces
        )
        return pieces if box else None

    @staticmethod
    def _box_pieces(text: str, lo: int, end: int, seam: Any) -> list[tuple[int, int]]:
        """``text[lo:end]`` cut where two glued headlines may meet (``seam``)."""
        pieces: list[tuple[int, int]] = []
        pos = lo
        for m in seam.finditer(text, lo + 1, end):
            pieces.append((pos, m.start()))
            pos = m.start()
        pieces.append((pos, end))
        return pieces

    def _merge_short(self, text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Mend splits inside a headline: a glued link word ("EraAging", "MantuAl") is no boundary.

        A piece shorter than a headline joins the next one, or the one before when it closes
        with ``?`` or ``!`` (the end of a headline).
        """
        # One pass, left to right (the pieces before the first short one are final), with word counts
        # kept per piece: re-splitting a growing piece was quadratic on a long line of glued words.
        if len(pieces) <= 1:
            return list(pieces)

        def words(a: int, b: int) -> int:
            return len(text[a:b].split())

        def joined(left: tuple[int, int, int], right: tuple[int, int, int]) -> tuple[int, int, int]:
            (a, b, n), (_, c, m) = left, right  # contiguous: b is where right starts
            glued = n and m and not text[b - 1].isspace() and not text[b].isspace()
            return a, c, n + m - (1 if glued else 0)

        def closes(piece: tuple[int, int, int]) -> bool:  # text[a:b].rstrip() ends with "?" or "!"
            i = piece[1]
            while i > piece[0] and text[i - 1].isspace():
                i -= 1
            return i > piece[0] and text[i - 1] in "?!"

        done: list[tuple[int, int, int]] = []  # final pieces, all long enough
        cur = (*pieces[0], words(*pieces[0]))
        j = 1  # the next piece not looked at yet
        while len(done) + 1 + len(pieces) - j > 1:
            if cur[2] >= self.min_box_words:
                done.append(cur)
                if j == len(pieces):
                    return [(a, b) for a, b, _ in done]
                cur = (*pieces[j], words(*pieces[j]))
                j += 1
            elif (closes(cur) and done) or j == len(pieces):
                cur = joined(done.pop(), cur)
            else:
                cur = joined(cur, (*pieces[j], words(*pieces[j])))
                j += 1
        return [(a, b) for a, b, _ in (*done, cur)]  # one piece left

    def _from_line(self, draft: Draft, found: Findings, comp: _Compiled, m: Any, credit: Any,
                   another: Any, case: str) -> None:
        text = draft.text
        mk = comp.marker
        start = m.start("b") if m["b"] else m.start("m")
        if not found.is_free(start, m.end("m")):
            return
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        has_colon = bool(_COLON.search(m["c"]))
        rest_lo = m.end()
        rest = text[rest_lo:line_end].strip()
        if not rest:
            bullets = self._bullet_lines(draft, found, line_end) if (has_colon or mk.bare) else []
            nxt = self._next_line_headline(draft, found, line_end) if has_colon and not bullets else None
            if bullets:
                # "Baca juga:" over a bulleted list of headlines: one insert each, the bullet with it
                for i, (lo, h_lo, hi) in enumerate(bullets):
                    found.claim("insert", start if i == 0 else lo, hi, f"{LIST}/{mk.id}", label=mk.label,
                                headline=text[h_lo:hi])
            elif nxt is not None:
                found.claim("insert", start, nxt[1], f"{NEXT_LINE}/{mk.id}", label=mk.label,
                            headline=text[nxt[0] : nxt[1]])
            elif mk.bare and (box := self._headline_lines(draft, found, line_end)):
                # a "Baca Juga" heading over two or more headlines, then the story goes on: one insert each
                for i, (lo, hi) in enumerate(box):
                    found.claim("insert", start if i == 0 else lo, hi, f"{BOX}/{mk.id}", label=mk.label,
                                headline=text[lo:hi])
            elif mk.bare or has_colon:
                found.claim("insert", start, line_end, f"{BARE}/{mk.id}", label=mk.label, headline="")
            return
        if not has_colon and rest[0].isupper() and _GLUED_BOX.search(text, rest_lo, line_end) and not m["c"]:
            self._glued_box(draft, found, mk, start, rest_lo, line_end)
            return
        if mk.needs_colon and not has_colon:
            return
        if not has_colon and rest[0].islower():
            return  # "Baca juga aturan lain" is prose
        long_line = len(rest) > self.max_line_headline or _RUN_GAP.search(rest)
        if has_colon and (pieces := self._box_line(text, rest_lo, line_end, another)):
            self._glued_box(draft, found, mk, start, rest_lo, line_end, pieces)
            return
        if long_line:
            h_end = self._scan_headline(draft, rest_lo, line_end, another, credit, case)
            why = f"{RUNON}/{mk.id}"
        else:
            h_end = line_end
            code = _TRAILING_CODE.search(text, rest_lo + 1, line_end)  # "… Cicilan 0% (dra)": the tail's
            if code:
                h_end = code.start()
            for pat in (credit, another):
                cm = pat.search(text, rest_lo + 1, line_end)
                if cm:
                    h_end = min(h_end, cm.start())
            why = f"{LINE}/{mk.id}"
        headline, _ = self._headline(draft, rest_lo, h_end)
        found.claim("insert", start, h_end, why, label=mk.label, headline=headline)
