"""coach.packs.bounded_zip: hostile zips are refused before anything is unpacked."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from coach.packs.bounded_zip import BoundedZip, ZipLimits, ZipRefused, is_platform_litter, printable, safe_name
from coach.packs.loader import load_pack

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "packs" / "minimal"


def make_zip(path: Path, entries: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return path


def test_reads_plain_entries(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", {"pack.toml": b"id = 1", "pictures/a.png": b"x" * 10})
    with BoundedZip(path) as archive:
        assert archive.names() == ["pack.toml", "pictures/a.png"]
        assert archive.read("pack.toml") == b"id = 1"
        assert archive.size("pictures/a.png") == 10
        with pytest.raises(FileNotFoundError):
            archive.read("nothing")


@pytest.mark.parametrize("name, reason", [
    ("../evil.toml", "leaves the archive"),
    ("a/../../evil.toml", "leaves the archive"),
    ("/etc/passwd", "absolute path"),
    ("C:/Windows/x", "absolute path"),
    ("\\\\server\\share\\x", "absolute path"),
    ("a\x01b", "control character"),
    ("a\nb", "control character"),
])
def test_unsafe_names_are_refused(tmp_path: Path, name: str, reason: str) -> None:
    path = make_zip(tmp_path / "a.zip", {"pack.toml": b"", name: b"x"})
    with pytest.raises(ZipRefused, match=reason):
        BoundedZip(path)


def test_symbolic_links_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "link.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("pack.toml", b"")
        info = zipfile.ZipInfo("pictures")
        info.create_system = 3
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, b"../../outside")
    with pytest.raises(ZipRefused, match="symbolic link") as caught:
        BoundedZip(path)
    assert caught.value.entry == "pictures"


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "bomb.zip", {"pack.toml": b"", "big.txt": b"\0" * (64 * 1024 * 1024)})
    assert path.stat().st_size < 200_000
    with pytest.raises(ZipRefused, match="more than the .* allowed for one file"):
        BoundedZip(path)
    with pytest.raises(ZipRefused, match="zip bomb"):
        BoundedZip(path, ZipLimits(entry_size=128 * 1024 * 1024))


def test_total_size_and_entry_count(tmp_path: Path) -> None:
    entries = {f"f{i}": b"x" * 1000 for i in range(50)}
    path = make_zip(tmp_path / "many.zip", entries, method=zipfile.ZIP_STORED)
    with pytest.raises(ZipRefused, match="entries, more than"):
        BoundedZip(path, ZipLimits(entries=10))
    with pytest.raises(ZipRefused, match="bytes once unpacked"):
        BoundedZip(path, ZipLimits(total_size=10_000))
    BoundedZip(path).close()


def test_duplicate_names_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "dup.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("pack.toml", b"a")
        archive.writestr("./pack.toml", b"b")
    with pytest.raises(ZipRefused, match="same path"):
        BoundedZip(path)


def test_a_lying_size_header_is_caught(tmp_path: Path) -> None:
    """A central directory that declares 5 bytes for 5000 never yields more than 5 (zipfile stops, CRC fails)."""
    path = make_zip(tmp_path / "lie.zip", {"pack.toml": b"y" * 5000}, method=zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    central = data.rindex(b"PK\x01\x02")
    data[central + 24:central + 28] = (5).to_bytes(4, "little")  # uncompressed size in the central directory
    path.write_bytes(bytes(data))
    with BoundedZip(path) as archive:
        assert archive.size("pack.toml") == 5
        with pytest.raises((zipfile.BadZipFile, ZipRefused)):
            archive.read("pack.toml")


def test_macos_finder_litter_is_skipped(tmp_path: Path) -> None:
    assert is_platform_litter("__MACOSX/demo/._pack.toml")
    assert is_platform_litter("demo/._pack.toml") and is_platform_litter("demo/.DS_Store")
    assert not is_platform_litter("demo/pack.toml")
    entries = {f"minimal/{p.relative_to(MINIMAL).as_posix()}": p.read_bytes()
               for p in sorted(MINIMAL.rglob("*")) if p.is_file()}
    entries.update({"__MACOSX/minimal/._pack.toml": b"\0\5\26\7", "minimal/._pack.toml": b"\0\5\26\7",
                    "minimal/.DS_Store": b"\0\0\0\1Bud1"})
    path = make_zip(tmp_path / "finder.zip", entries)
    result = load_pack(path, deep=True)
    assert result.pack is not None, [str(p) for p in result.errors]


def test_extract_to_writes_only_inside(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", {"pack.toml": b"x", "lessons/01.toml": b"y", "__MACOSX/._x": b"z"})
    with BoundedZip(path) as archive:
        written = archive.extract_to(tmp_path / "out")
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in written) == ["lessons/01.toml", "pack.toml"]
    assert not (tmp_path / "out" / "__MACOSX").exists()


def test_a_refused_zip_is_a_clear_pack_error(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "evil.zip", {"pack.toml": b"", "../../evil": b"x"})
    result = load_pack(path)
    assert result.pack is None
    assert [p.message for p in result.errors] == [
        "the zip is refused, nothing was read from it: ../../evil: a path that leaves the archive"]


def test_names_in_messages_are_printable_and_short() -> None:
    assert printable("a\udcffb") == "a\\udcffb"
    assert len(printable("x" * 10_000)) == 120
    assert safe_name("a//./b") == "a/b"
