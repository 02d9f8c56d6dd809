"""The body start: outlet prefix and dateline.

Shapes (docs/parse-rules.md; their rule ids: ``rule_ids``), tried in this order at the start of
each of the first lines:

- A ``<Place>, <Outlet> <sep>``            ``JAKARTA, KOMPAS.com - ``
- B ``<Outlet>, <Place> <sep>``            ``Liputan6.com, Jakarta - `` (and, for outlets known to drop
  it, no separator before a gazetteer place: ``Liputan6.com, JakartaBanyak``)
- C ``<Place>[, region][, date] (<AGENCY>) <sep>``   ``Jakarta (ANTARA) - ``
- E ``<Outlet> - <PLACE> <sep|.>``         ``KONTAN.CO.ID - JAKARTA. ``
- D ``<Outlet> <sep>``                     ``Suara.com - ``
- G ``<PLACE> <d> <Month> <sep>``          ``IPOH 21 Ogos – ``
- F ``<PLACE> <sep>``                      ``JAKARTA - ``, ``Jakarta:  ``, ``PROBOLINGGO-Dermaga``
- I the dateline alone on its line, its separator on the next line or lost.

Outlet tokens come from the outlet catalogue (data); an unknown token shaped like a domain
(``TRIBUNKALTIM.CO``) names the outlet at that domain. Places are any capitalised words in
shapes that carry an outlet; alone (F, I) they must be in capitals or in the locale's
gazetteer. Shapes A, B, C and E with a catalogued outlet are also found inside the first
line, after a teaser glued in front of them (``...nanti.Jakarta (ANTARA) - ``).

One module per job: ``shapes`` (each shape a named pattern, written as its parts), ``fragments``
(the parts they share), ``accept`` (each shape's checks beyond its pattern), ``emit`` (claiming a
shape's parts), ``alone`` (shape I), ``teasers`` (datelines behind a teaser), ``words`` (outlet
keys, labels, glued words), ``rule_ids`` (every rule id, once) and ``stage`` (the order of it all).
"""

from __future__ import annotations

from .stage import Prefix
from .words import title_place

__all__ = ["Prefix", "title_place"]
