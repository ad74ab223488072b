"""Issue 14: the window never hands Qt an SVG that refers outside itself.

`<image href="/abs/file.png">` used to be drawn: Qt opened the local file. Every pack
picture now goes through icons.svg_renderer, which refuses such a file outright.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter

from coach.ui.handouts.blocks import paint_picture
from coach.ui.icons import picture_size, render_picture, svg_renderer
from coach.ui.player.exercises.touch import picture_extent


def _outside_svg(tmp_path: Path) -> bytes:
    picture = QImage(8, 8, QImage.Format.Format_RGB32)
    picture.fill(0xFF0000)
    target = tmp_path / "outside.png"
    assert picture.save(str(target))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8">'
            f'<image href="{target}" width="8" height="8"/></svg>').encode()


def test_an_svg_naming_a_local_file_is_not_drawn(qapp, tmp_path: Path) -> None:
    data = _outside_svg(tmp_path)
    assert svg_renderer(data) is None
    assert render_picture(data, QSize(8, 8)).isNull()
    assert picture_size(data).isEmpty()
    assert picture_extent(data).isEmpty()
    page = QImage(8, 8, QImage.Format.Format_RGB32)
    painter = QPainter(page)
    try:
        assert not paint_picture(painter, data, QRectF(0, 0, 8, 8))
    finally:
        painter.end()


def test_a_self_contained_svg_is_drawn(qapp) -> None:
    data = b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>'
    assert svg_renderer(data) is not None
    assert not render_picture(data, QSize(8, 8)).isNull()
    assert picture_size(data) == QSize(8, 8)
