"""Check the files a pack refers to: pictures, icons and recorded audio.

Two depths, kept apart on purpose:

* cheap (`check_files(..., deep=False)`, used when Coach lists its library): the
  file exists inside the pack, has a known extension, and its size (from the
  file system or the zip's table of contents) is within the limits;
* deep (`deep=True`, used by `coach pack check`): also decode every picture with
  Pillow (PNG, JPEG, WebP) and check its pixel size.

SVGs are parsed at both depths (coach/packs/svg_safety.py): nothing outside the pack
may be named by a picture, whichever way the pack is loaded.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterable

from coach.domain.problems import Phrase, Value
from coach.i18n.ui_strings import N_
from coach.packs.fields import Report
from coach.packs.manifest import FileRef
from coach.packs.resources import PackResources, UnsafePathError, clean_path
from coach.packs.svg_safety import svg_problem

MIB = 1024 * 1024
MAX_BYTES = 2 * MIB
WARN_BYTES = 1 * MIB
MAX_PIXELS = 4096
WARN_PIXELS = 2048

PICTURE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP", ".svg": "SVG"}
AUDIO_EXTENSIONS = (".ogg", ".mp3", ".wav")


_WHAT = {
    # Translators: a kind of file of a lesson pack, as {what} in '{what} "{path}" is missing'.
    "picture": N_("picture"),
    # Translators: a kind of file of a lesson pack, as {what} in '{what} "{path}" is missing'.
    "icon": N_("icon"),
    # Translators: a kind of file of a lesson pack, as {what} in '{what} "{path}" is missing'.
    "audio": N_("audio"),
}


def _report(report: Report, ref: FileRef, template: str, /, *, warning: bool = False, **params: Value) -> None:
    """Note a problem with the file `ref` names; `template` has {what} and {path}."""
    add = report.warning if warning else report.error
    add(ref.file, ref.line, template, what=Phrase(_WHAT[ref.what]), path=ref.path, **params)


def _extension(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_files(refs: Iterable[FileRef], resources: PackResources, report: Report, *, deep: bool) -> None:
    """Report missing, misnamed, oversized (and, when `deep`, unreadable) files.

    A file used many times is checked once; problems are reported at its first use.
    """
    seen: set[str] = set()
    for ref in refs:
        try:
            path = clean_path(ref.path)
        except UnsafePathError:
            _report(report, ref, N_('{what} "{path}" points outside the pack'))
            continue
        if not _known_extension(ref, report):
            continue
        if not resources.exists(path):
            _report(report, ref, N_('{what} "{path}" is missing from the pack'))
            continue
        if path in seen:
            continue
        seen.add(path)
        size = resources.size(path) or 0
        if ref.what != "audio":
            _check_bytes(ref, size, report)
            if deep or _extension(path) == ".svg":
                # An SVG is always read: one naming a file outside the pack is refused even
                # in the library (about 50 ms for the built-in packs' 281 SVGs, cold).
                _check_picture(ref, path, resources, report)


def _known_extension(ref: FileRef, report: Report) -> bool:
    extension = _extension(ref.path)
    if ref.what == "audio":
        if extension not in AUDIO_EXTENSIONS:
            report.error(ref.file, ref.line, N_('audio "{path}" must be an OGG, MP3 or WAV file'), path=ref.path)
            return False
    elif extension not in PICTURE_FORMATS:
        _report(report, ref, N_('{what} "{path}" must be a PNG, JPEG, WebP or SVG file'))
        return False
    return True


def _check_bytes(ref: FileRef, size: int, report: Report) -> None:
    # Translators: {size} is a number of mebibytes with one decimal ("2.4"); MiB = 1024 x 1024 bytes.
    if size > MAX_BYTES:
        _report(report, ref, N_('{what} "{path}" is {size} MiB; the limit is 2 MiB'), size=f"{size / MIB:.1f}")
    elif size > WARN_BYTES:
        _report(report, ref, N_('{what} "{path}" is {size} MiB; keep pictures under 1 MiB'),
                warning=True, size=f"{size / MIB:.1f}")


def _check_picture(ref: FileRef, path: str, resources: PackResources, report: Report) -> None:
    try:
        data = resources.read_bytes(path)
    except OSError as exc:
        # Translators: {error} is the system's reason, in English.
        _report(report, ref, N_('{what} "{path}" cannot be read: {error}'), error=str(exc))
        return
    expected = PICTURE_FORMATS[_extension(path)]
    if expected == "SVG":
        problem, size = _svg_problem(data), None
    else:
        problem, size = _bitmap_problem(data, expected)
    if problem is not None:
        template, params = problem
        _report(report, ref, template, warning=False, **params)
    elif size is not None:
        width, height = size
        if max(width, height) > MAX_PIXELS:
            _report(report, ref, N_('{what} "{path}" is {width}x{height} pixels; the limit is {limit} on either side'),
                    width=width, height=height, limit=MAX_PIXELS)
        elif max(width, height) > WARN_PIXELS:
            _report(report, ref, N_('{what} "{path}" is {width}x{height} pixels; {limit} on either side is plenty'),
                    warning=True, width=width, height=height, limit=WARN_PIXELS)


_Found = tuple[str, dict[str, Value]]
"""A problem of a picture's content: its message template (with {what} and {path}) and values."""


def _bitmap_problem(data: bytes, expected: str) -> tuple[_Found | None, tuple[int, int] | None]:
    """(problem or None, pixel size) for a PNG, JPEG or WebP picture."""
    from PIL import Image  # only the deep check decodes pictures; keep start-up light

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                found, size = image.format, image.size
                image.verify()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return (N_('{what} "{path}" has far too many pixels to be a picture for a lesson'), {}), None
    except Image.UnidentifiedImageError:
        # Translators: {format} is a picture format: PNG, JPEG or WEBP.
        return (N_('{what} "{path}" cannot be read: it is not a {format} picture, or it is damaged'),
                {"format": expected}), None
    except Exception as exc:  # Pillow raises many kinds for a damaged file
        # Translators: {error} is Pillow's description of the damage, in English.
        return (N_('{what} "{path}" cannot be read: it is a damaged {format} picture ({error})'),
                {"format": expected, "error": str(exc)}), None
    if found != expected:
        # Translators: {found} and {format} are picture formats (PNG, JPEG, WEBP).
        return (N_('{what} "{path}" is a {found} picture, not {format}: fix its extension'),
                {"found": str(found), "format": expected}), None
    return None, size


def _svg_problem(data: bytes) -> _Found | None:
    """None for a well-formed, self-contained SVG document, else what is wrong with it."""
    found = svg_problem(data)
    return None if found is None else (found.template, found.params)
