"""The visit summary: what the client practised today, what comes next, the next appointment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from coach.domain.pack import Pack
from coach.handouts.desk import Desk
from coach.handouts.progress import LEVEL_WORDS, SkillState, format_when, next_lessons, skill_name
from coach.handouts.sheet import Heading, Paragraph, Sheet, Words
from coach.i18n.ui_strings import N_, ui_strings


@dataclass(frozen=True)
class VisitDigest:
    """What happened in one visit, from the records or from the visit in progress."""

    day: datetime
    lessons: tuple[tuple[str, str, bool], ...] = ()
    """(pack id, lesson id, finished) in the order they were opened."""
    levels: Mapping[str, int] = field(default_factory=dict)
    """Skill ("pack/skill") -> the worker's level given in this visit."""
    self_ratings: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_about(cls, about: dict, visit_id: int | None = None) -> VisitDigest:
        """The visit `visit_id` (default: the latest) of Records.about_client()."""
        visits = about.get("visits") or []
        if not visits:
            raise ValueError("this person has no visit yet")
        chosen = visits[-1] if visit_id is None else next((v for v in visits if v["id"] == visit_id), None)
        if chosen is None:
            raise ValueError(f"no visit {visit_id} for this person")
        levels = {r["skill"]: int(r["level"]) for r in about.get("ratings") or []
                  if r.get("visit") == chosen["id"] and r.get("by") == "worker"}
        answers = {0: "not-yet", 1: "with-help", 3: "alone"}
        selves = {r["skill"]: answers.get(int(r["level"]), "with-help") for r in about.get("ratings") or []
                  if r.get("visit") == chosen["id"] and r.get("by") == "client"}
        lessons = tuple((lesson["pack"], lesson["lesson"], bool(lesson.get("finished")))
                        for lesson in chosen.get("lessons") or [])
        return cls(datetime.fromisoformat(chosen["started"]), lessons, levels, selves)


    @classmethod
    def from_session(cls, session: object, packs: list[Pack], day: datetime) -> VisitDigest:
        """The visit in progress (a coach.visit.VisitSession), recorded or not."""
        by_id = {pack.id: pack for pack in packs}
        lessons = tuple((a.pack_id, a.lesson_id, bool(a.finished)) for a in getattr(session, "lessons", {}).values())
        selves: dict[str, str] = {}
        for (pack_id, lesson_id), answer in getattr(session, "self_ratings", {}).items():
            pack = by_id.get(pack_id)
            lesson = next((x for x in pack.lessons if x.id == lesson_id), None) if pack else None
            for skill in lesson.skills if lesson else ():
                selves[f"{pack_id}/{skill}"] = answer
        return cls(day, lessons, dict(getattr(session, "levels", {})), selves)


def visit_sheet(digest: VisitDigest, packs: list[Pack], language: str, worker_language: str | None = None,
                desk: Desk | None = None, next_appointment: datetime | None = None) -> Sheet:
    desk = desk or Desk()
    _ = ui_strings(language).gettext
    worker = worker_language if worker_language and worker_language != language else None
    w_ = ui_strings(worker).gettext if worker else None
    by_id = {pack.id: pack for pack in packs}

    def heading(message: str) -> Heading:
        return Heading(Words(_(message), language), Words(w_(message), worker) if w_ and worker else None)

    items: list = [heading(N_("What you practised today"))]
    practised = [(by_id[p], by_id[p].lesson(l)) for p, l, _f in digest.lessons
                 if p in by_id and any(lesson.id == l for lesson in by_id[p].lessons)]
    if not practised:
        items.append(Paragraph(Words(_("Nothing was practised in this visit."), language)))
    for pack, lesson in practised:
        items.append(Paragraph(Words(pack.translate(lesson.title, language), language),
                               Words(pack.translate(lesson.title, worker), worker) if worker else None, large=True))
    for skill, level in digest.levels.items():
        line = _("{skill}: {level}").format(skill=skill_name(packs, skill, language), level=_(LEVEL_WORDS[level]))
        items.append(Paragraph(Words(line, language)))
    states = [SkillState(skill, level) for skill, level in digest.levels.items()]
    states += [SkillState(skill, None, answer) for skill, answer in digest.self_ratings.items()
               if skill not in digest.levels]
    done = {(p, l) for p, l, finished in digest.lessons if finished}
    suggestions = next_lessons(packs, states, done)
    if suggestions:
        items.append(heading(N_("What to practise next")))
        for pack, lesson in suggestions:
            items.append(Paragraph(Words(pack.translate(lesson.title, language), language),
                                   Words(pack.translate(lesson.title, worker), worker) if worker else None,
                                   large=True))
    if next_appointment is not None:
        items.append(heading(N_("Your next appointment")))
        items.append(Paragraph(Words(format_when(next_appointment, language), language), large=True))
    title = Words(_("Your visit today"), language)
    return Sheet(
        title=title,
        worker_title=Words(w_("Your visit today"), worker) if w_ and worker else None,
        subtitle=(Words(format_when(digest.day, language, with_time=False), language),),
        items=tuple(items),
        desk=desk.lines(_, language),
        footer=Words(desk.name.strip(), language) if desk.name.strip() else None,
        document_title=title.text,
    )
