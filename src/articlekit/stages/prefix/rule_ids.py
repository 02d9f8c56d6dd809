"""The rules the prefix stage claims with: one per shape and part, each id written in full once.

The shapes (``docs/parse-rules.md`` lists them with examples): A ``<Place>, <Outlet> <sep>``,
B ``<Outlet>, <Place> <sep>`` (B0, B0x: a gazetteer place, the separator lost),
C ``<Place> (<Agency>) <sep>`` (C0: ``(<Outlet>) <sep>``; Cx: an unknown name in the brackets),
D ``<Outlet> <sep>`` (Dx: an unknown token shaped like a domain; Dn: an unknown name shaped as a brand),
E ``<Outlet> - <PLACE> <sep or .>``,
F ``<PLACE> <sep>`` (Ft: a Title-Case place and a colon, where the locale writes so),
G ``<PLACE> <day> <Month> <sep>``, I the dateline alone on its line,
T a plain dateline below a teaser (``KUALA KRAI: `` under a standfirst),
W a press-release wire's ``<PLACE> - <Wire> - <date> -``.

A shape's own rule (``prefix:A``) claims the outlet token it names, and the ``why`` adds the
catalogue entry after a ``/``: ``prefix:A/kompas``. A token the catalogue does not know is
``prefix:A.domain``. The other parts: ``.place``, ``.sep`` (the separator), ``.joint`` (what joins
the parts: a comma, brackets), and a few shapes' own (``C.region``, ``G.date``, ``I.sep-next-line``).
"""

from __future__ import annotations

from ...rulebook import define_rule

__all__ = ["LOST_PREFIX", "SECOND_ARTICLE", "SHAPE", "TEASER", "WHY"]

_O, _D = "outlet", "dateline"

SHAPE: dict[str, str] = {  # the outlet token each shape names; the why adds "/<outlet id>"
    "A": define_rule("prefix:A", _O, "shape A '<Place>, <Outlet> <sep>': the outlet, '/<id>' its catalogue entry"),
    "B": define_rule("prefix:B", _O, "shape B '<Outlet>, <Place> <sep>': the outlet, '/<id>' its catalogue entry"),
    "B0": define_rule("prefix:B0", _O, "shape B0 '<Outlet>, <Place>' with the separator lost: the outlet"),
    "B0x": define_rule("prefix:B0x", _O, "shape B0x: like B0 with a domain-shaped token the catalogue lacks"),
    "C": define_rule("prefix:C", _O, "shape C '<Place> (<Agency>) <sep>': the agency, '/<id>' its catalogue entry"),
    "Cx": define_rule("prefix:Cx", _O, "shape Cx '<Place> (<name>) <sep>': a domain-shaped name the catalogue lacks"),
    "C0": define_rule("prefix:C0", _O, "shape C0 '(<Outlet>) <sep>': the outlet in brackets"),
    "D": define_rule("prefix:D", _O, "shape D '<Outlet> <sep>': a catalogued outlet alone, '/<id>' its entry"),
    "Dx": define_rule("prefix:Dx", _O, "shape Dx: a token shaped like a domain alone before a separator"),
    "Dc": define_rule("prefix:Dc", _O, "shape Dc '<domain>, <story>': a domain-shaped outlet token and a comma"),
    "E": define_rule("prefix:E", _O, "shape E '<Outlet> - <PLACE> <sep>': the outlet, '/<id>' its catalogue entry"),
    "I": define_rule("prefix:I", _O, "shape I, the dateline alone on its line: the outlet, '/<id>' its entry"),
    "W": define_rule("prefix:W", _O, "shape W, a press-release wire: the wire, '/<id>' its catalogue entry"),
}

