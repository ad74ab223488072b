"""Write a deterministic library of realistic, valid lesson packs for the benchmarks.

    python bench/generate_packs.py OUT --packs 100 --lessons 20 --steps 8 --languages 10

Each pack is a folder OUT/pack-NNN in the documented format (docs/pack-format.md):
a manifest with 3 skills, LESSONS lesson files of STEPS `info` steps each (every
other lesson with a link), one tiny SVG picture per step plus icons, a .pot
template, and one .po catalog per language other than the French source, with
`#:` and `#.` comments like `coach pack extract` and msgmerge write them. A few
catalogs are partly translated or marked `X-Coach-Reviewed: no`, as in real life.
Sentences stay within the Easy-to-Read limits, so `coach pack check` passes.

The same arguments always give the same bytes, and every file gets the same fixed
modification time, so two generations compare equal and caches see old files.
"""

from __future__ import annotations

import argparse
import os
import random
from pathlib import Path

LANGUAGES = ("fr", "en", "de", "it", "es", "tr", "ar", "fa", "uk", "ti")
"""The source (French) first, then the translations, in the product brief's spirit."""

FIXED_MTIME = 1_700_000_000  # 2023-11-14: old enough for any cache's racy-file guard

# A few words per language, enough to make sentences of realistic length and script.
WORDS = {
    "fr": "touchez le bouton vert en bas de l'écran puis ouvrez la page du site avec votre code "
          "secret et regardez le message reçu sur votre téléphone pour continuer la demande",
    "en": "tap the green button at the bottom of the screen then open the page of the site with "
          "your secret code and look at the message on your phone to continue the application",
    "de": "tippen Sie auf den grünen Knopf unten am Bildschirm dann öffnen Sie die Seite mit "
          "Ihrem Geheimcode und lesen Sie die Nachricht auf dem Telefon",
    "it": "tocca il pulsante verde in basso sullo schermo poi apri la pagina del sito con il tuo "
          "codice segreto e guarda il messaggio sul telefono per continuare la domanda",
    "es": "toque el botón verde abajo de la pantalla luego abra la página del sitio con su código "
          "secreto y mire el mensaje en su teléfono para seguir la solicitud",
    "tr": "ekranın altındaki yeşil düğmeye dokunun sonra gizli kodunuzla sitenin sayfasını açın ve "
          "telefonunuzdaki mesaja bakın başvuruya devam etmek için",
    "ar": "المس الزر الأخضر في أسفل الشاشة ثم افتح صفحة الموقع برمزك السري وانظر إلى الرسالة على "
          "هاتفك لمتابعة الطلب",
    "fa": "دکمه سبز پایین صفحه را لمس کنید سپس صفحه سایت را با رمز خود باز کنید و پیام روی "
          "تلفن خود را ببینید تا درخواست ادامه یابد",
    "uk": "торкніться зеленої кнопки внизу екрана потім відкрийте сторінку сайту своїм таємним "
          "кодом і подивіться повідомлення на телефоні щоб продовжити заяву",
    "ti": "ነቲ ኣብ ታሕቲ ስክሪን ዘሎ ቀጠልያ መጠወቒ ንከኡ ድሕሪኡ ብምስጢራዊ ኮድኩም ገጽ ናይቲ መርበብ ክፈቱ "
          "ነቲ ኣብ ተሌፎንኩም ዘሎ መልእኽቲ ርኣዩ",
}
DIGCOMP = ("1.1", "2.1", "2.3", "3.1", "4.1", "4.2", "5.2")
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="800" viewBox="0 0 480 800">\n'
    '  <rect x="20" y="20" width="440" height="760" rx="40" fill="#{bg}"/>\n'
    '  <rect x="60" y="{y}" width="360" height="90" rx="20" fill="#{fg}" stroke="#e07000" stroke-width="8"/>\n'
    '  <circle cx="240" cy="720" r="30" fill="#ffffff"/>\n'
    "</svg>\n"
)


