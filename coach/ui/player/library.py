"""The library: each pack a section, each lesson a big tile with its picture and title.

Tiles are built only for the sections on screen and one screen around them: a desk
with 300 packs has 6,000 lessons, and building (and styling, and translating) every
tile took seconds and hundreds of MB. A section not built yet is an empty widget as
tall as its header and rows of tiles will be, so the scroll bar is right; scrolling, resizing,
showing the page and the keyboard focus reaching a section's neighbour build what
comes into reach before the frame is painted. Keyboard and screen-reader users meet
only built tiles: the focus moves tile by tile and each move builds one section
ahead. Texts are set when the page is shown (a language switch on another screen
retranslates the library when the client comes back to it).
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from coach.domain.pack import Lesson, Pack
from coach.ui.flow_layout import FlowLayout
from coach.i18n.languages import Language
from coach.ui.language_state import LanguageState
from coach.ui.language_state import use_script_font as script_font
from coach.ui.theme import px
from coach.ui.widgets import PictureView, Tile, refresh_layouts, scrolling_page

TILE_WIDTH = 220
TILE_SPACING = 18
HEADER_HEIGHT = 56
"""The pack's picture beside its title; a title wrapping to more lines only makes the estimate short."""
SECTION_SPACING = 12


def read_picture(pack: Pack, relative: str) -> bytes:
    """A pack picture's bytes, or b"" when it cannot be read (the tile stays usable)."""
    if not relative:
        return b""
    try:
        return pack.resources.read_bytes(relative)
    except (OSError, KeyError, ValueError):
        return b""


class LessonTile(Tile):
    def __init__(self, pack: Pack, lesson: Lesson, width: int = TILE_WIDTH, parent: QWidget | None = None) -> None:
        super().__init__(read_picture(pack, lesson.icon), width, parent)
        self.pack = pack
        self.lesson = lesson
        self.focused: Callable[[], None] | None = None

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        if self.focused is not None:
            self.focused()


