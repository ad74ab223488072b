"""Helpers for tests of the worker's panel: wait for the records thread, read what it stored."""

from __future__ import annotations

from coach.records.records import Records
from coach.records.store import records_path

PASSPHRASE = "correct horse battery"


def settle(qtbot, desk, timeout: int = 15000) -> None:
    """Wait until every records task queued by the panel has run and been delivered."""
    qtbot.waitUntil(lambda: not desk.panel.access.busy, timeout=timeout)


def stored(sql: str, params: tuple = ()) -> list[tuple]:
    """Rows read through a second connection to the real encrypted file (what is on disk)."""
    with Records.open(records_path(), PASSPHRASE) as records:
        return list(records.conn.execute(sql, params))


def with_records(work):
    """Run `work(records)` on a second connection (to prepare clients as another desk would)."""
    with Records.open(records_path(), PASSPHRASE) as records:
        return work(records)


def unlock(qtbot, desk, name: str = "Camille", passphrase: str = PASSPHRASE) -> None:
    gate = desk.panel.gate
    gate.name.setText(name)
    gate.passphrase.setText(passphrase)
    if gate.creating:
        gate.again.setText(passphrase)
    gate.open_button.click()
    settle(qtbot, desk)
