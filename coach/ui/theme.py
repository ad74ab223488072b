"""Colours, sizes and the style sheet: normal and high contrast, text at 100–200 %.

Sizes are in pixels at 100 % and multiplied by the text scale, so everything that
holds text grows with it; layouts (not fixed sizes) decide where things go.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

MIN_TOUCH = 48
"""Smallest side of anything a finger can press, in pixels (WCAG 2.5.5)."""


@dataclass(frozen=True)
class Colours:
    window: str
    surface: str
    text: str
    muted: str
    accent: str
    accent_text: str
    help: str
    help_text: str
    done: str
    done_text: str
    focus: str
    border: str
    icon: str


NORMAL = Colours(
    window="#f4f1ea", surface="#ffffff", text="#1f2933", muted="#52606d",
    accent="#1d5fa8", accent_text="#ffffff", help="#b3411b", help_text="#ffffff",
    done="#1e7a3c", done_text="#ffffff", focus="#c25e00", border="#767f8a", icon="#1f2933",
)
HIGH_CONTRAST = Colours(
    window="#000000", surface="#000000", text="#ffffff", muted="#ffffff",
    accent="#ffff00", accent_text="#000000", help="#ff9e80", help_text="#000000",
    done="#7dff7d", done_text="#000000", focus="#00ffff", border="#ffffff", icon="#ffffff",
)


def colours(high_contrast: bool) -> Colours:
    return HIGH_CONTRAST if high_contrast else NORMAL


ICON = 28
"""Icon side at 100 % text, in pixels; icons grow with the text."""

TOOL_BAR_MAX_SCALE = 125
"""The top bar's buttons grow with the text up to 125 %: above that the bar would take a
second row (at 150 % it did in German, Spanish and Ukrainian beside the worker's panel), and
the step's own controls would no longer fit on a 1280×800 screen. The step's text, pictures
and controls still grow to 200 %."""


DOTS_MAX_SCALE = 100
"""The step dots (sized from their font) do not grow with the text: at 200 % they took half the header's
width, the lesson's title wrapped onto 2 to 4 lines above the step, and the counter beside
them already says where the client is."""


PRACTICE_BAND_MAX_SCALE = 150
"""A practice site's coloured band (its made-up name, "Practice: nothing is sent") and the
simulated phone's small print (clock, app names) grow to 150 %: at 200 % beside the panel the
band took 130 of the 300 px the practice has, and a row of app names was wider than it."""


COMPACT_CONTROLS_SCALE = 150
"""A step's compact buttons (coach.ui.player.step_controls: large text, a page short of room) keep
their word and icon, at 150 % at most: at 200 % beside the worker's panel the full-size rows took
3 or 4 rows of 80 px, and a practice form could not show its two fields."""

COMPACT_PADDING = (4, 6)
"""A compact button's padding (top and bottom, start and end), in pixels."""

CONTROL_TEXT = {"nav": 22, "primary": 22, "help": 20, "done": 20}
"""The step's buttons' text size at 100 %, by role (the style sheet's)."""


def button_padding(scale: int) -> tuple[int, int]:
    """A push button's padding (top and bottom, start and end): it grows with the text to 125 %."""
    return px(6, min(scale, 125)), px(14, min(scale, 125))


def tool_bar_scale(scale: int) -> int:
    return min(scale, TOOL_BAR_MAX_SCALE)


def px(size: float, scale: int) -> int:
    """A size designed at 100 % text, at `scale` percent."""
    return round(size * scale / 100)


def palette(c: Colours) -> QPalette:
    pal = QPalette()
    for role, value in (
        (QPalette.ColorRole.Window, c.window), (QPalette.ColorRole.Base, c.surface),
        (QPalette.ColorRole.AlternateBase, c.window), (QPalette.ColorRole.Text, c.text),
        (QPalette.ColorRole.WindowText, c.text), (QPalette.ColorRole.Button, c.surface),
        (QPalette.ColorRole.ButtonText, c.text), (QPalette.ColorRole.Highlight, c.accent),
        (QPalette.ColorRole.HighlightedText, c.accent_text), (QPalette.ColorRole.ToolTipBase, c.surface),
        (QPalette.ColorRole.ToolTipText, c.text), (QPalette.ColorRole.PlaceholderText, c.muted),
    ):
        pal.setColor(role, QColor(value))
    return pal


def frame_palette(c: Colours) -> QPalette:
    """For check boxes and combo boxes: the style draws their frames a shade darker than
    the Window colour, which vanishes into a black window; from the border colour the
    frame keeps ≥ 3:1 in both themes."""
    pal = palette(c)
    pal.setColor(QPalette.ColorRole.Window, QColor(c.border))
    return pal


def style_sheet(high_contrast: bool, scale: int) -> str:
    """The application's style sheet for a theme and a text scale."""
    c = colours(high_contrast)
    border = 3 if high_contrast else 2
    base = px(18, scale)
    return f"""
    QWidget {{ font-size: {base}px; color: {c.text}; }}
    StepDots {{ font-size: {px(18, min(scale, DOTS_MAX_SCALE))}px; }}
    QMainWindow, QStackedWidget, QScrollArea, QScrollArea > QWidget > QWidget {{ background: {c.window}; }}
    QLabel[role="title"] {{ font-size: {px(28, scale)}px; font-weight: bold; }}
    QLabel[role="section"] {{ font-size: {px(22, scale)}px; font-weight: bold; }}
    QLabel[role="step-text"] {{ font-size: {px(30, scale)}px; }}
    QLabel[role="worker-text"] {{ font-size: {px(17, scale)}px; color: {c.muted}; }}
    QLabel[role="progress"] {{ font-size: {px(20, scale)}px; font-weight: bold; }}
    QLabel[role="notice"] {{ font-size: {px(18, scale)}px; padding: {px(6, scale)}px;
        border: {border}px solid {c.border}; border-radius: 8px; background: {c.surface}; }}
    QLabel[role="notice-text"] {{ font-size: {px(20, scale)}px; }}
    QLabel[role="small"] {{ font-size: {px(15, scale)}px; color: {c.muted}; }}
    QLabel[role="error"] {{ color: {c.help}; font-weight: bold; }}
    QLabel[role="consent-text"] {{ font-size: {px(26, scale)}px; border: {border + 3}px solid transparent;
        border-radius: 8px; }}
    QLabel[role="consent-text"]:focus {{ border-color: {c.focus}; }}
    QLabel[role="record-line"] {{ font-size: {px(24, scale)}px; }}
    QLabel[role="button-label"] {{ background: transparent; }}
    QLabel[role="button-label"][on="true"] {{ color: {c.accent_text}; }}
    QPushButton[role="primary"] > QLabel[role="button-label"] {{ color: {c.accent_text};
        font-size: {px(22, scale)}px; font-weight: bold; }}
    QPushButton[role="primary"] > QLabel[role="button-label"]:disabled {{ color: {c.muted}; }}
    QFrame[role="failure"] {{ background: {c.surface}; border: {border + 1}px solid {c.help}; border-radius: 8px; }}
    QCheckBox, QRadioButton {{ min-height: {MIN_TOUCH}px; min-width: {MIN_TOUCH}px; spacing: {px(10, scale)}px; }}
    QCheckBox::indicator, QRadioButton::indicator {{ width: {px(26, scale)}px; height: {px(26, scale)}px; }}
    QPushButton, QToolButton {{
        min-height: {MIN_TOUCH}px; min-width: {MIN_TOUCH}px;
        padding: {px(6, min(scale, 125))}px {px(14, min(scale, 125))}px;
        background: {c.surface}; color: {c.text};
        border: {border}px solid {c.border}; border-radius: 10px;
    }}
    QToolButton {{ padding: {px(6, scale)}px {px(8, scale)}px; }}
    QLabel[role="button-label"][compact="true"] {{ font-size: {px(16, scale)}px; }}
    QPushButton[role="primary"] {{ background: {c.accent}; color: {c.accent_text}; border-color: {c.accent};
        font-size: {px(22, scale)}px; font-weight: bold; }}
    QPushButton[role="help"] {{ background: {c.help}; color: {c.help_text}; border-color: {c.help};
        font-size: {px(20, scale)}px; }}
    QPushButton[role="done"] {{ background: {c.done}; color: {c.done_text}; border-color: {c.done};
        font-size: {px(20, scale)}px; }}
    QPushButton[role="nav"], QToolButton[role="face"] {{ font-size: {px(22, scale)}px; }}
    QPushButton[role="answer-yes"], QPushButton[role="answer-no"] {{ font-size: {px(26, scale)}px;
        font-weight: bold; min-height: {px(64, scale)}px; min-width: {px(140, scale)}px; }}
    QPushButton[role="answer-yes"] {{ background: {c.done}; color: {c.done_text}; border-color: {c.done}; }}
    QToolButton[role="face"] {{ min-width: {px(100, scale)}px; font-size: {px(20, scale)}px;
        padding: {px(6, min(scale, 125))}px {px(8, min(scale, 125))}px; }}
    QPushButton[role="tile"] {{ background: {c.surface}; border-radius: 14px; padding: {px(10, scale)}px; }}
    QPushButton[role="language"] {{ padding: {px(12, scale)}px; }}
    QLabel[role="language-name"] {{ font-size: {px(32, scale)}px; font-weight: bold; }}
    QPushButton:disabled {{ color: {c.muted}; border-style: dashed; }}
    QPushButton:focus, QToolButton:focus {{ border: {border + 3}px solid {c.focus}; }}
    QPushButton:focus {{ padding: {max(0, px(6, min(scale, 125)) - 3)}px {max(0, px(14, min(scale, 125)) - 3)}px; }}
    QToolButton:focus {{ padding: {max(0, px(6, scale) - 3)}px {max(0, px(8, scale) - 3)}px; }}
    QToolButton[role="face"]:focus {{ padding: {max(0, px(6, min(scale, 125)) - 3)}px
        {max(0, px(8, min(scale, 125)) - 3)}px; }}
    {compact_controls_style(scale)}
    QPushButton:hover, QToolButton:hover {{ border-color: {c.focus}; }}
    QToolButton:checked, QPushButton:checked {{ background: {c.accent}; color: {c.accent_text}; }}
    QPlainTextEdit {{ background: {c.surface}; border: {border}px solid {c.border}; font-family: monospace;
        font-size: {px(15, scale)}px; }}
    QPlainTextEdit:focus {{ border: {border + 3}px solid {c.focus}; }}
    QFrame[role="topbar"] {{ background: {c.surface}; }}
    QFrame[role="topbar"] QToolButton {{ font-size: {px(18, tool_bar_scale(scale))}px;
        padding: {px(5, tool_bar_scale(scale))}px {px(4, tool_bar_scale(scale))}px; }}
    QFrame[role="topbar"] QToolButton:focus {{ padding: {max(0, px(5, tool_bar_scale(scale)) - 3)}px
        {max(0, px(4, tool_bar_scale(scale)) - 3)}px; }}
    QFrame[role="topbar"] QToolButton#worker-menu {{ min-width: {MIN_TOUCH}px;
        padding-left: 0px; padding-right: 0px; }}
    QFrame[role="rule"] {{ background: {c.border}; min-height: {border}px; max-height: {border}px; }}
    QFrame[role="card"] {{ background: {c.surface}; border: {border}px solid {c.border}; border-radius: 12px; }}
    QMenu {{ background: {c.surface}; color: {c.text}; border: {border}px solid {c.border}; }}
    QMenu::item {{ padding: {px(8, scale)}px {px(20, scale)}px; min-height: {MIN_TOUCH - 16}px; }}
    QMenu::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
    QComboBox, QAbstractItemView {{ selection-background-color: {c.accent}; selection-color: {c.accent_text}; }}
    QToolTip {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.border}; }}
    {practice_style(c, scale, border)}"""


def compact_controls_style(scale: int) -> str:
    """A step's compact buttons: words at 150 % at most, less padding (the focus frame inside it)."""
    text = min(scale, COMPACT_CONTROLS_SCALE)
    vertical, horizontal = COMPACT_PADDING
    return f"""
    QPushButton[compact="true"] {{ padding: {vertical}px {horizontal}px; }}
    QPushButton[compact="true"]:focus {{ padding: {max(0, vertical - 3)}px {max(0, horizontal - 3)}px; }}
    QPushButton[compact="true"][role="nav"], QPushButton[compact="true"][role="primary"] {{
        font-size: {px(CONTROL_TEXT["nav"], text)}px; }}
    QPushButton[compact="true"][role="help"], QPushButton[compact="true"][role="done"] {{
        font-size: {px(CONTROL_TEXT["help"], text)}px; }}"""


def practice_style(c: Colours, scale: int, border: int) -> str:
    """The practice exercises: forms, choices, places and the simulated phone."""
    band = min(scale, PRACTICE_BAND_MAX_SCALE)
    return f"""
    QLineEdit {{ background: {c.surface}; color: {c.text}; border: {border}px solid {c.border};
        border-radius: 8px; padding: {px(8, scale)}px; font-size: {px(22, scale)}px;
        min-height: {MIN_TOUCH - 8}px; }}
    QLineEdit[role="practice-field"] {{ padding: {px(6, min(scale, 125))}px {px(8, scale)}px; }}
    QLineEdit:focus {{ border: {border + 3}px solid {c.focus}; }}
    QLineEdit[invalid="yes"] {{ border: {border + 3}px solid {c.help}; }}
    QPushButton[role="choice"], QPushButton[role="order-place"] {{ background: {c.surface}; border-radius: 14px;
        padding: {px(8, scale)}px; }}
    QPushButton[role="order-place"] {{ border-style: dashed; }}
    QPushButton[answer="wrong"] {{ border: {border + 2}px solid {c.help}; }}
    QPushButton[answer="right"] {{ border: {border + 4}px solid {c.done}; }}
    QLabel[role="choice-text"] {{ font-size: {px(22, scale)}px; }}
    QLabel[role="order-number"] {{ font-size: {px(24, scale)}px; font-weight: bold; color: {c.accent}; }}
    QFrame[role="practice-page"] {{ background: {c.surface}; border: {border}px solid {c.border};
        border-radius: 12px; }}
    QFrame[role="practice-band"] {{ background: {c.accent}; border-top-left-radius: 10px;
        border-top-right-radius: 10px; }}
    QLabel[role="practice-site"] {{ color: {c.accent_text}; font-size: {px(22, band)}px; font-weight: bold; }}
    QLabel[role="practice-mark"] {{ color: {c.accent_text}; font-size: {px(15, band)}px; }}
    QStackedWidget[role="phone-screen"], QStackedWidget[role="phone-screen"] > QWidget {{ background: {c.surface}; }}
    QWidget[role="exercise"] {{ background: {c.window}; }}
    QLabel[role="phone-small"] {{ font-size: {px(14, band)}px; color: {c.muted}; }}
    QLabel[role="phone-title"] {{ font-size: {px(18, scale)}px; font-weight: bold; }}
    QLabel[role="phone-text"] {{ font-size: {px(18, scale)}px; }}
    QFrame[role="phone-bubble"] {{ background: {c.window}; border-radius: 12px; }}
    QPushButton[role="phone-banner"] {{ background: {c.accent}; border-radius: 12px; }}
    QLabel[role="phone-banner-from"] {{ color: {c.accent_text}; font-size: {px(14, scale)}px; font-weight: bold; }}
    QLabel[role="phone-banner-text"] {{ color: {c.accent_text}; font-size: {px(16, scale)}px; }}
    """
