"""The top bar's buttons, as a keyboard user expects them to behave.

A `QToolButton` answers Space only; the README (and every desktop) promises Enter too.
A button that has a menu opens it from the keyboard with Alt+Down, the Menu key or
Shift+F10, and its arrow is a button of its own, reached with Tab and pressed with
Space or Enter. Menus open without blocking (`popup`, never `exec`), so that an
assistive technology asking to open one gets its answer at once. When such a menu closes
(Escape, or an entry that leaves the focus where it was) the focus is still, for Qt, on
the button that opened it, so Qt tells assistive technology nothing: `open_menu_below`
says so itself (a focus event), or a screen reader would stay on the vanished menu entry.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent, QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QMenu, QSizePolicy, QToolButton, QWidget

_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def _opens_menu(event: QKeyEvent) -> bool:
    key, modifiers = event.key(), event.modifiers()
    return ((key == Qt.Key.Key_Down and modifiers == Qt.KeyboardModifier.AltModifier)
            or key == Qt.Key.Key_Menu
            or (key == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier))


class BarButton(QToolButton):
    """A tool button that Enter and Return press like Space, and that may offer a menu."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open_menu: Callable[[], None] | None = None

    def offer_menu(self, open_menu: Callable[[], None]) -> None:
        """Let Alt+Down, the Menu key, Shift+F10 and a keyboard context menu call `open_menu`."""
        self._open_menu = open_menu

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self._open_menu is not None and _opens_menu(event):
            event.accept()
            self._open_menu()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in _PLAIN:
            event.accept()
            if not event.isAutoRepeat():
                self.animateClick()
        else:
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        if self._open_menu is not None:
            event.accept()
            self._open_menu()
        else:
            super().contextMenuEvent(event)


def tool_button(name: str, text_beside: bool = False, checkable: bool = False) -> BarButton:
    """A top-bar button: focusable by Tab, a pointing hand, icon (and text) as asked."""
    button = BarButton()
    button.setObjectName(name)
    button.setCheckable(checkable)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    # Not Fixed: a fixed icon-only button would cap the whole bar's height.
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    button.setToolButtonStyle(
        Qt.ToolButtonStyle.ToolButtonTextBesideIcon if text_beside else Qt.ToolButtonStyle.ToolButtonIconOnly
    )
    return button


class _FocusReturn(QObject):
    """Tells assistive technology that the focus is back on a menu's opener once the menu has closed."""

    def __init__(self, menu: QMenu) -> None:
        super().__init__(menu)
        self.opener: QWidget | None = None
        menu.aboutToHide.connect(lambda: QTimer.singleShot(0, self._closed))

    def _closed(self) -> None:
        opener, self.opener = self.opener, None
        # Only where the focus truly is: an entry that opened a dialog or a screen moved it.
        if opener is not None and QApplication.focusWidget() is opener and QApplication.activePopupWidget() is None:
            QAccessible.updateAccessibility(QAccessibleEvent(opener, QAccessible.Event.Focus))


def _focus_return(menu: QMenu) -> _FocusReturn:
    found = menu.findChild(_FocusReturn, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return found if isinstance(found, _FocusReturn) else _FocusReturn(menu)


def open_menu_below(menu: QMenu, anchor: QWidget) -> None:
    """Show `menu` under `anchor`, aligned with its start edge, its first entry active; returns at once.

    When it closes with the focus still on the control that had it (its opener), a focus
    event says so to assistive technology."""
    _focus_return(menu).opener = QApplication.focusWidget()
    right_to_left = menu.layoutDirection() == Qt.LayoutDirection.RightToLeft
    corner = anchor.rect().bottomRight() if right_to_left else anchor.rect().bottomLeft()
    where = anchor.mapToGlobal(corner + QPoint(0, 1))
    if right_to_left:
        where -= QPoint(menu.sizeHint().width(), 0)
    first = next((action for action in menu.actions() if action.isEnabled() and not action.isSeparator()), None)
    menu.popup(where, first)
    if first is not None:
        menu.setActiveAction(first)
