"""What the pack readers note as they read, for the later checks and `coach pack extract`.

Kept apart from the readers (manifest.py, lessons.py): a pack taken from the cache at
start-up needs a `Sources` without loading the TOML reader and the checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from coach.domain.pack import Text

if TYPE_CHECKING:
    from coach.packs.fields import TomlSource


@dataclass(frozen=True)
class TextSource:
    """Where a pack text was written: its file inside the pack and line."""

    text: Text
    file: str
    line: int
    client_facing: bool
    """Shown to the client, so held to the Easy-to-Read limits."""


@dataclass(frozen=True)
class FileRef:
    """A file a pack refers to (a picture, an icon, a recording) and where it does."""

    path: str
    file: str
    line: int
    what: str
    """"picture", "icon" or "audio": what the file must be."""


@dataclass
class Sources:
    """What the readers noted for the later checks: texts, file references, skill uses."""

    texts: list[TextSource] = field(default_factory=list)
    refs: list[FileRef] = field(default_factory=list)
    skill_uses: list[tuple[str, str, int]] = field(default_factory=list)
    """(skill id, file, line) for each skill a lesson names."""
    id_lines: dict[str, int] = field(default_factory=dict)
    """The line of each file's top-level `id` (pack.toml, lessons/x.toml)."""
    field_lines: dict[str, tuple[str, int]] = field(default_factory=dict)
    """(file, line) of fields checked after reading, by text context ("lesson/x/step/y/targets")."""
    cut_short: bool = False
    """A bound was hit (too many lesson files, steps or skills) and the rest was not read: the
    catalogs are not compared with what was read (every other text would look obsolete)."""

    def text(self, context: str, value: Any, source: TomlSource, key_path: str, client: bool) -> Text:
        text = Text(context, value if isinstance(value, str) else "")
        self.texts.append(TextSource(text, source.relative_path, source.line(key_path), client))
        return text
