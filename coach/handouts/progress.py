"""What the client can do and what comes next: shared by "What I can do now" and the visit summary.

Skills are named "pack_id/skill_id" as the records name them; levels are the 0-3
autonomy scale. The words here are for the client (short, in "I can" form), not the
worker's labels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from coach.domain.pack import Lesson, Pack
from coach.i18n.ui_strings import N_

LEVEL_WORDS = {
    0: N_("Someone did it for me."),
    1: N_("I can do it with someone guiding me."),
    2: N_("I can do it alone, with a little help."),
    3: N_("I can do it alone."),
}
"""The worker's autonomy level (0-3) in the client's words."""
SHORT_LEVEL_WORDS = {0: N_("done for me"), 1: N_("guided"), 2: N_("a little help"), 3: N_("alone")}
SELF_WORDS = {
    "not-yet": N_("You said: not yet."),
    "with-help": N_("You said: with help."),
    "alone": N_("You said: alone."),
}
SELF_ANSWER = {0: "not-yet", 1: "with-help", 3: "alone"}
"""A client's stored self rating (0, 1 or 3) -> the face they tapped."""


@dataclass(frozen=True)
class SkillState:
    """One skill's latest ratings: the worker's level and the client's own answer."""

    skill: str
    level: int | None = None
    self_rating: str | None = None
    history: tuple[int, ...] = ()
    """The worker's levels over time, oldest first."""
    last_rated: str = ""


def skill_states(ratings: Iterable[Mapping]) -> list[SkillState]:
    """From the record's ratings (each {"skill", "level", "by", "at"}, in time order), the latest per skill."""
    levels: dict[str, list[int]] = {}
    answers: dict[str, str] = {}
    last: dict[str, str] = {}
    for rating in ratings:
        skill = str(rating["skill"])
        last[skill] = max(last.get(skill, ""), str(rating.get("at", "")))
        if rating.get("by") == "client":
            answers[skill] = SELF_ANSWER.get(int(rating["level"]), "with-help")
        else:
            levels.setdefault(skill, []).append(int(rating["level"]))
    skills = list(dict.fromkeys([*levels, *answers]))
    return [SkillState(skill, levels[skill][-1] if skill in levels else None, answers.get(skill),
                       tuple(levels.get(skill, ())), last.get(skill, "")) for skill in skills]


def find_skill(packs: Iterable[Pack], skill: str) -> tuple[Pack, str] | None:
    pack_id, _, skill_id = skill.partition("/")
    for pack in packs:
        if pack.id == pack_id:
            try:
                pack.skill(skill_id)
            except KeyError:
                return None
            return pack, skill_id
    return None


def skill_name(packs: Iterable[Pack], skill: str, language: str) -> str:
    """The skill's title in `language`; the id itself for a skill no installed pack declares."""
    found = find_skill(packs, skill)
    if found is None:
        return skill.partition("/")[2] or skill
    pack, skill_id = found
    return pack.translate(pack.skill(skill_id).title, language)


def lessons_teaching(packs: Iterable[Pack], skill: str) -> list[tuple[Pack, Lesson]]:
    found = find_skill(packs, skill)
    if found is None:
        return []
    pack, skill_id = found
    return [(pack, lesson) for lesson in pack.lessons if skill_id in lesson.skills]


def next_lessons(packs: list[Pack], states: list[SkillState], done: set[tuple[str, str]],
                 limit: int = 3) -> list[tuple[Pack, Lesson]]:
    """What to practise next: lessons for the weakest skills not yet alone, then the next lesson of a pack used.

    A lesson already finished is suggested again only for a skill still below "alone".
    """
    chosen: dict[tuple[str, str], tuple[Pack, Lesson]] = {}
    weak = sorted((s for s in states if s.level is not None and s.level < 3), key=lambda s: (s.level, s.skill))
    weak += [s for s in states if s.level is None and s.self_rating != "alone"]
    for state in weak:
        teaching = lessons_teaching(packs, state.skill)
        fresh = [pair for pair in teaching if (pair[0].id, pair[1].id) not in done] or teaching
        if fresh:
            chosen.setdefault((fresh[0][0].id, fresh[0][1].id), fresh[0])
        if len(chosen) >= limit:
            return list(chosen.values())
    used = [pack for pack in packs if any(pack_id == pack.id for pack_id, _ in done)]
    for pack in used:
        for lesson in pack.lessons:
            if (pack.id, lesson.id) not in done:
                chosen.setdefault((pack.id, lesson.id), (pack, lesson))
                break
        if len(chosen) >= limit:
            break
    return list(chosen.values())[:limit]


def format_when(moment: datetime, language: str, with_time: bool = True) -> str:
    """A date (and time) written the client's way, by Babel: "mercredi 9 décembre 2026, 14:00"."""
    from babel.dates import format_date, format_time, get_datetime_format

    locale = language.replace("-", "_")
    try:
        day = format_date(moment, "full", locale=locale)
        if not with_time:
            return day
        # The locale's own way of joining a date and a time ("{1} 'à' {0}" in French).
        joiner = str(get_datetime_format("full", locale=locale)).replace("'", "")
        return joiner.format(format_time(moment, "short", locale=locale), day)
    except Exception:  # a locale Babel lacks: ISO is still readable
        return moment.isoformat(sep=" ", timespec="minutes") if with_time else moment.date().isoformat()
