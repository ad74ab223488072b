"""The help desk as it appears on every sheet: name, address, opening hours (from settings)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from coach.handouts.sheet import Words


@dataclass(frozen=True)
class Desk:
    name: str = ""
    address: str = ""
    hours: str = ""
    country: str = ""
    """ISO 3166 code choosing the pack links; empty: only links for everyone."""

    @classmethod
    def from_settings(cls, settings: object) -> Desk:
        """The desk fields of a `coach.settings.Settings`."""
        return cls(
            name=getattr(settings, "desk_name", ""), address=getattr(settings, "desk_address", ""),
            hours=getattr(settings, "desk_hours", ""), country=getattr(settings, "desk_country", ""),
        )

    def lines(self, _: Callable[[str], str], language: str) -> tuple[Words, ...]:
        """The desk's details for the end of a sheet, labelled in the language of `_`.

        The name, address and hours are the desk's own words, written in the worker's
        language; they are tagged with the sheet's language so they flow with it.
        """
        found: list[Words] = []
        if self.name.strip():
            found.append(Words(self.name.strip(), language))
        found += [Words(line.strip(), language) for line in self.address.splitlines() if line.strip()]
        hours = [line.strip() for line in self.hours.splitlines() if line.strip()]
        if hours:
            found.append(Words(_("Opening hours:"), language))
            found += [Words(line, language) for line in hours]
        return tuple(found)
