"""`coach pack check`: the exact line printed for each kind of mistake, and the exit code."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from coach.domain.problems import placeholder_names
from coach.i18n.ui_strings import command_line_strings as translations
from coach.i18n.ui_strings import environment_language
from coach.packs.check import check_command, check_paths, summary

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
BROKEN = DATA / "broken_packs"
MINIMAL = DATA / "packs" / "minimal"

# case: (file inside the pack, text marking the line (None: no line), severity, message, exit code)
CASES = {
    "bad-syntax": ("lessons/01-call.toml", "title = ", "error",
                   "bad TOML syntax: illegal character '\\n' (column 27); "
                   "a text in quotes must end with a quote on the same line", 1),
    "missing-field": ("lessons/01-call.toml", 'id = "call"', "error", "the lesson has no title", 1),
    "unknown-field": ("pack.toml", "descripton", "error",
                      'the manifest has an unknown field "descripton" (did you mean "description"?)', 1),
    "duplicate-lesson-id": ("lessons/02-call-again.toml", 'id = "call"', "error",
                            'lesson id "call" is already used by lessons/01-call.toml', 1),
    "duplicate-step-id": ("lessons/01-call.toml", "#2:id = \"open\"", "error",
                          'step id "open" is used twice in the lesson (first at line 6)', 1),
    "missing-picture": ("lessons/01-call.toml", "keypad.svg", "error",
                        'picture "pictures/keypad.svg" is missing from the pack', 1),
    "unreadable-picture": ("lessons/01-call.toml", "keypad.png", "error",
                           'picture "pictures/keypad.png" cannot be read: '
                           "it is not a PNG picture, or it is damaged", 1),
    "unknown-skill": ("lessons/01-call.toml", "skills = ", "error",
                      'unknown skill "sms": declare it in pack.toml under [[skills]]', 1),
    "placeholder-mismatch": ("locales/ar.po", 'msgid "Tapez le code {code}."', "error",
                             "translation has placeholders {name} but the source has {code}", 1),
    "no-picture-description": ("lessons/01-call.toml", "#2:[[steps]]", "error",
                               'step "dial" has no picture_description', 1),
    "long-sentence": ("lessons/01-call.toml", "Tapez avec", "error",
                      'step "dial" has a sentence of 24 words (Easy-to-Read: at most 20): '
                      '"Tapez avec un doigt le numéro de votre ami que…"', 1),
    "wordy-sentence": ("lessons/01-call.toml", "Tapez avec", "warning",
                       'step "dial" has a sentence of 14 words (Easy-to-Read: at most 12): '
                       '"Tapez avec un doigt le numéro de votre ami écri…"', 0),
    "unknown-kind": ("lessons/01-call.toml", '"quiz"', "error",
                     'step "dial" has an unknown kind "quiz" '
                     "(this Coach knows: choose, info, order, sms-code, touch, type-in)", 1),
    "newer-format": ("pack.toml", "format = ", "error",
                     "pack format 2 is newer than this Coach understands (1); update Coach to use this pack", 1),
    "bad-digcomp": ("pack.toml", "digcomp", "error",
                    'skill "call": "2.7" is not a DigComp 2.2 competence '
                    "(1.1 to 1.3, 2.1 to 2.6, 3.1 to 3.4, 4.1 to 4.4, 5.1 to 5.4)", 1),
    "bad-id": ("lessons/01-call.toml", "Dial_Number", "error",
               'step id "Dial_Number" must use only lowercase letters, digits and "-" (like "log-in")', 1),
    "bad-link": ("lessons/01-call.toml", "url = ", "error",
                 'link 1: url "www.example.org" must start with https:// or http://', 1),
    "unknown-language": ("pack.toml", "languages = ", "error", 'unknown language tag "xx-nope" in languages', 1),
    "source-not-in-languages": ("pack.toml", "source_language", "error",
                                'source_language "fr" is not in languages; list every language, '
                                "the source included", 1),
    "missing-audio": ("lessons/01-call.toml", "audio = ", "error",
                      'audio "audio/fr/dial.ogg" is missing from the pack', 1),
    "unused-skill": ("pack.toml", 'id = "sms"', "warning", 'skill "sms" is not used by any lesson', 0),
    "missing-catalog": ("pack.toml", "languages = ", "warning",
                        '"ar" is in languages but has no catalog (locales/ar.po); the source texts will be shown', 0),
    "obsolete-translation": ("locales/ar.po", 'msgid "Raccrochez."', "warning",
                             'obsolete translation: the pack has no text "lesson/call/step/hang-up/text" any more', 0),
    "not-a-pack": ("", None, "error", "not a lesson pack (no pack.toml)", 1),
}


def line_of(path: Path, marker: str) -> int:
    """The 1-based line holding `marker`; "#2:text" means its second occurrence."""
    occurrence = 1
    if marker.startswith("#"):
        number, marker = marker[1:].split(":", 1)
        occurrence = int(number)
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if marker in line]
    return lines[occurrence - 1]


def expected_line(case: str) -> str:
    file, marker, severity, message, _ = CASES[case]
    where = f"{BROKEN / case}/{file}" if file else str(BROKEN / case)
    if marker is not None:
        where += f":{line_of(BROKEN / case / file, marker)}"
    return f"{where}: {severity}: {message}"


def run_check(*paths: Path | str, lang: str = "en") -> tuple[int, list[str]]:
    """`coach pack check` on `paths`, in English unless `lang` says otherwise (whatever the machine's LANG)."""
    out = io.StringIO()
    code = check_command([str(p) for p in paths], out, lang=lang)
    return code, out.getvalue().splitlines()


def english_env() -> dict[str, str]:
    """The environment for a `coach` subprocess whose output must be English."""
    return {**os.environ, "PYTHONPATH": str(REPO), "LANGUAGE": "en", "LC_ALL": "C.UTF-8"}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_pack_reports_exactly_its_problem(case: str) -> None:
    """Each broken fixture yields exactly one problem line, at the exact line, and the right exit code."""
    code, lines = run_check(BROKEN / case)
    assert lines[:-1] == [expected_line(case)]
    assert code == CASES[case][4]


def test_every_broken_fixture_has_a_case() -> None:
    """No fixture folder under tests/data/broken_packs goes untested."""
    assert sorted(p.name for p in BROKEN.iterdir() if p.is_dir()) == sorted(CASES)


def test_valid_pack_prints_one_summary_line() -> None:
    """A valid pack with no warnings prints only the summary and exits 0."""
    code, lines = run_check(MINIMAL)
    assert (code, lines) == (0, ["1 pack checked: all valid, no warnings."])


def test_command_line_runs_the_same_check() -> None:
    """`python -m coach pack check` prints the same lines and exits 1 on an error."""
    case = "unknown-kind"
    completed = subprocess.run(
        [sys.executable, "-m", "coach", "pack", "check", str(BROKEN / case), str(MINIMAL)],
        capture_output=True, text=True, cwd=REPO, env=english_env(), check=False,
    )
    assert completed.returncode == 1
    assert completed.stdout.splitlines() == [expected_line(case), "2 packs checked: 1 error, no warnings."]


def test_warnings_only_exit_zero_with_summary() -> None:
    """Warnings alone exit 0; the summary counts packs and warnings."""
    code, lines = run_check(MINIMAL, BROKEN / "unused-skill")
    assert code == 0
    assert lines == [expected_line("unused-skill"), "2 packs checked: all valid, 1 warning."]


def test_missing_path_is_said_to_be_missing() -> None:
    """A path that does not exist is reported as missing, with the user's spelling."""
    code, lines = run_check("no/such/pack")
    assert (code, lines[0]) == (1, "no/such/pack: error: no such file or folder")


def test_duplicate_pack_ids_across_paths(tmp_path: Path) -> None:
    """Two packs with the same id: the second is an error naming the first one's location."""
    first, second = tmp_path / "a", tmp_path / "b"
    shutil.copytree(MINIMAL, first)
    shutil.copytree(MINIMAL, second)
    code, lines = run_check(first, second)
    assert code == 1
    assert lines[0] == f'{second}/pack.toml:2: error: pack id "minimal" is already used by the pack at {first}'


def _pack_with_picture(tmp_path: Path, image: Image.Image, name: str = "big.png") -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(MINIMAL, pack)
    image.save(pack / "pictures" / name)
    toml = pack / "lessons" / "01-call.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("pictures/phone.svg", f"pictures/{name}", 1),
                    encoding="utf-8")
    return pack


