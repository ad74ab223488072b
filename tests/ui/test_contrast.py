"""Low vision, measured on the painted window in both themes (WCAG 2.2: 1.4.3, 1.4.6, 1.4.11, 2.4.7).

The theme's colour pairs are checked as numbers, then the window is painted with the
worker's panel open and what a person sees is measured in its pixels: icons on checked
toggles, the focus ring, frames of text fields and check boxes, the labels of the
buttons that matter most. Text ≥ 4.5:1 (≥ 7:1 in high contrast); anything else ≥ 3:1.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QIcon, QImage
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton, QWidget

from coach.settings import Settings
from coach.ui.theme import HIGH_CONTRAST, NORMAL, Colours, px, tool_bar_scale, ICON


def luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def ratio(a: QColor | str, b: QColor | str) -> float:
    high, low = sorted((luminance(QColor(a)), luminance(QColor(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ink_on_ground(image: QImage, area: QRect) -> tuple[QColor, QColor]:
    """The area's most common colour (its ground), and among the colours covering at least
    3 % of it the one of highest contrast with the ground (its ink: anti-aliased edges are
    too few to count)."""
    counts: Counter[int] = Counter()
    area = area.intersected(image.rect())
    for y in range(area.top(), area.bottom() + 1):
        for x in range(area.left(), area.right() + 1):
            counts[image.pixel(x, y)] += 1
    total = sum(counts.values())
    ground = QColor.fromRgb(counts.most_common(1)[0][0])
    inks = [QColor.fromRgb(rgb) for rgb, n in counts.items() if n >= 0.03 * total]
    return max(inks, key=lambda ink: ratio(ink, ground)), ground


def painted(widget: QWidget) -> tuple[QImage, QPoint]:
    """The window as painted, and where `widget` is in it."""
    for _ in range(5):
        QApplication.processEvents()
    window = widget.window()
    return window.grab().toImage(), widget.mapTo(window, QPoint(0, 0))


def _icon_contrast(button) -> float:
    """The icon as the button draws it now (its checked state), against the button's painted face."""
    image, at = painted(button)
    _, ground = ink_on_ground(image, QRect(at, button.size()).adjusted(6, 6, -6, -6))
    state = QIcon.State.On if button.isChecked() else QIcon.State.Off
    picture = button.icon().pixmap(button.iconSize(), QIcon.Mode.Normal, state).toImage()
    inks = Counter(picture.pixel(x, y) for y in range(picture.height()) for x in range(picture.width())
                   if picture.pixelColor(x, y).alpha() == 255)
    assert inks, f"{button.objectName() or button.text()} has no icon"
    return max(ratio(QColor.fromRgb(rgb), ground) for rgb in inks)


@pytest.mark.parametrize("c", [NORMAL, HIGH_CONTRAST], ids=["normal", "high"])
def test_the_themes_colour_pairs_reach_their_ratios(c: Colours) -> None:
    text = 7.0 if c is HIGH_CONTRAST else 4.5
    for ink, ground in ((c.text, c.window), (c.text, c.surface), (c.muted, c.window), (c.muted, c.surface),
                        (c.accent_text, c.accent), (c.help_text, c.help), (c.done_text, c.done)):
        assert ratio(ink, ground) >= text, f"text {ink} on {ground}: {ratio(ink, ground):.2f}"
    for mark, ground in ((c.focus, c.window), (c.focus, c.surface), (c.border, c.window), (c.border, c.surface),
                         (c.accent, c.surface), (c.icon, c.surface), (c.accent_text, c.accent)):
        assert ratio(mark, ground) >= 3.0, f"{mark} on {ground}: {ratio(mark, ground):.2f}"


@pytest.fixture(params=[False, True], ids=["normal", "high"])
def desk(request, make_desk):
    high = request.param
    return make_desk(Settings(client_language="fr", worker_language="fr", desk_language="fr", high_contrast=high,
                              show_worker_text=True, auto_read=False))


