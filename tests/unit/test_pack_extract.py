"""`coach pack extract`: the translation template of a pack."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

from babel.messages.pofile import read_po

from coach.packs.extract import extract_command, pack_texts
from coach.packs.loader import load_pack

DATA = Path(__file__).resolve().parents[1] / "data"
MINIMAL = DATA / "packs" / "minimal"


def test_pack_texts_lists_every_text_in_reading_order() -> None:
    """pack_texts gives the pack, skill, lesson, link and step texts with their contexts."""
    pack = load_pack(MINIMAL).pack
    assert pack is not None
    assert [t.context for t in pack_texts(pack)] == [
        "pack/title", "pack/description", "skill/call/title", "lesson/call/title",
        "lesson/call/link/1/title",
        "lesson/call/step/open/text", "lesson/call/step/open/picture_description",
        "lesson/call/step/dial/text", "lesson/call/step/dial/picture_description",
    ]


def test_extract_writes_a_template_with_locations(tmp_path: Path) -> None:
    """The .pot holds every text with its msgctxt and a #: file:line location."""
    pack_dir = tmp_path / "pack"
    shutil.copytree(MINIMAL, pack_dir)
    out = io.StringIO()
    assert extract_command(str(pack_dir), out) == 0
    target = pack_dir / "locales" / "minimal.pot"
    assert out.getvalue() == f"wrote {target} (9 texts)\n"
    with target.open("rb") as handle:
        catalog = read_po(handle)
    pack = load_pack(pack_dir).pack
    assert pack is not None
    entries = {(m.context, m.id): m for m in catalog if m.id}
    assert set(entries) == {(t.context, t.source) for t in pack_texts(pack)}
    dial = entries[("lesson/call/step/dial/text", "Tapez le numéro.")]
    lines = (pack_dir / "lessons/01-call.toml").read_text(encoding="utf-8").splitlines()
    assert dial.locations == [("lessons/01-call.toml", lines.index('text = "Tapez le numéro."') + 1)]
    assert all(not m.string for m in entries.values())
    description = entries[("lesson/call/step/dial/picture_description", "Le clavier du téléphone.")]
    assert description.auto_comments == ["Describes the picture pictures/phone.svg"]


def test_extract_twice_reports_up_to_date(tmp_path: Path) -> None:
    """A second extract with no change leaves the file alone."""
    pack_dir = tmp_path / "pack"
    shutil.copytree(MINIMAL, pack_dir)
    extract_command(str(pack_dir), io.StringIO())
    out = io.StringIO()
    assert extract_command(str(pack_dir), out) == 0
    assert out.getvalue().endswith("up to date (9 texts)\n")


def test_extract_refuses_a_broken_pack(tmp_path: Path) -> None:
    """A pack with errors gets its errors printed and no template."""
    out = io.StringIO()
    source = DATA / "broken_packs" / "unknown-kind"
    pack_dir = tmp_path / "pack"
    shutil.copytree(source, pack_dir)
    assert extract_command(str(pack_dir), out) == 1
    assert "unknown kind" in out.getvalue()
    assert not (pack_dir / "locales").exists()


def test_extract_refuses_a_zip(tmp_path: Path) -> None:
    """Extract writes into a folder; a zipped pack is refused with a clear message."""
    archive = tmp_path / "p.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in MINIMAL.rglob("*"):
            if path.is_file():
                z.write(path, path.relative_to(MINIMAL).as_posix())
    out = io.StringIO()
    assert extract_command(str(archive), out) == 1
    assert "unzip the pack first" in out.getvalue()
