"""The site a page came from: the registrable domain of its URL.

``Article.site`` is where the page was fetched (``https://m.detik.com/news/...`` → ``detik.com``),
which is not always the outlet the text names (``Article.outlet``): a portal reprints a wire
story, an aggregator carries many outlets. The registrable domain is found without a dependency,
from a small list of public suffixes of more than one label in ``data/sites/suffixes.toml``
(``co.id``, ``com.my``, ``or.id``, ``go.id``, ``ac.id``, ``co.uk``, …; see its README).

>>> registrable_domain("https://www.tempo.co.id/read/123/banjir")
'tempo.co.id'
>>> registrable_domain("https://news.detik.com/berita/d-1/x"), registrable_domain("m.antaranews.com/berita/1")
('detik.com', 'antaranews.com')
>>> registrable_domain("https://fisip.ui.ac.id/kabar"), registrable_domain("http://WWW.BBC.CO.UK:80/news")
('ui.ac.id', 'bbc.co.uk')
>>> registrable_domain("not a url"), registrable_domain("http://10.0.0.1/x"), registrable_domain("")
(None, None, None)
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from urllib.parse import urlsplit

__all__ = ["public_suffixes", "registrable_domain"]


@functools.cache
def public_suffixes() -> frozenset[str]:
    """The multi-label public suffixes articlekit knows (``data/sites/suffixes.toml``)."""
    raw = resources.files("articlekit").joinpath("data", "sites", "suffixes.toml").read_text(encoding="utf-8")
    return frozenset(s.strip(".").lower() for s in tomllib.loads(raw)["suffixes"])


def _host(url: str) -> str | None:
    url = url.strip()
    if not url or any(c.isspace() for c in url):
        return None
    if "://" not in url and not url.startswith("//"):
        url = "//" + url  # "kompas.com/read/..." has no scheme: read its first part as the host
    try:
        host = urlsplit(url).hostname
    except ValueError:  # a bad port or bracket
        return None
    if not host:
        return None
    host = host.rstrip(".").lower()
    return host or None


def registrable_domain(url: object) -> str | None:
    """The registrable domain of ``url``'s host (``None``: no URL, no host, or an IP address).

    The label before the longest known multi-label suffix plus that suffix, or else the host's
    last two labels. ``url`` may lack its scheme (``kompas.com/read/1``).
    """
    if not isinstance(url, str):
        return None
    host = _host(url)
    if host is None:
        return None
    labels = host.split(".")
    if len(labels) < 2 or not all(labels) or labels[-1].isdigit() or ":" in host:
        return None  # one label (localhost), an empty label, an IPv4 or IPv6 address
    suffixes = public_suffixes()
    if host in suffixes:
        return None  # a public suffix alone ("co.id") is no site
    for n in range(len(labels) - 1, 1, -1):  # the longest suffix first
        if ".".join(labels[-n:]) in suffixes:
            return ".".join(labels[-n - 1 :])
    return ".".join(labels[-2:])
