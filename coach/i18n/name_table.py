"""A small on-disk table of CLDR facts about the supported languages.

Loading Babel and its CLDR data for four locales costs about 50 ms at every start,
for a handful of names that only change with Babel. The first start computes the
table (own name, English name, direction, and every supported language's name in
every other) and keeps it as JSON in the cache folder; later starts read it in well
under a millisecond. A missing, damaged or outdated file is simply rebuilt.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import Any

FORMAT = 1


def babel_version() -> str:
    """Identifies the installed Babel without importing it (or importlib.metadata, 15 ms)."""
    spec = find_spec("babel")
    if spec is None or not spec.origin:
        return "missing"
    try:
        stat = os.stat(spec.origin)
    except OSError:
        return "unknown"
    return f"{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}"


def load_table(path: Path, tags: Sequence[str]) -> dict[str, Any] | None:
    """The table at `path` if it was built for these tags and this Babel, else None."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    if data.get("format") != FORMAT or data.get("babel") != babel_version() or data.get("tags") != list(tags):
        return None
    if not isinstance(data.get("languages"), dict) or not isinstance(data.get("names"), dict):
        return None
    return data


def build_table(tags: Sequence[str], describe, names_in) -> dict[str, Any]:
    """Compute the table with `describe(tag) -> (endonym, english, rtl)` and `names_in(tag) -> {tag: name}`."""
    return {
        "format": FORMAT,
        "babel": babel_version(),
        "tags": list(tags),
        "languages": {tag: list(describe(tag)) for tag in tags},
        "names": {reader: names_in(reader) for reader in tags},
    }


def save_table(path: Path, table: dict[str, Any]) -> None:
    """Write atomically; a cache that cannot be written is only a slower next start."""
    import tempfile  # here, not at the top: with shutil, bz2, lzma and random, for a rare write

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".languages-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(table, out, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError as exc:
        import logging

        logging.getLogger(__name__).info("cannot write the language table %s: %s", path, exc)
