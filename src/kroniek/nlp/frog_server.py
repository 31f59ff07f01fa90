"""A long-lived Frog server on loopback, started and stopped by us.

Frog needs about ten seconds to load its models, so each worker keeps one
server for the whole run and one connection to it: Frog forks a child per
connection, and a child whose client disconnects keeps spinning at full CPU.
Frog ignores SIGTERM, so it runs under a guard (``frog_guard``) in a process
group of its own, and the whole group is stopped with SIGKILL; the guard also
kills the group when the kroniek process that started it dies.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import BinaryIO

from kroniek.config import FrogConfig
from kroniek.errors import FrogError, Msg
from kroniek.nlp.frog_output import END_OF_ANSWER

_LOOPBACK = "127.0.0.1"
_POLL_SECONDS = 0.25
_READY_LINE = END_OF_ANSWER.encode()


def _free_port() -> int:
    """A TCP port on loopback that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((_LOOPBACK, 0))
        port: int = sock.getsockname()[1]
        return port


def frog_version(binary: str) -> str:
    """The version Frog reports, e.g. ``0.20``; raises FrogError when Frog is missing."""
    path = shutil.which(binary)
    if path is None:
        raise FrogError(Msg.E101.format(binary=binary))
    out = subprocess.run(
        [path, "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    for word in (out.stdout + out.stderr).split():
        if word[:1].isdigit() and "." in word:
            return word
    return "unknown"


class FrogServer:
    """One Frog process in server mode, bound to loopback, using one thread."""

    def __init__(self, config: FrogConfig) -> None:
        self.config = config
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._connection: socket.socket | None = None
        self._answers: BinaryIO | None = None
        self._workdir = Path(tempfile.mkdtemp(prefix="kroniek-frog-"))
        self._log = self._workdir / "frog.log"

    def __enter__(self) -> FrogServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def pid(self) -> int | None:
        """Process group id of the running server (its guard's pid), or None."""
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        path = shutil.which(self.config.binary)
        if path is None:
            raise FrogError(Msg.E101.format(binary=self.config.binary))
        self.port = _free_port()
        command = [sys.executable, "-m", "kroniek.nlp.frog_guard"]
        command += [path, "-S", str(self.port), "--threads=1"]
        if self.config.skip:
            command.append(f"--skip={self.config.skip}")
        # More than one OpenMP thread makes Frog much slower on small machines.
        env = {**os.environ, "OMP_NUM_THREADS": "1"}
        with self._log.open("wb") as log:
            self._process = subprocess.Popen(
                command,
                cwd=self._workdir,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait_until_listening()

    def _wait_until_listening(self) -> None:
        """Poll the port until Frog listens; fail early if the process exits."""
        deadline = time.monotonic() + self.config.start_timeout
        while time.monotonic() < deadline:
            if self._process is None or self._process.poll() is not None:
                break
            if self._log_says_listening():
                return
            time.sleep(_POLL_SECONDS)
        tail = self.log_tail()
        self.stop()
        raise FrogError(Msg.E102.format(seconds=self.config.start_timeout, log_tail=tail))

    def _log_says_listening(self) -> bool:
        """Frog prints 'Listening on port' once its models are loaded."""
        try:
            return b"Listening on port" in self._log.read_bytes()
        except OSError:
            return False

    def log_tail(self, lines: int = 3) -> str:
        """The last lines of the server's log, for error messages."""
        try:
            text = self._log.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return " | ".join(text.strip().splitlines()[-lines:]) or "(empty log)"

    def stop(self) -> None:
        """Kill the server and the children it forked (they ignore SIGTERM) and reap it."""
        self._disconnect()
        process, self._process = self._process, None
        if process is None:
            return
        # The group id is the guard's pid (new session); it holds only Frog's processes.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)

    def close(self) -> None:
        """Stop the server and remove its working directory."""
        self.stop()
        shutil.rmtree(self._workdir, ignore_errors=True)

    def request(self, text: str) -> str:
        """Send one text (a single line) and return Frog's whole answer."""
        if self._process is None or self._process.poll() is not None:
            raise FrogError(Msg.E104)
        timeout = self.config.request_timeout
        try:
            answers = self._connect(timeout)
            assert self._connection is not None  # set by _connect
            self._connection.sendall(f"{text}\nEOT\n".encode())
            return _read_answer(answers)
        except TimeoutError as exc:
            self._disconnect()
            raise FrogError(Msg.E103.format(seconds=timeout)) from exc
        except OSError as exc:
            self._disconnect()
            raise FrogError(Msg.E104) from exc

    def _connect(self, timeout: float) -> BinaryIO:
        """The one connection to the server, opened on first use."""
        if self._answers is None:
            self._connection = socket.create_connection((_LOOPBACK, self.port), timeout=timeout)
            self._answers = self._connection.makefile("rb")
        return self._answers

    def _disconnect(self) -> None:
        """Drop the connection (after an error the stream position is unknown)."""
        answers, connection = self._answers, self._connection
        self._answers = self._connection = None
        for stream in (answers, connection):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


def _read_answer(answers: BinaryIO) -> str:
    """Read lines up to Frog's end-of-answer line; raise when the connection ends early."""
    lines: list[bytes] = []
    while True:
        line = answers.readline()
        if not line:
            raise FrogError(Msg.E104)
        if line.strip() == _READY_LINE:
            return b"".join(lines).decode("utf-8", errors="replace")
        lines.append(line)
