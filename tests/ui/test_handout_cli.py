"""`coach handout`: a lesson's sheet and a person's sheets from the real records, with clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from handout_reading import decoded_links, reading_order_positions

from coach.cli import main
from coach.packs.loader import load_pack
from coach.paths import app_dirs
from coach.records import Records
from coach.records.store import records_path
from coach.settings import Settings, save_settings

PASS = "correct horse battery"
DEMO = Path(__file__).resolve().parents[2] / "lessons" / "demo"


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["handout", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_lessons_sheet_with_the_desks_country(qapp, tmp_path: Path, capsys) -> None:
    save_settings(app_dirs().settings_file, Settings(desk_country="CH", desk_name="Point d'appui Genève"))
    out = tmp_path / "sheet.pdf"
    code, printed, _ = run(capsys, "--pack", "demo", "--lesson", "call-someone", "--lang", "ar", "--worker-lang", "fr",
                           "--out", str(out))
    assert code == 0 and printed.startswith(f"{out}: ")
    pack = load_pack(DEMO).pack
    reading_order_positions(out, [pack.translate(s.text, "ar") for s in pack.lesson("call-someone").steps]
                            + ["Point d'appui Genève"])
    assert decoded_links(out, tmp_path) == ["https://www.ch.ch/fr/"]


def test_refusals_say_what_is_wrong(qapp, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.pdf"
    assert run(capsys, "--pack", "nope", "--lesson", "x", "--lang", "fr", "--out", str(out))[2].startswith(
        "coach handout: no lesson pack 'nope'; installed: ")
    assert "demo" in run(capsys, "--pack", "nope", "--lesson", "x", "--lang", "fr", "--out", str(out))[2]
    assert "has no lesson 'x'; it has: unlock-phone, call-someone" in run(
        capsys, "--pack", "demo", "--lesson", "x", "--lang", "fr", "--out", str(out))[2]
    assert "unknown language tag 'zz-qq'" in run(
        capsys, "--pack", "demo", "--lesson", "call-someone", "--lang", "zz-qq", "--out", str(out))[2]
    code, _, err = run(capsys, "--pack", "demo", "--lesson", "call-someone", "--lang", "fr",
                       "--out", str(tmp_path / "missing" / "x.pdf"))
    assert code == 1 and "no folder" in err
    assert not out.exists()


def test_a_persons_sheets_from_the_records(qapp, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    with Records.create(records_path(), PASS) as records:
        worker = records.worker("Inès")
        client = records.create_client("Amal", "ar", consent_given=True, consent_scope="visits")
        visit = records.start_visit(worker.id, client.id, "ar")
        records.record_step(visit.id, "demo", "call-someone", 0, "phone-icon")
        records.record_finished(visit.id, "demo", "call-someone", 120)
        records.rate(visit.id, "demo/phone-call", "2.1", 1)
        records.rate(visit.id, "demo/phone-call", "2.1", 3, by="client")
        records.add_note(visit.id, "Une note privée")
        records.end_visit(visit.id)
        code = client.code
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    pack = load_pack(DEMO).pack
    skill = pack.translate(pack.skill("phone-call").title, "ar")
    can_do = tmp_path / "can-do.pdf"
    assert run(capsys, "--client", code.lower(), "--out", str(can_do))[0] == 0
    # The skill's name and its level sit side by side: each comes after the title.
    reading_order_positions(can_do, ["ما أستطيع فعله الآن", skill])
    reading_order_positions(can_do, ["ما أستطيع فعله الآن", "أستطيع فعلها مع شخص يرشدني.", "قلت: وحدي."])
    visit_pdf = tmp_path / "visit.pdf"
    assert run(capsys, "--client", code, "--sheet", "visit", "--lang", "fr", "--next-appointment",
               "2026-12-09 14:00", "--out", str(visit_pdf))[0] == 0
    reading_order_positions(visit_pdf, ["Votre visite aujourd'hui", "Appeler quelqu'un", "Votre prochain rendez-vous",
                                        "mercredi 9 décembre 2026"])
    assert "no person with the code ZZZZ" in run(capsys, "--client", "ZZZZ", "--out", str(visit_pdf))[2]
    monkeypatch.setenv("COACH_PASSPHRASE", "wrong passphrase!")
    code_, _, err = run(capsys, "--client", code, "--out", str(tmp_path / "no.pdf"))
    assert code_ == 1 and err.startswith("coach handout: ") and not (tmp_path / "no.pdf").exists()
