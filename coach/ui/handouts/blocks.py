"""The pieces of a printed sheet: each measures its height at a width, then paints itself.

Everything is in millimetres on the painter (the page painter scales to them), texts
are laid out by QTextDocument (HarfBuzz shapes Arabic and Ethiopic, the bidi
algorithm orders right-to-left text), pictures stay vectors where the pack's are.
Nothing here touches a QPixmap or a widget, so a sheet is drawn on any thread.
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QTextDocument

from coach.handouts.qr import QUIET_ZONE, QrCode
from coach.handouts.sheet import Words
from coach.i18n.languages import language
from coach.paths import assets_dir
from coach.ui.icons import svg_renderer

INK = QColor("#1f2933")
MUTED = QColor("#52606d")
RULE = QColor("#cbd2d9")
ACCENT = QColor("#1971c2")
POINT = 25.4 / 72
"""One typographic point in millimetres."""


def is_rtl(tag: str) -> bool:
    try:
        return language(tag).rtl
    except ValueError:
        return False


def text_is_rtl(words: Words) -> bool:
    """The direction of `words` from its first strong character (as HTML's dir="auto"), else its language's."""
    for character in words.text:
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return is_rtl(words.language)


def _families(tag: str) -> str:
    try:
        fonts = language(tag).fonts
    except ValueError:
        fonts = ()
    names = [*fonts, "Noto Sans", "Noto Sans Arabic", "Noto Sans Ethiopic", "DejaVu Sans"]
    return ", ".join(f"'{name}'" for name in dict.fromkeys(names))


class TextBox:
    """One or more paragraphs, each in its own direction, wrapped to a width.

    Each paragraph takes the direction of its own text (a French address on an Arabic
    sheet stays "12 rue des Lilas"); all align on the reading side of the sheet
    (`sheet_rtl`), or centred.
    """

    def __init__(self, parts: list[tuple[Words, float, bool, QColor]], sheet_rtl: bool = False,
                 align_center: bool = False, force_ltr: bool = False) -> None:
        """`parts`: (words, size in points, bold, colour) in reading order."""
        body = []
        for words, size, bold, colour in parts:
            rtl = text_is_rtl(words) and not force_ltr
            align = "center" if align_center else ("right" if sheet_rtl else "left")
            weight = "bold" if bold else "normal"
            text = html.escape(words.text).replace("\n", "<br/>")
            body.append(
                f'<p dir="{"rtl" if rtl else "ltr"}" align="{align}" style="font-family: {_families(words.language)};'
                f' font-size: {size * POINT:.3f}px; font-weight: {weight}; color: {colour.name()};'
                f' margin-top: 0px; margin-bottom: {size * POINT * 0.35:.3f}px;">{text}</p>'
            )
        self.document = QTextDocument()
        self.document.setDocumentMargin(0)
        self.document.setHtml("<html><body>" + "".join(body) + "</body></html>")
        self._width = -1.0

    def height(self, width: float) -> float:
        if width != self._width:
            self.document.setTextWidth(width)
            self._width = width
        return self.document.size().height()

    def paint(self, painter: QPainter, x: float, y: float, width: float) -> None:
        self.height(width)
        painter.save()
        painter.translate(x, y)
        self.document.drawContents(painter)
        painter.restore()


def paint_picture(painter: QPainter, data: bytes, box: QRectF) -> bool:
    """Draw a pack picture as large as fits in `box`, centred, keeping its proportions."""
    if not data:
        return False
    head = data[:512].lstrip()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in data[:2048]):
        renderer = svg_renderer(data)
        if renderer is None:
            return False
        natural = QSizeF(renderer.defaultSize())
        target = _fitted(natural, box)
        renderer.render(painter, target)
        return True
    image = QImage.fromData(data)
    if image.isNull():
        return False
    target = _fitted(QSizeF(image.size()), box)
    painter.drawImage(target, image)
    return True


def _fitted(natural: QSizeF, box: QRectF) -> QRectF:
    if natural.isEmpty():
        return box
    size = natural.scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
    return QRectF(box.x() + (box.width() - size.width()) / 2, box.y() + (box.height() - size.height()) / 2,
                  size.width(), size.height())


def paint_qr(painter: QPainter, code: QrCode, box: QRectF) -> None:
    """The code's dark modules as one filled path, with its quiet zone, square in `box`."""
    side = min(box.width(), box.height())
    cells = code.size + 2 * QUIET_ZONE
    module = side / cells
    left = box.x() + (box.width() - side) / 2 + QUIET_ZONE * module
    top = box.y() + (box.height() - side) / 2 + QUIET_ZONE * module
    path = QPainterPath()
    for row, line in enumerate(code.modules):
        column = 0
        while column < len(line):
            if line[column]:
                start = column
                while column < len(line) and line[column]:
                    column += 1
                path.addRect(QRectF(left + start * module, top + row * module, (column - start) * module, module))
            else:
                column += 1
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillRect(QRectF(box.x() + (box.width() - side) / 2, box.y() + (box.height() - side) / 2, side, side),
                     QColor("#ffffff"))
    path.setFillRule(Qt.FillRule.WindingFill)
    painter.fillPath(path, QColor("#000000"))
    painter.restore()


def paint_badge(painter: QPainter, number: int, centre: QPointF, radius: float) -> None:
    """A step's number in a filled circle (digits read the same in every language here)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ACCENT)
    painter.drawEllipse(centre, radius, radius)
    number_box = TextBox([(Words(str(number), "en"), radius * 1.3 / POINT, True, QColor("#ffffff"))],
                         align_center=True)
    height = number_box.height(radius * 2)
    number_box.paint(painter, centre.x() - radius, centre.y() - height / 2, radius * 2)
    painter.restore()


def paint_level_dots(painter: QPainter, level: int, box: QRectF, rtl: bool) -> None:
    """The autonomy level 0-3 as 1-4 filled dots out of four, filled from the reading start."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    radius = min(box.height() / 2, box.width() / 8.5)
    for index in range(4):
        slot = 3 - index if rtl else index
        centre = QPointF(box.x() + radius + slot * radius * 2.2, box.center().y())
        painter.setPen(QPen(ACCENT, radius * 0.3))
        painter.setBrush(ACCENT if index <= level else QColor("#ffffff"))
        painter.drawEllipse(centre, radius * 0.85, radius * 0.85)
    painter.restore()


def paint_face(painter: QPainter, answer: str, box: QRectF) -> None:
    """The client's own rating as the face they tapped on the end screen."""
    try:
        data = (assets_dir() / "icons" / f"face-{answer}.svg").read_bytes()
    except OSError:
        return
    paint_picture(painter, data, box)


def paint_rule(painter: QPainter, x: float, y: float, width: float) -> None:
    painter.save()
    painter.setPen(QPen(RULE, 0.3))
    painter.drawLine(QPointF(x, y), QPointF(x + width, y))
    painter.restore()


@dataclass
class Placed:
    """A block on a page, at `y` millimetres from the content's top, drawn `scale` times its size."""

    block: Any
    """A drawable block of render.py (`height(width)`, `paint(painter, x, y, width, rtl)`)."""
    page: int
    y: float
    scale: float = 1.0
