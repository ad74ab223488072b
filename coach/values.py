"""Frozen value classes for the modules every `coach speak` imports, without `dataclasses` or `typing`.

A frozen dataclass is the project's way to write a value; these few are on the path of
`coach speak` and of the speech child, where `dataclasses` (it imports `inspect`, with
`ast`, `dis` and `tokenize`) and `typing` (which `typing.NamedTuple` needs) cost more than
a third of what Coach adds to the interpreter's start (docs/performance.md, "`coach
speak`"). `Value` gives a class with `__slots__` what the frozen dataclass gave it:
equality and hash by its fields, the same repr, no assignment after `__init__`, and
pickling. A subclass lists its fields in `__slots__`, annotates them, and sets them
from its own typed `__init__` with `set_fields`.
"""

from __future__ import annotations


class Value:
    """An immutable value whose fields are its `__slots__`, in order."""

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{self.__class__.__qualname__}({fields})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of an immutable {self.__class__.__qualname__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of an immutable {self.__class__.__qualname__}")

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return self.__class__, self._values()


def set_fields(value: Value, **fields: object) -> None:
    """Set the fields of `value` in its `__init__` (the one time they are set)."""
    for name, field in fields.items():
        object.__setattr__(value, name, field)
