"""The lesson screen: one picture, one sentence, big Back / Listen / Next.

Below them, "I need help" and "I did it" emit events the worker's panel records.
No timers: the client moves on when they choose. Arrow keys follow the reading
direction (in Arabic, Left goes forward).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coach.domain.pack import Lesson, Pack, Step
from coach.domain.practice import ExerciseResult
from coach.domain.progress import LessonProgress, PlayerEvent
from coach.i18n.languages import display_name
from coach.ui.accessibility import announce
from coach.ui.focus_chain import put_before
from coach.ui.icons import icon, lesson_arrows
from coach.ui.language_state import LanguageState, direction, speak_as, use_script_font
from coach.ui.player.exercises import ExerciseContext, ExerciseView, exercise_view
from coach.ui.player.library import read_picture
from coach.ui.player.reader import Reader, ReaderState, recorded_audio_file
from coach.ui.player.speech_controls import SpokenText
from coach.ui.player.step_controls import StepControls
from coach.ui.theme import colours
from coach.ui.player.step_layout import StepBody
from coach.ui.widgets import PictureView, StepDots, refresh_layouts


class LessonPage(QWidget):
    """Shows one step of a lesson and moves through it."""

    player_event = Signal(object)
    """A `PlayerEvent` for each step reached, help request, "I did it" and end."""
    lesson_finished = Signal()
    slow_changed = Signal(bool)
    step_shown = Signal(object, object, int)
    """(pack, lesson, step index): the step now on screen, for the worker's panel."""
    exercise_result = Signal(str, str, object)
    """(pack id, lesson id, `ExerciseResult`) after each answer, hint or help in an exercise."""

    def __init__(self, languages: LanguageState, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self._reader = reader
        self.auto_read = True
        self.slow = False
        self.pack: Pack | None = None
        self.lesson: Lesson | None = None
        self.progress: LessonProgress | None = None
        self._show_worker_text = False
        self._high_contrast = False
        self._notice_key = ""
        self._notice_icon_name = ""
        self._icons_for: tuple[bool, bool] | None = None
        """(right-to-left, high contrast) the buttons' icons were drawn for: a step keeps them."""
        self._auto_read_due = False
        self.screen_reader_reads = False
        """A screen reader is running and reads each step (from its announcement): no auto-read."""
        self.exercise: ExerciseView | None = None
        self.practice_results: dict[str, ExerciseResult] = {}
        """This lesson's exercise results, by step id, since it was opened."""
        self.desk_country = ""
        """The desk's country (settings): it picks the links "Open on your phone" shows."""
        self._build()
        self._shortcuts()
        self.retranslate()

    # -- building ---------------------------------------------------------------
    def _build(self) -> None:
        # No scroll area around the page: the controls must always be inside the window
        # (coach.ui.player.step_layout); the picture shrinks first, then the text scrolls.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.setSpacing(12)

        header = QHBoxLayout()
        self.lesson_title = QLabel()
        self.lesson_title.setProperty("role", "small")
        self.lesson_title.setWordWrap(True)
        self.counter = QLabel()
        self.counter.setProperty("role", "progress")
        self.dots = StepDots()
        header.addWidget(self.lesson_title, 1)
        header.addWidget(self.dots)
        header.addWidget(self.counter)
        layout.addLayout(header)

        self.picture = PictureView(minimum=72)
        self.picture.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.text = SpokenText()
        self.text.setProperty("role", "step-text")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.worker_text = QLabel()
        self.worker_text.setProperty("role", "worker-text")
        self.worker_text.setWordWrap(True)
        self.worker_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.worker_text.setVisible(False)

        self.notice_box = QFrame()
        self.notice_box.setProperty("role", "card")
        notice_row = QHBoxLayout(self.notice_box)
        self.notice_icon = QLabel()
        self.notice_icon.setFixedSize(40, 40)
        self.notice = QLabel()
        self.notice.setProperty("role", "notice-text")
        self.notice.setWordWrap(True)
        notice_row.addStretch(1)
        notice_row.addWidget(self.notice_icon)
        notice_row.addWidget(self.notice, 0)
        notice_row.addStretch(1)
        self.notice_box.setVisible(False)
        self.body = StepBody(self.picture, [self.text, self.worker_text, self.notice_box], beside_when_short=True)
        layout.addWidget(self.body, 1)

        self.controls = StepControls(self, self._languages, self._reader)
        controls = self.controls
        self.nav_row, self.actions_row = controls.nav_row, controls.actions_row
        self.back_button, self.next_button = controls.back_button, controls.next_button
        self.listen_controls = controls.listen_controls
        self.listen_button, self.slow_button = controls.listen_button, controls.slow_button
        self.help_button, self.done_button = controls.help_button, controls.done_button
        self.phone_button = controls.phone_button
        layout.addWidget(self.nav_row)
        layout.addWidget(self.actions_row)
        self.body.scroll_by_keys(controls.buttons())  # Down and Up on them: the step's text, when it is cut

        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.listen_controls.listen_clicked.connect(self.listen)
        self.listen_controls.slow_toggled.connect(self._set_slow)
        self._reader.word_changed.connect(self._on_word)
        self._reader.state_changed.connect(self._on_reader_state)
        self.help_button.clicked.connect(self.ask_for_help)
        self.done_button.clicked.connect(self.did_it)

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (
            (Qt.Key.Key_Right, lambda: self._arrow(forward_in_ltr=True)),
            (Qt.Key.Key_Left, lambda: self._arrow(forward_in_ltr=False)),
            (Qt.Key.Key_PageDown, self.next),
            (Qt.Key.Key_PageUp, self.back),
            (Qt.Key.Key_F1, self.ask_for_help),
            (Qt.Key.Key_F2, self.listen_button.click),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # -- state ------------------------------------------------------------------
    def open_lesson(self, pack: Pack, lesson: Lesson, step_index: int = 0) -> None:
        self.pack, self.lesson = pack, lesson
        self.practice_results = {}
        self.progress = LessonProgress(pack.id, lesson.id, tuple(s.id for s in lesson.steps), index=step_index)
        self._emit(self.progress.start())
        self._show_step()

    @property
    def step(self) -> Step | None:
        if self.lesson is None or self.progress is None:
            return None
        return self.lesson.steps[self.progress.index]

    def next(self) -> None:
        if self.progress is None or self.progress.finished:
            return
        events = self.progress.next()
        self._emit(events)
        if self.progress.finished:
            self.lesson_finished.emit()
        else:
            self._show_step()

    def back(self) -> None:
        if self.progress is None or not self.progress.can_go_back:
            return
        self._emit(self.progress.back())
        self._show_step()

    def ask_for_help(self) -> None:
        if self.progress is None or self.progress.finished:
            return
        self._emit(self.progress.ask_for_help())
        if self.exercise is not None:
            self.exercise.add_help()
        self._set_notice("help")

    def did_it(self) -> None:
        if self.progress is None or self.progress.finished:
            return
        self._emit(self.progress.did_it())
        self._set_notice("done")
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)  # what comes after "I did it"

    def listen(self) -> None:
        """Read the step aloud in the client's language: recorded audio first, else a voice."""
        step, pack = self.step, self.pack
        if step is None or pack is None or self.progress is None or self.progress.finished:
            return
        tag = self._languages.client.tag
        spoken = pack.text_language(step.text, tag)  # an untranslated step shows, and is read in, the source
        self._reader.read(pack.translate(step.text, tag), spoken, slow=self.slow, recorded=self._recorded(step, tag))

    def _recorded(self, step: Step, tag: str) -> Path | None:
        """The step's recorded audio for `tag` (or its base language) as a playable file."""
        relative = step.recording(tag)
        if not relative or self.pack is None:
            return None
        try:
            data = self.pack.resources.read_bytes(relative)
        except (OSError, KeyError, ValueError):
            return None
        return recorded_audio_file(data, Path(relative).suffix)

    def stop_reading(self) -> None:
        self._reader.stop()

    def _set_slow(self, slow: bool) -> None:
        self.slow = slow
        self.slow_changed.emit(slow)
        if self.exercise is not None:
            self.exercise.context.slow = slow
        if self.listen_controls.speaking:
            self.listen()

    def _on_word(self, start: int, length: int) -> None:
        if self._reader.text == self.text.plain_text():
            self.text.highlight(start, length)

    def _on_reader_state(self, state: str) -> None:
        _ = self._languages.client_strings().gettext
        if state == ReaderState.NO_VOICE:
            self.show_notice(_("There is no voice for this language on this computer."), "no-voice", "no-voice")
        elif state == ReaderState.FAILED:
            self.show_notice(_("The voice is not working right now."), "voice-failed", "no-voice")
        elif self._notice_key in ("no-voice", "voice-failed"):
            self.show_notice("", "")

    def show_speech_state(self, state: ReaderState) -> None:
        """Show the notice the reader's `state` calls for (no voice, voice not working), or none."""
        self._on_reader_state(state)

    def show_notice(self, text: str, key: str = "custom", icon_name: str = "") -> None:
        """Show a short message, with an icon, under the step (cleared on the next step)."""
        self._notice_key = key
        self._notice_icon_name = icon_name
        self.notice.setText(text)
        self.notice.setAccessibleName(text)
        self.notice_icon.setVisible(bool(icon_name))
        if icon_name:
            self.notice_icon.setPixmap(icon(icon_name, colours(self._high_contrast).icon).pixmap(40, 40))
        self.notice_box.setVisible(bool(text))
        announce(self.notice, text, assertive=key == "help")

    def set_text_scale(self, scale: int) -> None:
        """The text size in percent: the QR codes grow with it."""
        self.phone_button.scale = scale
        self.controls.set_scale(scale)

    def set_desk_country(self, country: str) -> None:
        self.desk_country = country
        self._update_phone_button()

    def _update_phone_button(self) -> None:
        self.phone_button.show_for(self.pack, self.lesson, self.step, self.desk_country,
                                   colours(self._high_contrast).icon)

    def set_show_worker_text(self, show: bool) -> None:
        self._show_worker_text = show
        self._update_worker_text()

    def set_high_contrast(self, high: bool) -> None:
        self._high_contrast = high
        self.text.set_high_contrast(high)
        self.listen_controls.set_high_contrast(high)
        if self.exercise is not None:
            self.exercise.retranslate(self._exercise_context())
        c = colours(high)
        self.dots.set_colours(c.accent, c.border)
        self.body.more_below.set_colours(c)
        self._update_icons()

    def _emit(self, events: list[PlayerEvent]) -> None:
        language = self._languages.client.tag  # the visit records each lesson in the language used
        for event in events:
            self.player_event.emit(replace(event, language=language))

    def _arrow(self, forward_in_ltr: bool) -> None:
        rtl = self._languages.client.rtl
        (self.next if forward_in_ltr != rtl else self.back)()

    # -- showing ----------------------------------------------------------------
    def _show_step(self) -> None:
        step, progress, pack = self.step, self.progress, self.pack
        if step is None or progress is None or pack is None:
            return
        self._reader.stop()
        self.step_shown.emit(pack, self.lesson, progress.index)
        self.show_notice("", "")
        self.listen_controls.reset()
        self._show_exercise(step)
        self.retranslate()
        refresh_layouts(self)
        self.focus_start()
        # The focus stays on Next (or goes to the practice): say the new step itself, once:
        # its number only when Coach's own voice is about to read it (docs/accessibility.md).
        coach_reads = self.auto_read and not self.screen_reader_reads
        announce(self.text, self.counter.accessibleName() if coach_reads
                 else f"{self.counter.accessibleName()}. {self.text.plain_text()}")
        self._auto_read_due = coach_reads
        if self.isVisible():
            self._read_if_due()

    def _show_exercise(self, step: Step) -> None:
        """An exercise step shows its practice view in place of the picture."""
        if self.exercise is not None:
            self.exercise.clear()
            self.exercise.hide()
            self.exercise.deleteLater()
            self.exercise = None
        view = exercise_view(self._exercise_context()) if step.exercise is not None else None
        if view is None:
            self.body.set_visual(self.picture)
            self.picture.set_picture(read_picture(self.pack, step.picture) if self.pack else b"")
            return
        self.exercise = view
        previous = self.practice_results.get(step.id)
        if previous is not None:
            view.start_from(previous)
        view.result_changed.connect(self._on_exercise_result)
        self.body.set_visual(view)  # shown now: the keyboard focus goes into it
        put_before(view, self.back_button, view.first_focus())  # Tab meets it where it is seen: before the controls

    def _exercise_context(self) -> ExerciseContext:
        assert self.pack is not None and self.step is not None
        client = self._languages.client
        return ExerciseContext(self.pack, self.step, client.tag, client.rtl, self._languages.client_strings().gettext,
                               self._reader, slow=self.slow, high_contrast=self._high_contrast,
                               icon_size=self.controls.full_icon())

    def _on_exercise_result(self, result: ExerciseResult) -> None:
        if self.pack is None or self.lesson is None:
            return
        self.practice_results[result.step_id] = result
        self.exercise_result.emit(self.pack.id, self.lesson.id, result)

    def focus_start(self) -> None:
        """Where the keyboard starts on a step: the exercise, else Next."""
        target = self.exercise.first_focus() if self.exercise is not None else self.next_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _read_if_due(self) -> None:
        """Auto-read: a step is read once when it is first shown, never again by itself."""
        if self._auto_read_due:
            self._auto_read_due = False
            self.listen()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._read_if_due()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        if not self.window().isMinimized():
            self._reader.stop()  # leaving the lesson silences it

    def _set_notice(self, key: str) -> None:
        _ = self._languages.client_strings().gettext
        texts = {
            "help": _("Someone is coming to help you."),
            "done": _("Well done! You did it."),
        }
        if key in texts:
            self.show_notice(texts[key], key, {"help": "help", "done": "done"}[key])

    def _update_icons(self) -> None:
        rtl, high = self._languages.client.rtl, self._high_contrast
        if self._icons_for == (rtl, high):
            return  # drawing them again (SVG) and setting them re-measures and repaints the buttons
        contrast_changed = self._icons_for is None or self._icons_for[1] != high
        self._icons_for = (rtl, high)
        arrows = lesson_arrows(rtl, high)  # each direction drawn once (a right-to-left one in idle time)
        self.back_button.setIcon(arrows[0])
        self.next_button.setIcon(arrows[1])
        if contrast_changed:  # these point nowhere: a switch keeps them
            self.help_button.setIcon(icon("help", colours(high).help_text))
            self.done_button.setIcon(icon("done", colours(high).done_text))
        # The arrow sits on the side the button points to.
        self.next_button.setLayoutDirection(Qt.LayoutDirection.LeftToRight if rtl else Qt.LayoutDirection.RightToLeft)

    def _update_worker_text(self) -> None:
        step, pack = self.step, self.pack
        worker, client = self._languages.worker, self._languages.client
        show = self._show_worker_text and step is not None and pack is not None and worker.tag != client.tag
        self.worker_text.setVisible(show)
        if not show or step is None or pack is None:
            return
        _ = self._languages.worker_strings().gettext
        text = pack.translate(step.text, worker.tag)
        if not pack.is_reviewed(client.tag):
            text += "\n" + _("({language} translation not yet checked by a native speaker)").format(
                language=display_name(client.tag, worker.tag, standalone=False)
            )
        self.worker_text.setText(text)
        self.worker_text.setLayoutDirection(direction(worker))
        speak_as(self.worker_text, worker)  # the worker's line under the client's: the worker's voice
        use_script_font(self.worker_text, worker)
        self.worker_text.setAccessibleName(text)

    def retranslate(self) -> None:
        _ = self._languages.client_strings().gettext
        client = self._languages.client
        for button, label, description in (
            (self.back_button, _("Back"), _("Go back to the previous step.")),
            (self.help_button, _("I need help"), _("Tell the person helping you that you need help.")),
            (self.done_button, _("I did it"), _("Tell the person helping you that you did this step.")),
        ):
            button.setText(label)
            button.setAccessibleName(label)
            button.setAccessibleDescription(description)
        step, progress, pack = self.step, self.progress, self.pack
        last = progress is not None and progress.is_last
        self.next_button.setText(_("Finish") if last else _("Next"))
        self.next_button.setAccessibleName(self.next_button.text())
        self.next_button.setAccessibleDescription(
            _("Finish the lesson.") if last else _("Go to the next step.")
        )
        self._update_icons()
        self.body.more_below.retranslate(_)
        lesson = self.lesson
        if step is None or progress is None or pack is None or lesson is None:
            return
        self.back_button.setEnabled(progress.can_go_back)
        self.lesson_title.setText(pack.translate(lesson.title, client.tag))
        text = pack.translate(step.text, client.tag)
        if text != self.text.plain_text():
            self.text.set_plain_text(text)
        description = pack.translate(step.picture_description, client.tag)
        self.picture.setAccessibleName(_("Picture"))
        self.picture.setAccessibleDescription(description)
        self.picture.setToolTip(description)
        count = progress.step_count
        self.counter.setText(_("{current} / {total}").format(current=progress.index + 1, total=count))
        self.counter.setAccessibleName(
            _("Step {current} of {total}").format(current=progress.index + 1, total=count)
        )
        self.dots.set_progress(progress.index, count)
        if self.exercise is not None:
            self.exercise.retranslate(self._exercise_context())
        self.dots.setAccessibleName(self.counter.accessibleName())
        if self._notice_key in ("help", "done"):
            self._set_notice(self._notice_key)
        elif self._notice_key in ("no-voice", "voice-failed"):
            self._on_reader_state(self._reader.state)
        self._update_worker_text()
        self._update_phone_button()
