"""The guard that takes Frog down with the kroniek process that started it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

OWNER = """
import subprocess, sys, time
guard = subprocess.Popen(
    [sys.executable, "-m", "kroniek.nlp.frog_guard", "sleep", "300"], start_new_session=True
)
print(guard.pid, flush=True)
time.sleep(300)
"""


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_the_group_dies_when_the_owner_is_killed() -> None:
    owner = subprocess.Popen([sys.executable, "-c", OWNER], stdout=subprocess.PIPE, text=True)
    assert owner.stdout is not None
    pgid = int(owner.stdout.readline())
    time.sleep(0.5)
    assert group_alive(pgid)
    owner.send_signal(signal.SIGKILL)
    owner.wait()
    deadline = time.monotonic() + 10
    while group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not group_alive(pgid), "guarded process outlived its owner"


def test_the_guard_returns_the_exit_code_of_its_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kroniek.nlp.frog_guard", "sh", "-c", "exit 3"],
        timeout=30,
        check=False,
    )
    assert done.returncode == 3
