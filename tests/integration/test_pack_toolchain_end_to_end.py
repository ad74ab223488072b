"""The trainer's path of docs/authoring-guide.md, end to end, with the real window and real records.

new -> edit -> check -> extract -> init a language -> fill its catalog -> compile -> build
-> install -> the lesson shows in the library in the new language; then version 1.1.0
is built and installed over it, and the client's levels recorded for the pack (in a
real SQLCipher file) are still there and still name a skill of the pack.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from coach.cli import main
from coach.records import Records
from coach.records.store import records_path
from coach.settings import Settings
from coach.ui.app import load_packs
from coach.ui.player.main_window import MainWindow

pytestmark = pytest.mark.integration

PASS = "correct horse battery staple"
ARABIC = {
    "Mon pack de leçons": "حزمة دروسي",
    "Ce que le pack apprend, pour l'accompagnant.": "ما تعلمه الحزمة، للمرافق.",
    "Allumer un téléphone": "تشغيل الهاتف",
    "Allumer le téléphone": "شغّل الهاتف",
    "Trouvez le bouton sur le côté du téléphone.": "ابحث عن الزر على جانب الهاتف.",
    "Un téléphone. Le bouton sur son côté est entouré en orange.": "هاتف. الزر على جانبه محاط بدائرة برتقالية.",
    "Touchez le bouton pour allumer le téléphone.": "المس الزر لتشغيل الهاتف.",
    "Le bouton est sur le côté du téléphone.": "الزر على جانب الهاتف.",
    "Un téléphone vu de face, avec un bouton sur le côté.": "هاتف من الأمام، وزر على جانبه.",
    "Éteindre le téléphone": "أطفئ الهاتف",
    "Appuyez sur le bouton et touchez « Éteindre ».": "اضغط على الزر ثم المس «إيقاف».",
}


def cli(capsys, *argv: str) -> str:
    status = main(list(argv))
    out = capsys.readouterr().out
    assert status == 0, f"coach {' '.join(argv)} failed:\n{out}"
    return out


def fill(po: Path) -> None:
    """What a translator does in Poedit: write every msgstr."""
    with po.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id:
            message.string = ARABIC[message.id]
            message.flags.discard("fuzzy")
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0)
    po.write_bytes(buffer.getvalue())


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def library_window(qtbot) -> MainWindow:
    library = load_packs()
    assert not library.broken, [b.problems for b in library.broken]
    window = MainWindow(list(library.packs), [], Settings(client_language="ar", worker_language="fr"))
    qtbot.addWidget(window)
    window.show_library()
    return window


def test_from_an_empty_folder_to_an_installed_translated_pack_and_an_upgrade(capsys, qtbot, tmp_path: Path) -> None:
    """Every step of the guide works, the library shows the Arabic lesson, and an upgrade keeps the levels."""
    folder = tmp_path / "centre-social"
    cli(capsys, "pack", "new", str(folder), "--lang", "fr")
    lesson = folder / "lessons" / "01-turn-on-phone.toml"
    edit(lesson, "Touchez le bouton sur le côté du téléphone.", "Touchez le bouton pour allumer le téléphone.")
    assert "all valid, no warnings" in cli(capsys, "pack", "check", str(folder))
    assert "9 texts" in cli(capsys, "pack", "extract", str(folder))
    cli(capsys, "pack", "init", str(folder), "--lang", "ar")
    fill(folder / "locales" / "ar.po")
    assert "9 translated, 0 not translated, 0 fuzzy" in cli(capsys, "pack", "compile", str(folder))
    assert "all valid, no warnings" in cli(capsys, "pack", "check", str(folder))
    built = cli(capsys, "pack", "build", str(folder))
    archive = tmp_path / "centre-social-1.0.0.coachpack"
    assert f"wrote {archive}" in built
    shown = cli(capsys, "pack", "install", str(archive))
    assert "Version: 1.0.0" in shown and "Languages: fr, ar" in shown and "Allumer le téléphone" in shown
    assert "Installed centre-social 1.0.0." in shown

    window = library_window(qtbot)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    section = next(s for s in window.library.sections if s.pack.id == "centre-social")
    window.library.scroll_area.ensureWidgetVisible(section)  # the library builds what the client scrolls to
    qtbot.waitUntil(lambda: section.built, timeout=2000)
    assert section.title.text() == "حزمة دروسي"
    assert [tile.title.text() for tile in section.tiles] == ["شغّل الهاتف"]
    window.open_lesson("centre-social", "turn-on-phone", 1)
    assert window.lesson.text.text() == "المس الزر لتشغيل الهاتف."

    with Records.create(records_path(), PASS) as records:
        worker = records.worker("Camille")
        client = records.create_client("Amina K.", "ar", consent_given=True, consent_scope="records")
        visit = records.start_visit(worker.id, client.id, "ar")
        records.rate(visit.id, "centre-social/turn-on-phone", "1.1", 2)
        records.end_visit(visit.id)

    edit(folder / "pack.toml", 'version = "1.0.0"', 'version = "1.1.0"')
    (folder / "lessons" / "02-turn-off-phone.toml").write_text(
        'id = "turn-off-phone"\ntitle = "Éteindre le téléphone"\nskills = ["turn-on-phone"]\n\n[[steps]]\n'
        'id = "hold"\nkind = "info"\ntext = "Appuyez sur le bouton et touchez « Éteindre »."\n'
        'picture = "pictures/phone.svg"\npicture_description = "Un téléphone vu de face, avec un bouton sur le côté."\n',
        encoding="utf-8")
    updated = cli(capsys, "pack", "update", str(folder))
    assert "ar.po: 9 translated, 1 not translated, 2 fuzzy" in updated, "near matches come back fuzzy"
    fill(folder / "locales" / "ar.po")
    cli(capsys, "pack", "compile", str(folder))
    cli(capsys, "pack", "build", str(folder))
    shown = cli(capsys, "pack", "install", str(tmp_path / "centre-social-1.1.0.coachpack"))
    assert "Installed centre-social 1.1.0 in place of version 1.0.0." in shown

    window = library_window(qtbot)
    pack = window.pack("centre-social")
    assert pack is not None and pack.version == "1.1.0"
    assert [lesson.id for lesson in pack.lessons] == ["turn-on-phone", "turn-off-phone"]
    assert pack.translate(pack.lessons[1].title, "ar") == "أطفئ الهاتف"
    with Records.open(records_path(), PASS) as records:
        history = records.ratings_history(client.id)
    assert [int(point.level) for point in history["centre-social/turn-on-phone"]] == [2]
    skill_ids = {f"{pack.id}/{skill.id}" for skill in pack.skills}
    assert set(history) <= skill_ids, "the recorded levels still name a skill of the installed pack"
