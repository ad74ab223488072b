"""Shared tools of the pack readers: the problem report, TOML sources and field checks.

Readers never raise on a trainer's mistake: they note a `Problem` in the `Report`
and go on, so one run of `coach pack check` lists every mistake at once.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from coach.domain.problems import Problem, Severity
from coach.packs.locator import TomlLocator

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)\s*$")
_TOML_HINTS = (
    ("Illegal character '\\n'", "; a text in quotes must end with a quote on the same line"),
    ("Cannot overwrite a value", "; the same field is written twice"),
    ("Cannot declare", "; the same table is written twice"),
    ("Invalid value", '; write texts in "quotes", numbers as digits, lists in [brackets]'),
    ("Expected '=' after a key", '; write each field as name = value'),
)


@dataclass
class Report:
    """The problems found in one pack; files are named `location/inside/the/pack`."""

    location: str
    problems: list[Problem] = field(default_factory=list)

    def path(self, relative_path: str) -> str:
        """The file as the user sees it: the location they gave joined with the pack path."""
        if not relative_path:
            return self.location
        return f"{self.location.rstrip('/')}/{relative_path}"

    def add(self, severity: Severity, relative_path: str, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.path(relative_path), line, severity, message))

    def error(self, relative_path: str, line: int | None, message: str) -> None:
        self.add(Severity.ERROR, relative_path, line, message)

    def warning(self, relative_path: str, line: int | None, message: str) -> None:
        self.add(Severity.WARNING, relative_path, line, message)

    @property
    def has_errors(self) -> bool:
        return any(problem.is_error for problem in self.problems)


@dataclass
class TomlSource:
    """One parsed TOML file of a pack, with a locator for the line of each key."""

    relative_path: str
    data: dict[str, Any]
    locator: TomlLocator

    def line(self, key_path: str) -> int:
        """The line of `key_path`, or of its table, or 1 for the file as a whole."""
        return self.locator.line_of(key_path) or 1


def read_toml(raw: bytes, relative_path: str, report: Report) -> TomlSource | None:
    """Parse `raw`; on bad encoding or bad syntax note an error and return None."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        report.error(relative_path, line, "the file is not UTF-8 text; save it as UTF-8")
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line = text.count("\n") + 1
        column = ""
        position = _TOML_POSITION.search(message)
        if position:
            line, column = int(position.group(1)), f" (column {position.group(2)})"
        message = _TOML_AT_END.sub("", _TOML_POSITION.sub("", message))
        hint = next((h for start, h in _TOML_HINTS if message.startswith(start)), "")
        report.error(relative_path, line, f"bad TOML syntax: {message[:1].lower()}{message[1:]}{column}{hint}")
        return None
    return TomlSource(relative_path, data, TomlLocator(text))


@dataclass(frozen=True)
class Field:
    """A field a table may hold: its value kind and whether it must be there."""

    kind: str
    """"text", "integer", "texts" (list of texts), "table", "tables" or "any"."""
    required: bool = False


_EXPECTED = {
    "text": "a text in quotes",
    "integer": "a whole number",
    "texts": "a list of texts in quotes",
    "table": "a table",
    "tables": "a list of tables",
}


def describe_value(value: Any) -> str:
    """What a TOML value is, in a trainer's words."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "a date"


def _has_kind(value: Any, kind: str) -> bool:
    if kind == "text":
        return isinstance(value, str)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "texts":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if kind == "table":
        return isinstance(value, dict)
    if kind == "tables":
        return isinstance(value, list) and all(isinstance(item, dict) for item in value)
    return True


def check_fields(
    table: Mapping[str, Any],
    fields: Mapping[str, Field],
    source: TomlSource,
    prefix: str,
    owner: str,
    report: Report,
) -> dict[str, Any]:
    """Report unknown, missing, mistyped and empty fields; return the usable ones.

    `prefix` is the table's key path ("steps[2]", or "" for the file's top level)
    and `owner` names it in messages ("the manifest", 'step "open"').
    """
    usable: dict[str, Any] = {}
    where = (lambda key: f"{prefix}.{key}") if prefix else (lambda key: key)
    for key, value in table.items():
        spec = fields.get(key)
        line = source.line(where(key))
        if spec is None:
            close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.7)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            report.error(source.relative_path, line, f'{owner} has an unknown field "{key}"{hint}')
        elif not _has_kind(value, spec.kind):
            report.error(
                source.relative_path, line,
                f"{owner}: {key} must be {_EXPECTED[spec.kind]}, not {describe_value(value)}",
            )
        elif spec.required and isinstance(value, (str, list, dict)) and len(value) == 0:
            report.error(source.relative_path, line, f"{owner}: {key} is empty")
        else:
            usable[key] = value
    for key, spec in fields.items():
        if spec.required and key not in table:
            report.error(source.relative_path, source.line(prefix) if prefix else 1, f"{owner} has no {key}")
    return usable


def check_id(value: str, source: TomlSource, key_path: str, what: str, report: Report) -> None:
    """Ids are lowercase letters, digits and single "-" between them."""
    if not ID_PATTERN.match(value):
        report.error(
            source.relative_path, source.line(key_path),
            f'{what} id "{value}" must use only lowercase letters, digits and "-" (like "log-in")',
        )
