"""Running the app: in the foreground for ``kroniek serve``, in a thread for tests."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import uvicorn

from kroniek.api.app import create_app
from kroniek.errors import KroniekError, Msg
from kroniek.store import open_for_reading

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def check_database(db: Path) -> None:
    """Fail now, with the store's message, if the database cannot be opened for reading."""
    open_for_reading(db).close()


def check_port(host: str, port: int) -> None:
    """Fail with E611 if nothing can listen on ``host:port`` (in use, or no such address)."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        raise KroniekError(Msg.E611.format(host=host, port=port, detail=exc.strerror)) from exc


def url(host: str, port: int) -> str:
    """The dashboard's address as a browser wants it."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(db: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Serve until interrupted (Ctrl-C); the caller has checked database and port."""
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def free_port(host: str = DEFAULT_HOST) -> int:
    """A port nothing listens on right now, chosen by the operating system."""
    with socket.create_server((host, 0)) as probe:
        return int(probe.getsockname()[1])


class BackgroundServer:
    """The app served by uvicorn in a daemon thread, for browser tests and screenshots."""

    def __init__(self, db: Path, host: str = DEFAULT_HOST, port: int | None = None) -> None:
        self.host = host
        self.port = port or free_port(host)
        config = uvicorn.Config(create_app(db), host=host, port=self.port, log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    @property
    def url(self) -> str:
        """The dashboard's address."""
        return url(self.host, self.port)

    def __enter__(self) -> BackgroundServer:
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start on {self.url}")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
