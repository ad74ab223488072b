"""An opening of the records that lasts (the one-off update after a new Coach: minutes at
tens of thousands of clients) tells the worker why, and not to close Coach."""

from __future__ import annotations

import pytest

from coach.ui.language_state import LanguageState
from coach.ui.panel import gate
from coach.ui.panel.gate import RecordsGate


@pytest.fixture
def opening_gate(qtbot, monkeypatch: pytest.MonkeyPatch) -> RecordsGate:
    monkeypatch.setattr(gate, "STILL_OPENING_MS", 50)
    form = RecordsGate(LanguageState("fr", "fr"), records_exist=lambda: True, worker_name="Sam")
    qtbot.addWidget(form)
    form.passphrase.setText("a long desk passphrase")
    with qtbot.waitSignal(form.submitted):
        form.submit()
    form.set_busy(True)  # what the panel does while the records thread opens them
    assert form.status.text() == "Ouverture du dossier…"
    return form


def test_a_long_opening_says_it_is_the_one_off_update(qtbot, opening_gate: RecordsGate) -> None:
    qtbot.waitUntil(lambda: opening_gate.status.text().startswith("Le dossier s'ouvre encore."), timeout=5000)
    assert "Ne fermez pas Coach." in opening_gate.status.text()


def test_an_opening_that_ends_in_time_says_nothing_more(qtbot, opening_gate: RecordsGate) -> None:
    opening_gate.set_busy(False)
    opening_gate.opened()
    qtbot.wait(200)
    assert opening_gate.status.text() == ""
