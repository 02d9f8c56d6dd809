"""The site a page came from: the registrable domain of its URL.

>>> registrable_domain("https://news.detik.com/berita/d-123/judul")
'detik.com'
>>> registrable_domain("www.majoriti.com.my/berita/2024/05/01")
'majoriti.com.my'
>>> registrable_domain("not a url") is None
True

A small rule, not the Public Suffix List: the host's last two labels, or its last three when the
last is a two-letter country code and the one before it a generic second level (``co.id``,
``com.my``, ``or.id``, ``ac.id``, ``go.id``, ...). That is right for the news sites of the
corpora articlekit reads; a host the rule gets wrong only makes a group name longer or shorter.
"""

from __future__ import annotations

import re

__all__ = ["registrable_domain"]

SECOND_LEVELS = frozenset({
    "ac", "biz", "co", "com", "desa", "edu", "go", "gov", "mil", "my", "name", "net", "ne", "or", "org",
    "ponpes", "sch", "web",
})
"""Labels that, before a two-letter country code, belong to the suffix (``co.id``, ``com.my``)."""

_HOST = re.compile(r"^(?:[a-z][a-z0-9+.\-]*:)?/*(?:[^/@?#]*@)?(?P<host>[^/:?#\s]+)", re.IGNORECASE)
_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$")


def registrable_domain(url: object) -> str | None:
    """The registrable domain of ``url`` in lower case (``news.detik.com`` -> ``detik.com``); ``None`` if none."""
    if not isinstance(url, str) or not url.strip():
        return None
    m = _HOST.match(url.strip())
    if m is None:
        return None
    labels = m["host"].lower().rstrip(".").split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels) or labels[-1].isdigit():
        return None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVELS else 2
    return ".".join(labels[-keep:])
