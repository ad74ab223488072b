"""Python's cyclic garbage collector while Coach starts.

Start-up makes some 33,000 tracked objects that live as long as the window (Qt's Python
types, the packs, the widgets and their wiring) and leaves almost no cyclic garbage, so
each collection during it walks them for nothing: 67 of them, about 12 ms of a 320 ms
start on this machine (docs/performance.md, "Start-up"). The collector rests from the
start of `coach` to the window's first frame. Then what start-up made is frozen
(`gc.freeze`: kept out of every later collection, so a step or a language switch never
walks it) and the collector works as usual on everything made after.

`coach speak` rests it too, for its whole life: its imports make a few thousand objects
and no garbage worth a collection, and the one collection they set off took 0.6 ms of a
20 ms command (docs/performance.md, "`coach speak`").
"""

from __future__ import annotations

import gc


def rest_during_start() -> None:
    """No cyclic collection until `resume_after_start`; objects are still freed as their last reference goes."""
    gc.disable()


def resume_after_start() -> None:
    """Freeze what start-up made, then collect as usual."""
    gc.freeze()
    gc.enable()


def resume() -> None:
    """Collect as usual again, nothing frozen (after a command that rested the collector)."""
    gc.enable()
