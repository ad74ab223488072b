"""The library: each pack a section, each lesson a big tile with its picture and title."""

from __future__ import annotations

import gettext
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coach.domain.pack import Lesson, Pack
from coach.ui.flow_layout import FlowLayout
from coach.ui.language_state import LanguageState
from coach.ui.theme import px
from coach.ui.widgets import PictureView, Tile, scrolling_page

TILE_WIDTH = 220


def read_picture(pack: Pack, relative: str) -> bytes:
    """A pack picture's bytes, or b"" when it cannot be read (the tile stays usable)."""
    if not relative:
        return b""
    try:
        return pack.resources.read_bytes(relative)
    except (OSError, KeyError, ValueError):
        return b""


class LessonTile(Tile):
    def __init__(self, pack: Pack, lesson: Lesson, parent: QWidget | None = None) -> None:
        super().__init__(read_picture(pack, lesson.icon), TILE_WIDTH, parent)
        self.pack = pack
        self.lesson = lesson


class PackSection(QWidget):
    """A pack's title and the tiles of its lessons, wrapping to the width."""

    def __init__(self, pack: Pack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        header = QHBoxLayout()
        self.icon = PictureView(minimum=40)
        self.icon.set_picture(read_picture(pack, pack.icon))
        self.icon.setFixedSize(56, 56)
        self.icon.setVisible(self.icon.has_picture())
        self.title = QLabel()
        self.title.setProperty("role", "section")
        self.title.setWordWrap(True)
        header.addWidget(self.icon)
        header.addWidget(self.title, 1)
        layout.addLayout(header)
        holder = QWidget()
        self.flow = FlowLayout(holder, spacing=18)
        self.tiles = [LessonTile(pack, lesson) for lesson in pack.lessons]
        for tile in self.tiles:
            self.flow.addWidget(tile)
        layout.addWidget(holder)

    def retranslate(self, client_tag: str, strings: gettext.NullTranslations) -> None:
        self.title.setText(self.pack.translate(self.pack.title, client_tag))
        for tile in self.tiles:
            title = self.pack.translate(tile.lesson.title, client_tag)
            tile.set_title(title)
            count = len(tile.lesson.steps)
            tile.setAccessibleDescription(
                strings.ngettext("Open the lesson. It has {count} step.", "Open the lesson. It has {count} steps.",
                                 count).format(count=count)
            )


class LibraryPage(QWidget):
    """Emits `lesson_chosen(pack_id, lesson_id)`."""

    lesson_chosen = Signal(str, str)

    def __init__(self, languages: LanguageState, packs: Sequence[Pack], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self.scroll_area, layout = scrolling_page(self, (32, 24, 32, 24), 28)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.empty = QLabel()
        self.empty.setProperty("role", "notice")
        self.empty.setWordWrap(True)
        self.empty.setVisible(not packs)
        layout.addWidget(self.empty)
        self.sections = [PackSection(pack) for pack in packs]
        for section in self.sections:
            layout.addWidget(section)
            for tile in section.tiles:
                tile.clicked.connect(
                    lambda _=False, p=section.pack.id, lesson=tile.lesson.id: self.lesson_chosen.emit(p, lesson)
                )
        layout.addStretch(1)
        self.retranslate()

    def tiles(self) -> list[LessonTile]:
        return [tile for section in self.sections for tile in section.tiles]

    def set_scale(self, scale: int) -> None:
        for tile in self.tiles():
            tile.set_tile_width(px(TILE_WIDTH, scale))

    def retranslate(self) -> None:
        _ = self._languages.client_strings().gettext
        self.title.setText(_("Choose a lesson"))
        self.empty.setText(_("No lessons are installed yet. Ask the person helping you."))
        for section in self.sections:
            section.retranslate(self._languages.client.tag, self._languages.client_strings())

    def focus_first(self) -> None:
        tiles = self.tiles()
        if tiles:
            tiles[0].setFocus(Qt.FocusReason.OtherFocusReason)
