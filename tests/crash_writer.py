"""A writer for the crash loop (tests/integration/test_crash_loop.py): run as a script.

    python tests/crash_writer.py RECORDS BACKUPS CONFIRMED ROUND SEED

It opens the records through the real Records API and writes without end: clients,
visits, notes, ratings, visit ends, now and then a backup, a checkpoint, or a close and
a fresh unlock. After each call returns it appends one line to CONFIRMED (one
os.write on an O_APPEND file, so a SIGKILL leaves whole lines in the page cache):

    opened
    client ID PSEUDONYM | visit ID CLIENT_ID | note CLIENT_ID TEXT
    rating CLIENT_ID SKILL LEVEL | ended VISIT_ID | backup NAME

A line is written only once the call has returned: every line is a confirmed write
that the records must still hold after the kill.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from coach.records import Records

PASS = "crash loop passphrase"


def main(records_path: Path, backups: Path, confirmed: Path, round_number: int, seed: int) -> None:
    chance = random.Random(seed)
    out = os.open(confirmed, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def confirm(line: str) -> None:
        os.write(out, (line + "\n").encode("utf-8"))

    if not records_path.exists():
        Records.create(records_path, PASS).close()
    records = Records.open(records_path, PASS)
    confirm("opened")
    worker = records.worker("Crash loop")
    step = 0
    while True:
        step += 1
        client = records.create_client(f"R{round_number}-{step}", chance.choice(["fr", "ar", "ti"]))
        confirm(f"client {client.id} {client.pseudonym}")
        visit = records.start_visit(worker.id, client.id, client.language)
        confirm(f"visit {visit.id} {client.id}")
        for n in range(chance.randint(1, 3)):
            note = records.add_note(visit.id, f"note {round_number}-{step}-{n} " + "x" * chance.randint(0, 400))
            confirm(f"note {client.id} {note.text}")
        for n in range(chance.randint(1, 3)):
            skill, level = f"demo/skill{n}", chance.randint(0, 3)
            records.rate(visit.id, skill, "1.1", level)
            confirm(f"rating {client.id} {skill} {level}")
        records.end_visit(visit.id)
        confirm(f"ended {visit.id}")
        roll = chance.random()
        if roll < 0.02:
            confirm(f"backup {records.backup(backups, keep=3).name}")
        elif roll < 0.04:
            records.checkpoint()
        elif roll < 0.05:
            records.close()
            records = Records.open(records_path, PASS)
            confirm("opened")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
