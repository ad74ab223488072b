"""WAL lets a second connection read while the first writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.records import Records

pytestmark = pytest.mark.integration

PASS = "correct horse battery"


def test_a_reader_is_not_blocked_by_an_open_write(tmp_path: Path) -> None:
    """While one connection holds a write transaction, another reads the last committed state."""
    path = tmp_path / "records.db"
    writer = Records.create(path, PASS)
    reader = Records.open(path, PASS)
    try:
        worker = writer.worker("Ana")
        client = writer.create_client("Jo", "fr")
        visit = writer.start_visit(worker.id, client.id, "fr")
        writer.rate(visit.id, "demo/sms", "2.1", 1)
        with writer.db.atomic():
            writer.conn.execute("UPDATE ratings SET level = 3")
            seen = reader.ratings_history(client.id)["demo/sms"]
            assert [point.level for point in seen] == [1]
        assert [point.level for point in reader.ratings_history(client.id)["demo/sms"]] == [3]
    finally:
        reader.close()
        writer.close()