def sentence(rng: random.Random, language: str, low: int, high: int, end: str = ".") -> str:
    """low..high words of `language`, capitalised, ending with `end` (Easy-to-Read sized)."""
    words = WORDS[language].split()
    count = rng.randint(low, high)
    start = rng.randrange(len(words))
    chosen = [words[(start + i) % len(words)] for i in range(count)]
    text = " ".join(chosen)
    return text[:1].upper() + text[1:] + end


def po_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


class PackWriter:
    """Writes one pack; texts are collected as (context, source, file, line, comment)."""

    def __init__(self, root: Path, index: int, lessons: int, steps: int, languages: tuple[str, ...]) -> None:
        self.root = root
        self.index = index
        self.lessons = lessons
        self.steps = steps
        self.languages = languages
        self.rng = random.Random(f"coach-bench-{index}")
        self.texts: list[tuple[str, str, str, int, str]] = []
        self.files: list[Path] = []

    def write(self) -> None:
        skills = [f"skill-{n}" for n in range(1, 4)]
        self._manifest(skills)
        for number in range(1, self.lessons + 1):
            self._lesson(number, skills[(number - 1) % len(skills)])
        self._picture("pictures/pack.svg")
        self._catalogs()

    def _file(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        self.files.append(path)

    def _text(self, context: str, source: str, file: str, line: int, comment: str = "") -> str:
        self.texts.append((context, source, file, line, comment))
        return po_quote(source)

    def _picture(self, relative: str) -> None:
        rng = self.rng
        self._file(relative, SVG.format(bg=f"{rng.randrange(0xE0, 0x100):02x}f0f0",
                                        fg=f"{rng.randrange(0x1000000):06x}", y=rng.randrange(80, 600)))

    def _manifest(self, skills: list[str]) -> None:
        rng = self.rng
        lines = [
            "# A generated pack for the benchmarks (bench/generate_packs.py).",
            "format = 1",
            f'id = "pack-{self.index:03d}"',
            f'version = "1.{self.index % 7}.0"',
        ]
        lines.append(f"title = {self._text('pack/title', sentence(rng, 'fr', 2, 5, ''), 'pack.toml', len(lines) + 1)}")
        lines.append(
            f"description = {self._text('pack/description', sentence(rng, 'fr', 6, 12), 'pack.toml', len(lines) + 1)}"
        )
        lines += [
            'source_language = "fr"',
            "languages = [" + ", ".join(f'"{tag}"' for tag in self.languages) + "]",
            'license = "CC-BY-SA-4.0"',
            'authors = ["Centre social de test", "Équipe Coach"]',
            'icon = "pictures/pack.svg"',
        ]
        for skill in skills:
            lines += ["", "[[skills]]", f'id = "{skill}"']
            title = sentence(rng, "fr", 3, 8, "")
            lines.append(f"title = {self._text(f'skill/{skill}/title', title, 'pack.toml', len(lines) + 1)}")
            lines.append(f'digcomp = ["{rng.choice(DIGCOMP)}"]')
        self._file("pack.toml", "\n".join(lines) + "\n")

    def _lesson(self, number: int, skill: str) -> None:
        rng = self.rng
        lesson_id = f"lesson-{number}"
        file = f"lessons/{number:02d}-{lesson_id}.toml"
        lines = [f'id = "{lesson_id}"']
        title = sentence(rng, "fr", 2, 6, "")
        lines.append(f"title = {self._text(f'lesson/{lesson_id}/title', title, file, len(lines) + 1)}")
        lines.append(f'icon = "pictures/{lesson_id}.svg"')
        self._picture(f"pictures/{lesson_id}.svg")
        lines.append(f'skills = ["{skill}"]')
        if number % 2:
            lines += ["", "[[links]]"]
            link = sentence(rng, "fr", 2, 5, "")
            lines.append(f"title = {self._text(f'lesson/{lesson_id}/link/1/title', link, file, len(lines) + 1)}")
            lines.append(f'url = "https://www.example.org/{self.index}/{lesson_id}"')
        for step in range(1, self.steps + 1):
            step_id = f"step-{step}"
            context = f"lesson/{lesson_id}/step/{step_id}"
            picture = f"pictures/{lesson_id}-{step_id}.svg"
            self._picture(picture)
            lines += ["", "[[steps]]", f'id = "{step_id}"', 'kind = "info"']
            lines.append(f"text = {self._text(f'{context}/text', sentence(rng, 'fr', 5, 12), file, len(lines) + 1)}")
            lines.append(f'picture = "{picture}"')
            description = sentence(rng, "fr", 8, 16)
            lines.append("picture_description = " + self._text(
                f"{context}/picture_description", description, file, len(lines) + 1,
                f"Describes the picture {picture}"))
        self._file(file, "\n".join(lines) + "\n")

    def _catalogs(self) -> None:
        pack_id = f"pack-{self.index:03d}"
        self._file(f"locales/{pack_id}.pot", self._po(None, pack_id))
        for language in self.languages[1:]:
            self._file(f"locales/{language}.po", self._po(language, pack_id))

    def _po(self, language: str | None, pack_id: str) -> str:
        rng = random.Random(f"coach-bench-{self.index}-{language}")
        header = [
            f"Project-Id-Version: {pack_id} 1.0.0",
            "Report-Msgid-Bugs-To: ",
            "POT-Creation-Date: 2024-01-01 00:00+0000",
            "PO-Revision-Date: 2024-02-01 00:00+0000",
            "Last-Translator: Bench <bench@example.org>",
            f"Language-Team: {language or 'LANGUAGE'}",
        ]
        if language:
            header.append(f"Language: {language}")
        header += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8",
                   "Content-Transfer-Encoding: 8bit", "Generated-By: bench/generate_packs.py"]
        if language in ("ti", "fa") or (language == "uk" and self.index % 2):
            header.append("X-Coach-Reviewed: no")
        # Some catalogs lag behind: about one text in ten untranslated for two languages.
        missing = 0.1 if language in ("ti", "tr") else 0.0
        out = [f"# {language or 'Template'} catalog of the lesson pack {pack_id!r}.", "#", 'msgid ""', 'msgstr ""']
        out += [po_quote(line + "\n") for line in header]
        for context, source, file, line, comment in self.texts:
            out.append("")
            if comment:
                out.append(f"#. {comment}")
            out.append(f"#: {file}:{line}")
            out.append(f"msgctxt {po_quote(context)}")
            out.append(f"msgid {po_quote(source)}")
            if language is None or rng.random() < missing:
                translation = ""
            else:
                words = len(source.split())
                end = "." if source.endswith(".") else ""
                # Client-facing texts stay within 12 words; picture descriptions may be longer.
                high = words + 2 if comment else min(12, words + 2)
                translation = sentence(rng, language, min(max(1, words - 2), high), high, end)
            out.append(f"msgstr {po_quote(translation)}")
        return "\n".join(out) + "\n"


def generate(out: Path, *, packs: int = 100, lessons: int = 20, steps: int = 8, languages: int = 10) -> list[Path]:
    """Write `packs` packs into `out` (created if needed); return their folders."""
    if not 1 <= languages <= len(LANGUAGES):
        raise ValueError(f"languages must be 1 to {len(LANGUAGES)}")
    out.mkdir(parents=True, exist_ok=True)
    folders = []
    for index in range(1, packs + 1):
        folder = out / f"pack-{index:03d}"
        writer = PackWriter(folder, index, lessons, steps, LANGUAGES[:languages])
        writer.write()
        for path in writer.files:
            os.utime(path, (FIXED_MTIME, FIXED_MTIME))
        folders.append(folder)
    return folders


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the packs into")
    parser.add_argument("--packs", type=int, default=100)
    parser.add_argument("--lessons", type=int, default=20)
    parser.add_argument("--steps", type=int, default=8)
    parser.add_argument("--languages", type=int, default=10, help=f"1 to {len(LANGUAGES)}, French first")
    args = parser.parse_args(argv)
    folders = generate(args.out, packs=args.packs, lessons=args.lessons, steps=args.steps, languages=args.languages)
    print(f"wrote {len(folders)} packs to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
