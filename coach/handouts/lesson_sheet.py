"""The take-home sheet of one lesson: each step's picture and text, the links as QR codes."""

from __future__ import annotations

from coach.domain.pack import Lesson, Pack
from coach.handouts.desk import Desk
from coach.handouts.qr import qr_code
from coach.handouts.sheet import Heading, Paragraph, QrItem, Sheet, StepItem, Words
from coach.i18n.ui_strings import ui_strings


def lesson_sheet(pack: Pack, lesson: Lesson, language: str, worker_language: str | None = None,
                 desk: Desk | None = None) -> Sheet:
    """The sheet in the client's `language`, with the worker's under each step when given (and different)."""
    desk = desk or Desk()
    _ = ui_strings(language).gettext
    worker = worker_language if worker_language and worker_language != language else None
    w_ = ui_strings(worker).gettext if worker else None

    def words(text, tag: str) -> Words:
        return Words(pack.translate(text, tag), tag)

    items: list = []
    for number, step in enumerate(lesson.steps, start=1):
        try:
            picture = pack.resources.read_bytes(step.picture) if step.picture else b""
        except (OSError, KeyError, ValueError):
            picture = b""
        items.append(StepItem(
            number=number, text=words(step.text, language), worker=words(step.text, worker) if worker else None,
            picture=picture, picture_description=pack.translate(step.picture_description, language),
        ))
    links = lesson.all_links(desk.country)
    if links:
        items.append(Heading(Words(_("Open on your phone"), language),
                             Words(w_("Open on your phone"), worker) if w_ and worker else None))
        items.append(Paragraph(Words(_("Scan this with your phone's camera."), language)))
        for link in links:
            items.append(QrItem(words(link.title, language), qr_code(link.url),
                                words(link.title, worker) if worker else None))
    title = words(lesson.title, language)
    return Sheet(
        title=title,
        worker_title=words(lesson.title, worker) if worker else None,
        items=tuple(items),
        desk=desk.lines(_, language),
        footer=Words(desk.name.strip(), language) if desk.name.strip() else None,
        document_title=title.text,
    )
