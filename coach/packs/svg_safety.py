"""Is an SVG picture self-contained? Nothing it names may be opened outside the pack.

An SVG can point outside itself: `<image href="/abs/file.png">`, `xlink:href` to a file
or a web address, `url(http://…)` in a style, `@import`, entities from a DTD. Qt would
open some of those. A pack picture is accepted only when its root is `<svg>` (in the SVG
namespace, or none), it has no DOCTYPE (so no entities), and every reference it holds is
internal (`#id`) or an embedded `data:image/…`. Depth and element count are bounded so a
hostile file cannot exhaust the renderer. No Qt here: `coach pack check` and the window
use the same rule.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from functools import lru_cache

from coach.domain.problems import Value
from coach.i18n.ui_strings import N_

SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"
MAX_DEPTH = 64
MAX_ELEMENTS = 50_000
_SHOWN = 80
"""At most this many characters of a reference are quoted in a message."""
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.IGNORECASE)
_IMPORT = re.compile(r"@import", re.IGNORECASE)
_FOREIGN = {"script", "foreignObject"}


@dataclass(frozen=True)
class SvgProblem:
    """Why an SVG is refused: a message template (with {what} and {path}) and its values."""

    template: str
    params: dict[str, Value] = field(default_factory=dict)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _internal(reference: str) -> bool:
    reference = reference.strip()
    return reference.startswith("#") or reference.lower().startswith("data:image/")


def _outside(reference: str) -> SvgProblem:
    shown = reference.strip()
    shown = shown if len(shown) <= _SHOWN else shown[:_SHOWN] + "…"
    # Translators: {reference} is a file path or web address written inside an SVG picture.
    return SvgProblem(N_('{what} "{path}" refers to something outside the pack ({reference}); '
                         'embed it or remove it'), {"reference": shown})


def _style_problem(text: str) -> SvgProblem | None:
    if _IMPORT.search(text):
        return _outside("@import")
    for match in _URL.finditer(text):
        if not _internal(match.group(1)):
            return _outside(match.group(1) or "url()")
    return None


def _element_problem(element: ElementTree.Element) -> SvgProblem | None:
    name = _local(element.tag)
    if name in _FOREIGN:
        # Translators: {element} is an SVG element name such as "script" or "foreignObject".
        return SvgProblem(N_('{what} "{path}" holds a <{element}> element, which a lesson picture may not have'),
                          {"element": name})
    for attribute, value in element.attrib.items():
        if _local(attribute) == "href" and not _internal(value):
            return _outside(value)
        if "url(" in value.lower() or "@import" in value.lower():
            found = _style_problem(value)
            if found is not None:
                return found
    if name == "style" and element.text:
        return _style_problem(element.text)
    return None


def svg_problem(data: bytes) -> SvgProblem | None:
    """None for a well-formed, self-contained SVG picture, else why it is refused."""
    if _DTD.search(data):
        return SvgProblem(N_('{what} "{path}" has a DOCTYPE or entities; save it as a plain SVG file'))
    depth = elements = 0
    root: ElementTree.Element | None = None
    try:
        for event, element in ElementTree.iterparse(io.BytesIO(data), events=("start", "end")):
            if event == "end":
                depth -= 1
                found = _element_problem(element)
                if found is not None:
                    return found
                if depth > 0:
                    element.clear()  # keep memory flat on big files (the root stays whole)
                continue
            if root is None:
                root = element
                if element.tag not in (SVG_NAMESPACE + "svg", "svg"):
                    return SvgProblem(N_('{what} "{path}" is not an SVG picture (its main element is not <svg>)'))
            depth += 1
            elements += 1
            if depth > MAX_DEPTH or elements > MAX_ELEMENTS:
                # Translators: {depth} and {count} are the limits on nesting and on the number of elements.
                return SvgProblem(N_('{what} "{path}" nests more than {depth} levels or has more than {count} '
                                     'elements: far too complex for a lesson picture'),
                                  {"depth": MAX_DEPTH, "count": MAX_ELEMENTS})
    except ElementTree.ParseError as exc:
        # Translators: {error} is the XML reader's description of the mistake, in English.
        return SvgProblem(N_('{what} "{path}" is not a well-formed SVG file ({error})'), {"error": str(exc)[:200]})
    return None


@lru_cache(maxsize=256)
def is_safe_svg(data: bytes) -> bool:
    """True when the window may hand `data` to Qt's SVG renderer (see svg_problem)."""
    return svg_problem(data) is None
