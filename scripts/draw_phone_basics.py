"""Draw the pictures of the built-in pack lessons/phone-basics (SVG Tiny 1.2).

The pictures share one style with lessons/demo (see CONTENT.md): a pale card, the
phone body at the same place, flat colours, and the thing to touch or to look at
ringed or pointed at in orange. Each picture is a short function of shared shapes,
so a change of style is one edit here and one run:

    .venv/bin/python scripts/draw_phone_basics.py            # writes every picture
    .venv/bin/python scripts/draw_phone_basics.py battery    # only names starting so

The files are plain SVG: a trainer may also edit one by hand (it is then no longer
redrawn the same way by this script, so keep the two in step).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from pathlib import Path

from practice_picture import without_highlights  # beside this script

OUT = Path(__file__).resolve().parent.parent / "lessons" / "phone-basics" / "pictures"

ORANGE = "#e8590c"
GREEN = "#2f9e44"
RED = "#e03131"
BLUE = "#1971c2"
GREY = "#adb5bd"
DARK = "#495057"
PALE = "#ced4da"
BODY = "#2d3748"
SKIN = "#f2c29b"
SKIN_EDGE = "#d9a07a"
HOME_BG = "#d0e4fb"

HANDSET = ("M5 2.5h3.5l2 5.2-2.6 2.1a12 12 0 0 0 6.3 6.3l2.1-2.6 5.2 2v3.5a2.5 2.5 0 0 1"
           "-2.5 2.5A18.5 18.5 0 0 1 2.5 5a2.5 2.5 0 0 1 2.5-2.5z")

PICTURES: dict[str, Callable[[], str]] = {}


def picture(name: str) -> Callable[[Callable[[], str]], Callable[[], str]]:
    def register(draw: Callable[[], str]) -> Callable[[], str]:
        PICTURES[name] = draw
        return draw
    return register


def n(value: float) -> str:
    """A coordinate without useless decimals."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------- frames

def card(body: str) -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
            'viewBox="0 0 400 300" width="400" height="300">\n'
            '<rect width="400" height="300" rx="24" fill="#f3f6fa"/>\n' + body + "</svg>\n")


def icon_card(body: str) -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
            'viewBox="0 0 200 200" width="200" height="200">\n'
            '<circle cx="100" cy="100" r="96" fill="#fde8cf"/>\n' + body + "</svg>\n")


def phone(screen: str = "#ffffff", y: float = 10) -> str:
    """The phone body and its screen (x 140-260, y 34-276 when y is 10)."""
    return (f'<rect x="130" y="{n(y)}" width="140" height="280" rx="22" fill="{BODY}"/>\n'
            f'<rect x="140" y="{n(y + 24)}" width="120" height="242" rx="8" fill="{screen}"/>\n'
            f'<rect x="182" y="{n(y + 10)}" width="36" height="6" rx="3" fill="#4a5568"/>\n')


def icon_phone(screen: str = "#ffffff") -> str:
    return ('<rect x="62" y="22" width="76" height="156" rx="14" fill="#2d3748"/>\n'
            f'<rect x="69" y="38" width="62" height="126" rx="5" fill="{screen}"/>\n')


# ---------------------------------------------------------------- highlights

def ring(cx: float, cy: float, r: float) -> str:
    return f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r)}" fill="none" stroke="{ORANGE}" stroke-width="8"/>\n'


def ring_box(x: float, y: float, w: float, h: float, rx: float = 12) -> str:
    return (f'<rect x="{n(x)}" y="{n(y)}" width="{n(w)}" height="{n(h)}" rx="{n(rx)}" '
            f'fill="none" stroke="{ORANGE}" stroke-width="8"/>\n')


def arrow(x1: float, y1: float, x2: float, y2: float, head: float = 18) -> str:
    """A thick orange arrow from (x1, y1) whose tip is at (x2, y2)."""
    length = math.hypot(x2 - x1, y2 - y1)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    bx, by = x2 - ux * head, y2 - uy * head          # base of the head
    sx, sy = x2 - ux * (head - 4), y2 - uy * (head - 4)  # shaft stops inside the head
    px, py = -uy * head * 0.8, ux * head * 0.8
    return (f'<path d="M{n(x1)} {n(y1)}L{n(sx)} {n(sy)}" stroke="{ORANGE}" stroke-width="10" '
            'stroke-linecap="round" fill="none"/>\n'
            f'<path d="M{n(x2)} {n(y2)}L{n(bx + px)} {n(by + py)}L{n(bx - px)} {n(by - py)}z" fill="{ORANGE}"/>\n')


def arrow_from_right(y: float, tip: float) -> str:
    return arrow(362, y, tip, y)


def arrow_from_left(y: float, tip: float) -> str:
    return arrow(38, y, tip, y)


def fingertip(cx: float, cy: float, r: float = 15) -> str:
    return f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r)}" fill="{SKIN}" stroke="#ffffff" stroke-width="4"/>\n'


def finger_from_right(y: float, tip: float) -> str:
    """A finger coming from the right edge, its tip at x=tip."""
    return (f'<path d="M{n(tip + 14)} {n(y - 14)}h{n(400 - tip - 14)}v28h-{n(400 - tip - 14)}'
            f'a14 14 0 0 1 0-28z" fill="{SKIN}" stroke="{SKIN_EDGE}" stroke-width="2"/>\n'
            f'<path d="M{n(tip + 11)} {n(y - 9)}h16v10h-16a5 5 0 0 1 0-10z" fill="#fbe3d0"/>\n')


def check_badge(cx: float, cy: float, r: float = 30) -> str:
    k = r / 34
    return (f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r)}" fill="{GREEN}"/>\n'
            f'<path d="M{n(cx - 16 * k)} {n(cy)}l{n(11 * k)} {n(11 * k)} {n(21 * k)}-{n(22 * k)}" fill="none" '
            f'stroke="#ffffff" stroke-width="{n(9 * k)}" stroke-linecap="round" stroke-linejoin="round"/>\n')


def cross_badge(cx: float, cy: float, r: float = 30) -> str:
    d = r * 0.42
    return (f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r)}" fill="{RED}"/>\n'
            f'<path d="M{n(cx - d)} {n(cy - d)}L{n(cx + d)} {n(cy + d)}M{n(cx + d)} {n(cy - d)}L{n(cx - d)} {n(cy + d)}" '
            f'stroke="#ffffff" stroke-width="{n(r * 0.28)}" stroke-linecap="round"/>\n')


def callout(cx: float, cy: float, r: float, fx: float, fy: float, inner: str) -> str:
    """A round magnifying bubble at (cx, cy) showing `inner` large, joined to the point (fx, fy)."""
    dx, dy = fx - cx, fy - cy
    d = math.hypot(dx, dy)
    ex, ey = cx + dx / d * r, cy + dy / d * r
    return (f'<path d="M{n(ex)} {n(ey)}L{n(fx)} {n(fy)}" stroke="{DARK}" stroke-width="3" '
            'stroke-dasharray="6 5" fill="none"/>\n'
            f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r)}" fill="#ffffff" stroke="{DARK}" stroke-width="4"/>\n'
            + inner)


# ---------------------------------------------------------------- glyphs

def handset(x: float, y: float, size: float, fill: str = "#ffffff", rotate: float = 0) -> str:
    """The telephone handset, its top left at (x, y), `size` wide."""
    s = size / 24
    return (f'<path transform="translate({n(x)} {n(y)}) rotate({n(rotate)} {n(12 * s)} {n(12 * s)}) scale({s:.3g})" '
            f'fill="{fill}" d="{HANDSET}"/>\n')


def person(cx: float, cy: float, size: float, fill: str = "#ffffff") -> str:
    """A head and shoulders, centred at (cx, cy), `size` high."""
    k = size / 24
    return (f'<circle cx="{n(cx)}" cy="{n(cy - 4 * k)}" r="{n(5 * k)}" fill="{fill}"/>\n'
            f'<path fill="{fill}" d="M{n(cx - 9 * k)} {n(cy + 11 * k)}a{n(9 * k)} {n(8 * k)} 0 0 1 {n(18 * k)} 0z"/>\n')


def avatar(cx: float, cy: float, r: float, colour: str) -> str:
    return (f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r)}" fill="{colour}"/>\n'
            + person(cx, cy + r * 0.12, r * 1.35))


def bubble(cx: float, cy: float, w: float, h: float, fill: str = "#ffffff", tail: str = "left") -> str:
    """A speech bubble centred at (cx, cy)."""
    x, y = cx - w / 2, cy - h / 2
    if tail == "left":
        t = f'<path d="M{n(x + w * 0.18)} {n(y + h - 2)}l-{n(w * 0.12)} {n(h * 0.38)} {n(w * 0.32)}-{n(h * 0.38)}z" fill="{fill}"/>\n'
    else:
        t = f'<path d="M{n(x + w * 0.82)} {n(y + h - 2)}l{n(w * 0.12)} {n(h * 0.38)}-{n(w * 0.32)}-{n(h * 0.38)}z" fill="{fill}"/>\n'
    return f'<rect x="{n(x)}" y="{n(y)}" width="{n(w)}" height="{n(h)}" rx="{n(h / 2)}" fill="{fill}"/>\n' + t


def gear(cx: float, cy: float, r: float, fill: str = "#ffffff", hole: str = "#868e96") -> str:
    teeth = 2 * math.pi * r / 16
    return (f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r)}" fill="none" stroke="{fill}" stroke-width="{n(r * 0.55)}" '
            f'stroke-dasharray="{n(teeth * 0.9)} {n(teeth * 1.1)}"/>\n'
            f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r * 0.82)}" fill="{fill}"/>\n'
            f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r * 0.35)}" fill="{hole}"/>\n')


def camera_glyph(cx: float, cy: float, w: float, fill: str = "#ffffff", lens: str = DARK) -> str:
    h = w * 0.68
    return (f'<rect x="{n(cx - w * 0.2)}" y="{n(cy - h / 2 - w * 0.1)}" width="{n(w * 0.4)}" height="{n(w * 0.2)}" rx="{n(w * 0.05)}" fill="{fill}"/>\n'
            f'<rect x="{n(cx - w / 2)}" y="{n(cy - h / 2)}" width="{n(w)}" height="{n(h)}" rx="{n(w * 0.14)}" fill="{fill}"/>\n'
            f'<circle cx="{n(cx)}" cy="{n(cy + h * 0.04)}" r="{n(w * 0.22)}" fill="{lens}"/>\n'
            f'<circle cx="{n(cx)}" cy="{n(cy + h * 0.04)}" r="{n(w * 0.1)}" fill="{fill}"/>\n')


def video_glyph(cx: float, cy: float, w: float, fill: str = "#ffffff") -> str:
    h = w * 0.6
    x = cx - w / 2
    return (f'<rect x="{n(x)}" y="{n(cy - h / 2)}" width="{n(w * 0.66)}" height="{n(h)}" rx="{n(w * 0.1)}" fill="{fill}"/>\n'
            f'<path d="M{n(x + w * 0.7)} {n(cy - h * 0.1)}L{n(x + w)} {n(cy - h / 2)}V{n(cy + h / 2)}L{n(x + w * 0.7)} {n(cy + h * 0.1)}z" fill="{fill}"/>\n')


