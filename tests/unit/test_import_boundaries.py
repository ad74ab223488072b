"""Qt stays in coach/ui: every other module imports where PySide6 cannot."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import coach

PACKAGE_DIR = Path(coach.__file__).resolve().parent

# Run in a fresh interpreter whose import system refuses PySide6 and shiboken6.
_PROBE = r"""
import importlib, importlib.abc, sys

class RefuseQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"{name} imported outside coach.ui")
        return None

sys.meta_path.insert(0, RefuseQt())
failures = []
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except Exception as exc:
        failures.append(f"{name}: {exc}")
print("\n".join(failures))
sys.exit(1 if failures else 0)
"""


def non_ui_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
        if "ui" in parts[:2] or parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_no_module_outside_ui_imports_pyside6() -> None:
    """Every coach module outside coach.ui imports with PySide6 made unimportable."""
    modules = non_ui_modules()
    assert "coach.domain.pack" in modules and "coach.cli" in modules
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *modules], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_probe_does_catch_a_qt_import() -> None:
    """The refusing import hook really fails a module that imports PySide6."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, "coach.ui.app"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "imported outside coach.ui" in result.stdout
