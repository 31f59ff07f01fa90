"""Access to the TOML data files shipped inside this package."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any


def load_toml(name: str) -> dict[str, Any]:
    """Parse the package data file ``name`` (e.g. ``layout_nl.toml``).

    Going through importlib.resources keeps this working from a wheel or zip,
    not only from a source checkout.
    """
    data = resources.files("kroniek.ingest").joinpath(name).read_bytes()
    return tomllib.loads(data.decode("utf-8"))
