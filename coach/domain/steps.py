"""Step kinds: what kinds of step a lesson may contain, and which fields each adds.

The registry is open: the practice exercises (tap the right spot, pick the right
picture, type into a practice field) register their kinds here, and the player
registers a view per kind. Pack validation rejects a kind nobody registered.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StepKind:
    """A kind of step and the fields of its own, beyond the common ones."""

    name: str
    summary: str
    required_fields: frozenset[str] = frozenset()
    optional_fields: frozenset[str] = frozenset()

    @property
    def own_fields(self) -> frozenset[str]:
        return self.required_fields | self.optional_fields


COMMON_STEP_FIELDS = frozenset({"id", "kind", "text", "picture", "picture_description", "audio"})

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


INFO = register_step_kind(
    StepKind("info", "Show a picture and one sentence; the client reads or listens, then goes on.")
)
