"""Lesson packs as plain values: what a trainer wrote, independent of files and Qt.

Every client-facing string is a `Text`: its gettext context (naming lesson, step and
field) and its source-language text. `Pack.translate` turns it into a language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from coach.domain.exercises import Exercise

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Text:
    """A translatable pack string: its msgctxt and its text in the source language."""

    context: str
    source: str


class Resources(Protocol):
    """Read access to the files of a pack, whether it is a folder or a .zip."""

    def read_bytes(self, relative_path: str) -> bytes: ...

    def exists(self, relative_path: str) -> bool: ...

    def close(self) -> None:
        """Let go of the files (a zip's handle); reading after this is an error."""


@dataclass(frozen=True)
class Catalog:
    """One language's translations of a pack: (msgctxt, msgid) -> msgstr."""

    language: str
    messages: Mapping[tuple[str, str], str]
    reviewed: bool = True
    """False when the translation was not reviewed by a native speaker."""


@dataclass(frozen=True)
class Skill:
    """A skill a pack teaches, mapped to EU DigComp 2.2 competences such as "2.1"."""

    id: str
    title: Text
    digcomp: tuple[str, ...]


@dataclass(frozen=True)
class Link:
    """A real service's page; shown to the client as a QR code, never opened.

    `countries` holds ISO 3166 codes ("FR", "CH") of the countries the page serves;
    empty means it serves everyone, whatever the desk's country.
    """

    title: Text
    url: str
    countries: tuple[str, ...] = ()

    def serves(self, country: str) -> bool:
        """True when this link is for the desk's `country` ("" when the desk chose none)."""
        return not self.countries or country.upper() in self.countries


def links_for(links: tuple[Link, ...], country: str) -> tuple[Link, ...]:
    """The links a desk in `country` shows: its country's first, then those for everyone."""
    own = tuple(link for link in links if link.countries and link.serves(country))
    return own + tuple(link for link in links if not link.countries)


@dataclass(frozen=True)
class Step:
    """One screen of a lesson: one picture and one short sentence.

    `kind` names a registered step kind (see coach.domain.steps); `options` holds
    the kind's own fields. `audio` maps a language tag to a recorded file.
    """

    id: str
    kind: str
    text: Text
    picture: str
    picture_description: Text
    audio: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, Any] = field(default_factory=dict)
    exercise: Exercise | None = None
    """The practice exercise of an exercise kind (coach.domain.exercises); None for "info"."""
    links: tuple[Link, ...] = ()
    """Real services this step refers to (shown as QR codes, like the lesson's)."""

    def recording(self, language: str) -> str | None:
        """The recorded audio file for `language` (or its base language), if the pack has one."""
        tag = language.replace("_", "-")
        return self.audio.get(tag) or self.audio.get(tag.split("-", 1)[0]) or None


@dataclass(frozen=True)
class Lesson:
    id: str
    title: Text
    icon: str
    skills: tuple[str, ...]
    steps: Sequence[Step]
    """A tuple when read from the pack; taken from the pack cache, decoded when first read."""
    links: tuple[Link, ...] = ()
    file: str = ""
    """The lesson's file inside its pack, for error messages."""

    def all_links(self, country: str) -> tuple[Link, ...]:
        """The lesson's links and its steps' links for a desk in `country`, each url once."""
        found: dict[str, Link] = {}
        for link in links_for(self.links, country) + tuple(
                link for step in self.steps for link in links_for(step.links, country)):
            found.setdefault(link.url, link)
        return tuple(found.values())


@dataclass(frozen=True)
class Pack:
    """A loaded, valid lesson pack with its translations."""

    id: str
    version: str
    title: Text
    source_language: str
    languages: tuple[str, ...]
    license: str
    authors: tuple[str, ...]
    skills: tuple[Skill, ...]
    lessons: tuple[Lesson, ...]
    resources: Resources
    location: str
    """Where the pack was loaded from (a folder or a .zip), for messages."""
    icon: str = ""
    description: Text | None = None
    catalogs: Mapping[str, Catalog] = field(default_factory=dict)
    builtin: bool = False
    format_version: int = FORMAT_VERSION

    def translate(self, text: Text, language: str) -> str:
        """`text` in `language`, falling back to the base language, then the source."""
        catalog = self.catalog_for(language)
        if catalog is not None:
            translated = catalog.messages.get((text.context, text.source))
            if translated:
                return translated
        return text.source

    def text_language(self, text: Text, language: str) -> str:
        """The language `translate(text, language)` is written in, so that the right voice reads it.

        `language` itself when the pack has the text in it (or in its base language, or
        it is the source language); else the source language, which is then shown.
        """
        for tag in _candidates(language):
            if tag == self.source_language:
                return language
            catalog = self.catalogs.get(tag)
            if catalog is not None:
                return language if catalog.messages.get((text.context, text.source)) else self.source_language
        return self.source_language

    def catalog_for(self, language: str) -> Catalog | None:
        """The catalog used for `language` ("fa-AF" falls back to "fa"), if any."""
        for tag in _candidates(language):
            if tag == self.source_language:
                return None
            if tag in self.catalogs:
                return self.catalogs[tag]
        return None

    def has_language(self, language: str) -> bool:
        """True when the pack's texts exist in `language` (or its base language)."""
        return any(t == self.source_language or t in self.catalogs for t in _candidates(language))

    def is_reviewed(self, language: str) -> bool:
        """False when the texts shown in `language` were not reviewed by a native speaker."""
        catalog = self.catalog_for(language)
        return True if catalog is None else catalog.reviewed

    def lesson(self, lesson_id: str) -> Lesson:
        for lesson in self.lessons:
            if lesson.id == lesson_id:
                return lesson
        raise KeyError(f"pack {self.id!r} has no lesson {lesson_id!r}")

    def skill(self, skill_id: str) -> Skill:
        for skill in self.skills:
            if skill.id == skill_id:
                return skill
        raise KeyError(f"pack {self.id!r} has no skill {skill_id!r}")


def _candidates(language: str) -> tuple[str, ...]:
    """Language tags to try, most specific first: "fa-AF" -> ("fa-AF", "fa")."""
    tag = language.replace("_", "-")
    base = tag.split("-", 1)[0]
    return (tag,) if base == tag else (tag, base)


def freeze(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only view of `mapping`, for the mappings held by frozen values."""
    return MappingProxyType(dict(mapping))
