"""Install a .coachpack into the desk's packs folder, upgrade it in one step, or remove it.

    offer = open_offer(Path("centre-social-1.2.0.coachpack"), app_dirs().packs, builtin_packs_dir())
    offer.pack.title, offer.pack.languages, offer.version, offer.installed_version   # shown first
    done = install(offer)            # or discard(offer)
    remove_pack("centre-social", app_dirs().packs, builtin_packs_dir())

`open_offer` checks everything before anything is put in place: the zip's bounds and
paths (coach.packs.bounded_zip: sizes, ratio, counts, links, paths outside the pack),
then that `coachpack.json` lists every file with its SHA-256 and nothing else, then
unpacks into a hidden folder beside the installed packs and loads the pack from there
with the full check of `coach pack check`. `install` then swaps it in: the old version
is renamed aside, the new folder renamed into place (the same file system, so each
rename is whole), and the old one deleted; a failure puts the old one back. So a desk
never has a half-installed pack.

The records refer to a pack by its id (and to its lessons and skills by theirs), so an
upgrade keeps every record; the result says which lessons or skills the new version no
longer has (their past levels stay in the records). A built-in pack's id is refused:
an installed pack cannot replace a pack that comes with Coach. An older version over a
newer one is refused unless asked (`allow_downgrade`).

Refusals are `InstallRefused` with an English template and values (a `Phrase`), shown
in the reader's language. Nothing here imports Qt.
"""

from __future__ import annotations

import json
import secrets
import shutil
import tomllib
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coach.domain.pack import Pack
from coach.domain.problems import Phrase, Problem, Value
from coach.i18n.ui_strings import N_
from coach.packs.archive import ARCHIVE_FORMAT, ARCHIVE_MANIFEST, compare_versions, parse_version, sha256
from coach.packs.bounded_zip import DEFAULT_LIMITS, BoundedZip, ZipLimits, ZipRefused
from coach.packs.loader import discover, load_pack
from coach.packs.resources import MANIFEST

STAGING_PREFIX = ".installing-"
OLD_PREFIX = ".replaced-"
REMOVED_PREFIX = ".removed-"


class InstallRefused(ValueError):
    """The archive is not installed, and why: an English template and its values."""

    def __init__(self, template: str, /, problems: tuple[Problem, ...] = (), **params: Value) -> None:
        self.phrase = Phrase.create(template, **params)
        self.problems = problems
        super().__init__(self.render())

    def render(self, gettext: Callable[[str], str] | None = None) -> str:
        """The reason, then one line per problem of the pack, in `gettext`'s language."""
        text = self.phrase.render(gettext) if gettext else self.phrase.render()
        lines = [p.render(gettext) if gettext else str(p) for p in self.problems]
        return "\n".join([text, *lines])


@dataclass(frozen=True)
class InstalledPack:
    """A pack in the packs folder (or built in): where it is, its id and version."""

    path: Path
    pack_id: str
    version: str


@dataclass
class PackOffer:
    """A checked archive, unpacked and loaded, waiting for `install` or `discard`."""

    archive: Path
    pack: Pack
    staging: Path
    packs_dir: Path
    installed: InstalledPack | None
    """The version of the same pack already installed, if any."""
    builtin: bool
    """True when a built-in pack has this id (install refuses it)."""

    @property
    def version(self) -> str:
        return self.pack.version

    @property
    def installed_version(self) -> str | None:
        return None if self.installed is None else self.installed.version

    @property
    def is_downgrade(self) -> bool:
        return self.installed is not None and compare_versions(self.version, self.installed.version) < 0


@dataclass(frozen=True)
class Installed:
    """What `install` did."""

    path: Path
    pack_id: str
    version: str
    replaced_version: str | None
    lessons_dropped: tuple[str, ...] = ()
    skills_dropped: tuple[str, ...] = ()


def manifest_identity(path: Path) -> InstalledPack | None:
    """The id and version written in the pack.toml of a pack folder or .zip; None when unreadable."""
    try:
        if path.is_dir():
            raw = (path / MANIFEST).read_bytes()
        else:
            from coach.packs.resources import open_resources

            resources = open_resources(path)
            try:
                raw = resources.read_bytes(MANIFEST)
            finally:
                resources.close()
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except Exception:  # a broken pack has no identity; it never stops an install
        return None
    pack_id, version = data.get("id"), data.get("version")
    if not isinstance(pack_id, str) or not isinstance(version, str):
        return None
    return InstalledPack(path, pack_id, version)


