"""The end of a lesson: praise, and clear ways on: again, another lesson, or back."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStyle, QStyleOptionToolButton, QVBoxLayout, QWidget

from coach.domain.autonomy import SelfRating
from coach.ui.accessibility import ChoiceGroup, ExclusiveChoice, announce
from coach.ui.flow_layout import FlowLayout
from coach.ui.icons import icon
from coach.ui.language_state import LanguageState
from coach.ui.player.step_layout import SPACING, StepBody, control_row
from coach.ui.player.top_bar import BarButton
from coach.ui.theme import colours
from coach.ui.widgets import PictureView
from coach.visit import CLIENT_SELF_RATINGS


class FaceButton(ExclusiveChoice, BarButton):
    """One of the three faces: a radio button to a screen reader; arrows go to the next face.

    Its icon is the size the window gives it (with the text), or half that when compact; a
    compact face may also put its icon beside its word instead of above it (`beside`).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full_icon = QSize(self.iconSize())
        self.compact = False
        self.beside = False

    def setIconSize(self, size: QSize) -> None:  # noqa: N802 - the window sizes icons with the text
        self._full_icon = QSize(size)
        super().setIconSize(self._icon_shown())

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact:
            self.compact = compact
            super().setIconSize(self._icon_shown())

    def compact_saving(self) -> int:
        """How many pixels lower a compact face is."""
        return self._full_icon.height() - self._full_icon.height() // 2

    def set_beside(self, beside: bool) -> None:
        if beside != self.beside:
            self.beside = beside
            self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if beside
                                    else Qt.ToolButtonStyle.ToolButtonTextUnderIcon)

    def full_icon(self) -> QSize:
        """The icon's size when not compact (the window's, which grows with the text)."""
        return QSize(self._full_icon)

    def hint_for(self, style: Qt.ToolButtonStyle, icon_size: QSize) -> QSize:
        """The size hint this face would have with `style` and `icon_size` (QToolButton::sizeHint's sum)."""
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        text = metrics.size(Qt.TextFlag.TextShowMnemonic, self.text())
        text.setWidth(text.width() + metrics.horizontalAdvance(" ") * 2)
        if style == Qt.ToolButtonStyle.ToolButtonTextBesideIcon:
            size = QSize(icon_size.width() + 4 + text.width(), max(icon_size.height(), text.height()))
        else:
            size = QSize(max(icon_size.width(), text.width()), icon_size.height() + 4 + text.height())
        option.toolButtonStyle, option.iconSize = style, icon_size
        option.rect.setSize(size)
        return self.style().sizeFromContents(QStyle.ContentsType.CT_ToolButton, option, size, self)

    def _icon_shown(self) -> QSize:
        return self._full_icon / 2 if self.compact else self._full_icon


class FaceRow(ChoiceGroup, QWidget):
    """The three faces side by side: a group named by the question ("How did it go?")."""


