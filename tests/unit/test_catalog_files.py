"""Every gettext catalog of the repository is a valid catalog for its language, for gettext's own tools too.

The interface catalogs (locales/<ll>/LC_MESSAGES/coach.po) and the built-in packs'
catalogs (lessons/<pack>/locales/<tag>.po) must pass `msgfmt --check` (syntax, header,
placeholder formats), name their language, carry the plural rule Babel (CLDR) gives
that language, and say whether a native speaker reviewed them (X-Coach-Reviewed).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from coach.i18n.languages import normalize_tag
from coach.i18n.ui_strings import ui_strings
from coach.paths import locales_dir

REPO = locales_dir().parent
UI_CATALOGS = sorted(locales_dir().glob("*/LC_MESSAGES/coach.po"))
PACK_CATALOGS = sorted((REPO / "lessons").glob("*/locales/*.po"))
REVIEWED = re.compile(r'^"X-Coach-Reviewed: (yes|no)\\n"$', re.MULTILINE)


def _id(path: Path) -> str:
    return str(path.relative_to(REPO))


@pytest.mark.parametrize("path", UI_CATALOGS + PACK_CATALOGS, ids=_id)
def test_msgfmt_check_passes(path: Path) -> None:
    """GNU msgfmt accepts the catalog with all its checks (dev.sh installs gettext)."""
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt is missing: sudo apt-get install gettext (./dev.sh does it)"
    done = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def _language(path: Path) -> str:
    return path.parent.parent.name if path.parent.name == "LC_MESSAGES" else path.stem


@pytest.mark.parametrize("path", UI_CATALOGS + PACK_CATALOGS, ids=_id)
def test_header_names_language_plurals_and_review(path: Path) -> None:
    """Language as the file is named; interface catalogs: a plural rule and an explicit review mark."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    language = _language(path)
    assert catalog.locale is not None and normalize_tag(str(catalog.locale)) == normalize_tag(language)
    if path in UI_CATALOGS:
        assert "Plural-Forms" in dict(catalog.mime_headers), f"{_id(path)}: no Plural-Forms header"
        assert REVIEWED.search(path.read_text(encoding="utf-8")), (
            f"{_id(path)}: add the header line X-Coach-Reviewed: no (or yes once a native speaker reviewed it)")


@pytest.mark.parametrize("path", UI_CATALOGS, ids=_id)
def test_interface_catalog_loads_with_its_plurals(path: Path) -> None:
    """Coach reads each interface catalog, and every plural form of a plural text is there."""
    tag = normalize_tag(_language(path))
    strings = ui_strings(tag)
    with path.open("rb") as handle:
        catalog = read_po(handle)
    message = catalog.get(("{count} lesson", "{count} lessons"))
    assert message is not None
    if all(message.string) and not message.fuzzy:
        for n in (0, 1, 2, 3, 11, 100, 1000000):
            assert strings.ngettext("{count} lesson", "{count} lessons", n) in message.string
