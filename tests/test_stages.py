"""Each stage on small strings: what it claims, and what it must leave alone."""

from __future__ import annotations

import datetime as dt

import pytest

import articlekit
from articlekit.dates import date_reader, make_parserinfo
from articlekit.rules import load_locale


def parse(text: str) -> articlekit.Article:
    return articlekit.parse(text)


# ---------------------------------------------------------------- dates


def test_parserinfo_reads_indonesian_words() -> None:
    from dateutil import parser as du

    info = make_parserinfo(load_locale("id"))
    assert du.parse("Senin, 3 Januari 2022", parserinfo=info).date() == dt.date(2022, 1, 3)
    assert du.parse("17 Agustus 1945", parserinfo=info).date() == dt.date(1945, 8, 17)
    assert du.parse("27 Okt 2022 21:15 WIB", parserinfo=info).utcoffset() == dt.timedelta(hours=7)


@pytest.mark.parametrize(
    ("sentence", "date", "partial"),
    [
        ("Warga pada Rabu (20/10/2021) berkumpul.", dt.date(2021, 10, 20), None),
        ("Warga pada Rabu (20/10/21) berkumpul.", dt.date(2021, 10, 20), None),
        ("Warga pada Selasa, (7/7/2015) berkumpul.", dt.date(2015, 7, 7), None),
        ("Warga pada Jumat (17 /4/ 2015) berkumpul.", dt.date(2015, 4, 17), None),
        ("Warga pada Jumat, 6 Juni 2025 berkumpul.", dt.date(2025, 6, 6), None),
        ("Warga pada Senin (11/12) berkumpul.", None, "--12-11"),
        ("Warga pada 10 Juni 2025 berkumpul.", None, None),  # no weekday: not the news date
        # the part of the day between weekday and date (locale `day_parts`)
        ("Warga pada Selasa sore 17 Juni 2025 berkumpul.", dt.date(2025, 6, 17), None),
        ("Warga pada Rabu petang (18/6/2025) berkumpul.", dt.date(2025, 6, 18), None),
        ("Warga pada Senin dini hari, 9 Juni 2025 berkumpul.", dt.date(2025, 6, 9), None),
        # a run of two spaces after a plain word is a slip inside the sentence, not a paragraph gap
        ("Warga kota  berkumpul di alun-alun, Jumat (6/6/2025).", dt.date(2025, 6, 6), None),
        # ... but after a sentence end it is one (the date is in the second paragraph)
        ("Warga kota berkumpul.  Mereka datang Jumat (6/6/2025).", None, None),
    ],
)
def test_first_sentence_dates(sentence: str, date: dt.date | None, partial: str | None) -> None:
    art = parse("JAKARTA - " + sentence)
    got = art.dateline
    assert got is not None
    assert got.date == date
    assert got.partial == partial


def test_flattened_first_paragraph_ends_at_a_glued_sentence_end() -> None:
    # newlines lost: "... Tbk. (KODE) ..." is no paragraph end (a space follows), "(29/1/2019).Berdasarkan"
    # is (the next sentence is glued on), so the first paragraph holds the date
    first = ("Saham PT Contoh Jaya Tbk. (CJAY) turun paling dalam pada perdagangan hari ini, Selasa (29/1/2019)."
             + "Berdasarkan data bursa, saham itu ditutup di level terendah. " * 15)
    art = parse("JAKARTA - " + first)
    assert art.dateline is not None
    assert art.dateline.date == dt.date(2019, 1, 29)


def test_weekday_mismatch_is_noted() -> None:
    art = parse("JAKARTA - Warga pada Senin (20/10/2021) berkumpul.")
    assert art.dateline is not None and art.dateline.date == dt.date(2021, 10, 20)
    assert any("weekday" in n for n in art.notes)


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        # a plan marker in the clause that short adjuncts of place and time hang on
        ("Laga final akan berlangsung di Stadion Merdeka, Kotabaru, malam ini, Selasa (10/6/2025).", None),
        # ... but not back past the sentence's start, nor across a quotation
        ("Warga akan datang lagi. Panen raya digelar di Desa Sukamaju, Selasa (10/6/2025).", dt.date(2025, 6, 10)),
        ('"Kami akan terus menanam," kata Rudi di Desa Sukamaju, Kotabaru, Selasa (10/6/2025).',
         dt.date(2025, 6, 10)),
    ],
)
def test_plan_markers_reach_over_adjuncts(sentence: str, date: dt.date | None) -> None:
    art = parse("KOTABARU - " + sentence)
    assert art.dateline is not None
    assert art.dateline.date == date


