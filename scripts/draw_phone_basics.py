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


def grid_pos(kind: str) -> tuple[float, float]:
    """Centre of an app icon on the home screen."""
    for r, row in enumerate(GRID):
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
    cx, cy = grid_pos(kind)
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
    """A keyboard filling the bottom of the screen from y."""
    out = f'<rect x="140" y="{n(y)}" width="120" height="{n(276 - y)}" fill="#dee2e6"/>\n'
    if digits:
        for r in range(3):
            for c in range(3):
                out += f'<rect x="{n(146 + c * 38)}" y="{n(y + 5 + r * 20)}" width="32" height="16" rx="4" fill="#ffffff"/>\n'
        return out
    rows = [10, 9, 7]
    for r, count in enumerate(rows):
        w = 112 / 10
        start = 144 + (10 - count) * w / 2
        for c in range(count):
            out += f'<rect x="{n(start + c * w)}" y="{n(y + 6 + r * 20)}" width="{n(w - 2)}" height="16" rx="2" fill="#ffffff"/>\n'
    out += f'<rect x="170" y="{n(y + 66)}" width="60" height="10" rx="2" fill="#ffffff"/>\n'
    return out


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


# ================================================================ main

def main(prefixes: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, draw in PICTURES.items():
        if prefixes and not any(name.startswith(p) for p in prefixes):
            continue
        (OUT / f"{name}.svg").write_text(draw(), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
