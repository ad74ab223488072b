"""Damaged records files: found at unlock and before a backup, told in plain words, never made worse.

Issue 14 items 7 and 9: a file cut in half, a flipped byte, a 0-byte file left by a
failed init, a wrong passphrase while a killed writer's WAL is present.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli import main
from coach.records import Records, backup_files
from coach.records.backup import latest_good_backup, restore
from coach.records.errors import RecordsDamaged, WrongPassphrase, describe
from coach.records.store import PAGE_SIZE, records_path

pytestmark = pytest.mark.integration

PASS = "correct horse battery"


def states(folder: Path) -> dict[str, str]:
    """Every file of `folder` (and below) by name, with a digest of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def fill(records: Records, clients: int = 120) -> None:
    worker = records.worker("Ana")
    for index in range(clients):
        client = records.create_client(f"Client {index} " + "x" * 40, "fr")
        visit = records.start_visit(worker.id, client.id, "fr")
        records.add_note(visit.id, "note " * 20)


@pytest.fixture
def home_records(coach_home: Path) -> Path:
    """Records in the default place with one good backup, closed."""
    path = records_path()
    with Records.create(path, PASS) as records:
        fill(records)
        records.backup()
    return path


def flip(path: Path, offset: int) -> None:
    with open(path, "r+b") as stream:
        stream.seek(offset)
        byte = stream.read(1)
        stream.seek(offset)
        stream.write(bytes([byte[0] ^ 0x55]))


