"""The tail's patterns, compiled once per locale and outlet catalogue (the words come from the locale's ``[tail]``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from ...rules import Locale, OutletCatalogue
from ...rules.patterns import word_alternation as _alt

__all__ = ["SP", "Patterns", "compile_patterns"]

SP = r"[ \t\u00a0]"
_TITLE_NAME = r"\p{Lu}\p{Ll}+\.?(?:[ \t\u00a0]\p{Lu}(?:\p{Ll}+|\.)?){0,4}"
_BRAND_WORD = r"(?:\p{Lu}[\p{L}&.'’!]{0,20}|\p{Ll}{1,3}\p{Lu}[\p{L}]{0,10}|[Oo]nline)"
_BRAND = rf"{_BRAND_WORD}(?:{SP}{{1,2}}{_BRAND_WORD}){{0,3}}"
_DATE = r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})"
# where a closing sentence starts: a line start or after a sentence end, then spaces
_SENTENCE_START = r"(?:^|(?<=[.!?\"”’][ \t\u00a0]))[ \t\u00a0]*"



@dataclass(frozen=True)
class Patterns:
    source_paren: Any
    wire: Any
    code_paren: Any
    square: Any
    end_mark: Any
    name_paren_line: Any
    caps_name_line: Any
    label: Any
    rep_red: Any
    domain_paren: Any
    names_paren: Any
    bracket: Any
    dash_brand: Any
    promo: Any
    promo_read: Any
    promo_if: Any
    promo_question: Any
    slogan: Any
    stamp: Any
    sig_line: Any
    promo_target: Any
    promo_own: Any
    label_line: Any
    bio: Any
    bio_glued: Any
    bio_starred: Any
    bio_named: Any
    disclaimer: Any
    report_sources: Any
    domain_section: Any
    lower_name_paren: Any


def compile_patterns(locale: Locale, outlets: OutletCatalogue) -> Patterns:
    tail = locale.tail
    src = "|".join(regex.escape(x) for x in tail.source_labels) or "(?!)"
    names = [*(e.source_name for e in outlets.entries if e.source_name),
             *(a for e in outlets.entries for a in (*e.aliases, e.name)), *tail.generic_sources]
    wire_alt = "|".join(regex.escape(n) for n in sorted(set(names), key=len, reverse=True) if n) or "(?!)"
    labels = sorted(tail.credit_labels + tail.closing_labels + tail.source_labels, key=len, reverse=True)
    label_alt = "|".join(regex.escape(x) for x in labels) or "(?!)"
    marks = "|".join(f"(?:{m})" for m in tail.end_marks) or "(?!)"
    credit_alt = "|".join(regex.escape(x) for x in sorted(tail.credit_labels, key=len, reverse=True)) or "(?!)"
    subjects = _alt(tail.bio_subjects)
    verbs = _alt(tail.bio_verbs)
    roles = _alt(tail.bio_roles)
    press_roles = _alt(locale.schema.page.byline_roles)
    openers = _alt(tail.disclaimer_openers)
    softeners = _alt(tail.promo_softeners)
    sig_word = rf"(?:\p{{Lu}}[\p{{L}}'’.\-]*,?|\(\p{{Lu}}[\p{{L}}\-]*\)|{_alt(tail.signature_small_words)})"
    return Patterns(
        source_paren=regex.compile(rf"\({SP}*(?:{src}){SP}*:{SP}*(?P<v>[^()\n]{{0,80}}?){SP}*\)\s*\Z",
                                   regex.IGNORECASE),
        # a spaced em dash needs no full stop before it: "… luah Nasuha — Majoriti"
        wire=regex.compile(rf"(?:(?<=[.!?\"”’)]\s*|^{SP}*)(?:--|[-–—])|(?<=\p{{L}}){SP}+—){SP}*(?P<v>(?i:{wire_alt})){SP}*\.?\s*\Z",
                           regex.MULTILINE),
        code_paren=regex.compile(r"\((?P<v>[\p{L}\d][\p{L}\d\-]{0,15}(?:/[\p{L}\d\-.]{1,20}){0,5})\)\s*\Z"),
        square=regex.compile(r"\[(?P<v>[\p{L}][\p{L} .]{1,40})\]\s*\Z"),
        end_mark=locale.compile(rf"(?:{marks})\s*\Z", rule="tail.end_marks"),  # timed for a user's locale
        name_paren_line=regex.compile(
            rf"(?:^{SP}*|(?=\()(?<=[.!?\"”’]{SP}*))\((?P<v>\p{{Lu}}(?:[\p{{Ll}}'’]+|\.?(?={SP}+\p{{Lu}}\p{{Ll}}))(?:{SP}+\p{{Lu}}[\p{{Ll}}'’.]*){{0,4}})"
            rf"{SP}*\){SP}*\Z",
            regex.MULTILINE),
        caps_name_line=regex.compile(
            rf"^{SP}*(?P<v>\p{{Lu}}{{2,}}(?:{SP}+\p{{Lu}}{{2,}}\.?){{1,3}}){SP}*\Z", regex.MULTILINE),
        # labels joined: "Reporter/Editor: A", "Penulis & Editor: A"
        label=regex.compile(rf"(?P<l>(?:{label_alt})(?:{SP}*[/&]{SP}*(?:{label_alt})){{0,3}}){SP}*\|?\s*:{SP}*\|?",
                            regex.IGNORECASE),
        # a closing sentence addressed to the reader (a star or bullet before it, maybe): an imperative of the
        # locale's promo verbs ("Ikuti …", "Yuk, baca …", "Follow …", "Layari …") opening a line or following a
        # sentence, up to the end
        promo=regex.compile(
            rf"{_SENTENCE_START}(?:[*•][ \t\u00a0]*)?(?:(?:{softeners})[,!]?[ \t\u00a0]+)?"
            rf"(?:{_alt(tail.promo_verbs)})\b[^\n]{{0,300}}\Z",
            regex.MULTILINE | regex.IGNORECASE),
        # … or a closing sentence that sends the reader to read the site's articles at its address, its
        # verb inside ("Masih banyak … dengan membaca artikel kapanlagi.com loh.", "… by reading more stories at x.com")
        promo_read=regex.compile(
            rf"{_SENTENCE_START}(?=[^\n.!?]{{0,200}}?\b(?:{_alt(tail.promo_read_verbs)})"
            rf"[ \t\u00a0]+(?:[^\n.!?]{{0,30}}?[ \t\u00a0])?(?:{_alt(tail.promo_read_objects)})\b[^\n.!?]{{0,60}}?"
            rf"\b[\p{{L}}\d\-]+\.(?:com|co\.id|co|id|net|org|my|tv|news)\b)[^\n]{{0,400}}\Z",
            regex.MULTILINE | regex.IGNORECASE),
        # … or a closing sentence opened by an address to the reader (a condition on liking the story, thanks for
        # reading), a promo verb after it ("If you enjoyed this article, join us. Subscribe …", "Jika anda
        # menikmati artikel ini, sertai kami", "Thank you for reading. For more news, follow …")
        promo_if=regex.compile(
            rf"{_SENTENCE_START}(?:{_alt(tail.promo_openers)})(?!\w)"
            rf"(?=[^\n]{{0,160}}?\b(?:{_alt(tail.promo_verbs)})\b)[^\n]{{0,400}}\Z",
            regex.MULTILINE | regex.IGNORECASE),
        # … or a question to the reader right above such a promo ("Ingin baca update terbaru lainnya?")
        promo_question=regex.compile(
            rf"{_SENTENCE_START}(?:{_alt(tail.promo_questions)})(?!\w)[^\n.!?]{{0,120}}\?[ \t\u00a0]*\Z",
            regex.MULTILINE | regex.IGNORECASE) if tail.promo_questions else None,
        # … or the site's slogan closing the text: a short exclamation or question naming a catalogued outlet
        # ("Kalau bukan sekarang, KapanLagi?")
        slogan=regex.compile(
            rf"{_SENTENCE_START}"
            rf"(?=[^\n.!?\"“”()]{{0,80}}?(?<![\p{{L}}\d])(?i:{wire_alt})(?![\p{{L}}\d]))"
            rf"[^\n.!?\"“”()]{{3,80}}[!?]+[ \t\u00a0]*\Z",
            regex.MULTILINE),
        # … that points away from the story: another platform, the site's news, an address
        promo_target=regex.compile(
            rf"\b(?:{_alt(tail.promo_targets)})\b|\b(?:{_alt(tail.promo_places)})[ \t\u00a0]+(?:https?://)?(?:www\.)?"
            rf"[\p{{L}}\d\-]+\.(?:com|co\.id|co|id|net|org|my|tv|news)\b",
            regex.IGNORECASE),
        # … and not to the story's own pictures, video or rest ("Simak selengkapnya berikut ini!")
        promo_own=regex.compile(rf"{_alt(tail.promo_own_words)}", regex.IGNORECASE),
        # a closing publication stamp: "Artikel ini disiarkan pada : Khamis, 3 Januari 2019 @ 11:14 AM"
        stamp=regex.compile(rf"^{SP}*(?:{_alt(tail.stamp_labels)}){SP}*:?{SP}*(?=[^\n]{{0,40}}\d)[^\n]{{4,60}}\Z",
                            regex.MULTILINE | regex.IGNORECASE),
        # a signature block's lines: a name, an affiliation or role ("Juru Bicara", "Serikat Mahasiswa (SM) Papua",
        # "Taman Seri Kenanga, Klang"), a place and date ("Tangerang 24 Nopember 2018")
        sig_line=regex.compile(
            rf"{sig_word}(?:{SP}{{1,2}}{sig_word}){{0,7}}"
            rf"|\p{{Lu}}[\p{{L}} ]{{1,30}}?,?{SP}\d{{1,2}}{SP}\p{{L}}{{3,10}}{SP}\d{{4}}"),
        # a credit label alone on its line, the name on the next: "EDITOR" ⏎ "Adi Sunaryo"
        label_line=regex.compile(
            rf"^{SP}*(?P<l>{credit_alt}){SP}*:?{SP}*\r?\n\s*(?P<v>\p{{L}}[\p{{L}}\p{{M}} .,'’\-]{{0,50}}?){SP}*\Z",
            regex.MULTILINE | regex.IGNORECASE),
        # a columnist's bio closing the piece: "Penulis adalah …", "*) Penulis merupakan …", "Name, penulis
        # adalah …", "The writer is …"
        bio=regex.compile(
            rf"(?:^|(?<=[.!?\"”’)])){SP}*(?:\(?\*{{1,3}}\)?|\)\*)?{SP}*(?:(?P<n>\p{{Lu}}[\p{{L}}'’.]*(?:{SP}+\p{{Lu}}[\p{{L}}'’.]*){{0,4}}),{SP}*)?"
            rf"(?i:{subjects}){SP}+(?i:{verbs})\b[^\n]{{1,400}}\Z",
            regex.MULTILINE),
        # a name glued to the last sentence, then the columnist's role: "… demokrasi.Nama Penulis.Peneliti di …"
        bio_glued=regex.compile(
            rf"(?<=[.!?\"”’])(?P<n>\p{{Lu}}[\p{{L}}'’]+(?:{SP}\p{{Lu}}[\p{{L}}'’.]*){{1,3}})\.{SP}?(?:{roles})\b[^\n]{{1,300}}\Z"),
        # a star, the writer's name and a role closing the piece: "*Nama Penulis adalah peneliti di …"
        bio_starred=regex.compile(
            rf"^{SP}*\(?\*{{1,3}}\)?{SP}*(?P<n>\p{{Lu}}[\p{{L}}'’.]*(?:{SP}+\p{{Lu}}[\p{{L}}'’.]*){{0,4}}),?{SP}+"
            rf"(?i:{verbs}){SP}+(?:\p{{L}}+{SP}+){{0,3}}?(?i:{roles})\b[^\n]{{1,400}}\Z",
            regex.MULTILINE),
        # the writer's name and a newsroom role closing the piece, no star: "Jane Doe is a senior reporter
        # covering …" (only the page's byline roles: "<Name> is a professor at …" may be the story's own line)
        bio_named=regex.compile(
            rf"^{SP}*(?P<n>\p{{Lu}}[\p{{L}}'’.]*(?:{SP}+\p{{Lu}}[\p{{L}}'’.]*){{1,3}}){SP}+(?:is|was){SP}+"
            rf"(?:(?:a|an|the){SP}+)?(?:[\p{{L}}\-]+{SP}+){{0,3}}?(?i:{press_roles})s?\b[^\n]{{1,300}}\Z",
            regex.MULTILINE) if locale.schema.page.byline_roles else None,
        # the site's note that the piece is the writer's own view: "Tulisan ini adalah … tanggung jawab penulis"
        # (or its second sentence, under one naming the site: "IDN Times Community adalah … . Semua artikel …")
        disclaimer=regex.compile(rf"^{SP}*[(*]*{SP}*(?:(?:{openers})\b|[^\n.!?]{{3,160}}[.!?]{SP}+(?:{openers})\b)"
                                 rf"[^\n]{{1,500}}\Z",
                                 regex.MULTILINE | regex.IGNORECASE),
        # "(Tribunpekanbaru.com/Donny Kusuma Putra)", "( TRIBUNLAMPUNG.CO.ID / TRIBUNNEWS.COM )", "(*/jpnn)"
        domain_paren=regex.compile(
            rf"\({SP}*(?P<d>\*|[\p{{L}}\d][\p{{L}}\d\-]{{0,40}}(?:\.[\p{{L}}]{{2,6}}){{1,3}}){SP}*/{SP}*"
            rf"(?P<v>[^()\n/]{{1,40}}(?:{SP}*/{SP}*[^()\n/]{{1,40}}){{0,3}}){SP}*\)\s*\Z"),
        # "(Kusnandar/Yovita Amalia/Rinto A Navis)": three or more names in Title Case
        names_paren=regex.compile(
            rf"\((?P<v>{_TITLE_NAME}(?:{SP}*/{SP}*{_TITLE_NAME}){{2,5}})\)\s*\Z"),
        # any short code in brackets closing the text: "(CNN)", "[tin/adv]", "( Syakir NF/Muiz )", "[]"
        bracket=regex.compile(rf"(?P<o>[(\[]){SP}*(?P<v>[^()\[\]\n]{{0,60}}?){SP}*(?P<c>[)\]])\s*\Z"),
        # a dash and a brand in capitals (maybe with a date) or a date alone closing the text:
        # "- NAMA AKHBAR 3/7/2017", "-- Utusan Online", "-mD", "- 28/6/2018"
        dash_brand=regex.compile(
            rf"(?:(?<=[.!?\"”’)]{SP}{{0,3}})|(?<![^\n]){SP}{{0,3}})(?:--|[-–—]){SP}{{0,3}}"
            rf"(?:(?P<v>{_BRAND})(?:{SP}{{1,3}}(?P<d>{_DATE}))?|(?P<d2>{_DATE})){SP}*\.?\s*\Z",
            regex.MULTILINE),
        # a closing note naming where the report's information came from: "With files from Reuters",
        # "Sebagian informasi dalam laporan ini berasal dari The Associated Press dan Reuters."
        report_sources=regex.compile(
            rf"(?:^|(?<=[.!?\"”’)]{SP})){SP}*(?:{_alt(tail.report_source_leads)}){SP}+"
            rf"(?P<v>\p{{Lu}}[^\n.!?]{{1,120}}?){SP}*\.?{SP}*\Z",
            regex.MULTILINE),
        # a reporter's name in lower case in parentheses after the last sentence: "… itu. (rina wati)"
        lower_name_paren=regex.compile(
            rf"(?<=[.!?\"”’]{SP}{{0,3}}|^{SP}{{0,3}})\((?P<v>\p{{Ll}}{{2,}}(?:{SP}\p{{Ll}}{{2,}}){{1,3}})\){SP}*\Z",
            regex.MULTILINE),
        # the site's address and the story's section in parentheses closing the text: "(tirto.id - Sosial Budaya)"
        domain_section=regex.compile(
            rf"(?:(?<=[.!?\"”’]{SP}{{0,3}})|(?<![^\n]){SP}{{0,3}})\({SP}*(?P<d>[\p{{L}}\d][\p{{L}}\d\-]{{0,40}}(?:\.[\p{{L}}]{{2,6}}){{1,3}})"
            rf"{SP}*[-–—|]{SP}*(?P<s>\p{{Lu}}[\p{{L}}&,]*(?:{SP}[\p{{L}}&,]+){{0,4}}){SP}*\)\s*\Z",
            regex.MULTILINE),
        rep_red=regex.compile(rf"^{SP}*Rep{SP}*:{SP}*(?P<a>[^/\n]+?){SP}*/{SP}*Red{SP}*:{SP}*(?P<b>[^\n]+?)"
                              rf"{SP}*\Z", regex.MULTILINE),
    )
