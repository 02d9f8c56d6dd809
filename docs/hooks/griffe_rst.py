"""Griffe extension for the API reference: the docstrings are written for ``help()`` and doctest
(reST flavoured); this turns them into Markdown when the site is built.

* doctest sessions (``>>>`` lines and their output) become ``pycon`` code blocks;
* ``.. code-block:: lang`` and ``para::`` literal blocks become fenced code blocks;
* roles such as ``:class:`~articlekit.Article``` become inline code.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:func|class|meth|mod|data|attr|exc|obj|const):`~?([^`]+)`")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def to_markdown(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith(">>>"):
            pad = " " * _indent(line)
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i][len(pad):] if lines[i].startswith(pad) else lines[i].strip())
                i += 1
            out += [f"{pad}```pycon", *(f"{pad}{b}" for b in block), f"{pad}```"]
            continue
        m = re.match(r"^(\s*)\.\. code-block::\s*(\S*)\s*$", line)
        literal = not m and stripped.endswith("::") and not stripped.startswith("..")
        if m or literal:
            pad = m.group(1) if m else " " * _indent(line)
            lang = m.group(2) if m else ""
            if literal:
                out.append(line.rstrip()[:-1])  # "para::" -> "para:"
            i += 1
            while i < len(lines) and not lines[i].strip():
                i += 1
            body = []
            while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) > len(pad)):
                body.append(lines[i])
                i += 1
            while body and not body[-1].strip():
                body.pop()
            cut = min((_indent(b) for b in body if b.strip()), default=0)
            out += ["", f"{pad}```{lang}", *(f"{pad}{b[cut:]}" for b in body), f"{pad}```", ""]
            continue
        out.append(_ROLE.sub(r"`\1`", line))
        i += 1
    return "\n".join(out)


class ReSTToMarkdown(griffe.Extension):
    """Rewrites every docstring with :func:`to_markdown`."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = to_markdown(obj.docstring.value)
