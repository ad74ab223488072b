"""A practice site's band: its name and the practice mark side by side when they fit on one
line, the mark under the name when not, so 200 % text beside the panel leaves room for the fields."""

from __future__ import annotations

import pytest
from ui_helpers import builtin_library, hidden_part, settle

from coach.records.store import records_path
from coach.settings import Settings
from coach.ui.player.exercises.form import SiteBand
from coach.ui.visit_desk import VisitDesk


def test_side_by_side_when_both_fit_on_one_line_else_stacked(qtbot) -> None:
    band = SiteBand()
    qtbot.addWidget(band)
    band.site.setText("Mes aides")
    band.mark.setText("Entraînement")
    band.resize(900, 80)
    band.show()
    qtbot.waitUntil(lambda: not band.stacked())
    band.resize(150, 80)
    qtbot.waitUntil(band.stacked)
    band.resize(900, 80)
    qtbot.waitUntil(lambda: not band.stacked())
    band.site.setText("Mes aides en ligne, le site de tous les services publics " * 3)  # a longer name
    qtbot.waitUntil(band.stacked)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_first_field_is_on_screen_at_200_percent_beside_the_panel(qtbot, make_window, tmp_path_factory,
                                                                      lang) -> None:
    """Side by side, the site's name wrapped into four lines and the e-mail field was out of sight
    (seen in a grab of the window in fr and ar)."""
    window = make_window(Settings(client_language=lang, worker_language="fr", text_scale=200, auto_read=False),
                         lib=builtin_library(tmp_path_factory, "practice-portal"))
    desk = VisitDesk(window, records_path())
    window.resize(1280, 800)
    window.show()
    window.open_lesson("practice-portal", "create-account", 2)
    qtbot.wait(100)  # the layout's passes: measured once it has settled, as a person sees it
    settle()
    form = window.lesson.exercise.form
    assert form.band.stacked()
    assert hidden_part(window.lesson.exercise.inputs["e-mail"].edit) == ""
    desk.close()
