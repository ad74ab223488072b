"""The parts of a take-home sheet, as plain values a renderer lays out and draws.

Texts are `Words`: the text and its language tag, so a renderer picks the script's
fonts and direction for each. The client's words come first; the worker's, when
asked for, sit under them in smaller type.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coach.handouts.qr import QrCode


@dataclass(frozen=True)
class Words:
    text: str
    language: str


@dataclass(frozen=True)
class Heading:
    words: Words
    worker: Words | None = None


@dataclass(frozen=True)
class Paragraph:
    words: Words
    worker: Words | None = None
    large: bool = False


@dataclass(frozen=True)
class StepItem:
    """One step of a lesson: its number, picture and text (in large type)."""

    number: int
    text: Words
    worker: Words | None
    picture: bytes
    """The pack's picture file (SVG, PNG, JPEG or WebP); empty when it could not be read."""
    picture_description: str


@dataclass(frozen=True)
class QrItem:
    """A link to a real service: its title, the code to scan and the address in plain text."""

    title: Words
    code: QrCode
    worker: Words | None = None

    @property
    def url(self) -> str:
        return self.code.url


@dataclass(frozen=True)
class SkillItem:
    """A skill on "What I can do now": the client's level in words and as 1-4 filled dots."""

    name: Words
    level: int | None
    """The worker's latest autonomy level, 0-3; None when only the client rated it."""
    level_words: Words | None
    self_rating: str | None
    """The client's own latest answer: "not-yet", "with-help" or "alone"."""
    self_words: Words | None
    worker: Words | None = None
    history: Words | None = None
    """The levels over the visits, in words, when the worker ticked it in."""


@dataclass(frozen=True)
class Sheet:
    """A whole sheet: its title, its items in reading order, and the desk's details."""

    title: Words
    items: tuple[Heading | Paragraph | StepItem | QrItem | SkillItem, ...]
    desk: tuple[Words, ...] = ()
    """The help desk's name, address and opening hours, one line each."""
    footer: Words | None = None
    """A short line on every page (the desk's name)."""
    worker_title: Words | None = None
    one_page: bool = False
    """Shrink to fit one page rather than go on to a second."""
    document_title: str = ""
    """The PDF's metadata title."""
    subtitle: tuple[Words, ...] = field(default_factory=tuple)

    @property
    def language(self) -> str:
        return self.title.language

    def texts(self) -> list[str]:
        """Every text of the sheet in reading order (for tests and screen readers)."""
        found = [self.title.text, *(w.text for w in self.subtitle)]
        for item in self.items:
            if isinstance(item, Heading | Paragraph):
                found.append(item.words.text)
            elif isinstance(item, StepItem):
                found.append(item.text.text)
            elif isinstance(item, QrItem):
                found += [item.title.text, item.url]
            elif isinstance(item, SkillItem):
                found.append(item.name.text)
        return found + [w.text for w in self.desk]
