"""`coach pack build` and install: a checked, versioned archive, swapped in whole; unsafe files refused.

Every archive here is made in the test's temporary folder and installed into a packs
folder inside it; each refusal is checked to name its reason and to leave nothing
behind, inside or outside that folder.
"""

from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from coach.packs.archive import ARCHIVE_MANIFEST, build, compare_versions, sha256
from coach.packs.bounded_zip import ZipLimits
from coach.packs.install import InstallRefused, install, installed_packs, open_offer, recover, remove_pack
from coach.packs.loader import load_library
from coach.packs.skeleton import write_skeleton
from coach.paths import builtin_packs_dir

NO_BUILTIN = Path("/nonexistent-coach-builtin")


def _left_nothing(packs_dir: Path) -> bool:
    return not packs_dir.exists() or os.listdir(packs_dir) == []


def _snapshot(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    folder = tmp_path / "src" / "centre-social"
    write_skeleton(folder, language="fr")
    return folder


@pytest.fixture
def packs_dir(tmp_path: Path) -> Path:
    return tmp_path / "desk" / "packs"


def _set_version(folder: Path, version: str) -> None:
    manifest = folder / "pack.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('version = "1.0.0"', f'version = "{version}"'), encoding="utf-8")


def _zip(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]], listing: dict | None = None) -> Path:
    """A zip with `entries` and, unless `listing` is {}, a coachpack.json naming them with their SHA-256."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        if listing is None:
            files = {(e.filename if isinstance(e, zipfile.ZipInfo) else e): {"size": len(d), "sha256": sha256(d)}
                     for e, d in entries}
            listing = {"coachpack": 1, "id": "centre-social", "version": "1.0.0", "files": files}
        if listing:
            archive.writestr(ARCHIVE_MANIFEST, json.dumps(listing))
        for entry, data in entries:
            archive.writestr(entry, data)
    return path


def _entries_of(archive: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(archive) as z:
        return [(name, z.read(name)) for name in z.namelist() if name != ARCHIVE_MANIFEST]


def test_build_writes_a_versioned_archive_listing_every_file_with_its_sha256(pack: Path) -> None:
    """ID-VERSION.coachpack holds the pack's files at its root and coachpack.json with their SHA-256."""
    built = build(pack)
    assert built.path == pack.parent / "centre-social-1.0.0.coachpack"
    with zipfile.ZipFile(built.path) as archive:
        names = archive.namelist()
        listing = json.loads(archive.read(ARCHIVE_MANIFEST))
        assert names[0] == ARCHIVE_MANIFEST
        assert set(names) - {ARCHIVE_MANIFEST} == set(listing["files"])
        assert "pack.toml" in listing["files"] and "lessons/01-turn-on-phone.toml" in listing["files"]
        for name, entry in listing["files"].items():
            assert entry["sha256"] == sha256(archive.read(name))
    assert (listing["coachpack"], listing["id"], listing["version"]) == (1, "centre-social", "1.0.0")
    assert build(pack).path.read_bytes() == built.path.read_bytes(), "the same files give the same bytes"


