"""A generator of hostile lesson packs: each case damages a copy of the minimal pack one way.

    from hostile_packs import CASES, make
    path = make("zip-bomb", tmp_path, scale=1)   # a folder or a .zip, ready for load_pack

Nothing is committed but this file: every case is built on demand, at a size set by
`scale` (1 for the suite; bench/bench_hostile.py goes higher). A case is a function
(folder, scale) -> path of the pack to load. Cases cover what issue 14 lists: bad
syntax, wrong types, huge texts and counts, deep nesting, pathological lines,
huge/broken/bomb pictures and SVGs (entities, external references), path traversal,
absolute paths, file and folder symlinks, zip bombs and zips with many entries,
non-UTF-8 names and contents, bidi and zero-width characters in ids.
"""

from __future__ import annotations

import os
import shutil
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

MINIMAL = Path(__file__).resolve().parent / "data" / "packs" / "minimal"
LESSON = "lessons/01-call.toml"

Case = Callable[[Path, int], Path]
CASES: dict[str, Case] = {}


def case(name: str) -> Callable[[Case], Case]:
    def register(function: Case) -> Case:
        CASES[name] = function
        return function
    return register


def base(folder: Path) -> Path:
    pack = folder / "pack"
    shutil.copytree(MINIMAL, pack)
    return pack


