""""Open on your phone": the links of a lesson or step as large QR codes, for the client.

Coach never opens a link itself: the client scans the code with their own phone.
Each link shows its title, a QR code as large as the window allows and the address
written out (left to right in every language). The sentence "Scan this with your
phone's camera." is read aloud when the window opens, and again with Listen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coach.domain.pack import Lesson, Link, Pack, Step, links_for
from coach.handouts.qr import QUIET_ZONE, QrCode, qr_code
from coach.ui.icons import icon
from coach.ui.language_state import LanguageState, direction, use_script_font
from coach.ui.player.reader import Reader
from coach.ui.widgets import scrolling_page

QR_SIDE = 320
"""The code's side in pixels at 100 % text: a phone held at arm's length reads it."""


def qr_pixmap(code: QrCode, side: int) -> QPixmap:
    """The code with its quiet zone, drawn with whole pixels per module (sharp edges scan best)."""
    cells = code.size + 2 * QUIET_ZONE
    module = max(1, -(-side // cells))  # at least `side`: whole pixels per module
    image = QImage(cells * module, cells * module, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    for row, line in enumerate(code.modules):
        for column, dark in enumerate(line):
            if dark:
                painter.fillRect((column + QUIET_ZONE) * module, (row + QUIET_ZONE) * module, module, module,
                                 QColor("#000000"))
    painter.end()
    return QPixmap.fromImage(image)


def step_links(lesson: Lesson | None, step: Step | None, country: str) -> tuple[Link, ...]:
    """What "Open on your phone" offers on a step: the step's links, then the lesson's."""
    found: dict[str, Link] = {}
    for link in links_for(step.links if step else (), country) + links_for(lesson.links if lesson else (), country):
        found.setdefault(link.url, link)
    return tuple(found.values())


class PhoneLinksDialog(QDialog):
    """The links as QR codes, in the client's language and direction."""

    def __init__(self, languages: LanguageState, reader: Reader, pack: Pack, links: tuple[Link, ...],
                 scale: int = 100, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages, self._reader = languages, reader
        client = languages.client
        _ = languages.client_strings().gettext
        self.setLayoutDirection(direction(client))
        self.setWindowTitle(_("Open on your phone"))
        self.setModal(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        holder = QWidget()
        outer.addWidget(holder, 1)
        _scroll, layout = scrolling_page(holder, (32, 24, 32, 24), 16)
        self.heading = QLabel(_("Open on your phone"))
        self.heading.setProperty("role", "title")
        self.heading.setWordWrap(True)
        self.instruction = QLabel(_("Scan this with your phone's camera."))
        self.instruction.setProperty("role", "step-text")
        self.instruction.setWordWrap(True)
        for label in (self.heading, self.instruction):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        self.codes: list[tuple[QLabel, QLabel, QLabel]] = []
        side = QR_SIDE * max(100, scale) // 100
        for link in links:
            title = QLabel(pack.translate(link.title, client.tag))
            title.setProperty("role", "section")
            title.setWordWrap(True)
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            picture = QLabel()
            picture.setPixmap(qr_pixmap(qr_code(link.url), side))
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            picture.setAccessibleName(_("QR code"))
            picture.setAccessibleDescription(link.url)
            address = QLabel(link.url)
            address.setProperty("role", "notice-text")
            address.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            address.setTextFormat(Qt.TextFormat.PlainText)
            address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            address.setAlignment(Qt.AlignmentFlag.AlignCenter)
            address.setWordWrap(True)
            for widget in (title, picture, address):
                layout.addWidget(widget)
            self.codes.append((title, picture, address))
        row = QHBoxLayout()
        self.listen_button = QPushButton(_("Listen"))
        self.close_button = QPushButton(_("Back"))
        for button, name, description in (
            (self.listen_button, "listen", _("Hear how to open this on your phone.")),
            (self.close_button, "next" if client.rtl else "back", _("Go back to the lesson.")),
        ):
            button.setProperty("role", "nav")
            button.setAutoDefault(True)
            button.setIcon(icon(name))
            button.setIconSize(QSize(28, 28))
            button.setAccessibleName(button.text())
            button.setAccessibleDescription(description)
        self.close_button.setDefault(True)
        row.addWidget(self.listen_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        use_script_font(self, client)
        self.listen_button.clicked.connect(self.listen)
        self.close_button.clicked.connect(self.accept)
        self.resize(720, 760)

    def listen(self) -> None:
        self._reader.read(self.instruction.text(), self._languages.client.tag)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.listen()

    def done(self, result: int) -> None:
        self._reader.stop()
        super().done(result)


class PhoneButton(QPushButton):
    """"Open on your phone" under a step that has links for the desk's country; hidden otherwise."""

    def __init__(self, languages: LanguageState, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages, self._reader = languages, reader
        self._pack: Pack | None = None
        self.links: tuple[Link, ...] = ()
        self.scale = 100
        self.setProperty("role", "nav")
        self.setAutoDefault(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setVisible(False)
        self.clicked.connect(self.open_links)
        self.dialog: PhoneLinksDialog | None = None

    def show_for(self, pack: Pack | None, lesson: Lesson | None, step: Step | None, country: str,
                 ink: str) -> None:
        self._pack = pack
        self.links = step_links(lesson, step, country) if pack is not None else ()
        _ = self._languages.client_strings().gettext
        self.setText(_("Open on your phone"))
        self.setAccessibleName(self.text())
        self.setAccessibleDescription(_("Show a code to scan with your phone's camera."))
        self.setIcon(icon("phone", ink))
        self.setVisible(bool(self.links))

    def open_links(self) -> None:
        if self._pack is None or not self.links:
            return
        self.dialog = PhoneLinksDialog(self._languages, self._reader, self._pack, self.links, self.scale,
                                       self.window())
        self.dialog.open()
