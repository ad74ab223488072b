"""The autonomy scale of PRODUCT.md: how autonomous a client is on one skill.

Levels are stored as the integers 0–3 (`coach.records` keeps them so). Labels are
English msgids marked with `N_`; translate them where they are shown:

    _ = ui_strings(worker_language).gettext
    button.setText(_(AutonomyLevel.GUIDED.label))
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


def N_(message: str) -> str:
    """Mark `message` for extraction (pybabel's default keywords include N_); the domain imports no i18n."""
    return message


class AutonomyLevel(IntEnum):
    """The worker's judgement for one skill in one visit (DigComp proficiency in brackets)."""

    DONE_FOR = 0
    """The worker did it in the person's place."""
    GUIDED = 1
    """The client did it with the worker guiding each step (DigComp level 1)."""
    HELP_IF_NEEDED = 2
    """The client did it, asking for help now and then (DigComp level 2)."""
    AUTONOMOUS = 3
    """The client did it alone (DigComp level 3)."""

    @property
    def label(self) -> str:
        """The worker's label, an untranslated msgid."""
        return _LABELS[self]

    @property
    def number(self) -> int:
        """The level as the worker sees it everywhere (buttons, keys, chart): 1 to 4.

        Stored values stay 0–3; only this number is ever shown.
        """
        return int(self) + 1


_LABELS = {
    AutonomyLevel.DONE_FOR: N_("Done for the person"),
    AutonomyLevel.GUIDED: N_("With guidance"),
    AutonomyLevel.HELP_IF_NEEDED: N_("Autonomous, help if needed"),
    AutonomyLevel.AUTONOMOUS: N_("Autonomous"),
}


class SelfRating(IntEnum):
    """The client's own rating after a lesson (three faces), stored on the same 0–3 scale.

    "With help" is stored as 1 and "alone" as 3, so a chart can draw both ratings on
    one axis; nothing is ever stored as 2 by a client.
    """

    NOT_YET = 0
    WITH_HELP = 1
    ALONE = 3

    @property
    def label(self) -> str:
        return _SELF_LABELS[self]

    @property
    def key(self) -> str:
        """The name the end screen and the records' callers use: "not-yet", "with-help", "alone"."""
        return self.name.lower().replace("_", "-")

    @classmethod
    def from_key(cls, key: str) -> SelfRating:
        """ValueError naming the three answers for anything else."""
        for rating in cls:
            if rating.key == key:
                return rating
        raise ValueError(f"a self rating is one of {[r.key for r in cls]}, not {key!r}")


_SELF_LABELS = {
    SelfRating.NOT_YET: N_("Not yet"),
    SelfRating.WITH_HELP: N_("With help"),
    SelfRating.ALONE: N_("Alone"),
}


class RatedBy(StrEnum):
    """Who gave a rating."""

    WORKER = "worker"
    CLIENT = "client"


def check_level(level: object) -> AutonomyLevel:
    """`level` as an AutonomyLevel, or ValueError naming the allowed values.

    >>> check_level(2)
    <AutonomyLevel.HELP_IF_NEEDED: 2>
    """
    if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= 3:
        raise ValueError(f"an autonomy level is 0, 1, 2 or 3, not {level!r}")
    return AutonomyLevel(level)
