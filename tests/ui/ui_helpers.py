"""Helpers the Qt tests share: showing each screen, and finding clipped controls."""

from __future__ import annotations

import shutil
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
        if area.horizontalScrollBar().maximum() > 0:
            problems.append(f"{area.parent().__class__.__name__} scrolls sideways")
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
