"""The values the records hand out: frozen dataclasses, times as aware UTC datetimes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import NamedTuple

from coach.domain.autonomy import AutonomyLevel, RatedBy


def now() -> datetime:
    """The current UTC time at the stored precision (milliseconds)."""
    moment = datetime.now(UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def to_text(moment: datetime) -> str:
    """Stored form: ISO 8601 in UTC with milliseconds, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError(f"a naive datetime is ambiguous: {moment!r}")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def from_text(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def moment_of(text: str) -> datetime:
    """A stored time that the schema says is never empty (NOT NULL)."""
    return datetime.fromisoformat(text)


def row_id(cursor: object) -> int:
    """The id SQLite gave the row just inserted."""
    found = getattr(cursor, "lastrowid", None)
    if not isinstance(found, int):
        raise RuntimeError("SQLite gave no id for the row just inserted")
    return found


@dataclass(frozen=True)
class Worker:
    id: int
    name: str


@dataclass(frozen=True)
class Client:
    """A client, known by a pseudonym and a short code; never a legal name."""

    id: int
    pseudonym: str
    code: str | None
    """Short lookup code such as "K7P2"; None once anonymised."""
    language: str
    contact_channels: tuple[str, ...]
    consent_given: bool
    consent_scope: str
    consent_date: datetime | None
    created: datetime
    last_visit: datetime | None
    anonymised: bool

    @classmethod
    def from_row(cls, row: tuple) -> Client:
        (id_, pseudonym, code, language, channels, consent, scope, consent_date, created, last_visit,
         anonymised) = row
        return cls(id_, pseudonym, code, language, tuple(json.loads(channels)), bool(consent), scope,
                   from_text(consent_date), moment_of(created), from_text(last_visit), bool(anonymised))


CLIENT_COLUMNS = ("id, pseudonym, code, language, contact_channels, consent_given, consent_scope, "
                  "consent_date, created, last_visit, anonymised")


@dataclass(frozen=True)
class Visit:
    id: int
    worker_id: int
    client_id: int | None
    """None for an anonymous visit."""
    language: str
    started: datetime
    ended: datetime | None

    @property
    def anonymous(self) -> bool:
        return self.client_id is None


@dataclass(frozen=True)
class Rating:
    id: int
    visit_id: int
    client_id: int | None
    skill: str
    """"pack_id/skill_id"."""
    digcomp: str
    level: AutonomyLevel
    by: RatedBy
    at: datetime


@dataclass(frozen=True)
class Note:
    id: int
    visit_id: int
    client_id: int
    text: str
    at: datetime
    language: str = ""
    """The language the worker wrote it in ("" for notes kept before Coach asked)."""


class RatingPoint(NamedTuple):
    """One point of a progress chart."""

    at: datetime
    level: AutonomyLevel
    by: RatedBy


@dataclass(frozen=True)
class LevelChange:
    """Clients whose last worker rating of a skill in the period is above / equal to / below their first."""

    up: int = 0
    same: int = 0
    down: int = 0


@dataclass(frozen=True)
class Stats:
    """Figures for funders over [date_from, date_to] (both days included); nothing identifying."""

    date_from: date
    date_to: date
    visits: int = 0
    anonymous_visits: int = 0
    visits_per_month: dict[str, int] = field(default_factory=dict)
    """"2026-03" -> visits started that month."""
    languages: dict[str, int] = field(default_factory=dict)
    """Language tag -> visits in that language."""
    lessons_done: dict[str, int] = field(default_factory=dict)
    """"pack_id/lesson_id" -> times finished."""
    level_changes: dict[str, LevelChange] = field(default_factory=dict)
    """Skill -> up/same/down over clients with at least two worker ratings of it in the period."""
