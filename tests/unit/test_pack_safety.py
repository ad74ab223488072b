"""Issue 14: SVG pictures that point outside the pack, .po lines that made the regex blow up,
texts a client cannot see, and language tags that name no language."""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path

import pytest
from hostile_packs import MINIMAL, make

from coach.i18n.languages import is_known
from coach.packs.catalogs import syntax_problem
from coach.packs.loader import load_pack
from coach.packs.svg_safety import MAX_DEPTH, svg_problem
from coach.packs.validate import MAX_TEXT_CHARS, text_problem

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'

REFUSED_SVG = {
    "image-absolute": SVG.format('<image href="/etc/coach/photo.png"/>'),
    "image-relative": SVG.format('<image href="other.png"/>'),
    "xlink-file": SVG.format('<image xlink:href="file:///etc/hostname"/>'),
    "use-http": SVG.format('<use href="https://example.org/s.svg#a"/>'),
    "fill-url": SVG.format('<rect fill="url(http://example.org/p)"/>'),
    "style-attribute": SVG.format('<rect style="fill: url( \'file:///x\' )"/>'),
    "style-import": SVG.format("<style>@import url(#a);</style>"),
    "style-element": SVG.format("<style>rect { fill: url(https://example.org/p) }</style>"),
    "entity": '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + SVG.format("&x;"),
    "doctype": '<!doctype svg>' + SVG.format(""),
    "html-root": '<html xmlns="http://www.w3.org/1999/xhtml"><svg xmlns="http://www.w3.org/2000/svg"/></html>',
    "foreign-namespace-root": '<svg xmlns="http://example.org/not-svg"/>',
    "script": SVG.format("<script>alert(1)</script>"),
    "foreign-object": SVG.format("<foreignObject><p>hi</p></foreignObject>"),
    "too-deep": SVG.format("<g>" * (MAX_DEPTH + 1) + "</g>" * (MAX_DEPTH + 1)),
    "not-xml": "<svg",
}


@pytest.mark.parametrize("name", sorted(REFUSED_SVG))
def test_an_svg_that_points_outside_or_is_hostile_is_refused(name: str) -> None:
    found = svg_problem(REFUSED_SVG[name].encode("utf-8"))
    assert found is not None, name
    assert "{what}" in found.template and "{path}" in found.template


def test_internal_references_and_embedded_pictures_are_accepted() -> None:
    data = SVG.format('<defs><linearGradient id="g"/></defs><rect fill="url(#g)" style="fill:url(\'#g\')"/>'
                      '<use xlink:href="#g"/><image href="data:image/png;base64,iVBORw0KGgo="/>')
    assert svg_problem(data.encode("utf-8")) is None
    assert svg_problem(b'<svg width="4" height="4"><rect/></svg>') is None  # no namespace: as Qt reads it


def test_every_built_in_and_test_svg_is_accepted() -> None:
    root = Path(__file__).resolve().parents[2]
    files = [p for folder in ("lessons", "assets", "tests/data/packs") for p in (root / folder).rglob("*.svg")]
    assert len(files) > 100
    refused = {str(p): svg_problem(p.read_bytes()) for p in files}
    assert {p: f for p, f in refused.items() if f is not None} == {}


@pytest.mark.parametrize("name", ["svg-image-absolute-path", "svg-external-entity", "svg-external-references",
                                  "svg-foreign-root", "svg-billion-laughs", "svg-huge"])
def test_pack_check_opens_nothing_outside_the_pack(name: str, tmp_path: Path) -> None:
    """An audit hook sees every file Python opens: none of those the SVGs name."""
    pack = make(name, tmp_path / "case")
    opened: list[str] = []

    def hook(event: str, args: tuple[object, ...]) -> None:
        if event == "open" and isinstance(args[0], (str, bytes, Path)) and recording:
            opened.append(str(args[0]))

    recording = False
    sys.addaudithook(hook)  # cannot be removed: the flag ends the recording
    recording = True
    try:
        result = load_pack(pack, deep=True)
    finally:
        recording = False
    assert result.pack is None
    assert [str(p) for p in result.problems if "phone.svg" in str(p)], result.problems
    assert any(p.endswith("pictures/phone.svg") for p in opened)  # the hook saw the check read the SVG
    # What the hostile SVGs name: a picture of another pack, /etc/hostname, /etc/passwd.
    outside = [p for p in opened if p.startswith(("/etc", str(MINIMAL)))]
    assert outside == []


def test_a_10_mb_po_line_is_read_in_linear_time_and_flat_memory() -> None:
    """The former regex took 19 s and 1.2 GB here; memory is what the test can state exactly."""
    text = 'msgid ""\nmsgstr ""\n\nmsgctxt "x"\nmsgid "' + 'a \\" ' * 2_000_000 + "\n"
    tracemalloc.start()
    try:
        found = syntax_problem(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found == (5, "text must be in double quotes and end with a double quote on the same line")
    assert peak < 3 * len(text)  # the line and its stripped copy; the old regex held 100 times the line
    closed = text.rstrip("\n") + '"\nmsgstr ""\n'
    assert syntax_problem(closed) is None


@pytest.mark.parametrize("tag", ["root", "und", "mul", "zxx", "und-Latn"])
def test_tags_that_name_no_language_are_refused(tag: str) -> None:
    assert not is_known(tag)
    assert is_known("ar") and is_known("fa-AF")


@pytest.mark.parametrize(("text", "part"), [
    ("Tapez\x00 le numéro.", "U+0000"),
    ("bell\x07", "U+0007"),
    ("\u200b\u200b\u2060 \u00ad", "only spaces or invisible"),
    ("   \t", "only spaces or invisible"),
    ("a" * (MAX_TEXT_CHARS + 1), "characters; the limit is"),
])
def test_texts_a_client_cannot_see_or_hear_are_refused(text: str, part: str) -> None:
    found = text_problem(text)
    assert found is not None and part in found[0].format(text="t", **found[1])


@pytest.mark.parametrize("text", ["Touchez l'icône.", "اضغط على الأيقونة.", "123", "☎", "a\nb\tc"])
def test_ordinary_texts_pass(text: str) -> None:
    assert text_problem(text) is None


@pytest.mark.parametrize(("name", "file", "part"), [
    ("nul-and-invisible-texts", "lessons/01-call.toml:19", "U+0000"),
    ("nul-and-invisible-texts", "lessons/01-call.toml:12", "only spaces or invisible"),
    ("root-and-und-languages", "pack.toml:6", 'unknown language tag "root"'),
    ("long-text", "lessons/01-call.toml:19", "the limit is 2000"),
    ("long-field-name", "lessons/01-call.toml:", "k" * 20),
    ("huge-text", "lessons/01-call.toml", "a lesson pack's TOML file is at most 1024 KiB"),
    ("huge-field-name", "lessons/01-call.toml", "a lesson pack's TOML file is at most 1024 KiB"),
])
def test_the_pack_is_refused_with_file_and_line(name: str, file: str, part: str, tmp_path: Path) -> None:
    result = load_pack(make(name, tmp_path), deep=False)
    assert result.pack is None
    assert [p for p in result.errors if file in str(p) and part in str(p)], [str(p) for p in result.problems]
