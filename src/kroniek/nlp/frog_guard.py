"""Runs a Frog server and takes it down with its owner: ``python -m kroniek.nlp.frog_guard CMD…``.

Frog forks a child per connection, and a child whose client has gone away
spins at full CPU forever; Frog also ignores SIGTERM.  So a kroniek process
that is killed must not leave Frog behind.  This guard is started in a new
process group, starts Frog in that same group, and when its parent (the
kroniek process) disappears it kills the whole group with SIGKILL.  kroniek
itself stops Frog the same way: SIGKILL to the group.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

_POLL_SECONDS = 0.5


def _kill_group() -> None:
    """SIGKILL this process group: Frog, its forked children and the guard itself."""
    os.killpg(0, signal.SIGKILL)


def main(command: list[str]) -> int:
    """Run ``command`` until it exits, or kill it when the parent of the guard is gone."""
    owner = os.getppid()
    signal.signal(signal.SIGTERM, lambda *_: _kill_group())
    server = subprocess.Popen(command)
    while True:
        try:
            return server.wait(timeout=_POLL_SECONDS)
        except subprocess.TimeoutExpired:
            if os.getppid() != owner:
                _kill_group()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
