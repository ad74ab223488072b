"""What the window benches share: a clock that stops when a frame is painted, and the figures.

A frame ends when Qt has painted the window's dirty region and flushed it to the
screen: that happens while the top-level widget handles its `UpdateRequest` event.
`FrameClock` handles that event itself, inside an event filter on the one top-level
window (not the whole application, which would slow every event), and notes the time
when it returns. `until_painted` runs an action (a key press, a click), lets Qt deliver
what it posted, and returns the seconds to the last frame the action caused.
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget


class FrameClock(QObject):
    """Notes the end of every frame painted for `window`."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.frames: list[float] = []
        self._inside = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.UpdateRequest or self._inside or not isinstance(watched, QWidget):
            return False
        self._inside = True
        try:
            watched.event(event)  # paints and flushes the frame now
        finally:
            self._inside = False
        self.frames.append(time.perf_counter())
        return True


def drain(passes: int = 4) -> None:
    """Deliver what Qt has posted (layouts, updates); one pass can post another."""
    for _ in range(passes):
        QApplication.processEvents()


def until_painted(clock: FrameClock, action: Callable[[], object]) -> float:
    """Seconds from `action()` to the end of the last frame it caused (raises when none was painted)."""
    drain()
    clock.frames.clear()
    start = time.perf_counter()
    action()
    drain()
    if not clock.frames:
        raise RuntimeError("the action caused no repaint: nothing to time")
    return clock.frames[-1] - start


def wait_until(condition: Callable[[], bool], timeout: float = 60.0, what: str = "") -> None:
    """Run the event loop until `condition()` holds (a records task, the speech child)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up waiting for {what or condition}")
        QApplication.processEvents()
        time.sleep(0.005)


def peak_rss_mb() -> float:
    """This process's peak resident memory, in MB.

    On Linux VmHWM of /proc/self/status: ru_maxrss survives exec, so a child started by
    a bench that had just generated packs reported the bench's own peak (381 MB at every
    packs count) instead of its own.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Row:
    """One measured line: its samples in seconds (or MB) and its target."""

    name: str
    samples: list[float] = field(default_factory=list)
    target: str = ""
    unit: str = "ms"

    def line(self) -> str:
        if not self.samples:
            return f"{self.name:<58} (no samples)"
        scale = 1000 if self.unit == "ms" else 1
        med, low, high = (scale * statistics.median(self.samples), scale * min(self.samples),
                          scale * max(self.samples))
        figures = f"median {med:8.1f}  min {low:8.1f}  max {high:8.1f} {self.unit}"
        return f"{self.name:<58} {figures}  n={len(self.samples):<3} {self.target}"


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs, {platform.machine()}, "
            f"Python {platform.python_version()}, load average {load:.1f}, "
            f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', '')}")


def print_rows(title: str, rows: list[Row]) -> str:
    text = "\n".join([f"## {title}", *(row.line() for row in rows), ""])
    print(text, flush=True)
    return text
