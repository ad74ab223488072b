"""Problems found in a pack, printed as `file:line: severity: message`.

A problem keeps its message as an English *template* with `{named}` placeholders and
the values to put in them (`params`), not as finished text, so it can be shown in
the reader's language at the moment it is shown:

    problem = Problem.create("pack.toml", 3, Severity.ERROR,
                             N_('unknown skill "{skill}": declare it in pack.toml under [[skills]]'),
                             skill="sms")
    str(problem)                       # English, as `coach pack check` always printed it
    problem.render(catalog.gettext)    # the same line in the catalog's language

A value is data (an id, a file name, a number) and is never translated, or a `Phrase`:
a smaller translatable piece ('step "{step}"', "a whole number") rendered with the
same catalog. The templates are marked with `N_` where they are written, so
`pybabel extract` lists them in locales/coach.pot.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Union

Gettext = Callable[[str], str]

Value = Union[str, int, float, "Phrase"]
"""A placeholder's value: data, kept as it is, or a Phrase, translated too."""
Params = tuple[tuple[str, Value], ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


def _english(message: str) -> str:
    return message


def N_(message: str) -> str:
    """Mark `message` for extraction (as coach.i18n.ui_strings.N_; the domain imports no i18n)."""
    return message


SEVERITY_WORDS = {
    # Translators: the severity word in a problem line, "file:line: error: message".
    Severity.ERROR: N_("error"),
    # Translators: the severity word in a problem line, "file:line: warning: message".
    Severity.WARNING: N_("warning"),
}


def _fill(template: str, params: Params, gettext: Gettext) -> str:
    """`gettext(template)` with each placeholder replaced; Phrases are translated in turn.

    A translation whose placeholders do not fit (a translator's slip) falls back to the
    English template rather than failing: the problem must still be shown.
    """
    values = {name: value.render(gettext) if isinstance(value, Phrase) else value for name, value in params}
    translated = gettext(template)
    if translated != template:
        try:
            return translated.format(**values)
        except (KeyError, IndexError, ValueError, AttributeError):
            pass
    return template.format(**values)


def _params(values: dict[str, Value]) -> Params:
    return tuple(values.items())


def placeholder_names(template: str) -> set[str]:
    """The names of the placeholders of `template`: 'step "{step}" has no {field}' -> {"step", "field"}."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@dataclass(frozen=True)
class Phrase:
    """A translatable piece of a message: an English template and its values."""

    template: str
    params: Params = ()

    @classmethod
    def create(cls, template: str, /, **params: Value) -> Phrase:
        return cls(template, _params(params))

    def render(self, gettext: Gettext = _english) -> str:
        return _fill(self.template, self.params, gettext)

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Problem:
    """One problem in one file; `line` is None where the file format has no lines.

    `template` is the English message with `{named}` placeholders and `params` their
    values, as (name, value) pairs. `message` is the English text.
    """

    file: str
    line: int | None
    severity: Severity
    template: str
    params: Params = ()

    @classmethod
    def create(cls, file: str, line: int | None, severity: Severity, template: str, /,
               **params: Value) -> Problem:
        """Problem(file, line, severity, template, params) with the params given by name."""
        return cls(file, line, severity, template, _params(params))

    @property
    def message(self) -> str:
        """The message in English."""
        return _fill(self.template, self.params, _english)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, str]:
        """Order by file, then line (file-level problems first), then message."""
        return (self.file, self.line or 0, self.message)

    def render(self, gettext: Gettext = _english) -> str:
        """`file:line: severity: message`, with the severity word and the message translated by `gettext`."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        severity = gettext(SEVERITY_WORDS[self.severity])
        return f"{where}: {severity}: {_fill(self.template, self.params, gettext)}"

    def __str__(self) -> str:
        return self.render()
