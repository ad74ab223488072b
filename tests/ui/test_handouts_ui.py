"""QR codes in the player, the desk's details, and sheets printed or saved off the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from handout_reading import decoded_links, reading_order_positions
from PySide6.QtPrintSupport import QPrinter

from coach.domain.progress import EventKind, PlayerEvent
from coach.settings import Settings
from coach.ui.panel.handouts_menu import HandoutsMenu
from coach.visit import UnrecordedStore, VisitSession


def _decode_pixmap(pixmap, folder: Path) -> list[str]:
    import zxingcpp
    from PIL import Image

    path = folder / "qr.png"
    assert pixmap.save(str(path))
    return [r.text for r in zxingcpp.read_barcodes(Image.open(path))]


@pytest.mark.parametrize(("country", "url"), [("FR", "https://www.service-public.fr"), ("CH", "https://www.ch.ch/fr/")])
def test_open_on_your_phone_shows_the_desks_link_as_a_large_qr_code(make_window, qtbot, tmp_path: Path,
                                                                    country: str, url: str) -> None:
    window = make_window(Settings(client_language="ar", desk_country=country))
    window.open_lesson("demo", "call-someone")
    button = window.lesson.phone_button
    assert button.isVisible()
    assert button.text() == "افتح على هاتفك"
    button.click()
    dialog = button.dialog
    qtbot.waitUntil(dialog.isVisible)
    ((title, picture, address),) = dialog.codes
    assert address.text() == url
    assert picture.pixmap().width() >= 300
    assert _decode_pixmap(picture.pixmap(), tmp_path) == [url]
    assert window.reader.text == "امسح هذا الرمز بكاميرا هاتفك."
    assert dialog.isRightToLeft() and address.layoutDirection().name == "LeftToRight"
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_no_phone_button_without_links_for_the_desk(make_window) -> None:
    window = make_window(Settings(client_language="fr", desk_country=""))
    window.open_lesson("demo", "call-someone")
    assert not window.lesson.phone_button.isVisible()
    window.open_lesson("demo", "unlock-phone")
    window.update_settings(desk_country="FR")
    assert not window.lesson.phone_button.isVisible()  # that lesson has no link at all
    window.open_lesson("demo", "call-someone")
    assert window.lesson.phone_button.isVisible()


def test_the_worker_sets_the_desk_and_its_country_picks_the_links(make_window, qtbot) -> None:
    window = make_window(Settings(client_language="fr", worker_language="fr"))
    menu = HandoutsMenu(window)
    try:
        window.open_lesson("demo", "call-someone")
        dialog = menu.desk_details()
        assert dialog.country.itemData(1) == "FR" and dialog.country.itemText(2) == "Suisse"
        dialog.country.setCurrentIndex(dialog.country.findData("CH"))
        dialog.name.setText("Point d'appui")
        dialog.address.setPlainText("Rue du Lac 3\n1200 Genève")
        dialog.hours.setPlainText("Lundi 9 h - 12 h")
        dialog.accept()
        assert (window.settings.desk_country, window.settings.desk_name) == ("CH", "Point d'appui")
        assert [link.url for link in window.lesson.phone_button.links] == ["https://www.ch.ch/fr/"]
    finally:
        menu.close()


def test_save_as_pdf_and_print_make_the_sheet_off_the_gui_thread(make_window, qtbot, tmp_path: Path) -> None:
    window = make_window(Settings(client_language="ar", worker_language="fr", desk_country="FR",
                                  desk_name="Centre social"))
    menu = HandoutsMenu(window)
    try:
        window.open_lesson("demo", "call-someone")
        menu.update_actions()
        assert menu.lesson_action.isEnabled() and not menu.skills_action.isEnabled()
        dialog = menu.lesson_sheet()
        threads = []
        make = dialog._make
        dialog._make = lambda options: (threads.append(threading.current_thread()), make(options))[1]
        dialog.worker_language.setChecked(True)
        saved = tmp_path / "sheet.pdf"
        dialog.save_to(saved)
        assert not dialog.save_button.isEnabled()  # busy while the sheet is made
        qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=30000)
        assert dialog.status.text() == f"Enregistré : {saved}"
        pack = window.pack("demo")
        texts = [pack.translate(step.text, "ar") for step in pack.lesson("call-someone").steps]
        reading_order_positions(saved, texts)
        reading_order_positions(saved, [step.text.source for step in pack.lesson("call-someone").steps])
        assert decoded_links(saved, tmp_path) == ["https://www.service-public.fr"]

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printed = tmp_path / "printed.pdf"
        printer.setOutputFileName(str(printed))
        dialog.print_to(printer)
        qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=30000)
        del printer, dialog._printer
        assert dialog.status.text() == "Envoyé à l'imprimante."
        assert decoded_links(printed, tmp_path) == ["https://www.service-public.fr"]
        assert threads and all(t is not threading.main_thread() for t in threads)
    finally:
        menu.close()


def test_a_failed_save_is_said_in_the_dialog(make_window, qtbot, tmp_path: Path) -> None:
    window = make_window(Settings(client_language="fr", worker_language="fr"))
    menu = HandoutsMenu(window)
    try:
        window.open_lesson("demo", "call-someone")
        dialog = menu.lesson_sheet()
        dialog.save_to(tmp_path / "no-such-folder" / "sheet.pdf")
        qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=30000)
        assert dialog.status.text().startswith("La fiche n'a pas été faite")
        assert not (tmp_path / "no-such-folder").exists()
    finally:
        menu.close()


class _Panel:
    """What the menu reads from the worker's panel: the visit in progress and the records."""

    def __init__(self, session, records=None) -> None:
        self.session, self.records = session, records


