"""Icons and pictures: SVG and raster files drawn into pixmaps at the size asked.

Interface icons are single-colour SVGs (drawn in #1f2933); they are recoloured for
the high-contrast theme. Pack pictures come as bytes from the pack's resources.

Pack pictures pass the SVG safety check (coach/packs/svg_safety.py) before Qt reads
them; the interface icons are Coach's own files, installed with its code, and are
checked once, by the tests (tests/unit/test_icon_assets.py), not at each start.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from coach.paths import assets_dir
from coach.ui.theme import colours

ICON_INK = "#1f2933"


@lru_cache(maxsize=128)
def _icon_svg(name: str, colour: str) -> bytes:
    path = assets_dir() / "icons" / f"{name}.svg"
    try:
        data = path.read_text(encoding="utf-8")
    except OSError:
        return b""
    return data.replace(ICON_INK, colour).encode("utf-8")


@lru_cache(maxsize=256)
def icon(name: str, colour: str = ICON_INK, size: int = 128, on_colour: str | None = None) -> QIcon:
    """An interface icon from assets/icons/NAME.svg, in `colour`; empty if missing.

    With `on_colour`, a checked button draws it in that colour instead: its background
    is then the accent, and the usual ink would vanish into it. Drawn once at `size`
    pixels; Qt scales it down crisply to any icon size asked.
    """
    result = QIcon()
    for ink, state in ((colour, QIcon.State.Off), (on_colour, QIcon.State.On)):
        data = _icon_svg(name, ink) if ink else b""
        renderer = QSvgRenderer(QByteArray(data)) if data else None  # Coach's own file: see the module's note
        pixmap = _drawn(renderer, QSize(size, size), 1.0) if renderer is not None and renderer.isValid() else None
        if pixmap is not None and not pixmap.isNull():
            result.addPixmap(pixmap, QIcon.Mode.Normal, state)  # hover (Active) falls back to Normal
    return result


def lesson_arrows(rtl: bool, high_contrast: bool) -> tuple[QIcon, QIcon]:
    """The lesson's Back and Next arrows for a client's direction: each pointing where it goes."""
    c = colours(high_contrast)
    return icon("next" if rtl else "back", c.icon), icon("back" if rtl else "next", c.accent_text)


def is_svg(data: bytes) -> bool:
    head = data[:512].lstrip()
    return head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in data[:2048])


def svg_renderer(data: bytes) -> QSvgRenderer | None:
    """Qt's renderer for a self-contained, valid SVG; None for one that refers outside itself.

    The only way pack pictures reach QSvgRenderer: an `<image href="/abs/file">`, a web
    address or an entity is never opened (coach/packs/svg_safety.py states the rule).
    """
    from coach.packs.svg_safety import is_safe_svg  # XML parsing loads with the first pack picture

    if not is_safe_svg(data):
        return None
    renderer = QSvgRenderer(QByteArray(data))
    return renderer if renderer.isValid() else None


def picture_size(data: bytes) -> QSize:
    """The natural size of a picture (SVG or raster); empty when unreadable."""
    if is_svg(data):
        renderer = svg_renderer(data)
        return renderer.defaultSize() if renderer is not None else QSize()
    image = QImage.fromData(data)
    return image.size()


def render_picture(data: bytes, box: QSize, svg: bool | None = None, ratio: float = 1.0) -> QPixmap:
    """`data` drawn as large as fits in `box`, keeping its proportions."""
    if box.width() <= 0 or box.height() <= 0:
        return QPixmap()
    if svg is None:
        svg = is_svg(data)
    if svg:
        renderer = svg_renderer(data)
        return _drawn(renderer, box, ratio) if renderer is not None else QPixmap()
    image = QImage.fromData(data)
    if image.isNull():
        return QPixmap()
    scaled = image.scaled(box * ratio, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    pixmap = QPixmap.fromImage(scaled)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def _drawn(renderer: QSvgRenderer, box: QSize, ratio: float) -> QPixmap:
    """What `renderer` draws, as large as fits in `box`, keeping its proportions."""
    natural = renderer.defaultSize()
    target = natural.scaled(box, Qt.AspectRatioMode.KeepAspectRatio) if not natural.isEmpty() else box
    pixmap = QPixmap(target * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, target.width(), target.height()))
    painter.end()
    return pixmap
