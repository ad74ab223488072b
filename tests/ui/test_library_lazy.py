"""A library of many packs builds only the tiles in reach, and keyboard and screen-reader users lose nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coach.packs.loader import Library
from coach.settings import Settings

COPIES = 60


@pytest.fixture
def many(library: Library) -> Library:
    """The demo pack 60 times under different ids: 60 sections, 120 lessons."""
    demo = library.packs[0]
    packs = tuple(replace(demo, id=f"demo-{n:02d}") for n in range(COPIES))
    return replace(library, packs=packs)


def arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def test_only_the_sections_in_reach_are_built(make_window, many: Library) -> None:
    window = make_window(lib=many)
    sections = window.library.sections
    built = [s for s in sections if s.built]
    assert sections[0].built
    assert 0 < len(built) < len(sections) // 2, f"{len(built)} of {len(sections)} sections built at start"
    for tile in (t for s in built for t in s.built_tiles()):
        assert tile.isVisible()
        assert tile.title.text() and tile.accessibleName() == tile.title.text()


def test_scrolling_builds_what_comes_into_view(make_window, many: Library) -> None:
    window = make_window(lib=many)
    bar = window.library.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    last = window.library.sections[-1]
    assert last.built
    assert all(tile.isVisible() and tile.accessibleName() for tile in last.built_tiles())
    assert not window.library.sections[COPIES // 2].built


@pytest.mark.parametrize("scale", [100, 150])
def test_sections_built_while_scrolling_hold_their_tiles_whole(make_window, many: Library, scale: int) -> None:
    """A section built during a scroll is as tall as its tiles in the very next pass (no clipped titles)."""
    window = make_window(Settings(client_language="ar", text_scale=scale), lib=many)
    bar = window.library.scroll_area.verticalScrollBar()
    for fraction in (0.3, 0.6, 1.0, 0.1):
        bar.setValue(int(bar.maximum() * fraction))
        QApplication.processEvents()
        for section in (s for s in window.library.sections if s.built):
            holder = section.built_tiles()[0].parentWidget()
            lowest = max(tile.geometry().bottom() for tile in section.built_tiles())
            assert lowest < holder.height(), f"{section.pack.id} cuts its tiles at {fraction} of the way down"


def test_tab_walks_every_lesson_in_order_even_after_a_jump_to_the_end(qtbot, make_window, many: Library) -> None:
    """Sections built late (after the end was shown) still come in their place in the Tab order."""
    window = make_window(lib=many)
    library = window.library
    bar = library.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    bar.setValue(0)
    QApplication.processEvents()
    expected = [(s.pack.id, lesson.id) for s in library.sections for lesson in s.pack.lessons]
    library.focus_first()
    walked = []
    for _ in expected:
        tile = QApplication.focusWidget()
        walked.append((tile.pack.id, tile.lesson.id))
        assert tile.accessibleName() == tile.title.text() != ""
        qtbot.keyClick(tile, Qt.Key.Key_Tab)
    assert walked == expected
    back = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
        back.append((QApplication.focusWidget().pack.id, QApplication.focusWidget().lesson.id))
    assert back == expected[-1:-6:-1]  # the last Tab left the library: back to its last tile


def test_tiles_built_later_speak_the_language_chosen_meanwhile(make_window, many: Library) -> None:
    window = make_window(Settings(client_language="fr"), lib=many)
    window.open_lesson("demo-00", many.packs[0].lessons[0].id)
    window.set_client_language("ar")
    window.show_library()
    QApplication.processEvents()
    assert window.stack.currentWidget() is window.library
    first = window.library.sections[0].built_tiles()[0]
    assert arabic(first.title.text()) and first.accessibleName() == first.title.text()
    bar = window.library.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    late = window.library.sections[-1].built_tiles()[0]
    assert arabic(late.title.text()) and late.accessibleName() == late.title.text()


def test_library_tiles_take_the_clients_script_font_even_when_built_later(make_window, many: Library) -> None:
    """Arabic chosen on the picker: the tiles on screen and those built while scrolling draw with Arabic fonts."""
    window = make_window(Settings(client_language=""), lib=many)
    arabic_button = next(b for b in window.picker.buttons if b.language.tag == "ar")
    arabic_button.click()
    QApplication.processEvents()
    assert window.stack.currentWidget() is window.library

    def families(label) -> list[str]:
        label.ensurePolished()
        return label.font().families()

    assert "Noto Sans Arabic" in families(window.library.sections[0].built_tiles()[0].title)
    assert "Noto Sans Arabic" in families(window.library.title)
    bar = window.library.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    late = window.library.sections[-1]
    assert "Noto Sans Arabic" in families(late.built_tiles()[0].title)
    assert "Noto Sans Arabic" in families(late.title)


def test_the_library_is_shown_already_in_the_chosen_language(make_window, many: Library) -> None:
    """Qt lays a page out as it shows it: the tiles have their new words and fonts by then, so
    the library is laid out once with them, not first with the last language's."""
    from PySide6.QtCore import QEvent, QObject

    window = make_window(Settings(client_language="fr"), lib=many)
    window.show_languages()
    QApplication.processEvents()
    seen: list[tuple[str, str, list[str]]] = []

    class AtShow(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Show and watched is window.library:
                title = window.library.sections[0].built_tiles()[0].title
                seen.append((title.text(), title.styleSheet(), title.geometry().size().toTuple()))
            return False

    at_show = AtShow()
    window.library.installEventFilter(at_show)
    next(b for b in window.picker.buttons if b.language.tag == "ar").click()
    QApplication.processEvents()
    window.library.removeEventFilter(at_show)
    assert len(seen) == 1
    text, sheet, size_at_show = seen[0]
    title = window.library.sections[0].built_tiles()[0].title
    assert arabic(text) and "Noto Sans Arabic" in sheet
    assert size_at_show == title.geometry().size().toTuple(), "laid out as shown, not again after"
