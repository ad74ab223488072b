"""A QGuiApplication for drawing sheets from the command line (fonts need one; no window is shown)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def headless_gui() -> Iterator[None]:
    """Use the running Qt application, or start an off-screen one for the duration."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        yield
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(["coach"])
    try:
        yield
    finally:
        del app