def installed_packs(packs_dir: Path) -> list[InstalledPack]:
    return [found for path in discover(packs_dir) if (found := manifest_identity(path)) is not None]


def _checked_files(archive: BoundedZip) -> dict[str, object]:
    """Check coachpack.json against the archive's files and their SHA-256; its content."""
    if not archive.has(ARCHIVE_MANIFEST):
        raise InstallRefused(N_("this is not a .coachpack file: it has no {file}"), file=ARCHIVE_MANIFEST)
    try:
        listing = json.loads(archive.read(ARCHIVE_MANIFEST).decode("utf-8"))
        files = listing["files"]
        version = listing["coachpack"]
        if not isinstance(files, dict) or not isinstance(version, int):
            raise TypeError("files must be a table and coachpack a number")
    except (ValueError, KeyError, TypeError) as exc:
        raise InstallRefused(N_("{file} is damaged: {error}"), file=ARCHIVE_MANIFEST, error=str(exc)) from None
    if version > ARCHIVE_FORMAT:
        raise InstallRefused(N_("this file was made by a newer Coach (format {found}); update Coach to install it"),
                             found=version)
    names = set(archive.names()) - {ARCHIVE_MANIFEST}
    unlisted, missing = sorted(names - set(files)), sorted(set(files) - names)
    if unlisted:
        raise InstallRefused(N_('"{name}" is in the archive but not in its list of files'), name=unlisted[0])
    if missing:
        raise InstallRefused(N_('"{name}" is in the list of files but missing from the archive'), name=missing[0])
    for name in sorted(names):
        expected = files[name].get("sha256") if isinstance(files[name], dict) else None
        if not isinstance(expected, str) or sha256(archive.read(name)) != expected.lower():
            raise InstallRefused(
                N_('the checksum of "{name}" does not match: the file is damaged or was changed after it was built'),
                name=name)
    return listing


def _relocated(problems: tuple[Problem, ...], staging: Path, archive: Path) -> tuple[Problem, ...]:
    """The problems named inside the archive (`x.coachpack/lessons/…`) rather than the hidden folder."""
    old, new = str(staging), archive.name
    return tuple(Problem(p.file.replace(old, new, 1), p.line, p.severity, p.template, p.params) for p in problems)


def open_offer(archive_path: Path, packs_dir: Path, builtin_dir: Path,
               limits: ZipLimits = DEFAULT_LIMITS) -> PackOffer:
    """Check the archive fully and unpack it beside the installed packs. InstallRefused if anything is wrong."""
    recover(packs_dir)
    try:
        archive = BoundedZip(archive_path, limits)
    except ZipRefused as exc:
        raise InstallRefused(N_("this file is refused as unsafe: {detail}"), detail=str(exc)) from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise InstallRefused(N_("this file cannot be opened as a .coachpack: {error}"), error=str(exc)) from None
    packs_dir.mkdir(parents=True, exist_ok=True)
    staging = packs_dir / f"{STAGING_PREFIX}{secrets.token_hex(4)}"
    try:
        with archive:
            listing = _checked_files(archive)
            archive.extract_to(staging)
        result = load_pack(staging, deep=True)
        if result.pack is None:
            raise InstallRefused(N_("the pack in this file has errors:"),
                                 problems=_relocated(result.errors, staging, archive_path))
        pack = result.pack
        if (listing.get("id"), listing.get("version")) != (pack.id, pack.version):
            raise InstallRefused(N_("{file} names another pack or version than its pack.toml"), file=ARCHIVE_MANIFEST)
        if parse_version(pack.version) is None:
            raise InstallRefused(N_('the version "{version}" is not numbers and dots, like "1.2.0"'),
                                 version=pack.version)
    except ZipRefused as exc:
        discard_folder(staging)
        raise InstallRefused(N_("this file is refused as unsafe: {detail}"), detail=str(exc)) from None
    except BaseException:
        discard_folder(staging)
        raise
    installed = next((p for p in installed_packs(packs_dir) if p.pack_id == pack.id), None)
    builtin = any(found.pack_id == pack.id for found in map(manifest_identity, discover(builtin_dir)) if found)
    return PackOffer(archive_path, pack, staging, packs_dir, installed, builtin)


