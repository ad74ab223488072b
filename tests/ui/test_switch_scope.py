"""A client's language switch re-measures the player's side only; the worker's panel is left as it is."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from coach.settings import Settings


class LayoutSpy(QObject):
    """Counts the layout requests a widget and its children receive."""

    def __init__(self, root: QWidget) -> None:
        super().__init__()
        self.seen: list[str] = []
        for widget in (root, *root.findChildren(QWidget)):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LayoutRequest:
            self.seen.append(type(watched).__name__)
        return False


def test_client_switch_leaves_the_panel_alone_and_a_worker_switch_does_not(make_desk) -> None:
    desk = make_desk(Settings(client_language="fr", worker_language="fr", auto_read=False))
    window, panel = desk.window, desk.panel
    window.open_lesson("demo", window.library.tiles()[0].lesson.id)
    QApplication.processEvents()
    texts = [label.text() for label in panel.findChildren(QLabel)]
    spy = LayoutSpy(panel)

    window.set_client_language("ar")
    for _ in range(4):
        QApplication.processEvents()
    assert window.lesson.isRightToLeft()
    assert spy.seen == [], f"the panel was re-measured for the client's language: {spy.seen}"
    assert panel.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert [label.text() for label in panel.findChildren(QLabel)] == texts

    window.set_worker_language("ar")
    for _ in range(4):
        QApplication.processEvents()
    assert spy.seen, "a worker's switch re-measures the panel (its fonts and direction change)"
    assert panel.layoutDirection() == Qt.LayoutDirection.RightToLeft
