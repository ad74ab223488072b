"""A menu drawn in its own reading direction, not the application's.

The application takes the client's direction (Arabic mirrors the player), while the
worker's menu is in the worker's language. Setting the menu's `layoutDirection` mirrors
its items' geometry (check mark, submenu arrow) but not their text: QMenu paints with a
QPainter whose direction is the application's, and the style draws each label with a
plain left alignment that such a painter turns into a right one (with or without the
style sheet's `QMenu::item` rules, so a proxy style cannot correct it). This menu paints
as QMenu does, with the painter in the menu's own direction.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QPainter, QPaintEvent, QRegion
from PySide6.QtWidgets import QMenu


class DirectedMenu(QMenu):
    """A QMenu whose labels start on the side its own `layoutDirection` reads from."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        # QStyle's many enums load with the first menu shown, not with the window (10 ms at start).
        from PySide6.QtWidgets import QStyle, QStyleOptionFrame, QStyleOptionMenuItem

        if self.sizeHint().height() > self.height():
            super().paintEvent(event)  # clamped to the screen, it scrolls: Qt draws its scroll arrows
            return
        style = self.style()
        painter = QPainter(self)
        painter.setLayoutDirection(self.layoutDirection())
        panel = QStyleOptionMenuItem()
        panel.initFrom(self)
        panel.state = QStyle.StateFlag.State_None
        panel.checkType = QStyleOptionMenuItem.CheckType.NotCheckable
        panel.maxIconWidth = 0
        panel.reservedShortcutWidth = 0
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelMenu, panel, painter, self)
        empty = QRegion(self.rect())
        for action in self.actions():
            rect = self.actionGeometry(action)
            if not action.isVisible() or rect.isEmpty() or not event.rect().intersects(rect):
                continue
            empty -= QRegion(rect)
            painter.setClipRect(rect)
            item = QStyleOptionMenuItem()
            self.initStyleOption(item, action)
            item.rect = rect
            style.drawControl(QStyle.ControlElement.CE_MenuItem, item, painter, self)
        frame_width = style.pixelMetric(QStyle.PixelMetric.PM_MenuPanelWidth, None, self)
        if frame_width:
            width, height = self.width(), self.height()
            border = QRegion()
            for side in (QRect(0, 0, frame_width, height), QRect(width - frame_width, 0, frame_width, height),
                         QRect(0, 0, width, frame_width), QRect(0, height - frame_width, width, frame_width)):
                border += QRegion(side)
            painter.setClipRegion(border)
            empty -= border
            frame = QStyleOptionFrame()
            frame.rect = self.rect()
            frame.palette = self.palette()
            frame.state = QStyle.StateFlag.State_None
            frame.lineWidth = frame_width
            frame.midLineWidth = 0
            style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameMenu, frame, painter, self)
        painter.setClipRegion(empty)
        panel.menuItemType = QStyleOptionMenuItem.MenuItemType.EmptyArea
        panel.rect = self.rect()
        panel.menuRect = self.rect()
        style.drawControl(QStyle.ControlElement.CE_MenuEmptyArea, panel, painter, self)
        painter.end()
