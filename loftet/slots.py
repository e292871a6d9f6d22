"""Caps on expensive work shared by every worker process on the machine: at most N report packs
or image exports at once.

A slot is an exclusive `flock` on one of N files under `cache_dir()/slots/<kind>/`. The kernel
drops the lock when its holder closes the file or dies, so a cancelled (killed) report pack or
a crashed worker never keeps a slot. Work that finds every slot taken waits up to `wait_s`,
then gets `Busy`, which the app shows as «prøv igjen om litt».
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from loftet.config import cache_dir

POLL_S = 0.2
MAX_PACKS = int(os.environ.get("LOFTET_MAX_PACKS", "2"))
"""Report packs built at once (each runs its own Chromium in its own process)."""
MAX_IMAGE_EXPORTS = int(os.environ.get("LOFTET_MAX_IMAGE_EXPORTS", "4"))
"""Chart images (PNG, SVG, PDF) drawn at once across all workers."""
BUSY_TEXT = "Mange lager filer akkurat nå. Prøv igjen om litt."


class Busy(RuntimeError):
    """Every slot of a kind is taken."""


def _slot_files(kind: str, limit: int) -> list[Path]:
    folder = cache_dir() / "slots" / kind
    folder.mkdir(parents=True, exist_ok=True)
    return [folder / f"{number}.lock" for number in range(limit)]


def _try_lock(path: Path) -> int | None:
    """An open descriptor holding `path`'s lock, or None when another holder has it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


@contextmanager
def slot(kind: str, limit: int, wait_s: float = 0.0) -> Iterator[int]:
    """Hold one of `limit` slots of `kind` for the `with` block; `Busy` if none is free
    within `wait_s` seconds. Yields the slot's number."""
    files = _slot_files(kind, max(limit, 1))
    deadline = time.monotonic() + wait_s
    while True:
        for number, path in enumerate(files):
            fd = _try_lock(path)
            if fd is not None:
                try:
                    yield number
                finally:
                    os.close(fd)
                return
        if time.monotonic() >= deadline:
            raise Busy(BUSY_TEXT)
        time.sleep(POLL_S)


def in_use(kind: str, limit: int) -> int:
    """How many slots of `kind` are held right now (for tests and the load test)."""
    held = 0
    for path in _slot_files(kind, max(limit, 1)):
        fd = _try_lock(path)
        if fd is None:
            held += 1
        else:
            os.close(fd)
    return held