@pytest.mark.parametrize(("size", "severity", "detail"), [
    ((4100, 8), "error", "is 4100x8 pixels; the limit is 4096 on either side"),
    ((8, 2100), "warning", "is 8x2100 pixels; 2048 on either side is plenty"),
])
def test_picture_pixel_limits(tmp_path: Path, size: tuple[int, int], severity: str, detail: str) -> None:
    """Pictures over 4096 pixels on a side are errors; over 2048, warnings."""
    pack = _pack_with_picture(tmp_path, Image.new("L", size))
    code, lines = run_check(pack)
    line = line_of(pack / "lessons/01-call.toml", "big.png")
    assert lines[0] == f'{pack}/lessons/01-call.toml:{line}: {severity}: picture "pictures/big.png" {detail}'
    assert code == (1 if severity == "error" else 0)


def test_picture_byte_limit(tmp_path: Path) -> None:
    """A picture file over 2 MiB is an error, whatever its pixel size."""
    noise = Image.frombytes("RGB", (1000, 1000), os.urandom(3_000_000))
    pack = _pack_with_picture(tmp_path, noise)
    code, lines = run_check(pack)
    assert code == 1
    assert "MiB; the limit is 2 MiB" in lines[0]


def test_svg_must_be_svg(tmp_path: Path) -> None:
    """An .svg file that is not XML, or whose root is not <svg>, is an error."""
    pack = tmp_path / "pack"
    shutil.copytree(MINIMAL, pack)
    (pack / "pictures/phone.svg").write_text("<html><body>no</body></html>")
    code, lines = run_check(pack)
    assert code == 1
    assert lines[0].endswith('picture "pictures/phone.svg" is not an SVG picture (its main element is not <svg>)')
    (pack / "pictures/phone.svg").write_text("<svg")
    code, lines = run_check(pack)
    assert code == 1 and "is not a well-formed SVG file" in lines[0]


