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

from coach.domain.problems import Phrase, Problem, Severity, Value
from coach.i18n.ui_strings import N_
from coach.packs.locator import TomlLocator

MAX_TOML_BYTES = 1024 * 1024
"""The largest pack.toml or lesson file read (the built-in packs' largest is 3.4 KB; 200 long
steps fit in a quarter of it): Python's TOML parser takes about a second per MB, so a bigger
file is refused before it is parsed."""
from coach.packs.bounded_zip import printable

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)\s*$")
_TOML_HINTS = (
    # Translators: a hint after "bad TOML syntax: ..." in a lesson pack's file.
    ("Illegal character '\\n'", N_("a text in quotes must end with a quote on the same line")),
    ("Cannot overwrite a value", N_("the same field is written twice")),
    ("Cannot declare", N_("the same table is written twice")),
    ("Invalid value", N_('write texts in "quotes", numbers as digits, lists in [brackets]')),
    ("Expected '=' after a key", N_("write each field as name = value")),
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

    def add(self, severity: Severity, relative_path: str, line: int | None, template: str, /,
            **params: Value) -> None:
        """Note a problem: `template` is an English message marked with N_, `params` its values."""
        self.problems.append(Problem.create(self.path(relative_path), line, severity, template, **params))

    def error(self, relative_path: str, line: int | None, template: str, /, **params: Value) -> None:
        self.add(Severity.ERROR, relative_path, line, template, **params)

    def warning(self, relative_path: str, line: int | None, template: str, /, **params: Value) -> None:
        self.add(Severity.WARNING, relative_path, line, template, **params)

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
    """Parse `raw`; on bad encoding or bad syntax, or a file over MAX_TOML_BYTES, note an error and return None."""
    if len(raw) > MAX_TOML_BYTES:
        report.error(relative_path, None,
                     # Translators: {size} and {limit} are sizes in KiB (1024 bytes), such as 4096 and 1024.
                     N_("the file is {size} KiB; a lesson pack's TOML file is at most {limit} KiB"),
                     size=-(-len(raw) // 1024), limit=MAX_TOML_BYTES // 1024)
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        report.error(relative_path, line, N_("the file is not UTF-8 text; save it as UTF-8"))
        return None
    try:
        data = tomllib.loads(text)
    except (RecursionError, MemoryError):
        # Translators: a TOML file whose lists or tables are nested thousands deep.
        report.error(relative_path, None, N_("the file nests lists or tables far too deep to be a lesson pack"))
        return None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line = text.count("\n") + 1
        column = None
        position = _TOML_POSITION.search(message)
        if position:
            line, column = int(position.group(1)), int(position.group(2))
        message = _TOML_AT_END.sub("", _TOML_POSITION.sub("", message))
        hint = next((h for start, h in _TOML_HINTS if message.startswith(start)), None)
        # Python's own description of the mistake, in English: data, not translated.
        detail = f"{message[:1].lower()}{message[1:]}"
        if column is not None and hint is not None:
            # Translators: {detail} is Python's description of the mistake, in English; {hint} a hint.
            report.error(relative_path, line, N_("bad TOML syntax: {detail} (column {column}); {hint}"),
                         detail=detail, column=column, hint=Phrase(hint))
        elif column is not None:
            report.error(relative_path, line, N_("bad TOML syntax: {detail} (column {column})"),
                         detail=detail, column=column)
        elif hint is not None:
            report.error(relative_path, line, N_("bad TOML syntax: {detail}; {hint}"), detail=detail, hint=Phrase(hint))
        else:
            report.error(relative_path, line, N_("bad TOML syntax: {detail}"), detail=detail)
        return None
    return TomlSource(relative_path, data, TomlLocator(text))


@dataclass(frozen=True)
class Field:
    """A field a table may hold: its value kind and whether it must be there."""

    kind: str
    """"text", "integer", "number", "boolean", "texts" (list of texts), "table", "tables" or "any"."""
    required: bool = False


# Translators: the kinds of value a field of a lesson pack may hold, in
# "{owner}: {field} must be {expected}, not {found}".
_EXPECTED = {
    "text": N_("a text in quotes"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "boolean": N_("true or false"),
    "texts": N_("a list of texts in quotes"),
    "table": N_("a table"),
    "tables": N_("a list of tables"),
}


def describe_value(value: Any) -> str:
    """What a TOML value is, in a trainer's words (an English msgid: translate at display)."""
    if isinstance(value, bool):
        return N_("true/false")
    if isinstance(value, str):
        return N_("a text")
    if isinstance(value, (int, float)):
        return N_("a number")
    if isinstance(value, list):
        return N_("a list")
    if isinstance(value, dict):
        return N_("a table")
    return N_("a date")


def _has_kind(value: Any, kind: str) -> bool:
    if kind == "text":
        return isinstance(value, str)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
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
    owner: Phrase,
    report: Report,
) -> dict[str, Any]:
    """Report unknown, missing, mistyped and empty fields; return the usable ones.

    `prefix` is the table's key path ("steps[2]", or "" for the file's top level)
    and `owner` names it in messages (`owner_phrase`: "the manifest", 'step "open"').
    """
    usable: dict[str, Any] = {}
    where = (lambda key: f"{prefix}.{key}") if prefix else (lambda key: key)
    for key, value in table.items():
        spec = fields.get(key)
        line = source.line(where(key))
        if spec is None:
            shown = printable(key, 80)  # a 10 MB name is not echoed whole, nor a control character
            close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.7) if len(key) < 200 else []
            if close:
                report.error(
                    source.relative_path, line,
                    # Translators: {owner} is what holds the field ("the manifest", 'step "open"');
                    # {field} and {suggestion} are field names, as written in the file.
                    N_('{owner} has an unknown field "{field}" (did you mean "{suggestion}"?)'),
                    owner=owner, field=shown, suggestion=close[0],
                )
            else:
                # Translators: {owner} is what holds the field ("the manifest", 'step "open"').
                report.error(source.relative_path, line, N_('{owner} has an unknown field "{field}"'),
                             owner=owner, field=shown)
        elif not _has_kind(value, spec.kind):
            # Translators: {field} is a field name; {expected} and {found} are kinds of value
            # ("a whole number", "a text").
            report.error(source.relative_path, line, N_("{owner}: {field} must be {expected}, not {found}"),
                         owner=owner, field=key, expected=Phrase(_EXPECTED[spec.kind]),
                         found=Phrase(describe_value(value)))
        elif spec.required and isinstance(value, (str, list, dict)) and len(value) == 0:
            report.error(source.relative_path, line, N_("{owner}: {field} is empty"), owner=owner, field=key)
        else:
            usable[key] = value
    for key, spec in fields.items():
        if spec.required and key not in table:
            # Translators: {field} is a field name as written in the file ("title", "picture_description").
            report.error(source.relative_path, source.line(prefix) if prefix else 1, N_("{owner} has no {field}"),
                         owner=owner, field=key)
    return usable


_ID_RULES = {
    "pack": N_('pack id "{id}" must use only lowercase letters, digits and "-" (like "log-in")'),
    "skill": N_('skill id "{id}" must use only lowercase letters, digits and "-" (like "log-in")'),
    "lesson": N_('lesson id "{id}" must use only lowercase letters, digits and "-" (like "log-in")'),
    "step": N_('step id "{id}" must use only lowercase letters, digits and "-" (like "log-in")'),
}


def check_id(value: str, source: TomlSource, key_path: str, what: str, report: Report) -> None:
    """Ids are lowercase letters, digits and single "-" between them; `what` is "pack", "skill"..."""
    if not ID_PATTERN.match(value):
        report.error(source.relative_path, source.line(key_path), _ID_RULES[what], id=value)


# Translators: the file pack.toml, as {owner} in messages about its fields.
THE_MANIFEST = Phrase(N_("the manifest"))
# Translators: a lesson file, as {owner} in messages about its fields.
THE_LESSON = Phrase(N_("the lesson"))
