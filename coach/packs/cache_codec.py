"""Pack cache entries as plain JSON: data only, so a planted or damaged entry is refused, never run.

The cache folder may sit on a shared USB stick (`COACH_HOME`): whoever writes there
must not be able to make Coach run code, as a pickle could. An entry file is:

    line 1   the header: JSON list, compared with what the reader expects before anything else
    line 2   the body: JSON object (the pack without catalogs, its problems, the catalog index)
    then     the catalogs' sections, raw UTF-8 JSON, at the offsets the body gives

Catalog sections are decoded only when their language is first asked for, and a lesson's
steps only when one of them is first read (`StoredSteps`: a start reads none).
`decode_body` checks the type of every value it builds and raises `ValueError` on
anything it does not expect; the caller treats that as a miss.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime, time
from types import MappingProxyType, NoneType, UnionType
from typing import Any, overload

from coach.domain.pack import Lesson, Link, Pack, Skill, Step, Text
from coach.domain.problems import Phrase, Problem, Severity

_EMPTY: Mapping[str, Any] = MappingProxyType({})


class Refused(ValueError):
    """The entry is not one this Coach wrote (foreign, damaged, or made to deceive)."""


def text(value: object) -> str:
    if not isinstance(value, str):
        raise Refused(f"expected text, found {type(value).__name__}")
    return value


def whole(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise Refused(f"expected a whole number, found {type(value).__name__}")
    return value


def items(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise Refused(f"expected a list, found {type(value).__name__}")
    return value


def _strs(value: object) -> tuple[str, ...]:
    return tuple(text(item) for item in items(value))


# -- option values: what TOML gives (and the frozen mappings and tuples made of it) --------

def encode_value(value: Any) -> Any:
    """A TOML-made value as JSON: scalars as they are, everything else as a tagged list."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, datetime):
        return ["datetime", value.isoformat()]
    if isinstance(value, date):
        return ["date", value.isoformat()]
    if isinstance(value, time):
        return ["time", value.isoformat()]
    if isinstance(value, list):
        return ["list", *map(encode_value, value)]
    if isinstance(value, tuple):
        return ["tuple", *map(encode_value, value)]
    if isinstance(value, (dict, MappingProxyType)):
        tag = "dict" if isinstance(value, dict) else "frozen"
        flat: list[Any] = [tag]
        for key, item in value.items():
            flat += [text(key), encode_value(item)]
        return flat
    raise TypeError(f"a {type(value).__name__} cannot be cached")


def decode_value(data: Any) -> Any:
    if data is None or isinstance(data, (str, bool, int, float)):
        return data
    tagged = items(data)
    if not tagged:
        raise Refused("an untagged list")
    tag, rest = tagged[0], tagged[1:]
    if tag == "datetime":
        return datetime.fromisoformat(text(rest[0]))
    if tag == "date":
        return date.fromisoformat(text(rest[0]))
    if tag == "time":
        return time.fromisoformat(text(rest[0]))
    if tag == "list":
        return [decode_value(item) for item in rest]
    if tag == "tuple":
        return tuple(decode_value(item) for item in rest)
    if tag in ("dict", "frozen"):
        if len(rest) % 2:
            raise Refused("a mapping with a key and no value")
        mapping = {text(rest[i]): decode_value(rest[i + 1]) for i in range(0, len(rest), 2)}
        return mapping if tag == "dict" else MappingProxyType(mapping)
    raise Refused(f"unknown tag {tag!r}")


# -- the pack's values ----------------------------------------------------------------------

def _text(value: Text) -> list[str]:
    return [value.context, value.source]


def _text_of(data: object) -> Text:
    context, source = items(data)
    return Text(text(context), text(source))


def _frozen_strs(mapping: Mapping[str, str]) -> Any:
    return encode_value(MappingProxyType(dict(mapping))) if mapping else None


def _frozen_of(data: object) -> Mapping[str, Any]:
    if data is None:
        return _EMPTY
    value = decode_value(data)
    if not isinstance(value, Mapping):
        raise Refused("expected a mapping")
    return value


# -- practice exercises: frozen dataclasses of coach.domain.exercises, rebuilt field by field --

@functools.cache
def _exercise_values() -> dict[str, type]:
    """The only classes an entry may name: a forged entry cannot build anything else.

    coach.domain.exercises (nine dataclasses, 4.6 ms of CPU) loads with the first step
    decoded, when a lesson opens, not at start.
    """
    from coach.domain import exercises

    return {cls.__name__: cls for cls in (
        Text, exercises.Area, exercises.TouchExercise, exercises.Choice, exercises.ChooseExercise,
        exercises.FormField, exercises.TypeInExercise, exercises.SmsCodeExercise, exercises.OrderItem,
        exercises.OrderExercise)}


