"""A small, size-limited file system for the full-disk tests: a tmpfs mounted in the test's folder.

Mounting needs root on Linux (CAP_SYS_ADMIN); elsewhere the tests are skipped, saying why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def small_disk(folder: Path, size: str = "2m") -> Iterator[Path]:
    """`folder` as the mount point of a tmpfs of `size`, unmounted afterwards."""
    if not sys.platform.startswith("linux"):
        pytest.skip("a size-limited tmpfs needs Linux")
    if os.geteuid() != 0:
        pytest.skip("mounting a size-limited tmpfs needs root (run the suite as root to test a full disk)")
    mount = shutil.which("mount")
    if mount is None:
        pytest.skip("no mount command to make a size-limited file system")
    folder.mkdir(parents=True, exist_ok=True)
    made = subprocess.run([mount, "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"could not mount a size-limited tmpfs: {made.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False, capture_output=True)


def fill(folder: Path) -> Path:
    """Write a file in `folder` until the disk is full; remove the file returned to free the space."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        block = b"\0" * 4096
        while True:
            os.write(descriptor, block)
    except OSError as error:
        if error.errno != 28:  # ENOSPC: full, as wanted
            raise
    finally:
        os.close(descriptor)
    return filler
