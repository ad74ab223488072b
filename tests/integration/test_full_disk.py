"""Issue 14: a full disk is said as such, and leaves no half-made file (a real size-limited tmpfs).

Unlocking says "the disk is full" (not a wrong passphrase) and changes nothing; a backup
that runs out of space leaves no temporary file and the rotation as it was; creating the
records on a full disk leaves no records file at all (not an empty one). Skipped, saying
why, where a tmpfs cannot be mounted (not root, not Linux).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from small_disk import fill, small_disk

from coach.cli import main
from coach.records import DiskFull, Records, backup_files
from coach.records.errors import describe

pytestmark = pytest.mark.integration

PASS = "correct horse battery"


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "disk", "2m") as folder:
        yield folder


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def some_records(path: Path, notes: int = 40) -> int:
    """Records at `path` with one client and `notes` notes; the client's id."""
    with Records.create(path, PASS) as records:
        visit = records.start_visit(records.worker("Ana").id, records.create_client("Jo", "fr").id, "fr")
        for n in range(notes):
            records.add_note(visit.id, f"note {n} " + "x" * 900)
        assert visit.client_id is not None
        return visit.client_id


def test_unlocking_on_a_full_disk_says_the_disk_is_full_and_changes_nothing(disk: Path) -> None:
    path = disk / "records.db"
    client_id = some_records(path)
    before = path.read_bytes()
    filler = fill(disk)
    with pytest.raises(DiskFull) as refused:
        Records.open(path, PASS)
    assert describe(refused.value, lambda text: text).startswith("the disk is full")
    assert path.read_bytes() == before
    filler.unlink()
    with Records.open(path, PASS) as records:
        assert records.check() == [] and len(records.notes(client_id)) == 40


def test_coach_records_check_on_a_full_disk_says_so(disk: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COACH_HOME", str(disk / "home"))
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert main(["records", "init"]) == 0
    fill(disk)
    capsys.readouterr()
    assert main(["records", "check"]) == 1
    err = capsys.readouterr().err
    assert "the disk is full" in err and "passphrase" not in err


def test_a_backup_that_runs_out_of_space_leaves_no_temporary_file(disk: Path, tmp_path: Path) -> None:
    records_path = tmp_path / "records.db"  # on the ordinary disk: only the backups' folder is small
    some_records(records_path, notes=5)
    folder = disk / "backups"
    with Records.open(records_path, PASS) as records:
        first = records.backup(folder)
        records.conn.execute("CREATE TABLE ballast (b BLOB)")  # the records outgrow the small disk
        records.conn.execute("INSERT INTO ballast VALUES (zeroblob(3000000))")
        with pytest.raises(DiskFull):
            records.backup(folder)
    assert sorted(p.name for p in folder.iterdir()) == [first.name]
    assert backup_files(folder) == [first]


def test_creating_the_records_on_a_full_disk_leaves_no_file(disk: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    fill(disk)
    with pytest.raises(DiskFull):
        Records.create(disk / "records.db", PASS)
    assert sorted(p.name for p in disk.iterdir()) == ["filler"]
    monkeypatch.setenv("COACH_HOME", str(disk / "home"))
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    capsys.readouterr()
    assert main(["records", "init"]) == 1
    assert "the disk is full" in capsys.readouterr().err
    assert not (disk / "home" / "data" / "records.db").exists()
    assert [p.name for p in (disk / "home" / "data").iterdir()] == []
