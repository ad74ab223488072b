"""Read, validate and translate lesson packs (folders or .zip files); no Qt here.

For the application:

    from coach.packs.loader import load_library
    library = load_library(builtin_packs_dir(), app_dirs().packs)
    library.packs      # valid packs, built-in first, then by title
    library.broken     # BrokenPack(location, problems) for each pack that failed
    library.warnings   # warnings of the valid packs

Valid packs are cached under app_dirs().cache / "packs" while their files are unchanged
(coach.packs.cache); pass `cache_dir=None` to read every pack.

For trainers' tools: `coach.packs.check.check_command` (`coach pack check`) and
`coach.packs.extract.extract_command` (`coach pack extract`). The format itself is
described in docs/pack-format.md.
"""
