"""Refuse to run on a Qt binding known to crash Coach, with a message saying what to do.

PySide6 6.12.0 under Python 3.11 drops a reference to None on every call of a
method that returns nothing; after a few thousand calls the interpreter aborts
("none_dealloc"). pyproject.toml excludes that release, but an installation made
by hand could still carry it, and a crash at the help desk loses the visit.
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QObject


def none_reference_leak(calls: int = 200) -> bool:
    """True when calling a void Qt method drops references to None."""
    if sys.version_info >= (3, 12):
        return False  # None is immortal there (PEP 683): the defect cannot crash
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("coach")
    return sys.getrefcount(None) < before - calls // 2


def binding_problem() -> str | None:
    """A message for the user when the installed PySide6 cannot run Coach safely."""
    if none_reference_leak():
        return (
            f"PySide6 {PySide6.__version__} has a defect that makes Coach crash after a few minutes "
            f"on Python {sys.version_info.major}.{sys.version_info.minor}. Install another version: "
            'pip install "PySide6-Essentials!=6.12.0" "PySide6-Addons!=6.12.0" (or run ./dev.sh start).'
        )
    return None
