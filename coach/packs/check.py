"""`coach pack check PATH...`: validate packs fully and print every problem.

Output is one line per problem, `file:line: severity: message`, sorted by file and
line, then one summary line. The exit code is 1 when any error was found, else 0.
"""

from __future__ import annotations

from typing import TextIO

from coach.domain.problems import Problem
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


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def summary(packs: int, problems: list[Problem]) -> str:
    """"3 packs checked: all valid, 2 warnings." or "1 pack checked: 2 errors, no warnings."."""
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    head = f"{_count(packs, 'pack')} checked"
    warned = _count(warnings, "warning") if warnings else "no warnings"
    if errors:
        return f"{head}: {_count(errors, 'error')}, {warned}."
    return f"{head}: all valid, {warned}."


def check_command(paths: list[str], out: TextIO) -> int:
    """Validate each pack at `paths`, print problems and a summary; 1 if any error, else 0."""
    problems = check_paths(paths)
    for problem in problems:
        print(problem, file=out)
    print(summary(len(paths), problems), file=out)
    return 1 if any(p.is_error for p in problems) else 0