def test_a_file_cut_in_half_is_damaged_not_a_wrong_passphrase(home_records: Path) -> None:
    os.truncate(home_records, home_records.stat().st_size // 2 + 100)
    before = states(home_records.parent)
    with pytest.raises(RecordsDamaged) as caught:
        Records.open(home_records, PASS)
    assert caught.value.good_backup == backup_files()[-1]
    assert "restore" in describe(caught.value, lambda s: s)
    assert states(home_records.parent) == before


def test_a_flipped_byte_is_found_at_unlock_and_the_file_left_alone(home_records: Path) -> None:
    flip(home_records, home_records.stat().st_size // 2)
    before = states(home_records.parent)
    with pytest.raises(RecordsDamaged) as caught:
        Records.open(home_records, PASS)
    assert caught.value.problems and caught.value.good_backup is not None
    assert states(home_records.parent) == before


def test_a_flipped_byte_in_the_first_page_points_to_the_backup(home_records: Path) -> None:
    """Page 1 carries the key check: damage there looks like a wrong key, but the backup opens."""
    flip(home_records, 200)
    with pytest.raises(WrongPassphrase) as caught:
        Records.open(home_records, PASS)
    assert caught.value.opens_backup == backup_files()[-1]
    assert "damaged" in describe(caught.value, lambda s: s)
    with pytest.raises(WrongPassphrase) as wrong:
        Records.open(home_records, "not the passphrase at all")
    assert wrong.value.opens_backup is None


@pytest.mark.parametrize("action", ["check", "stats", "backup"])
def test_cli_on_a_damaged_file(home_records: Path, action: str, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """check, stats and backup end with exit 1 and plain words; no backup of a damaged file is made."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    flip(home_records, home_records.stat().st_size // 2)
    backups = backup_files()
    args = {"stats": ["stats", "--from", "2020-01-01", "--to", "2030-01-01", "--out", str(tmp_path / "s.csv")]}
    code = main(["records", *args.get(action, [action])])
    captured = capsys.readouterr()
    assert code == 1
    assert "is damaged and was left as it is" in captured.err and "Traceback" not in captured.err
    if action == "check":
        assert "problem: " in captured.out
    assert backup_files() == backups
    assert not (tmp_path / "s.csv").exists()


def test_a_backup_never_rotates_a_damaged_copy_over_good_ones(home_records: Path) -> None:
    """Damage that appears while the records are open is found before the copy joins the rotation."""
    records = Records.open(home_records, PASS)
    try:
        good = backup_files()
        flip(home_records, home_records.stat().st_size - PAGE_SIZE // 2)  # a page behind SQLite's back
        records.conn.execute("PRAGMA cache_size = 0")
        with pytest.raises(RecordsDamaged) as caught:
            records.backup(keep=1)
        assert caught.value.path == home_records, "the records are named, not the copy (it holds the same damage)"
        assert backup_files() == good
        assert not [p for p in good[0].parent.iterdir() if p.name.endswith(".tmp")]
    finally:
        records.conn.close()


def test_restore_the_latest_good_backup_keeps_the_damaged_file_as_it_was(home_records: Path) -> None:
    flip(home_records, home_records.stat().st_size // 2)
    damaged = home_records.read_bytes()
    good = latest_good_backup(PASS)
    assert good is not None
    kept = restore(good, PASS, home_records)
    assert kept.read_bytes() == damaged
    with Records.open(home_records, PASS) as records:
        assert records.check() == [] and len(records.find_clients("client", limit=500)) == 120


def test_an_empty_file_is_not_new_records(coach_home: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A 0-byte file (a failed init of an older Coach) is damaged for open, and replaced by init."""
    path = records_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    with pytest.raises(RecordsDamaged):
        Records.open(path, PASS)
    assert path.read_bytes() == b""
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert main(["records", "check"]) == 1
    assert path.read_bytes() == b""
    assert main(["records", "init"]) == 0
    with Records.open(path, PASS) as records:
        assert records.check() == []


KILLED_WRITER = """
import os, sys
from coach.records import Records
records = Records.open(sys.argv[1], sys.argv[2])
worker = records.worker("Ana")
for index in range(40):
    records.create_client(f"Written after the last checkpoint {index}", "fr")
os.kill(os.getpid(), 9)
"""


def test_a_wrong_passphrase_leaves_a_killed_writers_wal_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "records.db"
    Records.create(path, PASS).close()
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path), PASS], check=False)
    assert Path(f"{path}-wal").stat().st_size > 0
    before = states(tmp_path)
    mtimes = {p: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    for wrong in ("not the passphrase", PASS + "x"):
        with pytest.raises(WrongPassphrase):
            Records.open(path, wrong)
        assert states(tmp_path) == before
        assert {p: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == mtimes
    with Records.open(path, PASS) as records:  # the right one finds every confirmed write
        assert len(records.find_clients("written after", limit=100)) == 40


def test_a_writer_killed_midway_through_a_checkpoint_is_not_damage(tmp_path: Path) -> None:
    """The main file half checkpointed, sound only with its WAL (found by the crash loop): it unlocks."""
    import shutil

    from coach.records.store import _keyed, key_literal, quick_problems

    path = tmp_path / "records.db"
    Records.create(path, PASS).close()
    records = Records.open(path, PASS)
    records.conn.execute("PRAGMA wal_autocheckpoint = 0")
    visit = records.start_visit(records.worker("Ana").id, records.create_client("Jo", "fr").id, "fr")
    for n in range(300):
        records.add_note(visit.id, f"note {n} " + "x" * 1500)
    before = tmp_path / "before"
    before.mkdir()
    for suffix in ("", "-wal"):
        shutil.copyfile(f"{path}{suffix}", f"{before / 'records.db'}{suffix}")
    records.checkpoint()
    after = path.read_bytes()
    records.close()
    old = (before / "records.db").read_bytes()
    pages = [after[i:i + 4096] for i in range(0, len(after), 4096)]
    half = [pages[i] if i < len(pages) // 2 else old[i * 4096:(i + 1) * 4096] for i in range(len(pages))]
    (before / "records.db").write_bytes(b"".join(half))  # a checkpoint killed halfway
    main_alone = _keyed(before / "records.db", key_literal(PASS), "mode=ro&immutable=1")
    try:
        assert quick_problems(main_alone) != [], "the main file alone must look damaged for this test"
    finally:
        main_alone.close()
    with Records.open(before / "records.db", PASS) as reopened:
        assert reopened.check() == [] and len(reopened.notes(visit.client_id or 0)) == 300
