"""A layout that places items in rows and wraps them, mirrored for right-to-left.

Qt has no flow layout of its own; this one follows Qt's FlowLayout example and adds
right-to-left placement, so grids of tiles reflow when text grows instead of clipping.

Like Qt's own box layouts it remembers the height it needs at each width until it is
invalidated (an item added or removed, a child's size hint or visibility changed, a
setting changed): a window's layout pass asks that of every flow layout many times
(a step of a lesson asked about 110 times, a language chosen on the picker 240).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 16) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._trailing_from: int | None = None
        self._even_rows = False
        self._spread = False
        self._centred = False
        self._centred_block = False
        self._heights: dict[int, int] = {}
        """Height needed at a width, until the next invalidate()."""
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt API)
        self._items.append(item)
        self._heights.clear()

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        self._heights.clear()
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), apply=False)
        return height

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def set_even_rows(self, even: bool) -> None:
        """Give every item of a row the row's height (a tool bar's buttons line up)."""
        self._even_rows = even
        self.invalidate()

    def set_spread(self, spread: bool) -> None:
        """Share each row's free space between its items (the first at the start, the last at the end);
        a row of one item is centred. For rows of big buttons: Back · Listen · Next."""
        self._spread = spread
        self.invalidate()

    def set_centred(self, centred: bool) -> None:
        """Centre each row's items together ("I need help" beside "I did it")."""
        self._centred = centred
        self.invalidate()

    def set_centred_block(self, centred: bool) -> None:
        """Centre the rows as one block, each row starting where the widest starts: a grid of tiles
        under a centred title stays a grid, its last row short at the reading side's end."""
        self._centred_block = centred
        self.invalidate()

    def set_trailing_from(self, index: int | None) -> None:
        """Items from `index` on sit at the row's far end (a tool bar's right-hand group)."""
        self._trailing_from = index
        self.invalidate()

    def _arrange(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        owner = self.parentWidget()
        rtl = owner is not None and owner.layoutDirection() == Qt.LayoutDirection.RightToLeft
        trailing_from = self._trailing_from
        rows: list[list[tuple[int, QLayoutItem, QSize]]] = [[]]
        used = 0
        for index, item in enumerate(self._items):
            if item.isEmpty():
                continue
            hint = item.sizeHint().boundedTo(QSize(area.width(), 1 << 20)).expandedTo(item.minimumSize())
            if rows[-1] and used + hint.width() > area.width():
                rows.append([])
                used = 0
            rows[-1].append((index, item, hint))
            used += hint.width() + self._spacing
        y = area.y()
        block_slack = 0
        if apply and self._centred_block:
            widest = max((sum(hint.width() for _, _, hint in row) + self._spacing * (len(row) - 1)
                          for row in rows if row), default=0)
            block_slack = max(0, area.width() - widest) // 2
        for row in rows:
            if not row:
                continue
            row_height = max(hint.height() for _, _, hint in row)
            if apply:
                width = sum(hint.width() for _, _, hint in row) + self._spacing * (len(row) - 1)
                slack = max(0, area.width() - width)
                x = 0
                for position, (index, item, hint) in enumerate(row):
                    if self._centred:
                        offset = x + slack // 2
                    elif self._spread:
                        offset = x + (slack // 2 if len(row) == 1 else slack * position // (len(row) - 1))
                    elif self._centred_block:
                        offset = x + block_slack
                    else:
                        offset = x + (slack if trailing_from is not None and index >= trailing_from else 0)
                    left = area.right() + 1 - offset - hint.width() if rtl else area.x() + offset
                    if self._even_rows and item.maximumSize().height() >= row_height:
                        item.setGeometry(QRect(QPoint(left, y), QSize(hint.width(), row_height)))
                    else:
                        top = y + (row_height - hint.height()) // 2
                        item.setGeometry(QRect(QPoint(left, top), hint))
                    x += hint.width() + self._spacing
            y += row_height + self._spacing
        return y - self._spacing - rect.y() + margins.bottom()
