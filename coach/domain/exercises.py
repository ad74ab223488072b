"""Practice exercises as plain values, and the rules that judge an answer.

Five kinds, each a step kind (see coach.domain.steps): touch the right place, choose
the right picture or message, type it in, the code arrives by SMS, put the steps in
order. The player shows them; this module only says what is right. Practice answers
are never kept: only what the client did (tries, hints) leaves the exercise.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from coach.domain.pack import Text


@dataclass(frozen=True)
class Area:
    """A rectangle in the picture's own units (pixels; for SVG, viewBox units)."""

    x: float
    y: float
    width: float
    height: float

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px <= self.x + self.width and self.y <= py <= self.y + self.height

    def mirrored(self, picture_width: float) -> Area:
        """The same area in the picture flipped left to right (right-to-left languages)."""
        return Area(picture_width - self.x - self.width, self.y, self.width, self.height)

    def inside(self, width: float, height: float) -> bool:
        return (self.width > 0 and self.height > 0 and self.x >= 0 and self.y >= 0
                and self.x + self.width <= width and self.y + self.height <= height)


@dataclass(frozen=True)
class TouchExercise:
    """Touch one of `targets` on the step's picture."""

    targets: tuple[Area, ...]
    hint: Text
    mirror: bool = True
    """Flip the picture and its targets for right-to-left languages."""

    def is_right(self, px: float, py: float, picture_width: float, rtl: bool) -> bool:
        return any(area.contains(px, py) for area in self.shown_targets(picture_width, rtl))

    def shown_targets(self, picture_width: float, rtl: bool) -> tuple[Area, ...]:
        if rtl and self.mirror:
            return tuple(area.mirrored(picture_width) for area in self.targets)
        return self.targets


@dataclass(frozen=True)
class Choice:
    """One choice: a short text (such as an SMS), a picture, or both."""

    text: Text | None
    picture: str
    picture_description: Text | None
    right: bool
    hint: Text | None = None
    """Said when this wrong choice is picked, instead of the exercise's hint."""


@dataclass(frozen=True)
class ChooseExercise:
    """Pick a right choice among 2 to 4; any right choice solves it."""

    choices: tuple[Choice, ...]
    hint: Text
    on_phone: bool = False
    """Show text choices as messages on the simulated phone."""

    def hint_for(self, index: int) -> Text:
        return self.choices[index].hint or self.hint


class Rule:
    """The rules a practice field can check (a field's `rule`)."""

    TEXT = "text"
    NAME = "name"
    EMAIL = "email"
    DATE = "date"
    PHONE = "phone"
    NUMBER = "number"
    CODE = "code"
    PASSWORD = "password"
    ALL = (TEXT, NAME, EMAIL, DATE, PHONE, NUMBER, CODE, PASSWORD)


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_NAME_SEPARATORS = re.compile(r"[ '’-]")
_JOINERS = {"\u200c", "\u200d"}  # Persian and Indic names join or part letters with these


def _name_ok(value: str) -> bool:
    """Words of letters, each starting with a letter, with their vowel signs and accents kept."""
    words = _NAME_SEPARATORS.split(value)
    return all(
        word and unicodedata.category(word[0]).startswith("L")
        and all(unicodedata.category(c)[0] in "LM" or c in _JOINERS for c in word[1:])
        for word in words)


_PHONE = re.compile(r"^\+?[0-9]{6,15}$")
# Day, month, year parted by / . - or spaces: the lessons teach "05 03 1980", as forms with 3 boxes show it.
_DATE = re.compile(r"^(\d{1,2})(?:\s*[/.\-]\s*|\s+)(\d{1,2})(?:\s*[/.\-]\s*|\s+)(\d{4})$")


@dataclass(frozen=True)
class FormField:
    """One field of a practice form, checked by `rule` (and `pattern`, when given)."""

    id: str
    label: Text
    rule: str
    hint: Text
    pattern: str = ""
    """A regular expression the whole answer must match (Python syntax)."""
    minimum: int | None = None
    """For "number": the smallest number; for "text", "name", "code": the fewest characters."""
    maximum: int | None = None
    min_strength: int = 3
    """For "password": the strength needed, 1 (weak) to 4 (very strong)."""

    def accepts(self, answer: str) -> bool:
        """True when `answer` (spaces around it ignored) passes the rule and the pattern."""
        value = answer.strip()
        if not value:
            return False
        if self.pattern and re.fullmatch(self.pattern, value) is None:
            return False
        return _RULES[self.rule](self, value)


def _length_ok(field: FormField, value: str) -> bool:
    return ((field.minimum is None or len(value) >= field.minimum)
            and (field.maximum is None or len(value) <= field.maximum))


def _number_ok(field: FormField, value: str) -> bool:
    if not value.isdecimal():
        return False
    number = int(value)
    return (field.minimum is None or number >= field.minimum) and (field.maximum is None or number <= field.maximum)


def _date_ok(_field: FormField, value: str) -> bool:
    """A day/month/year date (12/03/1980, 12.03.1980, 12-03-1980, 12 03 1980) that exists, not in the future."""
    match = _DATE.match(value)
    if match is None:
        return False
    day, month, year = (int(part) for part in match.groups())
    try:
        when = date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year and when <= date.today()