WHY: dict[tuple[str, str], str] = {
    # an outlet token the catalogue does not know, named by its domain
    ("A", "domain"): define_rule("prefix:A.domain", _O, "shape A: an outlet token the catalogue does not know"),
    ("B", "domain"): define_rule("prefix:B.domain", _O, "shape B: an outlet token the catalogue does not know"),
    ("B0x", "domain"): define_rule("prefix:B0x.domain", _O, "shape B0x: the domain-shaped outlet token"),
    ("Cx", "domain"): define_rule("prefix:Cx.domain", _O, "shape Cx: the domain-shaped name in brackets"),
    ("C", "domain"): define_rule("prefix:C.domain", _O, "shape C: an agency token the catalogue does not know"),
    ("E", "domain"): define_rule("prefix:E.domain", _O, "shape E: an outlet token the catalogue does not know"),
    ("Dx", "domain"): define_rule("prefix:Dx.domain", _O, "shape Dx: the domain-shaped token (not catalogued)"),
    ("Dc", "domain"): define_rule("prefix:Dc.domain", _O, "shape Dc: the domain-shaped token (not catalogued)"),
    ("I", "domain"): define_rule("prefix:I.domain", _O, "shape I: an outlet token the catalogue does not know"),
    # the place
    ("A", "place"): define_rule("prefix:A.place", _D, "shape A: the place before the outlet"),
    ("B", "place"): define_rule("prefix:B.place", _D, "shape B: the place after the outlet"),
    ("B0x", "place"): define_rule("prefix:B0x.place", _D, "shape B0x: the gazetteer place glued to the body"),
    ("Cx", "place"): define_rule("prefix:Cx.place", _D, "shape Cx: the place before the bracketed name"),
    ("B0", "place"): define_rule("prefix:B0.place", _D, "shape B0: the gazetteer place glued to the body"),
    ("C", "place"): define_rule("prefix:C.place", _D, "shape C: the place before the agency"),
    ("E", "place"): define_rule("prefix:E.place", _D, "shape E: the place in capitals after the outlet"),
    ("Bu", "place"): define_rule("prefix:Bu.place", _D, "shape Bu: the place after a brand and a comma"),
    ("Bu", "brand"): define_rule("prefix:Bu.unknown-outlet", _D,
                                 "shape Bu: a brand the catalogue lacks before the place: kept in the dateline"),
    ("Bu", "joint"): define_rule("prefix:Bu.joint", _D, "shape Bu: the comma between the brand and the place"),
    ("Bu", "sep"): define_rule("prefix:Bu.sep", _D, "shape Bu: the separator"),
    ("Dc", "sep"): define_rule("prefix:Dc.sep", _O, "shape Dc: the comma after the outlet token"),
    ("Dc", "joint"): define_rule("prefix:Dc.joint", _O, "shape Dc: what joins the parts"),
    ("F", "place"): define_rule("prefix:F.place", _D, "shape F: the place alone (capitals or the gazetteer)"),
    ("Ft", "place"): define_rule("prefix:Ft.place", _D, "shape Ft: a Title-Case place before a colon ('Alor Gajah: ')"),
    ("G", "place"): define_rule("prefix:G.place", _D, "shape G: the place before the day and month"),
    ("I", "place"): define_rule("prefix:I.place", _D, "shape I: the place on a line of its own"),
    ("T", "place"): define_rule("prefix:T.place", _D, "shape T: a plain dateline's place below a teaser"),
    ("W", "place"): define_rule("prefix:W.place", _D, "shape W: the place before the wire"),
    # the separator (an outlet's part when no place is printed)
    ("A", "sep"): define_rule("prefix:A.sep", _D, "shape A: the separator"),
    ("B", "sep"): define_rule("prefix:B.sep", _D, "shape B: the separator"),
    ("B0x", "sep"): define_rule("prefix:B0x.sep", _D, "shape B0x: the spaces left of a lost separator"),
    ("Cx", "sep"): define_rule("prefix:Cx.sep", _D, "shape Cx: the separator"),
    ("B0", "sep"): define_rule("prefix:B0.sep", _D, "shape B0: the spaces left of a lost separator"),
    ("C", "sep"): define_rule("prefix:C.sep", _D, "shape C: the closing bracket and the separator"),
    ("C0", "sep"): define_rule("prefix:C0.sep", _O, "shape C0: the separator"),
    ("D", "sep"): define_rule("prefix:D.sep", _O, "shape D: the separator"),
    ("Dx", "sep"): define_rule("prefix:Dx.sep", _O, "shape Dx: the separator"),
    ("Dn", "sep"): define_rule("prefix:Dn.sep", _D, "shape Dn: the separator"),
    ("E", "sep"): define_rule("prefix:E.sep", _D, "shape E: the separator (a dash or a full stop)"),
    ("F", "sep"): define_rule("prefix:F.sep", _D, "shape F: the separator"),
    ("Ft", "sep"): define_rule("prefix:Ft.sep", _D, "shape Ft: the colon"),
    ("G", "sep"): define_rule("prefix:G.sep", _D, "shape G: the separator"),
    ("I", "sep"): define_rule("prefix:I.sep", _D, "shape I: the separator at the end of the dateline's line"),
    ("T", "sep"): define_rule("prefix:T.sep", _D, "shape T: the separator"),
    ("W", "sep"): define_rule("prefix:W.sep", _D, "shape W: the separator"),
    # what joins the parts (a comma, brackets, a second dash)
    ("A", "joint"): define_rule("prefix:A.joint", _D, "shape A: what joins the parts"),
    ("B", "joint"): define_rule("prefix:B.joint", _D, "shape B: the comma between outlet and place"),
    ("B0x", "joint"): define_rule("prefix:B0x.joint", _D, "shape B0x: the comma between outlet and place"),
    ("Cx", "joint"): define_rule("prefix:Cx.joint", _D, "shape Cx: what joins the parts"),
    ("B0", "joint"): define_rule("prefix:B0.joint", _D, "shape B0: the comma between outlet and place"),
    ("C", "joint"): define_rule("prefix:C.joint", _D, "shape C: what joins the parts"),
    ("C0", "joint"): define_rule("prefix:C0.joint", _O, "shape C0: the brackets around the outlet"),
    ("D", "joint"): define_rule("prefix:D.joint", _O, "shape D: what joins the parts"),
    ("Dx", "joint"): define_rule("prefix:Dx.joint", _O, "shape Dx: what joins the parts"),
    ("Dn", "joint"): define_rule("prefix:Dn.joint", _D, "shape Dn: the brackets around the name"),
    ("Dn", "unknown-outlet"): define_rule("prefix:Dn.unknown-outlet", _D,
                                          "shape Dn: a name shaped as a brand ('[WARTADESA] - ', 'KabarKita - '): "
                                          "an outlet the catalogue lacks, its domain unknown"),
    ("E", "joint"): define_rule("prefix:E.joint", _D, "shape E: the dash between outlet and place"),
    ("F", "joint"): define_rule("prefix:F.joint", _D, "shape F: what joins the parts"),
    ("Ft", "joint"): define_rule("prefix:Ft.joint", _D, "shape Ft: what joins the parts"),
    ("G", "joint"): define_rule("prefix:G.joint", _D, "shape G: what joins the parts"),
    ("T", "joint"): define_rule("prefix:T.joint", _D, "shape T: what joins the parts"),
    ("W", "joint"): define_rule("prefix:W.joint", _D, "shape W: the dashes and the region between the parts"),
    # a shape's own parts
    ("C", "region"): define_rule("prefix:C.region", _D, "shape C: a region or date between place and agency"),
    ("Cx", "paren"): define_rule("prefix:Cx.paren", _D, "shape Cx: the brackets around the name"),
    ("Cx", "unknown-outlet"): define_rule("prefix:Cx.unknown-outlet", _D,
                                          "shape Cx: a name in brackets that is no domain: kept in the dateline"),
    ("C", "paren"): define_rule("prefix:C.paren", _D, "shape C: the opening bracket before the agency"),
    ("F", "unknown-outlet"): define_rule("prefix:F.unknown-outlet", _D,
                                         "shape F: a 'place' in capitals shaped as a brand: an outlet"),
    ("F", "section-label"): define_rule("prefix:F.section-label", _D,
                                        "shape F: a section label in capitals ('INFO NASIONAL'): no place"),
    ("I", "region"): define_rule("prefix:I.region", _D, "shape I: a region after the place: 'NAIROBI, Kenya —'"),
    ("F", "region"): define_rule("prefix:F.region", _D, "shape F: a region or date after the place"),
    ("T", "region"): define_rule("prefix:T.region", _D, "shape T: a region after the place ('SIOUX FALLS, S.D. –')"),
    ("G", "date"): define_rule("prefix:G.date", _D, "shape G: the day and month"),
    ("I", "date"): define_rule("prefix:I.date", _D, "shape I: a date after the place on the dateline's line"),
    ("I", "joint"): define_rule("prefix:I.joint", _D,
                                "shape I: the comma opening the next line before the outlet (', KOMPAS.com -')"),
    ("I", "sep-next-line"): define_rule("prefix:I.sep-next-line", _D,
                                        "shape I: the separator opening the next line ('⏎- Warga …')"),
}

TEASER = define_rule("prefix:teaser-before-dateline", "header", "a teaser glued in front of a dateline on its line")
LOST_PREFIX = define_rule("prefix:lost-prefix", "noise",
                          "a separator opening the text, its outlet or place lost: ': Warga …'")
SECOND_ARTICLE = define_rule("prefix:second-article", "noise",
                             "from a second dateline on: another article on a listing page")
