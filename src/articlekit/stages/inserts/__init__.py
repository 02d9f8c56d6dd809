"""Inserts: ``Baca juga: <headline>`` and its relatives, wherever they stand.

Layouts: a line of its own (``Baca juga: <headline>``), a bare marker whose headline was
lost (``Baca Juga`` → headline ``""``), in parentheses (``(Baca: <headline>)``), and glued
into running text (``...terjadi.BACA JUGA: <headline> Pada akhir ...``). Where newlines
were lost, the headline ends where the next sentence begins: a capitalised word followed by
a lower-case word that is not one of the locale's headline small words, a quote, a double
space, another marker or a credit label.

One module per job: ``stage`` (where each marker is looked for; inserts in parentheses and glued
into running text), ``marker_line`` (a marker at a line start, its headline on the line or below),
``below`` (headlines on the lines below a marker), ``boxes`` (several headlines glued on one line),
``headline`` (where a headline ends in running text, and its text) and ``patterns`` (compiled once
per locale). Each layout's rule is defined in the module that claims with it.
"""

from __future__ import annotations

from .stage import Inserts

__all__ = ["Inserts"]
