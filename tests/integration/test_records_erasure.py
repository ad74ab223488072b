"""Erasure and retention leave no pseudonym, code or note anywhere in the decrypted database.

Three looks at the file after the change: every row (a dump), the raw bytes of a
plain copy made by `sqlcipher_export`, and the raw bytes of every page of the file
itself decrypted here with SQLCipher 4's page format (PBKDF2-HMAC-SHA512, AES-256-CBC
through the `openssl` command), which also shows freed pages and slack space.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from coach.records import Records
from coach.records.store import iterdump, key_literal

pytestmark = pytest.mark.integration

PASS = "correct horse battery"
SECRETS = ("Hannelore Quist", "a cat called Pumpernickel", "lives above the bakery")


def decrypted_pages(path: Path, passphrase: str, page_size: int = 4096, reserve: int = 80) -> bytes:
    """Every page of an SQLCipher 4 file, decrypted (the salt is the first 16 bytes; IV after the data)."""
    raw = path.read_bytes()
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode(), raw[:16], 256_000, 32)
    pages = []
    for start in range(0, len(raw), page_size):
        page = raw[start:start + page_size]
        body = page[16 if start == 0 else 0:page_size - reserve]
        iv = page[page_size - reserve:page_size - reserve + 16]
        pages.append(subprocess.run(
            ["openssl", "enc", "-d", "-aes-256-cbc", "-nopad", "-K", key.hex(), "-iv", iv.hex()],
            input=body, capture_output=True, check=True).stdout)
    return b"".join(pages)


def exported_plain(records: Records, folder: Path) -> bytes:
    """The bytes of a plaintext copy made with sqlcipher_export."""
    plain = folder / "plain.db"
    plain.unlink(missing_ok=True)
    records.conn.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
    records.conn.execute("SELECT sqlcipher_export('plain')")
    records.conn.execute("DETACH DATABASE plain")
    return plain.read_bytes()


def traces(records: Records, folder: Path, secrets: tuple[str, ...]) -> list[str]:
    """Which of `secrets` can still be found in the rows, the plain export or the decrypted pages."""
    records.checkpoint()
    wal = Path(f"{records.path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "the WAL still holds pages"
    rows = "\n".join(iterdump(records.conn))
    export = exported_plain(records, folder)
    pages = decrypted_pages(records.path, PASS)
    found = []
    for secret in secrets:
        data = secret.encode()
        for where, haystack in (("rows", rows.encode()), ("export", export), ("pages", pages)):
            if data in haystack or data.lower() in haystack.lower():
                found.append(f"{secret!r} in {where}")
    return found


@pytest.fixture
def records(tmp_path: Path) -> Records:
    """A records file with a client who has visits, ratings and notes, and another client."""
    opened = Records.create(tmp_path / "records.db", PASS)
    worker = opened.worker("Ana")
    hannelore = opened.create_client(SECRETS[0], "de", ["sms: +33 612 345 678"], True, "records")
    for _ in range(3):
        visit = opened.start_visit(worker.id, hannelore.id, "de")
        opened.rate(visit.id, "demo/sms", "2.1", 2)
        opened.add_note(visit.id, SECRETS[1])
        opened.add_note(visit.id, SECRETS[2])
    other = opened.create_client("Other Person", "fr")
    opened.add_note(opened.start_visit(worker.id, other.id, "fr").id, "keep this note")
    yield opened
    opened.close()


pytestmark = [pytestmark, pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")]


def test_the_search_does_find_what_is_there(records: Records, tmp_path: Path) -> None:
    """Before any erasure the three looks find the pseudonym and the notes (the test can see)."""
    code = records.find_clients(SECRETS[0])[0].code
    found = traces(records, tmp_path, (*SECRETS, code, "612 345 678"))
    assert len(found) == 3 * 5


def test_erasure_leaves_no_trace(records: Records, tmp_path: Path) -> None:
    """After erase_client no pseudonym, code or note is in rows, export or decrypted pages."""
    client = records.find_clients(SECRETS[0])[0]
    records.erase_client(client.id, records.worker("Ana").id)
    assert traces(records, tmp_path, (*SECRETS, client.code, "612 345 678")) == []
    assert records.client(client.id) is None
    assert records.conn.execute("SELECT count(*) FROM ratings WHERE client_id IS NULL").fetchone() == (3,)
    assert records.conn.execute("SELECT count(*) FROM visits WHERE client_id IS NULL").fetchone() == (3,)
    assert records.notes(records.find_clients("Other")[0].id)[0].text == "keep this note"
    action, detail = records.conn.execute("SELECT action, detail FROM audit ORDER BY id DESC").fetchone()
    assert action == "client_erased" and detail == f"client {client.id}"


def test_retention_leaves_no_trace(records: Records, tmp_path: Path) -> None:
    """A retention sweep a year and a day later anonymises both clients; ratings stay for statistics."""
    later = datetime.now(UTC) + timedelta(days=366)
    client = records.find_clients(SECRETS[0])[0]
    assert records.retention_sweep(12, now=later) == 2
    assert traces(records, tmp_path, (*SECRETS, client.code, "612 345 678", "keep this note", "Other Person")) == []
    anonymised = records.client(client.id)
    assert anonymised.anonymised and anonymised.code is None and anonymised.contact_channels == ()
    assert len(records.ratings_history(client.id)["demo/sms"]) == 3


def test_the_page_decryptor_reads_a_fresh_file(tmp_path: Path) -> None:
    """The page decryptor agrees with SQLCipher on a fresh file (same header bytes as plain SQLite)."""
    with Records.create(tmp_path / "r.db", PASS) as opened:
        opened.worker("Ana")
    conn = sqlcipher.connect(str(tmp_path / "r.db"))
    conn.execute(f"PRAGMA key = {key_literal(PASS)}")
    assert int(conn.execute("PRAGMA page_size").fetchone()[0]) == 4096
    conn.close()
    pages = decrypted_pages(tmp_path / "r.db", PASS)
    assert pages[:2] == (4096).to_bytes(2, "big") and b"Ana" in pages
