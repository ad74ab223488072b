"""Issue 14: SIGKILL a writer of the real Records API at random moments; nothing confirmed is lost.

Each round starts tests/crash_writer.py on the same records, kills it with SIGKILL at a
random moment (while it unlocks, replays the WAL the last kill left, writes, backs up,
checkpoints or closes), then unlocks the records here: they must open, pass
integrity_check and foreign_key_check, and hold every write the writer confirmed; every
backup in the rotation must pass its check. At the end every write confirmed in any
round is looked up again, and a backup made after the last kill leaves no temporary file.

Short in the suite; the long form on demand (figures printed with -s):

    COACH_CRASH_KILLS=500 .venv/bin/python -m pytest -q -s tests/integration/test_crash_loop.py
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from coach.records import Records
from coach.records.backup import backup_files
from coach.records.store import connect, quick_problems

pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")]

WRITER = Path(__file__).resolve().parents[1] / "crash_writer.py"
PASS = "crash loop passphrase"
KILLS = int(os.environ.get("COACH_CRASH_KILLS", "4"))
SEED = int(os.environ.get("COACH_CRASH_SEED", str(random.SystemRandom().randrange(10**6))))


@dataclass
class Confirmed:
    """The writes the writer confirmed, as it reported them."""

    clients: dict[int, str] = field(default_factory=dict)
    visits: dict[int, int] = field(default_factory=dict)
    ended: set[int] = field(default_factory=set)
    notes: dict[int, Counter[str]] = field(default_factory=dict)
    ratings: dict[int, set[tuple[str, int]]] = field(default_factory=dict)
    backups: list[str] = field(default_factory=list)
    opened: int = 0

    def add(self, line: str) -> None:
        kind, _, rest = line.partition(" ")
        if kind == "opened":
            self.opened += 1
        elif kind == "client":
            number, pseudonym = rest.split(" ", 1)
            self.clients[int(number)] = pseudonym
        elif kind == "visit":
            number, client = rest.split(" ")
            self.visits[int(number)] = int(client)
        elif kind == "ended":
            self.ended.add(int(rest))
        elif kind == "note":
            client, text = rest.split(" ", 1)
            self.notes.setdefault(int(client), Counter())[text] += 1
        elif kind == "rating":
            client, skill, level = rest.split(" ")
            self.ratings.setdefault(int(client), set()).add((skill, int(level)))
        elif kind == "backup":
            self.backups.append(rest)
        else:
            raise ValueError(f"the writer reported {line!r}")

    def writes(self) -> int:
        return (len(self.clients) + len(self.visits) + len(self.ended) + len(self.backups)
                + sum(sum(c.values()) for c in self.notes.values()) + sum(map(len, self.ratings.values())))

    def lost(self, records: Records) -> list[str]:
        """Every confirmed write the records no longer hold."""
        lost = []
        for number, pseudonym in self.clients.items():
            client = records.client(number)
            if client is None or client.pseudonym != pseudonym:
                lost.append(f"client {number} {pseudonym}")
        for number, client_id in self.visits.items():
            visit = _visit(records, number)
            if visit is None or visit.client_id != client_id:
                lost.append(f"visit {number}")
            elif number in self.ended and visit.ended is None:
                lost.append(f"end of visit {number}")
        lost += [f"end of visit {n}" for n in self.ended - self.visits.keys() if _visit(records, n) is None]
        for client_id, texts in self.notes.items():
            kept = Counter(note.text for note in records.notes(client_id))
            lost += [f"note of client {client_id}: {text[:30]}" for text in texts - kept]
        for client_id, ratings in self.ratings.items():
            kept = {(skill, int(point.level)) for skill, points in records.ratings_history(client_id).items()
                    for point in points}
            lost += [f"rating of client {client_id}: {r}" for r in ratings - kept]
        return lost


def _visit(records: Records, number: int):
    try:
        return records.visit(number)
    except ValueError:
        return None


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    return text.split("\n")[:-1]  # a line is confirmed once its newline is written


def _kill_at_random(round_number: int, records_path: Path, backups: Path, confirmed: Path,
                    chance: random.Random) -> None:
    """One writer, SIGKILLed during its unlock (1 round in 5) or at a random moment of its writing."""
    writer = subprocess.Popen([sys.executable, str(WRITER), str(records_path), str(backups), str(confirmed),
                               str(round_number), str(chance.randrange(10**9))],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        if chance.random() < 0.2:
            time.sleep(chance.uniform(0.0, 0.6))
        else:
            give_up = time.monotonic() + 120
            while "opened" not in _lines(confirmed) and writer.poll() is None and time.monotonic() < give_up:
                time.sleep(0.01)
            time.sleep(chance.uniform(0.0, 0.5))
        ended_alone = writer.poll()
        writer.send_signal(signal.SIGKILL)
    finally:
        _, errors = writer.communicate()
    assert ended_alone is None, f"the writer stopped by itself ({ended_alone}): {errors.decode()[-2000:]}"


def test_sigkilled_writers_lose_no_confirmed_write(tmp_path: Path) -> None:
    chance = random.Random(SEED)
    records_path, backups = tmp_path / "records.db", tmp_path / "backups"
    everything = Confirmed()
    survived = 0
    verified: set[str] = set()  # backups already checked (a backup never changes once renamed into place)
    for round_number in range(KILLS):
        confirmed = tmp_path / f"confirmed-{round_number}.txt"
        _kill_at_random(round_number, records_path, backups, confirmed, chance)
        this_round = Confirmed()
        for line in _lines(confirmed):
            this_round.add(line)
            everything.add(line)
        if not records_path.exists():
            assert this_round.opened == 0, "confirmed writes, and no records file"
            continue  # killed while creating the records: nothing was confirmed
        with Records.open(records_path, PASS) as records:
            assert records.check() == [], f"round {round_number} (seed {SEED})"
            assert this_round.lost(records) == [], f"round {round_number} (seed {SEED})"
        for copy in [c for c in backup_files(backups) if c.name not in verified]:
            verified.add(copy.name)
            conn = connect(copy, PASS, read_only=True)
            try:
                assert quick_problems(conn) == [], f"backup {copy.name} (seed {SEED})"
            finally:
                conn.close()
        survived += 1
    with Records.open(records_path, PASS) as records:
        lost = everything.lost(records)
        records.backup(backups, keep=3)
    leftovers = sorted(p.name for p in backups.iterdir() if not p.name.startswith("records-")) \
        if backups.exists() else []
    print(f"\ncrash loop (seed {SEED}): {survived} of {KILLS} kills survived, {everything.writes()} confirmed "
          f"writes, {len(lost)} lost, {everything.opened} unlocks, {len(everything.backups)} backups, "
          f"leftover files {leftovers}")
    assert lost == []
    assert leftovers == []
    assert survived >= KILLS - 1  # only a kill before the first records file exists skips its check
    assert everything.writes() > 0
