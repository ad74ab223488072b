"""A practice built when its step shows is in the Tab order where it is read: before the step's controls."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from coach.ui.focus_chain import put_before


def _names(window: QWidget) -> list[str]:
    names, current = [], window.nextInFocusChain()
    while current is not window:
        if isinstance(current, QPushButton):
            names.append(current.text())
        current = current.nextInFocusChain()
    return names


def test_widgets_built_late_move_before_the_anchor_in_their_own_order(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    for text in ("top", "back", "next"):
        layout.addWidget(QPushButton(text))
    practice = QWidget()
    inner = QVBoxLayout(practice)
    for text in ("choice 1", "choice 2"):
        inner.addWidget(QPushButton(text))
    layout.insertWidget(1, practice)
    assert _names(window) == ["top", "back", "next", "choice 1", "choice 2"], "Qt appends it at the end"
    back = window.findChildren(QPushButton)[1]
    put_before(practice, back)
    assert _names(window) == ["top", "choice 1", "choice 2", "back", "next"]
    put_before(practice, back)  # again: nothing moves
    assert _names(window) == ["top", "choice 1", "choice 2", "back", "next"]