def test_future_event_date_is_not_the_news_date() -> None:
    art = parse("JAKARTA - Partai itu akan mendaftar ke KPU pada Rabu, 25 Oktober 2023 mendatang.")
    assert art.dateline is not None and art.dateline.date is None
    assert any("another event" in n for n in art.notes)


def test_time_and_zone_from_the_first_sentence() -> None:
    art = parse("JAKARTA - Gempa terjadi pada Rabu (20/10/2021) pukul 14.30 WITA.")
    assert art.dateline is not None
    assert art.dateline.time == dt.time(14, 30) and art.dateline.tz == "+08:00"


def test_header_timestamp_reader() -> None:
    reader = date_reader(load_locale("id"))
    text = "Selasa 27 Sep 2022 21:15 WIB"
    r = reader.read_header(text, 0, len(text))
    assert r is not None and r.date == dt.date(2022, 9, 27) and r.time == dt.time(21, 15) and r.tz == "+07:00"


@pytest.mark.parametrize(
    ("text", "tz"),
    [
        ("March 7, 20247:55 AM UTCUpdated ago", "+00:00"),  # the zone glued to the next word
        ("Selasa 27 Sep 2022 21:15 WIBBaca juga", "+07:00"),
        ("March 7, 2024 7:55 AM ESTONIA", None),  # no zone: a word that begins like one
    ],
)
def test_header_zone_glued_to_the_next_word(text: str, tz: str | None) -> None:
    r = date_reader(load_locale("en")).read_header(text, 0, len(text))
    assert r is not None and r.tz == tz


# ---------------------------------------------------------------- prefix


@pytest.mark.parametrize(
    ("text", "domain", "place", "sep"),
    [
        ("JAKARTA, KOMPAS.com - Warga datang.", "kompas.com", "Jakarta", "-"),
        ("Liputan6.com, Jakarta - Warga datang.", "liputan6.com", "Jakarta", "-"),
        ("Jakarta (ANTARA) - Warga datang.", "antaranews.com", "Jakarta", "-"),
        ("KONTAN.CO.ID - JAKARTA. Warga datang.", "kontan.co.id", "Jakarta", "."),
        ("jpnn.com - PADANG - Warga datang.", "jpnn.com", "Padang", "-"),
        ("TRIBUNKALTIM.CO, BALIKPAPAN - Warga datang.", "tribunkaltim.co", "Balikpapan", "-"),
        ("Liputan6.com, JakartaWarga datang.", "liputan6.com", "Jakarta", None),
        ("JAKARTA- Warga datang.", None, "Jakarta", "-"),
        ("Jakarta:  Warga datang.", None, "Jakarta", ":"),
        ("PROBOLINGGO-Dermaga baru dibuka.", None, "Probolinggo", "-"),
        ("KUALA LUMPUR, Jan 9 (Bernama) -- Warga datang.", "bernama.com", "Kuala Lumpur", "--"),
        # a wire no catalogue lists, one capitalised word after a place in capitals (its domain unknown)
        ("LOS ALAMOS (Wirenews) - Warga datang.", None, "Los Alamos", "-"),
        ("KOTA BARU, March 7 (Wirenews) - Warga datang.", None, "Kota Baru", "-"),
    ],
)
def test_prefix_shapes(text: str, domain: str | None, place: str, sep: str | None) -> None:
    art = parse(text)
    assert (art.outlet.domain if art.outlet else None) == domain
    assert art.dateline is not None
    assert art.dateline.place == place
    assert art.dateline.sep == sep


def test_double_dash_alone_on_the_dateline_line_is_one_separator() -> None:
    # "Kota, Outlet --" ending its line: the whole "--" is the separator (not "-" plus a stray "-"),
    # so the next line is the first paragraph and its news date is read
    art = parse("Kotabaru, CNN Indonesia --\n\nWarga Kotabaru pada Jumat (14/3/2025) menanam bakau.\n\nMereka senang.")
    assert art.dateline is not None
    assert art.dateline.sep == "--"
    assert art.dateline.date == dt.date(2025, 3, 14)
    assert not [s for s in art.segments if s.kind == "noise"]


@pytest.mark.parametrize(
    "text",
    [
        "JAKARTA-BANDUNG kini bisa ditempuh 40 menit.",
        "Jakarta International Stadium akan direnovasi.",
        "HARGA PANGAN: Beras Premium Naik Lagi",
        "Bandung, Jawa Barat, belakangan diguyur hujan.",
        "POLIS Diraja Malaysia menahan dua lelaki.",
        "Jakarta (Presiden) - Warga datang.",
    ],
)
def test_not_a_dateline(text: str) -> None:
    art = parse(text)
    assert art.dateline is None
    assert art.outlet is None


