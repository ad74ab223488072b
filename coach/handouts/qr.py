"""QR codes as module matrices (the qrcode library), for any renderer to draw."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

QUIET_ZONE = 4
"""Light modules around the code, as ISO/IEC 18004 asks; renderers add them."""


@dataclass(frozen=True)
class QrCode:
    """The modules of a QR code for `url`: rows of dark (True) and light (False), no quiet zone."""

    url: str
    modules: tuple[tuple[bool, ...], ...]

    @property
    def size(self) -> int:
        return len(self.modules)


@lru_cache(maxsize=256)
def qr_code(url: str) -> QrCode:
    """Encode `url` with medium error correction (a creased or stained sheet still scans).

    Choosing the best of the eight masks costs about 40 ms in pure Python; a desk prints
    the same few links again and again, so codes are kept (the function is pure; the
    lock of lru_cache makes it safe from the sheets' thread and the GUI thread alike).
    """
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(url)
    code.make(fit=True)
    return QrCode(url, tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix()))
