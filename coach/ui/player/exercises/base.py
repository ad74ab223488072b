"""What every exercise view shares: its context, the spoken feedback line, the tally.

A view shows one exercise in place of the step's picture. A wrong answer gets a
gentle hint, shown and read aloud (the word being said is highlighted); a right one
is praised aloud. There is no score and no timer; Next (skip) and "I need help"
stay on the lesson page, always available.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coach.domain.pack import Pack, Step, Text
from coach.domain.practice import ExerciseResult
from coach.ui.accessibility import announce
from coach.ui.focus_chain import put_last
from coach.ui.icons import icon
from coach.ui.player.more_below import MoreBelow
from coach.ui.player.reader import Reader
from coach.ui.player.speech_controls import SpokenText
from coach.ui.player.step_layout import control_row
from coach.ui.theme import colours


@dataclass
class ExerciseContext:
    """What a view needs from the lesson page: the pack, the language, the reader."""

    pack: Pack
    step: Step
    language: str
    rtl: bool
    gettext: Callable[[str], str]
    """The client's interface catalog."""
    reader: Reader
    slow: bool = False
    high_contrast: bool = False
    icon_size: QSize = field(default_factory=lambda: QSize(28, 28))
    """The lesson's icon size (it grows with the text)."""

    def text(self, text: Text) -> str:
        return self.pack.translate(text, self.language)

    def picture(self, path: str) -> bytes:
        try:
            return self.pack.resources.read_bytes(path)
        except (OSError, KeyError, ValueError):
            return b""