_RULES = {
    Rule.TEXT: _length_ok,
    Rule.NAME: lambda f, v: _name_ok(v) and _length_ok(f, v),
    Rule.EMAIL: lambda f, v: _EMAIL.match(v) is not None,
    Rule.DATE: _date_ok,
    Rule.PHONE: lambda f, v: _PHONE.match(v.replace(" ", "").replace(".", "")) is not None,
    Rule.NUMBER: _number_ok,
    Rule.CODE: lambda f, v: v.isdecimal() and _length_ok(f, v),
    Rule.PASSWORD: lambda f, v: password_strength(v) >= f.min_strength,
}
assert set(_RULES) == set(Rule.ALL)


class Strength(IntEnum):
    """A password's strength, as the meter shows it."""

    TOO_WEAK = 0
    WEAK = 1
    MEDIUM = 2
    STRONG = 3
    VERY_STRONG = 4


_COMMON_PASSWORDS = frozenset({
    "123456", "1234567", "12345678", "123456789", "1234567890", "000000", "111111", "123123",
    "password", "password1", "motdepasse", "azerty", "azertyuiop", "qwerty", "qwertyuiop",
    "passwort", "soleil", "bonjour", "loulou", "doudou", "iloveyou", "admin", "welcome",
})


def password_strength(password: str) -> Strength:
    """A simple, explainable estimate: length and kinds of characters; common ones are too weak.

    Python has no well-kept strength estimator (zxcvbn's ports are unmaintained); the
    practice only needs to show that longer and more varied is stronger.
    """
    if len(password) < 6 or password.lower() in _COMMON_PASSWORDS or len(set(password)) <= 2:
        return Strength.TOO_WEAK
    kinds = sum((
        any(c.islower() for c in password),
        any(c.isupper() for c in password),
        any(c.isdigit() for c in password),
        any(not c.isalnum() for c in password),
    ))
    score = 1
    if len(password) >= 8 and kinds >= 2:
        score += 1
    if len(password) >= 10 and kinds >= 3:
        score += 1
    if len(password) >= 14 and kinds >= 3:
        score += 1
    return Strength(min(score, 4))


@dataclass(frozen=True)
class TypeInExercise:
    """A practice form on a simulated site: every field must pass its rule."""

    fields: tuple[FormField, ...]
    site: Text
    """The simulated site's name, shown at the top of the form."""
    button: Text
    """The form's button ("Create my account")."""

    def wrong_fields(self, answers: dict[str, str]) -> list[FormField]:
        return [field for field in self.fields if not field.accepts(answers.get(field.id, ""))]


@dataclass(frozen=True)
class SmsCodeExercise:
    """A practice log-in: the simulated phone receives a code the client types into the form."""

    site: Text
    label: Text
    """The code field's label ("Code received by SMS")."""
    button: Text
    sender: Text
    message: Text
    """The SMS; `{code}` is replaced by the code."""
    hint: Text
    code: str = ""
    """A fixed code; when empty, a new 6-digit code is drawn each time."""

    def new_code(self, rng: random.Random | None = None) -> str:
        if self.code:
            return self.code
        return f"{(rng or random.Random()).randrange(1_000_000):06d}"


@dataclass(frozen=True)
class OrderItem:
    picture: str
    picture_description: Text
    text: Text | None = None


@dataclass(frozen=True)
class OrderExercise:
    """Put the pictures in order; `items` are written in the right order."""

    items: tuple[OrderItem, ...]
    hint: Text

    def shuffled(self, seed: str) -> tuple[int, ...]:
        """A fixed jumbled order for the screen (never the right one), the same every time."""
        order = list(range(len(self.items)))
        rng = random.Random(seed)
        while len(order) > 1 and order == sorted(order):
            rng.shuffle(order)
        return tuple(order)

    def is_right(self, placed: list[int]) -> bool:
        """`placed` holds item numbers in the order the client put them."""
        return placed == list(range(len(self.items)))


Exercise = TouchExercise | ChooseExercise | TypeInExercise | SmsCodeExercise | OrderExercise


def exercise_texts(exercise: Exercise) -> list[Text]:
    """Every translatable text of an exercise, in reading order (for the .pot)."""
    texts: list[Text | None] = []
    if isinstance(exercise, TouchExercise):
        texts.append(exercise.hint)
    elif isinstance(exercise, ChooseExercise):
        for choice in exercise.choices:
            texts.extend((choice.text, choice.picture_description, choice.hint))
        texts.append(exercise.hint)
    elif isinstance(exercise, TypeInExercise):
        texts.extend((exercise.site, exercise.button))
        for field in exercise.fields:
            texts.extend((field.label, field.hint))
    elif isinstance(exercise, SmsCodeExercise):
        texts.extend((exercise.site, exercise.label, exercise.button, exercise.sender, exercise.message,
                      exercise.hint))
    else:
        for item in exercise.items:
            texts.extend((item.text, item.picture_description))
        texts.append(exercise.hint)
    return [text for text in texts if text is not None]


def exercise_hints(exercise: Exercise) -> list[Text]:
    """The hints the client hears after a wrong answer (each must exist in every language)."""
    if isinstance(exercise, ChooseExercise):
        return [exercise.hint, *(c.hint for c in exercise.choices if c.hint is not None)]
    if isinstance(exercise, TypeInExercise):
        return [field.hint for field in exercise.fields]
    return [exercise.hint]
