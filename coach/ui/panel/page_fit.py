"""The panel's pages in their scroll area: sized to the page shown, in the pass that changed it.

The panel is one scroll area over a stack of pages (gate, visit start, visit, lock).
The stack is as tall as the page shown, never the tallest, and a page whose texts
change (the step on the client's screen, help asked, practice results) takes its new
height at once: left to Qt, the page was first laid out again at its old height (the
note squeezed), painted, and only one event-loop pass later given its new height by
the scroll area, laid out and painted again: two frames and a flicker at each step.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QScrollArea, QStackedWidget


class PageStack(QStackedWidget):
    """A stack whose sizes are those of the page shown, not the largest of all its pages.

    Qt's stack asks every page (shown or not) for its sizes and height for its width,
    and the scroll area asks the stack at each of its layout passes, twice a step: the
    hidden pages' word-wrapped labels were laid out again each time (about 2 ms a pass
    at 100 %), and a start page shown after a visit was as tall as the visit page (1,300
    px of empty scrolling below it).
    """

    def sizeHint(self) -> QSize:  # noqa: N802
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        page = self.currentWidget()
        return page is not None and page.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        page = self.currentWidget()
        return page.heightForWidth(width) if page is not None else -1


def size_to_shown(stack: QStackedWidget, scroll_area: QScrollArea) -> None:
    """Each page starts at its top, and the stack takes the size of the page shown."""
    stack.updateGeometry()  # its sizes are the new page's
    stack.adjustSize()
    scroll_area.verticalScrollBar().setValue(0)


def refit_now(stack: QStackedWidget, scroll_area: QScrollArea) -> None:
    """The page shown takes the height of its new texts now, laid out once, before the next frame.

    What the scroll area does a pass later: the page's height for its width, at least the viewport's.
    """
    page = stack.currentWidget()
    if page is None or not scroll_area.isVisible() or not page.hasHeightForWidth():
        return
    width = stack.width()
    height = max(page.heightForWidth(width), page.minimumSizeHint().height(), scroll_area.viewport().height())
    if height != stack.height():
        stack.resize(width, height)
