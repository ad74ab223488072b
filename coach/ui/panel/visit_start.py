"""Starting a visit in seconds: anonymous, a known client by pseudonym or code, or a new one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.i18n.languages import Language, display_name
from coach.ui.accessibility import QuietComboBox
from coach.ui.flow_layout import FlowLayout
from coach.records.models import Client
from coach.ui.language_state import LanguageState
from coach.ui.widgets import NarrowLineEdit, WrappingButton

CONTACT_CHANNELS = ("phone", "sms", "email", "post", "in-person")


class VisitStart(QWidget):
    """Emits `anonymous()`, `client_chosen(client_id)` or `new_client(pseudonym, language, channels)`.

    Searching emits `search_requested(text)`; the panel answers with `show_results(clients)`.
    """

    anonymous = Signal()
    client_chosen = Signal(int)
    new_client = Signal(str, str, list)
    search_requested = Signal(str)

    def __init__(self, languages: LanguageState, offered: Sequence[Language], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self._offered = list(offered)
        self._choose_when_found = False
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.title = QLabel()
        self.title.setProperty("role", "section")
        self.anonymous_button = WrappingButton()
        self.anonymous_button.setProperty("role", "primary")
        self.anonymous_button.setAutoDefault(True)
        self.search_label = QLabel()
        self.search = NarrowLineEdit()
        self.search.setMinimumHeight(48)
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.results = QListWidget()
        self.results.setMinimumHeight(120)
        self.results.setVisible(False)  # shown when a search has answered
        self.new_title = QLabel()
        self.new_title.setProperty("role", "section")
        self.pseudonym_label = QLabel()
        self.pseudonym = NarrowLineEdit()
        self.pseudonym.setMinimumHeight(48)
        self.pseudonym_label.setBuddy(self.pseudonym)
        self.language_label = QLabel()
        self.language = QuietComboBox()  # a closed list's items are not read as on screen
        self.language.setMinimumHeight(48)
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.language.setMinimumContentsLength(12)
        self.language_label.setBuddy(self.language)
        self.channels_label = QLabel()
        self.channels = {name: QCheckBox() for name in CONTACT_CHANNELS}
        self.create_button = WrappingButton()
        self.create_button.setAutoDefault(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "small")
        for widget in (self.title, self.anonymous_button, self.search_label, self.search, self.results,
                       self.new_title, self.pseudonym_label, self.pseudonym, self.hint, self.language_label,
                       self.language, self.channels_label):
            layout.addWidget(widget)
        channel_holder = QWidget()
        channel_row = FlowLayout(channel_holder, spacing=12)  # wraps in a narrow panel
        for box in self.channels.values():
            channel_row.addWidget(box)
        layout.addWidget(channel_holder)
        layout.addWidget(self.create_button)
        layout.addStretch(1)
        for label in self.findChildren(QLabel):
            label.setWordWrap(True)  # the panel is narrow; long labels wrap, never widen it
        # No debounce: every key asks at once. A search takes a few ms on the records
        # thread, and the runner skips or drops a search a newer key has superseded, so
        # fast typing never piles them up (the 120 ms debounce was most of the wait).
        self.search.textChanged.connect(lambda _text: self.refresh_results())
        self.search.returnPressed.connect(self._choose_first)
        self.results.itemActivated.connect(self._choose)
        self.results.itemClicked.connect(self._choose)
        self.anonymous_button.clicked.connect(self.anonymous)
        self.create_button.clicked.connect(self._create)
        self.pseudonym.returnPressed.connect(self._create)
        self.retranslate()

    def reset(self) -> None:
        self.search.clear()
        self.pseudonym.clear()
        self.results.clear()
        self.results.setVisible(False)
        for box in self.channels.values():
            box.setChecked(False)
        index = self.language.findData(self._languages.client.tag)
        self.language.setCurrentIndex(max(0, index))
        self.search.setFocus()

    def refresh_results(self) -> None:
        """Ask for the clients matching the search text (the answer comes to `show_results`)."""
        text = self.search.text().strip()
        if not text:
            self._choose_when_found = False
            self.results.clear()
            self.results.setVisible(False)
            return
        self.search_requested.emit(text)

    def show_results(self, clients: Sequence[Client]) -> None:
        self.results.clear()
        self.results.setVisible(bool(self.search.text().strip()))
        if not self.search.text().strip():
            return
        for client in clients:
            item = QListWidgetItem(f"{client.pseudonym} · {client.code}")
            item.setData(Qt.ItemDataRole.UserRole, client.id)
            self.results.addItem(item)
        if self.results.count() == 0:
            _ = self._languages.worker_strings().gettext
            item = QListWidgetItem(_("Nobody found. Check the spelling, or create the client below."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)
        first = self.results.item(0)
        if self._choose_when_found and first is not None and first.data(Qt.ItemDataRole.UserRole) is not None:
            self._choose_when_found = False
            self._choose(first)
        self._choose_when_found = False

    def _choose_first(self) -> None:
        """Enter in the search: the first client found starts the visit (once the search answers)."""
        self._choose_when_found = True
        self.refresh_results()

    def _choose(self, item: QListWidgetItem) -> None:
        client_id = item.data(Qt.ItemDataRole.UserRole)
        if client_id is not None:
            self.client_chosen.emit(int(client_id))

    def _create(self) -> None:
        pseudonym = self.pseudonym.text().strip()
        if not pseudonym:
            self.pseudonym.setFocus()
            return
        channels = [name for name, box in self.channels.items() if box.isChecked()]
        self.new_client.emit(pseudonym, str(self.language.currentData()), channels)

    def retranslate(self) -> None:
        _ = self._languages.worker_strings().gettext
        worker = self._languages.worker.tag
        self.title.setText(_("Start a visit"))
        self.anonymous_button.setText(_("Anonymous visit"))
        self.anonymous_button.setAccessibleName(_("Anonymous visit"))
        self.anonymous_button.setAccessibleDescription(_("Record only anonymous counts: no name, no note."))
        self.search_label.setText(_("Find a client: part of the pseudonym or the code"))
        self.search.setAccessibleName(self.search_label.text())
        self.results.setAccessibleName(_("Clients found"))
        self.new_title.setText(_("New client"))
        self.pseudonym_label.setText(_("Pseudonym"))
        self.pseudonym.setAccessibleName(_("Pseudonym"))
        self.hint.setText(_("A first name or a nickname is enough: never a full name, an address or an ID number."))
        self.language_label.setText(_("Language of the client"))
        self.language.setAccessibleName(self.language_label.text())
        current = self.language.currentData()
        self.language.clear()
        # A combo box draws its items in the application's direction (the client's), so an
        # item mixing scripts may come out in either order: a middle dot reads right both
        # ways, where brackets would come out mirrored.
        for lang in self._offered:
            self.language.addItem(f"{lang.endonym} · {display_name(lang.tag, worker)}", lang.tag)
        self.language.setCurrentIndex(max(0, self.language.findData(current or self._languages.client.tag)))
        self.channels_label.setText(_("How to reach the client"))
        labels = {"phone": _("Phone"), "sms": _("SMS"), "email": _("Email"), "post": _("Post"),
                  "in-person": _("In person")}
        for name, box in self.channels.items():
            box.setText(labels[name])
            box.setAccessibleName(labels[name])
        self.create_button.setText(_("Ask for consent"))
        self.create_button.setAccessibleName(self.create_button.text())
        self.create_button.setAccessibleDescription(
            _("The client sees and hears the consent question in their language."))
