"""Draw a `Sheet` onto pages: a PDF file (QPdfWriter) or a printer (QPrinter).

The sheet is laid out in millimetres: blocks one under the other, a block that does
not fit on the rest of a page starts the next one, and a block taller than a whole
page is drawn smaller, so nothing is ever clipped whatever the number of steps.
A one-page sheet is shrunk (its text re-wrapped wider) until it fits. The reading
direction of the sheet's language mirrors every row. Callable from any thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF
from PySide6.QtGui import QColor, QPageLayout, QPagedPaintDevice, QPageSize, QPainter, QPdfWriter, QPen

from coach.handouts.sheet import Heading, Paragraph, QrItem, Sheet, SkillItem, StepItem, Words
from coach.records.private import private_replacement
from coach.ui.handouts.blocks import (
    INK, MUTED, RULE, Placed, TextBox, is_rtl, paint_badge, paint_face, paint_level_dots, paint_picture,
    paint_qr, paint_rule,
)

MARGIN_MM = 14.0
FOOTER_MM = 9.0
GAP_MM = 4.0
STEP_TEXT_PT = 20.0
"""Large type for the step texts: read by people who read little."""
WORKER_PT = 12.0


class _Row:
    """Helpers for a row laid out from the reading start: mirrored in right-to-left."""

    def __init__(self, x: float, width: float, rtl: bool) -> None:
        self.x, self.width, self.rtl = x, width, rtl

    def span(self, start: float, size: float) -> float:
        """The page x of a piece `start` mm from the reading start, `size` mm wide."""
        return self.x + self.width - start - size if self.rtl else self.x + start


class _Text:
    def __init__(self, box: TextBox, keep_with_next: bool = False) -> None:
        self.box = box
        self.keep_with_next = keep_with_next
        """A heading: never left alone at the foot of a page."""

    def height(self, width: float) -> float:
        return self.box.height(width)

    def paint(self, painter: QPainter, x: float, y: float, width: float, rtl: bool) -> None:
        self.box.paint(painter, x, y, width)


def _with_worker(words: Words, worker: Words | None, size: float, bold: bool = False) -> TextBox:
    parts = [(words, size, bold, INK)]
    if worker is not None:
        parts.append((worker, WORKER_PT, False, MUTED))
    return TextBox(parts, sheet_rtl=is_rtl(words.language))


class _Step:
    BADGE, PICTURE_W, PICTURE_H, SPACE = 12.0, 62.0, 46.5, 6.0

    def __init__(self, item: StepItem) -> None:
        self.item = item
        self.text = _with_worker(item.text, item.worker, STEP_TEXT_PT)

    def _text_width(self, width: float) -> float:
        return max(30.0, width - self.BADGE - self.PICTURE_W - 2 * self.SPACE)

    def height(self, width: float) -> float:
        return max(self.PICTURE_H, self.text.height(self._text_width(width))) + GAP_MM

    def paint(self, painter: QPainter, x: float, y: float, width: float, rtl: bool) -> None:
        row = _Row(x, width, rtl)
        body = self.height(width) - GAP_MM
        paint_badge(painter, self.item.number, QPointF(row.span(0, self.BADGE) + self.BADGE / 2, y + self.BADGE / 2),
                    self.BADGE / 2)
        picture = QRectF(row.span(self.BADGE + self.SPACE, self.PICTURE_W), y + (body - self.PICTURE_H) / 2,
                         self.PICTURE_W, self.PICTURE_H)
        if not paint_picture(painter, self.item.picture, picture):
            painter.save()
            painter.setPen(QPen(RULE, 0.4))
            painter.drawRect(picture)
            painter.restore()
        text_width = self._text_width(width)
        text_height = self.text.height(text_width)
        self.text.paint(painter, row.span(self.BADGE + self.PICTURE_W + 2 * self.SPACE, text_width),
                        y + (body - text_height) / 2, text_width)
        paint_rule(painter, x, y + body + GAP_MM / 2, width)


class _Qr:
    SIDE, SPACE = 44.0, 6.0

    def __init__(self, item: QrItem) -> None:
        self.item = item
        self.title = _with_worker(item.title, item.worker, 16.0, bold=True)
        self.address = TextBox([(Words(item.url, "en"), 13.0, False, INK)], force_ltr=True)

    def _text_width(self, width: float) -> float:
        return max(30.0, width - self.SIDE - self.SPACE)

    def height(self, width: float) -> float:
        text = self._text_width(width)
        return max(self.SIDE, self.title.height(text) + 2 + self.address.height(text)) + GAP_MM

    def paint(self, painter: QPainter, x: float, y: float, width: float, rtl: bool) -> None:
        row = _Row(x, width, rtl)
        paint_qr(painter, self.item.code, QRectF(row.span(0, self.SIDE), y, self.SIDE, self.SIDE))
        text_width = self._text_width(width)
        text_x = row.span(self.SIDE + self.SPACE, text_width)
        title_height = self.title.height(text_width)
        top = y + max(0.0, (self.SIDE - title_height - 2 - self.address.height(text_width)) / 2)
        self.title.paint(painter, text_x, top, text_width)
        if rtl:  # the address reads left to right, but sits on the reading side
            address_width = min(text_width, self.address.document.idealWidth() + 1)
            self.address.paint(painter, text_x + text_width - address_width, top + title_height + 2, address_width)
        else:
            self.address.paint(painter, text_x, top + title_height + 2, text_width)


class _Skill:
    FACE, DOTS_W, DOTS_H, SPACE = 11.0, 30.0, 7.0, 4.0

    def __init__(self, item: SkillItem) -> None:
        self.item = item
        self.name = _with_worker(item.name, item.worker, 16.0, bold=True)
        rtl = is_rtl(item.name.language)
        self.level = TextBox([(item.level_words, 14.0, False, INK)], rtl) if item.level_words else None
        self.self_words = TextBox([(item.self_words, 14.0, False, INK)], rtl) if item.self_words else None
        self.history = TextBox([(item.history, 11.0, False, MUTED)], rtl) if item.history else None

    def _columns(self, width: float) -> tuple[float, float]:
        name = width * 0.42
        return name, width - name - self.SPACE

    def _right_height(self, width: float) -> float:
        _, right = self._columns(width)
        words = right - self.DOTS_W - self.SPACE
        height = 0.0
        if self.level is not None:
            height += max(self.DOTS_H, self.level.height(words)) + 2
        if self.self_words is not None:
            height += max(self.FACE, self.self_words.height(right - self.FACE - self.SPACE)) + 2
        if self.history is not None:
            height += self.history.height(right)
        return height

    def height(self, width: float) -> float:
        name, _ = self._columns(width)
        return max(self.name.height(name), self._right_height(width)) + GAP_MM

    def paint(self, painter: QPainter, x: float, y: float, width: float, rtl: bool) -> None:
        row = _Row(x, width, rtl)
        name, right = self._columns(width)
        self.name.paint(painter, row.span(0, name), y, name)
        left = name + self.SPACE
        top = y
        if self.level is not None and self.item.level is not None:
            words = right - self.DOTS_W - self.SPACE
            line = max(self.DOTS_H, self.level.height(words))
            paint_level_dots(painter, self.item.level, QRectF(row.span(left, self.DOTS_W), top + (line - self.DOTS_H) / 2,
                                                              self.DOTS_W, self.DOTS_H), rtl)
            self.level.paint(painter, row.span(left + self.DOTS_W + self.SPACE, words), top, words)
            top += line + 2
        if self.self_words is not None and self.item.self_rating:
            words = right - self.FACE - self.SPACE
            line = max(self.FACE, self.self_words.height(words))
            paint_face(painter, self.item.self_rating, QRectF(row.span(left, self.FACE), top, self.FACE, self.FACE))
            self.self_words.paint(painter, row.span(left + self.FACE + self.SPACE, words),
                                  top + (line - self.self_words.height(words)) / 2, words)
            top += line + 2
        if self.history is not None:
            self.history.paint(painter, row.span(left, right), top, right)
        paint_rule(painter, x, y + self.height(width) - GAP_MM / 2, width)


class _Desk:
    PAD = 4.0

    def __init__(self, lines: tuple[Words, ...], rtl: bool) -> None:
        self.box = TextBox([(words, 13.0, index == 0, INK) for index, words in enumerate(lines)], rtl)

    def height(self, width: float) -> float:
        return self.box.height(width - 2 * self.PAD) + 2 * self.PAD + GAP_MM

    def paint(self, painter: QPainter, x: float, y: float, width: float, rtl: bool) -> None:
        inner = self.height(width) - GAP_MM
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(INK, 0.5))
        painter.drawRoundedRect(QRectF(x, y, width, inner), 3, 3)
        painter.restore()
        self.box.paint(painter, x + self.PAD, y + self.PAD, width - 2 * self.PAD)


def _blocks(sheet: Sheet) -> list:
    parts = [(sheet.title, 26.0, True, INK)]
    if sheet.worker_title is not None:
        parts.append((sheet.worker_title, 14.0, False, MUTED))
    parts += [(words, 14.0, False, INK) for words in sheet.subtitle]
    rtl = is_rtl(sheet.language)
    blocks: list = [_Text(TextBox(parts, rtl))]
    for item in sheet.items:
        if isinstance(item, StepItem):
            blocks.append(_Step(item))
        elif isinstance(item, QrItem):
            blocks.append(_Qr(item))
        elif isinstance(item, SkillItem):
            blocks.append(_Skill(item))
        elif isinstance(item, Heading):
            blocks.append(_Text(_with_worker(item.words, item.worker, 18.0, bold=True), keep_with_next=True))
        elif isinstance(item, Paragraph):
            blocks.append(_Text(_with_worker(item.words, item.worker, STEP_TEXT_PT if item.large else 14.0),
                                keep_with_next=True))
    if sheet.desk:
        blocks.append(_Desk(sheet.desk, rtl))
    return blocks


def _paginate(blocks: list, width: float, height: float) -> list[Placed]:
    placed: list[Placed] = []
    page, y = 0, 0.0
    for index, block in enumerate(blocks):
        tall = block.height(width)
        scale = 1.0
        if tall > height:  # taller than a page: drawn smaller, on a page of its own
            scale = height / tall
        needed = tall * scale
        following = index + 1
        while getattr(blocks[following - 1], "keep_with_next", False) and following < len(blocks):
            needed += GAP_MM + min(blocks[following].height(width), height / 2)
            following += 1
        if y > 0 and y + needed > height:
            page, y = page + 1, 0.0
        placed.append(Placed(block, page, y, scale))
        y += tall * scale + GAP_MM
    return placed


def _one_page_scale(blocks: list, width: float, height: float) -> float:
    """The scale at which the blocks, re-wrapped to `width / scale`, fit in one page."""
    scale = 1.0
    for _attempt in range(8):
        total = sum(block.height(width / scale) + GAP_MM for block in blocks) - GAP_MM
        if total * scale <= height:
            return scale
        scale = min(scale * 0.97, scale * height / (total * scale))
    return scale


def paint_sheet(sheet: Sheet, device: QPagedPaintDevice) -> int:
    """Draw `sheet` on `device` (its page size and margins as set); returns the number of pages."""
    area = device.pageLayout().paintRect(QPageLayout.Unit.Millimeter)
    width, height = area.width(), area.height() - FOOTER_MM
    rtl = is_rtl(sheet.language)
    blocks = _blocks(sheet)
    if sheet.one_page:
        scale = _one_page_scale(blocks, width, height)
        placed, y = [], 0.0
        for block in blocks:
            placed.append(Placed(block, 0, y, scale))
            y += (block.height(width / scale) + GAP_MM) * scale
    else:
        placed = _paginate(blocks, width, height)
    pages = placed[-1].page + 1 if placed else 1
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot draw the sheet (the printer or file refused it)")
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(device.width() / area.width(), device.height() / area.height())
        current = 0
        _footer(painter, sheet, 0, pages, width, height)
        for where in placed:
            if where.page != current:
                device.newPage()
                current = where.page
                _footer(painter, sheet, current, pages, width, height)
            painter.save()
            painter.translate(0, where.y)
            painter.scale(where.scale, where.scale)
            where.block.paint(painter, 0.0, 0.0, width / where.scale, rtl)
            painter.restore()
    finally:
        painter.end()
    return pages


def _footer(painter: QPainter, sheet: Sheet, page: int, pages: int, width: float, height: float) -> None:
    text = f"{page + 1} / {pages}"
    if sheet.footer is not None:
        text = f"{sheet.footer.text}  ·  {text}"
    box = TextBox([(Words(text, sheet.language), 9.0, False, QColor(MUTED))], align_center=True)
    painter.save()
    painter.setPen(QPen(RULE, 0.3))
    painter.drawLine(QPointF(0, height + 2), QPointF(width, height + 2))
    painter.restore()
    box.paint(painter, 0, height + 3, width)


def write_sheet_pdf(sheet: Sheet, path: Path) -> int:
    """Write `sheet` as an A4 PDF at `path`, atomically and 0600 (a failure leaves no half file); returns pages."""
    with private_replacement(Path(path), ".pdf") as temporary:
        # A sheet may name the client (the visit sheet, the skills sheet): owner-only.
        writer = QPdfWriter(str(temporary))
        writer.setResolution(300)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
        writer.setTitle(sheet.document_title or sheet.title.text)
        writer.setCreator("Coach")
        pages = paint_sheet(sheet, writer)
        del writer  # flushes and closes the file
    return pages