def edit(pack: Path, relative: str, old: str, new: str) -> None:
    path = pack / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def zip_folder(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return target


def png(width: int, height: int, *, body: bytes | None = None) -> bytes:
    """A PNG header claiming width x height, with `body` (default: one compressed empty row) as data."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = body if body is not None else zlib.compress(b"\0" * (1 + 3 * min(width, 64)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


# -- syntax and types ----------------------------------------------------------------------

@case("bad-syntax")
def _bad_syntax(folder: Path, scale: int) -> Path:
    pack = base(folder)
    (pack / "pack.toml").write_text('format = 1\nid = "x\ntitle = [1, 2\n', encoding="utf-8")
    return pack


@case("wrong-types")
def _wrong_types(folder: Path, scale: int) -> Path:
    pack = base(folder)
    edit(pack, "pack.toml", 'title = "Téléphoner"', "title = 5")
    edit(pack, "pack.toml", 'languages = ["fr", "ar"]', 'languages = "fr"')
    edit(pack, LESSON, 'skills = ["call"]', "skills = {a = 1}")
    return pack


@case("huge-text")
def _huge_text(folder: Path, scale: int) -> Path:
    pack = base(folder)
    edit(pack, LESSON, "Tapez le numéro.", "Tapez " + "le numéro " * (200_000 * scale))
    return pack


@case("long-text")
def _long_text(folder: Path, scale: int) -> Path:
    """Over the 2,000-character bound of a text, in a file small enough to be parsed."""
    pack = base(folder)
    edit(pack, LESSON, "Tapez le numéro.", "Tapez " + "le numéro " * (250 * scale))
    return pack


@case("long-field-name")
def _long_field_name(folder: Path, scale: int) -> Path:
    """A 100 KB field name: parsed, refused as unknown, and not echoed whole into the error."""
    pack = base(folder)
    edit(pack, LESSON, 'kind = "info"', f'kind = "info"\n{"k" * (100_000 * scale)} = 1')
    return pack


@case("huge-field-name")
def _huge_field_name(folder: Path, scale: int) -> Path:
    pack = base(folder)
    edit(pack, LESSON, 'kind = "info"', f'kind = "info"\n{"k" * (2_000_000 * scale)} = 1')
    return pack


@case("many-steps")
def _many_steps(folder: Path, scale: int) -> Path:
    pack = base(folder)
    steps = "".join(f'\n[[steps]]\nid = "s{i}"\nkind = "info"\ntext = "Texte {i}."\npicture = "pictures/phone.svg"\n'
                    f'picture_description = "Image {i}."\n' for i in range(5_000 * scale))
    with open(pack / LESSON, "a", encoding="utf-8") as stream:
        stream.write(steps)
    return pack


@case("many-lessons")
def _many_lessons(folder: Path, scale: int) -> Path:
    pack = base(folder)
    text = (pack / LESSON).read_text(encoding="utf-8")
    for i in range(1_500 * scale):
        (pack / "lessons" / f"{i:05d}.toml").write_text(text.replace('id = "call"', f'id = "l{i}"', 1),
                                                       encoding="utf-8")
    return pack


@case("many-skills")
def _many_skills(folder: Path, scale: int) -> Path:
    pack = base(folder)
    skills = "".join(f'\n[[skills]]\nid = "s{i}"\ntitle = "Skill {i}"\ndigcomp = ["2.1"]\n'
                     for i in range(20_000 * scale))
    with open(pack / "pack.toml", "a", encoding="utf-8") as stream:
        stream.write(skills)
    return pack


@case("deep-nesting")
def _deep_nesting(folder: Path, scale: int) -> Path:
    pack = base(folder)
    depth = 50_000 * scale
    edit(pack, LESSON, 'kind = "info"', 'kind = "info"\nextra = ' + "[" * depth + "]" * depth)
    return pack


@case("deep-inline-tables")
def _deep_tables(folder: Path, scale: int) -> Path:
    pack = base(folder)
    depth = 20_000 * scale
    edit(pack, "pack.toml", 'icon = "pictures/pack.png"', 'icon = "pictures/pack.png"\nx = ' + "{a = " * depth + "1"
         + "}" * depth)
    return pack


@case("pathological-header-line")
def _header_line(folder: Path, scale: int) -> Path:
    """What made the line locator backtrack cubically: a 6 KB line of brackets and spaces."""
    pack = base(folder)
    with open(pack / LESSON, "a", encoding="utf-8") as stream:
        stream.write("\n[" + " " * (6_000 * scale) + "x" + " " * (6_000 * scale) + "\n")
        stream.write("[[" + " a" * (3_000 * scale) + "\n")
    return pack


@case("long-line-in-po")
def _po_long_line(folder: Path, scale: int) -> Path:
    """What made the .po syntax regex take 19 s and 1.2 GB: one 10 MB line."""
    pack = base(folder)
    with open(pack / "locales" / "ar.po", "a", encoding="utf-8") as stream:
        stream.write('\nmsgctxt "x"\nmsgid "' + "a \\\" " * (400_000 * scale) + '\n')
    return pack


@case("nul-and-invisible-texts")
def _nul_texts(folder: Path, scale: int) -> Path:
    pack = base(folder)
    edit(pack, LESSON, "Tapez le numéro.", "Tapez\\u0000 le numéro.")
    edit(pack, LESSON, "Touchez l'icône verte du téléphone.", "\\u200b\\u200b\\u2060 \\u00ad")
    return pack


@case("root-and-und-languages")
def _root_und(folder: Path, scale: int) -> Path:
    pack = base(folder)
    edit(pack, "pack.toml", 'languages = ["fr", "ar"]', 'languages = ["fr", "ar", "root", "und"]')
    return pack


@case("bidi-and-zero-width-ids")
def _bidi_ids(folder: Path, scale: int) -> Path:
    pack = base(folder)
    edit(pack, LESSON, 'id = "open"', 'id = "op\\u202een"')
    edit(pack, LESSON, 'id = "dial"', 'id = "di\\u200bal"')
    edit(pack, "pack.toml", 'id = "call"', 'id = "ca\\u2066ll"')
    return pack


@case("non-utf8-contents")
def _latin1(folder: Path, scale: int) -> Path:
    pack = base(folder)
    path = pack / LESSON
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", "replace") + b"\xff\xfe\x80")
    return pack


@case("non-utf8-file-name")
def _bad_name(folder: Path, scale: int) -> Path:
    pack = base(folder)
    text = (pack / LESSON).read_bytes()
    os.rename(pack / LESSON, os.path.join(os.fsencode(pack / "lessons"), b"\xff\xfe-call.toml"))
    (pack / "pictures" / "x.png").write_bytes(b"")
    os.rename(pack / "pictures" / "x.png", os.path.join(os.fsencode(pack / "pictures"), b"\xe9t\xe9.png"))
    del text
    return pack


# -- pictures ----------------------------------------------------------------------------------

@case("png-pixel-bomb")
def _png_bomb(folder: Path, scale: int) -> Path:
    pack = base(folder)
    (pack / "pictures" / "pack.png").write_bytes(png(60_000, 60_000))
    return pack


@case("png-truncated")
def _png_truncated(folder: Path, scale: int) -> Path:
    pack = base(folder)
    data = (pack / "pictures" / "pack.png").read_bytes()
    (pack / "pictures" / "pack.png").write_bytes(data[: len(data) // 2])
    return pack


@case("png-decompression-bomb")
def _png_zlib_bomb(folder: Path, scale: int) -> Path:
    """4000x4000 (passes the pixel limit) whose data inflates to 48 MB of zeros from a few kB."""
    pack = base(folder)
    rows = b"".join(b"\0" + b"\0" * 3 * 4000 for _ in range(4000))
    (pack / "pictures" / "pack.png").write_bytes(png(4000, 4000, body=zlib.compress(rows, 9)))
    return pack


@case("svg-billion-laughs")
def _svg_laughs(folder: Path, scale: int) -> Path:
    pack = base(folder)
    entities = '<!ENTITY a "lol">' + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'
                                              for i in range(9))
    (pack / "pictures" / "phone.svg").write_text(
        f'<?xml version="1.0"?><!DOCTYPE svg [{entities}]><svg xmlns="http://www.w3.org/2000/svg">'
        "<text>&j;</text></svg>", encoding="utf-8")
    return pack


@case("svg-external-entity")
def _svg_xxe(folder: Path, scale: int) -> Path:
    pack = base(folder)
    (pack / "pictures" / "phone.svg").write_text(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>', encoding="utf-8")
    return pack


@case("svg-image-absolute-path")
def _svg_abs(folder: Path, scale: int) -> Path:
    pack = base(folder)
    (pack / "pictures" / "phone.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
        f'<image href="{MINIMAL / "pictures" / "pack.png"}" width="10" height="10"/>'
        '<image xlink:href="file:///etc/hostname"/></svg>', encoding="utf-8")
    return pack


@case("svg-external-references")
def _svg_refs(folder: Path, scale: int) -> Path:
    pack = base(folder)
    (pack / "pictures" / "phone.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://example.org/x.css);</style>'
        '<use href="https://example.org/s.svg#a"/><rect style="fill:url(http://example.org/p)"/></svg>',
        encoding="utf-8")
    return pack


@case("svg-foreign-root")
def _svg_foreign(folder: Path, scale: int) -> Path:
    pack = base(folder)
    (pack / "pictures" / "phone.svg").write_text(
        '<html xmlns="http://www.w3.org/1999/xhtml"><svg xmlns="http://www.w3.org/2000/svg"/></html>',
        encoding="utf-8")
    return pack


@case("svg-huge")
def _svg_huge(folder: Path, scale: int) -> Path:
    pack = base(folder)
    (pack / "pictures" / "phone.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg">' + "<g>" * (100_000 * scale) + "</g>" * (100_000 * scale)
        + "</svg>", encoding="utf-8")
    return pack


# -- paths and links ---------------------------------------------------------------------------

@case("path-traversal")
def _traversal(folder: Path, scale: int) -> Path:
    pack = base(folder)
    edit(pack, LESSON, 'picture = "pictures/phone.svg"', 'picture = "../../../../etc/hostname.png"')
    return pack


@case("absolute-path")
def _absolute(folder: Path, scale: int) -> Path:
    pack = base(folder)
    edit(pack, "pack.toml", 'icon = "pictures/pack.png"', f'icon = "{MINIMAL / "pictures" / "pack.png"}"')
    return pack


@case("file-symlink-outside")
def _file_link(folder: Path, scale: int) -> Path:
    pack = base(folder)
    outside = folder / "outside.png"
    shutil.copy(MINIMAL / "pictures" / "pack.png", outside)
    (pack / "pictures" / "pack.png").unlink()
    (pack / "pictures" / "pack.png").symlink_to(outside)
    return pack


@case("folder-symlink-outside")
def _folder_link(folder: Path, scale: int) -> Path:
    pack = base(folder)
    shutil.move(pack / "pictures", folder / "outside")
    (pack / "pictures").symlink_to("../outside", target_is_directory=True)
    return pack


# -- zips --------------------------------------------------------------------------------------

@case("zip-bomb")
def _zip_bomb(folder: Path, scale: int) -> Path:
    pack = base(folder)
    target = zip_folder(pack, folder / "bomb.zip")
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("pictures/bomb.png", "w", force_zip64=True) as stream:
            block = b"\0" * (1024 * 1024)
            for _ in range(300 * scale):
                stream.write(block)
    return target


@case("zip-many-entries")
def _zip_many(folder: Path, scale: int) -> Path:
    pack = base(folder)
    target = zip_folder(pack, folder / "many.zip")
    with zipfile.ZipFile(target, "a", zipfile.ZIP_STORED) as archive:
        for i in range(20_000 * scale):
            archive.writestr(f"pictures/{i}.png", b"")
    return target


@case("zip-traversal-and-links")
def _zip_links(folder: Path, scale: int) -> Path:
    pack = base(folder)
    target = zip_folder(pack, folder / "links.zip")
    with zipfile.ZipFile(target, "a") as archive:
        info = zipfile.ZipInfo("pictures/link.png")
        info.create_system = 3
        info.external_attr = (0o120777) << 16
        archive.writestr(info, "/etc/hostname")
        archive.writestr("../../evil.toml", "x")
    return target


@case("zip-not-a-zip")
def _zip_garbage(folder: Path, scale: int) -> Path:
    target = folder / "garbage.zip"
    target.write_bytes(b"PK\x03\x04" + os.urandom(4000))
    return target


@case("zip-non-utf8-names")
def _zip_names(folder: Path, scale: int) -> Path:
    pack = base(folder)
    target = zip_folder(pack, folder / "names.zip")
    with zipfile.ZipFile(target, "a") as archive:
        info = zipfile.ZipInfo("lessons/\udcff.toml".encode("utf-8", "surrogateescape").decode("cp437"))
        archive.writestr(info, b"\xff\xfe not toml")
    return target


def make(name: str, folder: Path, scale: int = 1) -> Path:
    """Build case `name` under `folder` (made if missing) and return the pack's path."""
    folder.mkdir(parents=True, exist_ok=True)
    return CASES[name](folder, scale)
