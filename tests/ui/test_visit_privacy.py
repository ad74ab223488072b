"""Issue 14: a full visit opens no network connection, and every file it leaves holding
client data is owner-only (0600 files, 0700 folders) under umask 022.

The visit is the panel's real one: create the records, a client with consent, a lesson
with a level, a help request and a note, "what we recorded", a visit sheet saved as PDF,
the client's record exported (JSON + PDF), the automatic backup, the end of the visit.
The lessons and the client's record are read aloud by the real speech child. Sockets
are blocked by an audit hook (tests/network_guard.py) in this process and in the speech
child, which also counts every attempt.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import network_guard
import pytest
from panel_helpers import settle, unlock, with_records

from coach.records.backup import backup_files
from coach.records.store import records_path
from coach.settings import Settings
from coach.ui.panel.handouts_menu import HandoutsMenu
from coach.ui.player.main_window import MainWindow
from coach.ui.speech_service import SpeechService
from coach.ui.visit_desk import VisitDesk


@pytest.fixture
def no_network() -> Iterator[list[tuple[str, str]]]:
    with network_guard.blocking() as attempts:
        yield attempts


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def not_owner_only(*roots: Path) -> list[str]:
    """Every file not 0600 and folder not 0700 under `roots` (the roots included)."""
    found = []
    for root in roots:
        for path in (root, *root.rglob("*")):
            mode = stat.S_IMODE(path.lstat().st_mode)
            wanted = 0o700 if path.is_dir() else 0o600
            if mode != wanted:
                found.append(f"{path} {oct(mode)}")
    return found


def test_a_full_visit_opens_no_connection_and_leaves_only_owner_only_files(
        qtbot, library, tmp_path: Path, no_network, umask_022) -> None:
    child_log = tmp_path / "child-network.log"
    speech = SpeechService(network_guard.child_command(str(child_log), "coach.speech.child"))
    window = MainWindow(list(library.packs), list(library.broken),
                        Settings(desk_language="fr", worker_language="fr", auto_read=True, desk_country="FR",
                                 desk_name="Centre social"), speech=speech)
    qtbot.addWidget(window)
    window.show()
    desk = VisitDesk(window, records_path())
    spoken: list[object] = []
    speech.ready.connect(lambda *answer: spoken.append(answer[1]))
    menu = HandoutsMenu(window, desk.panel)
    try:
        unlock(qtbot, desk)
        panel = desk.panel
        start = panel.start
        start.pseudonym.setText("Amal")
        start.language.setCurrentIndex(start.language.findData("ar"))
        start.create_button.click()
        desk.consent.yes_button.click()
        settle(qtbot, desk)
        assert panel.session is not None and panel.session.client_id is not None
        window.open_lesson("demo", "call-someone")  # read aloud at once (auto_read)
        qtbot.waitUntil(lambda: len(spoken) >= 1, timeout=60000)
        panel.visit.skill_levels[0].buttons[2].click()
        window.lesson.help_button.click()
        panel.visit.note.setPlainText("Sait appeler seule.")
        panel.visit.save_note.click()
        settle(qtbot, desk)
        panel.visit.about_button.click()  # the client's record, read aloud privately
        settle(qtbot, desk)
        qtbot.waitUntil(lambda: len(spoken) >= 2, timeout=60000)
        sheets = tmp_path / "sheets"
        sheets.mkdir()
        dialog = menu.visit_sheet()
        assert dialog is not None
        dialog.save_to(sheets / "visit.pdf")
        qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=30000)
        exports = tmp_path / "exports"
        exports.mkdir()
        panel.export_to(exports)
        settle(qtbot, desk)
        panel.end_visit()
        settle(qtbot, desk)
    finally:
        window.reader.stop()
        speech.stop()
        menu.close()
        desk.close()
    assert no_network == [], "connections attempted during the visit"
    assert not child_log.exists(), child_log.read_text() if child_log.exists() else ""
    assert any(getattr(u, "private", False) for u in spoken) and any(not getattr(u, "private", True) for u in spoken)
    assert (sheets / "visit.pdf").read_bytes().startswith(b"%PDF")
    assert {p.suffix for p in exports.iterdir()} == {".json", ".pdf"}
    assert backup_files(), "the automatic backup at unlock"
    assert with_records(lambda records: records.client(panel_client_id(records))) is not None
    files = [p for p in (*sheets.iterdir(), *exports.iterdir())]
    records_folder = records_path().parent
    assert not_owner_only(records_folder, backup_files()[0].parent) + [
        f"{p} {oct(stat.S_IMODE(p.stat().st_mode))}" for p in files if stat.S_IMODE(p.stat().st_mode) != 0o600] == []


NETWORK_MODULES = {"socket", "ssl", "urllib", "http", "ftplib", "smtplib", "requests", "httpx", "aiohttp",
                   "PySide6.QtNetwork", "PySide6.QtWebEngineCore", "PySide6.QtWebSockets"}


def test_no_module_of_coach_imports_a_network_library() -> None:
    """What the audit hook cannot see (Qt's own C++ network classes) is not imported at all."""
    import ast

    root = Path(__file__).resolve().parents[2] / "coach"
    found = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            found += [f"{path.relative_to(root)}: {n}" for n in names
                      if n in NETWORK_MODULES or n.split(".")[0] in NETWORK_MODULES - {"PySide6"}]
    assert found == []


def panel_client_id(records) -> int:
    (client_id,) = records.conn.execute("SELECT id FROM clients WHERE pseudonym = 'Amal'").fetchone()
    return client_id


def test_the_guard_does_block_and_count(no_network, tmp_path: Path) -> None:
    """The hook is what the visit test relies on: it refuses and counts a connection, here and in a child."""
    with pytest.raises(PermissionError):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    assert [event for event, _ in no_network][:1] in (["socket.getaddrinfo"], ["socket.connect"])
    log = tmp_path / "child.log"
    script = tmp_path / "connects.py"
    script.write_text("import socket\nsocket.create_connection(('127.0.0.1', 9), timeout=1)\n")
    command = network_guard.child_command(str(log), "connects")
    ran = subprocess.run(command, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(tmp_path)},
                         capture_output=True, text=True)
    assert ran.returncode != 0 and "network blocked by the test" in ran.stderr
    assert log.read_text().startswith("socket.")
