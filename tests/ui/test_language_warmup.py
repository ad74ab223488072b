"""The other client languages are prepared in idle time, one at a time, once the window is up."""

from __future__ import annotations

from coach.i18n.languages import language
from coach.settings import Settings
from coach.ui.language_warmup import LanguageWarmup
from coach.ui.player.screens import offered_languages


def test_each_offered_language_but_the_one_on_screen_is_prepared_one_at_a_time(qtbot, make_window) -> None:
    window = make_window(Settings(client_language="fr", worker_language="fr", auto_read=False))
    offered = offered_languages(window.packs)
    others = [lang.tag for lang in offered if lang.tag != "fr"]
    assert "ar" in others and "ti" in others
    warmup = LanguageWarmup(window.languages, offered, lambda: window.settings.text_scale, window)
    warmup.start(after_ms=0)
    qtbot.waitUntil(lambda: len(warmup.prepared) >= 1)
    assert len(warmup.prepared) < len(others), "one language per turn of the event loop, not all at once"
    qtbot.waitUntil(lambda: warmup.prepared == others, timeout=10000)


def test_a_prepared_language_shows_as_before(qtbot, make_window) -> None:
    """Preparing draws off screen only: the window and the client's language are left as they were."""
    from coach.ui.language_warmup import prepare

    window = make_window(Settings(client_language="fr", worker_language="fr", auto_read=False))
    before = window.grab().toImage()
    prepare(window.languages, language("ar"), 200)
    assert window.languages.client.tag == "fr"
    assert window.grab().toImage() == before


def test_a_right_to_left_language_has_the_lessons_arrows_drawn_before_its_first_switch(qtbot, make_window) -> None:
    """A first switch to Arabic in a lesson drew the mirrored Back and Next arrows (2-3 ms)."""
    from coach.ui.icons import icon, lesson_arrows
    from coach.ui.language_warmup import prepare

    window = make_window(Settings(client_language="fr", worker_language="fr", auto_read=False))
    icon.cache_clear()
    prepare(window.languages, language("ar"), 100, high_contrast=True)
    drawn = icon.cache_info().misses
    back, forward = lesson_arrows(True, True)
    assert icon.cache_info().misses == drawn  # both taken from the cache
    assert not back.isNull() and not forward.isNull()
