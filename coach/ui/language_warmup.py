"""Each client language's first use, prepared in idle time while the picker is read.

A process's first pick (or switch) of a language paid that language's catalogues (Coach's
and Qt's) and the first drawing of its script's glyphs: 18-20 ms for Arabic against 12 ms
the next time (docs/performance.md, "The first Arabic pick of a process"). Once the window
is up and the speech child warm, one language at a time, with the GUI thread free between
them: its catalogues are loaded and a few of its words drawn, off screen, in its script's
first font at the sizes the picker, the library and a step use, and for the first
right-to-left language the lesson's mirrored arrows (a first switch to Arabic in a lesson
drew them: 2-3 ms). No pack catalogue is loaded (with 300 packs that would be the memory
the library saves).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QFont, QImage, QPainter

from coach.i18n.languages import Language
from coach.ui.icons import lesson_arrows
from coach.ui.language_state import LanguageState
from coach.ui.theme import px

START_AFTER_MS = 1500
"""After the first frame and the speech child's warm-up (the first Listen comes first)."""
EACH_MS = 50
"""Between two languages: each is a few milliseconds of the GUI thread, then it is free again."""
SIZES = (18, 22, 28, 30, 32)
"""The text sizes of the roles the picker, the library and a step draw with (theme.style_sheet)."""
# Words the picker, the library and a step show first, in each language's own catalogue.
_WORDS = ("Choose your language", "Lessons", "Listen", "Next", "Back", "I did it", "I need help")


class LanguageWarmup(QObject):
    """Prepares the offered languages but the one on screen, one at a time."""

    def __init__(self, languages: LanguageState, offered: Sequence[Language], scale: Callable[[], int],
                 parent: QObject | None = None, high_contrast: Callable[[], bool] = lambda: False) -> None:
        super().__init__(parent)
        self._languages = languages
        self._pending = list(offered)
        self._scale = scale
        self._high_contrast = high_contrast
        self.prepared: list[str] = []
        """The tags prepared so far, in order."""

    def start(self, after_ms: int = START_AFTER_MS) -> None:
        QTimer.singleShot(after_ms, self._next)

    def _next(self) -> None:
        while self._pending:
            lang = self._pending.pop(0)
            if lang.tag == self._languages.client.tag:
                continue  # on screen already: nothing left to prepare
            prepare(self._languages, lang, self._scale(), self._high_contrast())
            self.prepared.append(lang.tag)
            break
        if self._pending:
            QTimer.singleShot(EACH_MS, self._next)


def prepare(languages: LanguageState, lang: Language, scale: int, high_contrast: bool = False) -> None:
    """Load `lang`'s catalogues and draw some of its words once, off screen (and its arrows, right to left)."""
    languages.prepare(lang)
    if lang.rtl:
        lesson_arrows(True, high_contrast)  # kept by icons.icon's cache
    _ = languages.strings_of(lang).gettext
    words = " ".join((lang.endonym, *(_(word) for word in _WORDS)))
    image = QImage(64, 64, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    try:
        for size in SIZES:
            for bold in (False, True):
                font = QFont(lang.fonts[0]) if lang.fonts else QFont()
                font.setPixelSize(px(size, scale))
                font.setBold(bold)
                painter.setFont(font)
                painter.drawText(0, 32, words)
    finally:
        painter.end()
