"""Block and count network use, in this process and in a child started through this file.

In a test process: `install()` once, then `blocking()` around the part under test; the
attempts are listed in `attempts`. For a child process (the speech child), run

    python tests/network_guard.py LOG -m coach.speech.child

which installs the same hook in the child, appends each attempt to LOG and then runs the
module as `python -m` would. Python's audit hooks see every use of the socket module
(getaddrinfo, connect, sendto...) and of urllib and http.client; what they cannot see
(Qt's own C++ network classes) is kept out by the test that no module imports them.
"""

from __future__ import annotations

import runpy
import sys
from collections.abc import Iterator
from contextlib import contextmanager

NETWORK_EVENTS = frozenset({"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
                            "socket.sendto", "socket.sendmsg", "socket.bind", "urllib.Request",
                            "http.client.connect"})

attempts: list[tuple[str, str]] = []
_state = {"blocking": False, "installed": False, "log": ""}


def _hook(event: str, args: tuple[object, ...]) -> None:
    if not _state["blocking"] or event not in NETWORK_EVENTS:
        return
    seen = (event, repr(args)[:200])
    attempts.append(seen)
    if _state["log"]:
        with open(str(_state["log"]), "a", encoding="utf-8") as log:
            log.write(f"{seen[0]} {seen[1]}\n")
    raise PermissionError(f"network blocked by the test: {event}")


def install() -> None:
    """Add the audit hook (once per process: audit hooks cannot be removed)."""
    if not _state["installed"]:
        sys.addaudithook(_hook)
        _state["installed"] = True


@contextmanager
def blocking() -> Iterator[list[tuple[str, str]]]:
    """Refuse and count every network use inside the block; yields the attempts."""
    install()
    attempts.clear()
    _state["blocking"] = True
    try:
        yield attempts
    finally:
        _state["blocking"] = False


def child_command(log: str, module: str) -> list[str]:
    """The command that runs `python -m module` with the guard, logging attempts to `log`."""
    return [sys.executable, __file__, log, "-m", module]


if __name__ == "__main__":
    log_path, flag, module_name, *rest = sys.argv[1:]
    if flag != "-m":
        raise SystemExit("usage: network_guard.py LOG -m MODULE [ARGS...]")
    sys.path.pop(0)  # this file's folder: the module runs as it would under python -m
    sys.argv = [module_name, *rest]
    _state["log"] = log_path
    install()
    _state["blocking"] = True
    runpy.run_module(module_name, run_name="__main__", alter_sys=True)