class EndPage(QWidget):
    again = Signal()
    library = Signal()
    back = Signal()
    self_rated = Signal(str)
    """The client's own answer: "not-yet", "with-help" or "alone" (see coach.visit)."""
    say = Signal(str)
    """A text to read aloud in the client's language (the face just tapped)."""

    def __init__(self, languages: LanguageState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self._lesson_title = ""
        self._high_contrast = False
        self._fit_due = False
        # The faces and the buttons are never in a scroll area (coach.ui.player.step_layout).
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        self.picture = PictureView(minimum=0)  # a decoration: it gives up its room first, to nothing
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel()
        self.subtitle.setProperty("role", "step-text")
        self.subtitle.setWordWrap(True)
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.question = QLabel()
        self.question.setProperty("role", "section")
        self.question.setWordWrap(True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = StepBody(self.picture, [self.title, self.subtitle], visual_minimum=0)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.question)  # with its answers, never scrolled away from them
        self.faces_row = FaceRow()
        faces = FlowLayout(self.faces_row, spacing=12)  # as control_row(spread=False), but a named group
        faces.set_centred(True)
        self.faces: dict[str, FaceButton] = {}
        for answer in CLIENT_SELF_RATINGS:
            face = FaceButton()  # the face above its word: three fit side by side at 200 %; Enter chooses
            face.setProperty("role", "face")
            face.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            face.setCheckable(True)
            face.setAutoExclusive(True)
            face.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            face.setCursor(Qt.CursorShape.PointingHandCursor)
            face.clicked.connect(lambda _=False, a=answer: self._rate(a))
            faces.addWidget(face)
            self.faces[answer] = face
        layout.addWidget(self.faces_row)
        # The body's room or its texts changed, or the faces got the size last asked of them.
        for watched in (self.body, self.body.text_area, self.faces_row):
            watched.installEventFilter(self)
        self.buttons_row, row = control_row()
        self.back_button = QPushButton()
        self.back_button.setProperty("role", "nav")
        self.again_button = QPushButton()
        self.again_button.setProperty("role", "nav")
        self.library_button = QPushButton()
        self.library_button.setProperty("role", "primary")
        for button in (self.back_button, self.again_button, self.library_button):
            button.setAutoDefault(True)  # Enter presses the focused button, as Space does
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        row.addWidget(self.back_button)
        row.addWidget(self.again_button)
        row.addWidget(self.library_button)
        layout.addWidget(self.buttons_row)
        self.back_button.clicked.connect(self.back)
        self.again_button.clicked.connect(self.again)
        self.library_button.clicked.connect(self.library)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and not self._fit_due:
            self._fit_due = True  # once the layout's passes are done: the body is resized after the row
            QTimer.singleShot(0, self, self._fit_faces)
        return False

    def _fit_faces(self) -> None:
        """Half-size faces' icons when the texts above them would have to scroll (200 % text beside
        the panel); if the texts would still scroll, each half-size icon beside its word, when the
        three faces still fit on one row so (a two-line title in de, es and ti: 39 px short, 46 px
        saved). Full size again once that leaves the texts room.

        Decided from the room the texts would have beside full-size faces, so each size follows
        from the page's size alone; and only once the page has laid the faces' row out at the size
        last asked of it (the row's resize comes back here)."""
        self._fit_due = False
        faces = list(self.faces.values())
        row = self.faces_row
        layout = row.layout()
        if not faces or layout is None or row.height() != layout.heightForWidth(row.width()):
            return
        first, under = faces[0], Qt.ToolButtonStyle.ToolButtonTextUnderIcon
        spacing = layout.spacing()
        # Full or half-size, a face above its word is as wide (its word, or its least width, is wider
        # than its icon): as many rows of them either way.
        rows = _rows([face.hint_for(under, face.full_icon()).width() for face in faces], row.width(), spacing)

        def row_height(face_height: int) -> int:
            return rows * face_height + (rows - 1) * spacing

        full = row_height(first.hint_for(under, first.full_icon()).height())
        half = row_height(first.hint_for(under, first.full_icon() / 2).height())
        room = self.body.height() - self.body.texts_needed(self.body.width()) - SPACING - (full - row.height())
        compact = room < 0
        beside = compact and room + full - half < 0 and self._beside_fits()
        for face in faces:
            face.set_compact(compact)
            face.set_beside(beside)

    def _beside_fits(self) -> bool:
        """The three compact faces, each icon beside its word, on one row of the faces' width."""
        faces = list(self.faces.values())
        layout = self.faces_row.layout()
        spacing = layout.spacing() if layout is not None else 0
        beside = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        widths = [face.hint_for(beside, face.full_icon() / 2).width() for face in faces]
        return _rows(widths, self.faces_row.contentsRect().width(), spacing) == 1

    def show_for(self, lesson_title: str, reset: bool = True) -> None:
        if reset:
            for face in self.faces.values():
                face.setAutoExclusive(False)
                face.setChecked(False)
                face.setAutoExclusive(True)
        self._lesson_title = lesson_title
        self.retranslate()
        self.library_button.setFocus(Qt.FocusReason.OtherFocusReason)
        # The focus lands on "Other lessons": the screen's news is said after it.
        announce(self.title, f"{self.title.text()} {self.question.text()}")

    def _rate(self, answer: str) -> None:
        self.say.emit(self.faces[answer].text())
        self.self_rated.emit(answer)
        self.retranslate()

    def set_high_contrast(self, high: bool) -> None:
        self._high_contrast = high
        self.retranslate()

    def retranslate(self) -> None:
        _ = self._languages.client_strings().gettext
        c = colours(self._high_contrast)
        rtl = self._languages.client.rtl
        self.body.more_below.set_colours(c)
        self.body.more_below.retranslate(_)
        self.picture.set_picture(_done_picture(c.done))
        self.picture.setAccessibleName(_("Well done"))
        self.picture.setAccessibleDescription(_("A big green tick."))
        self.title.setText(_("Well done! You finished the lesson."))
        self.subtitle.setText(self._lesson_title)
        self.question.setText(_("How did it go?"))
        self.faces_row.setAccessibleName(self.question.text())
        for rating, description in (
            (SelfRating.NOT_YET, _("I cannot do it alone yet.")),
            (SelfRating.WITH_HELP, _("I can do it with some help.")),
            (SelfRating.ALONE, _("I can do it alone.")),
        ):
            answer, label = rating.key, _(rating.label)
            face = self.faces[answer]
            face.setText(label)
            ink = c.accent_text if face.isChecked() else c.icon
            face.setIcon(icon(f"face-{answer}", ink))
            face.setAccessibleName(label)
            face.setAccessibleDescription(description)
        for button, label, description, name, ink in (
            (self.back_button, _("Back"), _("Go back to the last step."), "next" if rtl else "back", c.icon),
            (self.again_button, _("Do it again"), _("Start this lesson again from step 1."), "restart", c.icon),
            (self.library_button, _("Other lessons"), _("Choose another lesson."), "home", c.accent_text),
        ):
            button.setText(label)
            button.setIcon(icon(name, ink))
            button.setAccessibleName(label)
            button.setAccessibleDescription(description)


def _rows(widths: list[int], width: int, spacing: int) -> int:
    """How many rows items of these widths take in `width`, each row filled in turn."""
    rows, used = 1, -spacing
    for item in widths:
        if used >= 0 and used + spacing + item > width:
            rows, used = rows + 1, -spacing
        used += spacing + item
    return rows


def _done_picture(colour: str) -> bytes:
    """A large tick in a circle, drawn here so the end screen needs no pack file."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200">'
        f'<circle cx="100" cy="100" r="90" fill="{colour}"/>'
        '<path d="M55 105 L88 138 L148 70" fill="none" stroke="#ffffff" stroke-width="18" '
        'stroke-linecap="round" stroke-linejoin="round"/></svg>'
    ).encode()
