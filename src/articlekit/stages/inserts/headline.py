"""A headline's end and text: where a headline stops in running text (newlines lost), and what it reads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import regex

from ...draft import Draft
from .patterns import patterns_of

if TYPE_CHECKING:
    from .stage import Inserts

__all__ = ["SENTENCE_END", "TRAILING_CODE", "case_of_headlines", "headline_case", "headline_text", "scan_headline"]

_TOKEN = regex.compile(r"\S+")
SENTENCE_END = regex.compile(r"[.!?]\Z")
_LIST_NUMBER = regex.compile(r"\d{1,2}[.)]")
# initials closing the line after a headline: "(dra)", "(kpl/sjn)"
TRAILING_CODE = regex.compile(r"[ \t\u00a0]+\([\p{Ll}*][\p{Ll}\d]{0,7}(?:/[\p{Ll}\d\-.]{1,20}){0,3}\)[ \t\r]*$",
                               regex.MULTILINE)
_SEAM = regex.compile(r"(?<=\p{Ll}{2})(?=\p{Lu}\p{Ll})")  # "RusiaKemudian": two words glued together
_NAME_WORD = regex.compile(r"\p{Lu}\p{Ll}+")  # a capitalised word of a name ("Gus", "Yahya"), not "PBNU"
_GAP = regex.compile(r"\S(?: {2,}|[ \u00a0]{3,}|\t)")


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


def headline_case(draft: Draft) -> str:
    """The headline case of the outlet named at the body start (``""`` when unknown)."""
    for claim in draft.claims_of("outlet"):
        outlet_id = claim.data.get("outlet_id")
        if outlet_id:
            entry = draft.outlets.lookup(str(claim.data.get("domain") or ""))
            if entry is not None and entry.id == outlet_id:
                return entry.headline_case
    return ""


def case_of_headlines(draft: Draft, starts: list[int], words: int = 4) -> str:
    """The case a page writes its headlines in, read off the headlines glued after its insert markers
    (``starts``: where each headline begins), for an outlet the catalogue does not tell it for.

    A page writes every headline the same way. Past each headline's first word, its next ``words`` words
    that tell a case (no small word, acronym or number) vote: a word in lower case says sentence case
    (``37 WBP di Lapas se-Babel terima …``), all capitalised says Title Case (a headline full of names may
    vote wrong: the majority decides). Two headlines at least, and no tie, or ``""``.
    """
    text = draft.text
    small = draft.locale.small_words
    votes = {"sentence": 0, "title": 0}
    for at in starts:
        told: list[str] = []
        for i, m in enumerate(_TOKEN.finditer(text, at, min(len(text), at + 200))):
            tok = m.group().strip(",.:;!?\"“”'‘’()")
            if i == 0 or not tok or not tok[0].isalpha() or tok.casefold() in small:
                continue
            if tok.isupper() or not tok.replace("-", "").isalpha():
                continue  # an acronym, a code or an abbreviation ("s.d") tells no case
            told.append(tok)
            if len(told) == words:
                break
        if len(told) == words:
            votes["sentence" if any(t[0].islower() for t in told) else "title"] += 1
    if votes["sentence"] + votes["title"] < 2:
        return ""
    if votes["sentence"] == votes["title"]:
        return ""
    return "sentence" if votes["sentence"] > votes["title"] else "title"


def scan_headline(cfg: Inserts, draft: Draft, start: int, limit: int, another: Any, credit: Any, case: str) -> int:
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
    code = TRAILING_CODE.search(text, start, stop)  # initials closing the line are the tail's
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
    bounded = stop < limit and len(tokens) <= cfg.max_headline_words

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
        if (SENTENCE_END.search(prev) and (tok[0].isupper() or tok[0].isdigit()) and i >= 2
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


def headline_text(draft: Draft, start: int, end: int) -> tuple[str, int]:
    """The headline text in ``[start, end)``, quotes and trailer words removed."""
    text = draft.text
    cut = patterns_of(draft.locale).stop.search(text, start, end)
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