def test_visit_summary_of_a_visit_without_records(make_window, qtbot, tmp_path: Path) -> None:
    window = make_window(Settings(client_language="fr", worker_language="fr"))
    session = VisitSession(UnrecordedStore(), 0, None)
    for index, step in enumerate(window.pack("demo").lesson("call-someone").steps):
        session.handle(PlayerEvent(EventKind.STEP_REACHED, "demo", "call-someone", index, step.id))
    session.handle(PlayerEvent(EventKind.LESSON_FINISHED, "demo", "call-someone", 5, "hang-up"))
    menu = HandoutsMenu(window, _Panel(session))
    try:
        menu.update_actions()
        assert menu.visit_action.isEnabled() and not menu.skills_action.isEnabled()
        dialog = menu.visit_sheet()
        assert dialog.appointment.isVisibleTo(dialog) and not dialog.notes.isVisibleTo(dialog)
        dialog.appointment.setChecked(True)
        out = tmp_path / "visit.pdf"
        dialog.save_to(out)
        qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=30000)
        reading_order_positions(out, ["Votre visite aujourd'hui", "Appeler quelqu'un", "Votre prochain rendez-vous"])
    finally:
        menu.close()


class _Access:
    """The panel's RecordsAccess, run in place over an in-memory records store."""

    is_open = True

    def __init__(self, records) -> None:
        self.records = records

    def call(self, work, what, done=None, key=None, failed=None) -> None:
        result = work(self.records)
        if done is not None:
            done(result)


def test_what_i_can_do_now_reads_the_record_then_saves_the_sheet(make_window, qtbot, tmp_path: Path) -> None:
    from coach.records import Records

    window = make_window(Settings(client_language="fr", worker_language="fr"))
    records = Records.in_memory()
    worker = records.worker("Inès")
    client = records.create_client("Amal", "fr", consent_given=True, consent_scope="visits")
    visit = records.start_visit(worker.id, client.id, "fr")
    records.rate(visit.id, "demo/phone-call", "2.1", 2)
    records.add_note(visit.id, "Note privée")
    panel = _Panel(VisitSession(records, visit.id, client.id))
    panel.access = _Access(records)
    menu = HandoutsMenu(window, panel)
    try:
        menu.update_actions()
        assert menu.skills_action.isEnabled()
        menu.skills_sheet()
        dialog = menu.dialog
        assert dialog.notes.isVisibleTo(dialog) and not dialog.notes.isChecked()
        out = tmp_path / "can-do.pdf"
        dialog.save_to(out)
        qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=30000)
        reading_order_positions(out, ["Ce que je sais faire maintenant", "Appeler quelqu'un"])
        assert "privée" not in " ".join(line.text for line in __import__("handout_reading").lines(out))
    finally:
        menu.close()
