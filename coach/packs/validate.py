"""Checks across a whole pack: skills used and declared, Easy-to-Read in every language."""

from __future__ import annotations

from collections.abc import Iterable

from coach.domain.problems import Severity
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
            report.error(file, line, f'unknown skill "{skill_id}": declare it in pack.toml under [[skills]]')
    for index, skill in enumerate(manifest.skills):
        if all_lessons_read and skill.id and skill.id not in used:
            report.warning(
                MANIFEST, manifest.source.line(f"skills[{index}].id"),
                f'skill "{skill.id}" is not used by any lesson',
            )


def check_easy_read(texts: Iterable[TextSource], catalogs: Iterable[LoadedCatalog], report: Report) -> None:
    """Every sentence of every client-facing text, source and translations, within the limits.

    Client-facing texts are the pack's title, lesson titles, step texts and link
    titles. Picture descriptions and skill titles are for workers and screen
    readers, and may be longer.
    """
    client_texts = [t for t in texts if t.client_facing]
    for source in client_texts:
        for sentence in long_sentences(source.text.source):
            report.add(
                _severity(sentence.is_error), source.file, source.line,
                f"{_label(source.text.context)} has {sentence.describe()}",
            )
    for loaded in catalogs:
        for source in client_texts:
            key = (source.text.context, source.text.source)
            translation = loaded.catalog.messages.get(key)
            if not translation:
                continue
            for sentence in long_sentences(translation):
                report.add(
                    _severity(sentence.is_error), loaded.file, loaded.lines.get(key),
                    f"translation of {_label(source.text.context)} has {sentence.describe()}",
                )


def _severity(is_error: bool) -> Severity:
    return Severity.ERROR if is_error else Severity.WARNING


def _label(context: str) -> str:
    """Where a text is used, in words: "lesson/x/step/open/text" -> 'step "open"'."""
    parts = context.split("/")
    if parts[0] == "lesson" and len(parts) == 5 and parts[2] == "step":
        return f'step "{parts[3]}"'
    if parts[0] == "lesson" and len(parts) == 5 and parts[2] == "link":
        return f"the title of link {parts[3]}"
    if parts[0] == "lesson":
        return f'the title of lesson "{parts[1]}"'
    if parts[0] == "skill":
        return f'the title of skill "{parts[1]}"'
    return f"the pack's {parts[-1]}"