# ---------------------------------------------------------------- tail


@pytest.mark.parametrize(
    ("end", "sources", "credit"),
    [
        ("terjadi. (Sumber: Antara/Reuters)", ["Antara", "Reuters"], None),
        ("terjadi. (ant)", ["Antara"], None),
        ("terjadi. - Bernama", ["Bernama"], None),
        ("terjadi. -- BERNAMA", ["Bernama"], None),
        ("terjadi. (fbr/wes)", [], ("initials", "fbr/wes")),
        ("terjadi. (fat/jpnn)", [], ("initials", "fat/jpnn")),
        ("terjadi.\nEditor: Budi Santoso", [], ("editor", "Budi Santoso")),
        ("terjadi.\nPewarta: Rina KusumaEditor: Budi", [], ("reporter", "Rina Kusuma")),
        ("terjadi. (Dian Saraswati)", [], ("reporter", "Dian Saraswati")),
        # any short code in brackets, in any case, after the last sentence
        ("terjadi. (KBL)", [], ("initials", "KBL")),
        ("terjadi. (CNN)", ["cnn.com"], None),  # a catalogued outlet named alone is the source
        ("terjadi. (AFP)", ["AFP"], None),
        ("terjadi.[ab/Cd]", [], ("initials", "ab/Cd")),
        ("terjadi. (*/abc)", [], ("initials", "*/abc")),
        ("terjadi. (ab/cd/EF)", [], ("initials", "ab/cd/EF")),
        ("terjadi. (Mg-21)", [], ("initials", "Mg-21")),
        # a dash and a brand (maybe with a date) closing the story
        ("terjadi. - NAMA AKHBAR 3/7/2017", [], ("outlet", "NAMA AKHBAR")),
        ("terjadi.\n-- Utusan Online", ["utusan.com.my"], None),
        ("terjadi. - BERITA HARIAN 3/7/2017", ["bharian.com.my"], None),
    ],
)
def test_tail_forms(end: str, sources: list[str], credit: tuple[str, str] | None) -> None:
    art = parse("JAKARTA - Banjir " + end)
    assert (art.attribution.sources if art.attribution else []) == sources
    if credit is not None:
        assert (art.credits[0].role, art.credits[0].name) == credit
    assert art.body == "Banjir terjadi."


@pytest.mark.parametrize(
    "end",
    ["itu (PDIP/Golkar).", "itu (1/2).", "kata dia kepada AFP.", "itu.\nSumber: BPS"],
)
def test_tail_lookalikes_stay(end: str) -> None:
    art = parse("JAKARTA - Dua fraksi menolak usulan " + end)
    assert art.attribution is None and art.credits == []


@pytest.mark.parametrize(
    "end",
    ["warga (SMS)", "warga.\n- Sukamaju\n- Tirta Asih", "warga @ab**", "warga. (1/2)"],
)
def test_bracket_and_dash_lookalikes_stay(end: str) -> None:
    art = parse("JAKARTA - Hasil seleksi diumumkan kepada " + end)
    assert art.credits == [] and art.body.endswith(end.split("\n")[-1].lstrip("- "))


# ---------------------------------------------------------------- inserts


