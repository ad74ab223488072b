"""The desk's records: an encrypted SQLite file (SQLCipher) used through sqlite-utils. No Qt.

Open or create, then call methods on the `Records` object (on the thread that
opened it; each write is one transaction, and a write that raises changes nothing):

    records_path() -> Path                               <data>/records.db
    Records.create(path=None, passphrase) -> Records     RecordsExist; ValueError (< 8 chars)
    Records.open(path=None, passphrase) -> Records       NoRecords, WrongPassphrase, SchemaTooNew,
                                                         RecordsDamaged (quick_check at unlock)
    records.close() / with Records.open(...) as records:
    records.change_passphrase(new) -> None               PRAGMA rekey

    records.worker(name) -> Worker                       get or create
    records.create_client(pseudonym, language, contact_channels=(), consent_given=False,
                          consent_scope="") -> Client
    records.find_clients(text, limit=20) -> list[Client] pseudonym or code, any case/accents
    records.client(client_id) -> Client | None
    records.start_visit(worker_id, client_id | None, language) -> Visit   None = anonymous
    records.visit(visit_id) -> Visit
    records.end_visit(visit_id) -> None
    records.record_step(visit_id, pack_id, lesson_id, step_index, step_id, language="") -> None
                                                         index from 0; the lesson's language
    records.record_help(visit_id, pack_id, lesson_id, step_id) -> None
    records.record_did_it(visit_id, pack_id, lesson_id, step_id) -> None   "I did it"
    records.help_requests(visit_id, pack_id, lesson_id) -> dict[step_id, int]
    records.did_it_steps(visit_id, pack_id, lesson_id) -> dict[step_id, int]
    records.record_finished(visit_id, pack_id, lesson_id, seconds) -> None
    records.rate(visit_id, skill, digcomp, level, by="worker") -> Rating  skill "pack/skill", 0-3
    records.add_note(visit_id, text) -> Note             ValueError for an anonymous visit
    records.notes(client_id) -> list[Note]
    records.ratings_history(client_id) -> dict[skill, list[RatingPoint(at, level, by)]]
    records.about_client(client_id) -> dict              everything stored, JSON-ready
    export_client(records, client_id, path, worker_id=None) -> None   JSON + audit
    records.erase_client(client_id, worker_id=None) -> None
    records.retention_sweep(months=12, now=None, worker_id=None) -> int
    records.audit(action, detail="", worker_id=None) -> None   detail: client ids only
    records.audit_log(limit=100) -> list[(at, worker_id, action, detail)]
    records.stats(date_from, date_to) -> Stats
    records.write_stats_csv(path, date_from, date_to) -> Stats
    records.backup(dest_dir=None, keep=7) -> Path        <data>/backups/records-<UTC>.db
    records.backup_if_due(dest_dir=None, keep=7) -> Path | None   daily; call at unlock
    records.check() -> list[str]                         [] when sound
    restore(backup_path, passphrase, target=None) -> Path   close the records first
    latest_good_backup(passphrase, dest_dir=None) -> Path | None   newest that opens and passes the check

Levels and who rated: `coach.domain.autonomy` (AutonomyLevel, SelfRating, RatedBy).
Errors: every failure is a `RecordsError` subclass (NoRecords, RecordsExist, WrongPassphrase,
SchemaTooNew, RecordsDamaged, DiskFull, RecordsLocked, RecordsReadOnly, StorageFailed), never
the driver's own; `describe(error, gettext)` words any of them. ValueError/TypeError are bugs
or refused input, never RecordsErrors. See `coach.records.errors`. Values: `coach.records.models`.
"""

import importlib

# Names are imported on first use (PEP 562): sqlite-utils alone costs ~80 ms, and the
# application starts before anyone unlocks the records.
_WHERE = {
    "backup_files": "backup", "restore": "backup",
    "NoRecords": "errors", "RecordsError": "errors", "RecordsExist": "errors", "SchemaTooNew": "errors",
    "WrongPassphrase": "errors", "RecordsDamaged": "errors", "DiskFull": "errors", "RecordsLocked": "errors",
    "RecordsReadOnly": "errors", "StorageFailed": "errors", "describe": "errors", "latest_good_backup": "backup",
    "Client": "models", "LevelChange": "models", "Note": "models", "Rating": "models", "RatingPoint": "models",
    "Stats": "models", "Visit": "models", "Worker": "models",
    "Records": "records", "export_client": "rights", "SCHEMA_VERSION": "schema", "records_path": "store",
}


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'coach.records' has no attribute {name!r}")
    return getattr(importlib.import_module(f"coach.records.{module}"), name)


__all__ = [
    "SCHEMA_VERSION", "Client", "DiskFull", "LevelChange", "NoRecords", "RecordsDamaged", "RecordsLocked",
    "RecordsReadOnly", "StorageFailed", "describe", "latest_good_backup", "Note", "Rating", "RatingPoint", "Records",
    "RecordsError", "RecordsExist", "SchemaTooNew", "Stats", "Visit", "Worker", "WrongPassphrase",
    "backup_files", "export_client", "records_path", "restore",
]
