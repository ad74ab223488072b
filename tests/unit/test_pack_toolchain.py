"""`coach pack new`, the `coach_pack` Babel extractor and `coach pack init|update|compile`."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po, write_po

from coach.cli import main
from coach.packs.check import check_paths
from coach.packs.loader import load_library, load_pack
from coach.packs.skeleton import write_skeleton

PYBABEL = Path(sys.executable).with_name("pybabel")
LESSON = "lessons/01-turn-on-phone.toml"


def _run(capsys, *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    return status, capsys.readouterr().out


def _entries(pot: bytes) -> set[tuple[str, str, tuple, tuple]]:
    catalog = read_po(io.BytesIO(pot))
    return {(m.context, m.id, tuple(m.locations), tuple(m.auto_comments)) for m in catalog if m.id}


def test_new_pack_passes_check_at_once_and_shows_in_the_library(capsys, tmp_path: Path) -> None:
    """`coach pack new` writes a pack with no problem at all, two steps, a picture and its .pot."""
    status, out = _run(capsys, "pack", "new", str(tmp_path / "Centre Social"), "--lang", "fr")
    assert status == 0, out
    folder = tmp_path / "Centre Social"
    assert "created the lesson pack 'centre-social'" in out
    assert check_paths([str(folder)]) == [], "no error and no warning"
    assert (folder / "locales" / "centre-social.pot").is_file() and (folder / "babel.cfg").is_file()
    library = load_library(tmp_path / "no-builtin", tmp_path, cache_dir=None)
    pack = library.pack("centre-social")
    assert [step.id for step in pack.lessons[0].steps] == ["find-button", "press-button"]
    assert pack.lessons[0].steps[0].text.source == "Trouvez le bouton sur le côté du téléphone."


def test_new_refuses_a_folder_that_holds_files(capsys, tmp_path: Path) -> None:
    """A trainer's existing work is never overwritten."""
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "notes.txt").write_text("mine")
    status, out = _run(capsys, "pack", "new", str(tmp_path / "work"))
    assert status == 2 and "already exists and is not an empty folder" in out
    assert sorted(p.name for p in (tmp_path / "work").iterdir()) == ["notes.txt"]


