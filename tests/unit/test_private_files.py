"""Issue 14 item 7: files holding client data are owner-only whatever the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from coach.records.private import private_replacement


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_replacement_is_owner_only_under_a_permissive_umask(tmp_path: Path) -> None:
    target = tmp_path / "record.pdf"
    previous = os.umask(0)
    try:
        with private_replacement(target, ".pdf") as temporary:
            temporary.unlink()  # a writer that makes its file anew, as QPdfWriter does
            temporary.write_bytes(b"%PDF-1.4 the client's record")
    finally:
        os.umask(previous)
    assert target.read_bytes() == b"%PDF-1.4 the client's record"
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["record.pdf"]


def test_a_failed_writer_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "record.pdf"
    target.write_bytes(b"the earlier export")
    with pytest.raises(OSError, match="disk full"):
        with private_replacement(target, ".pdf") as temporary:
            temporary.write_bytes(b"half a PDF")
            raise OSError("disk full")
    assert target.read_bytes() == b"the earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["record.pdf"]