def encode_exercise(value: Any) -> Any:
    """An exercise (or one of its parts) as JSON: ["Class", field, ...] in the order of its fields."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, tuple):
        return ["tuple", *map(encode_exercise, value)]
    name = type(value).__name__
    cls = _exercise_values().get(name)
    if cls is not type(value):
        raise TypeError(f"a {name} cannot be cached")
    return [name, *(encode_exercise(getattr(value, f.name)) for f in dataclasses.fields(cls))]


def _fit(data: Any, hint: Any) -> Any:
    """`data` decoded as the type `hint` of a dataclass field names; Refused when it is not one."""
    if isinstance(hint, UnionType):
        for option in hint.__args__:
            if option is NoneType and data is None:
                return None
        options = [option for option in hint.__args__ if option is not NoneType]
        if len(options) != 1:
            raise Refused(f"a field of type {hint} cannot be cached")
        hint = options[0]
    if typing.get_origin(hint) is tuple:
        tagged = items(data)
        if not tagged or tagged[0] != "tuple":
            raise Refused("expected a tuple")
        return tuple(_fit(item, hint.__args__[0]) for item in tagged[1:])
    if hint is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    if hint in (str, bool, float) or (hint is int and not isinstance(data, bool)):
        if not isinstance(data, hint):
            raise Refused(f"expected a {hint.__name__}")
        return data
    if isinstance(hint, type) and _exercise_values().get(hint.__name__) is hint:
        return decode_exercise(data, hint)
    raise Refused(f"a field of type {hint} cannot be cached")


def decode_exercise(data: Any, expected: type | None = None) -> Any:
    """The exercise `encode_exercise` gave; `expected` restricts its class (None: any exercise)."""
    if data is None and expected is None:
        return None
    tagged = items(data)
    cls = _exercise_values().get(text(tagged[0])) if tagged else None
    if cls is None or (expected is not None and cls is not expected) or (expected is None and cls is Text):
        raise Refused("not an exercise value")
    fields = _fields(cls)
    if len(tagged) - 1 != len(fields):
        raise Refused(f"a {cls.__name__} has {len(fields)} fields")
    return cls(*(_fit(value, hint) for (_name, hint), value in zip(fields, tagged[1:], strict=True)))


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """Each field of an exercise class and its type, in order: worked out once per class.

    typing.get_type_hints evaluates every annotation's text again at each call (this
    module's classes use `from __future__ import annotations`): asked per decoded value,
    it compiled some 800 expressions at each start.
    """
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


# -- lessons and their steps ------------------------------------------------------------------

def _link(link: Link) -> list[Any]:
    return [_text(link.title), link.url, list(link.countries)]


def _link_of(data: object) -> Link:
    title, url, countries = items(data)
    return Link(_text_of(title), text(url), _strs(countries))


def _step(step: Step) -> list[Any]:
    return [step.id, step.kind, _text(step.text), step.picture, _text(step.picture_description),
            _frozen_strs(step.audio), encode_value(MappingProxyType(dict(step.options))) if step.options else None,
            encode_exercise(step.exercise), [_link(link) for link in step.links]]


def _step_of(data: object) -> Step:
    id_, kind, said, picture, description, audio, options, exercise, links = items(data)
    audio_map = _frozen_of(audio)
    for value in audio_map.values():
        text(value)
    return Step(text(id_), text(kind), _text_of(said), text(picture), _text_of(description),
                audio_map, _frozen_of(options), decode_exercise(exercise), tuple(map(_link_of, items(links))))


def _lesson(lesson: Lesson) -> list[Any]:
    # The steps as one JSON text, with their count: a start reads neither (StoredSteps), and a
    # string is one object where their lists were tens of thousands for the collector to walk.
    steps = [len(lesson.steps), json.dumps([_step(s) for s in lesson.steps], ensure_ascii=False,
                                           separators=(",", ":"), allow_nan=True)]
    return [lesson.id, _text(lesson.title), lesson.icon, list(lesson.skills), steps,
            [_link(link) for link in lesson.links], lesson.file]


def _lesson_of(data: object) -> Lesson:
    id_, title, icon, skills, steps, links, file = items(data)
    count, stored = items(steps)
    return Lesson(text(id_), _text_of(title), text(icon), _strs(skills), StoredSteps(text(stored), whole(count)),
                  tuple(_link_of(link) for link in items(links)),
                  text(file))


class StoredSteps(Sequence[Step]):
    """A cached lesson's steps, decoded the first time one is read: a start decodes none.

    The entry keeps them as one JSON text and their count: before a lesson opens only the
    count is asked for (the library's tiles). They are checked as the rest of the entry is,
    when decoded; should the check refuse them (a planted or damaged entry), `reread`, set
    by the loader when it restores the pack, gives them from the pack's own files instead.
    They equal, and hash as, the tuple of their steps.
    """

    __slots__ = ("_data", "_count", "_steps", "reread")

    def __init__(self, data: str, count: int) -> None:
        self._data: str | None = data
        self._count = count
        self._steps: tuple[Step, ...] | None = None
        self.reread: Callable[[], tuple[Step, ...]] | None = None

    def decoded(self) -> tuple[Step, ...]:
        """The steps (decoded now if they were not yet).

        The sheets' thread may read a lesson as the GUI thread does: the steps are set
        before the data is dropped, so a reader sees one or the other, never neither.
        """
        steps, data = self._steps, self._data
        if steps is not None:
            return steps
        if data is None:  # decoded by another thread since
            return self._steps or ()
        try:
            steps = tuple(_step_of(step) for step in items(loads(data.encode("utf-8"))))
        except (ValueError, KeyError, TypeError, IndexError, RecursionError):
            if self.reread is None:
                raise
            steps = self.reread()
        self._steps = steps
        self._data = None
        return steps

    def __len__(self) -> int:
        steps = self._steps
        return len(steps) if steps is not None else self._count

    @overload
    def __getitem__(self, index: int) -> Step: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Step, ...]: ...

    def __getitem__(self, index: int | slice) -> Step | tuple[Step, ...]:
        return self.decoded()[index]

    def __iter__(self) -> Iterator[Step]:
        return iter(self.decoded())

    def __eq__(self, other: object) -> bool:
        return self.decoded() == (other.decoded() if isinstance(other, StoredSteps) else other)

    def __hash__(self) -> int:
        return hash(self.decoded())

    def __repr__(self) -> str:
        return f"StoredSteps({self.decoded()!r})"


def encode_pack(pack: Pack) -> dict[str, Any]:
    """Everything of `pack` but its resources and catalogs."""
    return {
        "id": pack.id, "version": pack.version, "title": _text(pack.title),
        "source_language": pack.source_language, "languages": list(pack.languages),
        "license": pack.license, "authors": list(pack.authors),
        "skills": [[s.id, _text(s.title), list(s.digcomp)] for s in pack.skills],
        "lessons": [_lesson(lesson) for lesson in pack.lessons],
        "location": pack.location, "icon": pack.icon,
        "description": None if pack.description is None else _text(pack.description),
        "builtin": pack.builtin, "format_version": pack.format_version,
    }


def decode_pack(data: object, resources: Any) -> Pack:
    if not isinstance(data, dict):
        raise Refused("a pack is an object")
    builtin = data["builtin"]
    if not isinstance(builtin, bool):
        raise Refused("builtin is true or false")
    return Pack(
        id=text(data["id"]), version=text(data["version"]), title=_text_of(data["title"]),
        source_language=text(data["source_language"]), languages=_strs(data["languages"]),
        license=text(data["license"]), authors=_strs(data["authors"]),
        skills=tuple(Skill(text(items(s)[0]), _text_of(items(s)[1]), _strs(items(s)[2])) for s in items(data["skills"])),
        lessons=tuple(_lesson_of(lesson) for lesson in items(data["lessons"])),
        resources=resources, location=text(data["location"]), icon=text(data["icon"]),
        description=None if data["description"] is None else _text_of(data["description"]),
        catalogs={}, builtin=builtin, format_version=whole(data["format_version"]),
    )


# -- problems -------------------------------------------------------------------------------

def _param(value: object) -> Any:
    if isinstance(value, Phrase):
        return ["phrase", value.template, [[name, _param(v)] for name, v in value.params]]
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return value
    raise TypeError(f"a {type(value).__name__} parameter cannot be cached")


def _param_of(data: object) -> Any:
    if isinstance(data, (str, int, float)) and not isinstance(data, bool):
        return data
    tag, template, params = items(data)
    if tag != "phrase":
        raise Refused("a parameter is a value or a phrase")
    return Phrase(text(template), tuple((text(items(p)[0]), _param_of(items(p)[1])) for p in items(params)))


def encode_problem(problem: Problem) -> list[Any]:
    return [problem.file, problem.line, problem.severity.value, problem.template,
            [[name, _param(value)] for name, value in problem.params]]


def decode_problem(data: object) -> Problem:
    file, line, severity, template, params = items(data)
    if line is not None:
        whole(line)
    return Problem(text(file), line, Severity(text(severity)), text(template),
                   tuple((text(items(p)[0]), _param_of(items(p)[1])) for p in items(params)))


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON, one line (no raw newline can appear: JSON escapes them in strings)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=True).encode("utf-8")


def loads(data: bytes | memoryview) -> Any:
    try:
        return json.loads(bytes(data))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise Refused(f"not this cache's JSON: {exc.__class__.__name__}") from None
