"""Every pack Coach ships passes the full `coach pack check` with no error and no warning."""

from __future__ import annotations

from coach.packs.check import check_paths
from coach.packs.loader import discover
from coach.paths import builtin_packs_dir


def test_every_builtin_pack_is_valid_without_warnings() -> None:
    """Deep validation of lessons/*: pictures decode, sentences within Easy-to-Read, ids unique."""
    packs = discover(builtin_packs_dir())
    assert len(packs) >= 2, "the demo and at least one built-in pack of lessons"
    problems = check_paths([str(path) for path in packs])
    assert [f"{p.file}:{p.line}: {p.severity}: {p.message}" for p in problems] == []
