"""Reading aloud in the player, with a fake engine behind the real speech protocol."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication

from coach.domain.pack import Catalog
from coach.i18n.ui_strings import ui_strings
from coach.packs.loader import Library
from coach.settings import Settings
from coach.ui.player.reader import ReaderState


def window_with_speech(qtbot, library, speech, **settings):
    from coach.ui.player.main_window import MainWindow

    values = {"client_language": "fr", "auto_read": False, **settings}
    window = MainWindow(list(library.packs), list(library.broken), Settings(**values), speech=speech)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def wait_state(qtbot, reader, state: ReaderState, timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: reader.state is state, timeout=timeout)


def test_listen_plays_then_stop_is_instant(qtbot, library, speech) -> None:
    """Listen → loading → playing (the button says Stop) → Stop silences at once."""
    window = window_with_speech(qtbot, library, speech)
    window.open_lesson("demo", "unlock-phone")
    lesson, reader = window.lesson, window.reader
    assert reader.state is ReaderState.IDLE, "auto-read is off in this test"
    lesson.listen_button.click()
    assert reader.state is ReaderState.LOADING
    wait_state(qtbot, reader, ReaderState.PLAYING)
    assert reader.text == lesson.text.plain_text()
    assert lesson.listen_button.text() == "Arrêter"
    lesson.listen_button.click()
    assert reader.state is ReaderState.IDLE
    assert lesson.text.highlighted() == ""
    assert lesson.listen_button.text() == "Écouter encore"


def test_auto_read_reads_each_new_step(qtbot, library, speech) -> None:
    """With auto-read on, opening a lesson and pressing Next read the new step aloud."""
    window = window_with_speech(qtbot, library, speech, auto_read=True)
    window.open_lesson("demo", "call-someone")
    lesson, reader = window.lesson, window.reader
    wait_state(qtbot, reader, ReaderState.PLAYING)
    first = reader.text
    lesson.next_button.click()
    qtbot.waitUntil(lambda: reader.text != first and reader.state is ReaderState.PLAYING, timeout=5000)
    assert reader.text == lesson.text.plain_text()
    lesson.back_button.click()
    qtbot.waitUntil(lambda: reader.text == first, timeout=5000)


def test_highlight_follows_the_words(qtbot, library, speech) -> None:
    """While speaking, the highlighted word moves forward through the sentence, in order."""
    window = window_with_speech(qtbot, library, speech)
    window.open_lesson("demo", "call-someone", 2)
    lesson, reader = window.lesson, window.reader
    seen: list[str] = []
    reader.word_changed.connect(lambda start, length: seen.append(lesson.text.highlighted()))
    lesson.listen_button.click()
    words = lesson.text.plain_text().split()
    qtbot.waitUntil(lambda: len({w for w in seen if w}) >= 3, timeout=8000)
    spoken = [w for w in seen if w]
    assert spoken[:3] == words[:3], "the first three words are highlighted in order"
    qtbot.waitUntil(lambda: reader.state is ReaderState.IDLE, timeout=8000)
    assert lesson.text.highlighted() == "", "the highlight goes away at the end"


def test_highlight_in_arabic(qtbot, library, speech) -> None:
    """Right-to-left text highlights its own words (string spans, not screen positions)."""
    window = window_with_speech(qtbot, library, speech, client_language="ar")
    window.open_lesson("demo", "call-someone", 2)
    lesson, reader = window.lesson, window.reader
    seen: list[str] = []
    reader.word_changed.connect(lambda start, length: seen.append(lesson.text.highlighted()))
    lesson.listen_button.click()
    qtbot.waitUntil(lambda: len([w for w in seen if w]) >= 2, timeout=8000)
    words = lesson.text.plain_text().split()
    assert [w for w in seen if w][:2] == words[:2]
    assert "background-color" in lesson.text.text()
    reader.stop()


def with_tigrinya_first_step(library: Library) -> Library:
    """The demo pack with its first step translated into Tigrinya (the fake engine has no Tigrinya voice)."""
    demo = library.pack("demo")
    step = demo.lesson("unlock-phone").steps[0]
    catalog = Catalog("ti", {(step.text.context, step.text.source): "ነቲ ኣብ ጎድኒ ስልኪ ዘሎ መልጎም ጸቕጡ።"}, reviewed=False)
    return Library(packs=(replace(demo, languages=(*demo.languages, "ti"), catalogs={**demo.catalogs, "ti": catalog}),))


def test_no_voice_for_tigrinya_says_so_and_hides_nothing(qtbot, library, speech) -> None:
    """Without a Tigrinya voice the step says so plainly, with an icon; every control stays."""
    window = window_with_speech(qtbot, with_tigrinya_first_step(library), speech, client_language="ti")
    window.open_lesson("demo", "unlock-phone")
    lesson, reader = window.lesson, window.reader
    lesson.listen_button.click()
    wait_state(qtbot, reader, ReaderState.NO_VOICE)
    assert lesson.notice_box.isVisible() and lesson.notice_icon.isVisible()
    no_voice = "There is no voice for this language on this computer."
    assert lesson.notice.text() == ui_strings("ti").gettext(no_voice) != no_voice  # said in Tigrinya
    for control in (lesson.back_button, lesson.listen_button, lesson.next_button,
                    lesson.help_button, lesson.done_button, lesson.picture, lesson.text):
        assert control.isVisible()
    lesson.next_button.click()
    assert lesson.progress.index == 1


def test_an_untranslated_step_is_read_in_the_language_it_is_shown_in(qtbot, library, speech) -> None:
    """A Tigrinya client on a step the pack has only in French: the French shown is read by a French voice."""
    window = window_with_speech(qtbot, with_tigrinya_first_step(library), speech, client_language="ti")
    window.open_lesson("demo", "unlock-phone")
    window.lesson.next_button.click()  # step 2 has no Tigrinya translation
    sent: list[str] = []
    original = speech.speak
    speech.speak = lambda text, lang, *args, **kwargs: sent.append(lang) or original(text, lang, *args, **kwargs)
    window.lesson.listen_button.click()
    wait_state(qtbot, window.reader, ReaderState.PLAYING)
    assert sent == ["fr"] and window.reader.text == window.lesson.text.plain_text()


def test_slower_speech_is_remembered(qtbot, library, speech) -> None:
    """The Slower switch asks for a slower voice and is kept in the settings."""
    window = window_with_speech(qtbot, library, speech)
    window.open_lesson("demo", "unlock-phone")
    window.lesson.slow_button.click()
    assert window.settings.slow_speech and window.lesson.slow
    window.lesson.listen_button.click()
    wait_state(qtbot, window.reader, ReaderState.PLAYING)


def test_the_language_picker_speaks(qtbot, library, speech) -> None:
    """Tapping a language says its name in that language."""
    window = window_with_speech(qtbot, library, speech, client_language="")
    arabic = next(b for b in window.picker.buttons if b.language.tag == "ar")
    arabic.click()
    assert window.reader.text == "العربية"
    wait_state(qtbot, window.reader, ReaderState.PLAYING)
    QApplication.processEvents()


def test_leaving_the_lesson_stops_the_voice(qtbot, library, speech) -> None:
    """Going back to the library silences the step being read."""
    window = window_with_speech(qtbot, library, speech)
    window.open_lesson("demo", "unlock-phone")
    window.lesson.listen_button.click()
    wait_state(qtbot, window.reader, ReaderState.PLAYING)
    window.show_library()
    assert window.reader.state is ReaderState.IDLE
