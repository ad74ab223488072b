"""Take-home sheets as PDF, read back: step texts in reading order, every QR code decoded to its link.

The sheets are drawn by Qt (coach/ui/handouts); they are read by pdfminer.six and by
poppler + zxing-cpp, so a sheet that only Qt could read would fail here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from handout_reading import decoded_links, font_names, lines, reading_order_positions, words

from coach.domain.pack import Lesson, Pack
from coach.handouts.desk import Desk
from coach.handouts.lesson_sheet import lesson_sheet
from coach.handouts.progress import format_when
from coach.handouts.sheet import Sheet, StepItem, Words
from coach.handouts.skills_sheet import skills_sheet
from coach.handouts.visit_sheet import VisitDigest, visit_sheet
from coach.packs.loader import load_pack
from coach.ui.handouts.render import write_sheet_pdf

PACK_DIR = Path(__file__).resolve().parents[1] / "data" / "packs" / "handouts"
DESK = Desk("Centre social Jean Macé", "12 rue des Lilas\n75011 Paris", "Lundi au vendredi, 9 h - 12 h", "FR")
FR_LINKS = {"https://www.service-public.fr/particuliers/vosdroits/N19803", "https://example.org/aide?langue=fr&page=2",
            "https://www.ameli.fr/assure"}
CH_LINKS = {"https://www.ch.ch/fr/", "https://example.org/aide?langue=fr&page=2"}


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(PACK_DIR)
    assert result.pack is not None, result.problems
    return result.pack


@pytest.mark.parametrize("language", ["fr", "ar", "ti"])
def test_lesson_sheet_reads_back_in_order_with_every_link(qapp, pack: Pack, tmp_path: Path, language: str) -> None:
    lesson = pack.lesson("call")
    pdf = tmp_path / f"call-{language}.pdf"
    pages = write_sheet_pdf(lesson_sheet(pack, lesson, language, desk=DESK), pdf)
    assert pages >= 1
    expected = [pack.translate(lesson.title, language)] + [pack.translate(s.text, language) for s in lesson.steps]
    expected += ["Centre social Jean Macé", "12 rue des Lilas"]
    positions = reading_order_positions(pdf, expected)
    assert positions == sorted(positions)
    assert sorted(decoded_links(pdf, tmp_path)) == sorted(FR_LINKS)
    # Every link's title (a PDF holds a line mixing Arabic and Latin in visual order,
    # so its words are compared as a set), and every address whole, in plain text.
    all_words = set(words(" ".join(line.text for line in lines(pdf))))
    for link in lesson.all_links("FR"):
        assert set(words(pack.translate(link.title, language))) <= all_words
    text = "".join(line.text for line in lines(pdf)).replace("\n", "")
    for url in FR_LINKS:
        assert url in text


def test_the_desks_country_picks_the_links(qapp, pack: Pack, tmp_path: Path) -> None:
    pdf = tmp_path / "call-ch.pdf"
    write_sheet_pdf(lesson_sheet(pack, pack.lesson("call"), "fr", desk=replace(DESK, country="CH")), pdf)
    assert sorted(decoded_links(pdf, tmp_path)) == sorted(CH_LINKS)


def test_a_desk_without_a_country_shows_only_the_links_for_everyone(qapp, pack: Pack, tmp_path: Path) -> None:
    pdf = tmp_path / "call-none.pdf"
    write_sheet_pdf(lesson_sheet(pack, pack.lesson("call"), "fr", desk=replace(DESK, country="")), pdf)
    assert decoded_links(pdf, tmp_path) == ["https://example.org/aide?langue=fr&page=2"]


def test_arabic_is_laid_out_right_to_left_and_ethiopic_has_its_font(qapp, pack: Pack, tmp_path: Path) -> None:
    lesson = pack.lesson("call")
    positions = {}
    for language in ("fr", "ar"):
        pdf = tmp_path / f"side-{language}.pdf"
        write_sheet_pdf(lesson_sheet(pack, lesson, language, desk=DESK), pdf)
        step = words(pack.translate(lesson.steps[0].text, language))
        line = next(x for x in lines(pdf) if words(x.text)[:1] == step[:1])
        badge = next(x for x in lines(pdf) if x.text.strip() == "1")
        positions[language] = (badge.x0, line.x0)
    assert positions["fr"][0] < positions["fr"][1], "in French the number is on the left of the text"
    assert positions["ar"][0] > positions["ar"][1], "in Arabic the number is on the right of the text"
    pdf = tmp_path / "ti.pdf"
    write_sheet_pdf(lesson_sheet(pack, lesson, "ti", desk=DESK), pdf)
    assert any("Ethiopic" in name for name in font_names(pdf)), font_names(pdf)
    assert any("Arabic" in name for name in font_names(tmp_path / "side-ar.pdf"))


def test_the_workers_language_sits_under_each_step(qapp, pack: Pack, tmp_path: Path) -> None:
    lesson = pack.lesson("call")
    pdf = tmp_path / "ar-fr.pdf"
    write_sheet_pdf(lesson_sheet(pack, lesson, "ar", "fr", desk=DESK), pdf)
    for step in lesson.steps:
        reading_order_positions(pdf, [pack.translate(step.text, "ar"), step.text.source])


@pytest.mark.parametrize("count", [1, 23])
def test_nothing_is_clipped_at_any_step_count(qapp, pack: Pack, tmp_path: Path, count: int) -> None:
    base = pack.lesson("call")
    steps = tuple(replace(base.steps[i % len(base.steps)], id=f"s{i}") for i in range(count))
    lesson = Lesson(base.id, base.title, base.icon, base.skills, steps, base.links)
    pdf = tmp_path / f"steps-{count}.pdf"
    pages = write_sheet_pdf(lesson_sheet(pack, lesson, "ar", "fr", desk=DESK), pdf)
    assert pages >= count // 4
    found = lines(pdf)
    assert max(line.page for line in found) == pages
    for line in found:  # every line inside the A4 page's margins (595 x 842 points)
        assert 30 <= line.x0 and line.x1 <= 565 and 30 <= line.top <= 812, line
    numbers = [line.text.strip() for line in found if line.text.strip().isdigit()]
    assert [str(n) for n in range(1, count + 1)] == [n for n in numbers if int(n) <= count][:count]
    if count == 1:
        assert sorted(decoded_links(pdf, tmp_path)) == sorted(link.url for link in lesson.all_links("FR"))


def _about(pack: Pack, skills: int = 2) -> dict:
    ratings = [
        {"visit": 1, "skill": "handouts-test/phone-call", "level": 1, "by": "worker", "at": "2026-11-01T10:00"},
        {"visit": 2, "skill": "handouts-test/phone-call", "level": 3, "by": "worker", "at": "2026-11-20T10:00"},
        {"visit": 2, "skill": "handouts-test/phone-call", "level": 3, "by": "client", "at": "2026-11-20T10:05"},
        {"visit": 2, "skill": "handouts-test/phone-on", "level": 1, "by": "worker", "at": "2026-11-20T10:06"},
    ]
    # Skills rated earlier, in a pack not installed: the sheet keeps the most recent ones.
    ratings = [{"visit": 1, "skill": f"other/skill-{n}", "level": n % 4, "by": "worker", "at": f"2026-10-01T10:{n:02d}"}
               for n in range(skills - 2)] + ratings
    return {
        "client": {"id": 1, "language": "ar"},
        "visits": [{"id": 1, "started": "2026-11-01T10:00:00+00:00", "lessons": []},
                   {"id": 2, "started": "2026-11-20T10:00:00+00:00",
                    "lessons": [{"pack": "handouts-test", "lesson": "call", "finished": True}]}],
        "ratings": ratings,
        "notes": [{"visit": 2, "text": "Very private note", "at": "2026-11-20T10:30"}],
    }


@pytest.mark.parametrize("language", ["fr", "ar", "ti"])
def test_what_i_can_do_now_is_one_page_without_notes(qapp, pack: Pack, tmp_path: Path, language: str) -> None:
    pdf = tmp_path / f"can-{language}.pdf"
    assert write_sheet_pdf(skills_sheet(_about(pack, skills=40), [pack], language, desk=DESK), pdf) == 1
    reading_order_positions(pdf, [pack.translate(pack.skill("phone-call").title, language),
                                  pack.translate(pack.skill("phone-on").title, language)])
    assert "private" not in words(" ".join(line.text for line in lines(pdf)))
    with_notes = tmp_path / f"can-notes-{language}.pdf"
    write_sheet_pdf(skills_sheet(_about(pack), [pack], language, desk=DESK, include_notes=True), with_notes)
    reading_order_positions(with_notes, ["Very private note"])


@pytest.mark.parametrize("language", ["fr", "ar", "ti"])
def test_visit_summary_says_what_was_practised_and_the_next_appointment(qapp, pack: Pack, tmp_path: Path,
                                                                         language: str) -> None:
    digest = VisitDigest.from_about(_about(pack))
    pdf = tmp_path / f"visit-{language}.pdf"
    write_sheet_pdf(visit_sheet(digest, [pack], language, desk=DESK,
                                next_appointment=datetime(2026, 12, 9, 14, 0)), pdf)
    reading_order_positions(pdf, [pack.translate(pack.lesson("call").title, language)])
    when = format_when(datetime(2026, 12, 9, 14, 0), language)
    assert set(words(when)) <= set(words(" ".join(line.text for line in lines(pdf)))), when


def test_persian_is_shaped_and_laid_out_right_to_left(qapp, pack: Pack, tmp_path: Path) -> None:
    """A sheet is plain values: here one made straight in Persian, with Persian digits and a Latin word."""
    steps = ("گوشی را روشن کنید.", "روی نماد سبز تلفن بزنید.", "نام شخص را لمس کنید و ۲ ثانیه صبر کنید.")
    picture = (PACK_DIR / "pictures" / "call-talk.svg").read_bytes()
    sheet = Sheet(
        title=Words("تماس گرفتن با کسی", "fa"),
        items=tuple(StepItem(n, Words(text, "fa"), None, picture, "") for n, text in enumerate(steps, start=1)),
        desk=(Words("Centre social Jean Macé", "fa"),),
    )
    pdf = tmp_path / "fa.pdf"
    write_sheet_pdf(sheet, pdf)
    reading_order_positions(pdf, ["تماس گرفتن با کسی", *steps[:2]])
    assert set(words(steps[2])) <= set(words(" ".join(line.text for line in lines(pdf))))
    first = next(x for x in lines(pdf) if words(x.text)[:1] == words(steps[0])[:1])
    badge = next(x for x in lines(pdf) if x.text.strip() == "1")
    assert badge.x0 > first.x1, "the number is on the right of the text, where Persian starts"
    assert any("Arabic" in name for name in font_names(pdf))
