"""The tail of the body: source attribution and staff credits.

Peeled off the end of the body region (before any link block), one piece at a time,
skipping pieces earlier stages already claimed (noise, inserts):

- source tails and lines: ``(Sumber: Antara/Reuters)``, ``Sumber: Antara``, ``- Bernama``,
  ``(ant)``: ``attribution``, with canonical source names;
- credit lines, also glued together: ``Pewarta: A`` ``Editor: B``, ``Rep: A/ Red: B``;
- initials and desk codes: ``(fbr/wes)``, ``(fat/jpnn)``, ``(ade)``, ``(OL-13)``, ``***``;
- a reporter's name alone on the last line: ``(Dian Saraswati)``, ``DEWI LESTARI``;
- tag lines after the initials (detik).

Anything that is not clearly a tail stays in the body: ``(PDIP/Golkar)``, ``(1/2)``, a
``Sumber: BPS`` under a table (BPS is not a news source), ``kata dia kepada AFP.``

One module per job: ``peel`` (the stage: the order of its steps, which is their priority),
``credit_lines`` (``Label: value`` runs and source lines), ``codes`` (initials, desk codes,
brands after a dash), ``closings`` (a columnist's bio, a disclaimer, a promo, a signature),
``context`` (what stands before a piece, which source a name is) and ``patterns`` (compiled
once per locale and catalogue). Each rule is defined next to the step that claims with it.
"""

from __future__ import annotations

from .peel import Tail

__all__ = ["Tail"]
