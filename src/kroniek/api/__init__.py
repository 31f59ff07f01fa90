"""The HTTP API and dashboard server (``kroniek serve``): read-only, JSON, one error shape."""

from kroniek.api.app import create_app

__all__ = ["create_app"]
