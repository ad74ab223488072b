""""What I can do now": one page for the client, the skills practised across visits.

Each skill shows the worker's latest level in the client's words and as dots, and
the face the client chose. Notes and the history of levels stay off the sheet unless
the worker ticks them in.
"""

from __future__ import annotations

from datetime import datetime

from coach.domain.pack import Pack
from coach.handouts.desk import Desk
from coach.handouts.progress import (
    LEVEL_WORDS, SELF_WORDS, SHORT_LEVEL_WORDS, format_when, next_lessons, skill_name, skill_states,
)
from coach.handouts.sheet import Heading, Paragraph, Sheet, SkillItem, Words
from coach.i18n.languages import language as language_info
from coach.i18n.ui_strings import ui_strings

MAX_SKILLS = 10
"""Skills on the page (the most recently rated); the rest are counted in one line."""


def skills_sheet(about: dict, packs: list[Pack], language: str, worker_language: str | None = None,
                 desk: Desk | None = None, include_notes: bool = False, include_history: bool = False,
                 today: datetime | None = None) -> Sheet:
    """The sheet from `about` (Records.about_client) in the client's `language`."""
    desk = desk or Desk()
    strings = ui_strings(language)
    _ = strings.gettext
    worker = worker_language if worker_language and worker_language != language else None
    w_ = ui_strings(worker).gettext if worker else None
    states = skill_states(about.get("ratings") or [])
    shown = sorted(states, key=lambda s: s.last_rated, reverse=True)[:MAX_SKILLS]
    shown.sort(key=lambda s: states.index(s))
    # Arrows are not mirrored by the bidi algorithm: in right-to-left text, later is to the left.
    arrow = " ← " if language_info(language).rtl else " → "
    items: list = []
    if not states:
        items.append(Paragraph(Words(_("No skill has been recorded yet."), language)))
    for state in shown:
        history = None
        if include_history and len(state.history) > 1:
            history = Words(_("Over the visits: {levels}").format(
                levels=arrow.join(_(SHORT_LEVEL_WORDS[level]) for level in state.history)), language)
        items.append(SkillItem(
            name=Words(skill_name(packs, state.skill, language), language),
            level=state.level,
            level_words=Words(_(LEVEL_WORDS[state.level]), language) if state.level is not None else None,
            self_rating=state.self_rating,
            self_words=Words(_(SELF_WORDS[state.self_rating]), language) if state.self_rating else None,
            worker=Words(skill_name(packs, state.skill, worker), worker) if worker else None,
            history=history,
        ))
    hidden = len(states) - len(shown)
    if hidden > 0:
        more = strings.ngettext("And {count} more skill.", "And {count} more skills.", hidden)
        items.append(Paragraph(Words(more.format(count=hidden), language)))
    done = {(lesson["pack"], lesson["lesson"]) for visit in about.get("visits") or []
            for lesson in visit.get("lessons") or [] if lesson.get("finished")}
    suggestions = next_lessons(packs, states, done)
    if suggestions:
        items.append(Heading(Words(_("What to practise next"), language),
                             Words(w_("What to practise next"), worker) if w_ and worker else None))
        for pack, lesson in suggestions:
            items.append(Paragraph(Words(pack.translate(lesson.title, language), language),
                                   Words(pack.translate(lesson.title, worker), worker) if worker else None,
                                   large=True))
    if include_notes and about.get("notes"):
        items.append(Heading(Words(_("Notes"), language)))
        for note in about["notes"]:
            items.append(Paragraph(Words(str(note.get("text", "")), worker or language)))
    title = Words(_("What I can do now"), language)
    return Sheet(
        title=title,
        worker_title=Words(w_("What I can do now"), worker) if w_ and worker else None,
        subtitle=(Words(format_when(today or datetime.now(), language, with_time=False), language),),
        items=tuple(items),
        desk=desk.lines(_, language),
        footer=Words(desk.name.strip(), language) if desk.name.strip() else None,
        one_page=True,
        document_title=title.text,
    )