@pytest.mark.parametrize(
    ("text", "headlines"),
    [
        ("Satu.\nBaca juga: Harga Cabai Turun\nDua.", ["Harga Cabai Turun"]),
        ("Satu.\nBaca Juga\nDua.", [""]),
        # a short quoted term inside a run-on headline is the headline's, a quoted sentence is the story's
        ('Satu. Baca juga: Dinas usulkan "car free day" di pusat kota "Kami siap," kata Rudi.',
         ['Dinas usulkan "car free day" di pusat kota']),
        # a question of three words or fewer opens the headline
        ("Satu. Baca Juga: Mau Liburan? Tiket Kereta Diskon Mulai Hari Ini\nDua.",
         ["Mau Liburan? Tiket Kereta Diskon Mulai Hari Ini"]),
        # arrows between marker and headline, a bullet before the marker, a bulleted list under it
        ("Satu.\nBACA JUGA >> Harga Cabai Turun\nDua.", ["Harga Cabai Turun"]),
        ("Satu.\n» Baca juga: Harga Cabai Turun\nDua.", ["Harga Cabai Turun"]),
        ("Satu.\n*Baca juga: Harga Cabai Turun\nDua.", ["Harga Cabai Turun"]),
        ("Satu.\nBaca juga:\n- Harga Cabai Turun Lagi\n- Beras Premium Naik Pekan Ini\nDua.",
         ["Harga Cabai Turun Lagi", "Beras Premium Naik Pekan Ini"]),
        ("Satu.\nLihat Video: Harga Cabai Turun\nDua.", ["Harga Cabai Turun"]),
        ("Satu.\nTonton: Harga Cabai Turun\nDua.", ["Harga Cabai Turun"]),
        ("Satu.\nAnda mungkin juga tertarik:\nHarga Cabai Turun\nDua.", ["Harga Cabai Turun"]),
        ("Satu.\nARTIKEL TERKAIT\nHarga Cabai Turun di Pasar Induk\nBeras Premium Naik Lagi Pekan Ini\nDua kata.",
         ["Harga Cabai Turun di Pasar Induk", "Beras Premium Naik Lagi Pekan Ini"]),
        # a box glued to its marker at a line start, the marker opened by "Yuk,"
        ("Satu.\nYuk, simak jugaHarga Cabai Turun Drastis di Pasar IndukBeras Premium Naik Lagi Pekan Ini\nDua.",
         ["Harga Cabai Turun Drastis di Pasar Induk", "Beras Premium Naik Lagi Pekan Ini"]),
        # a run-on Title-Case headline ends before a sentence opener and its number ("Sebanyak 28 warga")
        ("Satu. Baca juga: Festival Layang Layang Digelar di Pantai Timur Sebanyak 40 peserta ikut lomba tahun ini.",
         ["Festival Layang Layang Digelar di Pantai Timur"]),
        ("Satu.\nArtikel Terkait : Harga Cabai Turun\nDua.", ["Harga Cabai Turun"]),
        ("Satu.\nBERITA LAINNYA: Harga Cabai Turun\nDua.", ["Harga Cabai Turun"]),
        ("Satu.\nBaca lagi: Harga Cabai Turun\nDua.", ["Harga Cabai Turun"]),
        ("Satu. [Baca juga: Harga Cabai Turun] Dua.", ["Harga Cabai Turun"]),
        ("Satu. (Baca: Gudang Ditambah)\nDua.", ["Gudang Ditambah"]),
        ("Satu. BACA JUGA: Warga Diminta Menjauh\nDua.", ["Warga Diminta Menjauh"]),
        ("Satu.BACA JUGA - Stok Beras Aman Pedagang mengaku lega.", ["Stok Beras Aman"]),
        ('Satu.\nTonton juga video "Banjir di Kota" di sini:\nDua.', ["Banjir di Kota"]),
        ("Satu.\nSimak juga Video: Jalan Tol Ditutup\nDua.", ["Jalan Tol Ditutup"]),
        ("Satu.\nBaca juga:\nJembatan Baru Diresmikan\nDua.", ["Jembatan Baru Diresmikan"]),
    ],
)
def test_insert_layouts(text: str, headlines: list[str]) -> None:
    art = parse(text)
    assert [i.headline for i in art.inserts] == headlines
    assert "Baca" not in art.body and "BACA" not in art.body


def test_box_stops_at_a_sentence_broken_over_lines() -> None:
    # a box of headline lines, then a story sentence a link broke over lines (the next line opens in
    # lower case): that sentence is body, not a fourth headline
    text = ("JAKARTA - Harga kopi naik tajam, kata Rudi, Selasa (10/6/2025).\nBaca Juga\n"
            "Petani Kopi Gayo Panen Lebih Awal Tahun Ini\nEkspor Kopi Naik Dua Kali Lipat ke Jepang\n"
            "Ia menjelaskan, harga itu dipicu oleh gagal panen di\nBrasil\ndan Vietnam yang terjadi sejak awal tahun.")
    art = parse(text)
    assert [i.headline for i in art.inserts] == [
        "Petani Kopi Gayo Panen Lebih Awal Tahun Ini", "Ekspor Kopi Naik Dua Kali Lipat ke Jepang"]
    assert "Ia menjelaskan, harga itu dipicu" in art.body


def test_list_after_one_headline_stays_story() -> None:
    # "Baca juga:" takes the one headline on the next line; a list the story goes on with is body
    text = ("JAKARTA - Lelang digelar hari ini.\nBaca juga:\nLelang Mobil Dinas Dibuka Pekan Depan\n"
            "- 1 unit rumah di Bekasi. Harga limit Rp 900.000.000\n"
            "- 1 unit apartemen di Depok. Harga limit Rp 400.000.000\n"
            "- 1 bidang tanah di Bogor. Harga limit Rp 1.000.000.000")
    art = parse(text)
    assert [i.headline for i in art.inserts] == ["Lelang Mobil Dinas Dibuka Pekan Depan"]
    assert "1 unit apartemen di Depok" in art.body and "1 unit rumah di Bekasi" in art.body


