"""Read and check the practice exercises of lesson steps (see docs/pack-format.md).

`read_exercise` turns a step's own fields into a value of coach.domain.exercises,
noting every mistake with its line. `check_exercises` runs the checks that need the
whole pack: targets inside the picture (deep check only: it reads the picture) and
every hint translated into every language the pack offers (both for `coach pack check`).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from typing import Any

from coach.domain.exercises import (
    Area,
    Choice,
    ChooseExercise,
    Exercise,
    FormField,
    OrderExercise,
    OrderItem,
    Rule,
    SmsCodeExercise,
    TouchExercise,
    TypeInExercise,
    exercise_hints,
)
from coach.domain.pack import Lesson, Text
from coach.domain.problems import Phrase
from coach.i18n.ui_strings import N_
from coach.packs.catalogs import LoadedCatalog
from coach.packs.fields import Field, Report, TomlSource, check_fields, check_id
from coach.packs.manifest import MANIFEST, FileRef, Manifest, Sources
from coach.packs.resources import PackResources

TARGET_FIELDS = {name: Field("number", required=True) for name in ("x", "y", "width", "height")}
CHOICE_FIELDS = {
    "text": Field("text"), "picture": Field("text"), "picture_description": Field("text"),
    "right": Field("boolean"), "hint": Field("text"),
}
FIELD_FIELDS = {
    "id": Field("text", required=True), "label": Field("text", required=True), "rule": Field("text", required=True),
    "hint": Field("text", required=True), "pattern": Field("text"), "min": Field("integer"),
    "max": Field("integer"), "min_strength": Field("integer"),
}
ITEM_FIELDS = {"picture": Field("text", required=True), "picture_description": Field("text", required=True),
               "text": Field("text")}


class _Reader:
    """The context of one exercise step: where it is written and where its texts go."""

    def __init__(self, values: dict[str, Any], source: TomlSource, prefix: str, owner: Phrase, context: str,
                 report: Report, sources: Sources) -> None:
        self.values, self.source, self.prefix, self.owner = values, source, prefix, owner
        self.context, self.report, self.sources = context, report, sources

    def line(self, key: str = "") -> int:
        return self.source.line(f"{self.prefix}.{key}" if key else self.prefix)

    def error(self, key: str, template: str, /, **params: Any) -> None:
        self.report.error(self.source.relative_path, self.line(key), template, owner=self.owner, **params)

    def text(self, name: str, value: Any, key: str, context: str | None = None) -> Text:
        """A client-facing, translatable text (read aloud, held to Easy-to-Read)."""
        return self.sources.text(f"{self.context}/{context or name}", value, self.source,
                                 f"{self.prefix}.{key}", True)

    def own(self, name: str) -> Text:
        return self.text(name, self.values.get(name), name)

    def tables(self, name: str, fields: dict[str, Field], minimum: int, maximum: int,
               what: str) -> list[tuple[int, dict[str, Any]]]:
        tables = self.values.get(name, [])
        if tables and not minimum <= len(tables) <= maximum:
            # Translators: {field} is a field name ("choices"); {count}, {minimum}, {maximum} are numbers.
            self.error(name, N_("{owner}: {field} has {count}; write {minimum} to {maximum}"),
                       field=name, count=len(tables), minimum=minimum, maximum=maximum)
        read = []
        for index, table in enumerate(tables):
            owner = Phrase.create(what, owner=self.owner, number=index + 1)
            read.append((index, check_fields(table, fields, self.source, f"{self.prefix}.{name}[{index}]",
                                             owner, self.report)))
        return read

    def picture(self, path: str, key: str) -> None:
        self.sources.refs.append(FileRef(path, self.source.relative_path, self.source.line(f"{self.prefix}.{key}"),
                                         "picture"))


def read_exercise(kind: str, values: dict[str, Any], source: TomlSource, prefix: str, owner: Phrase,
                  context: str, report: Report, sources: Sources) -> Exercise | None:
    """The exercise of a step of kind `kind` (None for "info"), from its checked fields."""
    reader = _Reader(values, source, prefix, owner, context, report, sources)
    read = _READERS.get(kind)
    return None if read is None else read(reader)


def _touch(r: _Reader) -> TouchExercise:
    targets = []
    r.sources.field_lines[f"{r.context}/targets"] = (r.source.relative_path, r.line("targets"))
    # Translators: {owner} is a step ('step "open"'), {number} a target's position from 1.
    for _index, table in r.tables("targets", TARGET_FIELDS, 1, 8, N_("{owner}, target {number}")):
        if len(table) == 4:
            targets.append(Area(float(table["x"]), float(table["y"]), float(table["width"]), float(table["height"])))
    return TouchExercise(tuple(targets), r.own("hint"), bool(r.values.get("mirror", True)))


def _choose(r: _Reader) -> ChooseExercise:
    choices = []
    # Translators: {owner} is a step ('step "open"'), {number} a choice's position from 1.
    for index, table in r.tables("choices", CHOICE_FIELDS, 2, 4, N_("{owner}, choice {number}")):
        key = f"choices[{index}]"
        base = f"choice/{index + 1}"
        text = r.text("", table["text"], f"{key}.text", f"{base}/text") if "text" in table else None
        picture = table.get("picture", "")
        if picture:
            r.picture(picture, f"{key}.picture")
        if not text and not picture:
            r.error(key, N_("{owner}, choice {number} needs a text or a picture"), number=index + 1)
        description = None
        if picture:
            if "picture_description" not in table:
                r.error(key, N_("{owner}, choice {number} has a picture but no picture_description"),
                        number=index + 1)
            description = r.sources.text(f"{r.context}/{base}/picture_description",
                                         table.get("picture_description"), r.source,
                                         f"{r.prefix}.{key}.picture_description", False)
        hint = r.text("", table["hint"], f"{key}.hint", f"{base}/hint") if "hint" in table else None
        choices.append(Choice(text, picture, description, bool(table.get("right", False)), hint))
    if choices and not any(choice.right for choice in choices):
        r.error("choices", N_("{owner}: no choice is right; write right = true under at least one"))
    return ChooseExercise(tuple(choices), r.own("hint"), bool(r.values.get("phone", False)))


def _type_in(r: _Reader) -> TypeInExercise:
    fields = []
    seen: set[str] = set()
    # Translators: {owner} is a step ('step "open"'), {number} a form field's position from 1.
    for index, table in r.tables("fields", FIELD_FIELDS, 1, 8, N_("{owner}, field {number}")):
        key = f"fields[{index}]"
        field_id = table.get("id", "")
        if field_id:
            check_id(field_id, r.source, f"{r.prefix}.{key}.id", "step", r.report)
            if field_id in seen:
                r.error(f"{key}.id", N_('{owner}: field id "{id}" is used twice'), id=field_id)
            seen.add(field_id)
        rule = table.get("rule", "")
        if rule and rule not in Rule.ALL:
            r.error(f"{key}.rule", N_('{owner}: unknown rule "{rule}" (rules: {known})'), rule=rule,
                    known=", ".join(Rule.ALL))
        pattern = table.get("pattern", "")
        if pattern:
            try:
                re.compile(pattern)
            except re.error as exc:
                # Translators: {error} is Python's description of the mistake, in English.
                r.error(f"{key}.pattern", N_('{owner}: pattern "{pattern}" is not a valid regular expression: '
                                             '{error}'), pattern=pattern, error=str(exc))
                pattern = ""
        strength = table.get("min_strength", 3)
        if not 1 <= strength <= 4:
            r.error(f"{key}.min_strength", N_("{owner}: min_strength must be 1, 2, 3 or 4"))
            strength = 3
        if "min" in table and "max" in table and table["min"] > table["max"]:
            r.error(f"{key}.min", N_("{owner}: min is larger than max"))
        base = f"field/{field_id or index + 1}"
        fields.append(FormField(
            field_id, r.text("", table.get("label"), f"{key}.label", f"{base}/label"),
            rule if rule in Rule.ALL else Rule.TEXT,
            r.text("", table.get("hint"), f"{key}.hint", f"{base}/hint"),
            pattern, table.get("min"), table.get("max"), strength,
        ))
    return TypeInExercise(tuple(fields), r.own("site"), r.own("button"))


def _sms_code(r: _Reader) -> SmsCodeExercise:
    code = r.values.get("code", "")
    if code and not (code.isdecimal() and 4 <= len(code) <= 8):
        r.error("code", N_('{owner}: code "{code}" must be 4 to 8 digits'), code=code)
        code = ""
    message = r.own("message")
    if message.source and "{code}" not in message.source:
        r.error("message", N_("{owner}: message must contain {{code}}, where the code goes"))
    return SmsCodeExercise(r.own("site"), r.own("label"), r.own("button"), r.own("sender"), message,
                           r.own("hint"), code)


def _order(r: _Reader) -> OrderExercise:
    items = []
    # Translators: {owner} is a step ('step "open"'), {number} an item's position from 1.
    for index, table in r.tables("items", ITEM_FIELDS, 2, 6, N_("{owner}, item {number}")):
        key = f"items[{index}]"
        base = f"item/{index + 1}"
        picture = table.get("picture", "")
        if picture:
            r.picture(picture, f"{key}.picture")
        description = r.sources.text(f"{r.context}/{base}/picture_description", table.get("picture_description"),
                                     r.source, f"{r.prefix}.{key}.picture_description", False)
        text = r.text("", table["text"], f"{key}.text", f"{base}/text") if "text" in table else None
        items.append(OrderItem(picture, description, text))
    return OrderExercise(tuple(items), r.own("hint"))


_READERS: dict[str, Callable[[_Reader], Exercise]] = {
    "touch": _touch, "choose": _choose, "type-in": _type_in, "sms-code": _sms_code, "order": _order,
}


def check_exercises(lessons: Iterable[Lesson], manifest: Manifest, catalogs: list[LoadedCatalog],
                    sources: Sources, resources: PackResources, report: Report, *, deep: bool) -> None:
    """`coach pack check` only (`deep`): hints in every language, touch targets inside their picture.

    Not at library load: `coach pack extract` must work before the hints are translated.
    """
    if not deep:
        return
    where = {t.text.context: (t.file, t.line) for t in sources.texts}
    by_language = {loaded.catalog.language: loaded for loaded in catalogs}
    for lesson in lessons:
        for step in lesson.steps:
            if step.exercise is None:
                continue
            for hint in exercise_hints(step.exercise):
                _check_hint(hint, manifest, by_language, where, report)
            if isinstance(step.exercise, TouchExercise):
                at = sources.field_lines.get(f"lesson/{lesson.id}/step/{step.id}/targets")
                _check_targets(step.exercise, step.id, step.picture, at, resources, report)


def _check_hint(hint: Text, manifest: Manifest, catalogs: dict[str, LoadedCatalog],
                where: dict[str, tuple[str, int]], report: Report) -> None:
    if not hint.source:
        return
    for tag in manifest.languages:
        if tag == manifest.source_language:
            continue
        loaded = catalogs.get(tag)
        if loaded is not None and loaded.catalog.messages.get((hint.context, hint.source)):
            continue
        file, line = where.get(hint.context, (MANIFEST, 1))
        report.error(file, line,
                     # Translators: {context} is the msgctxt of the hint; {tag} a language tag ("ar").
                     N_('hint "{context}" has no translation in "{tag}": a client would not understand it'),
                     context=hint.context, tag=tag)


def _check_targets(exercise: TouchExercise, step_id: str, picture: str, at: tuple[str, int] | None,
                   resources: PackResources, report: Report) -> None:
    try:
        extent = picture_extent(resources.read_bytes(picture))
    except (OSError, KeyError, ValueError):
        return  # a missing or unreadable picture is already reported by the file checks
    if extent is None:
        return
    width, height = extent
    file, line = at or (MANIFEST, 1)
    for number, area in enumerate(exercise.targets, start=1):
        if not area.inside(width, height):
            report.error(file, line,
                         # Translators: {number} is the target's position; {width}x{height} the picture's size.
                         N_('{owner}: target {number} ({x}, {y}, {w}x{h}) is not inside the picture "{picture}" '
                            '({width}x{height})'),
                         owner=Phrase.create(N_('step "{step}"'), step=step_id), number=number,
                         x=_num(area.x), y=_num(area.y), w=_num(area.width), h=_num(area.height),
                         picture=picture, width=_num(width), height=_num(height))


def _num(value: float) -> str:
    return f"{value:g}"


def picture_extent(data: bytes) -> tuple[float, float] | None:
    """The picture's own coordinate space: an SVG's viewBox (else width/height), a bitmap's pixels."""
    head = data[:2048].lstrip()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head):
        from xml.etree import ElementTree

        from coach.packs.svg_safety import is_safe_svg

        if not is_safe_svg(data):
            return None  # refused by the file checks: nothing outside the pack is read
        try:
            root = ElementTree.fromstring(data)
        except ElementTree.ParseError:
            return None
        box = root.get("viewBox")
        if box:
            parts = re.split(r"[\s,]+", box.strip())
            if len(parts) == 4:
                try:
                    return float(parts[2]), float(parts[3])
                except ValueError:
                    return None
        try:
            width, height = (re.sub(r"px$", "", root.get(side, "")) for side in ("width", "height"))
            return float(width), float(height)
        except ValueError:
            return None
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            return float(image.size[0]), float(image.size[1])
    except (UnidentifiedImageError, OSError):
        return None