def test_picture_outside_the_pack(tmp_path: Path) -> None:
    """A picture path climbing out of the pack with .. is refused."""
    pack = tmp_path / "pack"
    shutil.copytree(MINIMAL, pack)
    toml = pack / "lessons/01-call.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('"pictures/phone.svg"', '"../secret.svg"', 1),
                    encoding="utf-8")
    code, lines = run_check(pack)
    assert code == 1
    assert lines[0].endswith('error: picture "../secret.svg" points outside the pack')


def test_wrong_type_is_named(tmp_path: Path) -> None:
    """A field of the wrong type says what was expected and what was found."""
    pack = tmp_path / "pack"
    shutil.copytree(MINIMAL, pack)
    toml = pack / "lessons/01-call.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('skills = ["call"]', 'skills = "call"'), encoding="utf-8")
    code, lines = run_check(pack)
    assert code == 1
    assert lines[0] == (
        f"{pack}/lessons/01-call.toml:3: error: the lesson: skills must be a list of texts in quotes, not a text"
    )


def test_summary_wording() -> None:
    """The summary line uses singular and plural words correctly."""
    assert summary(1, []) == "1 pack checked: all valid, no warnings."
    assert summary(3, []) == "3 packs checked: all valid, no warnings."


def test_kind_specific_fields(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A registered kind's required field must be present, and its fields are not 'unknown'."""
    from coach.domain import steps

    kind = steps.StepKind("tap", "Tap the right spot.", frozenset({"target"}), frozenset({"hint"}))
    monkeypatch.setitem(steps._REGISTRY, "tap", kind)
    pack = tmp_path / "pack"
    shutil.copytree(MINIMAL, pack)
    toml = pack / "lessons/01-call.toml"
    text = toml.read_text(encoding="utf-8").replace('id = "dial"\nkind = "info"', 'id = "dial"\nkind = "tap"\nhint = 0')
    toml.write_text(text, encoding="utf-8")
    code, lines = run_check(pack)
    header = line_of(toml, "#2:[[steps]]")
    assert (code, lines[0]) == (1, f'{toml}:{header}: error: step "dial" has no target')
    toml.write_text(text.replace("hint = 0", "hint = 0\ntarget = [10, 20]"), encoding="utf-8")
    code, lines = run_check(pack)
    assert code == 0, lines
    from coach.packs.loader import load_pack

    loaded = load_pack(pack).pack
    assert loaded is not None
    assert dict(loaded.lesson("call").steps[1].options) == {"hint": 0, "target": [10, 20]}


def test_packs_never_import_qt() -> None:
    """Every coach.packs module imports in an interpreter where PySide6 cannot be imported."""
    code = (
        "import sys, importlib, pkgutil\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'PySide6': raise ImportError('Qt is blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import coach.packs\n"
        "for m in pkgutil.iter_modules(coach.packs.__path__): importlib.import_module('coach.packs.' + m.name)\n"
        "print('ok')\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False)
    assert completed.stdout.strip() == "ok", completed.stderr


# --- messages in the user's language ------------------------------------------------------

NBSP = "\u00a0"


def test_french_environment_prints_french_lines_and_summary() -> None:
    """With LANGUAGE=fr, `coach pack check` prints the problem and the summary in French, file:line kept."""
    case = "missing-field"
    env = {**os.environ, "PYTHONPATH": str(REPO), "LANGUAGE": "fr", "LANG": "C.UTF-8", "LC_ALL": ""}
    completed = subprocess.run(
        [sys.executable, "-m", "coach", "pack", "check", str(BROKEN / case)],
        capture_output=True, text=True, encoding="utf-8", cwd=REPO, env=env, check=False,
    )
    where = expected_line(case).split(": error: ")[0]
    assert completed.returncode == 1, completed.stderr
    assert completed.stdout.splitlines() == [
        f"{where}: erreur: la leçon{NBSP}: champ title manquant",
        f"1 pack vérifié{NBSP}: 1 erreur, aucun avertissement.",
    ]


def test_lang_option_wins_over_the_environment() -> None:
    """`coach pack check --lang ar` prints Arabic even when the environment asks for French."""
    case = "unused-skill"
    env = {**os.environ, "PYTHONPATH": str(REPO), "LANGUAGE": "fr"}
    completed = subprocess.run(
        [sys.executable, "-m", "coach", "pack", "check", "--lang", "ar", str(BROKEN / case)],
        capture_output=True, text=True, encoding="utf-8", cwd=REPO, env=env, check=False,
    )
    where = expected_line(case).split(": warning: ")[0]
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.splitlines() == [
        f"{where}: تحذير: المهارة «sms» غير مستخدمة في أي درس",
        "فُحصت حزمة واحدة: لا أخطاء، تحذير واحد.",
    ]


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANGUAGE": "fr:en", "LANG": "ar_EG.UTF-8"}, "fr"),
    ({"LANGUAGE": ":ar", "LANG": "fr_FR.UTF-8"}, "ar"),
    ({"LC_ALL": "fr_FR.UTF-8", "LANG": "ar_EG.UTF-8"}, "fr-FR"),
    ({"LC_MESSAGES": "fa_AF@latin", "LANG": "fr"}, "fa-AF"),
    ({"LANG": "fr_FR.UTF-8"}, "fr-FR"),
    ({"LANG": "C.UTF-8"}, None),
    ({"LC_ALL": "POSIX", "LANG": "fr_FR.UTF-8"}, None),
    ({}, None),
])
def test_environment_language(environ: dict[str, str], expected: str | None) -> None:
    """LANGUAGE (its first entry), then LC_ALL, LC_MESSAGES, LANG; C and POSIX mean English."""
    assert environment_language(environ) == expected


