"""``python -m kroniek`` runs the command-line interface."""

from kroniek.cli import app

app()