def test_baca_as_prose_stays() -> None:
    art = parse("Warga diminta baca juga aturan lain sebelum mendaftar.")
    assert art.inserts == []


# ---------------------------------------------------------------- links


def test_pilihan_terkini_words_stay() -> None:
    art = parse("Partai itu belum menentukan calon pilihan.\nSituasi terkini dibahas.\nTerkini\n- Jalan Tol Ditutup")
    assert [(b.heading, len(b.items)) for b in art.link_blocks] == [("Terkini", 1)]
    assert "pilihan" in art.body and "terkini" in art.body


def test_heading_without_items_is_noise() -> None:
    art = parse("Warga memanen padi lebih awal tahun ini.\nBerita Terkini\nRekomendasi untuk Anda")
    assert art.link_blocks == []
    assert [s.why for s in art.segments if s.kind == "noise"] == ["links:empty-heading", "links:empty-heading"]


def test_heading_followed_by_prose_is_body() -> None:
    text = ("Warga memanen padi.\nTerpopuler\n"
            "Hasil panen tahun ini lebih banyak dari tahun lalu menurut petani setempat.")
    art = parse(text)
    assert art.link_blocks == [] and "Terpopuler" in art.body


def test_paren_inserts_follow_the_locale_markers() -> None:
    """``(Baca juga: …)`` and ``(Baca: …)`` come from the locale's markers, each with its own label."""
    a = articlekit.parse("Harga naik. (Baca juga: Harga Cabai Naik Lagi) Pedagang mengeluh. (Baca: Petani Panen Raya)")
    assert [(i.label, i.headline) for i in a.inserts] == [
        ("baca_juga", "Harga Cabai Naik Lagi"), ("baca", "Petani Panen Raya")]
    assert a.body == "Harga naik.\n\nPedagang mengeluh."


# ---------------------------------------------------------------- captions where a picture stood

_MS_LEAD = "Polis menahan dua lelaki selepas kejadian samun di sebuah kedai runcit pada awal pagi semalam. "


@pytest.mark.parametrize(
    ("after_gap", "caption"),
    [
        ("Kedai runcit yang dimasuki penyamun di pekan itu.", "Kedai runcit yang dimasuki penyamun di pekan itu."),
        ("Anggota polis di lokasi kejadian. — Facebook", "Anggota polis di lokasi kejadian. — Facebook"),
        # story sentences after a gap stay body: reported speech, a quotation, an opener, a lead-in, too long
        ("Ketua polis daerah berkata siasatan masih berjalan.", None),
        ('"Kami akan menahan mereka semua," katanya.', None),
        ("Sementara itu, dua lagi suspek masih diburu.", None),
        ("Berikut perkara yang perlu diketahui: siasatan.", None),
        ("Kedua-dua suspek yang berusia 20 dan 25 tahun itu ditahan di sebuah rumah sewa di pinggir bandar "
         "pada petang yang sama.", None),
        ("Pakar forensik hospital, Dr. Ahmad memeriksa mangsa.", None),  # a title's full stop
    ],
)
def test_malay_caption_after_a_gap(after_gap: str, caption: str | None) -> None:
    text = f"{_MS_LEAD}Mangsa tidak cedera.   {after_gap} Penduduk diminta lebih berwaspada. — Bernama"
    art = articlekit.parse(text, lang="ms")
    got = [text[s.start:s.end] for s in art.segments if s.kind == "caption"]
    assert got == ([caption] if caption else [])
    if caption:
        assert caption not in art.body and "Penduduk diminta" in art.body


def test_gap_caption_needs_the_story_to_go_on_and_the_locale_to_ask() -> None:
    last = f"{_MS_LEAD}Mangsa tidak cedera.   Kedai runcit yang dimasuki penyamun di pekan itu."
    assert not [s for s in articlekit.parse(last, lang="ms").segments if s.kind == "caption"]
    indonesian = f"{_MS_LEAD}Mangsa tidak cedera.  Kedai itu tutup sepanjang hari. Penduduk diminta waspada."
    assert not [s for s in articlekit.parse(indonesian, lang="id").segments if s.kind == "caption"]