def test_regional_and_unknown_languages() -> None:
    """fr-FR uses the French catalog; a language without a catalog is English."""
    assert translations("fr-FR").gettext("error") == "erreur"
    assert translations("xx").gettext("error") == "error"
    assert summary(2, [], translations("fr")) == f"2 packs vérifiés{NBSP}: aucune erreur, aucun avertissement."


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_every_problem_is_translated(case: str, lang: str) -> None:
    """Every fixture's problem reads differently in French and Arabic, and keeps its file:line."""
    code, lines = run_check(BROKEN / case, lang=lang)
    english = expected_line(case)
    where, message = english.split(f": {CASES[case][2]}: ", 1)
    assert lines[0].startswith(f"{where}: ")
    assert message not in lines[0]
    assert code == CASES[case][4]


def test_every_problem_has_exactly_the_values_its_template_names() -> None:
    """Each problem's params name exactly its template's placeholders (no stray or missing value)."""
    problems = check_paths([str(BROKEN / case) for case in sorted(CASES)])
    assert len(problems) >= len(CASES)
    for problem in problems:
        assert {name for name, _ in problem.params} == placeholder_names(problem.template), problem


def test_a_path_that_does_not_exist_is_said_so(tmp_path: Path) -> None:
    """A mistyped path says "no such file or folder", not that the folder lacks a pack.toml."""
    missing = tmp_path / "my-pakc"
    code, lines = run_check(missing)
    assert code == 1
    assert lines[0] == f"{missing}: error: no such file or folder"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_check(empty)[1][0] == f"{empty}: error: not a lesson pack (no pack.toml)"


