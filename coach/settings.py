"""The desk's display settings, kept as JSON in the config folder.

A damaged file never stops Coach: it is set aside as settings.json.bad and the
defaults are used, so nothing the worker set is silently overwritten.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from coach.i18n.languages import is_known

log = logging.getLogger(__name__)

TEXT_SCALES: tuple[int, ...] = (100, 125, 150, 175, 200)
DESK_TEXT_LIMIT = 400
"""At most this many characters in the desk's name, address or opening hours (they go on every sheet)."""


@dataclass(frozen=True)
class Settings:
    """What the desk chose: languages, text size, contrast, speech, records, and the desk itself."""

    client_language: str = ""
    """The client's language for this run only (`coach --lang`, `coach screenshot`); never saved.

    Each visit is a new client: Coach opens on the language picker, in `desk_language`.
    """
    desk_language: str = "fr"
    """The desk's own language: the picker and the library speak it until a client chooses."""
    worker_language: str = "fr"
    show_worker_text: bool = False
    text_scale: int = 100
    high_contrast: bool = False
    auto_read: bool = True
    """Read each step aloud when it appears (clients who cannot read rely on it)."""
    voice_with_screen_reader: bool = False
    """With a screen reader running, Coach's voice still reads each step as it appears (the
    screen reader then hears only the step's number); by default the screen reader reads it."""
    slow_speech: bool = False
    worker_name: str = ""
    """The worker at this desk, remembered for the next unlock."""
    lock_after_minutes: int = 5
    """Lock the records after this many minutes without input (0: never)."""
    retention_months: int = 12
    """Clients with no visit for this long are anonymised."""
    desk_country: str = ""
    """ISO 3166 code ("FR", "CH") choosing the pack links shown; empty: only links for everyone."""
    desk_name: str = ""
    desk_address: str = ""
    """The desk's address as it goes on take-home sheets, one line per line."""
    desk_hours: str = ""
    """Opening hours as the desk writes them ("Monday to Friday, 9:00-12:00")."""

    def with_scale_step(self, direction: int) -> Settings:
        """One step bigger (+1) or smaller (-1) on the 100–200 % scale."""
        index = min(range(len(TEXT_SCALES)), key=lambda i: abs(TEXT_SCALES[i] - self.text_scale))
        index = max(0, min(len(TEXT_SCALES) - 1, index + direction))
        return replace(self, text_scale=TEXT_SCALES[index])


def load_settings(path: Path) -> Settings:
    """The settings in `path`, or the defaults when it is missing or damaged."""
    return read_settings(path)[0]


def read_settings(path: Path) -> tuple[Settings, Path | None]:
    """The settings, and where a damaged file was set aside (None when it was sound or missing).

    The window tells the worker about a damaged file: what they chose is not lost, it is
    kept beside, and the defaults are used meanwhile.
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not a JSON object")
    except FileNotFoundError:
        return Settings(), None
    except (OSError, ValueError) as exc:
        log.warning("settings file %s is damaged (%s); using defaults", path, exc)
        return Settings(), _set_aside(path)
    return _from_raw(raw, path), None


def _from_raw(raw: dict, path: Path) -> Settings:
    defaults = Settings()
    values: dict[str, Any] = {}
    for name in (f.name for f in fields(Settings)):
        if name in NOT_SAVED:
            continue
        value = raw.get(name)
        expected = type(getattr(defaults, name))
        # bool is an int in Python: a `true` text size is as wrong as a string one.
        if type(value) is expected and _acceptable(name, value):
            values[name] = value
        elif name in raw:
            log.warning("settings file %s: ignoring %s=%r", path, name, value)
    settings = replace(defaults, **values)
    if settings.text_scale not in TEXT_SCALES:
        settings = replace(settings, text_scale=min(TEXT_SCALES, key=lambda s: abs(s - settings.text_scale)))
    return settings


def _acceptable(name: str, value: object) -> bool:
    """Language fields must name a language Coach knows (the client's may be empty)."""
    if name == "client_language" and value == "":
        return True
    if name.endswith("_language"):
        return isinstance(value, str) and value.isascii() and is_known(value)
    if name == "lock_after_minutes":
        return isinstance(value, int) and 0 <= value <= 240
    if name == "retention_months":
        return isinstance(value, int) and 1 <= value <= 120
    if name == "desk_country":
        # Two capital letters; which codes exist is checked where a country is picked (Babel
        # is not loaded at start for it). A code no pack names simply shows the links for everyone.
        return isinstance(value, str) and (value == "" or (len(value) == 2 and value.isascii() and value.isupper()))
    if name.startswith("desk_"):
        return isinstance(value, str) and len(value) <= DESK_TEXT_LIMIT
    return True


NOT_SAVED = frozenset({"client_language"})
"""Per-visit choices: the next client never lands in the previous client's language."""


def save_settings(path: Path, settings: Settings) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            saved = {name: value for name, value in asdict(settings).items() if name not in NOT_SAVED}
            json.dump(saved, out, indent=2, ensure_ascii=False)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _set_aside(path: Path) -> Path:
    aside = path.with_name(path.name + ".bad")
    try:
        os.replace(path, aside)
    except OSError:
        return path
    return aside
