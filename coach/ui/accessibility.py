"""What Coach adds to Qt's accessibility: announcements, and interfaces read safely.

`announce()` has a screen reader say a change that moves no focus (a new step, "someone
is coming to help you", a saved note): Qt 6.8's announcement event, which its AT-SPI
bridge sends as object:announcement (Orca speaks it; "assertive" interrupts speech).

Qt's own interface for a scroll area (QAccessibleAbstractScrollArea, Qt 6.11) does not
check the index a screen reader asks for: when the vertical scroll bar hides between the
reader's "how many children" and "child N" (a new page, a longer text), the application
crashes. `install()` puts a checked interface in its place for every QScrollArea, and
has Coach's pictures (widgets.PictureView) read as images, with their description.

Qt's button interface reads a checkable tool or push button as a check box, whatever its
exclusivity: a button marked `ExclusiveChoice` (the end screen's faces, the panel's levels)
is read as a radio button, inside a `ChoiceGroup` read as a named panel, and the arrow keys
move to the next choice and choose it. A step's sentence (`SpokenText`, a label) exposes
the Text interface, its caret on the word being read. `QuietComboBox` keeps the items of
its closed list from reporting "showing" and "focused".
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleAttributesInterface,
    QAccessibleInterface,
    QAccessibleTextCursorEvent,
    QAccessibleTextInterface,
    QKeyEvent,
)
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QComboBox, QListView, QScrollArea, QWidget

_installed: list[bool] = []


def announce(source: QObject, text: str, assertive: bool = False) -> None:
    """Have assistive technology say `text` (from `source`, whose language it is read in)."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(source, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


class _WidgetLocale(QAccessibleAttributesInterface):
    """A widget's language, the attribute AT-SPI's GetLocale reads (Orca picks its voice by it)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self._widget = widget

    def attributeKeys(self) -> list[QAccessible.Attribute]:  # noqa: N802 - Qt's name
        return [QAccessible.Attribute.Locale]

    def attributeValue(self, key: QAccessible.Attribute) -> object:  # noqa: N802 - Qt's name
        return self._widget.locale() if key == QAccessible.Attribute.Locale else None


class CoachAccessible(QAccessibleWidget):
    """Qt's plain widget interface, with the widget's language (Qt gives that to its own interfaces
    only: without it, a node reports the application's language)."""

    def __init__(self, widget: QWidget, role: QAccessible.Role) -> None:
        super().__init__(widget, role)
        self._locale = _WidgetLocale(widget)

    def interface_cast(self, kind: QAccessible.InterfaceType) -> object:  # type: ignore[override]
        # Qt wants a C++ address, which PySide takes back only as a VoidPtr (a plain int crashes).
        if kind == QAccessible.InterfaceType.AttributesInterface:
            return shiboken6.VoidPtr(shiboken6.getCppPointer(self._locale)[0])
        return shiboken6.VoidPtr(super().interface_cast(kind))


class ScrollAreaAccessible(CoachAccessible):
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


class PictureAccessible(CoachAccessible):
    """A picture: an image to a screen reader (not an unnamed 'filler'), named and described."""

    def __init__(self, picture: QWidget) -> None:
        super().__init__(picture, QAccessible.Role.Graphic)

    def childCount(self) -> int:  # noqa: N802 - Qt's name
        return 0

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None


class ExclusiveChoice:
    """Mixed into a checkable button that is one of several exclusive choices (first in the bases).

    Read as a radio button. The arrow keys go to the next or the previous choice of its
    group (its QButtonGroup, else its siblings that are choices too), around the end, in
    reading order (Left is "next" right to left), and choose it, as a radio group does.
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        step = _arrow_step(event, self)  # type: ignore[arg-type]
        siblings = _choices_beside(self)  # type: ignore[arg-type]
        if step == 0 or len(siblings) < 2:
            super().keyPressEvent(event)  # type: ignore[misc]
            return
        event.accept()
        target = siblings[(siblings.index(self) + step) % len(siblings)]  # type: ignore[arg-type]
        target.setFocus(Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason)
        if not target.isChecked():
            target.click()


class ChoiceGroup:
    """Mixed into the widget holding exclusive choices: a panel named by its accessible name."""


def _arrow_step(event: QKeyEvent, button: QAbstractButton) -> int:
    if event.modifiers() not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
        return 0
    forward = Qt.Key.Key_Left if button.isRightToLeft() else Qt.Key.Key_Right
    backward = Qt.Key.Key_Right if button.isRightToLeft() else Qt.Key.Key_Left
    key = event.key()
    if key in (Qt.Key.Key_Down, forward):
        return 1
    if key in (Qt.Key.Key_Up, backward):
        return -1
    return 0


def _choices_beside(button: QAbstractButton) -> list[QAbstractButton]:
    group = button.group()
    if group is not None:
        found = group.buttons()
    else:
        parent = button.parentWidget()
        found = [w for w in (parent.children() if parent is not None else [])
                 if isinstance(w, ExclusiveChoice) and isinstance(w, QAbstractButton)]
    return [b for b in found if b.isVisible() and b.isEnabled()]


class ChoiceAccessible(CoachAccessible):
    """An exclusive choice: a radio button, checked or not; its press chooses it."""

    def __init__(self, button: QAbstractButton) -> None:
        super().__init__(button, QAccessible.Role.RadioButton)
        self._button = button

    def state(self) -> QAccessible.State:
        state = super().state()
        state.checkable = True
        state.checked = self._button.isChecked()
        return state

    def childCount(self) -> int:  # noqa: N802 - Qt's name (a button's own label is its name)
        return 0

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def actionNames(self) -> list[str]:  # noqa: N802 - Qt's name
        return [self.pressAction(), *super().actionNames()] if self._button.isEnabled() else []

    def doAction(self, name: str) -> None:  # noqa: N802 - Qt's name
        if name in (self.pressAction(), self.toggleAction()):
            if self._button.isEnabled():
                self._button.click()
        else:
            super().doAction(name)


class GroupAccessible(CoachAccessible):
    """The holder of a set of choices: a panel, named (the question or the skill)."""

    def __init__(self, group: QWidget) -> None:
        super().__init__(group, QAccessible.Role.Grouping)


class _SpokenTextInterface(QAccessibleTextInterface):
    """A step sentence's characters; the caret is on the word being read (0 otherwise)."""

    def __init__(self, label: QWidget) -> None:
        super().__init__()
        self._label = label

    def _plain(self) -> str:
        return str(self._label.plain_text())  # type: ignore[attr-defined]

    def text(self, start: int, end: int) -> str:
        return self._plain()[max(start, 0):end if end >= 0 else None]

    def characterCount(self) -> int:  # noqa: N802 - Qt's name
        return len(self._plain())

    def cursorPosition(self) -> int:  # noqa: N802 - Qt's name
        start, _length = self._label.highlight_span()  # type: ignore[attr-defined]
        return max(int(start), 0)

    def setCursorPosition(self, position: int) -> None:  # noqa: N802 - read only: the reader moves it
        pass

    def selectionCount(self) -> int:  # noqa: N802 - Qt's name
        return 0

    def addSelection(self, start: int, end: int) -> None:  # noqa: N802 - nothing to select
        pass

    def removeSelection(self, index: int) -> None:  # noqa: N802
        pass

    def setSelection(self, index: int, start: int, end: int) -> None:  # noqa: N802
        pass

    def characterRect(self, offset: int) -> QRect:  # noqa: N802 - not laid out per character
        return QRect()

    def offsetAtPoint(self, point: QPoint) -> int:  # noqa: N802
        return -1

    def scrollToSubstring(self, start: int, end: int) -> None:  # noqa: N802 - always wholly shown
        pass


class SpokenTextAccessible(CoachAccessible):
    """A step's sentence: a label with the Text interface (Qt's labels have none on AT-SPI)."""

    def __init__(self, label: QWidget) -> None:
        super().__init__(label, QAccessible.Role.StaticText)
        self._text = _SpokenTextInterface(label)

    def interface_cast(self, kind: QAccessible.InterfaceType) -> object:  # type: ignore[override]
        if kind == QAccessible.InterfaceType.TextInterface:
            return shiboken6.VoidPtr(shiboken6.getCppPointer(self._text)[0])
        return super().interface_cast(kind)

    def childCount(self) -> int:  # noqa: N802 - Qt's name
        return 0

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None


def caret_moved(label: QWidget, position: int) -> None:
    """Tell assistive technology the caret of `label` (a SpokenText) is now at `position`."""
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleTextCursorEvent(label, position))