def test_too_many_steps_skills_or_lessons_are_refused_at_the_first_one_over(tmp_path: Path) -> None:
    """201 steps, 201 skills or 201 lesson files: one error naming the file and the line of the first one over."""
    from coach.packs.lessons import MAX_LESSONS, MAX_STEPS
    from coach.packs.manifest import MAX_SKILLS

    steps_pack, skills_pack, lessons_pack = (tmp_path / name for name in ("steps", "skills", "lessons"))
    for pack in (steps_pack, skills_pack, lessons_pack):
        shutil.copytree(MINIMAL, pack)
    lesson = steps_pack / "lessons/01-call.toml"
    first = len(lesson.read_text(encoding="utf-8").splitlines())
    with lesson.open("a", encoding="utf-8") as stream:
        for i in range(MAX_STEPS):
            stream.write(f'[[steps]]\nid = "more{i}"\nkind = "info"\ntext = "Text {i}."\n'
                         f'picture = "pictures/phone.svg"\npicture_description = "Picture {i}."\n')
    steps_in_file = [n for n, text in enumerate(lesson.read_text(encoding="utf-8").splitlines(), 1)
                     if text == "[[steps]]"]
    over = steps_in_file[MAX_STEPS]
    assert over > first
    manifest = skills_pack / "pack.toml"
    with manifest.open("a", encoding="utf-8") as stream:
        for i in range(MAX_SKILLS):
            stream.write(f'\n[[skills]]\nid = "more{i}"\ntitle = "Skill {i}"\ndigcomp = ["2.1"]\n')
    skill_headers = [n for n, text in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1)
                     if text == "[[skills]]"]
    text = (lessons_pack / "lessons/01-call.toml").read_text(encoding="utf-8")
    for i in range(MAX_LESSONS):
        (lessons_pack / "lessons" / f"02-{i:03d}.toml").write_text(text.replace('id = "call"', f'id = "l{i}"', 1),
                                                                  encoding="utf-8")
    assert run_check(steps_pack) == (1, [
        f"{lesson}:{over}: error: the lesson has {len(steps_in_file)} steps; "
        f"the limit is {MAX_STEPS}", "1 pack checked: 1 error, no warnings."])
    assert run_check(skills_pack) == (1, [
        f"{manifest}:{skill_headers[MAX_SKILLS]}: error: the pack has {len(skill_headers)} skills; "
        f"the limit is {MAX_SKILLS}", "1 pack checked: 1 error, no warnings."])
    assert run_check(lessons_pack) == (1, [
        f"{lessons_pack}/lessons: error: the pack has {MAX_LESSONS + 1} lesson files; the limit is {MAX_LESSONS}",
        "1 pack checked: 1 error, no warnings."])