def discard_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def discard(offer: PackOffer) -> None:
    """Forget an offer that will not be installed: its unpacked folder is deleted."""
    offer.pack.resources.close()
    discard_folder(offer.staging)


def _ids(path: Path) -> tuple[set[str], set[str]]:
    """(lesson ids, skill ids) of the pack at `path`; empty when it does not load."""
    result = load_pack(path)
    if result.pack is None:
        return set(), set()
    result.pack.resources.close()
    return {lesson.id for lesson in result.pack.lessons}, {skill.id for skill in result.pack.skills}


def install(offer: PackOffer, *, allow_downgrade: bool = False) -> Installed:
    """Put the offered pack in place of the installed version (if any), in one step.

    Raises InstallRefused for a built-in pack's id or an unasked downgrade; the offer is
    discarded either way.
    """
    pack = offer.pack
    try:
        if offer.builtin:
            raise InstallRefused(
                N_('"{id}" is the id of a pack built into Coach; an installed pack cannot replace it. '
                   "Give your pack another id in pack.toml"), id=pack.id)
        if offer.is_downgrade and not allow_downgrade:
            raise InstallRefused(
                N_('version {installed} of "{id}" is installed and this file holds the older version {version}'),
                installed=offer.installed_version or "", id=pack.id, version=pack.version)
        target = offer.packs_dir / pack.id
        old = offer.installed.path if offer.installed else None
        if target.exists() and old != target:
            raise InstallRefused(N_('"{path}" is in the way of the pack "{id}"; move it elsewhere first'),
                                 path=str(target), id=pack.id)
        lessons, skills = _ids(old) if old else (set(), set())
        pack.resources.close()
        _swap(offer.staging, target, old)
    except BaseException:
        discard(offer)
        raise
    return Installed(
        target, pack.id, pack.version, offer.installed_version,
        tuple(sorted(lessons - {lesson.id for lesson in pack.lessons})),
        tuple(sorted(skills - {skill.id for skill in pack.skills})),
    )


def _swap(new: Path, target: Path, old: Path | None) -> None:
    """Rename `old` aside, `new` to `target`, then delete the old one; put it back on failure."""
    if old is None:
        new.rename(target)
        return
    aside = old.with_name(f"{OLD_PREFIX}{secrets.token_hex(4)}-{old.name}")
    old.rename(aside)
    try:
        new.rename(target)
    except BaseException:
        aside.rename(old)
        raise
    _delete(aside)


def _delete(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def recover(packs_dir: Path) -> None:
    """After a crash: put back a replaced pack whose successor never arrived, delete leftovers."""
    try:
        leftovers = sorted(packs_dir.iterdir())
    except OSError:
        return
    present = {p.pack_id for p in installed_packs(packs_dir)}
    for path in leftovers:
        if path.name.startswith((STAGING_PREFIX, REMOVED_PREFIX)):
            _delete(path)
        elif path.name.startswith(OLD_PREFIX):
            original = path.with_name(path.name[len(OLD_PREFIX):].split("-", 1)[-1])
            identity = manifest_identity(path)
            if identity is not None and identity.pack_id not in present and not original.exists():
                path.rename(original)
            else:
                _delete(path)


def remove_pack(pack_id: str, packs_dir: Path, builtin_dir: Path) -> InstalledPack:
    """Take the installed pack `pack_id` away; InstallRefused for a built-in or unknown id."""
    found = next((p for p in installed_packs(packs_dir) if p.pack_id == pack_id), None)
    if found is None:
        if any(p and p.pack_id == pack_id for p in map(manifest_identity, discover(builtin_dir))):
            raise InstallRefused(N_('"{id}" is built into Coach and cannot be removed'), id=pack_id)
        known = ", ".join(sorted(p.pack_id for p in installed_packs(packs_dir))) or "-"
        raise InstallRefused(N_('no installed pack has the id "{id}" (installed: {known})'), id=pack_id, known=known)
    aside = found.path.with_name(f"{REMOVED_PREFIX}{secrets.token_hex(4)}-{found.path.name}")
    found.path.rename(aside)  # gone from the library at once, even if deleting takes a while
    _delete(aside)
    return found
