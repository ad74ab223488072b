"""The collector rests while Coach starts, then keeps start-up's objects out of its collections."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

from coach.collector import rest_during_start, resume_after_start

# In a fresh interpreter: the test process's own collector state is left alone.
PROBE = r"""
import gc, json
from coach.collector import rest_during_start, resume_after_start
rest_during_start()
resting = not gc.isenabled()
made = [[i] for i in range(5000)]  # objects that live on, as start-up's do
before = gc.get_freeze_count()
resume_after_start()
print(json.dumps({"resting": resting, "collecting": gc.isenabled(),
                  "frozen": gc.get_freeze_count() - before, "tracked": len(gc.get_objects())}))
"""


def test_resting_then_resuming_freezes_what_was_made() -> None:
    ran = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=True)
    seen = json.loads(ran.stdout)
    assert seen["resting"] and seen["collecting"]
    assert seen["frozen"] >= 5000
    assert seen["tracked"] < 1000  # the frozen objects are in no generation a collection walks


def test_cyclic_garbage_made_after_start_is_still_collected() -> None:
    was_enabled = gc.isenabled()
    try:
        rest_during_start()
        assert not gc.isenabled()
        resume_after_start()
        assert gc.isenabled()

        class Node:
            pass

        node = Node()
        node.me = node  # type: ignore[attr-defined]
        del node
        assert gc.collect() >= 1
    finally:
        gc.unfreeze()
        if not was_enabled:
            gc.disable()