def mic_glyph(cx: float, cy: float, h: float, fill: str = "#ffffff") -> str:
    w = h * 0.4
    return (f'<rect x="{n(cx - w / 2)}" y="{n(cy - h / 2)}" width="{n(w)}" height="{n(h * 0.62)}" rx="{n(w / 2)}" fill="{fill}"/>\n'
            f'<path d="M{n(cx - w * 0.95)} {n(cy - h * 0.05)}a{n(w * 0.95)} {n(w * 0.95)} 0 0 0 {n(w * 1.9)} 0M{n(cx)} {n(cy + h * 0.3)}v{n(h * 0.2)}" '
            f'fill="none" stroke="{fill}" stroke-width="{n(h * 0.1)}" stroke-linecap="round"/>\n')


def bag_glyph(cx: float, cy: float, w: float, fill: str = "#ffffff", mark: str = "#7950f2") -> str:
    """The shop bag of the app store, with a play triangle."""
    h = w * 0.85
    return (f'<path d="M{n(cx - w * 0.2)} {n(cy - h * 0.3)}v-{n(h * 0.08)}a{n(w * 0.2)} {n(w * 0.2)} 0 0 1 {n(w * 0.4)} 0v{n(h * 0.08)}" '
            f'fill="none" stroke="{fill}" stroke-width="{n(w * 0.09)}"/>\n'
            f'<rect x="{n(cx - w / 2)}" y="{n(cy - h * 0.32)}" width="{n(w)}" height="{n(h * 0.82)}" rx="{n(w * 0.1)}" fill="{fill}"/>\n'
            f'<path d="M{n(cx - w * 0.12)} {n(cy - h * 0.08)}v{n(h * 0.4)}l{n(w * 0.3)}-{n(h * 0.2)}z" fill="{mark}"/>\n')


def wifi_glyph(cx: float, cy: float, size: float, fill: str = BLUE) -> str:
    """The Wi-Fi fan, its dot at (cx, cy)."""
    s = size / 24
    arcs = ""
    for r in (7, 13, 19):
        x = r * s * math.sin(math.radians(45))
        y = r * s * math.cos(math.radians(45))
        arcs += f"M{n(cx - x)} {n(cy - y)}A{n(r * s)} {n(r * s)} 0 0 1 {n(cx + x)} {n(cy - y)}"
    return (f'<path d="{arcs}" fill="none" stroke="{fill}" stroke-width="{n(3.4 * s)}" stroke-linecap="round"/>\n'
            f'<circle cx="{n(cx)}" cy="{n(cy - s)}" r="{n(2.6 * s)}" fill="{fill}"/>\n')


def bars_glyph(x: float, y: float, h: float, fill: str = DARK) -> str:
    """Mobile signal bars, bottom left at (x, y)."""
    w = h / 5
    d = "".join(f"M{n(x + i * w * 1.35)} {n(y)}v-{n(h * (i + 1) / 4)}h{n(w)}v{n(h * (i + 1) / 4)}z" for i in range(4))
    return f'<path d="{d}" fill="{fill}"/>\n'


def battery_glyph(x: float, y: float, w: float, level: float, colour: str, bolt: bool = False,
                  outline: str = DARK) -> str:
    """A lying battery, top left at (x, y), `w` wide, filled to `level` (0-1)."""
    h = w * 0.5
    t = w * 0.07
    inner = (w - 2.6 * t) * level
    out = (f'<rect x="{n(x)}" y="{n(y)}" width="{n(w)}" height="{n(h)}" rx="{n(t * 1.4)}" fill="#ffffff" '
           f'stroke="{outline}" stroke-width="{n(t)}"/>\n'
           f'<rect x="{n(x + w + t * 0.3)}" y="{n(y + h * 0.3)}" width="{n(t * 1.3)}" height="{n(h * 0.4)}" rx="{n(t * 0.5)}" fill="{outline}"/>\n')
    if level > 0:
        out += (f'<rect x="{n(x + 1.3 * t)}" y="{n(y + 1.3 * t)}" width="{n(inner)}" height="{n(h - 2.6 * t)}" '
                f'rx="{n(t * 0.6)}" fill="{colour}"/>\n')
    if bolt:
        cx, cy, k = x + w / 2, y + h / 2, h / 40
        out += (f'<path d="M{n(cx + 3 * k)} {n(cy - 17 * k)}L{n(cx - 9 * k)} {n(cy + 3 * k)}H{n(cx)}L{n(cx - 3 * k)} {n(cy + 17 * k)}'
                f'L{n(cx + 9 * k)} {n(cy - 3 * k)}H{n(cx)}z" fill="#fab005" stroke="{DARK}" stroke-width="{n(2 * k)}" stroke-linejoin="round"/>\n')
    return out


def speaker_glyph(cx: float, cy: float, h: float, fill: str = DARK, waves: int = 2) -> str:
    k = h / 24
    out = (f'<path d="M{n(cx - 10 * k)} {n(cy - 4 * k)}h{n(5 * k)}l{n(7 * k)}-{n(7 * k)}v{n(22 * k)}'
           f'l-{n(7 * k)}-{n(7 * k)}h-{n(5 * k)}z" fill="{fill}"/>\n')
    for i in range(waves):
        r = (6 + 5 * i) * k
        out += (f'<path d="M{n(cx + 4 * k + r * 0.5)} {n(cy - r * 0.85)}a{n(r)} {n(r)} 0 0 1 0 {n(r * 1.7)}" fill="none" '
                f'stroke="{fill}" stroke-width="{n(2.6 * k)}" stroke-linecap="round"/>\n')
    return out


def magnifier(cx: float, cy: float, r: float, colour: str = DARK) -> str:
    return (f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r)}" fill="none" stroke="{colour}" stroke-width="{n(r * 0.4)}"/>\n'
            f'<path d="M{n(cx + r * 0.75)} {n(cy + r * 0.75)}l{n(r * 0.8)} {n(r * 0.8)}" stroke="{colour}" '
            f'stroke-width="{n(r * 0.5)}" stroke-linecap="round"/>\n')


def lines(x: float, y: float, widths: list[float], colour: str = GREY, h: float = 9, gap: float = 16) -> str:
    return "".join(f'<rect x="{n(x)}" y="{n(y + i * gap)}" width="{n(w)}" height="{n(h)}" rx="{n(h / 2)}" fill="{colour}"/>\n'
                   for i, w in enumerate(widths))


def star(cx: float, cy: float, r: float, fill: str = "#fab005") -> str:
    pts = []
    for i in range(10):
        a = math.radians(-90 + i * 36)
        rr = r if i % 2 == 0 else r * 0.45
        pts.append(f"{n(cx + rr * math.cos(a))} {n(cy + rr * math.sin(a))}")
    return f'<path d="M{"L".join(pts)}z" fill="{fill}"/>\n'


def lock_glyph(cx: float, cy: float, w: float, fill: str = "#ffffff", hole: str = "#3b5bdb") -> str:
    h = w * 0.78
    return (f'<path d="M{n(cx - w * 0.3)} {n(cy - h * 0.35)}v-{n(w * 0.12)}a{n(w * 0.3)} {n(w * 0.3)} 0 0 1 {n(w * 0.6)} 0v{n(w * 0.12)}" '
            f'fill="none" stroke="{fill}" stroke-width="{n(w * 0.16)}"/>\n'
            f'<rect x="{n(cx - w / 2)}" y="{n(cy - h * 0.4)}" width="{n(w)}" height="{n(h)}" rx="{n(w * 0.14)}" fill="{fill}"/>\n'
            f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(w * 0.12)}" fill="{hole}"/>\n')


def switch_arrows(cx: float, cy: float, r: float, colour: str = "#ffffff") -> str:
    """Two round arrows: switch camera."""
    return (f'<path d="M{n(cx - r)} {n(cy)}a{n(r)} {n(r)} 0 0 1 {n(r * 1.7)}-{n(r * 0.53)}M{n(cx + r)} {n(cy)}'
            f'a{n(r)} {n(r)} 0 0 1-{n(r * 1.7)} {n(r * 0.53)}" fill="none" stroke="{colour}" stroke-width="{n(r * 0.3)}" stroke-linecap="round"/>\n'
            f'<path d="M{n(cx + r * 0.95)} {n(cy - r * 0.95)}v{n(r * 0.75)}h-{n(r * 0.75)}z" fill="{colour}"/>\n'
            f'<path d="M{n(cx - r * 0.95)} {n(cy + r * 0.95)}v-{n(r * 0.75)}h{n(r * 0.75)}z" fill="{colour}"/>\n')


def power_glyph(cx: float, cy: float, r: float, colour: str = "#ffffff") -> str:
    a = math.radians(40)
    return (f'<path d="M{n(cx - r * math.sin(a))} {n(cy - r * math.cos(a))}A{n(r)} {n(r)} 0 1 0 {n(cx + r * math.sin(a))} {n(cy - r * math.cos(a))}'
            f'M{n(cx)} {n(cy - r * 1.2)}V{n(cy - r * 0.1)}" fill="none" stroke="{colour}" stroke-width="{n(r * 0.3)}" stroke-linecap="round"/>\n')


def trash_glyph(cx: float, cy: float, h: float, fill: str = DARK) -> str:
    w = h * 0.75
    return (f'<rect x="{n(cx - w / 2 - h * 0.08)}" y="{n(cy - h / 2)}" width="{n(w + h * 0.16)}" height="{n(h * 0.12)}" rx="{n(h * 0.05)}" fill="{fill}"/>\n'
            f'<rect x="{n(cx - h * 0.15)}" y="{n(cy - h * 0.6)}" width="{n(h * 0.3)}" height="{n(h * 0.12)}" rx="{n(h * 0.05)}" fill="{fill}"/>\n'
            f'<path d="M{n(cx - w / 2)} {n(cy - h * 0.32)}h{n(w)}l-{n(w * 0.1)} {n(h * 0.82)}h-{n(w * 0.8)}z" fill="{fill}"/>\n')


def pencil_plus(cx: float, cy: float, s: float, colour: str = "#ffffff") -> str:
    return (f'<path d="M{n(cx - s)} {n(cy)}h{n(2 * s)}M{n(cx)} {n(cy - s)}v{n(2 * s)}" stroke="{colour}" '
            f'stroke-width="{n(s * 0.45)}" stroke-linecap="round"/>\n')


def send_arrow(cx: float, cy: float, r: float, fill: str = BLUE) -> str:
    return (f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r)}" fill="{fill}"/>\n'
            f'<path d="M{n(cx - r * 0.45)} {n(cy - r * 0.5)}L{n(cx + r * 0.55)} {n(cy)}L{n(cx - r * 0.45)} {n(cy + r * 0.5)}'
            f'L{n(cx - r * 0.3)} {n(cy)}z" fill="#ffffff"/>\n')


