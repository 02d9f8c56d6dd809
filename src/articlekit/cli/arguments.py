"""The command line's arguments: ``parse`` (with its corpus and template groups), ``schema``, ``rules``, ``outlets``."""

from __future__ import annotations

import argparse

from .. import __version__

__all__ = ["parser"]

def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="articlekit", description="Split scraped news page text into a typed Article.")
    ap.add_argument("--version", action="version", version=f"articlekit {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse page text files (or stdin) and print JSON")
    p.add_argument("files", nargs="*", default=["-"], help="text files; '-' or none reads stdin")
    p.add_argument("--explain", action="store_true", help="print a table of what was cut and why")
    p.add_argument("--lang", default="auto", help="locale of the text: id, ms, en, or auto (default: auto)")
    p.add_argument("--outlets", action="append", default=[], metavar="FILE",
                   help="extra outlet rules (TOML); may be given more than once")
    p.add_argument("--locale", metavar="FILE", default=None,
                   help="your own locale file (TOML, may name a bundled 'base'); its patterns run with a timeout")
    p.add_argument("--encoding", default="utf-8", help="encoding of the input files (default: utf-8)")
    p.add_argument("--indent", type=int, default=2, help="JSON indent (default: 2; 0 for one line)")
    corpus_arguments(p)
    template_arguments(p)

    s = sub.add_parser("schema", help="print the JSON Schema of the Article output")
    s.add_argument("--indent", type=int, default=2)

    r = sub.add_parser("rules", help="list every rule a parse can name in a 'why': id, stage, kind, where, what")
    r.add_argument("--json", action="store_true", help="print JSON (a list of objects) instead of a table")
    r.add_argument("--lang", action="append", default=[], metavar="LANG",
                   help="only the data rules of this bundled locale (may be given more than once; default: all)")

    o = sub.add_parser("outlets", help="list the outlet catalogue: id, name, domain, aliases, codes")
    o.add_argument("--json", action="store_true", help="print JSON (a list of objects) instead of a table")
    o.add_argument("--lang", default=None, metavar="LANG", help="only the outlets that publish in LANG (id, ms, en)")
    o.add_argument("--outlets", action="append", default=[], metavar="FILE",
                   help="extra outlet rules (TOML) laid over the bundled catalogue; may be given more than once")
    return ap


def corpus_arguments(p: argparse.ArgumentParser) -> None:
    c = p.add_argument_group(
        "corpora",
        "Many files, a folder, or JSON Lines (.jsonl, .ndjson, gzip or not) give JSON Lines out: one line per "
        "record, in input order, carried fields first; a record that cannot be parsed is a line with an "
        "\"error\" field, so records out always equal records in. A summary goes to stderr.",
    )
    c.add_argument("--jsonl", action="store_true",
                   help="read every input (and stdin) as JSON Lines; *.jsonl and *.ndjson(.gz) always are")
    c.add_argument("--text-field", default="text", metavar="NAME", help="JSON field holding the page text (text)")
    c.add_argument("--id-field", default="id", metavar="NAME", help="JSON field carried through as the id (id)")
    c.add_argument("--url-field", default="url", metavar="NAME", help="JSON field carried through as the url (url)")
    c.add_argument("--keep", action="append", default=[], metavar="NAME",
                   help="another JSON field to carry through; may be given more than once")
    c.add_argument("--workers", type=int, default=None, metavar="N",
                   help="parse in N worker processes (0: one per CPU; default: 1, in this process)")
    c.add_argument("--chunksize", type=int, default=None, metavar="N",
                   help="records handed to a worker at a time (default: 64)")
    c.add_argument("--format", choices=("jsonl", "csv", "parquet"), default=None,
                   help="jsonl (default): one JSON object a line, the whole Article unless --fields is given; "
                        "csv, parquet: a flat table (carried fields and the flat record's columns; parquet needs "
                        "articlekit[parquet] and -o)")
    c.add_argument("--fields", action="append", default=[], metavar="A,B,...",
                   help="the columns to write (carried fields and flat-record columns, comma-separated; may be "
                        "repeated); gives flat rows in any format")
    c.add_argument("--prefix", default="", metavar="P",
                   help="name articlekit's output fields P<name> (--prefix ak_: ak_outlet, ak_title, ...), so a "
                        "carried field of the same name (--keep outlet) is kept beside them")
    c.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE (default: stdout)")
    c.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (needs articlekit[progress]; default: when stderr is a terminal)")
    c.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def template_arguments(p: argparse.ArgumentParser) -> None:
    t = p.add_argument_group(
        "site templates",
        "Lines and sentences a site prints on many pages (slogans, promos, footers), learned from a corpus and "
        "claimed as noise (why: templates:<group>:line|sentence). See docs/templates.md.",
    )
    t.add_argument("--learn-templates", metavar="OUT",
                   help="learn templates from the inputs and write them to OUT (TOML; .json for JSON); parses nothing")
    t.add_argument("--templates", metavar="FILE", help="apply the templates of FILE (a file --learn-templates wrote)")
    t.add_argument("--group-by", metavar="HOW", default=None,
                   help="group records by a JSON field's NAME, by 'url' (its registrable domain) or by 'detected' "
                        "(the outlet found in the text); default: 'detected' when learning, the file's when applying")
    t.add_argument("--group", metavar="NAME", default=None,
                   help="the group of every input that has none of its own (a site's name for plain .txt pages)")
    t.add_argument("--min-texts", type=int, default=None, metavar="N",
                   help="learn a string only when seen in N texts of its group or more (default: 5)")
    t.add_argument("--min-share", type=float, default=None, metavar="F",
                   help="... and in at least this share of the group's texts (default: 0.05)")
