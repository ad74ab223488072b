"""The step's spoken side: the text that highlights the word being said, and the
Listen / Stop and Slower buttons that drive the reader."""

from __future__ import annotations

import html

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QTextCursor, QTextDocument, QTextOption
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from coach.ui.accessibility import caret_moved
from coach.ui.icons import icon
from coach.ui.language_state import LanguageState
from coach.ui.player.reader import Reader, ReaderState
from coach.ui.theme import colours


class SpokenText(QLabel):
    """A step's sentence; the part being spoken is highlighted (any script, any direction).

    A screen reader reads it through the Text interface, its caret on the highlighted word
    (coach.ui.accessibility.SpokenTextAccessible).
    """

    highlight_moved = Signal()
    """Another word is highlighted: a scroll area holding the text keeps it in view (`span_rect`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self._plain = ""
        self._span = (-1, 0)
        self._marker = ("#ffe08a", "#1f2933")

    def plain_text(self) -> str:
        return self._plain

    def highlighted(self) -> str:
        """The text currently highlighted ("" when none)."""
        start, length = self._span
        return self._plain[start:start + length] if start >= 0 else ""

    def highlight_span(self) -> tuple[int, int]:
        """(start, length) of the highlighted part in `plain_text()`; (-1, 0) when none."""
        return self._span

    def set_plain_text(self, text: str) -> None:
        self._plain = text
        self._span = (-1, 0)
        self._render()
        self.setAccessibleName(text)

    def set_high_contrast(self, high: bool) -> None:
        self._marker = ("#ffff00", "#000000") if high else ("#ffe08a", "#1f2933")
        self._render()

    def highlight(self, start: int, length: int) -> None:
        span = (start, length) if 0 <= start < len(self._plain) and length > 0 else (-1, 0)
        if span != self._span:
            self._span = span
            self._render()
            caret_moved(self, max(span[0], 0))
            self.highlight_moved.emit()

    def span_rect(self) -> QRect:
        """Where the highlighted part's lines are in the label (their full width); empty when none.

        Laid out as the label lays out its rich text: the same markup, font, width and wrapping."""
        start, length = self._span
        box = self.contentsRect()
        if start < 0 or box.width() <= 0:
            return QRect()
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(self.font())
        option = QTextOption(self.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        option.setTextDirection(self.layoutDirection())
        document.setDefaultTextOption(option)
        document.setHtml(_markup(self._plain))
        document.setTextWidth(box.width())
        height = round(document.size().height())  # lays it out: a block's lines exist only after
        lines = []
        for position in (start, start + length - 1):  # the markup's <br> is one character, as the text's "\n"
            cursor = QTextCursor(document)
            cursor.setPosition(min(position, document.characterCount() - 1))
            block = cursor.block()
            layout = block.layout()
            line = layout.lineForTextPosition(cursor.positionInBlock())
            y = document.documentLayout().blockBoundingRect(block).top()
            lines.append((round(y + line.y()), round(y + line.y() + line.height())) if line.isValid() else (0, 0))
        offset = box.top()
        if self.alignment() & Qt.AlignmentFlag.AlignVCenter:
            offset += max(0, (box.height() - height) // 2)
        return QRect(box.left(), offset + lines[0][0], box.width(), lines[1][1] - lines[0][0])

    def _render(self) -> None:
        start, length = self._span
        if start < 0:
            self.setText(_markup(self._plain))
            return
        background, ink = self._marker
        before, word, after = self._plain[:start], self._plain[start:start + length], self._plain[start + length:]
        self.setText(
            f'{_markup(before)}<span style="background-color:{background}; color:{ink};">'
            f"{_markup(word)}</span>{_markup(after)}"
        )


def _markup(text: str) -> str:
    """Plain text as rich text: escaped, one line per line (consent has one sentence per line)."""
    return html.escape(text).replace("\n", "<br>")


def follow_reader(text: SpokenText, reader: Reader) -> None:
    """Highlight in `text` the word `reader` is saying, while it reads exactly that text."""
    reader.word_changed.connect(lambda start, length: text.highlight(start, length)
                                if reader.text == text.plain_text() else None)
    reader.state_changed.connect(lambda _state: text.highlight(-1, 0) if not reader.text else None)


class ListenControls(QWidget):
    """Listen (which becomes Stop while speaking) and a Slower switch.

    With `own_row=False` the two buttons are placed by the caller (a wrapping row of the
    step's controls) and this widget only drives them.
    """

    listen_clicked = Signal()
    slow_toggled = Signal(bool)

    def __init__(self, languages: LanguageState, reader: Reader, parent: QWidget | None = None,
                 own_row: bool = True) -> None:
        super().__init__(parent)
        self._languages = languages
        self._reader = reader
        self._high_contrast = False
        self.listen_button = QPushButton()
        self.listen_button.setProperty("role", "nav")
        self.listen_button.setAutoDefault(True)
        self.listen_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.slow_button = QPushButton()
        self.slow_button.setProperty("role", "nav")
        self.slow_button.setCheckable(True)
        self.slow_button.setAutoDefault(True)
        self.slow_button.setCursor(Qt.CursorShape.PointingHandCursor)
        if own_row:
            row = QHBoxLayout(self)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(12)
            row.addWidget(self.listen_button)
            row.addWidget(self.slow_button)
        else:
            self.setVisible(False)
        self.listen_button.clicked.connect(self._on_listen)
        self.slow_button.toggled.connect(self.slow_toggled)
        self.slow_button.toggled.connect(lambda _on: self.retranslate())
        reader.state_changed.connect(lambda _state: self.retranslate())
        self._heard = False
        self.retranslate()

    @property
    def speaking(self) -> bool:
        return self._reader.state in (ReaderState.LOADING, ReaderState.PLAYING)

    def reset(self) -> None:
        """A new step: the button says Listen again, not Listen again."""
        self._heard = False
        self.retranslate()

    def set_high_contrast(self, high: bool) -> None:
        self._high_contrast = high
        self.retranslate()

    def _on_listen(self) -> None:
        if self.speaking:
            self._reader.stop()
        else:
            self._heard = True
            self.listen_clicked.emit()

    def retranslate(self) -> None:
        _ = self._languages.client_strings().gettext
        ink = colours(self._high_contrast).icon
        if self.speaking:
            label, description, name = _("Stop"), _("Stop reading aloud."), "stop"
        elif self._heard:
            label, description, name = _("Listen again"), _("Hear this step again."), "listen"
        else:
            label, description, name = _("Listen"), _("Hear this step read aloud."), "listen"
        self.listen_button.setText(label)
        self.listen_button.setIcon(icon(name, ink))
        self.listen_button.setAccessibleName(label)
        self.listen_button.setAccessibleDescription(description)
        # A tortoise, no words: the row must fit Back, Listen and Next at 200 % text.
        checked_ink = colours(self._high_contrast).accent_text
        self.slow_button.setIcon(icon("slow", checked_ink if self.slow_button.isChecked() else ink))
        self.slow_button.setToolTip(_("Read aloud more slowly."))
        self.slow_button.setAccessibleName(_("Slower"))
        self.slow_button.setAccessibleDescription(_("Read aloud more slowly."))
