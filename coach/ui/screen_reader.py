"""Whether a screen reader is running: the AT-SPI bus's ScreenReaderEnabled, which Orca sets.

`QAccessible.isActive()` is true for any assistive technology (and, on some desktops,
always), so it cannot say that a voice is already reading the screen; the accessibility
bus's org.a11y.Status property can. It is read without blocking (an asynchronous D-Bus
call) and followed as it changes (Orca started or stopped during a visit).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher, QDBusVariant

log = logging.getLogger(__name__)
SERVICE, PATH, STATUS = "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Status"
PROPERTIES = "org.freedesktop.DBus.Properties"
PROPERTY = "ScreenReaderEnabled"


def _as_bool(value: object) -> bool:
    return bool(value.variant() if isinstance(value, QDBusVariant) else value)


class ScreenReaderWatch(QObject):
    """`active`: a screen reader says it is running; `changed(active)` when that changes."""

    changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.active = False
        self._watcher: QDBusPendingCallWatcher | None = None
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            log.info("no D-Bus session bus: a screen reader cannot be detected")
            return
        bus.connect(SERVICE, PATH, PROPERTIES, "PropertiesChanged", self,  # type: ignore[call-overload]
                    "1_properties_changed(QDBusMessage)")  # Qt's SLOT() form (the stubs say bytes; it takes str)
        self._ask()

    def _ask(self) -> None:
        ask = QDBusMessage.createMethodCall(SERVICE, PATH, PROPERTIES, "Get")
        ask.setArguments([STATUS, PROPERTY])
        self._watcher = QDBusPendingCallWatcher(QDBusConnection.sessionBus().asyncCall(ask), self)
        self._watcher.finished.connect(self._answered)

    def _answered(self, watcher: QDBusPendingCallWatcher) -> None:
        reply = watcher.reply()
        if reply.type() == QDBusMessage.MessageType.ReplyMessage and reply.arguments():
            self.set_active(_as_bool(reply.arguments()[0]))
        watcher.deleteLater()

    @Slot(QDBusMessage)
    def _properties_changed(self, message: QDBusMessage) -> None:
        # The changed values come as an a{sv} that PySide6 does not unpack: ask again.
        arguments = message.arguments()
        if arguments and arguments[0] == STATUS:
            self._ask()

    def set_active(self, active: bool) -> None:
        """What the bus said (also for a desk without D-Bus, told by other means)."""
        if active != self.active:
            self.active = active
            self.changed.emit(active)
