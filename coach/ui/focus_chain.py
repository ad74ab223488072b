"""Tab order for widgets built after their screen or window: they go where they are read.

Qt appends a widget to the end of its window's focus chain when it is parented, so a
practice built when its step is shown, or a screen or chart built when first wanted,
would come after everything else on the window (the worker's panel included), and Tab
would reach it last.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def chain_inside(container: QWidget) -> list[QWidget]:
    """`container`'s descendants in their focus-chain order (focusable or not: Tab skips those)."""
    found: list[QWidget] = []
    current = container.nextInFocusChain()
    seen: set[int] = set()
    while current is not None and current is not container and id(current) not in seen:
        seen.add(id(current))
        if container.isAncestorOf(current):
            found.append(current)
        current = current.nextInFocusChain()
    return found


def put_before(container: QWidget, anchor: QWidget, first: QWidget | None = None) -> None:
    """Move `container`'s focus stops to just before `anchor` in the Tab order, from `first`
    (where the keyboard starts in it) on, those built before `first` after the others."""
    if container.isAncestorOf(anchor):
        return
    # Qt's setTabOrder ignores a widget without focus: chain the focus stops only, after the
    # stop before `anchor` that is not already one of the container's.
    previous = anchor.previousInFocusChain()
    while previous is not None and previous is not anchor and (
            _no_focus(previous) or previous is container or container.isAncestorOf(previous)):
        previous = previous.previousInFocusChain()
    if previous is None or previous is anchor:
        return
    stops = [widget for widget in chain_inside(container) if not _no_focus(widget)]
    start = next((i for i, w in enumerate(stops) if first is not None and (w is first or w.isAncestorOf(first))), 0)
    for widget in stops[start:] + stops[:start]:
        QWidget.setTabOrder(previous, widget)
        previous = widget


def put_last(container: QWidget, widget: QWidget) -> None:
    """Make `widget` (inside `container`) the last of the container's focus stops: a form's
    button made before its fields comes after them, as it is seen. `container` must be inside
    a window already: a window's chain is a ring, so "last" means nothing at its top."""
    stops = [w for w in chain_inside(container)
             if not _no_focus(w) and w is not widget and not widget.isAncestorOf(w)]
    if stops:
        QWidget.setTabOrder(stops[-1], widget)


def _no_focus(widget: QWidget) -> bool:
    return widget.focusPolicy() == Qt.FocusPolicy.NoFocus


def tab_after(anchor: QWidget, root: QWidget) -> None:
    """Put `root`'s focus stops (itself included), in their own order, right after `anchor` (a stop)."""
    stops = [root] if not _no_focus(root) else []
    stops += [widget for widget in chain_inside(root) if not _no_focus(widget)]
    for stop in stops:
        QWidget.setTabOrder(anchor, stop)
        anchor = stop


def stop_before(widget: QWidget) -> QWidget | None:
    """The focus stop before `widget` in the window's focus chain (not inside it), if any."""
    candidate = widget.previousInFocusChain()
    while candidate is not None and candidate is not widget:
        if not widget.isAncestorOf(candidate) and not _no_focus(candidate):
            return candidate
        candidate = candidate.previousInFocusChain()
    return None