def test_pybabel_extract_reads_lessons_like_coach_pack_extract(tmp_path: Path) -> None:
    """The ordinary `pybabel extract -F babel.cfg` gives the entries of `coach pack extract`, lines included."""
    folder = tmp_path / "my-pack"
    write_skeleton(folder, language="en")
    out = tmp_path / "from-pybabel.pot"
    run = subprocess.run([str(PYBABEL), "extract", "-F", "babel.cfg", "-o", str(out), "."], cwd=folder,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert "extracting messages from lessons/01-turn-on-phone.toml" in run.stderr
    ours = _entries((folder / "locales" / "my-pack.pot").read_bytes())
    assert _entries(out.read_bytes()) == ours
    assert ("lesson/turn-on-phone/step/find-button/picture_description",
            "A phone. The button on its side is circled in orange.",
            (("lessons/01-turn-on-phone.toml", 10),), ("Describes the picture pictures/phone-button.svg",)) in ours


def test_pybabel_extract_names_a_broken_lesson_with_file_and_line(tmp_path: Path) -> None:
    """A mistake in a lesson is printed as file:line: error, and pybabel still writes the other texts."""
    folder = tmp_path / "my-pack"
    write_skeleton(folder, language="en")
    lesson = folder / LESSON
    lesson.write_text(lesson.read_text().replace('title = "Turn on the phone"', "title = 3"))
    run = subprocess.run([str(PYBABEL), "extract", "-F", "babel.cfg", "-o", "out.pot", "."], cwd=folder,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0
    assert f"{folder}/{LESSON}:2: error:" in run.stderr
    assert "Find the button on the side of the phone." in (folder / "out.pot").read_text()


def _translate(po: Path, translations: dict[str, str], fuzzy: set[str] = frozenset()) -> None:  # type: ignore[assignment]
    with po.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id in translations:
            message.string = translations[message.id]
            if message.id in fuzzy:
                message.flags.add("fuzzy")
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0)
    po.write_bytes(buffer.getvalue())


def test_init_update_compile_a_language(capsys, tmp_path: Path) -> None:
    """init lists the language and writes uk.po; update merges a new text; compile leaves the fuzzy one out."""
    folder = tmp_path / "my-pack"
    write_skeleton(folder, language="en")
    status, out = _run(capsys, "pack", "init", str(folder), "--lang", "uk")
    assert status == 0, out
    assert 'added "uk" to languages' in out and "(9 texts to translate, marked not reviewed by a native speaker)" in out
    assert load_pack(folder).pack.languages == ("en", "uk")  # type: ignore[union-attr]
    po = folder / "locales" / "uk.po"
    assert po.read_text().count('"X-Coach-Reviewed: no\\n"') == 1, "a new catalog starts not reviewed"
    _translate(po, {"Turn on the phone": "Увімкніть телефон",
                    "Find the button on the side of the phone.": "Знайдіть кнопку збоку телефону."},
               fuzzy={"Find the button on the side of the phone."})
    po.write_text(po.read_text().replace('"Content-Transfer-Encoding: 8bit\\n"\n',
                                         '"Content-Transfer-Encoding: 8bit\\n"\n"X-Coach-Reviewed: no\\n"\n'))
    assert _run(capsys, "pack", "init", str(folder), "--lang", "uk")[0] == 1, "an existing catalog is kept"

    lesson = folder / LESSON
    lesson.write_text(lesson.read_text() + '\n[[steps]]\nid = "done"\nkind = "info"\ntext = "It is on."\n'
                      'picture = "pictures/phone.svg"\npicture_description = "A phone."\n')
    status, out = _run(capsys, "pack", "update", str(folder))
    assert status == 0, out
    assert "updated" in out and "1 translated, 9 not translated, 1 fuzzy" in out
    assert "X-Coach-Reviewed: no" in po.read_text(), "the review mark survives the update"
    assert 'msgid "It is on."' in po.read_text()

    status, out = _run(capsys, "pack", "compile", str(folder), "--lang", "uk")
    assert status == 0, out
    assert f"{po}:" in out and 'warning: fuzzy translation of "lesson/turn-on-phone/step/find-button/text"' in out
    with (folder / "locales" / "uk.mo").open("rb") as handle:
        compiled = read_mo(handle)
    texts = {m.id: m.string for m in compiled if m.id}
    assert texts == {"Turn on the phone": "Увімкніть телефон"}, "the fuzzy entry is not shipped"
    pack = load_pack(folder).pack
    assert pack is not None
    step = pack.lessons[0].steps[0]
    assert pack.translate(step.text, "uk") == step.text.source, "Coach never shows a fuzzy translation"
    assert pack.translate(pack.lessons[0].title, "uk") == "Увімкніть телефон"


def test_compile_refuses_a_catalog_with_a_placeholder_mistake(capsys, tmp_path: Path) -> None:
    """A catalog with an error is named with its line and not compiled."""
    folder = tmp_path / "my-pack"
    write_skeleton(folder, language="en")
    lesson = folder / LESSON
    lesson.write_text(lesson.read_text().replace("Find the button on", "Find the {name} button on"))
    assert _run(capsys, "pack", "init", str(folder), "--lang", "fr")[0] == 0
    _translate(folder / "locales" / "fr.po", {"Find the {name} button on the side of the phone.": "Trouvez {nom}."})
    status, out = _run(capsys, "pack", "compile", str(folder))
    assert status == 1
    assert "locales/fr.po:" in out and "translation has placeholders {nom} but the source has {name}" in out
    assert "not compiled" in out and not (folder / "locales" / "fr.mo").exists()