def _text_ratio(desk) -> float:
    return 7.0 if desk.window.settings.high_contrast else 4.5


def test_every_top_bar_icon_reaches_3_to_1_checked_or_not(desk) -> None:
    """Checked toggles have the accent behind them: their icons take the accent's ink (they were 1.07–2.29:1)."""
    window = desk.window
    assert desk.toggle.isChecked() and window.worker_button.isChecked()
    buttons = [b for b in (window.home_button, window.language_button, window.smaller_button, window.bigger_button,
                           window.contrast_button, window.worker_button, window.worker_menu_button,
                           window.packs_button, desk.toggle)]
    low = {b.objectName(): round(_icon_contrast(b), 2) for b in buttons if _icon_contrast(b) < 3.0}
    assert not low, low


def test_the_panel_toggle_icon_is_as_big_as_the_other_tools(desk) -> None:
    bar = px(ICON, tool_bar_scale(desk.window.settings.text_scale))
    assert desk.toggle.iconSize().width() == bar == desk.window.packs_button.iconSize().width()


def test_the_focus_ring_stands_out_from_what_surrounds_it(desk, qtbot) -> None:
    """The ring (on a button of the panel, on a tool of the top bar) against the ground just outside it."""
    window = desk.window
    for button in (desk.panel.start.anonymous_button, window.packs_button):
        button.setFocus()
        qtbot.waitUntil(button.hasFocus, timeout=2000)
        image, at = painted(button)
        middle = at.y() + button.height() // 2
        ring = QColor.fromRgb(image.pixel(at.x() + 2, middle))
        outside = QColor.fromRgb(image.pixel(at.x() - 3, middle))
        assert ring == QColor(window_colours(desk).focus), f"{button.objectName()}: ring {ring.name()}"
        assert ratio(ring, outside) >= 3.0, f"{button.objectName()}: {ratio(ring, outside):.2f}"


def window_colours(desk) -> Colours:
    return HIGH_CONTRAST if desk.window.settings.high_contrast else NORMAL


def test_text_fields_and_check_boxes_have_a_visible_frame(desk) -> None:
    """A text field's frame and a check box's square, against the panel's ground (invisible in high contrast)."""
    start = desk.panel.start
    field = start.pseudonym
    image, at = painted(field)
    middle = at.y() + field.height() // 2
    frame, outside = QColor.fromRgb(image.pixel(at.x() + 1, middle)), QColor.fromRgb(image.pixel(at.x() - 3, middle))
    assert ratio(frame, outside) >= 3.0, f"text field frame {frame.name()} on {outside.name()}"
    box = next(iter(start.channels.values()))
    option = QStyleOptionButton()
    option.initFrom(box)
    square = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    image, at = painted(box)
    edge = QColor.fromRgb(image.pixel(at.x() + square.left(), at.y() + square.center().y()))
    ground = QColor.fromRgb(image.pixel(at.x() + square.left() - 3, at.y() + square.center().y()))
    assert ratio(edge, ground) >= 3.0, f"check box square {edge.name()} on {ground.name()}"


def test_the_panels_main_button_and_the_consent_answers_are_legible(desk) -> None:
    """'Anonymous visit' was grey on blue (1.6:1); the consent's Yes, No and Listen, their icons too."""
    anonymous = desk.panel.start.anonymous_button
    image, at = painted(anonymous)
    ink, ground = ink_on_ground(image, QRect(at + anonymous.label.geometry().topLeft(), anonymous.label.size()))
    assert ratio(ink, ground) >= _text_ratio(desk), f"Anonymous visit: {ink.name()} on {ground.name()}"
    start = desk.panel.start
    start.pseudonym.setText("Amal")
    start.create_button.click()
    consent = desk.consent
    assert desk.window.current_page() is consent
    for button in (consent.listen_button, consent.no_button, consent.yes_button):
        assert _icon_contrast(button) >= 3.0, f"{button.text()} icon: {_icon_contrast(button):.2f}"
