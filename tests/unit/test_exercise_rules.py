"""Practice exercises without Qt: the answer rules, and how `coach pack check` judges a pack's exercises."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.domain.exercises import (
    Area,
    ChooseExercise,
    FormField,
    OrderExercise,
    OrderItem,
    Rule,
    SmsCodeExercise,
    Strength,
    TouchExercise,
    TypeInExercise,
    password_strength,
)
from coach.domain.pack import Text
from coach.domain.steps import step_kind
from coach.packs.extract import pack_texts
from coach.packs.loader import load_pack
from coach.paths import builtin_packs_dir

PORTAL = builtin_packs_dir() / "practice-portal"
T = Text("c", "hint")


def field(rule: str, **options: object) -> FormField:
    return FormField("f", T, rule, T, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(("rule", "options", "good", "bad"), [
    (Rule.EMAIL, {}, ["nom@exemple.fr", " a.b@c.org "], ["nom", "nom@exemple", "@x.fr", "a b@c.fr", ""]),
    (Rule.NAME, {}, ["Diallo", "Jean-Pierre", "N'Diaye", "فاطمة", "مُحَمَّد", "می\u200cنا", "ሰላም", "अमित", "Nguyễn"],
     ["R2D2", "", "--", "Jean  Pierre", "-Ana", "\u0301a", "Ana!"]),
    (Rule.DATE, {}, ["12/03/1980", "1.1.2000", "29-02-2000", "05 03 1980", "05  03 1980", "05 / 03 / 1980", "٠٥/٠٣/١٩٨٠"],
     ["31/02/1980", "12/13/1980", "1980-03-12", "1/1/2999", "05031980", "05 03", "05 03 1980 12"]),
    (Rule.PHONE, {}, ["06 12 34 56 78", "+33612345678"], ["06-12", "abc"]),
    (Rule.NUMBER, {"minimum": 0, "maximum": 20}, ["0", "2", "20"], ["-1", "21", "deux", "2.5"]),
    (Rule.CODE, {"pattern": "[0-9]{5}"}, ["75011"], ["7501", "750111", "7501a"]),
    (Rule.TEXT, {"minimum": 4}, ["5 rue de la Paix"], ["rue", "   "]),
    (Rule.PASSWORD, {"min_strength": 3}, ["Soleil-2024!x"], ["soleil", "azerty", "abcdefgh"]),
])
def test_field_rules(rule: str, options: dict[str, object], good: list[str], bad: list[str]) -> None:
    spec = field(rule, **options)
    assert [answer for answer in good if not spec.accepts(answer)] == []
    assert [answer for answer in bad if spec.accepts(answer)] == []


def test_password_strength_grows_with_length_and_variety() -> None:
    assert password_strength("azerty") is Strength.TOO_WEAK, "a common password is too weak"
    assert password_strength("abcdef") is Strength.WEAK
    assert password_strength("abcdef12") is Strength.MEDIUM
    assert password_strength("Abcdef12!x") is Strength.STRONG
    assert password_strength("Abcdef12!xyz-Qw") is Strength.VERY_STRONG


@given(st.text(max_size=40))
def test_password_strength_is_always_on_the_meter(password: str) -> None:
    assert Strength.TOO_WEAK <= password_strength(password) <= Strength.VERY_STRONG


def test_touch_targets_mirror_for_right_to_left() -> None:
    exercise = TouchExercise((Area(10, 20, 30, 40),), T)
    assert exercise.is_right(15, 30, 400, rtl=False) and not exercise.is_right(375, 30, 400, rtl=False)
    assert exercise.is_right(375, 30, 400, rtl=True) and not exercise.is_right(15, 30, 400, rtl=True)
    fixed = TouchExercise((Area(10, 20, 30, 40),), T, mirror=False)
    assert fixed.is_right(15, 30, 400, rtl=True)


@given(st.integers(min_value=2, max_value=6), st.text(max_size=12))
def test_order_starts_jumbled_and_only_the_written_order_is_right(count: int, seed: str) -> None:
    exercise = OrderExercise(tuple(OrderItem(f"p{i}.svg", T) for i in range(count)), T)
    jumbled = exercise.shuffled(seed)
    assert sorted(jumbled) == list(range(count)) and list(jumbled) != list(range(count))
    assert jumbled == exercise.shuffled(seed), "the same jumble every time for a step"
    assert exercise.is_right(list(range(count))) and not exercise.is_right(list(jumbled))


def test_sms_code_is_fixed_or_six_random_digits() -> None:
    fixed = SmsCodeExercise(T, T, T, T, T, T, code="4829")
    assert fixed.new_code() == "4829"
    drawn = SmsCodeExercise(T, T, T, T, T, T).new_code()
    assert re.fullmatch(r"[0-9]{6}", drawn)


def test_every_exercise_kind_is_registered() -> None:
    for name in ("touch", "choose", "type-in", "sms-code", "order"):
        kind = step_kind(name)
        assert kind is not None and kind.exercise and "hint" in kind.own_fields | {"hint"}


def test_the_portal_pack_is_valid_in_every_language() -> None:
    result = load_pack(PORTAL, deep=True)
    assert result.pack is not None, result.problems
    assert result.problems == ()
    kinds = {step.kind for lesson in result.pack.lessons for step in lesson.steps}
    assert kinds == {"info", "touch", "choose", "type-in", "sms-code", "order"}
    for lesson in result.pack.lessons:
        for step in lesson.steps:
            assert (step.exercise is None) == (step.kind == "info")
    assert not result.pack.is_reviewed("ar") and not result.pack.is_reviewed("en")


def test_extract_lists_every_exercise_text_and_hint() -> None:
    pack = load_pack(PORTAL).pack
    assert pack is not None
    contexts = {text.context for text in pack_texts(pack)}
    for expected in ("lesson/create-account/step/touch-create/hint",
                     "lesson/create-account/step/e-mail-password/field/password/label",
                     "lesson/create-account/step/e-mail-password/field/password/hint",
                     "lesson/log-in-code/step/code/message",
                     "lesson/log-in-code/step/scam/choice/2/text",
                     "lesson/log-in-code/step/scam/choice/1/hint",
                     "lesson/add-document/step/good-photo/choice/3/picture_description",
                     "lesson/benefit-form/step/send-order/item/4/text"):
        assert expected in contexts
    exercise = pack.lesson("log-in-code").steps[1].exercise
    assert isinstance(exercise, ChooseExercise) and exercise.on_phone
    form = pack.lesson("benefit-form").steps[3].exercise
    assert isinstance(form, TypeInExercise) and [f.id for f in form.fields] == ["street", "postcode", "city"]


def _portal_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "practice-portal"
    shutil.copytree(PORTAL, copy)
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _errors(pack: Path) -> list[str]:
    return [f"{Path(p.file).relative_to(pack)}:{p.line}: {p.message}" for p in load_pack(pack, deep=True).errors]


@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    ("01-create-account.toml", "{ x = 60, y = 212, width = 140, height = 38 }",
     "{ x = 330, y = 212, width = 140, height = 38 }",
     'lessons/01-create-account.toml:20: step "touch-create": target 1 (330, 212, 140x38) is not inside the '
     'picture "pictures/site-home.svg" (400x300)'),
    ("02-log-in-code.toml", "right = true\n", "",
     'lessons/02-log-in-code.toml:28: step "scam": no choice is right; write right = true under at least one'),
    ("03-benefit-form.toml", 'pattern = "[0-9]{5}"', 'pattern = "[0-9{5}"',
     'lessons/03-benefit-form.toml:73: step "address": pattern "[0-9{5}" is not a valid regular expression: '
     "unterminated character set at position 0"),
    ("03-benefit-form.toml", 'rule = "date"', 'rule = "birthday"',
     'lessons/03-benefit-form.toml:50: step "birth-date": unknown rule "birthday" '
     "(rules: text, name, email, date, phone, number, code, password)"),
    ("02-log-in-code.toml", "Votre code Mes aides : {code}.", "Votre code Mes aides.",
     'lessons/02-log-in-code.toml:16: step "code": message must contain {code}, where the code goes'),
    ("04-add-document.toml", 'right = true\n', 'right = "yes"\n',
     'lessons/04-add-document.toml:45: step "good-photo", choice 2: right must be true or false, not a text'),
])
def test_exercise_mistakes_are_reported_at_their_line(tmp_path: Path, file: str, old: str, new: str,
                                                       expected: str) -> None:
    pack = _portal_copy(tmp_path)
    _edit(pack / "lessons" / file, old, new)
    errors = _errors(pack)
    assert expected in [re.sub(r" at position \d+", " at position 0", e) for e in errors], errors


def test_a_hint_missing_in_one_language_is_an_error(tmp_path: Path) -> None:
    pack = _portal_copy(tmp_path)
    _edit(pack / "locales" / "ar.po", 'msgstr "الزر الأزرق في أسفل الصفحة."', 'msgstr ""')
    assert _errors(pack) == [
        'lessons/01-create-account.toml:19: hint "lesson/create-account/step/touch-create/hint" has no '
        'translation in "ar": a client would not understand it'
    ]
    assert load_pack(pack).pack is not None, "the library still loads it: extract must work before translating"


# -- results and the suggested level ----------------------------------------------------------
from coach.domain.autonomy import AutonomyLevel  # noqa: E402
from coach.domain.practice import ExerciseResult, describe, from_record, suggest_level, to_record  # noqa: E402


def result(step: str, attempts: int = 1, hints: int = 0, help: int = 0, solved: bool = True) -> ExerciseResult:
    return ExerciseResult(step, attempts, hints, help, solved)


@pytest.mark.parametrize(("results", "count", "level"), [
    ([], 2, None),
    ([result("a"), result("b")], 2, AutonomyLevel.AUTONOMOUS),
    ([result("a", 2, 1), result("b")], 2, AutonomyLevel.HELP_IF_NEEDED),
    ([result("a", help=1), result("b")], 2, AutonomyLevel.GUIDED),
    ([result("a"), result("b", 3, 3, solved=False)], 2, AutonomyLevel.GUIDED),
    ([result("a")], 2, AutonomyLevel.GUIDED),
    ([result("a"), result("b", 0, 0, 0, solved=False)], 3, AutonomyLevel.DONE_FOR),
    ([result("a", 4, 4, 1, solved=False)], 1, AutonomyLevel.DONE_FOR),
])
def test_suggested_level_follows_the_written_rule(results: list[ExerciseResult], count: int,
                                                  level: AutonomyLevel | None) -> None:
    assert suggest_level(results, count) == level


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.integers(0, 3), st.booleans()), max_size=6),
       st.integers(1, 6))
def test_more_hints_or_help_never_suggest_more_autonomy(rows: list[tuple[int, int, int, bool]], extra: int) -> None:
    results = [ExerciseResult(f"s{i}", a, h, p, s) for i, (a, h, p, s) in enumerate(rows)]
    count = max(len(results), 1)
    base = suggest_level(results, count)
    worse = [ExerciseResult(r.step_id, r.attempts, r.hints + extra, r.help, r.solved) for r in results]
    if base is not None:
        assert suggest_level(worse, count) <= base


def test_the_worker_reads_tries_hints_and_help() -> None:
    def ngettext(one: str, many: str, n: int) -> str:
        return one if n == 1 else many

    assert describe(result("a", 2, 1), str, ngettext) == "solved after 2 tries, 1 hint"
    assert describe(result("a", 1), str, ngettext) == "solved after 1 try"
    assert describe(result("a", 3, 2, 1, solved=False), str, ngettext) == "not solved yet, 3 tries, 2 hints, help asked 1 time"


def test_the_record_keeps_counts_only() -> None:
    results = [result("a", 2, 1), result("b", 0, 0, 0, solved=False)]
    data = to_record(results)
    assert data == {"a": {"attempts": 2, "hints": 1, "help": 0, "solved": True}}
    assert from_record(data) == results[:1]
