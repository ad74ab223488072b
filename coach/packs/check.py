"""`coach pack check PATH...`: validate packs fully and print every problem.

Output is one line per problem, `file:line: severity: message`, sorted by file and
line, then one summary line. The exit code is 1 when any error was found, else 0.

Messages are in the user's language, chosen like any gettext program does: `--lang`,
else the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); English when none is set,
for "C" and "POSIX", and for a language Coach has no catalog for.
"""

from __future__ import annotations

import gettext
from typing import TextIO

from coach.domain.problems import Problem
from coach.i18n.ui_strings import command_line_strings
from coach.packs.loader import LoadResult, load_pack, with_duplicates


def check_paths(paths: list[str]) -> list[Problem]:
    """Every problem of the packs at `paths` (deep validation), duplicate pack ids included."""
    results: list[LoadResult] = []
    for path in paths:
        result = load_pack(path, deep=True)  # a str keeps the user's spelling in messages
        results.append(result)
        if result.pack is not None:
            close = getattr(result.pack.resources, "close", None)
            if close is not None:
                close()
    problems: list[Problem] = []
    for result, duplicate in with_duplicates(results):
        problems.extend(result.problems)
        if duplicate is not None:
            problems.append(duplicate)
    return sorted(problems, key=Problem.sort_key)


def summary(packs: int, problems: list[Problem], strings: gettext.NullTranslations | None = None) -> str:
    """"3 packs checked: all valid, 2 warnings." or "1 pack checked: 2 errors, no warnings."."""
    strings = strings or gettext.NullTranslations()
    _, ngettext = strings.gettext, strings.ngettext
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    # Translators: the start of the summary of `coach pack check`, before ": all valid, ...".
    head = ngettext("{count} pack checked", "{count} packs checked", packs).format(count=packs)
    if warnings:
        warned = ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings)
    else:
        warned = _("no warnings")
    if errors:
        counted = ngettext("{count} error", "{count} errors", errors).format(count=errors)
        # Translators: the summary of `coach pack check`: "1 pack checked: 2 errors, no warnings."
        return _("{packs}: {errors}, {warnings}.").format(packs=head, errors=counted, warnings=warned)
    # Translators: the summary of `coach pack check`: "3 packs checked: all valid, 2 warnings."
    return _("{packs}: all valid, {warnings}.").format(packs=head, warnings=warned)


def check_command(paths: list[str], out: TextIO, lang: str | None = None) -> int:
    """Validate each pack at `paths`, print problems and a summary; 1 if any error, else 0.

    Messages are in `lang` (a language tag), or the environment's language when None.
    """
    strings = command_line_strings(lang)
    problems = check_paths(paths)
    for problem in problems:
        print(problem.render(strings.gettext), file=out)
    print(summary(len(paths), problems, strings), file=out)
    return 1 if any(p.is_error for p in problems) else 0
