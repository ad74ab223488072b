"""The client's rights: see and export what is stored, erasure, and the retention sweep.

Erasure and retention end with a WAL checkpoint: with `secure_delete` on (set at
open), the pages that held a pseudonym or a note are zeroed in the file itself, not
left behind in the write-ahead log.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from coach.records.models import now as _now
from coach.records.models import to_text

if TYPE_CHECKING:
    from coach.records.records import Records

ANONYMISED = "anonymised"
"""What replaces the pseudonym of an anonymised client."""


def about_client(records: Records, client_id: int) -> dict:
    """Everything stored about one client: the client row, visits with activity, ratings, notes."""
    client = records.client(client_id)
    if client is None:
        raise ValueError(f"no client {client_id}")
    conn = records.conn
    visits = []
    for visit_id, worker, language, started, ended in conn.execute(
            "SELECT v.id, w.name, v.language, v.started, v.ended FROM visits v JOIN workers w ON w.id = v.worker_id"
            " WHERE v.client_id = ? ORDER BY v.started, v.id", (client_id,)):
        lessons = [
            {"pack": pack, "lesson": lesson, "language": lesson_language, "steps_reached": steps,
             "help_requests": json.loads(helps), "did_it": json.loads(done), "seconds_spent": seconds,
             "finished": bool(finished), "exercises": json.loads(exercises)}
            for pack, lesson, lesson_language, steps, helps, done, seconds, finished, exercises in conn.execute(
                "SELECT pack_id, lesson_id, language, steps_reached, help_requests, done_steps, seconds_spent,"
                " finished, exercises FROM activity"
                " WHERE visit_id = ? ORDER BY id", (visit_id,))]
        visits.append({"id": visit_id, "worker": worker, "language": language, "started": started,
                       "ended": ended, "lessons": lessons})
    ratings = [
        {"visit": visit_id, "skill": skill, "digcomp": digcomp, "level": level, "by": by, "at": at}
        for visit_id, skill, digcomp, level, by, at in conn.execute(
            "SELECT visit_id, skill, digcomp, level, rated_by, at FROM ratings WHERE client_id = ?"
            " ORDER BY at, id", (client_id,))]
    notes = [{"visit": note.visit_id, "text": note.text, "at": to_text(note.at), "language": note.language}
             for note in records.notes(client_id)]
    return {
        "client": {
            "id": client.id, "pseudonym": client.pseudonym, "code": client.code, "language": client.language,
            "contact_channels": list(client.contact_channels), "consent_given": client.consent_given,
            "consent_scope": client.consent_scope,
            "consent_date": to_text(client.consent_date) if client.consent_date else None,
            "created": to_text(client.created),
            "last_visit": to_text(client.last_visit) if client.last_visit else None,
            "anonymised": client.anonymised,
        },
        "visits": visits,
        "ratings": ratings,
        "notes": notes,
    }


def export_client(records: Records, client_id: int, path: Path, worker_id: int | None = None) -> None:
    """Write `about_client` as JSON to `path` (atomically) and note the export in the audit log."""
    data = about_client(records, client_id)
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".export-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=2)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    records.audit("client_exported", f"client {client_id}", worker_id)


def erase_client(records: Records, client_id: int, worker_id: int | None = None) -> None:
    """Delete the client and their notes; unlink their visits and ratings (kept as anonymous counts)."""
    conn = records.conn
    with records.db.atomic():
        if conn.execute("SELECT 1 FROM clients WHERE id = ?", (client_id,)).fetchone() is None:
            raise ValueError(f"no client {client_id}")
        conn.execute("DELETE FROM notes WHERE client_id = ?", (client_id,))
        conn.execute("UPDATE ratings SET client_id = NULL WHERE client_id = ?", (client_id,))
        conn.execute("UPDATE visits SET client_id = NULL WHERE client_id = ?", (client_id,))
        conn.execute("DELETE FROM clients WHERE id = ?", (client_id,))
        records._audit("client_erased", f"client {client_id}", worker_id)
    records.checkpoint()


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the month's last day if shorter).

    >>> months_before(datetime(2026, 3, 31, tzinfo=UTC), 1).date()
    datetime.date(2026, 2, 28)
    """
    index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    next_month = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=moment.tzinfo)
    last_day = (next_month - datetime(year, month, 1, tzinfo=moment.tzinfo)).days
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


def retention_sweep(records: Records, months: int = 12, now: datetime | None = None,
                    worker_id: int | None = None) -> int:
    """Anonymise clients whose last visit (or creation, if never seen) is more than `months` ago.

    Pseudonym replaced, code removed, contact channels emptied, notes deleted; the
    client row stays (flagged anonymised) so ratings still count in the statistics.
    """
    if months < 1:
        raise ValueError(f"the retention period is at least 1 month, not {months}")
    cutoff = to_text(months_before((now or _now()).astimezone(UTC), months))
    conn = records.conn
    with records.db.atomic():
        ids = [row[0] for row in conn.execute(
            "SELECT id FROM clients WHERE anonymised = 0 AND coalesce(last_visit, created) < ?", (cutoff,))]
        for client_id in ids:
            conn.execute("DELETE FROM notes WHERE client_id = ?", (client_id,))
            conn.execute("UPDATE clients SET pseudonym = ?, code = NULL, contact_channels = '[]', search_key = '',"
                         " anonymised = 1 WHERE id = ?", (ANONYMISED, client_id))
        if ids:
            records._audit("retention_sweep", f"{len(ids)} clients anonymised after {months} months: "
                           + ", ".join(f"client {i}" for i in ids), worker_id)
    if ids:
        records.checkpoint()
    return len(ids)
