"""Workers and clients: get-or-create, short codes, search by pseudonym or code."""

from __future__ import annotations

import pytest

from coach.records import Records
from coach.records.records import CODE_ALPHABET, fold


@pytest.fixture
def records() -> Records:
    """Unencrypted in-memory records (encryption is tested in tests/integration)."""
    found = Records.in_memory()
    yield found
    found.conn.close()


def test_worker_is_created_once(records: Records) -> None:
    """Asking for the same worker name twice gives the same worker."""
    first = records.worker("Ana")
    assert records.worker(" Ana ") == first
    assert records.worker("Bruno").id != first.id


def test_worker_needs_a_name(records: Records) -> None:
    """An empty worker name is a ValueError."""
    with pytest.raises(ValueError):
        records.worker("  ")


def test_client_gets_a_short_unambiguous_code(records: Records) -> None:
    """Codes have 4 characters from an alphabet without 0/O, 1/I/L and the like, and are unique."""
    codes = {records.create_client(f"Client {i}", "fr").code for i in range(300)}
    assert len(codes) == 300
    assert all(len(code) == 4 and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert not set("0O1IL25SZ8B6G") & set(CODE_ALPHABET)


def test_client_fields_are_kept(records: Records) -> None:
    """Language, contact channels and the dated consent come back as given."""
    client = records.create_client(" Fatima B. ", "ar", ["sms", " ", "phone"], True, "records and notes")
    again = records.client(client.id)
    assert again == client
    assert client.pseudonym == "Fatima B."
    assert client.contact_channels == ("sms", "phone")
    assert client.consent_given and client.consent_scope == "records and notes"
    assert client.consent_date is not None and client.last_visit is None and not client.anonymised


def test_client_needs_a_pseudonym_and_a_language(records: Records) -> None:
    """A blank pseudonym or language is refused and nothing is stored."""
    with pytest.raises(ValueError):
        records.create_client(" ", "fr")
    with pytest.raises(ValueError):
        records.create_client("Jo", "")
    assert records.find_clients("") == []


def test_search_ignores_case_and_accents(records: Records) -> None:
    """"elo" finds "Élodie"; Arabic pseudonyms are found by a part of them."""
    elodie = records.create_client("Élodie M.", "fr")
    arabic = records.create_client("فاطمة", "ar")
    records.create_client("Marc", "fr")
    assert [c.id for c in records.find_clients("ELO")] == [elodie.id]
    assert [c.id for c in records.find_clients("اطم")] == [arabic.id]
    assert fold("Ünal") == "unal"


def test_search_by_code_in_any_case(records: Records) -> None:
    """The short code finds its client, typed in lower case too, listed first."""
    client = records.create_client("Sam", "en")
    found = records.find_clients(client.code.lower())
    assert found[0].id == client.id


def test_search_limit_and_recent_first(records: Records) -> None:
    """An empty search lists clients most recently seen first, at most `limit` of them."""
    worker = records.worker("Ana")
    clients = [records.create_client(f"P{i}", "fr") for i in range(5)]
    records.start_visit(worker.id, clients[2].id, "fr")
    listed = records.find_clients("", limit=3)
    assert len(listed) == 3 and listed[0].id == clients[2].id


def test_search_order_code_first_then_latest_visit_never_seen_last(records: Records) -> None:
    """The client whose code is typed comes first; then the latest visit first; clients never seen last."""
    worker = records.worker("Ana")
    never, old, recent = (records.create_client(name, "fr") for name in ("Ann never", "Ann old", "Ann recent"))
    for client, at in ((old, "2026-01-05T10:00:00.000+00:00"), (recent, "2026-03-01T10:00:00.000+00:00")):
        records.conn.execute("UPDATE clients SET last_visit = ? WHERE id = ?", (at, client.id))
    assert [c.id for c in records.find_clients("ann")] == [recent.id, old.id, never.id]
    coded = records.create_client(f"Zed {never.code}", "fr")  # its name holds another client's code
    records.start_visit(worker.id, coded.id, "fr")
    assert [c.id for c in records.find_clients(never.code)] == [never.id, coded.id]
    assert [c.id for c in records.find_clients("ann", limit=2)] == [recent.id, old.id]


def test_anonymised_clients_are_not_found(records: Records) -> None:
    """After anonymisation a client is no longer found by pseudonym nor code."""
    client = records.create_client("Old Friend", "fr")
    records.conn.execute("UPDATE clients SET created = '2000-01-01T00:00:00.000+00:00' WHERE id = ?", (client.id,))
    assert records.retention_sweep(12) == 1
    assert records.find_clients("Old") == [] and records.find_clients(client.code) == []
