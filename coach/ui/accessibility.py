"""What Coach adds to Qt's accessibility: announcements, and interfaces read safely.

`announce()` has a screen reader say a change that moves no focus (a new step, "someone
is coming to help you", a saved note): Qt 6.8's announcement event, which its AT-SPI
bridge sends as object:announcement (Orca speaks it; "assertive" interrupts speech).

Qt's own interface for a scroll area (QAccessibleAbstractScrollArea, Qt 6.11) does not
check the index a screen reader asks for: when the vertical scroll bar hides between the
reader's "how many children" and "child N" (a new page, a longer text), the application
crashes. `install()` puts a checked interface in its place for every QScrollArea, and
has Coach's pictures (widgets.PictureView) read as images, with their description.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QScrollArea, QWidget

_installed: list[bool] = []


def announce(source: QObject, text: str, assertive: bool = False) -> None:
    """Have assistive technology say `text` (from `source`, whose language it is read in)."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(source, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


class ScrollAreaAccessible(QAccessibleWidget):
    """A scroll area's children (the viewport, then the scroll bars shown), asked for safely."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area, QAccessible.Role.Client)
        self._area = area

    def _children(self) -> list[QWidget]:
        children: list[QWidget] = [self._area.viewport()]
        for bar in (self._area.horizontalScrollBar(), self._area.verticalScrollBar()):
            container = bar.parentWidget()
            if bar.isVisible() and container is not None:
                children.append(container)
        corner = self._area.cornerWidget()
        if corner is not None and corner.isVisible():
            children.append(corner)
        return children

    def childCount(self) -> int:  # noqa: N802 - Qt's name
        return len(self._children())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        # (None is what Qt's C++ returns for "no such child"; the stubs say otherwise.)
        children = self._children()
        if 0 <= index < len(children):
            return QAccessible.queryAccessibleInterface(children[index])
        return None

    def indexOfChild(self, child: QAccessibleInterface | None) -> int:  # noqa: N802 - Qt's name
        target = child.object() if child is not None else None
        children = self._children()
        return children.index(target) if target in children else -1


class PictureAccessible(QAccessibleWidget):
    """A picture: an image to a screen reader (not an unnamed 'filler'), named and described."""

    def __init__(self, picture: QWidget) -> None:
        super().__init__(picture, QAccessible.Role.Graphic)

    def childCount(self) -> int:  # noqa: N802 - Qt's name
        return 0

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None


def _factory(class_name: str, obj: QObject) -> QAccessibleInterface | None:
    if class_name == "PictureView" and isinstance(obj, QWidget):
        return PictureAccessible(obj)
    # Only the scroll area itself: its subclasses with their own interface (text edits,
    # item views) keep Qt's, which they reach first under their own class name.
    if class_name == "QScrollArea" and isinstance(obj, QScrollArea):
        return ScrollAreaAccessible(obj)
    return None


def install() -> None:
    """Install Coach's interfaces, once per process (before the first window is read)."""
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed.append(True)