def flashlight_glyph(cx: float, cy: float, h: float, fill: str = "#ffffff") -> str:
    w = h * 0.45
    return (f'<path d="M{n(cx - w * 0.8)} {n(cy - h / 2)}h{n(w * 1.6)}l-{n(w * 0.3)} {n(h * 0.35)}h-{n(w)}z" fill="{fill}"/>\n'
            f'<rect x="{n(cx - w / 2)}" y="{n(cy - h * 0.12)}" width="{n(w)}" height="{n(h * 0.62)}" rx="{n(w * 0.2)}" fill="{fill}"/>\n')


def text_size_glyph(x: float, y: float, colour: str = DARK) -> str:
    """Small and big text: two thin lines, then two thick ones."""
    return (f'<rect x="{n(x)}" y="{n(y)}" width="12" height="3" rx="1.5" fill="{colour}"/>\n'
            f'<rect x="{n(x)}" y="{n(y + 6)}" width="9" height="3" rx="1.5" fill="{colour}"/>\n'
            f'<rect x="{n(x + 16)}" y="{n(y - 4)}" width="16" height="6" rx="3" fill="{colour}"/>\n'
            f'<rect x="{n(x + 16)}" y="{n(y + 5)}" width="12" height="6" rx="3" fill="{colour}"/>\n')


def sun_glyph(cx: float, cy: float, r: float, colour: str = "#fab005") -> str:
    rays = "".join(f"M{n(cx + r * 1.45 * math.cos(math.radians(a)))} {n(cy + r * 1.45 * math.sin(math.radians(a)))}"
                   f"L{n(cx + r * 1.9 * math.cos(math.radians(a)))} {n(cy + r * 1.9 * math.sin(math.radians(a)))}"
                   for a in range(0, 360, 45))
    return (f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r)}" fill="{colour}"/>\n'
            f'<path d="{rays}" stroke="{colour}" stroke-width="{n(r * 0.4)}" stroke-linecap="round"/>\n')


# ---------------------------------------------------------------- app icons on the home screen

def app_tile(x: float, y: float, kind: str, size: float = 30) -> str:
    """One application icon, top left at (x, y)."""
    colour, glyph = APP_ICONS[kind]
    cx, cy = x + size / 2, y + size / 2
    return (f'<rect x="{n(x)}" y="{n(y)}" width="{n(size)}" height="{n(size)}" rx="{n(size * 0.27)}" fill="{colour}"/>\n'
            + glyph(cx, cy, size))


APP_ICONS: dict[str, tuple[str, Callable[[float, float, float], str]]] = {
    "phone": (GREEN, lambda cx, cy, s: handset(cx - s * 0.34, cy - s * 0.34, s * 0.68)),
    "sms": ("#4dabf7", lambda cx, cy, s: bubble(cx, cy - s * 0.06, s * 0.64, s * 0.42)),
    "messages": ("#20c997", lambda cx, cy, s: bubble(cx, cy - s * 0.05, s * 0.66, s * 0.46)
                 + "".join(f'<circle cx="{n(cx + d * s * 0.16)}" cy="{n(cy - s * 0.05)}" r="{n(s * 0.05)}" fill="#20c997"/>\n'
                           for d in (-1, 0, 1))),
    "contacts": (BLUE, lambda cx, cy, s: person(cx, cy, s * 0.72)),
    "camera": (DARK, lambda cx, cy, s: camera_glyph(cx, cy, s * 0.62)),
    "gallery": ("#fab005", lambda cx, cy, s: f'<path d="M{n(cx - s * 0.32)} {n(cy + s * 0.24)}l{n(s * 0.2)}-{n(s * 0.3)} '
                f'{n(s * 0.13)} {n(s * 0.16)} {n(s * 0.12)}-{n(s * 0.12)} {n(s * 0.19)} {n(s * 0.26)}z" fill="#ffffff"/>\n'
                f'<circle cx="{n(cx + s * 0.14)}" cy="{n(cy - s * 0.16)}" r="{n(s * 0.08)}" fill="#ffffff"/>\n'),
    "settings": ("#868e96", lambda cx, cy, s: gear(cx, cy, s * 0.26)),
    "store": ("#7950f2", lambda cx, cy, s: bag_glyph(cx, cy + s * 0.04, s * 0.52)),
    "clock": ("#15aabf", lambda cx, cy, s: f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(s * 0.3)}" fill="#ffffff"/>\n'
              f'<path d="M{n(cx)} {n(cy - s * 0.18)}V{n(cy)}h{n(s * 0.13)}" stroke="#15aabf" stroke-width="{n(s * 0.08)}" '
              'fill="none" stroke-linecap="round"/>\n'),
    "music": ("#e64980", lambda cx, cy, s: f'<circle cx="{n(cx - s * 0.08)}" cy="{n(cy + s * 0.18)}" r="{n(s * 0.12)}" fill="#ffffff"/>\n'
              f'<path d="M{n(cx + s * 0.02)} {n(cy + s * 0.18)}V{n(cy - s * 0.28)}l{n(s * 0.2)} {n(s * 0.1)}" stroke="#ffffff" '
              f'stroke-width="{n(s * 0.08)}" fill="none"/>\n'),
    "maps": ("#94d82d", lambda cx, cy, s: f'<circle cx="{n(cx)}" cy="{n(cy - s * 0.06)}" r="{n(s * 0.2)}" fill="#ffffff"/>\n'
             f'<path d="M{n(cx - s * 0.17)} {n(cy + s * 0.04)}L{n(cx)} {n(cy + s * 0.32)}L{n(cx + s * 0.17)} {n(cy + s * 0.04)}z" fill="#ffffff"/>\n'
             f'<circle cx="{n(cx)}" cy="{n(cy - s * 0.06)}" r="{n(s * 0.08)}" fill="#94d82d"/>\n'),
    "calendar": ("#4c6ef5", lambda cx, cy, s: f'<rect x="{n(cx - s * 0.28)}" y="{n(cy - s * 0.22)}" width="{n(s * 0.56)}" '
                 f'height="{n(s * 0.5)}" rx="{n(s * 0.06)}" fill="#ffffff"/>\n'
                 f'<rect x="{n(cx - s * 0.28)}" y="{n(cy - s * 0.22)}" width="{n(s * 0.56)}" height="{n(s * 0.12)}" fill="#e03131"/>\n'),
    "flashlight": ("#f59f00", lambda cx, cy, s: flashlight_glyph(cx, cy, s * 0.6)),
    "empty": ("#b8d3f2", lambda cx, cy, s: ""),
}

# The icons a lesson points at are in the outer columns or the dock, so that an arrow
# from the side of the picture reaches them without crossing other icons.
GRID = [["camera", "clock", "gallery"],
        ["messages", "maps", "settings"],
        ["store", "music", "calendar"]]
DOCK = ["contacts", "phone", "sms"]
GRID_X = [148, 185, 222]
GRID_Y = [56, 100, 144]
DOCK_X = [148, 185, 222]
DOCK_Y = 236


def grid_pos(kind: str, grid: list[list[str]] | None = None) -> tuple[float, float]:
    """Centre of an app icon on the home screen."""
    for r, row in enumerate(grid or GRID):
        if kind in row:
            return GRID_X[row.index(kind)] + 15, GRID_Y[r] + 15
    return DOCK_X[DOCK.index(kind)] + 15, DOCK_Y + 15


def status_bar(dark: bool = False, battery: tuple[float, str] = (0.7, GREEN), wifi: bool = False,
               bars: bool = True) -> str:
    ink = "#ffffff" if dark else DARK
    out = f'<rect x="150" y="40" width="22" height="6" rx="3" fill="{ink}"/>\n'
    if bars:
        out += bars_glyph(208, 48, 9, ink)
    if wifi:
        out += wifi_glyph(228, 48, 11, ink)
    out += battery_glyph(238, 40, 15, battery[0], battery[1], outline=ink)
    return out


def home_screen(grid: list[list[str]] | None = None, status: bool = False, **status_args: object) -> str:
    out = phone(HOME_BG)
    if status:
        out += status_bar(**status_args)  # type: ignore[arg-type]
    for r, row in enumerate(grid or GRID):
        for c, kind in enumerate(row):
            out += app_tile(GRID_X[c], GRID_Y[r], kind)
    out += '<rect x="144" y="230" width="112" height="42" rx="12" fill="#a5c8ef"/>\n'
    for c, kind in enumerate(DOCK):
        out += app_tile(DOCK_X[c], DOCK_Y, kind)
    return out


def touch_app(kind: str, grid: list[list[str]] | None = None) -> str:
    """The home screen with one app icon ringed and pointed at."""
    cx, cy = grid_pos(kind, grid)
    if cy > DOCK_Y and cx == 200:
        pointer = arrow(cx, 186, cx, cy - 30, 14)
    elif cx > 200:
        pointer = arrow_from_right(cy, cx + 34)
    else:
        pointer = arrow_from_left(cy, cx - 34)
    return card(home_screen(grid) + ring(cx, cy, 24) + pointer)


def nav_bar(y: float = 254) -> str:
    """Back triangle, home circle and overview square at the bottom of the screen."""
    return (f'<rect x="140" y="{n(y - 12)}" width="120" height="34" fill="#f1f3f5"/>\n'
            f'<path d="M169 {n(y + 5)}l11-8v16z" fill="{DARK}"/>\n'
            f'<circle cx="200" cy="{n(y + 5)}" r="8" fill="none" stroke="{DARK}" stroke-width="3"/>\n'
            f'<rect x="222" y="{n(y - 2)}" width="14" height="14" rx="2" fill="none" stroke="{DARK}" stroke-width="3"/>\n')


def app_page(header: str = BLUE) -> str:
    """An open application: a coloured bar and lines of content."""
    return (phone() + f'<rect x="140" y="34" width="120" height="30" rx="8" fill="{header}"/>\n'
            f'<rect x="140" y="54" width="120" height="10" fill="{header}"/>\n'
            + lines(152, 78, [90, 70, 96, 60, 84, 72, 50, 90, 66]))


def keyboard(y: float = 196, digits: bool = False) -> str:
    """A keyboard filling the bottom of the screen from y (its keys drawn as one path)."""
    out = f'<rect x="140" y="{n(y)}" width="120" height="{n(276 - y)}" fill="#dee2e6"/>\n'
    keys = []
    if digits:
        keys = [(146 + c * 38, y + 5 + r * 20, 32) for r in range(3) for c in range(3)]
    else:
        w = 112 / 10
        for r, count in enumerate([10, 9, 7]):
            start = 144 + (10 - count) * w / 2
            keys += [(start + c * w, y + 6 + r * 20, w - 2) for c in range(count)]
        keys.append((170, y + 66, 60))
    d = "".join(f"M{n(x)} {n(ky)}h{n(kw)}v{16 if digits or ky < y + 60 else 10}h-{n(kw)}z" for x, ky, kw in keys)
    return out + f'<path d="{d}" fill="#ffffff"/>\n'


# ================================================================ 01 switch-on

