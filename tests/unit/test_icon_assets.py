"""The interface icons pass the SVG safety check: checked here, once, not at each start.

coach/ui/icons.py draws Coach's own icons (assets/icons) without the check that every
pack picture passes; this test is what lets it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.packs.svg_safety import is_safe_svg, svg_problem
from coach.paths import assets_dir

ICONS = sorted((assets_dir() / "icons").glob("*.svg"))


def test_there_are_icons_to_check() -> None:
    assert len(ICONS) >= 20


@pytest.mark.parametrize("path", ICONS, ids=lambda path: path.name)
def test_each_icon_is_a_safe_self_contained_svg(path: Path) -> None:
    data = path.read_bytes()
    assert is_safe_svg(data), f"{path.name}: {svg_problem(data)}"
