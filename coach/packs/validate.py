"""Checks across a whole pack: skills used and declared, Easy-to-Read in every language."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from coach.domain.problems import Phrase, Severity
from coach.i18n.ui_strings import N_
from coach.packs.catalogs import LoadedCatalog
from coach.packs.easy_read import long_sentences
from coach.packs.fields import Report
from coach.packs.manifest import MANIFEST, Manifest, Sources, TextSource


def check_skills(manifest: Manifest, sources: Sources, report: Report, *, all_lessons_read: bool = True) -> None:
    """Lessons name only declared skills; every declared skill is taught by some lesson.

    When a lesson file could not be read, unused skills are not reported: that
    lesson may well be the one using them.
    """
    declared = {skill.id for skill in manifest.skills if skill.id}
    used = set()
    for skill_id, file, line in sources.skill_uses:
        used.add(skill_id)
        if skill_id not in declared:
            report.error(file, line, N_('unknown skill "{skill}": declare it in pack.toml under [[skills]]'),
                         skill=skill_id)
    for index, skill in enumerate(manifest.skills):
        if all_lessons_read and skill.id and skill.id not in used:
            report.warning(
                MANIFEST, manifest.source.line(f"skills[{index}].id"),
                N_('skill "{skill}" is not used by any lesson'), skill=skill.id,
            )


MAX_TEXT_CHARS = 2000
"""The longest text (or translation) a pack may hold: the built-in packs' longest is 158."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_PLAINLY_VISIBLE = re.compile(r"[A-Za-z0-9]")


def _visible(text: str) -> bool:
    """True when `text` shows something: a letter, digit, mark, punctuation or symbol."""
    if _PLAINLY_VISIBLE.search(text):
        return True
    return any(unicodedata.category(c)[0] in "LNPS" or unicodedata.category(c) in ("Mc", "Me") for c in text)


def text_problem(text: str) -> tuple[str, dict[str, str | int]] | None:
    """Why a pack's text cannot be shown or read aloud (a template and its values), else None."""
    if len(text) > MAX_TEXT_CHARS:
        # Translators: {count} and {limit} are numbers of characters.
        return N_("{text} has {count} characters; the limit is {limit}"), {"count": len(text), "limit": MAX_TEXT_CHARS}
    control = _CONTROL.search(text)
    if control is not None:
        # Translators: {code} is a character's code, such as U+0000; {position} counts characters from 1.
        return (N_("{text} holds an invisible control character ({code}) at character {position}; remove it"),
                {"code": f"U+{ord(control.group(0)):04X}", "position": control.start() + 1})
    if text and not _visible(text):
        return N_("{text} has only spaces or invisible characters"), {}
    return None


def check_texts(texts: Iterable[TextSource], catalogs: Iterable[LoadedCatalog], report: Report) -> None:
    """Every text and translation: not too long, no control characters (NUL), not invisible only."""
    texts = list(texts)
    for source in texts:
        found = text_problem(source.text.source)
        if found is not None:
            report.error(source.file, source.line, found[0], text=_label(source.text.context), **found[1])
    for loaded in catalogs:
        for source in texts:
            key = (source.text.context, source.text.source)
            translation = loaded.catalog.messages.get(key)
            found = text_problem(translation) if translation else None
            if found is not None:
                # Translators: {text} names a text ('step "open"'); what follows says what is wrong with it.
                report.error(loaded.file, loaded.lines.get(key), found[0],
                             text=Phrase.create(N_("the translation of {text}"), text=_label(source.text.context)),
                             **found[1])


def check_easy_read(texts: Iterable[TextSource], catalogs: Iterable[LoadedCatalog], report: Report) -> None:
    """Every sentence of every client-facing text, source and translations, within the limits.

    Client-facing texts are the pack's title, lesson titles, step texts and link
    titles. Picture descriptions and skill titles are for workers and screen
    readers, and may be longer.
    """
    # An over-long text is refused by check_texts; counting its words would only take time.
    client_texts = [t for t in texts if t.client_facing and len(t.text.source) <= MAX_TEXT_CHARS]
    for source in client_texts:
        for sentence in long_sentences(source.text.source):
            report.add(
                _severity(sentence.is_error), source.file, source.line,
                # Translators: {text} names a text ('step "open"', "the title of link 2"); {count}
                # is always more than {limit}; {sentence} is the sentence, maybe cut with "…".
                N_('{text} has a sentence of {count} words (Easy-to-Read: at most {limit}): "{sentence}"'),
                text=_label(source.text.context), count=sentence.word_count, limit=sentence.limit,
                sentence=sentence.quoted(),
            )
    for loaded in catalogs:
        for source in client_texts:
            key = (source.text.context, source.text.source)
            translation = loaded.catalog.messages.get(key)
            if not translation or len(translation) > MAX_TEXT_CHARS:
                continue
            for sentence in long_sentences(translation):
                report.add(
                    _severity(sentence.is_error), loaded.file, loaded.lines.get(key),
                    N_('translation of {text} has a sentence of {count} words (Easy-to-Read: at most {limit}): '
                       '"{sentence}"'),
                    text=_label(source.text.context), count=sentence.word_count, limit=sentence.limit,
                    sentence=sentence.quoted(),
                )


def _severity(is_error: bool) -> Severity:
    return Severity.ERROR if is_error else Severity.WARNING


def _label(context: str) -> Phrase:
    """Where a text is used, in words: "lesson/x/step/open/text" -> 'step "open"'."""
    parts = context.split("/")
    if parts[0] == "lesson" and len(parts) >= 5 and parts[2] == "step":
        return Phrase.create(N_('step "{step}"'), step=parts[3])
    if parts[0] == "lesson" and len(parts) == 5 and parts[2] == "link":
        # Translators: {number} is the link's position in the lesson, from 1.
        return Phrase.create(N_("the title of link {number}"), number=parts[3])
    if parts[0] == "lesson":
        return Phrase.create(N_('the title of lesson "{lesson}"'), lesson=parts[1])
    if parts[0] == "skill":
        return Phrase.create(N_('the title of skill "{skill}"'), skill=parts[1])
    if parts[-1] == "title":
        return Phrase(N_("the pack's title"))
    # Translators: {field} is a field name of pack.toml ("description").
    return Phrase.create(N_("the pack's {field}"), field=parts[-1])