def side_button_press(screen: str, digit: str) -> str:
    """A dark phone, its side button ringed and pressed by a finger, with a digit (seconds or times)."""
    return card(phone(screen)
                + f'<rect x="268" y="78" width="9" height="44" rx="4" fill="#4a5568"/>\n'
                + finger_from_right(100, 280)
                + ring(273, 100, 34)
                + f'<circle cx="330" cy="190" r="34" fill="#ffffff" stroke="{DARK}" stroke-width="5"/>\n'
                + f'<rect x="322" y="148" width="16" height="8" rx="3" fill="{DARK}"/>\n'
                + f'<text x="330" y="206" font-family="Arial, Helvetica, sans-serif" font-size="44" font-weight="bold" '
                  f'text-anchor="middle" fill="{DARK}">{digit}</text>\n')


@picture("switch-on-press-button")
def _() -> str:
    return side_button_press("#1a202c", "3")


@picture("switch-on-wait")
def _() -> str:
    dots = ""
    for i in range(8):
        a = math.radians(i * 45 - 90)
        shade = ["#ffffff", "#dee2e6", "#ced4da", "#adb5bd", "#868e96", "#6c757d", "#495057", "#343a40"][i]
        dots += f'<circle cx="{n(200 + 24 * math.cos(a))}" cy="{n(150 + 24 * math.sin(a))}" r="7" fill="{shade}"/>\n'
    hourglass = (f'<path d="M312 110h44M312 190h44" stroke="{DARK}" stroke-width="7" stroke-linecap="round"/>\n'
                 f'<path d="M318 114h32c0 22-12 26-12 36s12 14 12 36h-32c0-22 12-26 12-36s-12-14-12-36z" fill="#ffffff" '
                 f'stroke="{DARK}" stroke-width="5" stroke-linejoin="round"/>\n'
                 f'<path d="M324 180c4-10 8-14 10-18 2 4 6 8 10 18z" fill="#fab005"/>\n')
    return card(phone("#1a202c") + dots + ring(200, 150, 46) + hourglass)


@picture("switch-on-swipe-up")
def _() -> str:
    return card(phone("#3b5bdb") + lock_glyph(200, 78, 36)
                + '<rect x="175" y="262" width="50" height="6" rx="3" fill="#ffffff"/>\n'
                + arrow(200, 236, 200, 110, 30) + fingertip(200, 240, 17))


def keypad(fill_digits: int = 2, screen: str = "#3b5bdb") -> str:
    out = phone(screen)
    for i in range(4):
        fill = "#ffffff" if i < fill_digits else "none"
        out += f'<circle cx="{170 + 20 * i}" cy="68" r="6" fill="{fill}" stroke="#ffffff" stroke-width="2.5"/>\n'
    keys = [(1, 164, 129), (2, 200, 129), (3, 236, 129), (4, 164, 166), (5, 200, 166), (6, 236, 166),
            (7, 164, 203), (8, 200, 203), (9, 236, 203), (0, 200, 240)]
    for digit, x, y in keys:
        out += (f'<circle cx="{x}" cy="{y}" r="15" fill="#ffffff" stroke="{GREY}" stroke-width="2"/>\n'
                f'<text x="{x}" y="{y + 6.5}" font-family="Arial, Helvetica, sans-serif" font-size="18" '
                f'font-weight="bold" text-anchor="middle" fill="#1f2933">{digit}</text>\n')
    return out


@picture("switch-on-type-code")
def _() -> str:
    return card(keypad() + ring_box(138, 103, 124, 158, 14) + arrow_from_right(166, 274))


@picture("switch-on-home-screen")
def _() -> str:
    return card(home_screen() + check_badge(322, 80, 34))


@picture("switch-on-wake-up")
def _() -> str:
    lit = (phone("#3b5bdb") + lock_glyph(200, 78, 36) + '<rect x="170" y="118" width="60" height="16" rx="8" fill="#ffffff"/>\n'
           + '<rect x="180" y="142" width="40" height="9" rx="4.5" fill="#91a7ff"/>\n')
    return card(lit + '<rect x="268" y="78" width="9" height="44" rx="4" fill="#4a5568"/>\n'
                + finger_from_right(100, 280) + ring(273, 100, 34)
                + f'<circle cx="330" cy="190" r="34" fill="#ffffff" stroke="{DARK}" stroke-width="5"/>\n'
                + f'<text x="330" y="206" font-family="Arial, Helvetica, sans-serif" font-size="44" font-weight="bold" '
                  f'text-anchor="middle" fill="{DARK}">1</text>\n')


@picture("switch-on-keep-code")
def _() -> str:
    out = phone("#3b5bdb") + lock_glyph(200, 120, 44)
    for i in range(4):
        out += f'<circle cx="{170 + 20 * i}" cy="190" r="7" fill="#ffffff"/>\n'
    out += ring_box(152, 172, 96, 36, 18)
    out += (f'<circle cx="336" cy="150" r="40" fill="#ffffff"/>\n' + person(336, 152, 64, "#868e96")
            + f'<circle cx="336" cy="150" r="40" fill="none" stroke="{RED}" stroke-width="8"/>\n'
            + f'<path d="M308 122l56 56" stroke="{RED}" stroke-width="8" stroke-linecap="round"/>\n')
    return card(out)


# ================================================================ 02 battery

def battery_zoom(level: float, colour: str, bolt: bool = False, dark: bool = False) -> str:
    screen = "#1a202c" if dark else HOME_BG
    out = phone(screen) + status_bar(dark=dark, battery=(level, colour))
    out += ring(246, 44, 17)
    out += callout(328, 150, 62, 256, 56, battery_glyph(286, 129, 80, level, colour, bolt))
    return out


@picture("battery-battery-icon")
def _() -> str:
    return card(battery_zoom(0.7, GREEN) + lines(152, 80, [80, 60, 90, 70], "#a5c8ef", 12, 30))


@picture("battery-battery-low")
def _() -> str:
    return card(battery_zoom(0.12, RED)
                + f'<circle cx="200" cy="150" r="30" fill="{RED}"/>\n'
                  '<rect x="196" y="130" width="8" height="26" rx="4" fill="#ffffff"/>\n'
                  '<circle cx="200" cy="166" r="5" fill="#ffffff"/>\n')


def phone_bottom(screen_inner: str = "", screen: str = "#1a202c") -> str:
    """A close view of the bottom half of the phone, its charging hole at (200, 186)."""
    return (f'<path d="M130 0H270V168a22 22 0 0 1-22 22H152a22 22 0 0 1-22-22z" fill="{BODY}"/>\n'
            f'<path d="M140 0H260V162a8 8 0 0 1-8 8H148a8 8 0 0 1-8-8z" fill="{screen}"/>\n'
            + screen_inner
            + '<rect x="186" y="183" width="28" height="6" rx="3" fill="#1a202c"/>\n')


def plug(y_top: float) -> str:
    """A charging plug whose tip is at y_top, its cable going down."""
    return (f'<rect x="190" y="{n(y_top)}" width="20" height="12" rx="2" fill="{GREY}"/>\n'
            f'<rect x="180" y="{n(y_top + 12)}" width="40" height="40" rx="8" fill="#f8f9fa" stroke="{DARK}" stroke-width="3"/>\n'
            f'<path d="M200 {n(y_top + 52)}V300" stroke="{DARK}" stroke-width="10"/>\n')


@picture("battery-plug-cable")
def _() -> str:
    return card(phone_bottom(battery_glyph(170, 70, 60, 0.12, RED)) + plug(222)
                + ring(200, 186, 22) + arrow(290, 250, 232, 200))


@picture("battery-plug-wall")
def _() -> str:
    wall = (f'<rect x="230" y="40" width="140" height="220" rx="18" fill="#e9ecef" stroke="{PALE}" stroke-width="3"/>\n'
            f'<circle cx="300" cy="150" r="46" fill="#ffffff" stroke="{GREY}" stroke-width="4"/>\n'
            f'<circle cx="300" cy="150" r="34" fill="#f1f3f5" stroke="{PALE}" stroke-width="3"/>\n'
            f'<circle cx="286" cy="150" r="5" fill="{DARK}"/>\n<circle cx="314" cy="150" r="5" fill="{DARK}"/>\n')
    charger = (f'<rect x="88" y="118" width="70" height="64" rx="12" fill="#f8f9fa" stroke="{DARK}" stroke-width="4"/>\n'
               f'<rect x="158" y="136" width="22" height="7" rx="3" fill="{GREY}"/>\n'
               f'<rect x="158" y="157" width="22" height="7" rx="3" fill="{GREY}"/>\n'
               f'<path d="M88 150H30" stroke="{DARK}" stroke-width="10" stroke-linecap="round"/>\n')
    return card(wall + charger + ring(300, 150, 56) + arrow(186, 150, 236, 150, 22))


@picture("battery-charging")
def _() -> str:
    screen = phone("#1a202c") + status_bar(dark=True, battery=(0.35, GREEN))
    screen += battery_glyph(160, 130, 80, 0.35, GREEN, bolt=True, outline="#ffffff")
    return card(screen + ring_box(148, 114, 104, 72, 16)
                + f'<path d="M200 290V300" stroke="{DARK}" stroke-width="10"/>\n')


@picture("battery-full")
def _() -> str:
    inner = battery_glyph(160, 70, 80, 1.0, GREEN, outline="#ffffff") + check_badge(200, 146, 18)
    return card(phone_bottom(inner) + plug(230) + ring(200, 262, 30) + arrow(258, 206, 258, 280, 20))


# ================================================================ 03 home-screen

@picture("home-screen-home")
def _() -> str:
    return card(home_screen() + ring_box(140, 48, 120, 132, 14) + arrow_from_right(114, 274))


@picture("home-screen-open-app")
def _() -> str:
    cx, cy = grid_pos("gallery")
    return card(home_screen() + ring(cx, cy, 24) + arrow_from_right(cy, cx + 34))


def app_with_nav() -> str:
    return app_page() + nav_bar()


@picture("home-screen-back")
def _() -> str:
    big = f'<path d="M50 150l44-32v64z" fill="{DARK}"/>\n'
    return card(app_with_nav() + ring(174, 259, 20) + callout(76, 150, 50, 160, 244, big))


@picture("home-screen-home-button")
def _() -> str:
    big = f'<circle cx="334" cy="150" r="26" fill="none" stroke="{DARK}" stroke-width="9"/>\n'
    return card(app_with_nav() + ring(200, 259, 22) + callout(334, 150, 50, 218, 250, big))


@picture("home-screen-home-swipe")
def _() -> str:
    return card(app_page() + '<rect x="140" y="250" width="120" height="26" fill="#ffffff"/>\n'
                + f'<rect x="172" y="264" width="56" height="7" rx="3.5" fill="{DARK}"/>\n'
                + arrow(200, 246, 200, 140, 28) + fingertip(200, 250, 16))


@picture("home-screen-more-pages")
def _() -> str:
    page_dots = (f'<circle cx="192" cy="216" r="4" fill="{DARK}"/>\n'
                 '<circle cx="208" cy="216" r="4" fill="#ffffff"/>\n')
    return card(home_screen() + page_dots + arrow(246, 198, 150, 198, 24) + fingertip(246, 198, 15))


