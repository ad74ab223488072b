"""The speech modules' logger: `logging` imported only when a record could be shown, else the real logger."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

from coach.speech.lazylog import LazyLogger, silence

_PROBE = """
import sys
from coach.speech.lazylog import LazyLogger, silence
log = LazyLogger("coach.speech.child")
log.info("engine %s", "espeak")
log.debug("detail")
print("logging" in sys.modules)
silence("coach.speech.child")
log.warning("the bundled espeak-ng is missing")
print("logging" in sys.modules)
"""


def test_info_imports_nothing_and_a_silenced_warning_prints_nothing() -> None:
    """Before logging is imported INFO is below the default WARNING: dropped, as logging would; a warning to a
    logger given `silence` reaches its NullHandler, not the "last resort" output on stderr."""
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
    assert done.stderr == ""


def test_once_logging_is_there_every_record_goes_to_the_real_logger(caplog: pytest.LogCaptureFixture) -> None:
    log = LazyLogger("coach.speech.test")
    with caplog.at_level(logging.INFO, logger="coach.speech.test"):
        log.info("spoke %d characters", 12)
        log.warning("cannot load %s", "x")
        try:
            raise ValueError("boom")
        except ValueError:
            log.exception("synthesis failed")
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("INFO", "spoke 12 characters"), ("WARNING", "cannot load x"), ("ERROR", "synthesis failed")]
    assert caplog.records[-1].exc_info is not None and caplog.records[-1].exc_info[0] is ValueError
    assert caplog.records[0].funcName == "test_once_logging_is_there_every_record_goes_to_the_real_logger"


def test_silence_when_logging_is_already_imported() -> None:
    silence("coach.speech.test-silenced")
    assert any(isinstance(h, logging.NullHandler) for h in logging.getLogger("coach.speech.test-silenced").handlers)