@pytest.mark.parametrize(
    ("line", "headlines"),
    [
        # one headline with names in camel case: no seam
        ("Baca juga: Video Warga Viral di Status WhatsApp, Polisi Panggil Pengunggah dari GrabFood",
         ["Video Warga Viral di Status WhatsApp, Polisi Panggil Pengunggah dari GrabFood"]),
        # two headlines glued after a question mark: two inserts
        ("Baca juga: Kapan Pajak Kendaraan Naik Lagi?Pemerintah Kota Tambah Tiga Bus Listrik untuk Warga",
         ["Kapan Pajak Kendaraan Naik Lagi?", "Pemerintah Kota Tambah Tiga Bus Listrik untuk Warga"]),
        # a second marker on the line takes its own headline
        ("Baca juga:Warga Tanam Seribu Pohon di Bantaran SungaiBaca juga:Jalan Desa Diperbaiki Sebelum Lebaran",
         ["Warga Tanam Seribu Pohon di Bantaran Sungai", "Jalan Desa Diperbaiki Sebelum Lebaran"]),
    ],
)
def test_glued_headlines_after_a_colon(line: str, headlines: list[str]) -> None:
    text = f"BANDUNG - Hujan deras turun sejak pagi di kota itu.\n{line}\nPetugas menyiagakan pompa air."
    assert [i.headline for i in parse(text).inserts] == headlines


def test_sentence_case_headline_ends_before_a_common_word_capitalised() -> None:
    """ANTARA copy with its newlines lost: the headline ends where a capitalised common word (one the page
    writes in lower case inside a sentence) opens the next paragraph; a title like 'Wali Kota' is a name."""
    text = ("Jakarta (ANTARA) - Pemerintah kota menambah armada bus listrik tahun ini untuk warga. "
            "Baca juga: Dinas perhubungan uji coba rute baru bus listrik ke Halte Harmoni Jadwal uji coba dimulai "
            "pekan depan di tiga halte utama. Warga bisa melihat jadwal lengkap di laman dinas. "
            "Wali Kota meminta warga mencoba layanan baru itu.")
    art = parse(text)
    assert [i.headline for i in art.inserts] == ["Dinas perhubungan uji coba rute baru bus listrik ke Halte Harmoni"]
    assert "Jadwal uji coba dimulai pekan depan" in art.body


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Anggota polis di lokasi kejadian.", "— Facebook"),
        ("Anggota polis di lokasi kejadian.", " — @akaun_polis-daerah"),  # a gap before the dash
        ("Ahmad Rahim", "— Agensi"),  # a caption that only names the person
        ("Ketua kampung bersama penduduk.", "— Instagram/kampung-baru"),
    ],
)
def test_malay_caption_closed_by_a_dash_credit(caption: str, credit: str) -> None:
    text = (f"{_MS_LEAD}Mangsa tidak cedera.  {caption} {credit} Penduduk diminta lebih berwaspada selepas ini. "
            "— Bernama")
    art = articlekit.parse(text, lang="ms")
    got = [text[s.start:s.end] for s in art.segments if s.kind == "caption"]
    assert got == [f"{caption} {credit}"]
    assert art.attribution is not None and art.attribution.sources == ["Bernama"]


def test_a_space_and_a_no_break_space_inside_a_headline_is_no_paragraph_gap() -> None:
    text = ("Jakarta (ANTARA) - Pemerintah menambah kuota beasiswa tahun ini.\n"
            "Baca juga: Menteri ajak \u00a0mahasiswa di daerah siapkan diri sambut bonus demografi\n"
            "Kuota naik dua kali lipat.")
    assert [i.headline for i in parse(text).inserts] == [
        "Menteri ajak \u00a0mahasiswa di daerah siapkan diri sambut bonus demografi"]


def test_a_line_printed_twice_in_the_story_is_not_a_doubled_title() -> None:
    text = ("Jakarta - Warga memadati alun-alun kota sejak pagi.\n"
            "Panitia Menutup Jalan Utama Selama Acara Berlangsung\n"
            "Panitia Menutup Jalan Utama Selama Acara Berlangsung\n"
            "Acara dimulai pukul tujuh pagi dan berakhir menjelang sore, diikuti ribuan warga dari berbagai kecamatan.")
    assert not [s for s in parse(text).segments if s.why == "repeats:doubled-title"]


@pytest.mark.parametrize(
    "doubled",
    ["Video: Bus Sekolah Gratis Kini Beroperasi Sampai Sore", "- Judul Berita Lain di Kota Kita",
     "Baca juga: Harga Cabai Turun Lagi Pekan Ini"],
)
def test_a_doubled_marker_line_or_list_item_is_left_to_its_stage(doubled: str) -> None:
    text = f"Jakarta - Pemerintah kota menambah jam operasional bus sekolah.\n{doubled}\n{doubled}\n(abc/def)"
    assert not [s for s in parse(text).segments if s.why == "repeats:doubled-title"]


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("Harbour ferry to Kessel Island returns after two-year break", True),  # sentence case
        ("‘We will rebuild’: Kessel Island mayor thanks ferry crews", True),  # opens with a quote
        ("New ferries for the L.A. and U.S. routes of Alder Line", True),  # initials are no sentence end
        ("Remember the old ferry to Kessel Island and its red funnel?", False),  # a question opens the story
        ("Ferry fares rise again. Islanders are not amused", False),  # a sentence ends inside it
        ("Marta Solberg, head of the island fishing cooperative and a ferry user", False),  # a byline: name, role
        ("By Marta Solberg and the island desk staff", False),  # a byline
        ("Ferry timetable and fares at www.kessel-ferry.example", False),  # a web address
    ],
)
def test_headline_first_in_sentence_case(first: str, title: bool) -> None:
    lead = ("The ferry between Port Aldren and Kessel Island will sail again from Monday, the regional "
            "transport board said on its website.")
    art = parse(f"{first}\n{lead}\nTickets will cost the same as before for residents of the island.")
    assert (art.title == first) is title
    if title:
        assert first not in art.body


