"""Modules talk through small, named APIs, and each rule is stated once."""

from __future__ import annotations

import ast
from pathlib import Path

COACH = Path(__file__).resolve().parents[2] / "coach"

WINDOW_API = {
    "add_page", "show_page", "current_page", "add_side_panel", "add_tool", "add_worker_action", "read_aloud",
    "stop_reading", "screen_reader_reads", "voice", "start_with_client", "set_client_language", "show_library", "update_settings",
    "player_event", "step_shown", "exercise_result", "self_rated", "closing", "settings_changed", "languages",
    "settings", "packs", "library",
}
"""What the worker's panel may use of the player's window (coach/ui/player/main_window.py)."""


def attributes_used_on(name: str, source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    used = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            value = node.value
            if isinstance(value, ast.Name) and value.id == name:
                used.add(node.attr)
            elif isinstance(value, ast.Attribute) and value.attr == name and isinstance(value.value, ast.Name) \
                    and value.value.id == "self":
                used.add(node.attr)
    return used


def test_the_visit_desk_uses_only_the_windows_api() -> None:
    """visit_desk.py reaches the window through its API, never its stack, splitter, top bar or pages."""
    used = attributes_used_on("window", COACH / "ui" / "visit_desk.py")
    assert used, "the desk talks to the window"
    assert used <= WINDOW_API, f"not part of MainWindow's API: {sorted(used - WINDOW_API)}"


def test_each_rule_is_defined_once() -> None:
    """The passphrase length and the note limit are numbers in coach/domain/rules.py and nowhere else."""
    for name in ("MIN_PASSPHRASE", "MAX_NOTE"):
        defined = []
        for path in COACH.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and any(
                        isinstance(t, ast.Name) and t.id == name for t in node.targets):
                    defined.append(path.relative_to(COACH).as_posix())
        assert defined == ["domain/rules.py"], f"{name} is defined in {defined}"


def test_the_cli_and_the_panel_refuse_the_same_passphrase() -> None:
    """One length rule: what the store refuses, the panel's check refuses too, and at the same length."""
    import pytest

    from coach.domain.rules import MIN_PASSPHRASE, PassphraseProblem, passphrase_problem
    from coach.records.store import check_new_passphrase

    short, enough = "x" * (MIN_PASSPHRASE - 1), "x" * MIN_PASSPHRASE
    assert passphrase_problem(short) is PassphraseProblem.TOO_SHORT and passphrase_problem(enough) is None
    with pytest.raises(ValueError):
        check_new_passphrase(short)
    check_new_passphrase(enough)


def test_the_period_rule_is_the_records_rule() -> None:
    """The funders' figures refuse a reversed period with the same rule in the panel, the CLI and the store."""
    from datetime import date

    import pytest

    from coach.domain.rules import PeriodReversed
    from coach.records import Records

    records = Records.in_memory()
    with pytest.raises(PeriodReversed):
        records.stats(date(2026, 5, 1), date(2026, 4, 1))
    records.conn.close()
