"""Per-country links in packs, the desk in settings, and the sheets' contents (no Qt)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from coach.domain.pack import Link, Text, links_for
from coach.handouts.desk import Desk
from coach.handouts.lesson_sheet import lesson_sheet
from coach.handouts.qr import qr_code
from coach.handouts.sheet import QrItem, SkillItem, StepItem
from coach.handouts.skills_sheet import skills_sheet
from coach.handouts.visit_sheet import VisitDigest, visit_sheet
from coach.i18n.countries import countries_in_order, country_name, is_country
from coach.i18n.ui_strings import ui_strings
from coach.packs.check import check_command
from coach.packs.loader import load_pack
from coach.settings import Settings, load_settings, save_settings

DATA = Path(__file__).resolve().parents[1] / "data" / "packs"
PACK = DATA / "handouts"


def _link(url: str, *countries: str) -> Link:
    return Link(Text("c", url), url, countries)


def test_links_for_a_country_come_first_then_those_for_everyone() -> None:
    links = (_link("https://all.example"), _link("https://fr.example", "FR"), _link("https://ch.example", "CH"),
             _link("https://frch.example", "FR", "CH"))
    assert [x.url for x in links_for(links, "CH")] == ["https://ch.example", "https://frch.example",
                                                       "https://all.example"]
    assert [x.url for x in links_for(links, "")] == ["https://all.example"]
    assert [x.url for x in links_for(links, "fr")] == ["https://fr.example", "https://frch.example",
                                                       "https://all.example"]


def test_pack_links_carry_countries_and_steps_carry_links() -> None:
    pack = load_pack(PACK).pack
    assert pack is not None
    lesson = pack.lesson("call")
    assert [link.countries for link in lesson.links] == [("FR",), ("CH",), ()]
    assert [link.url for link in lesson.steps[1].links] == ["https://www.ameli.fr/assure"]
    assert lesson.steps[1].links[0].title.context == "lesson/call/step/phone-icon/link/1/title"
    assert [x.url for x in lesson.all_links("CH")] == ["https://www.ch.ch/fr/", "https://example.org/aide?langue=fr&page=2"]
    assert pack.translate(lesson.steps[1].links[0].title, "ti") == "መርበብ ሓበሬታ ናይ ሕክምና መድሕን"


def test_pack_check_names_a_bad_country_and_a_bad_step_link(tmp_path: Path) -> None:
    pack = tmp_path / "handouts"
    shutil.copytree(PACK, pack)
    lesson = pack / "lessons" / "01-call.toml"
    text = lesson.read_text(encoding="utf-8")
    text = text.replace('countries = ["CH"]', 'countries = ["CH", "Suisse", "ch"]')
    text = text.replace('url = "https://www.ameli.fr/assure"', 'url = "www.ameli.fr"')
    lesson.write_text(text, encoding="utf-8")
    out = io.StringIO()
    assert check_command([str(pack)], out, lang="en") == 1
    lines = text.splitlines()
    countries_line = next(i for i, line in enumerate(lines, 1) if "Suisse" in line)
    url_line = next(i for i, line in enumerate(lines, 1) if '"www.ameli.fr"' in line)
    report = out.getvalue()
    assert (f'{pack}/lessons/01-call.toml:{countries_line}: error: link 2: "Suisse" is not a country code '
            "(two letters, such as FR or CH)") in report
    assert f'{pack}/lessons/01-call.toml:{countries_line}: warning: link 2: country "CH" is listed twice' in report
    assert (f'{pack}/lessons/01-call.toml:{url_line}: error: link 1: url "www.ameli.fr" must start with '
            "https:// or http://") in report


def test_built_in_demo_links_are_per_country() -> None:
    out = io.StringIO()
    assert check_command([str(Path(__file__).resolve().parents[2] / "lessons" / "demo")], out, lang="en") == 0
    pack = load_pack(Path(__file__).resolve().parents[2] / "lessons" / "demo").pack
    lesson = pack.lesson("call-someone")
    assert [x.url for x in lesson.all_links("FR")] == ["https://www.service-public.fr"]
    assert [x.url for x in lesson.all_links("CH")] == ["https://www.ch.ch/fr/"]


def test_countries_come_from_cldr_france_and_switzerland_first() -> None:
    assert is_country("FR") and is_country("ch") and not is_country("EU") and not is_country("XX")
    assert country_name("CH", "fr") == "Suisse"
    assert country_name("CH", "ar") == "سويسرا"
    ordered = countries_in_order("fr")
    assert [code for code, _ in ordered[:2]] == ["FR", "CH"]
    assert len(ordered) > 200
    rest = [name for _, name in ordered[2:]]
    assert rest == sorted(rest, key=str.casefold)


def test_desk_settings_round_trip_and_refuse_bad_values(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    chosen = Settings(desk_country="CH", desk_name="Point d'appui", desk_address="Rue du Lac 3\n1200 Genève",
                      desk_hours="Lundi 9-12")
    save_settings(path, chosen)
    assert load_settings(path) == chosen
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw.update(desk_country="Switzerland", desk_name="x" * 1000, desk_hours=12)
    path.write_text(json.dumps(raw), encoding="utf-8")
    loaded = load_settings(path)
    assert (loaded.desk_country, loaded.desk_name, loaded.desk_hours) == ("", "", "")
    assert loaded.desk_address == chosen.desk_address


def test_qr_code_matrix_decodes_back_to_the_link() -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    url = "https://example.org/aide?langue=fr&page=2#étape"
    code = qr_code(url)
    side = (code.size + 8) * 6
    image = Image.new("L", (side, side), 255)
    for row, line in enumerate(code.modules):
        for column, dark in enumerate(line):
            if dark:
                image.paste(0, ((column + 4) * 6, (row + 4) * 6, (column + 5) * 6, (row + 5) * 6))
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [url]


def test_lesson_sheet_holds_each_step_its_picture_and_the_countrys_links() -> None:
    pack = load_pack(PACK).pack
    desk = Desk("Centre", "1 rue A\n75000 Paris", "Lundi 9-12\nMardi 14-17", "FR")
    sheet = lesson_sheet(pack, pack.lesson("call"), "ti", "fr", desk)
    steps = [item for item in sheet.items if isinstance(item, StepItem)]
    assert [s.text.text for s in steps] == [pack.translate(s.text, "ti") for s in pack.lesson("call").steps]
    assert all(s.picture.startswith(b"<svg") for s in steps)
    assert [s.worker.text for s in steps] == [s.text.source for s in pack.lesson("call").steps]
    assert [q.url for q in sheet.items if isinstance(q, QrItem)] == [
        "https://www.service-public.fr/particuliers/vosdroits/N19803", "https://example.org/aide?langue=fr&page=2",
        "https://www.ameli.fr/assure"]
    hours = ui_strings("ti").gettext("Opening hours:")
    assert [w.text for w in sheet.desk] == ["Centre", "1 rue A", "75000 Paris", hours, "Lundi 9-12", "Mardi 14-17"]
    assert lesson_sheet(pack, pack.lesson("call"), "fr", "fr", desk).worker_title is None


def _about() -> dict:
    return {
        "visits": [{"id": 1, "started": "2026-11-20T10:00:00+00:00",
                    "lessons": [{"pack": "handouts-test", "lesson": "call", "finished": True}]}],
        "ratings": [
            {"visit": 1, "skill": "handouts-test/phone-call", "level": 1, "by": "worker", "at": "2026-11-01T10:00"},
            {"visit": 1, "skill": "handouts-test/phone-call", "level": 2, "by": "worker", "at": "2026-11-20T10:00"},
            {"visit": 1, "skill": "handouts-test/phone-call", "level": 3, "by": "client", "at": "2026-11-20T10:01"},
        ],
        "notes": [{"visit": 1, "text": "private", "at": "2026-11-20T10:30"}],
    }


def test_what_i_can_do_now_keeps_notes_and_history_off_unless_ticked() -> None:
    pack = load_pack(PACK).pack
    plain = skills_sheet(_about(), [pack], "fr")
    assert plain.one_page
    (skill,) = [item for item in plain.items if isinstance(item, SkillItem)]
    assert (skill.name.text, skill.level, skill.self_rating, skill.history) == ("Appeler quelqu'un", 2, "alone", None)
    assert "private" not in plain.texts()
    full = skills_sheet(_about(), [pack], "fr", include_notes=True, include_history=True)
    assert "private" in full.texts()
    (skill,) = [item for item in full.items if isinstance(item, SkillItem)]
    assert skill.history is not None and "→" in skill.history.text
    (arabic,) = [item for item in skills_sheet(_about(), [pack], "ar", include_history=True).items
                 if isinstance(item, SkillItem)]
    assert "←" in arabic.history.text  # later is to the left in right-to-left text
    # Not yet alone: the lesson that teaches it is what to practise next.
    assert plain.texts().count("Appeler quelqu'un") == 2


def test_visit_summary_from_the_record() -> None:
    pack = load_pack(PACK).pack
    digest = VisitDigest.from_about(_about())
    assert digest.lessons == (("handouts-test", "call", True),)
    assert digest.levels == {"handouts-test/phone-call": 2}
    assert digest.self_ratings == {"handouts-test/phone-call": "alone"}
    sheet = visit_sheet(digest, [pack], "fr")
    assert "Appeler quelqu'un" in sheet.texts()
    with pytest.raises(ValueError):
        VisitDigest.from_about({"visits": []})
