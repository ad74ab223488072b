"""Every control of the step, end and consent screens is wholly inside the visible window.

At 100 %, 150 % and 200 % text, in French and Arabic, at 1280×800 and 1024×768, with
the worker's panel open: not merely inside a scroll area, but on screen. One case has
the panel hidden: 200 % text on 1024×768, where the panel's 380 px leave the client's
side too narrow for its big buttons; there the worker hides the panel with one click
(its button stays in the top bar), as the README says.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from ui_helpers import hidden_part

from coach.records.store import records_path
from coach.settings import Settings
from coach.ui.visit_desk import VisitDesk


def controls(page: QWidget) -> list[QAbstractButton]:
    return [b for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page.window())]


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)], ids=["1280x800", "1024x768"])
@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("scale", [100, 150, 200])
def test_step_end_and_consent_controls_are_on_screen(qtbot, make_window, scale, lang, size) -> None:
    """No control of the client's screens falls below the fold or under a scroll area's edge."""
    window = make_window(Settings(client_language=lang, worker_language="fr", text_scale=scale, auto_read=False),
                         size=size)
    desk = VisitDesk(window, records_path())
    if scale == 200 and size == (1024, 768):
        desk.toggle.click()
        assert not desk.panel.isVisible()
    window.set_show_worker_text(True)
    screens = {}
    window.open_lesson("demo", "call-someone", 1)
    window.lesson.help_button.click()  # a notice under the text takes room too
    screens["step"] = window.lesson
    for _ in range(5):
        QApplication.processEvents()
    problems = {}
    for name in ("step", "end", "consent"):
        if name == "end":
            window.open_lesson("demo", "call-someone", 5)
            window.lesson.next()
            page = window.end
        elif name == "consent":
            desk._show_consent(lang)
            page = desk.consent
        else:
            page = window.lesson
        for _ in range(5):
            QApplication.processEvents()
        assert window.current_page() is page
        for button in controls(page):
            cut = hidden_part(button)
            if cut:
                problems[f"{name}: {button.accessibleName() or button.text()!r}"] = cut
    desk.close()
    assert not problems, problems