# ---------------------------------------------------------------- leftovers

_STORY = ("Volunteers planted 4,000 oak saplings along the River Tarrow on Saturday, the first step of a plan to "
          "cool the water for trout.\nThe trust will return in the spring to replace any saplings lost to floods.")


@pytest.mark.parametrize(
    ("closing", "cut"),
    [
        ("Click here to subscribe to the Tarrow Gazette newsletter\nComments", True),
        ("Follow @TarrowGreen on Twitter for every planting day. Dates may change with the weather and the tides.",
         True),
        ("Copyright 2021 Tarrow Valley Gazette. All Rights Reserved.", True),
        ("© Tarrow Valley Gazette", True),
        ("Comments\nShare", False),  # UI words alone may be the story's last lines
        ("The Copyright Office rejected the trust's claim to the logo.", False),  # a sentence
        ("Follow the river path to see the new trees.", False),  # no promo target: the story's own words
    ],
)
def test_leftovers_closing_run(closing: str, cut: bool) -> None:
    art = parse(f"{_STORY}\n{closing}")
    first = closing.split("\n")[0]
    assert (first not in art.body) is cut
    assert "lost to floods." in art.body


def test_link_heading_with_an_ellipsis() -> None:
    art = parse(f"{_STORY}\nYou may also like...\nTrout return to the upper Tarrow\nNew footbridge opens at Ebbsworth")
    assert [b.heading for b in art.link_blocks] == ["You may also like..."]
    assert "Trout return" not in art.body


@pytest.mark.parametrize(
    ("text", "date", "time", "tz"),
    [
        ("November 19th, 2020 at 8:40 AM", dt.date(2020, 11, 19), dt.time(8, 40), None),  # an ordinal day
        ("Published March 2nd, 2021 - 07:50 GMT", dt.date(2021, 3, 2), dt.time(7, 50), "+00:00"),  # dash, time
        ("May 1st, 2022", dt.date(2022, 5, 1), None, None),
    ],
)
def test_header_us_ordinal_day(text: str, date: dt.date, time: dt.time | None, tz: str | None) -> None:
    r = date_reader(load_locale("en")).read_header(text, 0, len(text))
    assert r is not None and (r.date, r.time, r.tz) == (date, time, tz)


@pytest.mark.parametrize(
    ("text", "tz"),
    [
        ("Nov 18, 2020 at 9:24 pm ET", "-05:00"),  # a US zone without standard/daylight: standard in November
        ("July 4, 2021 10:00 AM ET", "-04:00"),  # ... daylight in July
        ("March 14, 2021 04:05 pm PT", "-07:00"),  # the second Sunday of March: daylight from that day
        ("March 13, 2021 04:05 pm PT", "-08:00"),
        ("Nov 20 2020, 11:06am ist", "+05:30"),  # India
        ("Nov 19, 2020 at 9:08 GMT1 day ago", "+00:00"),  # a number glued to the zone
    ],
)
def test_header_generic_us_zones(text: str, tz: str) -> None:
    r = date_reader(load_locale("en")).read_header(text, 0, len(text))
    assert r is not None and r.tz == tz


def test_a_reader_question_goes_only_with_a_promo_under_it() -> None:
    """'Ingin baca …?' right above the site's promo is the promo's; a story closing on such a question keeps it."""
    story = "Warga menanam 500 bibit bakau di pesisir Demak, Sabtu (6/7/2024).\nPanitia berharap kegiatan itu rutin.\n"
    promo = "Yuk baca di Contoh.com. Kalau bukan sekarang, kapan lagi?\n"
    with_promo = articlekit.parse(story + "Ingin baca kabar terbaru lainnya?\n" + promo)
    assert "Ingin baca" not in with_promo.body and with_promo.body.endswith("rutin.")
    alone = articlekit.parse(story + "Ingin tahu hasilnya setahun lagi?\n")
    assert alone.body.endswith("Ingin tahu hasilnya setahun lagi?")


