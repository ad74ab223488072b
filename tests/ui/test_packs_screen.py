"""A broken pack is listed with its errors on the packs screen; every other pack still loads."""

from __future__ import annotations

import shutil
from pathlib import Path

from coach.packs.loader import load_library
from coach.settings import Settings

BROKEN = Path(__file__).resolve().parent.parent / "data" / "broken_packs"


def test_broken_pack_is_shown_with_its_problems(qtbot, make_window, tmp_path: Path,
                                                demo_builtin_dir: Path) -> None:
    """An installed pack with a missing field is listed with file:line errors; the demo still works."""
    installed = tmp_path / "packs"
    installed.mkdir()
    shutil.copytree(BROKEN / "missing-field", installed / "missing-field")
    library = load_library(demo_builtin_dir, installed)
    assert [p.id for p in library.packs] == ["demo"] and len(library.broken) == 1

    window = make_window(Settings(client_language="fr", worker_language="fr"), lib=library)
    assert window.packs_button.text() == "1", "the tool bar shows how many packs failed"
    window.packs_button.click()
    assert window.stack.currentWidget() is window.packs_page
    texts = [problems.toPlainText() for _card, _h, _d, problems, _item in window.packs_page.cards if problems]
    assert len(texts) == 1
    first_line = texts[0].splitlines()[0]
    assert "missing-field/lessons/01-call.toml:1: erreur: " in first_line, "file:line, in the worker's French"
    headings = [heading.text() for _card, heading, _d, _p, _item in window.packs_page.cards]
    assert any("missing-field" in text for text in headings)
    assert any(text == "Premiers pas" for text in headings)

    window.show_library()
    assert [tile.lesson.id for tile in window.library.tiles()] == ["unlock-phone", "call-someone"]


def test_packs_screen_follows_the_worker_language(qtbot, make_window) -> None:
    """With an Arabic client and a French worker, the packs screen stays in French."""
    window = make_window(Settings(client_language="ar", worker_language="fr"))
    window.show_packs()
    assert window.packs_page.title.text() == "Packs de leçons"
    assert not window.packs_page.isRightToLeft()


def _problem_lines(window) -> list[str]:
    return [line for _c, _h, _d, problems, _i in window.packs_page.cards if problems
            for line in problems.toPlainText().splitlines()]


def test_problems_follow_the_worker_language(qtbot, make_window, tmp_path: Path,
                                            demo_builtin_dir: Path) -> None:
    """A broken pack's problems are in the worker's language (French, Arabic), re-rendered on a switch."""
    installed = tmp_path / "packs"
    installed.mkdir()
    shutil.copytree(BROKEN / "missing-field", installed / "missing-field")
    library = load_library(demo_builtin_dir, installed)
    where = f"{installed / 'missing-field'}/lessons/01-call.toml:1"

    window = make_window(Settings(client_language="ar", worker_language="fr"), lib=library)
    window.show_packs()
    # (toPlainText gives a no-break space as a plain space)
    assert _problem_lines(window) == [f"{where}: erreur: la leçon : champ title manquant"]

    window.set_worker_language("ar")
    assert _problem_lines(window) == [f"{where}: خطأ: الدرس: الحقل title مفقود"]

    window.set_worker_language("en")
    assert _problem_lines(window) == [f"{where}: error: the lesson has no title"]
