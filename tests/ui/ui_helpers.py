"""Helpers the Qt tests share: showing each screen, finding clipped controls, answering dialogs."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QWidget

from coach.packs.loader import Library, load_library
from coach.paths import builtin_packs_dir


def visible_children(root: QWidget, kind) -> list:
    return [w for w in root.findChildren(kind) if w.isVisibleTo(root.window()) and w.isVisible()]


def clipped(root: QWidget) -> list[str]:
    """Names of the controls and texts under `root` that are smaller than their content."""
    problems = []
    for button in visible_children(root, QAbstractButton):
        if button.hasHeightForWidth():  # a wrapping label: as tall as its lines, as wide as its longest word
            least = button.minimumSizeHint()
            needed = button.heightForWidth(button.width())
            if button.width() < least.width() or button.height() < needed:
                problems.append(f"button {button.text() or button.accessibleName()!r} {button.size()} < "
                                f"{least.width()} wide, {needed} high")
            continue
        hint = button.sizeHint()
        if button.width() < hint.width() or button.height() < hint.height():
            problems.append(f"button {button.text() or button.accessibleName()!r} {button.size()} < {hint}")
    for label in visible_children(root, QLabel):
        if not label.text():
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if label.height() < needed:
                problems.append(f"label {label.text()[:30]!r} height {label.height()} < {needed}")
        elif label.width() < label.sizeHint().width():
            problems.append(f"label {label.text()[:30]!r} width {label.width()} < {label.sizeHint().width()}")
    for area in visible_children(root, QScrollArea):
        content = area.widget()
        if area.horizontalScrollBar().maximum() > 0:
            problems.append(f"{area.parent().__class__.__name__} scrolls sideways")
        elif content is not None and content.width() > area.viewport().width():  # no bar: cut at the side
            problems.append(f"{area.parent().__class__.__name__}'s content {content.width()} wide in "
                            f"{area.viewport().width()}")
    return problems


def hidden_part(widget: QWidget) -> str:
    """'' when all of `widget` is on screen; else which ancestor (a scroll viewport, the window) cuts it off."""
    rect = QRect(widget.rect())
    current = widget
    while current.parentWidget() is not None:
        rect.translate(current.pos())
        current = current.parentWidget()
        if not current.rect().contains(rect):
            return f"{current.__class__.__name__} {current.rect()} does not contain {rect}"
    return ""


SCREENS = ["picker", "library", "lesson", "end", "packs"]


def show(window, screen: str) -> QWidget:
    if screen == "picker":
        window.show_languages()
    elif screen == "library":
        window.show_library()
    elif screen == "packs":
        window.show_packs()
    else:
        lesson = [t for t in window.library.tiles() if t.pack.id == "demo"][-1].lesson
        window.open_lesson("demo", lesson.id, len(lesson.steps) - 1)
        if screen == "end":
            window.lesson.next()
    settle()
    return window.stack.currentWidget()


def settle() -> None:
    """Let Qt finish laying out: one layout pass can post another (word-wrapped text)."""
    for _ in range(5):
        QApplication.processEvents()


def builtin_library(tmp_path_factory, *packs: str) -> Library:
    """These built-in packs alone, copied into a folder of their own and loaded (the others
    change under the tests)."""
    builtin = tmp_path_factory.mktemp("builtin-" + "-".join(packs))
    for pack in packs:
        shutil.copytree(builtin_packs_dir() / pack, builtin / pack)
    library = load_library(builtin, Path("/nonexistent-coach-packs"))
    assert sorted(p.id for p in library.packs) == sorted(packs) and not library.broken, library.broken
    return library


def when_modal(kind: type, act: Callable[[QWidget], None], timeout_ms: int = 5000) -> list[QWidget]:
    """Once a modal dialog of `kind` is up, call `act(dialog)` (its `exec` is running then);
    returns a list that holds the dialog after it was seen (empty if it never came)."""
    from PySide6.QtCore import QTimer

    seen: list[QWidget] = []
    ticks = [timeout_ms // 50]

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            seen.append(dialog)
            act(dialog)
        elif ticks[0] > 0:
            ticks[0] -= 1
            QTimer.singleShot(50, look)
    QTimer.singleShot(0, look)
    return seen


def type_file_name(path: Path | str) -> Callable[[QWidget], None]:
    """For `when_modal`: type `path` in a Qt file dialog's name field and press Enter, as a
    worker would."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    def act(dialog: QWidget) -> None:
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        assert field is not None, "a Qt file dialog has its name field"
        field.setText(str(path))
        QTest.keyClick(field, Qt.Key.Key_Return)
    return act
