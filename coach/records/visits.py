"""What happens in a visit: its start and end, the lessons' steps and practice, ratings and notes.

`VisitRecords` is the part of `Records` that writes and reads one visit's rows (the
small writes of the side panel, on the GUI thread's connection); `Records` adds the
clients, the audit log, rights, figures and backups. Each write is one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from sqlite_utils import Database

from coach.domain import rules
from coach.domain.autonomy import AutonomyLevel, RatedBy, check_level
from coach.records.models import Note, Rating, RatingPoint, Visit, from_text, moment_of, now, row_id, to_text
from coach.records.store import Connection

MAX_NOTE = rules.MAX_NOTE


class VisitRecords:
    """Visits, lessons, ratings and notes on `conn` (set up by `Records`)."""

    conn: Connection
    db: Database

    def start_visit(self, worker_id: int, client_id: int | None, language: str) -> Visit:
        """Begin a visit; `client_id=None` for an anonymous one (nothing identifying is stored)."""
        started = now()
        with self.db.atomic():
            if client_id is not None:
                found = self.conn.execute("SELECT anonymised FROM clients WHERE id = ?", (client_id,)).fetchone()
                if found is None or found[0]:
                    raise ValueError(f"no client {client_id} to visit")
                self.conn.execute("UPDATE clients SET last_visit = ? WHERE id = ?", (to_text(started), client_id))
            cursor = self.conn.execute(
                "INSERT INTO visits (worker_id, client_id, language, started) VALUES (?, ?, ?, ?)",
                (worker_id, client_id, language, to_text(started)))
        return Visit(row_id(cursor), worker_id, client_id, language, started, None)

    def visit(self, visit_id: int) -> Visit:
        row = self.conn.execute(
            "SELECT id, worker_id, client_id, language, started, ended FROM visits WHERE id = ?",
            (visit_id,)).fetchone()
        if row is None:
            raise ValueError(f"no visit {visit_id}")
        return Visit(row[0], row[1], row[2], row[3], moment_of(row[4]), from_text(row[5]))

    def end_visit(self, visit_id: int) -> None:
        """Note the visit's end time (the first end wins)."""
        with self.db.atomic():
            self.visit(visit_id)
            self.conn.execute("UPDATE visits SET ended = coalesce(ended, ?) WHERE id = ?", (to_text(now()), visit_id))

    def _activity(self, visit_id: int, pack_id: str, lesson_id: str, language: str = "") -> None:
        """Make sure the lesson's activity row exists; a `language` given becomes the lesson's language."""
        if not pack_id or not lesson_id:
            raise ValueError("a pack id and a lesson id are needed")
        visit = self.visit(visit_id)
        self.conn.execute("INSERT INTO activity (visit_id, pack_id, lesson_id, language) VALUES (?, ?, ?, ?)"
                          " ON CONFLICT DO NOTHING", (visit_id, pack_id, lesson_id, language or visit.language))
        if language:
            self.conn.execute("UPDATE activity SET language = ? WHERE visit_id = ? AND pack_id = ? AND lesson_id = ?",
                              (language, visit_id, pack_id, lesson_id))
            self.conn.execute("UPDATE visits SET language = ? WHERE id = ?", (language, visit_id))

    def record_step(self, visit_id: int, pack_id: str, lesson_id: str, step_index: int, step_id: str,
                    language: str = "") -> None:
        """The client reached step `step_index` (from 0) in `language`: steps_reached is the furthest step + 1.

        The lesson is recorded in the language it was last shown in, and so is the visit:
        a client who switches from French to Arabic has the next lessons recorded as Arabic.
        """
        if step_index < 0:
            raise ValueError(f"a step index is 0 or more, not {step_index}")
        with self.db.atomic():
            self._activity(visit_id, pack_id, lesson_id, language)
            self.conn.execute(
                "UPDATE activity SET steps_reached = max(steps_reached, ?)"
                " WHERE visit_id = ? AND pack_id = ? AND lesson_id = ?", (step_index + 1, visit_id, pack_id, lesson_id))

    def record_help(self, visit_id: int, pack_id: str, lesson_id: str, step_id: str) -> None:
        """The client asked for help on `step_id`: its count goes up by one."""
        self._count_step("help_requests", visit_id, pack_id, lesson_id, step_id)

    def record_did_it(self, visit_id: int, pack_id: str, lesson_id: str, step_id: str) -> None:
        """The client pressed "I did it" on `step_id`: its count goes up by one."""
        self._count_step("done_steps", visit_id, pack_id, lesson_id, step_id)

    def _count_step(self, column: str, visit_id: int, pack_id: str, lesson_id: str, step_id: str) -> None:
        if not step_id:
            raise ValueError("a step id is needed")
        path = "$." + json.dumps(step_id)
        with self.db.atomic():
            self._activity(visit_id, pack_id, lesson_id)
            self.conn.execute(
                f"UPDATE activity SET {column} = json_set({column}, ?, coalesce(json_extract({column}, ?), 0) + 1)"
                " WHERE visit_id = ? AND pack_id = ? AND lesson_id = ?", (path, path, visit_id, pack_id, lesson_id))

    def help_requests(self, visit_id: int, pack_id: str, lesson_id: str) -> dict[str, int]:
        """Step id -> times the client asked for help there, in this visit."""
        return self._step_counts("help_requests", visit_id, pack_id, lesson_id)

    def did_it_steps(self, visit_id: int, pack_id: str, lesson_id: str) -> dict[str, int]:
        """Step id -> times the client said "I did it" there, in this visit."""
        return self._step_counts("done_steps", visit_id, pack_id, lesson_id)

    def _step_counts(self, column: str, visit_id: int, pack_id: str, lesson_id: str) -> dict[str, int]:
        row = self.conn.execute(f"SELECT {column} FROM activity WHERE visit_id = ? AND pack_id = ?"
                                " AND lesson_id = ?", (visit_id, pack_id, lesson_id)).fetchone()
        return {} if row is None else dict(json.loads(row[0]))

    def record_finished(self, visit_id: int, pack_id: str, lesson_id: str, seconds: int) -> None:
        """The client finished the lesson; `seconds` spent on it are added."""
        if seconds < 0:
            raise ValueError(f"seconds spent cannot be negative: {seconds}")
        with self.db.atomic():
            self._activity(visit_id, pack_id, lesson_id)
            self.conn.execute(
                "UPDATE activity SET finished = 1, seconds_spent = seconds_spent + ?"
                " WHERE visit_id = ? AND pack_id = ? AND lesson_id = ?", (int(seconds), visit_id, pack_id, lesson_id))

    def record_exercises(self, visit_id: int, pack_id: str, lesson_id: str,
                         results: Mapping[str, Mapping[str, int | bool]]) -> None:
        """The lesson's practice results, as the worker confirmed them; they replace earlier ones.

        `results` maps a step id to its counts {"attempts", "hints", "help", "solved"};
        anything else is refused (ValueError) and nothing is written.
        """
        clean: dict[str, dict[str, int | bool]] = {}
        for step_id, counts in results.items():
            if not step_id or set(counts) != {"attempts", "hints", "help", "solved"}:
                raise ValueError(f"exercise results need attempts, hints, help and solved: {step_id!r}")
            numbers = [counts[name] for name in ("attempts", "hints", "help")]
            if any(isinstance(n, bool) or not isinstance(n, int) or n < 0 for n in numbers) \
                    or not isinstance(counts["solved"], bool):
                raise ValueError(f"exercise counts must be whole numbers of 0 or more: {step_id!r}")
            clean[step_id] = {"attempts": numbers[0], "hints": numbers[1], "help": numbers[2],
                              "solved": counts["solved"]}
        with self.db.atomic():
            self._activity(visit_id, pack_id, lesson_id)
            self.conn.execute("UPDATE activity SET exercises = ? WHERE visit_id = ? AND pack_id = ? AND lesson_id = ?",
                              (json.dumps(clean, sort_keys=True), visit_id, pack_id, lesson_id))

    def exercise_results(self, visit_id: int, pack_id: str, lesson_id: str) -> dict[str, dict[str, int | bool]]:
        """Step id -> the confirmed practice counts of that exercise, in this visit."""
        row = self.conn.execute("SELECT exercises FROM activity WHERE visit_id = ? AND pack_id = ? AND lesson_id = ?",
                                (visit_id, pack_id, lesson_id)).fetchone()
        return json.loads(row[0]) if row else {}

    def rate(self, visit_id: int, skill: str, digcomp: str, level: int, by: str = RatedBy.WORKER) -> Rating:
        """Record `level` (0–3) for `skill` ("pack_id/skill_id") in this visit; a new click replaces the last.

        ValueError for a level outside 0–3, an unknown `by` or a malformed skill; nothing is written then.
        """
        level = check_level(level)
        try:
            rated_by = RatedBy(by)
        except ValueError:
            raise ValueError(f"a rating is by 'worker' or 'client', not {by!r}") from None
        pack_id, _, skill_id = skill.partition("/")
        if not pack_id or not skill_id:
            raise ValueError(f"a skill is 'pack_id/skill_id', not {skill!r}")
        at = now()
        with self.db.atomic():
            visit = self.visit(visit_id)
            (rating_id,) = self.conn.execute(
                "INSERT INTO ratings (visit_id, client_id, skill, digcomp, level, rated_by, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (visit_id, skill, rated_by)"
                " DO UPDATE SET level = excluded.level, digcomp = excluded.digcomp, at = excluded.at RETURNING id",
                (visit_id, visit.client_id, skill, digcomp, int(level), rated_by.value, to_text(at))).fetchone()
        return Rating(rating_id, visit_id, visit.client_id, skill, digcomp, level, rated_by, at)

    def add_note(self, visit_id: int, text: str, language: str = "") -> Note:
        """A short free note about the client, written in `language`; refused (ValueError) for an anonymous visit."""
        text = text.strip()
        if not text:
            raise ValueError("the note is empty")
        if len(text) > MAX_NOTE:
            raise ValueError(f"a note has at most {MAX_NOTE} characters, not {len(text)}")
        at = now()
        with self.db.atomic():
            visit = self.visit(visit_id)
            if visit.client_id is None:
                raise ValueError("an anonymous visit keeps no notes")
            cursor = self.conn.execute("INSERT INTO notes (visit_id, client_id, text, at, language)"
                                       " VALUES (?, ?, ?, ?, ?)", (visit_id, visit.client_id, text, to_text(at), language))
        return Note(row_id(cursor), visit_id, visit.client_id, text, at, language)

    def notes(self, client_id: int) -> list[Note]:
        rows = self.conn.execute("SELECT id, visit_id, client_id, text, at, language FROM notes WHERE client_id = ?"
                                 " ORDER BY at, id", (client_id,)).fetchall()
        return [Note(r[0], r[1], r[2], r[3], moment_of(r[4]), r[5]) for r in rows]

    def ratings_history(self, client_id: int) -> dict[str, list[RatingPoint]]:
        """Skill -> the client's ratings in time order (worker's and client's): a progress chart's data."""
        history: dict[str, list[RatingPoint]] = {}
        for skill, at, level, by in self.conn.execute(
                "SELECT skill, at, level, rated_by FROM ratings WHERE client_id = ? ORDER BY skill, at, id",
                (client_id,)):
            history.setdefault(skill, []).append(RatingPoint(datetime.fromisoformat(at), AutonomyLevel(level),
                                                             RatedBy(by)))
        return history
