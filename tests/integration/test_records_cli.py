"""`coach records init|backup|restore|check|stats|passwd` with real files and clear exit codes."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from coach.cli import main
from coach.records import Records, backup_files
from coach.records.commands import records_command

pytestmark = pytest.mark.integration

PASS = "correct horse battery"


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English, whatever the machine's locale."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["records", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_no_records_yet(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Before init, every command exits 1 and says to run coach records init."""
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    for action in ("check", "backup", "passwd"):
        code, _, err = run(action, capsys=capsys)
        assert code == 1 and "run coach records init" in err


def test_init_check_backup_stats(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                 coach_home: Path, tmp_path: Path) -> None:
    """init creates the file; check, backup and stats then work with the passphrase from the environment."""
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    code, out, _ = run("init", capsys=capsys)
    assert code == 0 and (coach_home / "data" / "records.db").is_file()
    assert run("init", capsys=capsys)[0] == 1
    code, out, _ = run("check", capsys=capsys)
    assert code == 0 and "sound" in out
    code, out, _ = run("backup", capsys=capsys)
    assert code == 0 and len(backup_files()) == 1
    target = tmp_path / "figures.csv"
    code, out, _ = run("stats", "--from", "2026-01-01", "--to", "2026-12-31", "--out", str(target), capsys=capsys)
    assert code == 0 and next(csv.reader(target.open()))[0] == "section"


def test_wrong_passphrase_exits_1(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A wrong passphrase exits 1 with a message that says so."""
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    run("init", capsys=capsys)
    monkeypatch.setenv("COACH_PASSPHRASE", "something else")
    code, _, err = run("check", capsys=capsys)
    assert code == 1 and "wrong passphrase" in err


def test_stats_refuses_a_reversed_period(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    """--to before --from is refused with exit 1; a malformed date is a usage error."""
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    run("init", capsys=capsys)
    code, _, err = run("stats", "--from", "2026-02-01", "--to", "2026-01-01", "--out", str(tmp_path / "s.csv"),
                       capsys=capsys)
    assert code == 1 and "before it starts" in err
    with pytest.raises(SystemExit):
        main(["records", "stats", "--from", "01/02/2026", "--to", "2026-01-01", "--out", "x.csv"])


def test_restore_keeps_the_previous_file(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                         coach_home: Path) -> None:
    """restore FILE replaces the records and keeps the old file as records.db.before-restore."""
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    run("init", capsys=capsys)
    run("backup", capsys=capsys)
    with Records.open(None, PASS) as records:
        records.create_client("Added later", "fr")
    code, out, _ = run("restore", str(backup_files()[0]), capsys=capsys)
    assert code == 0 and "before-restore" in out
    with Records.open(None, PASS) as records:
        assert records.find_clients("Added") == []
    assert run("restore", str(coach_home / "nothing.db"), capsys=capsys)[0] == 1


def test_init_and_passwd_ask_twice(coach_home: Path) -> None:
    """Without COACH_PASSPHRASE, init and passwd prompt twice and refuse two different answers."""
    answers = iter([PASS, PASS])
    out, err = io.StringIO(), io.StringIO()
    assert records_command("init", {}, out, err, environ={}, prompt=lambda _: next(answers)) == 0
    answers = iter([PASS, "new passphrase 1", "new passphrase 2"])
    assert records_command("passwd", {}, out, err, environ={}, prompt=lambda _: next(answers)) == 1
    assert "differ" in err.getvalue()
    answers = iter([PASS, "new passphrase 1", "new passphrase 1"])
    assert records_command("passwd", {}, out, err, environ={}, prompt=lambda _: next(answers)) == 0
    Records.open(None, "new passphrase 1").close()


def test_no_passphrase_at_all(coach_home: Path) -> None:
    """With no terminal answer and no COACH_PASSPHRASE, init exits 1 and says how to give one."""
    def no_answer(_: str) -> str:
        raise EOFError

    err = io.StringIO()
    assert records_command("init", {}, io.StringIO(), err, environ={}, prompt=no_answer) == 1
    assert "COACH_PASSPHRASE" in err.getvalue()
    assert not (coach_home / "data" / "records.db").exists()


def test_messages_follow_the_language(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The same refusal in French once the catalog has it (English msgid otherwise)."""
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    monkeypatch.setenv("LANGUAGE", "fr")
    code, _, err = run("check", capsys=capsys)
    assert code == 1 and "coach records init" in err and "no records yet" not in err
