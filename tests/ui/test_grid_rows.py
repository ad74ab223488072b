"""The picker's and the library's grids at 200 %: a grid, centred or in line, with the current language in view.

At 200 % the picker's tiles sat at the reading side's start under a centred title, and the
client's own language (the focus) was below the fold in Arabic; the library's tiles of a row
were as tall as their own titles, centred on each other, so a row's tops did not line up.
"""

from __future__ import annotations

from itertools import groupby

import pytest
from ui_helpers import builtin_library
from PySide6.QtWidgets import QApplication

from coach.packs.loader import Library
from coach.settings import Settings


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> Library:
    return builtin_library(tmp_path_factory, "phone-basics")


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_pickers_grid_is_centred_and_the_current_language_is_in_view(make_window, packs, lang) -> None:
    window = make_window(Settings(client_language=lang, text_scale=200, auto_read=False), lib=packs)
    window.show_languages()
    settle()
    picker = window.picker
    buttons = picker.buttons
    assert len(buttons) >= 6, "enough languages for three rows at 200 %"
    holder = buttons[0].parentWidget()
    lefts = [b.geometry().left() for b in buttons]
    rights = [b.geometry().right() for b in buttons]
    before, after = min(lefts), holder.width() - 1 - max(rights)
    assert abs(before - after) <= 1, f"the grid is centred under the title: {before} px before, {after} after"
    assert len({b.geometry().width() for b in buttons}) == 1 and len(set(lefts)) == 2, "two columns of one width"
    current = next(b for b in buttons if b.language.tag == lang)
    assert window.focusWidget() is current
    port = picker.scroll_area.viewport()
    top, bottom = current.mapTo(port, current.rect().topLeft()), current.mapTo(port, current.rect().bottomLeft())
    assert port.rect().contains(top) and port.rect().contains(bottom), \
        f"the focused language is on screen, whole: {top.y()}..{bottom.y()} in a viewport of {port.height()}"


@pytest.mark.parametrize("scale", [100, 200])
def test_a_library_rows_tiles_line_up(make_window, packs, scale) -> None:
    window = make_window(Settings(client_language="fr", text_scale=scale, auto_read=False), lib=packs)
    window.show_library()
    settle()
    tiles = window.library.sections[0].tiles
    settle()
    rows = [list(row) for _, row in groupby(tiles, key=lambda t: t.geometry().top())]
    assert len(rows) > 1 and len(rows) < len(tiles), "several rows of several tiles"
    heights = {t.title.heightForWidth(t.title.width()) for t in tiles}
    assert len(heights) > 1, "titles of one and two lines (what used to stagger a row)"
    for row in rows:
        assert len({t.geometry().height() for t in row}) == 1, "a row's tiles are as tall as each other"
    tops = [t.geometry().top() for t in tiles]
    assert len(set(tops)) == len(rows), "each row's tiles start at one top"
