"""A logger for the speech modules that imports `logging` only when a record could be shown.

`coach speak` and the speech child import the speech modules at every start; `logging`
(with `threading`, `traceback`, `string`, `weakref`) costs about 4 ms of that on a quiet
machine, for INFO lines that nobody sees in `coach speak`. While `logging` has not been
imported, nobody can have configured a handler or a level, so the effective level is
logging's default, WARNING: an INFO or DEBUG record would be dropped, and is dropped
here without importing anything. Once `logging` is imported (the window, the speech
child's `basicConfig`, pytest), every call goes to the real logger, as before. A
WARNING or worse always goes to the real logger, importing `logging` if need be.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy reads the name alike)
if TYPE_CHECKING:
    import logging

_silenced: set[str] = set()
"""Loggers given a NullHandler when `logging` is first needed (see `silence`)."""


def silence(name: str) -> None:
    """Give logger `name` a NullHandler (no "last resort" output to stderr), now or when logging is first imported."""
    if "logging" in sys.modules:
        import logging

        logging.getLogger(name).addHandler(logging.NullHandler())
    else:
        _silenced.add(name)


class LazyLogger:
    """The methods of `logging.Logger` the speech code calls; `logging` is imported when a record can be emitted."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def _real(self) -> logging.Logger:
        import logging

        while _silenced:
            logging.getLogger(_silenced.pop()).addHandler(logging.NullHandler())
        return logging.getLogger(self.name)

    def debug(self, message: str, *args: object) -> None:
        if "logging" in sys.modules:
            self._real().debug(message, *args, stacklevel=2)

    def info(self, message: str, *args: object) -> None:
        if "logging" in sys.modules:
            self._real().info(message, *args, stacklevel=2)

    def warning(self, message: str, *args: object) -> None:
        self._real().warning(message, *args, stacklevel=2)

    def error(self, message: str, *args: object) -> None:
        self._real().error(message, *args, stacklevel=2)

    def exception(self, message: str, *args: object) -> None:
        """ERROR with the exception being handled, as `Logger.exception` (call it in an `except` block)."""
        self._real().error(message, *args, exc_info=sys.exc_info(), stacklevel=2)