class PackSection(QWidget):
    """A pack's title and the tiles of its lessons, wrapping to the width; all built on demand.

    Until built it is an empty widget as tall as its header and rows of tiles will be
    at this width: a section costs one widget to style and lay out instead of some
    sixty (header, and the picture and title of every tile), and the scroll bar is right.
    """

    def __init__(self, pack: Pack, tile_size: Callable[[], QSize], estimate: Callable[[int, int], int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self._tile_size = tile_size
        self._estimate = estimate
        """The height of `count` lessons' tiles at a width (the page's, kept per tile size)."""
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # Qt's answer until built (then its layout's), asked of no Python
        self.setSizePolicy(policy)
        self.icon: PictureView | None = None
        self.title: QLabel | None = None
        self._tiles: list[LessonTile] = []
        self.flow: FlowLayout | None = None
        self.holder: QWidget | None = None
        self.on_build: Callable[[PackSection], None] | None = None
        """Called to build this section's tiles (the page connects, translates and sizes them)."""

    @property
    def built(self) -> bool:
        return self.holder is not None

    # -- the estimate, until built ------------------------------------------------------
    def heightForWidth(self, width: int) -> int:  # noqa: N802
        if self.holder is not None:
            return super().heightForWidth(width)
        return self._estimate(len(self.pack.lessons), width)

    def sizeHint(self) -> QSize:  # noqa: N802
        if self.built:
            return super().sizeHint()
        width = self._tile_size().width()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return super().minimumSizeHint() if self.built else QSize(0, 0)

    # -- building -----------------------------------------------------------------------
    @property
    def tiles(self) -> list[LessonTile]:
        """The section's tiles, built now if they were not yet."""
        if not self.built and self.on_build is not None:
            self.on_build(self)
        return self._tiles

    def build(self, width: int) -> list[LessonTile]:
        """Make the header and the tiles (once); returns the tiles."""
        if self.holder is not None:
            return self._tiles
        header = QHBoxLayout()
        self.icon = PictureView(minimum=40)
        self.icon.set_picture(read_picture(self.pack, self.pack.icon))
        self.icon.setFixedSize(HEADER_HEIGHT, HEADER_HEIGHT)
        self.title = QLabel()
        self.title.setProperty("role", "section")
        self.title.setWordWrap(True)
        header.addWidget(self.icon)
        header.addWidget(self.title, 1)
        holder = QWidget()
        self.flow = FlowLayout(holder, spacing=TILE_SPACING)
        self.flow.set_even_rows(True)  # a row's tiles as tall as its tallest, their tops in line
        self._tiles = [LessonTile(self.pack, lesson, width) for lesson in self.pack.lessons]
        for tile in self._tiles:
            self.flow.addWidget(tile)
        layout = QVBoxLayout(self)  # only now: an empty layout would size the section to nothing
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SECTION_SPACING)
        layout.addLayout(header)
        layout.addWidget(holder)
        self.holder = holder
        # Shown now, not from the event loop: this very frame paints them.
        self.icon.setVisible(self.icon.has_picture())
        self.title.show()
        holder.show()
        return self._tiles

    def built_tiles(self) -> list[LessonTile]:
        return self._tiles

    def texts(self) -> list[QLabel]:
        """The built section's labels: its title and its tiles' titles (nothing else holds text)."""
        return ([self.title] if self.title is not None else []) + [tile.title for tile in self._tiles]

    def retranslate(self, client_tag: str, strings: gettext.NullTranslations) -> None:
        if self.title is not None:
            self.title.setText(self.pack.translate(self.pack.title, client_tag))
        for tile in self._tiles:
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
        self._tile_width = TILE_WIDTH
        self._tile_size: QSize | None = None
        self._stale = True
        self._script: Language | None = None
        self.scroll_area, self._content = scrolling_page(self, (32, 24, 32, 24), 28)
        layout = self._content
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.empty = QLabel()
        self.empty.setProperty("role", "notice")
        self.empty.setWordWrap(True)
        self.empty.setVisible(not packs)
        layout.addWidget(self.empty)
        self._estimates: dict[tuple[int, int], int] = {}
        self.sections = [PackSection(pack, self._estimated_tile, self._estimated_height) for pack in packs]
        for section in self.sections:
            section.on_build = self._build
            layout.addWidget(section)
        layout.addStretch(1)
        self.scroll_area.verticalScrollBar().valueChanged.connect(lambda _value: self._fill_visible())
        self.scroll_area.viewport().installEventFilter(self)
        holder = self._content.parentWidget()
        assert holder is not None  # scrolling_page's content widget
        self._holder = holder
        holder.installEventFilter(self)
        self.retranslate()

    # -- building what is in reach ------------------------------------------------------
    def _estimated_tile(self) -> QSize:
        """A tile's size for the estimates: the first built tile's, else one made to measure.

        Kept until the next build or scale change: every section not built asks, many times a layout.
        """
        if self._tile_size is None:
            self._estimates.clear()
            built = next((t for s in self.sections for t in s.built_tiles()), None)
            if built is not None:
                self._tile_size = built.sizeHint()
            else:
                text = 2 * self.fontMetrics().lineSpacing()
                self._tile_size = QSize(self._tile_width, round(self._tile_width * 0.6) + 30 + text)
        return self._tile_size

    def _estimated_height(self, count: int, width: int) -> int:
        """A section not built yet: as tall as its header and `count` tiles at `width`.

        Kept with the tile size: a layout pass asks every section not built about ten
        times (some 1,000 answers in Python for a language chosen at 100 packs).
        """
        tile = self._tile_size if self._tile_size is not None else self._estimated_tile()  # a new size: none kept
        height = self._estimates.get((count, width))
        if height is None:
            per_row = max(1, (width + TILE_SPACING) // (tile.width() + TILE_SPACING))
            rows = -(-count // per_row)
            height = HEADER_HEIGHT + SECTION_SPACING + max(0, rows * (tile.height() + TILE_SPACING) - TILE_SPACING)
            self._estimates[(count, width)] = height
        return height

    def _build(self, section: PackSection) -> None:
        if section.built:
            return
        tiles = section.build(self._tile_width)
        if self._script is not None:
            for label in section.texts():  # before they are shown: styled once, when shown
                script_font(label, self._script)
        strings = self._languages.client_strings()
        section.retranslate(self._languages.client.tag, strings)
        for tile in tiles:
            tile.clicked.connect(
                lambda _=False, p=section.pack.id, lesson=tile.lesson.id: self.lesson_chosen.emit(p, lesson)
            )
            tile.focused = lambda s=section: self._near(s)
        self._chain(section, tiles)
        if section.holder is not None:
            # The titles just set make the tiles taller; the section's layout keeps the height
            # it measured for the holder without them until told, and would cut the tiles.
            section.holder.updateGeometry()
            section.updateGeometry()
        self._tile_size = None

    def _chain(self, section: PackSection, tiles: list[LessonTile]) -> None:
        """Put new tiles in the Tab order after the built tiles of the sections above them.

        Qt appends a new widget to the end of the window's focus chain: without this, Tab
        from a section would jump over the ones built later, or into the worker's panel.
        """
        index = self.sections.index(section)
        anchor: QWidget = next(
            (s.built_tiles()[-1] for s in reversed(self.sections[:index]) if s.built_tiles()), self.scroll_area
        )
        for tile in tiles:
            QWidget.setTabOrder(anchor, tile)
            anchor = tile

    def _near(self, section: PackSection) -> None:
        """The focus is in `section`: its neighbours are built, so Tab and Shift+Tab find tiles."""
        index = self.sections.index(section)
        for neighbour in self.sections[max(0, index - 1):index + 2]:
            self._build(neighbour)

    def _fill_visible(self) -> None:
        """Build every section within one screen of the visible part of the library."""
        if not self.isVisible() or all(section.built for section in self.sections):
            return  # nothing left to find: the page's layout is activated once, by its frame
        for _round in range(8):  # a built section changes the heights below it: look again
            self._content.activate()
            viewport = self.scroll_area.viewport().height() or self.height()
            top = self.scroll_area.verticalScrollBar().value() - viewport
            bottom = top + 3 * viewport
            due = [s for s in self.sections if not s.built and s.y() < bottom and s.y() + s.height() > top]
            if not due:
                return
            for section in due:
                self._build(section)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.Resize or (kind == QEvent.Type.LayoutRequest and watched is self._holder):
            self._fill_visible()  # a LayoutRequest reaches filters before the layout it activates
        return False

    def prepare_to_show(self) -> None:
        """The client's fonts and texts, and the page measured again, before it is shown.

        Qt lays a page out as it shows it, before its showEvent: shown first, the library
        was laid out with the last language's fonts, texts and heights, then again with
        the new ones (about 2 ms of a language chosen on the picker).
        """
        self.ensurePolished()  # the application's style sheet, as the first show would apply it
        self.use_script_font(self._languages.client)
        if self._stale:
            self._apply_texts()
        refresh_layouts(self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        # The client's fonts before the texts and the layout: set after (when the window
        # hands them out), they re-measured every built section a second time before the
        # first frame (about 4 ms of a language chosen on the picker).
        self.use_script_font(self._languages.client)
        if self._stale:
            self._apply_texts()
        # Found when the page's layout is next activated (before the frame, see
        # eventFilter), not now: the window re-measures a page it shows after this, and
        # activating here laid the page out twice (about 4 ms of a language chosen on the picker).
        self._content.update()

    # -- the page's API -----------------------------------------------------------------
    def tiles(self) -> list[LessonTile]:
        """Every tile, building those not built yet (tests and tools; the screen builds what it shows)."""
        if self._stale:
            self._apply_texts()
        return [tile for section in self.sections for tile in section.tiles]

    def set_scale(self, scale: int) -> None:
        self._tile_width = px(TILE_WIDTH, scale)
        self._tile_size = None
        for section in self.sections:
            for tile in section.built_tiles():
                tile.set_tile_width(self._tile_width)
            if not section.built:
                section.updateGeometry()  # its layout would keep the old estimate

    def use_script_font(self, lang: Language) -> None:
        """The client's script fonts on the texts of the page and of the built sections, and on each
        section built later.

        On the labels themselves, not as one style sheet on the page (that re-polishes every
        section, built or not: 22 ms of a language chosen on the picker at 100 packs) nor on
        each section (that re-polishes each tile's button and picture too, which draw no text).
        """
        self._script = lang
        for label in (self.title, self.empty, *(label for s in self.sections for label in s.texts())):
            script_font(label, lang)

    def retranslate(self) -> None:
        """Texts now when the page is on screen, else when it is next shown."""
        self._stale = True
        if self.isVisible():
            self._apply_texts()

    def _apply_texts(self) -> None:
        self._stale = False
        strings = self._languages.client_strings()
        _ = strings.gettext
        self.title.setText(_("Choose a lesson"))
        self.empty.setText(_("No lessons are installed yet. Ask the person helping you."))
        for section in self.sections:
            section.retranslate(self._languages.client.tag, strings)

    def focus_first(self) -> None:
        section = next((s for s in self.sections if s.pack.lessons), None)
        if section is not None:
            if self._stale:
                self._apply_texts()
            section.tiles[0].setFocus(Qt.FocusReason.OtherFocusReason)
