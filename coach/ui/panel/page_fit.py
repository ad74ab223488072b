"""The panel's pages in their scroll area: sized to the page shown, in the pass that changed it.

The panel is one scroll area over a stack of pages (gate, visit start, visit, lock).
The stack is as tall as the page shown, never the tallest, and a page whose texts
change (the step on the client's screen, help asked, practice results) takes its new
height at once: left to Qt, the page was first laid out again at its old height (the
note squeezed), painted, and only one event-loop pass later given its new height by
the scroll area, laid out and painted again: two frames and a flicker at each step.
"""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QSizePolicy, QStackedWidget


def size_to_shown(stack: QStackedWidget, scroll_area: QScrollArea) -> None:
    """Each page starts at its top, and the stack is as tall as the page shown (not the tallest)."""
    current = stack.currentWidget()
    for index in range(stack.count()):
        page = stack.widget(index)
        if page is None:
            continue
        policy = page.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Preferred if page is current else QSizePolicy.Policy.Ignored)
        page.setSizePolicy(policy)
    stack.adjustSize()
    scroll_area.verticalScrollBar().setValue(0)


def refit_now(stack: QStackedWidget, scroll_area: QScrollArea) -> None:
    """The page shown takes the height of its new texts now, laid out once, before the next frame.

    What the scroll area does a pass later, for the page shown only (the scroll area asks
    every page of the stack): the page's height for its width, at least the viewport's.
    """
    page = stack.currentWidget()
    if page is None or not scroll_area.isVisible() or not page.hasHeightForWidth():
        return
    width = stack.width()
    height = max(page.heightForWidth(width), page.minimumSizeHint().height(), scroll_area.viewport().height())
    if height != stack.height():
        stack.resize(width, height)
