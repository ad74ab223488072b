"""`coach screenshot`: render the real window off screen into a PNG.

Trainers use it to illustrate their documents; tests use it to look at what a
person would see. Nothing is saved to the desk's settings.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from coach.packs.loader import Library
from coach.settings import Settings


def screenshot_command(args: argparse.Namespace) -> int:
    if "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from coach.i18n.languages import is_known, normalize_tag
    from coach.ui.app import application, build_window, load_packs
    from coach.ui.binding_check import binding_problem

    problem = binding_problem()
    if problem:
        print(f"coach screenshot: {problem}", file=sys.stderr)
        return 1

    for tag in (args.lang, args.worker_lang):
        if tag and not is_known(tag):
            print(f"coach screenshot: unknown language tag {tag!r}", file=sys.stderr)
            return 2
    app = application()
    library = Library(()) if args.preview else load_packs()
    settings = Settings(
        client_language=normalize_tag(args.lang),
        worker_language=normalize_tag(args.worker_lang or args.lang),
        show_worker_text=bool(args.worker_lang),
        text_scale=args.scale,
        high_contrast=args.contrast == "high",
        auto_read=False,  # nothing is spoken; the voice notice below is the one the app would show
    )
    window = build_window(library, settings, remember=False)
    if args.preview:
        # The pack folder as `coach preview` shows it, problems included, without installing it.
        from coach.ui.preview import PackPreview

        PackPreview(window, Path(args.preview)).stop()
    screen = args.screen or ("lesson" if args.lesson else "library")
    try:
        show_screen(window, screen, args.pack, args.lesson, args.step)
    except LookupError as exc:
        print(f"coach screenshot: {exc}", file=sys.stderr)
        return 2
    if window.current_page() is window.lesson:
        show_voice_notice(window)
    width, height = args.size
    window.resize(width, height)
    window.show()
    for _ in range(3):
        app.processEvents()
    if screen == "library" and args.pack:
        try:
            scroll_library_to(window, args.pack)
        except LookupError as exc:
            print(f"coach screenshot: {exc}", file=sys.stderr)
            return 2
        app.processEvents()
    if not window.grab().save(args.out, "PNG"):
        print(f"coach screenshot: cannot write {args.out}", file=sys.stderr)
        return 1
    print(args.out)
    return 0


def show_voice_notice(window) -> None:
    """The notice the real app shows on this step: none when it can be read aloud (a recording, or a voice)."""
    from coach.speech.commands import voice_for
    from coach.ui.player.reader import ReaderState

    lesson, tag = window.lesson, window.languages.client.tag
    step = lesson.step
    recorded = step is not None and bool(step.audio.get(tag) or step.audio.get(tag.split("-", 1)[0]))
    if not recorded and voice_for(tag) is None:
        lesson.show_speech_state(ReaderState.NO_VOICE)


def scroll_library_to(window, pack_id: str) -> None:
    """Scroll the library so that the section of `pack_id` is at the top (`--screen library --pack ID`)."""
    library = window.library
    for index, section in enumerate(library.sections):
        if section.pack.id == pack_id:
            for above in library.sections[:index]:
                above.tiles  # built: the sections above take their true heights, not estimates
            library.layout().activate()
            library.scroll_area.widget().layout().activate()
            library.scroll_area.verticalScrollBar().setValue(section.y())
            return
    known = ", ".join(pack.id for pack in window.packs) or "none"
    raise LookupError(f"no pack {pack_id!r} is loaded (loaded: {known})")


def show_screen(window, screen: str, pack_id: str | None, lesson_id: str | None, step: int) -> None:
    """Put `window` on the screen named by `coach screenshot --screen`."""
    if screen == "languages":
        window.show_languages()
    elif screen == "packs":
        window.show_packs()
    elif screen == "library":
        window.show_library()
    else:
        if not pack_id or not lesson_id:
            raise LookupError(f"the {screen} screen needs --pack and --lesson")
        pack = window.pack(pack_id)
        if pack is None:
            known = ", ".join(pack.id for pack in window.packs) or "none"
            raise LookupError(f"no pack {pack_id!r} is loaded (loaded: {known})")
        ids = [lesson.id for lesson in pack.lessons]
        if lesson_id not in ids:
            raise LookupError(f"pack {pack.id!r} has no lesson {lesson_id!r} (lessons: {', '.join(ids)})")
        count = len(pack.lesson(lesson_id).steps)
        if not 1 <= step <= count:
            raise LookupError(f"lesson {lesson_id!r} has steps 1 to {count}, not {step}")
        window.open_lesson(pack.id, lesson_id, step - 1)
        if screen == "end":
            window.lesson.progress.go_to(count - 1)
            window.lesson.next()
