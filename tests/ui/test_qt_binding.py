"""The installed Qt binding is one Coach can run on for a whole day."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

from coach.ui.binding_check import binding_problem, none_reference_leak


def test_void_calls_keep_none_alive(qtbot) -> None:
    """Thousands of void Qt calls leave None's reference count intact (PySide6 6.12.0 did not)."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("Suivant")
    assert sys.getrefcount(None) >= before - 100
    assert not none_reference_leak()
    assert binding_problem() is None
