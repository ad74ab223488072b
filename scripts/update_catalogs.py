"""Bring the interface catalogs up to date with the code, keeping what pybabel drops.

    .venv/bin/python scripts/update_catalogs.py          # extract + update, then report
    .venv/bin/python scripts/update_catalogs.py --check  # report only; exit 1 if work is left

It runs `pybabel extract` and `pybabel update` with this project's options, then:
fills the English catalog with the source texts (English is the msgid language),
puts back the `X-Coach-Reviewed` header line that `pybabel update` removes, and
lists every entry that still needs a translator (empty or fuzzy), per language.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
EXTRACT = [
    "extract", "-F", "babel.cfg", "--project=Coach", "--version=0.1.0", "--copyright-holder=The Coach team",
    "--msgid-bugs-address=", "-c", "Translators:", "--sort-by-file", "-o", "locales/coach.pot", ".",
]
UPDATE = ["update", "-i", "locales/coach.pot", "-d", "locales", "-D", "coach"]
_REVIEWED = re.compile(r'^"X-Coach-Reviewed: (\w+)\\n"$', re.MULTILINE)


def pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def catalogs() -> list[Path]:
    return sorted(LOCALES.glob("*/LC_MESSAGES/coach.po"))


def reviewed_marks() -> dict[Path, str]:
    marks = {}
    for path in catalogs():
        found = _REVIEWED.search(path.read_text(encoding="utf-8"))
        marks[path] = found.group(1) if found else "no"
    return marks


def finish(path: Path, reviewed: str) -> list[str]:
    """Fill English, restore the review mark; return the msgids still to translate."""
    language = path.parent.parent.name
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    missing = []
    for message in catalog:
        if not message.id:
            continue
        if language == "en" and (message.fuzzy or not all(_strings(message))):
            message.string = message.id
            message.flags.discard("fuzzy")
        elif message.fuzzy or not all(_strings(message)):
            missing.append(message.id[0] if isinstance(message.id, tuple) else message.id)
    catalog.obsolete.clear()
    with path.open("wb") as handle:
        write_po(handle, catalog, sort_by_file=True)  # pybabel's own width: no churn between runs
    text = path.read_text(encoding="utf-8")
    if "X-Coach-Reviewed" not in text:
        text = text.replace('"Generated-By:', f'"X-Coach-Reviewed: {reviewed}\\n"\n"Generated-By:', 1)
        path.write_text(text, encoding="utf-8")
    return missing


def _strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="do not extract or update; only report")
    args = parser.parse_args()
    marks = reviewed_marks()
    if not args.check:
        pybabel(*EXTRACT)
        pybabel(*UPDATE)
    left = 0
    for path in catalogs():
        missing = finish(path, marks.get(path, "no"))
        left += len(missing)
        print(f"{path.parent.parent.name}: {len(missing)} to translate")
        for msgid in missing:
            print(f"    {msgid}")
    return 1 if left else 0


if __name__ == "__main__":
    raise SystemExit(main())
