"""The ``kroniek`` command: argument parsing (``commands``) and what the terminal shows
(``terminal``: progress, tables, highlighted documents)."""

from kroniek.cli.commands import app

__all__ = ["app"]
