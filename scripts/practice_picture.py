"""Make the picture of a `touch` practice step from a step picture: the same drawing
without its orange highlights (CONTENT.md: the thing to touch is ringed in #e8590c)
and without writing (the player mirrors a touch picture in right-to-left languages,
which would show digits backwards), and the target rectangles those highlights
marked, for the lesson's `targets`.

    .venv/bin/python scripts/practice_picture.py SOURCE.svg PRACTICE.svg

prints one `{ x = …, y = …, width = …, height = … }` per orange ring (rect or circle),
in the SVG's viewBox units. Arrows and other orange shapes are removed and not counted.
In the player the targets pulse orange after the second wrong touch (docs/pack-format.md).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

SVG_NS = "http://www.w3.org/2000/svg"
HIGHLIGHTS = {"#e8590c"}
FINGER = {"#f2c29b", "#fbe3d0"}   # the pointing finger of scripts/draw_phone_basics.py


def _colours(element: ET.Element) -> set[str]:
    return {element.get(name, "").lower() for name in ("fill", "stroke")}


def _number(element: ET.Element, name: str) -> float:
    return float(element.get(name, "0"))


def target_of(element: ET.Element) -> tuple[float, float, float, float] | None:
    """The rectangle a ring encloses, or None for a shape that is not a ring."""
    tag = element.tag.rsplit("}", 1)[-1]
    if element.get("fill", "").lower() != "none" or element.get("transform"):
        return None
    if tag == "rect":
        return (_number(element, "x"), _number(element, "y"),
                _number(element, "width"), _number(element, "height"))
    if tag == "circle":
        cx, cy, r = (_number(element, k) for k in ("cx", "cy", "r"))
        return (cx - r, cy - r, 2 * r, 2 * r)
    return None


def without_highlights(svg: str) -> tuple[str, list[tuple[float, float, float, float]]]:
    """The SVG without its orange highlights, pointing finger and writing, and the rings' rectangles."""
    ET.register_namespace("", SVG_NS)
    root = ET.fromstring(svg)
    targets: list[tuple[float, float, float, float]] = []
    for parent in list(root.iter()):
        for child in list(parent):
            colours = _colours(child)
            if colours & HIGHLIGHTS:
                box = target_of(child)
                if box is not None:
                    targets.append(box)
                parent.remove(child)
            elif colours & FINGER or child.tag == f"{{{SVG_NS}}}text":
                parent.remove(child)
    text = ET.tostring(root, encoding="unicode").replace("><", ">\n<")
    return text + "\n", targets


def _toml(box: tuple[float, float, float, float]) -> str:
    def n(value: float) -> str:
        return f"{value:.1f}".rstrip("0").rstrip(".")
    x, y, w, h = box
    return f"  {{ x = {n(x)}, y = {n(y)}, width = {n(w)}, height = {n(h)} }},"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    source, destination = Path(argv[0]), Path(argv[1])
    text, targets = without_highlights(source.read_text(encoding="utf-8"))
    destination.write_text(text, encoding="utf-8")
    for box in targets:
        print(_toml(box))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
