"""F6 and Shift+F6 move the keyboard between the window's three regions: the top bar, the
screen shown (the client's page) and the worker's panel, as desktops and browsers do.

Tab walks every control in reading order, so from the client's page the worker's panel
can be dozens of presses away (a library of lessons lies between). F6 goes to the next
region's control that had the focus last, or to its first control; the focus event that
follows is what a screen reader says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from coach.ui.focus_chain import chain_inside

if TYPE_CHECKING:
    from coach.ui.player.main_window import MainWindow


def _can_take_focus(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisible() and widget.isEnabled()


class PaneCycle(QObject):
    """The F6 / Shift+F6 shortcuts of one window, and the last focus seen in each region."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._last: dict[int, QWidget] = {}
        for keys, step in (("F6", +1), ("Shift+F6", -1)):
            shortcut = QShortcut(QKeySequence(keys), window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda step=step: self.move(step))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._remember)

    def regions(self) -> list[QWidget]:
        """The top bar, the screen shown, and the worker's panel when it is shown, in reading order."""
        window = self._window
        found: list[QWidget] = [window.top_bar]
        page = window.stack.currentWidget()
        if page is not None:
            found.append(page)
        splitter = window.splitter
        for index in range(1, splitter.count()):
            panel = splitter.widget(index)
            if panel is not None and panel.isVisible():
                found.append(panel)
        return found

    def _region_of(self, widget: QWidget | None, regions: list[QWidget]) -> int | None:
        return next((i for i, region in enumerate(regions) if widget is not None and region.isAncestorOf(widget)),
                    None)

    def _remember(self, _old: QWidget | None, new: QWidget | None) -> None:
        regions = self.regions()
        index = self._region_of(new, regions)
        if index is not None and new is not None:
            self._last[id(regions[index])] = new

    def move(self, step: int) -> None:
        """Give the focus to the next (`step` +1) or previous (-1) region that has a control for it."""
        regions = self.regions()
        focus = QApplication.focusWidget()
        current = self._region_of(focus, regions)
        if current is not None and focus is not None:
            self._last[id(regions[current])] = focus  # where to come back to in the region left
        start = current if current is not None else (-1 if step > 0 else 0)
        for offset in range(1, len(regions) + 1):
            region = regions[(start + step * offset) % len(regions)]
            target = self._target(region)
            if target is not None:
                target.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return

    def _target(self, region: QWidget) -> QWidget | None:
        last = self._last.get(id(region))
        try:
            if last is not None and region.isAncestorOf(last) and _can_take_focus(last):
                return last
        except RuntimeError:  # deleted since (a page rebuilt)
            self._last.pop(id(region), None)
        return next((w for w in chain_inside(region) if _can_take_focus(w)), None)