def test_build_refuses_a_pack_with_errors_or_a_version_that_cannot_be_compared(pack: Path) -> None:
    """Errors are named with file and line; "1.0 beta" is not a version install can order."""
    (pack / "lessons" / "01-turn-on-phone.toml").write_text('id = "x\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"lessons/01-turn-on-phone.toml:1: error: bad TOML syntax"):
        build(pack)
    write_skeleton(pack.parent / "other", language="en")
    _set_version(pack.parent / "other", "1.0 beta")
    with pytest.raises(ValueError, match=r'version "1.0 beta" must be numbers and dots'):
        build(pack.parent / "other")


def test_versions_compare_as_numbers() -> None:
    """1.10 is newer than 1.9, and 1.2 is the same as 1.2.0."""
    assert compare_versions("1.10", "1.9") == 1
    assert compare_versions("1.2", "1.2.0") == 0
    assert compare_versions("0.9.9", "1.0") == -1


def test_install_shows_what_it_holds_then_upgrades_in_place(pack: Path, packs_dir: Path) -> None:
    """The offer names title, version, languages and lessons; 1.1.0 replaces 1.0.0 with nothing left over."""
    offer = open_offer(build(pack).path, packs_dir, builtin_packs_dir())
    assert (offer.pack.id, offer.version, offer.pack.languages) == ("centre-social", "1.0.0", ("fr",))
    assert offer.pack.title.source == "Mon pack de leçons"
    assert [lesson.id for lesson in offer.pack.lessons] == ["turn-on-phone"]
    assert offer.installed_version is None and not offer.builtin
    done = install(offer)
    assert done.path == packs_dir / "centre-social" and done.replaced_version is None

    _set_version(pack, "1.1.0")
    offer = open_offer(build(pack).path, packs_dir, builtin_packs_dir())
    assert offer.installed_version == "1.0.0" and not offer.is_downgrade
    done = install(offer)
    assert done.replaced_version == "1.0.0" and done.lessons_dropped == () and done.skills_dropped == ()
    assert sorted(os.listdir(packs_dir)) == ["centre-social"], "no unpacked or replaced folder is left"
    library = load_library(builtin_packs_dir(), packs_dir, cache_dir=None)
    assert library.pack("centre-social").version == "1.1.0" and not library.broken


def test_a_downgrade_is_refused_unless_asked(pack: Path, packs_dir: Path) -> None:
    """1.0.0 over 1.1.0 says both versions and installs nothing; with allow_downgrade it goes back."""
    old = build(pack, pack.parent / "old.coachpack").path
    _set_version(pack, "1.1.0")
    install(open_offer(build(pack).path, packs_dir, NO_BUILTIN))
    offer = open_offer(old, packs_dir, NO_BUILTIN)
    assert offer.is_downgrade
    with pytest.raises(InstallRefused, match=r'version 1.1.0 of "centre-social" is installed .* older version 1.0.0'):
        install(offer)
    assert [p.version for p in installed_packs(packs_dir)] == ["1.1.0"]
    assert sorted(os.listdir(packs_dir)) == ["centre-social"]
    install(open_offer(old, packs_dir, NO_BUILTIN), allow_downgrade=True)
    assert [p.version for p in installed_packs(packs_dir)] == ["1.0.0"]


def test_a_built_in_pack_is_never_replaced_by_an_installed_one(tmp_path: Path, packs_dir: Path) -> None:
    """A pack with the demo's id is refused with the reason, and the demo stays as it is."""
    folder = tmp_path / "demo-copy"
    write_skeleton(folder, "demo", language="fr")
    offer = open_offer(build(folder).path, packs_dir, builtin_packs_dir())
    assert offer.builtin
    with pytest.raises(InstallRefused, match='"demo" is the id of a pack built into Coach'):
        install(offer)
    assert not installed_packs(packs_dir) and _left_nothing(packs_dir)
    with pytest.raises(InstallRefused, match='"demo" is built into Coach and cannot be removed'):
        remove_pack("demo", packs_dir, builtin_packs_dir())


def test_remove_takes_the_pack_away(pack: Path, packs_dir: Path) -> None:
    """`coach pack remove ID` deletes the installed pack; an unknown id lists what is installed."""
    install(open_offer(build(pack).path, packs_dir, NO_BUILTIN))
    with pytest.raises(InstallRefused, match=r'no installed pack has the id "nope" \(installed: centre-social\)'):
        remove_pack("nope", packs_dir, NO_BUILTIN)
    assert remove_pack("centre-social", packs_dir, NO_BUILTIN).version == "1.0.0"
    assert _left_nothing(packs_dir)


def test_a_failed_swap_keeps_the_old_version(pack: Path, packs_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the new folder cannot be renamed into place, the old version is put back, whole."""
    install(open_offer(build(pack).path, packs_dir, NO_BUILTIN))
    _set_version(pack, "2.0.0")
    offer = open_offer(build(pack).path, packs_dir, NO_BUILTIN)
    real_rename = Path.rename

    def failing(self: Path, target):  # type: ignore[no-untyped-def]
        if self == offer.staging:
            raise OSError("disk unplugged")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", failing)
    with pytest.raises(OSError, match="disk unplugged"):
        install(offer)
    monkeypatch.undo()
    assert [p.version for p in installed_packs(packs_dir)] == ["1.0.0"]
    assert sorted(os.listdir(packs_dir)) == ["centre-social"]


def test_recover_puts_back_a_pack_left_aside_by_a_crash(pack: Path, packs_dir: Path) -> None:
    """A crash between the two renames leaves `.replaced-…`; the next install attempt restores it."""
    install(open_offer(build(pack).path, packs_dir, NO_BUILTIN))
    (packs_dir / "centre-social").rename(packs_dir / ".replaced-0a1b2c3d-centre-social")
    (packs_dir / ".installing-deadbeef").mkdir()
    recover(packs_dir)
    assert sorted(os.listdir(packs_dir)) == ["centre-social"]


def _symlink_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


UNSAFE = {
    "a path outside the pack": ("../escaped.txt", "a path that leaves the archive"),
    "an absolute path": ("/tmp/coach-escaped-absolute.txt", "an absolute path"),
    "a Windows absolute path": ("C:/escaped.txt", "an absolute path"),
    "a link": ("pictures/link.svg", "a symbolic link"),
}


@pytest.mark.parametrize("case", sorted(UNSAFE))
def test_unsafe_entries_are_refused_and_nothing_is_written(case: str, pack: Path, packs_dir: Path,
                                                           tmp_path: Path) -> None:
    """Each unsafe name is refused with the entry and the reason; no file appears anywhere."""
    name, reason = UNSAFE[case]
    entries: list[tuple[zipfile.ZipInfo | str, bytes]] = list(_entries_of(build(pack).path))
    entry = _symlink_info(name) if case == "a link" else name
    entries.append((entry, b"/etc/passwd" if case == "a link" else b"escaped"))
    bad = _zip(tmp_path / "bad.coachpack", entries)
    before = _snapshot(tmp_path)
    with pytest.raises(InstallRefused) as refused:
        open_offer(bad, packs_dir, NO_BUILTIN)
    assert "refused as unsafe" in str(refused.value) and reason in str(refused.value)
    assert _snapshot(tmp_path) - before <= {"desk", "desk/packs"}, "nothing unpacked"
    assert not Path("/tmp/coach-escaped-absolute.txt").exists()
    assert not (tmp_path.parent / "escaped.txt").exists()


def test_too_many_files_too_large_and_zip_bombs_are_refused(pack: Path, packs_dir: Path, tmp_path: Path) -> None:
    """Counts, unpacked size and compression ratio are bounded before anything is unpacked."""
    entries = list(_entries_of(build(pack).path))
    many = _zip(tmp_path / "many.coachpack", entries + [(f"pictures/{n}.txt", b"x") for n in range(5001)])
    with pytest.raises(InstallRefused, match=r"entries, more than the 5000 allowed"):
        open_offer(many, packs_dir, NO_BUILTIN)
    bomb = _zip(tmp_path / "bomb.coachpack", entries + [("audio/silence.wav", bytes(8 * 1024 * 1024))])
    with pytest.raises(InstallRefused, match=r"zip bomb"):
        open_offer(bomb, packs_dir, NO_BUILTIN)
    with pytest.raises(InstallRefused, match=r"more than 2000 bytes once unpacked"):
        open_offer(build(pack).path, packs_dir, NO_BUILTIN, ZipLimits(total_size=2000))
    with pytest.raises(InstallRefused, match=r"more than the 100 allowed for one file"):
        open_offer(build(pack).path, packs_dir, NO_BUILTIN, ZipLimits(entry_size=100))
    assert _left_nothing(packs_dir)


def test_checksums_and_the_list_of_files_must_match(pack: Path, packs_dir: Path, tmp_path: Path) -> None:
    """A changed file, an extra file, a missing file or no coachpack.json: each refused by name."""
    good = build(pack).path
    with zipfile.ZipFile(good) as z:
        listing = json.loads(z.read(ARCHIVE_MANIFEST))
    entries = _entries_of(good)
    changed = [(n, d + b"\n# changed" if n == "pack.toml" else d) for n, d in entries]
    cases = {
        'the checksum of "pack.toml" does not match': _zip(tmp_path / "a.coachpack", changed, listing),
        '"extra.txt" is in the archive but not in its list of files':
            _zip(tmp_path / "b.coachpack", entries + [("extra.txt", b"x")], listing),
        '"pictures/pack.svg" is in the list of files but missing from the archive':
            _zip(tmp_path / "c.coachpack", [(n, d) for n, d in entries if n != "pictures/pack.svg"], listing),
        "this is not a .coachpack file: it has no coachpack.json": _zip(tmp_path / "d.coachpack", entries, {}),
    }
    for message, archive in cases.items():
        with pytest.raises(InstallRefused, match=message):
            open_offer(archive, packs_dir, NO_BUILTIN)
    (tmp_path / "e.coachpack").write_bytes(b"not a zip at all")
    with pytest.raises(InstallRefused, match="cannot be opened as a .coachpack"):
        open_offer(tmp_path / "e.coachpack", packs_dir, NO_BUILTIN)
    assert _left_nothing(packs_dir)


def test_a_pack_with_errors_inside_is_refused_with_file_and_line(pack: Path, packs_dir: Path, tmp_path: Path) -> None:
    """The problems are named inside the archive (`bad.coachpack/lessons/…:LINE`), not the hidden folder."""
    entries = [(n, b'id = "turn-on-phone"\ntitle = 3\n' if n.startswith("lessons/") else d)
               for n, d in _entries_of(build(pack).path)]
    bad = _zip(tmp_path / "bad.coachpack", entries)
    with pytest.raises(InstallRefused) as refused:
        open_offer(bad, packs_dir, NO_BUILTIN)
    text = str(refused.value)
    assert "the pack in this file has errors" in text
    assert "bad.coachpack/lessons/01-turn-on-phone.toml:2: error:" in text, text
    assert ".installing-" not in text and _left_nothing(packs_dir)

