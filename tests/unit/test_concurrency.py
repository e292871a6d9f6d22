"""Shared limits and the export browser under concurrency: slots across processes, and one
failed render never failing the renders beside it."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from contextlib import ExitStack
from pathlib import Path

import pytest

from loftet.export import browser as export_browser
from loftet.slots import Busy, in_use, slot

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys, time
from loftet.slots import slot
with slot("prove", 2):
    print("holding", flush=True)
    time.sleep(60)
"""


def test_slots_cap_work_and_free_when_released() -> None:
    with ExitStack() as held:
        held.enter_context(slot("tre", 3))
        held.enter_context(slot("tre", 3))
        assert in_use("tre", 3) == 2
        held.enter_context(slot("tre", 3))
        with pytest.raises(Busy, match="Prøv igjen om litt"), slot("tre", 3, wait_s=0.3):
            pass
    assert in_use("tre", 3) == 0


def test_a_killed_holder_frees_its_slot() -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER], cwd=ROOT, env=os.environ, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        assert in_use("prove", 2) == 1
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
    assert in_use("prove", 2) == 0


class FakeKaleido:
    """Renders after `delay` seconds; a figure titled "feil" fails at once (while the others
    are still rendering)."""

    def __init__(self, delay: float) -> None:
        self.delay = delay

    async def calc_fig(self, fig, opts, topojson=None) -> bytes:
        if fig.get("layout", {}).get("title") == "feil":
            raise RuntimeError("render timed out")
        await asyncio.sleep(self.delay)
        return b"bilde"


class FakeBrowser(export_browser._Browser):
    """A `_Browser` with the real loop thread and reference counting, but no Chromium."""

    opened: list[FakeBrowser] = []

    def __init__(self, path: str, delay: float = 0.4) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.users, self.retired, self.closed = 0, False, False
        self.kaleido = FakeKaleido(delay)
        FakeBrowser.opened.append(self)

    def close(self) -> None:
        assert self.users == 0, "closed while renders were still running"
        self.closed = True
        self.loop.call_soon_threadsafe(self.loop.stop)


def test_one_failed_render_does_not_fail_the_others(monkeypatch) -> None:
    FakeBrowser.opened = []
    monkeypatch.setattr(export_browser, "_Browser", FakeBrowser)
    monkeypatch.setattr(export_browser, "browser_path", lambda: "/usr/bin/chromium")
    session = export_browser.KaleidoSession()
    results: dict[str, object] = {}

    def render(name: str, title: str) -> None:
        try:
            results[name] = session.render({"layout": {"title": title}}, "png")
        except export_browser.ExportError as error:
            results[name] = error

    slow = [threading.Thread(target=render, args=(f"ok{i}", "ok")) for i in range(3)]
    for thread in slow:
        thread.start()
    time.sleep(0.1)
    render("feil", "feil")
    assert not FakeBrowser.opened[0].closed, "the failure must not close the shared browser"
    for thread in slow:
        thread.join(5)
    assert isinstance(results["feil"], export_browser.ExportError)
    assert "feilet" in str(results["feil"]) and "timed out" not in str(results["feil"])
    assert [results[f"ok{i}"] for i in range(3)] == [b"bilde"] * 3
    first = FakeBrowser.opened[0]
    assert first.retired and first.closed and first.users == 0
    assert session.render({"layout": {}}, "svg") == b"bilde"
    assert len(FakeBrowser.opened) == 2, "a fresh browser after the failure"
    session.stop()
    assert FakeBrowser.opened[1].closed
