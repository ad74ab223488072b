"""Reading a take-home sheet back, as a person and a phone would: its text and its QR codes.

The text comes from pdfminer.six (its lines with their positions, ordered down each
page); the QR codes from poppler's pdftoppm rendering each page to an image, decoded
by zxing-cpp: neither shares code with Qt, which wrote the PDF.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Line:
    page: int
    top: float
    """Distance from the top of the page, in points."""
    x0: float
    x1: float
    text: str


def lines(pdf: Path) -> list[Line]:
    """Every text line of the PDF, page by page, top to bottom."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine

    found = []
    for number, page in enumerate(extract_pages(str(pdf), laparams=LAParams()), start=1):
        height = page.height
        for box in page:
            if isinstance(box, LTTextContainer):
                for line in box:
                    if isinstance(line, LTTextLine):
                        found.append(Line(number, round(height - line.y1, 1), line.x0, line.x1, line.get_text()))
    found.sort(key=lambda line: (line.page, line.top, line.x0))
    return found


def words(text: str) -> list[str]:
    """The words of `text`, compared as a reader would: Arabic presentation forms folded
    back to letters (NFKC), case ignored, punctuation and spacing ignored (a mirrored
    « » in right-to-left text is the same quote)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def reading_order_positions(pdf: Path, texts: list[str]) -> list[int]:
    """Where each of `texts` starts in the PDF's words; raises AssertionError naming any text not found."""
    page_words = words(" ".join(line.text for line in lines(pdf)))
    positions = []
    start = 0
    for text in texts:
        wanted = words(text)
        position = _find(page_words, wanted, start)
        assert position >= 0, f"{text!r} not found in reading order after word {start} of {pdf.name}: {page_words}"
        positions.append(position)
        start = position + len(wanted)
    return positions


def _find(haystack: list[str], needle: list[str], start: int) -> int:
    for index in range(start, len(haystack) - len(needle) + 1):
        if haystack[index:index + len(needle)] == needle:
            return index
    return -1


def page_images(pdf: Path, folder: Path, dpi: int = 100) -> list[Path]:
    """Each page as a grey PNG, by poppler's pdftoppm (poppler-utils, installed by dev.sh).

    100 dpi gives a sheet's QR codes (44 mm) 4 pixels or more per module: plenty for a decoder.
    """
    tool = shutil.which("pdftoppm")
    assert tool, "pdftoppm is missing: install poppler-utils (./dev.sh does)"
    subprocess.run([tool, "-r", str(dpi), "-gray", "-png", str(pdf), str(folder / pdf.stem)], check=True,
                   timeout=120)
    return sorted(folder.glob(f"{pdf.stem}*.png"))


def decoded_links(pdf: Path, folder: Path) -> list[str]:
    """The text of every QR code on every page, decoded by zxing-cpp."""
    import zxingcpp
    from PIL import Image

    found = []
    for image in page_images(pdf, folder):
        for result in zxingcpp.read_barcodes(Image.open(image), formats=zxingcpp.BarcodeFormat.QRCode):
            found.append(result.text)
    return found


def font_names(pdf: Path) -> set[str]:
    """The base names of the fonts embedded in the PDF."""
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdftypes import resolve1

    names = set()
    with pdf.open("rb") as handle:
        document = PDFDocument(PDFParser(handle))
        for page in PDFPage.create_pages(document):
            fonts = resolve1((page.resources or {}).get("Font", {})) or {}
            for ref in fonts.values():
                font = resolve1(ref)
                base = resolve1(font.get("BaseFont"))
                if base is not None:
                    names.add(getattr(base, "name", str(base)))
    return names
