"""Loading packs from folders and zips into domain values, and the library of packs."""

from __future__ import annotations

from dataclasses import replace

import shutil
import zipfile
from pathlib import Path

import pytest

from coach.domain.pack import Pack
from coach.packs import loader, reading
from coach.packs.bounded_zip import ZipRefused
from coach.packs.loader import discover, load_library, load_pack
from coach.packs.locator import TomlLocator
from coach.packs.resources import FolderResources, UnsafePathError, ZipResources, clean_path, open_resources

DATA = Path(__file__).resolve().parents[1] / "data"
MINIMAL = DATA / "packs" / "minimal"
BROKEN = DATA / "broken_packs"


def copy_pack(source: Path, target: Path, pack_id: str | None = None, title: str | None = None) -> Path:
    shutil.copytree(source, target)
    manifest = target / "pack.toml"
    text = manifest.read_text(encoding="utf-8")
    if pack_id:
        text = text.replace('id = "minimal"', f'id = "{pack_id}"', 1)
    if title:
        text = text.replace('title = "Téléphoner"', f'title = "{title}"', 1)
    manifest.write_text(text, encoding="utf-8")
    return target


def zip_folder(folder: Path, target: Path, *, top: str | None) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                name = path.relative_to(folder).as_posix()
                archive.write(path, f"{top}/{name}" if top else name)
    return target


def loaded(path: Path, **options: bool) -> Pack:
    result = load_pack(path, **options)
    assert result.pack is not None, [str(p) for p in result.problems]
    return result.pack


def test_minimal_pack_values() -> None:
    """The minimal fixture loads into the domain values with the documented contexts."""
    pack = loaded(MINIMAL)
    assert (pack.id, pack.version, pack.source_language, pack.languages) == ("minimal", "1.0.0", "fr", ("fr", "ar"))
    assert pack.title.context == "pack/title" and pack.title.source == "Téléphoner"
    assert pack.description is not None and pack.description.context == "pack/description"
    assert pack.icon == "pictures/pack.png"
    assert pack.skills[0].id == "call" and pack.skills[0].digcomp == ("2.1",)
    lesson = pack.lesson("call")
    assert lesson.file == "lessons/01-call.toml"
    assert lesson.title.context == "lesson/call/title"
    assert lesson.icon == "pictures/phone.svg"  # no icon: the first step's picture
    assert [s.id for s in lesson.steps] == ["open", "dial"]
    assert lesson.steps[1].text.context == "lesson/call/step/dial/text"
    assert lesson.steps[1].picture_description.context == "lesson/call/step/dial/picture_description"
    assert lesson.links[0].title.context == "lesson/call/link/1/title"
    assert lesson.links[0].url == "https://example.org/aide"
    assert pack.location == str(MINIMAL) and not pack.builtin


def test_minimal_pack_translates_and_marks_unreviewed() -> None:
    """The Arabic catalog is used for translation and its X-Coach-Reviewed: no header is kept."""
    pack = loaded(MINIMAL)
    step = pack.lesson("call").steps[1]
    assert pack.translate(step.text, "ar") == "اكتب الرقم."
    assert pack.translate(step.text, "fr") == "Tapez le numéro."
    assert pack.is_reviewed("ar") is False
    assert pack.has_language("ar") and not pack.has_language("de")


def test_text_language_is_the_language_the_text_is_shown_in() -> None:
    """Translated: the client's language (regional tags kept); untranslated or no catalog: the source, for the voice."""
    pack = loaded(MINIMAL)
    step = pack.lesson("call").steps[1]
    assert pack.text_language(step.text, "ar") == "ar" and pack.text_language(step.text, "ar-MA") == "ar-MA"
    assert pack.text_language(step.text, "fr-CA") == "fr-CA"
    assert pack.text_language(step.text, "ti") == "fr"  # no Tigrinya catalog: French is shown, and read in French
    untranslated = replace(pack.catalogs["ar"], messages={})
    assert replace(pack, catalogs={"ar": untranslated}).text_language(step.text, "ar") == "fr"


def test_lessons_are_ordered_by_file_name(tmp_path: Path) -> None:
    """Lessons come in file-name order, whatever order the file system lists them in."""
    pack_dir = copy_pack(MINIMAL, tmp_path / "pack")
    first = (pack_dir / "lessons/01-call.toml").read_text(encoding="utf-8")
    (pack_dir / "lessons/00-before.toml").write_text(first.replace('id = "call"', 'id = "before"', 1), encoding="utf-8")
    pack = loaded(pack_dir)
    assert [lesson.id for lesson in pack.lessons] == ["before", "call"]