# ================================================================ 04 calls

@picture("calls-phone-icon")
def _() -> str:
    cx, cy = grid_pos("phone")
    return card(home_screen() + ring(cx, cy, 24) + arrow(cx, 166, cx, cy - 30))


def phone_app(active: int) -> str:
    """The phone application: recent calls, and the bottom bar clock / contacts / keypad."""
    out = phone()
    for i in range(4):
        out += handset(154, 49 + 34 * i, 17, GREEN) + lines(182, 54 + 34 * i, [56 if i % 2 == 0 else 40])
    out += f'<rect x="140" y="234" width="120" height="42" fill="#ffffff"/>\n<rect x="140" y="234" width="120" height="2" fill="{PALE}"/>\n'
    out += (f'<circle cx="162" cy="255" r="10" fill="none" stroke="{DARK}" stroke-width="3"/>\n'
            f'<path d="M162 249v6h5" fill="none" stroke="{DARK}" stroke-width="2.5" stroke-linecap="round"/>\n')
    out += person(200, 255, 22, DARK)
    for r in range(3):
        for c in range(3):
            out += f'<circle cx="{232 + 6 * c}" cy="{249 + 6 * r}" r="2.4" fill="{BLUE if active == 2 else DARK}"/>\n'
    return out


@picture("calls-keypad-button")
def _() -> str:
    dots = "".join(f'<circle cx="{316 + 18 * c}" cy="{122 + 18 * r}" r="6.5" fill="{BLUE}"/>\n'
                   for r in range(3) for c in range(3))
    return card(phone_app(2) + ring(238, 255, 22) + callout(334, 140, 52, 252, 238, dots))


def dial_pad(number: str) -> str:
    out = phone()
    out += (f'<text x="200" y="66" font-family="Arial, Helvetica, sans-serif" font-size="20" font-weight="bold" '
            f'text-anchor="middle" fill="#1f2933">{number}</text>\n')
    keys = [(1, 164, 96), (2, 200, 96), (3, 236, 96), (4, 164, 128), (5, 200, 128), (6, 236, 128),
            (7, 164, 160), (8, 200, 160), (9, 236, 160), (0, 200, 192)]
    for digit, x, y in keys:
        out += (f'<circle cx="{x}" cy="{y}" r="14" fill="#f1f3f5"/>\n'
                f'<text x="{x}" y="{y + 6}" font-family="Arial, Helvetica, sans-serif" font-size="17" '
                f'font-weight="bold" text-anchor="middle" fill="#1f2933">{digit}</text>\n')
    out += f'<circle cx="200" cy="240" r="20" fill="{GREEN}"/>\n' + handset(188, 228, 24)
    return out


@picture("calls-type-number")
def _() -> str:
    return card(dial_pad("06 12") + ring_box(142, 76, 116, 134, 14) + arrow_from_right(143, 272))


@picture("calls-green-button")
def _() -> str:
    return card(dial_pad("06 12 34 56") + ring(200, 240, 30) + arrow_from_right(240, 240))


def call_screen(incoming: bool) -> str:
    out = phone("#343a40")
    out += avatar(200, 84, 30, "#20c997")
    out += '<rect x="166" y="126" width="68" height="12" rx="6" fill="#dee2e6"/>\n'
    if incoming:
        out += (f'<circle cx="166" cy="226" r="22" fill="{GREEN}"/>\n' + handset(154, 214, 24)
                + f'<circle cx="234" cy="226" r="22" fill="{RED}"/>\n' + handset(222, 214, 24, rotate=135))
    else:
        out += ('<circle cx="170" cy="168" r="11" fill="#868e96"/>\n<circle cx="200" cy="168" r="11" fill="#868e96"/>\n'
                '<circle cx="230" cy="168" r="11" fill="#868e96"/>\n'
                f'<circle cx="200" cy="226" r="26" fill="{RED}"/>\n' + handset(185, 211, 30, rotate=135))
    return out


def ringing_waves() -> str:
    return "".join(f'<path d="M{x} {y}q{d} {h / 2} 0 {h}" fill="none" stroke="{GREEN}" stroke-width="6" stroke-linecap="round"/>\n'
                   f'<path d="M{400 - x} {y}q-{d} {h / 2} 0 {h}" fill="none" stroke="{GREEN}" stroke-width="6" stroke-linecap="round"/>\n'
                   for x, y, d, h in ((290, 64, 12, 44), (306, 54, 18, 64)))


@picture("calls-hang-up")
def _() -> str:
    return card(call_screen(False) + ring(200, 226, 38) + arrow_from_right(226, 258))


@picture("calls-incoming")
def _() -> str:
    return card(call_screen(True) + ringing_waves() + ring(166, 226, 32) + arrow_from_left(226, 124))


@picture("calls-decline")
def _() -> str:
    return card(call_screen(True) + ring(234, 226, 32) + arrow_from_right(226, 276))


# ================================================================ 05 contacts

def contact_list(search: bool = False) -> str:
    out = phone()
    top = 48
    if search:
        out += (f'<rect x="148" y="42" width="104" height="24" rx="12" fill="#f1f3f5" stroke="{PALE}" stroke-width="2"/>\n'
                + magnifier(162, 53, 5) + lines(174, 50, [50], PALE, 7))
        top = 84
    colours = ["#4dabf7", "#e64980", "#20c997", "#7950f2", "#94d82d"]
    for i, colour in enumerate(colours[: 5 if not search else 4]):
        y = top + 38 * i
        out += avatar(163, y + 10, 12, colour) + lines(183, y + 5, [60 if i % 2 == 0 else 46], "#868e96", 10)
    return out


def fab(cx: float, cy: float, colour: str = BLUE) -> str:
    """The round floating button with a plus."""
    return f'<circle cx="{n(cx)}" cy="{n(cy)}" r="16" fill="{colour}"/>\n' + pencil_plus(cx, cy, 7)


@picture("contacts-contacts-icon")
def _() -> str:
    return touch_app("contacts")


@picture("contacts-add")
def _() -> str:
    return card(contact_list() + fab(232, 248) + ring(232, 248, 25) + arrow_from_right(248, 266))


def contact_form(filled: int, digits: bool) -> str:
    """The new contact form: a picture circle, the name field and the number field."""
    out = phone()
    out += (f'<path d="M150 44l10 10M160 44l-10 10" stroke="{DARK}" stroke-width="3" stroke-linecap="round"/>\n'
            f'<circle cx="242" cy="49" r="11" fill="{BLUE}"/>\n'
            '<path d="M237 49l4 4 7-8" fill="none" stroke="#ffffff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>\n')
    out += f'<circle cx="200" cy="88" r="20" fill="{PALE}"/>\n' + person(200, 90, 30)
    ink = ["#868e96" if filled > 0 else PALE, "#868e96" if filled > 1 else PALE]
    out += (f'<rect x="148" y="122" width="104" height="26" rx="6" fill="#ffffff" stroke="{PALE}" stroke-width="2"/>\n'
            + person(162, 135, 14, DARK) + lines(174, 131, [filled > 0 and 60 or 40], ink[0], 8))
    out += (f'<rect x="148" y="156" width="104" height="26" rx="6" fill="#ffffff" stroke="{PALE}" stroke-width="2"/>\n'
            + handset(155, 162, 14, DARK) + lines(174, 165, [filled > 1 and 56 or 40], ink[1], 8))
    if filled < 2:
        out += keyboard(200, digits)
    return out


@picture("contacts-name")
def _() -> str:
    return card(contact_form(0, False) + ring_box(142, 116, 116, 38, 10) + arrow_from_right(135, 270))


@picture("contacts-number")
def _() -> str:
    return card(contact_form(1, True) + ring_box(142, 150, 116, 38, 10) + arrow_from_right(169, 270))


@picture("contacts-save")
def _() -> str:
    big = (f'<circle cx="334" cy="150" r="34" fill="{BLUE}"/>\n'
           '<path d="M318 150l11 11 21-22" fill="none" stroke="#ffffff" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/>\n')
    return card(contact_form(2, False) + ring(242, 49, 19) + callout(334, 150, 50, 256, 62, big))


@picture("contacts-search")
def _() -> str:
    return card(contact_list(search=True) + ring_box(142, 36, 116, 36, 18) + arrow_from_right(54, 270))


# ================================================================ 06 sms

def conversation_list(unread: bool = True) -> str:
    out = phone()
    colours = ["#e64980", "#4dabf7", "#20c997", "#7950f2", "#fab005"]
    for i, colour in enumerate(colours):
        y = 44 + 40 * i
        bold = "#343a40" if (unread and i == 0) else "#868e96"
        out += avatar(163, y + 14, 13, colour) + lines(183, y + 5, [50], bold, 9) + lines(183, y + 19, [64], PALE, 7)
    if unread:
        out += f'<circle cx="248" cy="54" r="5" fill="{BLUE}"/>\n'
    return out


@picture("sms-sms-icon")
def _() -> str:
    return touch_app("sms")


@picture("sms-read")
def _() -> str:
    return card(conversation_list() + ring_box(142, 40, 116, 38, 12) + arrow_from_right(59, 270))


@picture("sms-new")
def _() -> str:
    new = f'<circle cx="232" cy="248" r="16" fill="{BLUE}"/>\n' + bubble(232, 246, 16, 11) 
    return card(conversation_list(False) + new + ring(232, 248, 25) + arrow_from_right(248, 266))


def message_screen(received: bool, typed: bool, sent: bool, to_field: bool = False, keys: bool = True) -> str:
    out = phone()
    if to_field:
        out += (f'<rect x="148" y="42" width="104" height="26" rx="6" fill="#ffffff" stroke="{PALE}" stroke-width="2"/>\n'
                + person(162, 55, 14, DARK) + lines(174, 51, [40], PALE, 8))
    else:
        out += (f'<rect x="140" y="34" width="120" height="30" rx="8" fill="#f1f3f5"/>\n'
                + avatar(160, 50, 10, "#e64980") + lines(176, 46, [50], "#868e96", 8))
    if received:
        out += '<rect x="148" y="76" width="74" height="26" rx="13" fill="#e9ecef"/>\n' + lines(156, 85, [54], GREY, 7)
    if sent:
        out += (f'<rect x="170" y="112" width="82" height="30" rx="15" fill="{BLUE}"/>\n'
                + lines(180, 123, [60], "#a5d8ff", 8))
    field_y = 168 if keys else 240
    out += f'<rect x="146" y="{field_y}" width="84" height="24" rx="12" fill="#ffffff" stroke="{GREY}" stroke-width="2"/>\n'
    if typed:
        out += lines(154, field_y + 8, [56], "#495057", 8)
    out += send_arrow(243, field_y + 12, 12, BLUE if typed else GREY)
    if keys:
        out += keyboard(200)
    return out


@picture("sms-to")
def _() -> str:
    return card(message_screen(False, False, False, to_field=True) + ring_box(142, 36, 116, 38, 10) + arrow_from_right(55, 270))


