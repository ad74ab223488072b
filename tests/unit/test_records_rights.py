"""The client's rights: what is stored about them, export, erasure, retention; the audit log."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coach.domain.autonomy import AutonomyLevel, RatedBy, SelfRating, check_level
from coach.records import Records, export_client
from coach.records.rights import ANONYMISED, months_before


@pytest.fixture
def records() -> Records:
    """Unencrypted in-memory records (encryption is tested in tests/integration)."""
    found = Records.in_memory()
    yield found
    found.conn.close()


def visit_with_everything(records: Records, pseudonym: str = "Jo") -> tuple[int, int]:
    worker = records.worker("Ana")
    client = records.create_client(pseudonym, "fr", ["phone"], True, "records")
    visit = records.start_visit(worker.id, client.id, "fr")
    records.record_help(visit.id, "demo", "sms", "s2")
    records.rate(visit.id, "demo/sms", "2.1", 2)
    records.add_note(visit.id, "brought her own phone")
    return worker.id, client.id


def test_about_client_has_everything(records: Records) -> None:
    """The client's view lists their details, visits with lessons, ratings and notes."""
    _, client_id = visit_with_everything(records)
    about = records.about_client(client_id)
    assert about["client"]["pseudonym"] == "Jo" and about["client"]["contact_channels"] == ["phone"]
    assert about["visits"][0]["lessons"][0]["help_requests"] == {"s2": 1}
    assert about["ratings"][0]["level"] == 2 and about["notes"][0]["text"] == "brought her own phone"
    json.dumps(about)


def test_export_writes_json_and_audits(records: Records, tmp_path: Path) -> None:
    """The access export is the same data as JSON, and the audit log names the client by id only."""
    worker_id, client_id = visit_with_everything(records, "Very Private Name")
    export_client(records, client_id, tmp_path / "jo.json", worker_id)
    assert json.loads((tmp_path / "jo.json").read_text(encoding="utf-8")) == records.about_client(client_id)
    at, who, action, detail = records.audit_log(1)[0]
    assert (who, action, detail) == (worker_id, "client_exported", f"client {client_id}")


def test_audit_never_holds_a_pseudonym_or_note(records: Records) -> None:
    """After creating, exporting, erasing and sweeping, no audit detail contains a pseudonym or note."""
    worker_id, client_id = visit_with_everything(records, "Very Private Name")
    records.erase_client(client_id, worker_id)
    visit_with_everything(records, "Another Private Name")
    records.retention_sweep(1, now=datetime.now(UTC) + timedelta(days=400))
    details = " ".join(entry[3] for entry in records.audit_log())
    assert "Private" not in details and "phone" not in details
    assert {entry[2] for entry in records.audit_log()} >= {"client_created", "client_erased", "retention_sweep"}


def test_erase_an_unknown_client(records: Records) -> None:
    """Erasing a client who does not exist is a ValueError."""
    with pytest.raises(ValueError):
        records.erase_client(99)


def test_retention_spares_recent_clients(records: Records) -> None:
    """Only clients whose last visit is older than the period are anonymised."""
    _, client_id = visit_with_everything(records)
    assert records.retention_sweep(12, now=datetime.now(UTC) + timedelta(days=300)) == 0
    assert records.retention_sweep(12, now=datetime.now(UTC) + timedelta(days=370)) == 1
    client = records.client(client_id)
    assert client.pseudonym == ANONYMISED and client.code is None and records.notes(client_id) == []
    assert records.retention_sweep(12, now=datetime.now(UTC) + timedelta(days=900)) == 0


def test_months_before_clamps_to_the_month_end() -> None:
    """31 March minus one month is 28 February; January minus one is the previous December."""
    assert months_before(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert months_before(datetime(2026, 1, 15, tzinfo=UTC), 1) == datetime(2025, 12, 15, tzinfo=UTC)
    assert months_before(datetime(2026, 5, 1, tzinfo=UTC), 12) == datetime(2025, 5, 1, tzinfo=UTC)


def test_the_autonomy_scale() -> None:
    """Four levels 0–3 with the worker's labels; the client's three faces map onto 0, 1 and 3."""
    assert [level.label for level in AutonomyLevel] == [
        "Done for the person", "With guidance", "Autonomous, help if needed", "Autonomous"]
    assert [int(rating) for rating in SelfRating] == [0, 1, 3]
    assert RatedBy("client") is RatedBy.CLIENT
    with pytest.raises(ValueError):
        check_level(4)