def test_a_marker_closed_by_its_own_exclamation_needs_no_colon() -> None:
    """'Cek yang lain juga, yuk!' with its headline glued on is an insert; prose with the same words is not."""
    text = ("Bupati meresmikan pasar baru di Kecamatan Sukamaju, Senin (8/7/2024).\n"
            "Cek yang lain juga, yuk!Pasar Lama Sukamaju Akan Jadi Taman Kota\n"
            "Pedagang menyambut baik pasar yang lebih bersih itu.\n")
    article = articlekit.parse(text)
    assert [i.headline for i in article.inserts] == ["Pasar Lama Sukamaju Akan Jadi Taman Kota"]
    prose = articlekit.parse("Bupati meminta warga cek yang lain juga sebelum membeli.\nPasar buka pukul 05.00.\n")
    assert prose.inserts == [] and "cek yang lain juga" in prose.body


def test_a_header_stamp_under_an_updated_word_is_the_updated_time() -> None:
    """'Diperbarui …' above a body-only text is the updated time; a plain stamp is the published time."""
    story = "\nJAKARTA - Warga memanen padi di sawah seluas 20 hektare.\nPanen berlangsung meriah.\n"
    both = articlekit.parse("Selasa, 2 Jul 2024 14:05 WIB\nDiperbarui 3 Jul 2024, 10:00 WIB\n" + story)
    assert both.published is not None and both.published.isoformat() == "2024-07-02T14:05:00+07:00"
    assert both.updated is not None and both.updated.isoformat() == "2024-07-03T10:00:00+07:00"
    only = articlekit.parse("Diperbarui 3 Jul 2024, 10:00 WIB\n" + story)
    assert only.published is None and only.updated is not None


def test_a_named_bio_needs_a_newsroom_role() -> None:
    """'<Name> is a senior reporter covering …' closing English copy is the writer's bio; '<Name> is a professor
    at …' may be the story's own last line and stays."""
    story = "The county board voted on Tuesday to reopen the old ferry landing.\nRepairs cost about $4 million.\n"
    bio = articlekit.parse(story + "Dana Reyes is a senior reporter covering local government.\n")
    assert bio.body.rstrip().endswith("$4 million.")
    kept = articlekit.parse(story + "Mark Olsen is a professor of engineering at the state university.\n")
    assert kept.body.rstrip().endswith("at the state university.")


def test_a_title_case_line_start_before_a_dash_is_a_place_only_when_it_can_be_one() -> None:
    """'Wonosalam - Warga …' opens with a dateline no gazetteer knows; 'Berita Terbaru – …' (a section's label)
    and 'Kabar Lembah – …' (a brand) do not."""
    story = " Warga memanen durian di lereng gunung.\nPanen berlangsung meriah.\n"
    place = articlekit.parse("Wonosalam -" + story)
    assert place.dateline is not None and place.dateline.place == "Wonosalam"
    for label in ("Berita Terbaru –", "Kabar Lembah –"):
        article = articlekit.parse(label + story)
        assert article.dateline is None or article.dateline.place is None, label


@pytest.mark.parametrize("marks", ["\u200b\u200b", "\u200e", "\ufeff"])
def test_zero_width_marks_before_the_first_word_do_not_hide_the_dateline(marks: str) -> None:
    text = f"Karo (WARTALEMBAH) - {marks}Petugas memastikan jembatan itu masih aman dilalui.\n\nIa menambahkan.\n"
    art = articlekit.parse(text)
    assert art.dateline is not None and art.dateline.place == "Karo"
    assert "WARTALEMBAH" not in art.body


def test_a_glued_closing_headline_is_noise_but_a_time_is_no_sentence_end() -> None:
    head = "Warga memadati alun-alun kota pada Senin (9/6/2025)."
    art = articlekit.parse(head + "5 Potret Ceria Warga di Alun-Alun Kota\n")
    assert art.body.strip() == head
    schedule = "Jadwal acara malam ini: 19.00 Berita Malam, 21.15 Dangdut Semalam 23.30 Sinema Layar Lebar Malam\n"
    assert articlekit.parse(schedule).body.strip() == schedule.strip()


@pytest.mark.parametrize("opening", ["McDonald. Restoran cepat saji itu tutup lebih awal.",
                                     "KabarKita. Taman baca baru itu dibuka pekan lalu."])
def test_a_name_and_a_full_stop_is_a_prefix_only_with_a_run_of_capitals(opening: str) -> None:
    art = articlekit.parse(opening + "\n\nWarga menyambut baik.\n")
    assert art.dateline is None and art.body.startswith(opening)
