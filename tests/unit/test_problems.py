"""Problem: an English template and its values, shown in English by str() and in any language by render()."""

from __future__ import annotations

import gettext
import io
import pickle

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from coach.domain.problems import Phrase, Problem, Severity, placeholder_names
from coach.i18n.ui_strings import ui_strings

UNKNOWN_FIELD = '{owner} has an unknown field "{field}"'
STEP = 'step "{step}"'


def problem() -> Problem:
    owner = Phrase.create(STEP, step="dial")
    return Problem.create("pack/lessons/01.toml", 7, Severity.ERROR, UNKNOWN_FIELD, owner=owner, field="hint")


def catalog(messages: dict[str, str]) -> gettext.GNUTranslations:
    """A compiled gettext catalog holding `messages`."""
    source = Catalog(locale="fr")
    for msgid, msgstr in messages.items():
        source.add(msgid, msgstr)
    buffer = io.BytesIO()
    write_mo(buffer, source)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def test_str_and_message_are_english() -> None:
    """str() is `file:line: severity: message` in English; message is the English text."""
    assert str(problem()) == 'pack/lessons/01.toml:7: error: step "dial" has an unknown field "hint"'
    assert problem().message == 'step "dial" has an unknown field "hint"'
    assert problem().template == UNKNOWN_FIELD
    assert dict(problem().params)["field"] == "hint"


def test_render_translates_template_phrases_and_severity_keeping_file_and_line() -> None:
    """render(gettext) translates the template, the phrases in it and the severity word; data stays as it is."""
    french = catalog({
        UNKNOWN_FIELD: "{owner} : champ inconnu « {field} »",
        STEP: "étape « {step} »",
        "error": "erreur",
    })
    assert problem().render(french.gettext) == (
        "pack/lessons/01.toml:7: erreur: étape « dial » : champ inconnu « hint »"
    )


def test_render_with_the_shipped_catalogs() -> None:
    """The interface catalogs translate pack problems (French, Arabic); a file-level problem has no line."""
    missing = Problem.create("pack", None, Severity.WARNING, 'skill "{skill}" is not used by any lesson', skill="sms")
    assert missing.render(ui_strings("fr").gettext) == "pack: avertissement: la compétence «\u00a0sms\u00a0» n'est " \
                                                      "utilisée par aucune leçon"
    assert missing.render(ui_strings("ar").gettext) == "pack: تحذير: المهارة «sms» غير مستخدمة في أي درس"


def test_a_faulty_translation_falls_back_to_english() -> None:
    """A translation with a placeholder the problem does not have shows the English message, not a crash."""
    broken = catalog({UNKNOWN_FIELD: "{owner} : champ inconnu « {nom} »", STEP: "étape « {step} »"})
    assert problem().render(broken.gettext).endswith(': étape « dial » has an unknown field "hint"')


def test_data_is_never_formatted_again() -> None:
    """A value holding braces (a placeholder in a pack's text) is shown as it is."""
    mismatch = Problem.create("ar.po", 3, Severity.ERROR,
                              "translation has placeholders {found} but the source has {wanted}",
                              found="{name}", wanted="{code}")
    assert mismatch.message == "translation has placeholders {name} but the source has {code}"


def test_problems_are_frozen_hashable_and_picklable() -> None:
    """Problems go into sets, compare by value and survive pickling (the pack cache stores them)."""
    first, second = problem(), problem()
    assert first == second and hash(first) == hash(second) and len({first, second}) == 1
    again = pickle.loads(pickle.dumps(first, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == first and str(again) == str(first)


def test_placeholder_names() -> None:
    assert placeholder_names(UNKNOWN_FIELD) == {"owner", "field"}