def press_button(role: str = "nav") -> QPushButton:
    button = QPushButton()
    button.setProperty("role", role)
    button.setAutoDefault(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


class ExerciseView(QWidget):
    """The base of the five views: feedback line, hint, praise and the tally."""

    result_changed = Signal(object)
    """The `ExerciseResult` after each answer, hint or success."""
    solved = Signal()

    def __init__(self, context: ExerciseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.result = ExerciseResult(context.step.id)
        self._done = False
        """Solved on this screen (the result may say solved from an earlier visit of the step)."""
        self._feedback_kind = ""
        self._feedback_source: Text | str | None = None
        # The exercise scrolls inside its own area: at 200 % text beside the panel it may
        # need more height than the step leaves it, and the controls must stay in the window.
        # A form's own button stays in sight, under that area if need be (`pin_action`).
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.verticalScrollBar().rangeChanged.connect(self._bring_feedback_into_view)
        outer.addWidget(self.scroll_area, 1)
        self.more_below = MoreBelow(self.scroll_area)
        """The sign, over the area's bottom edge, that the practice goes on below it."""
        inner = QWidget()
        inner.setProperty("role", "exercise")
        self.scroll_area.setWidget(inner)
        self.layout_ = QVBoxLayout(inner)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(12)
        self.body = QVBoxLayout()
        self.body.setSpacing(12)
        self.layout_.addLayout(self.body, 1)
        self.feedback_box = QFrame()
        self.feedback_box.setProperty("role", "card")
        row = QHBoxLayout(self.feedback_box)
        self.feedback_icon = QLabel()
        self.feedback_icon.setFixedSize(40, 40)
        self.feedback = SpokenText()
        self.feedback.setProperty("role", "notice-text")
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.feedback.highlight_moved.connect(  # a long hint being read: its word, below the edge, into view
            lambda: self.more_below.show_part(self.feedback, self.feedback.span_rect))
        row.addWidget(self.feedback_icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.feedback, 1)
        self.feedback_box.setVisible(False)
        self.hint_button = press_button("nav")
        self.hint_button.clicked.connect(self.ask_hint)
        hint_row = QHBoxLayout()
        hint_row.addStretch(1)
        hint_row.addWidget(self.hint_button)
        hint_row.addStretch(1)
        self.layout_.addWidget(self.feedback_box)
        self.layout_.addLayout(hint_row)
        self.footer, self._footer_row = control_row(spread=False)
        self.footer.setVisible(False)
        outer.addWidget(self.footer)
        self._action: QPushButton | None = None
        self._action_home: QBoxLayout | None = None
        self.scroll_area.verticalScrollBar().rangeChanged.connect(self._place_action)
        self._focus_shown: tuple[QWidget, int, int] | None = None
        """The widget the focus last scrolled into view, the scroll bar's value before and after."""
        self.scroll_area.verticalScrollBar().rangeChanged.connect(self._keep_focus_shown)
        context.reader.word_changed.connect(self._on_word)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)

    def pin_action(self, button: QPushButton, home: QBoxLayout) -> None:
        """Keep the practice's own button (a form's submit) in sight.

        Called once the form is in the view. It stays in `home` (under the form's fields)
        while the whole practice fits; when it does not (200 % text beside the panel), the
        fields scroll (Tab brings each into view) and the button moves under the part that
        scrolls, where it is always on screen."""
        self._action, self._action_home = button, home
        page = home.parentWidget()
        if page is not None:  # a site's button is made before its fields: Tab meets it after them
            put_last(page, button)
            for edit in page.findChildren(QLineEdit):  # typing in a field scrolled out of sight brings it back
                edit.textEdited.connect(lambda _text, e=edit: self.show_in_view(e))
        self._place_action()

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Wherever the focus goes in the part that scrolls, it scrolls to show it: Qt's scroll area does
        so only for Tab from inside it, not for Shift+Tab from the pinned button, a wrong field given the
        focus, or a click on a field's visible edge."""
        content = self.scroll_area.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            self.show_in_view(new)
            QTimer.singleShot(0, self, self._show_focus)  # again once a step just shown is laid out

    def _show_focus(self) -> None:
        focused = QApplication.focusWidget()
        if focused is not None:
            self.show_in_view(focused)

    def show_in_view(self, widget: QWidget) -> None:
        """Scroll the practice so `widget` is on screen whole with what goes with it (its nearest ancestor
        marked "shown-whole": a field's label and line), or `widget` alone when those do not fit."""
        content = self.scroll_area.widget()
        if content is None or not content.isAncestorOf(widget):
            return
        unit, ancestor = widget, widget.parentWidget()
        while ancestor is not None and ancestor is not content:
            if ancestor.property("shown-whole"):
                unit = ancestor
                break
            ancestor = ancestor.parentWidget()
        bar, view, margin = self.scroll_area.verticalScrollBar(), self.scroll_area.viewport().height(), 8
        start = bar.value()
        target = unit if unit.height() + 2 * margin <= view else widget
        top = target.mapTo(content, QPoint(0, 0)).y() - margin
        bottom = top + target.height() + 2 * margin
        if bottom - margin <= view:  # shown with the practice's start: a site's band stays above its first field
            bar.setValue(0)
        elif top < bar.value() or bottom - top > view:
            bar.setValue(top)
        elif bottom > bar.value() + view:
            bar.setValue(bottom - view)
        self._focus_shown = (widget, start, bar.value())

    def _keep_focus_shown(self, *_range: int) -> None:
        """The practice laid out again (a step just shown: the site's band on two lines, the form's button
        pinned under it): the focused field shown as it now is, unless the client scrolled since or a
        feedback is shown. In Arabic the e-mail was shown from a pass where the form was taller, and the band
        above it stayed scrolled away once band and field fitted together."""
        shown, bar = self._focus_shown, self.scroll_area.verticalScrollBar()
        if (shown is None or shown[2] != bar.value()
                or QApplication.focusWidget() is not shown[0] or self.feedback_box.isVisibleTo(self)):
            return
        widget, start, _value = shown
        bar.setValue(start)  # from where it was, as the focus came: no more scrolled than the field needs
        self.show_in_view(widget)

    def _place_action(self, *_range: int) -> None:
        button, home = self._action, self._action_home
        if button is None or home is None:
            return
        pinned = self.footer.isVisibleTo(self)
        page, content = home.parentWidget(), self.scroll_area.widget()  # the form must show whole
        if page is None or content is None:
            return
        bottom = page.mapTo(content, QPoint(0, page.height())).y()
        if pinned:  # the form's height with the button back in its place
            bottom += button.sizeHint().height() + self.layout_.spacing()
        fits = bottom <= self.height()
        if fits == pinned:
            if fits:
                self._footer_row.removeWidget(button)
                home.addWidget(button)
            else:
                home.removeWidget(button)
                self._footer_row.addWidget(button)
            self.footer.setVisible(not fits)
            button.show()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_action()

    # -- for the views ----------------------------------------------------------
    def hint_text(self) -> Text:
        """The exercise's general hint (views with per-answer hints pass theirs to `wrong`)."""
        raise NotImplementedError

    def start_from(self, result: ExerciseResult) -> None:
        """Coming back to this step: go on counting from what was done before."""
        self.result = result

    @property
    def done(self) -> bool:
        return self._done

    def wrong(self, hint: Text | None = None) -> None:
        """A wrong answer: count it (until solved once), show and say the hint."""
        if not self.result.solved:
            self._update(self.result.tried())
        self._give_hint(hint or self.hint_text())

    def right(self) -> None:
        """A right answer: count it, praise aloud; the screen stays solved."""
        if self._done:
            return
        self._done = True
        self._update(self.result if self.result.solved else self.result.tried().succeeded())
        self._show_feedback("praise", None)
        self.say(self.feedback.plain_text())
        self.on_solved()
        self.solved.emit()

    def on_solved(self) -> None:
        """A view may lock its controls or show the final state."""

    def on_hint(self) -> None:
        """A view may show more (a touch target pulses) when a hint is given."""

    def say(self, text: str) -> None:
        c = self.context
        c.reader.read(text, c.language, slow=c.slow)

    # -- hints and feedback -------------------------------------------------------
    def ask_hint(self) -> None:
        """The Hint button: the hint, without counting an answer."""
        self._give_hint(self.hint_text())

    def _give_hint(self, hint: Text) -> None:
        if not self.result.solved:
            self._update(self.result.hinted())
        self._show_feedback("hint", hint)
        self.say(self.feedback.plain_text())
        self.on_hint()

    def add_help(self) -> None:
        """The lesson page tells the view that the client asked for help here."""
        if not self.result.solved:
            self._update(self.result.helped())

    def clear(self) -> None:
        """Forget what the client typed (practice data is never kept)."""

    def _update(self, result: ExerciseResult) -> None:
        self.result = result
        self.result_changed.emit(result)

    def _show_feedback(self, kind: str, source: Text | None) -> None:
        self._feedback_kind, self._feedback_source = kind, source
        self._render_feedback()
        if kind:  # each answer is told, the same hint again too
            announce(self.feedback, self.feedback.plain_text())

    def _render_feedback(self) -> None:
        _ = self.context.gettext
        kind = self._feedback_kind
        if not kind:
            self.feedback_box.setVisible(False)
            return
        if kind == "praise":
            text, name = _("Well done! You did it."), "done"
        else:
            source = self._feedback_source
            text = self.context.text(source) if isinstance(source, Text) else str(source or "")
            name = "help"
        if text != self.feedback.plain_text():
            self.feedback.set_plain_text(text)
        self.feedback.setAccessibleName(text)
        ink = colours(self.context.high_contrast).icon
        self.feedback_icon.setPixmap(icon(name, ink).pixmap(40, 40))
        self.feedback_box.setProperty("feedback", kind)
        self.feedback_box.setVisible(True)
        # Below a tall form (3 fields beside the worker's line) the box would be out of
        # sight: scroll to it once the layout has placed it (and again if the place shrinks).
        QTimer.singleShot(0, self, self._bring_feedback_into_view)

    def _bring_feedback_into_view(self, *_range: int) -> None:
        if self.feedback_box.isVisibleTo(self):
            self.scroll_area.ensureWidgetVisible(self.feedback_box, 0, 8)

    def feedback_text(self) -> str:
        return self.feedback.plain_text() if self.feedback_box.isVisibleTo(self) else ""

    def _on_word(self, start: int, length: int) -> None:
        if self.context.reader.text == self.feedback.plain_text():
            self.feedback.highlight(start, length)
        self.on_word(start, length)

    def on_word(self, start: int, length: int) -> None:
        """Views with other spoken texts (choices) highlight them here."""

    # -- language and look ----------------------------------------------------------
    def retranslate(self, context: ExerciseContext) -> None:
        """The client's language or the look changed: redo every text."""
        self.context = context
        _ = context.gettext
        self.hint_button.setText(_("Hint"))
        self.hint_button.setAccessibleName(_("Hint"))
        self.hint_button.setAccessibleDescription(_("Hear a hint for this exercise."))
        self.hint_button.setIcon(icon("hint", colours(context.high_contrast).icon))
        self.feedback.set_high_contrast(context.high_contrast)
        self.more_below.set_colours(colours(context.high_contrast))
        self.more_below.retranslate(_)
        self._render_feedback()
        for button in self.findChildren(QAbstractButton):
            button.setIconSize(context.icon_size)

    def first_focus(self) -> QWidget:
        """The control the keyboard starts on."""
        return self.hint_button

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        # Seven lines of text: enough to work in, little enough for 200 % text beside the panel.
        return QSize(200, self.fontMetrics().height() * 7)
