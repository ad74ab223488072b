"""Installing a .coachpack from the window: the packs screen's button and a file dropped on the window."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from ui_helpers import type_file_name, when_modal

from coach.packs.archive import build
from coach.packs.skeleton import write_skeleton
from coach.paths import app_dirs
from coach.settings import Settings


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "src" / "centre-social"
    write_skeleton(folder, language="fr")
    return build(folder).path


def _drop(window, path: Path) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted(), "the window takes a .coachpack"
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    return drop


def _answer(qtbot, window, role: QMessageBox.ButtonRole) -> QMessageBox:
    qtbot.waitUntil(lambda: window.installer.dialog is not None, timeout=5000)
    box = window.installer.dialog
    assert box is not None
    button = next(b for b in box.buttons() if box.buttonRole(b) == role)
    button.click()
    return box


def test_the_packs_screen_installs_a_chosen_file_after_showing_what_it_holds(
        qtbot, make_window, archive: Path) -> None:
    """Install a pack… -> a file -> title, version, languages, lessons in the worker's French -> Install."""
    window = make_window(Settings(client_language="fr", worker_language="fr"))
    window.show_packs()
    assert window.packs_page.install_button.text() == "Installer un pack…"
    with qtbot.waitSignal(window.installer.finished, timeout=10000) as finished:
        chooser = when_modal(QFileDialog, type_file_name(archive))  # the worker types the file's path
        window.packs_page.install_button.click()
        assert chooser and chooser[0].windowTitle() == "Installer un pack"
        box = _answer(qtbot, window, QMessageBox.ButtonRole.AcceptRole)
        assert box.text() == "Mon pack de leçons"
        details = box.informativeText()
        assert "Version : 1.0.0" in details and "fr" in details and "Allumer le téléphone" in details
        qtbot.waitUntil(lambda: window.installer.dialog is not None and window.installer.dialog is not box,
                        timeout=10000)
    assert finished.args == ["installed"]
    assert (app_dirs().packs / "centre-social" / "pack.toml").is_file()
    assert window.pack("centre-social") is not None
    assert window.stack.currentWidget() is window.packs_page
    window.show_library()
    assert "Allumer le téléphone" in [tile.title.text() for tile in window.library.tiles()]


def test_a_dropped_file_can_be_cancelled_and_nothing_is_installed(qtbot, make_window, archive: Path) -> None:
    """Dropping the file asks first; Cancel leaves the packs folder empty."""
    window = make_window(Settings(client_language="fr", worker_language="fr"))
    with qtbot.waitSignal(window.installer.finished, timeout=10000) as finished:
        _drop(window, archive)
        _answer(qtbot, window, QMessageBox.ButtonRole.RejectRole)
    assert finished.args == ["cancelled"]
    assert window.pack("centre-social") is None
    assert [p.name for p in app_dirs().packs.iterdir()] == []


def test_an_unsafe_dropped_file_is_refused_with_the_reason(qtbot, make_window, archive: Path, tmp_path: Path) -> None:
    """A file with a path leaving the pack is refused in the worker's language, naming the entry."""
    bad = tmp_path / "bad.coachpack"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(bad, "w") as target:
        for name in source.namelist():
            target.writestr(name, source.read(name))
        target.writestr("../../escaped.txt", b"x")
    window = make_window(Settings(client_language="ar", worker_language="fr"))
    with qtbot.waitSignal(window.installer.finished, timeout=10000) as finished:
        _drop(window, bad)
    assert finished.args == ["refused"]
    box = window.installer.dialog
    assert box is not None and box.text() == "Le pack n'a pas été installé"
    assert "../../escaped.txt" in box.informativeText()
    assert not (tmp_path.parent / "escaped.txt").exists()