@picture("sms-write")
def _() -> str:
    return card(message_screen(True, False, False) + ring_box(140, 162, 96, 36, 16) + arrow_from_left(180, 130))


@picture("sms-send")
def _() -> str:
    return card(message_screen(True, True, False) + ring(243, 180, 19) + callout(334, 110, 48, 258, 172, send_arrow(334, 110, 30)))


@picture("sms-sent")
def _() -> str:
    return card(message_screen(True, False, True, keys=False)
                + ring_box(164, 106, 94, 42, 20) + check_badge(330, 127, 26) + arrow(120, 127, 158, 127))


# ================================================================ 07 video-call

TEAL = "#0ca678"


def face(cx: float, cy: float, r: float, skin: str = SKIN, hair: str = "#5c3d2e") -> str:
    k = r / 40
    return (f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r)}" fill="{skin}"/>\n'
            f'<path d="M{n(cx - r)} {n(cy - 2 * k)}a{n(r)} {n(r)} 0 0 1 {n(2 * r)} 0c-{n(14 * k)}-{n(16 * k)}-{n(36 * k)}-{n(20 * k)}-{n(58 * k)}-{n(10 * k)}'
            f'-{n(10 * k)} {n(4 * k)}-{n(16 * k)} {n(6 * k)}-{n(22 * k)} {n(10 * k)}z" fill="{hair}"/>\n'
            f'<circle cx="{n(cx - 14 * k)}" cy="{n(cy + 4 * k)}" r="{n(4 * k)}" fill="#1f2933"/>\n'
            f'<circle cx="{n(cx + 14 * k)}" cy="{n(cy + 4 * k)}" r="{n(4 * k)}" fill="#1f2933"/>\n'
            f'<path d="M{n(cx - 13 * k)} {n(cy + 20 * k)}q{n(13 * k)} {n(12 * k)} {n(26 * k)} 0" fill="none" stroke="#1f2933" '
            f'stroke-width="{n(3.5 * k)}" stroke-linecap="round"/>\n')


def chat_screen(mic: bool = True) -> str:
    out = phone("#f1f3f5")
    out += (f'<rect x="140" y="34" width="120" height="36" rx="8" fill="{TEAL}"/>\n<rect x="140" y="60" width="120" height="10" fill="{TEAL}"/>\n'
            + avatar(157, 52, 10, "#e64980") + lines(171, 48, [30], "#c3fae8", 8)
            + video_glyph(222, 52, 18) + handset(241, 45, 14))
    out += ('<rect x="148" y="84" width="70" height="24" rx="12" fill="#ffffff"/>\n' + lines(156, 92, [50], GREY, 7)
            + '<rect x="180" y="118" width="72" height="24" rx="12" fill="#d3f9d8"/>\n' + lines(188, 126, [50], GREY, 7)
            + '<rect x="148" y="152" width="60" height="24" rx="12" fill="#ffffff"/>\n' + lines(156, 160, [40], GREY, 7))
    out += f'<rect x="146" y="240" width="80" height="26" rx="13" fill="#ffffff"/>\n'
    if mic:
        out += f'<circle cx="242" cy="253" r="14" fill="{TEAL}"/>\n' + mic_glyph(242, 253, 16)
    return out


@picture("video-call-app-icon")
def _() -> str:
    return touch_app("messages")


@picture("video-call-chat")
def _() -> str:
    out = phone()
    out += f'<rect x="140" y="34" width="120" height="26" rx="8" fill="{TEAL}"/>\n<rect x="140" y="50" width="120" height="10" fill="{TEAL}"/>\n'
    for i, colour in enumerate(["#e64980", "#4dabf7", "#fab005", "#7950f2", "#94d82d"]):
        y = 68 + 40 * i
        out += avatar(163, y + 12, 13, colour) + lines(183, y + 4, [52], "#495057", 9) + lines(183, y + 18, [60], PALE, 7)
    return card(out + ring_box(142, 62, 116, 38, 12) + arrow_from_right(81, 270))


@picture("video-call-voice-message")
def _() -> str:
    waves = "".join(f'<path d="M{x} {150 - h}v{2 * h}" stroke="{TEAL}" stroke-width="7" stroke-linecap="round"/>\n'
                    for x, h in ((306, 10), (320, 22), (334, 32), (348, 22), (362, 12)))
    return card(chat_screen() + ring(242, 253, 22) + finger_from_right(253, 254) + waves)


@picture("video-call-camera-icon")
def _() -> str:
    big = f'<circle cx="334" cy="150" r="36" fill="{TEAL}"/>\n' + video_glyph(334, 150, 44)
    return card(chat_screen() + ring(222, 52, 17) + callout(334, 150, 50, 234, 66, big))


@picture("video-call-wait")
def _() -> str:
    out = phone("#087f5b") + avatar(200, 110, 38, "#e64980")
    out += lines(170, 164, [60], "#c3fae8", 10)
    out += "".join(f'<circle cx="{x}" cy="196" r="6" fill="#c3fae8"/>\n' for x in (184, 200, 216))
    out += f'<circle cx="200" cy="246" r="18" fill="{RED}"/>\n' + handset(189, 235, 22, rotate=135)
    return card(out + ring(200, 110, 48))


def video_screen() -> str:
    out = phone("#74c0fc")
    out += (f'<path d="M150 276v-30c0-26 22-42 50-42s50 16 50 42v30z" fill="#f76707"/>\n'
            + face(200, 150, 42)
            + f'<rect x="214" y="44" width="38" height="52" rx="6" fill="#e9ecef" stroke="#ffffff" stroke-width="3"/>\n'
            + face(233, 68, 12, "#c68a5e", "#212529")
            + f'<rect x="140" y="236" width="120" height="40" fill="#212529" fill-opacity="0.6"/>\n'
            + f'<circle cx="164" cy="256" r="13" fill="#495057"/>\n' + mic_glyph(164, 256, 14)
            + f'<circle cx="236" cy="256" r="13" fill="#495057"/>\n' + video_glyph(236, 256, 14)
            + f'<circle cx="200" cy="256" r="15" fill="{RED}"/>\n' + handset(190, 246, 20, rotate=135))
    return out


@picture("video-call-see")
def _() -> str:
    return card(video_screen() + ring_box(146, 98, 108, 108, 54) + check_badge(330, 150, 28))


@picture("video-call-hang-up")
def _() -> str:
    return card(video_screen() + ring(200, 256, 24) + arrow_from_right(256, 274))


# ================================================================ 08 photo

def scene(selfie: bool = False) -> str:
    """What the camera sees, in the screen from y 34 to 226."""
    out = '<path d="M140 42a8 8 0 0 1 8-8h104a8 8 0 0 1 8 8V226H140z" fill="#a5d8ff"/>\n'
    if selfie:
        return out + face(200, 130, 44) + '<path d="M146 226c0-30 24-46 54-46s54 16 54 46z" fill="#4c6ef5"/>\n'
    return (out + sun_glyph(232, 70, 10)
            + '<path d="M140 180q40-40 80-10t40-10V226H140z" fill="#69db7c"/>\n'
            + '<rect x="170" y="140" width="8" height="40" fill="#8d5524"/>\n<circle cx="174" cy="132" r="20" fill="#2f9e44"/>\n')


def camera_view(selfie: bool = False, document: str = "") -> str:
    out = phone("#000000") + (document or scene(selfie))
    out += ('<rect x="150" y="238" width="22" height="22" rx="4" fill="#69db7c" stroke="#ffffff" stroke-width="2"/>\n'
            '<circle cx="200" cy="249" r="17" fill="#ffffff" stroke="#868e96" stroke-width="3"/>\n'
            '<circle cx="238" cy="249" r="12" fill="#343a40"/>\n' + switch_arrows(238, 249, 7))
    return out


@picture("photo-camera-icon")
def _() -> str:
    return touch_app("camera")


@picture("photo-aim")
def _() -> str:
    return card(camera_view() + ring_box(136, 30, 128, 200, 12) + check_badge(330, 130, 28))


@picture("photo-shutter")
def _() -> str:
    return card(camera_view() + ring(200, 249, 26) + arrow(200, 160, 200, 214, 20))


@picture("photo-switch")
def _() -> str:
    big = f'<circle cx="334" cy="150" r="34" fill="#343a40"/>\n' + switch_arrows(334, 150, 20)
    return card(camera_view(selfie=True) + ring(238, 249, 19) + callout(334, 150, 50, 252, 238, big))


@picture("photo-gallery")
def _() -> str:
    return card(camera_view() + ring(161, 249, 20) + arrow_from_left(249, 132))


@picture("photo-delete")
def _() -> str:
    out = phone("#000000") + '<rect x="140" y="60" width="120" height="150" fill="#a5d8ff"/>\n'
    out += (sun_glyph(232, 86, 9) + '<path d="M140 180q40-40 80-10t40-10V210H140z" fill="#69db7c"/>\n'
            '<rect x="170" y="146" width="8" height="34" fill="#8d5524"/>\n<circle cx="174" cy="140" r="18" fill="#2f9e44"/>\n')
    out += trash_glyph(238, 250, 20, "#ffffff")
    return card(out + ring(238, 250, 20) + arrow_from_right(250, 268))


# ================================================================ 09 document-photo

WOOD = "#c08457"