@pytest.mark.parametrize("top", [None, "minimal"])
def test_zip_pack_loads_from_root_or_single_folder(tmp_path: Path, top: str | None) -> None:
    """A zip with the files at its root, or inside one top folder, loads like the folder."""
    archive = zip_folder(MINIMAL, tmp_path / "minimal.zip", top=top)
    pack = loaded(archive, deep=True)
    assert pack.id == "minimal"
    assert isinstance(pack.resources, ZipResources)
    assert pack.resources.read_bytes("pictures/phone.svg").startswith(b"<svg")
    assert pack.translate(pack.lesson("call").title, "ar") == "الاتصال بشخص"


def test_zip_problems_name_the_zip(tmp_path: Path) -> None:
    """Problems inside a zipped pack are reported as pack.zip/lessons/x.toml:LINE."""
    archive = zip_folder(BROKEN / "unknown-kind", tmp_path / "broken.zip", top="unknown-kind")
    result = load_pack(archive)
    assert result.pack is None
    assert str(result.problems[0]).startswith(f"{archive}/lessons/01-call.toml:14: error: ")


def test_zip_without_manifest_is_not_a_pack(tmp_path: Path) -> None:
    """A zip without pack.toml is reported as not a lesson pack."""
    archive = tmp_path / "other.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a/readme.txt", "hello")
        z.writestr("b/readme.txt", "hello")
    result = load_pack(archive)
    assert result.pack is None
    assert "not a lesson pack" in str(result.problems[0])


def test_damaged_zip_is_an_error(tmp_path: Path) -> None:
    """A .zip that is not a zip file gives an error, not an exception."""
    archive = tmp_path / "bad.zip"
    archive.write_bytes(b"not a zip")
    result = load_pack(archive)
    assert result.pack is None and result.problems[0].is_error


def test_paths_may_not_leave_the_pack(tmp_path: Path) -> None:
    """Absolute paths and .. are refused by both kinds of resources."""
    for bad in ("../x.png", "/etc/passwd", "pictures/../../x", "C:/x.png", ""):
        with pytest.raises(UnsafePathError):
            clean_path(bad)
    assert clean_path("./pictures//a.png") == "pictures/a.png"
    (tmp_path / "secret.txt").write_text("secret")
    pack_dir = copy_pack(MINIMAL, tmp_path / "pack")
    resources = FolderResources(pack_dir)
    assert not resources.exists("../secret.txt")
    with pytest.raises(UnsafePathError):
        resources.read_bytes("../secret.txt")
    (pack_dir / "pictures/link.svg").symlink_to(tmp_path / "secret.txt")
    assert not resources.exists("pictures/link.svg")


def test_zip_entries_outside_the_pack_are_refused(tmp_path: Path) -> None:
    """A zip entry named with .. makes the whole zip refused: such a zip was made to attack."""
    archive = zip_folder(MINIMAL, tmp_path / "p.zip", top=None)
    with zipfile.ZipFile(archive, "a") as z:
        z.writestr("../evil.txt", "x")
    with pytest.raises(ZipRefused, match="leaves the archive"):
        open_resources(archive)


def test_cheap_load_does_not_decode_pictures() -> None:
    """The library's cheap load accepts a damaged picture that the deep check refuses."""
    assert load_pack(BROKEN / "unreadable-picture").pack is not None
    assert load_pack(BROKEN / "unreadable-picture", deep=True).pack is None


def test_cheap_load_skips_easy_to_read() -> None:
    """Sentence lengths are checked by `coach pack check`, not on every start."""
    assert load_pack(BROKEN / "long-sentence").pack is not None
    assert load_pack(BROKEN / "long-sentence", deep=True).pack is None


def test_warnings_do_not_stop_a_pack() -> None:
    """A pack with warnings only is loaded, and its warnings are kept."""
    result = load_pack(BROKEN / "unused-skill")
    assert result.pack is not None
    assert [p.severity.value for p in result.problems] == ["warning"]


def test_discover_finds_folders_and_zips(tmp_path: Path) -> None:
    """discover lists sub-folders with pack.toml and .zip files, sorted, and nothing else."""
    copy_pack(MINIMAL, tmp_path / "b-pack")
    (tmp_path / "a.zip").write_bytes(b"")
    (tmp_path / "notes").mkdir()
    (tmp_path / "readme.txt").write_text("x")
    assert [p.name for p in discover(tmp_path)] == ["a.zip", "b-pack"]
    assert discover(tmp_path / "missing") == []


def test_library_keeps_loading_after_a_broken_pack(tmp_path: Path) -> None:
    """A broken pack is listed as broken; the packs after it still load, built-in first."""
    builtin, installed = tmp_path / "builtin", tmp_path / "installed"
    copy_pack(MINIMAL, builtin / "zz-builtin", "builtin-one", "Zèbre")
    shutil.copytree(BROKEN / "unknown-kind", installed / "a-broken")
    copy_pack(MINIMAL, installed / "b-good", "good", "Abeille")
    zip_folder(MINIMAL, installed / "c-zipped.zip", top="minimal")
    library = load_library(builtin, installed)
    assert [p.id for p in library.packs] == ["builtin-one", "good", "minimal"]
    assert library.packs[0].builtin and not library.packs[1].builtin
    assert [b.location for b in library.broken] == [str(installed / "a-broken")]
    assert library.broken[0].errors
    assert library.pack("good").title.source == "Abeille"
    with pytest.raises(KeyError):
        library.pack("nope")


