"""Step kinds: what kinds of step a lesson may contain, and which fields each adds.

The registry is open: the practice exercises (tap the right spot, pick the right
picture, type into a practice field) register their kinds here, and the player
registers a view per kind. Pack validation rejects a kind nobody registered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class StepKind:
    """A kind of step and the fields of its own, beyond the common ones."""

    name: str
    summary: str
    required_fields: frozenset[str] = frozenset()
    optional_fields: frozenset[str] = frozenset()
    value_kinds: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """What each own field holds ("text", "boolean", "tables"...); "any" when not named."""
    exercise: bool = False
    """An exercise: the player shows its practice widget in place of the picture."""

    @property
    def own_fields(self) -> frozenset[str]:
        return self.required_fields | self.optional_fields

    def stable_text(self) -> str:
        """The kind as text that is the same in every process (the pack cache's key holds it).

        Not repr(): frozensets print in the order of their string hashes, which change
        from one process to the next (PYTHONHASHSEED), so every start missed the cache.
        """
        return repr((self.name, self.summary, sorted(self.required_fields), sorted(self.optional_fields),
                     sorted(self.value_kinds.items()), self.exercise))


COMMON_STEP_FIELDS = frozenset({"id", "kind", "text", "picture", "picture_description", "audio", "links"})

_REGISTRY: dict[str, StepKind] = {}


def register_step_kind(kind: StepKind) -> StepKind:
    """Add `kind` to the registry (replacing one of the same name) and return it."""
    overlap = kind.own_fields & COMMON_STEP_FIELDS
    if overlap:
        raise ValueError(f"step kind {kind.name!r} redefines common fields: {sorted(overlap)}")
    _REGISTRY[kind.name] = kind
    return kind


def step_kind(name: str) -> StepKind | None:
    return _REGISTRY.get(name)


def step_kinds() -> tuple[StepKind, ...]:
    return tuple(sorted(_REGISTRY.values(), key=lambda k: k.name))


def _kind(name: str, summary: str, required: dict[str, str], optional: dict[str, str] | None = None) -> StepKind:
    optional = optional or {}
    return register_step_kind(StepKind(
        name, summary, frozenset(required), frozenset(optional),
        MappingProxyType({**required, **optional}), exercise=True,
    ))


INFO = register_step_kind(
    StepKind("info", "Show a picture and one sentence; the client reads or listens, then goes on.")
)
# The practice exercises (coach.domain.exercises holds their values and rules,
# coach.packs.exercises reads them, coach.ui.player.exercises shows them).
TOUCH = _kind("touch", "Touch the right place on the picture (a phone or a web page).",
              {"targets": "tables", "hint": "text"}, {"mirror": "boolean"})
CHOOSE = _kind("choose", "Choose the right picture or message among 2 to 4.",
               {"choices": "tables", "hint": "text"}, {"phone": "boolean"})
TYPE_IN = _kind("type-in", "Type into a practice form; each field is checked by a rule.",
                {"fields": "tables", "site": "text", "button": "text"})
SMS_CODE = _kind("sms-code", "A code arrives by SMS on the simulated phone; type it into the form.",
                 {"site": "text", "label": "text", "button": "text", "sender": "text", "message": "text",
                  "hint": "text"}, {"code": "text"})
ORDER = _kind("order", "Put the pictures in the right order.", {"items": "tables", "hint": "text"})
