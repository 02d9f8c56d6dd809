"""The command line: ``articlekit parse``, ``articlekit schema``, ``articlekit rules``, ``articlekit outlets``.

``articlekit parse page.txt`` prints the Article as JSON (``-`` or no file reads stdin);
``--explain`` prints a table of what was cut and why instead. Many files, a folder or JSON Lines
streams give JSON Lines, one line per record (see ``articlekit parse --help``, "corpora").
``articlekit rules`` lists every rule a ``why`` can name (id, stage, kind, where it is defined, what
it does) and ``articlekit outlets`` the outlet catalogue; both take ``--json``.

One module per job: ``arguments`` (the options), ``commands`` (running a command), ``listings``
(``rules`` and ``outlets``), ``corpus_run`` (many inputs to JSON Lines or a table), ``templates``
(``--learn-templates``) and ``reporting`` (progress, errors and the summary on stderr).
"""

from __future__ import annotations

from .commands import main

__all__ = ["main"]