def test_library_duplicate_id_breaks_the_later_pack(tmp_path: Path) -> None:
    """An installed pack reusing a built-in pack's id is broken, naming the first location."""
    builtin, installed = tmp_path / "builtin", tmp_path / "installed"
    copy_pack(MINIMAL, builtin / "one")
    copy_pack(MINIMAL, installed / "two")
    library = load_library(builtin, installed)
    assert [p.location for p in library.packs] == [str(builtin / "one")]
    (broken,) = library.broken
    assert str(broken.problems[0]) == (
        f'{installed / "two"}/pack.toml:2: error: pack id "minimal" is already used by the pack at {builtin / "one"}'
    )


def test_library_contains_an_exception_in_one_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected exception while loading one pack becomes an error for that pack only."""
    installed = tmp_path / "installed"
    copy_pack(MINIMAL, installed / "a", "first")
    copy_pack(MINIMAL, installed / "b", "second")
    real = reading.read_manifest

    def exploding(resources, report, sources):  # type: ignore[no-untyped-def]
        if "first" in resources.read_bytes("pack.toml").decode():
            raise RuntimeError("boom")
        return real(resources, report, sources)

    monkeypatch.setattr(reading, "read_manifest", exploding)
    library = load_library(tmp_path / "none", installed)
    assert [p.id for p in library.packs] == ["second"]
    assert str(library.broken[0].problems[0]) == (
        f"{installed / 'a'}: error: could not load the pack: RuntimeError: boom"
    )


def test_library_collects_warnings(tmp_path: Path) -> None:
    """Warnings of valid packs are gathered in Library.warnings."""
    installed = tmp_path / "installed"
    shutil.copytree(BROKEN / "unused-skill", installed / "p")
    library = load_library(tmp_path / "none", installed)
    assert len(library.packs) == 1
    assert [p.message for p in library.warnings] == ['skill "sms" is not used by any lesson']


def test_locator_finds_keys_tables_and_fallbacks() -> None:
    """The locator maps key paths to lines, falling back to the table header, then None."""
    text = "\n".join([
        'id = "x"',                 # 1
        'note = """',               # 2
        "[[steps]]",                # 3 (inside a multi-line string)
        '"""',                      # 4
        "[[steps]]",                # 5
        'id = "a"',                 # 6
        "[[steps]]",                # 7
        'id = "b"',                 # 8
        'audio = { fr = "x.ogg" }', # 9
        "[steps.options]",          # 10
        "target = 1",               # 11
    ])
    locator = TomlLocator(text)
    assert locator.line_of("id") == 1
    assert locator.line_of("steps[0].id") == 6
    assert locator.line_of("steps[1].id") == 8
    assert locator.line_of("steps[1].audio.fr") == 9
    assert locator.line_of("steps[1].options.target") == 11
    assert locator.line_of("steps[1].picture") == 7
    assert locator.line_of("steps[5].id") is None
    assert locator.line_of("title") is None


def test_a_linked_folder_leading_out_of_the_pack_is_refused(tmp_path: Path) -> None:
    """A `pictures` folder that is a symbolic link to ../outside reads nothing outside the pack."""
    pack = copy_pack(MINIMAL, tmp_path / "pack")
    outside = tmp_path / "outside"
    shutil.move(pack / "pictures", outside)
    (pack / "pictures").symlink_to("../outside", target_is_directory=True)
    resources = FolderResources(pack)
    with pytest.raises(UnsafePathError):
        resources.read_bytes("pictures/pack.png")
    assert not resources.exists("pictures/pack.png") and resources.list("pictures") == []
    assert load_pack(pack).pack is None


def test_the_locator_finds_items_of_nested_arrays_among_thousands() -> None:
    """steps[i] and steps[i].choices[j] are found by position (a lookup no longer lists every step)."""
    lines = ['id = "big"']
    for i in range(3000):
        lines += ["[[steps]]", f'id = "s{i}"', "[[steps.choices]]", f'text = "a{i}"', "[[steps.choices]]",
                  f'text = "b{i}"']
    locator = TomlLocator("\n".join(lines))
    assert locator.line_of("steps[0].id") == 3
    assert locator.line_of("steps[2999].id") == 2 + 6 * 2999 + 1
    assert locator.line_of("steps[1500].choices[1].text") == 2 + 6 * 1500 + 5
    assert locator.line_of("steps[7].choices[0]") == 2 + 6 * 7 + 2
    assert locator.line_of("steps[7].choices[2]") == 2 + 6 * 7  # no third choice: the step's header
    assert locator.line_of("steps[3000].id") is None
