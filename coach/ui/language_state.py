"""The client's and the worker's languages, and what changes when one of them does.

The player follows the client's language, worker-facing parts the worker's. On a
client-language change this swaps Qt's own `qtbase` translations (standard dialogs,
context menus) and the application's layout direction, then tells every screen to
re-read its texts; a worker's dialog has Qt's texts in the worker's language while it is
open (`qt_texts_of_worker`). Nothing is translated at import time.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from coach.i18n.languages import Language, language, normalize_tag
from coach.i18n.ui_strings import ui_strings

Gettext = Callable[[str], str]


class LanguageState(QObject):
    """Holds the two languages; emits `client_changed` / `worker_changed` with the new tag."""

    client_changed = Signal(str)
    worker_changed = Signal(str)

    def __init__(self, client: str, worker: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = language(client)
        self._worker = language(worker)
        self._qt_translator: QTranslator | None = None
        """The client's qtbase catalogue now served by `_qt_strings` (None: Qt's English)."""
        self._qt_catalogues: dict[str, QTranslator | None] = {}
        self._qt_strings: _CurrentCatalogue | None = None
        self._install_qt_translations()

    @property
    def client(self) -> Language:
        return self._client

    @property
    def worker(self) -> Language:
        return self._worker

    def client_strings(self) -> gettext.NullTranslations:
        return ui_strings(self._client.tag)

    def worker_strings(self) -> gettext.NullTranslations:
        return ui_strings(self._worker.tag)

    def strings_of(self, lang: Language) -> gettext.NullTranslations:
        """Coach's own interface strings in `lang`."""
        return ui_strings(lang.tag)

    def prepare(self, lang: Language) -> None:
        """Load `lang`'s catalogues now (idle time), so that its first use does not wait for them."""
        ui_strings(lang.tag)
        self._qt_catalogue(lang)

    def set_client(self, tag: str) -> None:
        new = language(normalize_tag(tag))
        if new == self._client:
            return
        self._client = new
        self._install_qt_translations()
        self.client_changed.emit(new.tag)

    def set_worker(self, tag: str) -> None:
        new = language(normalize_tag(tag))
        if new == self._worker:
            return
        self._worker = new
        self.worker_changed.emit(new.tag)

    def _install_qt_translations(self) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        if self._qt_strings is None:
            self._qt_strings = _CurrentCatalogue(self)
            QCoreApplication.installTranslator(self._qt_strings)
        self._qt_translator = self._qt_catalogue(self._client)
        self._qt_strings.current = self._qt_translator
        self._qt_strings.own = self.client_strings()
        if isinstance(app, QGuiApplication):
            app.setLayoutDirection(direction(self._client))


    def _qt_catalogue(self, lang: Language) -> QTranslator | None:
        """Qt's qtbase catalogue of `lang`, loaded once (None when Qt has none)."""
        if lang.tag not in self._qt_catalogues:
            translator = QTranslator(self)
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            loaded = translator.load(QLocale(lang.babel_id), "qtbase", "_", folder)
            self._qt_catalogues[lang.tag] = translator if loaded else None
        return self._qt_catalogues[lang.tag]

    @contextmanager
    def qt_texts_of_worker(self) -> Iterator[None]:
        """Qt's own texts (a file dialog's, standard buttons) in the worker's language while a
        worker's dialog is made and open; the client's again after it."""
        if self._qt_strings is None:
            yield
            return
        client, own = self._qt_strings.current, self._qt_strings.own
        self._qt_strings.current, self._qt_strings.own = self._qt_catalogue(self._worker), self.worker_strings()
        try:
            yield
        finally:
            self._qt_strings.current, self._qt_strings.own = client, own


def _qt_texts_qt_lacks(_: Gettext) -> dict[tuple[str, str], str]:
    """Qt's own texts that some of Qt's catalogues lack, from Coach's catalogue of the same language:
    a folder's type in a file dialog ("Folder": Qt's French, Spanish, Italian, Arabic, Persian and
    Ukrainian catalogues have none, so a French worker read it in English)."""
    return {
        # Translators: a folder's type, in the Type column of the worker's file dialog.
        ("QAbstractFileIconProvider", "Folder"): _("Folder"),
    }


_LACKED = frozenset(_qt_texts_qt_lacks(str))


class _CurrentCatalogue(QTranslator):
    """The one translator installed for Coach's life: it answers from the client's qtbase catalogue,
    and for the few texts that catalogue lacks (`_qt_texts_qt_lacks`), from Coach's own.

    Qt's standard texts (context menus, dialog buttons) are looked up when they are made,
    so swapping the catalogue inside is enough. Removing and installing a translator
    instead sends LanguageChange to every widget twice (about 600 events a switch).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current: QTranslator | None = None
        self.own: gettext.NullTranslations | None = None
        """Coach's catalogue of the same language."""

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        if self.current is None:
            return None
        # None, not "": an empty string would be taken as the translation.
        answer = self.current.translate(context, source_text, disambiguation, n) or None
        if answer is None and (context, source_text) in _LACKED and self.own is not None:
            own = _qt_texts_qt_lacks(self.own.gettext)[(context, source_text)]
            return own if own != source_text else None
        return answer

    def isEmpty(self) -> bool:  # noqa: N802
        return self.current is None or self.current.isEmpty()


def direction(lang: Language) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if lang.rtl else Qt.LayoutDirection.LeftToRight


def speak_as(widget: QWidget, lang: Language) -> None:
    """Tell assistive technology that `widget` and its children are in `lang`.

    Qt's AT-SPI bridge reports a widget's QLocale as its locale (GetLocale): a screen
    reader picks the voice from it, an Arabic one for the client's Arabic step while the
    worker's panel beside it stays French.
    """
    locale = QLocale(lang.babel_id)
    if widget.locale() != locale:
        widget.setLocale(locale)


def use_script_font(widget: QWidget, lang: Language) -> None:
    """Draw `widget` and its children with the fonts that carry `lang`'s script.

    Set as the widget's own style sheet so the application's sizes (text scale,
    roles) still apply: a QFont set with setFont would freeze the size too.
    """
    families = ", ".join(f'"{family}"' for family in (*lang.fonts, "Noto Sans"))
    sheet = f"font-family: {families};"
    if widget.styleSheet() != sheet:  # re-polishing a page costs milliseconds
        widget.setStyleSheet(sheet)
