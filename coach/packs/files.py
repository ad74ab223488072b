"""Check the files a pack refers to: pictures, icons and recorded audio.

Two depths, kept apart on purpose:

* cheap (`check_files(..., deep=False)`, used when Coach lists its library): the
  file exists inside the pack, has a known extension, and its size (from the
  file system or the zip's table of contents) is within the limits;
* deep (`deep=True`, used by `coach pack check`): also decode every picture with
  Pillow (PNG, JPEG, WebP) or the XML parser (SVG) and check its pixel size.
"""

from __future__ import annotations

import io
import warnings
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable

from coach.packs.fields import Report
from coach.packs.manifest import FileRef
from coach.packs.resources import PackResources, UnsafePathError, clean_path

MIB = 1024 * 1024
MAX_BYTES = 2 * MIB
WARN_BYTES = 1 * MIB
MAX_PIXELS = 4096
WARN_PIXELS = 2048

PICTURE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP", ".svg": "SVG"}
AUDIO_EXTENSIONS = (".ogg", ".mp3", ".wav")


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
            report.error(ref.file, ref.line, f'{ref.what} "{ref.path}" points outside the pack')
            continue
        if not _known_extension(ref, report):
            continue
        if not resources.exists(path):
            report.error(ref.file, ref.line, f'{ref.what} "{ref.path}" is missing from the pack')
            continue
        if path in seen:
            continue
        seen.add(path)
        size = resources.size(path) or 0
        if ref.what != "audio":
            _check_bytes(ref, size, report)
            if deep:
                _check_picture(ref, path, resources, report)


def _known_extension(ref: FileRef, report: Report) -> bool:
    extension = _extension(ref.path)
    if ref.what == "audio":
        if extension not in AUDIO_EXTENSIONS:
            report.error(ref.file, ref.line, f'audio "{ref.path}" must be an OGG, MP3 or WAV file')
            return False
    elif extension not in PICTURE_FORMATS:
        report.error(ref.file, ref.line, f'{ref.what} "{ref.path}" must be a PNG, JPEG, WebP or SVG file')
        return False
    return True


def _check_bytes(ref: FileRef, size: int, report: Report) -> None:
    if size > MAX_BYTES:
        report.error(ref.file, ref.line, f'{ref.what} "{ref.path}" is {size / MIB:.1f} MiB; the limit is 2 MiB')
    elif size > WARN_BYTES:
        report.warning(
            ref.file, ref.line, f'{ref.what} "{ref.path}" is {size / MIB:.1f} MiB; keep pictures under 1 MiB'
        )


def _check_picture(ref: FileRef, path: str, resources: PackResources, report: Report) -> None:
    try:
        data = resources.read_bytes(path)
    except OSError as exc:
        report.error(ref.file, ref.line, f'{ref.what} "{ref.path}" cannot be read: {exc}')
        return
    expected = PICTURE_FORMATS[_extension(path)]
    if expected == "SVG":
        problem, size = _svg_problem(data), None
    else:
        problem, size = _bitmap_problem(data, expected)
    if problem:
        report.error(ref.file, ref.line, f'{ref.what} "{ref.path}" {problem}')
    elif size is not None:
        width, height = size
        if max(width, height) > MAX_PIXELS:
            report.error(
                ref.file, ref.line,
                f'{ref.what} "{ref.path}" is {width}x{height} pixels; the limit is {MAX_PIXELS} on either side',
            )
        elif max(width, height) > WARN_PIXELS:
            report.warning(
                ref.file, ref.line,
                f'{ref.what} "{ref.path}" is {width}x{height} pixels; {WARN_PIXELS} on either side is plenty',
            )


def _bitmap_problem(data: bytes, expected: str) -> tuple[str, tuple[int, int] | None]:
    """(problem or "", pixel size) for a PNG, JPEG or WebP picture."""
    from PIL import Image  # only the deep check decodes pictures; keep start-up light

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                found, size = image.format, image.size
                image.verify()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return "has far too many pixels to be a picture for a lesson", None
    except Image.UnidentifiedImageError:
        return f"cannot be read: it is not a {expected} picture, or it is damaged", None
    except Exception as exc:  # Pillow raises many kinds for a damaged file
        return f"cannot be read: it is a damaged {expected} picture ({exc})", None
    if found != expected:
        return f"is a {found} picture, not {expected}: fix its extension", None
    return "", size


def _svg_problem(data: bytes) -> str:
    """"" for a well-formed SVG document, else what is wrong with it."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        return f"is not a well-formed SVG file ({exc})"
    if root.tag.rsplit("}", 1)[-1] != "svg":
        return "is not an SVG picture (its main element is not <svg>)"
    return ""