class _PopupList(QListView):
    """A combo box's list whose items have no place on screen while the list is closed."""

    def __init__(self, combo: QuietComboBox) -> None:
        super().__init__()
        self._combo = combo

    def visualRect(self, index: QModelIndex | QPersistentModelIndex) -> QRect:  # noqa: N802 - Qt's name
        return super().visualRect(index) if self._combo.popup_open else QRect()

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,  # noqa: N802 - Qt's name
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        super().currentChanged(current, previous)
        selection = self.selectionModel()
        if current.isValid() and not self._combo.popup_open and selection is not None:
            selection.clearCurrentIndex()  # the combo box keeps its own; showPopup puts it back


class QuietComboBox(QComboBox):
    """A combo box whose closed list's items neither say "showing" nor "focused" to a reader.

    Qt reads an item as showing when its place meets its list's, and focused when it is the
    list's current one, even with the list closed: here a closed list's items have no place
    and the list no current item (the combo box's own current item is kept, and put back
    as the list's when it opens).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.popup_open = False
        self.setView(_PopupList(self))

    def showPopup(self) -> None:  # noqa: N802 - Qt's name
        self.popup_open = True
        if self.currentIndex() >= 0:  # the list's current item is the combo box's, as Qt keeps it
            self.view().setCurrentIndex(self.model().index(self.currentIndex(), self.modelColumn(),
                                                           self.rootModelIndex()))
        super().showPopup()

    def hidePopup(self) -> None:  # noqa: N802 - Qt's name
        super().hidePopup()
        self.popup_open = False
        selection = self.view().selectionModel()
        if selection is not None:
            selection.clearCurrentIndex()


def _factory(class_name: str, obj: QObject) -> QAccessibleInterface | None:
    if class_name == "PictureView" and isinstance(obj, QWidget):
        return PictureAccessible(obj)
    if class_name == "SpokenText" and isinstance(obj, QWidget):
        return SpokenTextAccessible(obj)
    if isinstance(obj, ExclusiveChoice) and isinstance(obj, QAbstractButton):
        return ChoiceAccessible(obj)
    if isinstance(obj, ChoiceGroup) and isinstance(obj, QWidget):
        return GroupAccessible(obj)
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
