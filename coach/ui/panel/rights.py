"""The client's rights from the panel: export the record (JSON and a printable PDF), erase it.

The PDF is in the client's language, so the person can read (or have read) what the
desk keeps; the JSON is the complete machine-readable copy. Both are written to a
folder the worker chooses; each export and erasure is in the audit log.
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from coach.i18n.languages import language
from coach.i18n.ui_strings import ui_strings
from coach.records.private import private_replacement
from coach.ui.player.about_page import record_lines

if TYPE_CHECKING:
    from coach.records.records import Records


def export_record(records: Records, client_id: int, folder: Path, skill_names: dict[str, str],
                  worker_id: int | None = None) -> tuple[Path, Path]:
    """Write `<code>-<date>.json` and `.pdf` into `folder`; returns both paths."""
    from coach.records.rights import export_client

    client = records.client(client_id)
    if client is None:
        raise ValueError(f"no client {client_id}")
    stem = f"coach-{client.code or client_id}-{datetime.now().strftime('%Y-%m-%d')}"
    json_path, pdf_path = folder / f"{stem}.json", folder / f"{stem}.pdf"
    export_client(records, client_id, json_path, worker_id)
    about = records.about_client(client_id)
    reader = client.language or "fr"
    _ = ui_strings(reader).gettext
    lines = record_lines(about, skill_names, _, reader)
    write_pdf(pdf_path, _("What we recorded about you"), lines, rtl=language(reader).rtl)
    return json_path, pdf_path


def write_pdf(path: Path, title: str, lines: list[str], rtl: bool = False) -> None:
    """A plain A4 document: a title and one paragraph per line, in any script."""
    direction = "rtl" if rtl else "ltr"
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    document = QTextDocument()
    document.setDefaultStyleSheet("body { font-family: 'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Ethiopic'; "
                                  "font-size: 14pt; } h1 { font-size: 20pt; }")
    document.setHtml(f'<html><body dir="{direction}"><h1>{html.escape(title)}</h1>{body}</body></html>')
    with private_replacement(path, ".pdf") as temporary:  # the client's record: 0600, never half written
        writer = QPdfWriter(str(temporary))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
        writer.setTitle(title)
        document.print_(writer)
        del writer  # flushes and closes the file