def sheet(x: float, y: float, w: float, h: float, ink: str = GREY, blur: bool = False) -> str:
    """A sheet of paper with lines of text, top left at (x, y)."""
    out = f'<rect x="{n(x)}" y="{n(y)}" width="{n(w)}" height="{n(h)}" rx="3" fill="#ffffff" stroke="{PALE}" stroke-width="2"/>\n'
    rows = int((h - 20) // 14)
    widths = [0.8, 0.6, 0.75, 0.7, 0.5, 0.78, 0.65, 0.72, 0.55]
    for i in range(rows):
        lw = (w - 20) * widths[i % len(widths)]
        if blur:
            out += f'<rect x="{n(x + 8)}" y="{n(y + 10 + i * 14)}" width="{n(lw + 4)}" height="10" rx="5" fill="#e9ecef"/>\n'
        else:
            out += f'<rect x="{n(x + 10)}" y="{n(y + 12 + i * 14)}" width="{n(lw)}" height="6" rx="3" fill="{ink}"/>\n'
    return out


def table_top() -> str:
    return f'<rect x="20" y="20" width="360" height="260" rx="18" fill="{WOOD}"/>\n'


@picture("document-photo-flat")
def _() -> str:
    return card(table_top() + sheet(140, 50, 120, 170, DARK) + ring_box(130, 40, 140, 190, 10) + arrow_from_right(135, 282))


@picture("document-photo-light")
def _() -> str:
    lamp = (f'<path d="M200 0V40" stroke="{DARK}" stroke-width="5"/>\n'
            f'<path d="M160 78a40 40 0 0 1 80 0z" fill="{DARK}"/>\n'
            '<circle cx="200" cy="82" r="12" fill="#ffe066"/>\n'
            '<path d="M150 112l-24 30M250 112l24 30M200 110v36" stroke="#fab005" stroke-width="7" stroke-linecap="round"/>\n')
    return card(table_top() + sheet(130, 160, 140, 110, DARK) + lamp + ring(200, 70, 50))


@picture("document-photo-above")
def _() -> str:
    side = (f'<rect x="30" y="240" width="340" height="22" rx="6" fill="{WOOD}"/>\n'
            '<rect x="110" y="232" width="180" height="8" rx="2" fill="#ffffff" stroke="#ced4da" stroke-width="2"/>\n'
            f'<path d="M186 108L112 230M214 108L288 230" stroke="{GREY}" stroke-width="3" stroke-dasharray="8 6"/>\n'
            f'<rect x="120" y="90" width="160" height="16" rx="8" fill="{BODY}"/>\n'
            f'<rect x="188" y="104" width="24" height="6" rx="3" fill="{BODY}"/>\n')
    return card(side + ring_box(108, 78, 184, 40, 20) + check_badge(340, 98, 26))


def document_view(corners: bool = False) -> str:
    doc = ('<path d="M140 42a8 8 0 0 1 8-8h104a8 8 0 0 1 8 8V226H140z" fill="' + WOOD + '"/>\n'
           + sheet(156, 48, 88, 164, DARK))
    out = camera_view(document=doc)
    if corners:
        for x, y in ((156, 48), (244, 48), (156, 212), (244, 212)):
            out += f'<circle cx="{x}" cy="{y}" r="11" fill="none" stroke="{ORANGE}" stroke-width="7"/>\n'
    return out


@picture("document-photo-corners")
def _() -> str:
    return card(document_view(corners=True) + check_badge(330, 130, 28))


@picture("document-photo-focus")
def _() -> str:
    focus = f'<rect x="176" y="106" width="48" height="48" rx="4" fill="none" stroke="#fab005" stroke-width="4"/>\n'
    return card(document_view() + focus + fingertip(200, 130, 11) + ring(200, 130, 38) + arrow_from_right(130, 250))


@picture("document-photo-shutter")
def _() -> str:
    return card(document_view() + ring(200, 249, 26) + arrow_from_right(249, 270))


@picture("document-photo-check")
def _() -> str:
    out = phone("#000000") + '<rect x="140" y="44" width="120" height="182" fill="#343a40"/>\n' + sheet(150, 52, 100, 166, DARK)
    sharp = lines(302, 122, [64, 48, 58], DARK, 10, 20)
    return card(out + ring_box(144, 46, 112, 176, 10) + callout(334, 142, 52, 248, 150, sharp) + check_badge(370, 62, 24))


@picture("document-photo-retake")
def _() -> str:
    bad = (f'<g transform="rotate(-8 100 140)">{sheet(40, 70, 120, 150, blur=True)}</g>\n')
    good = sheet(240, 70, 120, 150, DARK)
    return card(bad + cross_badge(150, 70, 24) + good + check_badge(350, 70, 24) + arrow(170, 150, 228, 150, 22))


# ================================================================ 10 internet

def settings_list(rows: list[tuple[str, Callable[[float, float], str]]]) -> str:
    """The settings application: a grey title bar, then rows with a round icon and a line."""
    out = phone() + f'<rect x="140" y="34" width="120" height="28" rx="8" fill="#f1f3f5"/>\n' + gear(158, 48, 7, DARK, "#f1f3f5")
    out += lines(172, 44, [50], DARK, 8)
    for i, (colour, glyph) in enumerate(rows):
        y = 80 + 36 * i
        out += f'<circle cx="160" cy="{y}" r="12" fill="{colour}"/>\n' + glyph(160, y)
        out += lines(180, y - 4, [58 if i % 2 == 0 else 46], "#868e96", 8)
    return out


SETTINGS_ROWS: list[tuple[str, Callable[[float, float], str]]] = [
    (BLUE, lambda x, y: wifi_glyph(x, y + 5, 14, "#ffffff")),
    (GREEN, lambda x, y: bars_glyph(x - 6, y + 6, 11, "#ffffff")),
    ("#f59f00", lambda x, y: sun_glyph(x, y, 3.6, "#ffffff")),
    ("#e64980", lambda x, y: speaker_glyph(x - 1, y, 13, "#ffffff", 1)),
    ("#7950f2", lambda x, y: lock_glyph(x, y + 1, 10, "#ffffff", "#7950f2")),
]


@picture("internet-what")
def _() -> str:
    out = phone() + f'<circle cx="200" cy="140" r="36" fill="#4dabf7"/>\n'
    out += (f'<path d="M164 140h72M200 104v72M200 104c-22 20-22 52 0 72M200 104c22 20 22 52 0 72" fill="none" '
            'stroke="#ffffff" stroke-width="4"/>\n')
    out += wifi_glyph(76, 168, 72) + bars_glyph(300, 180, 56, GREEN)
    return card(out + ring(76, 140, 50) + ring(324, 150, 50))


@picture("internet-settings-icon")
def _() -> str:
    return touch_app("settings")


@picture("internet-wifi-menu")
def _() -> str:
    return card(settings_list(SETTINGS_ROWS) + ring_box(142, 62, 116, 36, 14) + arrow_from_right(80, 270))


def wifi_networks() -> str:
    out = phone() + f'<rect x="140" y="34" width="120" height="28" rx="8" fill="#f1f3f5"/>\n' + lines(150, 44, [50], DARK, 8)
    out += (f'<rect x="222" y="40" width="28" height="16" rx="8" fill="{GREEN}"/>\n<circle cx="242" cy="48" r="6" fill="#ffffff"/>\n')
    for i in range(4):
        y = 84 + 38 * i
        out += wifi_glyph(160, y + 6, 18, DARK) + lines(178, y - 4, [50 if i % 2 == 0 else 40], "#868e96", 8)
        out += lock_glyph(244, y, 9, GREY, "#ffffff")
    return out


@picture("internet-choose-network")
def _() -> str:
    return card(wifi_networks() + ring_box(142, 64, 116, 40, 14) + arrow_from_right(84, 270))


@picture("internet-password")
def _() -> str:
    out = phone("#868e96")
    out += ('<rect x="146" y="70" width="108" height="110" rx="10" fill="#ffffff"/>\n'
            + wifi_glyph(200, 100, 22, BLUE)
            + f'<rect x="154" y="112" width="92" height="24" rx="6" fill="#ffffff" stroke="{GREY}" stroke-width="2"/>\n'
            + "".join(f'<circle cx="{164 + 10 * i}" cy="124" r="3.2" fill="{DARK}"/>\n' for i in range(6))
            + f'<rect x="196" y="148" width="50" height="22" rx="11" fill="{BLUE}"/>\n')
    out += keyboard(200)
    return card(out + ring_box(148, 106, 104, 36, 12) + arrow_from_right(124, 262))


@picture("internet-connected")
def _() -> str:
    out = app_page("#f1f3f5") + '<rect x="140" y="34" width="120" height="20" rx="8" fill="#ffffff"/>\n' + status_bar(wifi=True)
    return card(out + ring(228, 44, 14) + callout(334, 150, 50, 240, 56, wifi_glyph(334, 170, 54, BLUE)))


@picture("internet-quick-panel")
def _() -> str:
    return card(home_screen() + arrow(200, 48, 200, 150, 26) + fingertip(200, 46, 15))


@picture("internet-mobile-data")
def _() -> str:
    out = home_screen([[], [], GRID[2]]) + '<rect x="140" y="34" width="120" height="120" rx="8" fill="#343a40"/>\n'
    tiles = [(170, 72, BLUE, lambda: wifi_glyph(170, 80, 20, "#ffffff")),
             (230, 72, "#495057", lambda: data_arrows(230, 72, "#ffffff")),
             (170, 122, "#495057", lambda: flashlight_glyph(170, 122, 20)),
             (230, 122, "#495057", lambda: plane_glyph(230, 122, "#ffffff"))]
    for x, y, colour, glyph in tiles:
        out += f'<circle cx="{x}" cy="{y}" r="18" fill="{colour}"/>\n' + glyph()
    return card(out + ring(230, 72, 26) + arrow_from_right(72, 264))


def data_arrows(cx: float, cy: float, colour: str) -> str:
    """Up and down arrows: mobile data."""
    return (f'<path d="M{n(cx - 5)} {n(cy + 9)}V{n(cy - 7)}M{n(cx - 10)} {n(cy - 2)}l5-6 5 6M{n(cx + 5)} {n(cy - 9)}V{n(cy + 7)}'
            f'M{n(cx)} {n(cy + 2)}l5 6 5-6" fill="none" stroke="{colour}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>\n')


def plane_glyph(cx: float, cy: float, colour: str) -> str:
    return (f'<path d="M{n(cx)} {n(cy - 11)}c2 0 2 2 2 4v4l9 5v3l-9-3v5l3 3v2l-5-1-5 1v-2l3-3v-5l-9 3v-3l9-5v-4c0-2 0-4 2-4z" '
            f'fill="{colour}"/>\n')


# ================================================================ 11 install-app

def store_results() -> str:
    out = phone() + f'<rect x="148" y="42" width="104" height="24" rx="12" fill="#f1f3f5" stroke="{PALE}" stroke-width="2"/>\n'
    out += magnifier(162, 53, 5) + lines(174, 50, [44], "#868e96", 7)
    for i, kind in enumerate(["flashlight", "maps", "music", "clock"]):
        y = 80 + 44 * i
        out += app_tile(150, y, kind, 30) + lines(188, y + 4, [52], DARK, 8) + lines(188, y + 18, [36], PALE, 7)
    return out


def app_details() -> str:
    out = phone() + app_tile(152, 46, "flashlight", 44) + lines(204, 52, [46], DARK, 10) + lines(204, 70, [34], GREY, 7)
    out += "".join(star(160 + 16 * i, 112, 7) for i in range(4)) + star(224, 112, 7, PALE)
    out += lines(152, 126, [70], GREY, 7)
    out += f'<rect x="150" y="146" width="100" height="28" rx="14" fill="{GREEN}"/>\n' + lines(180, 156, [40], "#ffffff", 8)
    out += lines(152, 190, [90, 76, 84, 60], PALE, 7, 14)
    return out


@picture("install-app-store-icon")
def _() -> str:
    return touch_app("store")


@picture("install-app-only-store")
def _() -> str:
    good = (f'<rect x="40" y="90" width="100" height="100" rx="26" fill="#7950f2"/>\n' + bag_glyph(90, 142, 52)
            + check_badge(90, 246, 24) + ring(90, 140, 66))
    browser = (f'<rect x="240" y="80" width="130" height="110" rx="12" fill="#ffffff" stroke="{PALE}" stroke-width="3"/>\n'
               f'<path d="M240 92a12 12 0 0 1 12-12h106a12 12 0 0 1 12 12v14H240z" fill="#dee2e6"/>\n'
               f'<rect x="252" y="86" width="100" height="14" rx="7" fill="#f8f9fa"/>\n'
               f'<path d="M305 120v36M292 144l13 14 13-14" fill="none" stroke="{DARK}" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>\n'
               f'<rect x="286" y="166" width="40" height="7" rx="3.5" fill="{DARK}"/>\n'
               + cross_badge(305, 246, 24))
    return card(good + browser)


@picture("install-app-search")
def _() -> str:
    return card(store_results() + ring_box(142, 36, 116, 36, 18) + arrow_from_right(54, 270))


@picture("install-app-check-name")
def _() -> str:
    return card(app_details() + ring_box(144, 40, 112, 96, 14) + arrow_from_right(88, 268))


@picture("install-app-install")
def _() -> str:
    return card(app_details() + ring_box(144, 140, 112, 40, 20) + arrow_from_right(160, 268))


@picture("install-app-permissions")
def _() -> str:
    out = app_details() + '<rect x="140" y="34" width="120" height="242" rx="8" fill="#212529" fill-opacity="0.5"/>\n'
    out += ('<rect x="146" y="80" width="108" height="140" rx="12" fill="#ffffff"/>\n'
            + avatar(200, 110, 18, BLUE) + lines(160, 136, [80, 60], GREY, 7, 12)
            + f'<rect x="154" y="176" width="44" height="26" rx="13" fill="#ffffff" stroke="{DARK}" stroke-width="2"/>\n'
            + lines(164, 186, [24], DARK, 6)
            + f'<rect x="204" y="176" width="44" height="26" rx="13" fill="{BLUE}"/>\n' + lines(214, 186, [24], "#ffffff", 6))
    return card(out + ring_box(148, 170, 56, 38, 19) + arrow_from_left(189, 138))


@picture("install-app-new-icon")
def _() -> str:
    grid = [row[:] for row in GRID]
    grid[2][2] = "flashlight"
    return touch_app("flashlight", grid)


# ================================================================ 12 text-sound

def volume_keys(upper: bool) -> str:
    out = phone(HOME_BG) + '<rect x="268" y="60" width="9" height="34" rx="4" fill="#4a5568"/>\n'
    out += '<rect x="268" y="100" width="9" height="34" rx="4" fill="#4a5568"/>\n'
    level = 0.75 if upper else 0.3
    out += f'<rect x="152" y="50" width="18" height="130" rx="9" fill="#ffffff"/>\n'
    out += f'<rect x="152" y="{n(50 + 130 * (1 - level))}" width="18" height="{n(130 * level)}" rx="9" fill="{BLUE}"/>\n'
    out += speaker_glyph(162, 198, 18, DARK, 2 if upper else 1)
    y = 77 if upper else 117
    out += finger_from_right(y, 280) + ring(273, y, 24)
    sign = "M306 210h30M321 195v30" if upper else "M306 210h30"
    out += (f'<circle cx="321" cy="210" r="26" fill="#ffffff" stroke="{DARK}" stroke-width="5"/>\n'
            f'<path d="{sign}" stroke="{DARK}" stroke-width="7" stroke-linecap="round"/>\n')
    return out


@picture("text-sound-volume-up")
def _() -> str:
    return card(volume_keys(True))


@picture("text-sound-volume-down")
def _() -> str:
    return card(volume_keys(False))


@picture("text-sound-settings-icon")
def _() -> str:
    return touch_app("settings")


@picture("text-sound-display")
def _() -> str:
    return card(settings_list(SETTINGS_ROWS) + ring_box(142, 134, 116, 36, 14) + arrow_from_right(152, 270))


def display_settings() -> str:
    out = phone() + f'<rect x="140" y="34" width="120" height="28" rx="8" fill="#f1f3f5"/>\n' + sun_glyph(156, 48, 4, "#f59f00")
    out += lines(170, 44, [50], DARK, 8)
    out += f'<rect x="150" y="80" width="100" height="8" rx="4" fill="{PALE}"/>\n<circle cx="210" cy="84" r="8" fill="#f59f00"/>\n'
    out += text_size_glyph(152, 124) + lines(192, 120, [50], "#868e96", 8)
    out += lines(152, 160, [70, 56], "#868e96", 8, 36)
    return out


@picture("text-sound-text-size")
def _() -> str:
    return card(display_settings() + ring_box(142, 106, 116, 36, 14) + arrow_from_right(124, 270))


@picture("text-sound-slider")
def _() -> str:
    out = phone() + f'<rect x="140" y="34" width="120" height="28" rx="8" fill="#f1f3f5"/>\n' + lines(150, 44, [60], DARK, 8)
    out += lines(150, 76, [96, 72], DARK, 14, 22) + lines(150, 126, [86], DARK, 14)
    out += (f'<rect x="148" y="200" width="5" height="8" rx="2" fill="{DARK}"/>\n'
            f'<rect x="160" y="200" width="76" height="8" rx="4" fill="{PALE}"/>\n'
            f'<rect x="160" y="200" width="40" height="8" rx="4" fill="{BLUE}"/>\n'
            f'<rect x="242" y="190" width="10" height="18" rx="3" fill="{DARK}"/>\n'
            f'<circle cx="200" cy="204" r="12" fill="{BLUE}" stroke="#ffffff" stroke-width="3"/>\n')
    return card(out + ring(200, 204, 22) + arrow(200, 244, 330, 244, 24))


@picture("text-sound-zoom")
def _() -> str:
    out = phone() + sheet(146, 44, 108, 180, DARK)
    out += fingertip(182, 166, 14) + fingertip(222, 118, 14)
    out += arrow(172, 176, 136, 212, 20) + arrow(232, 108, 268, 72, 20)
    return card(out)


# ================================================================ icons

@picture("pack")
def _() -> str:
    out = icon_phone(HOME_BG)
    for i, kind in enumerate(["camera", "gallery", "messages", "settings"]):
        out += app_tile(77 + 24 * (i % 2), 50 + 24 * (i // 2), kind, 20)
    out += app_tile(90, 128, "phone", 20)
    return icon_card(out + check_badge(150, 146, 24))


@picture("switch-on")
def _() -> str:
    return icon_card(icon_phone("#1a202c") + power_glyph(100, 104, 20)
                     + '<rect x="138" y="62" width="7" height="26" rx="3" fill="#4a5568"/>\n')


@picture("battery")
def _() -> str:
    return icon_card(icon_phone("#1a202c") + battery_glyph(74, 88, 48, 0.5, GREEN, bolt=True, outline="#ffffff")
                     + f'<path d="M100 178V193" stroke="{DARK}" stroke-width="8" stroke-linecap="round"/>\n')


@picture("home-screen")
def _() -> str:
    out = icon_phone(HOME_BG)
    kinds = ["camera", "clock", "gallery", "messages", "maps", "settings"]
    for i, kind in enumerate(kinds):
        out += app_tile(74 + 18 * (i % 3), 50 + 20 * (i // 3), kind, 15)
    out += f'<circle cx="100" cy="150" r="8" fill="none" stroke="{DARK}" stroke-width="3"/>\n'
    return icon_card(out)


@picture("calls")
def _() -> str:
    return icon_card(icon_phone() + f'<circle cx="100" cy="100" r="24" fill="{GREEN}"/>\n' + handset(88, 88, 24)
                     + f'<path d="M150 78q12 22 0 44" fill="none" stroke="{GREEN}" stroke-width="6" stroke-linecap="round"/>\n'
                     + f'<path d="M164 68q15 32 0 64" fill="none" stroke="{GREEN}" stroke-width="6" stroke-linecap="round"/>\n'
                     + f'<path d="M50 78q-12 22 0 44" fill="none" stroke="{GREEN}" stroke-width="6" stroke-linecap="round"/>\n'
                     + f'<path d="M36 68q-15 32 0 64" fill="none" stroke="{GREEN}" stroke-width="6" stroke-linecap="round"/>\n')


@picture("contacts")
def _() -> str:
    return icon_card(icon_phone() + avatar(100, 96, 26, BLUE)
                     + f'<circle cx="124" cy="128" r="14" fill="{GREEN}"/>\n' + pencil_plus(124, 128, 7))


@picture("sms")
def _() -> str:
    return icon_card(icon_phone() + bubble(100, 92, 52, 34, "#4dabf7") + lines(84, 84, [32, 22], "#ffffff", 6, 10))


@picture("video-call")
def _() -> str:
    return icon_card(icon_phone(TEAL) + face(100, 96, 22) + video_glyph(100, 145, 26))


@picture("photo")
def _() -> str:
    return icon_card(icon_phone() + camera_glyph(100, 100, 48, DARK, "#ffffff")
                     + '<circle cx="100" cy="102" r="6" fill="#4dabf7"/>\n')


@picture("document-photo")
def _() -> str:
    out = icon_phone("#000000") + '<rect x="69" y="38" width="62" height="126" rx="5" fill="' + WOOD + '"/>\n'
    out += sheet(78, 52, 44, 72, DARK)
    out += '<circle cx="100" cy="146" r="9" fill="#ffffff"/>\n'
    return icon_card(out + check_badge(140, 60, 18))


@picture("internet")
def _() -> str:
    return icon_card(icon_phone() + wifi_glyph(100, 110, 52, BLUE) + bars_glyph(80, 150, 24, GREEN))


@picture("install-app")
def _() -> str:
    return icon_card(icon_phone() + f'<rect x="74" y="62" width="52" height="52" rx="14" fill="#7950f2"/>\n'
                     + bag_glyph(100, 90, 28) + check_badge(100, 140, 16))


@picture("text-sound")
def _() -> str:
    out = icon_phone() + lines(76, 58, [30], DARK, 6) + lines(76, 74, [48, 40], DARK, 12, 18)
    return icon_card(out + speaker_glyph(96, 140, 28, BLUE, 2))


# ================================================================ practice pictures
# The picture of each lesson's `touch` practice step is one of its step pictures without
# the orange highlights, which would give the answer away (the player shows them as a
# hint). `scripts/practice_picture.py` prints the targets the highlights marked.

PRACTICE_SOURCES = {
    "battery-practice": "battery-battery-icon",
    "home-screen-practice": "home-screen-home-button",
    "calls-practice": "calls-incoming",
    "contacts-practice": "contacts-add",
    "sms-practice": "sms-send",
    "video-call-practice": "video-call-camera-icon",
    "photo-practice": "photo-shutter",
    "internet-practice": "internet-settings-icon",
    "install-app-practice": "install-app-install",
    "text-sound-practice": "text-sound-volume-up",
}


@picture("switch-on-practice")
def _() -> str:
    """The phone switched off, its side button alone: no finger, ring or timer to give it away."""
    return card(phone("#1a202c") + '<rect x="268" y="78" width="9" height="44" rx="4" fill="#4a5568"/>\n')


def _practice(source: str) -> Callable[[], str]:
    return lambda: without_highlights(PICTURES[source]())[0]


for _name, _source in PRACTICE_SOURCES.items():
    PICTURES[_name] = _practice(_source)


# ================================================================ main

def main(prefixes: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, draw in PICTURES.items():
        if prefixes and not any(name.startswith(p) for p in prefixes):
            continue
        (OUT / f"{name}.svg").write_text(draw(), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
