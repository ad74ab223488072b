"""The real Coach on a private accessibility bus, read as a screen reader reads it.

`Desktop` starts Xvfb, a private D-Bus session and the AT-SPI bus (at-spi-bus-launcher,
which activates at-spi2-registryd); `CoachUnderReader` starts the `coach` command on it
with Qt's AT-SPI bridge always on, and talks to `reader.py` (pyatspi, under the system's
Python) to read names, roles, states, locales, texts, focus and announcements, and to press
keys and buttons as Orca's user would. `missing_pieces()` says what is not installed, for
the tests to skip with that reason.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

READER = Path(__file__).with_name("reader.py")
SYSTEM_PYTHON = os.environ.get("COACH_ATSPI_PYTHON", "/usr/bin/python3")
BUS_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
INTERACTIVE_ROLES = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text", "password text",
    "entry", "slider", "spin button", "menu item", "check menu item", "radio menu item", "link",
    "list item", "page tab", "tree item", "table cell",
}
WAIT = 20.0
# One request to the reader (one tree of the window at most): far more than it ever takes.
ANSWER_WAIT = 90.0
"""Seconds to wait for the application to reach a state (a slow, shared machine); never asserted."""


def bus_launcher() -> str | None:
    return next((path for path in BUS_LAUNCHERS if os.access(path, os.X_OK)), None)


def missing_pieces() -> list[str]:
    """What the AT-SPI tests need and this machine lacks, with the Debian package to install."""
    missing = []
    if shutil.which("Xvfb") is None:
        missing.append("Xvfb (apt-get install xvfb)")
    if shutil.which("dbus-daemon") is None:
        missing.append("dbus-daemon (apt-get install dbus-x11)")
    if bus_launcher() is None:
        missing.append("at-spi-bus-launcher (apt-get install at-spi2-core)")
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, text=True) \
        if os.access(SYSTEM_PYTHON, os.X_OK) else None
    if probe is None or probe.returncode != 0:
        missing.append(f"pyatspi for {SYSTEM_PYTHON} (apt-get install python3-pyatspi)")
    return missing


@dataclass(frozen=True)
class Node:
    """One node of the accessibility tree, as the reader saw it."""

    path: tuple[int, ...]
    role: str
    name: str
    description: str
    states: frozenset[str]
    locale: str
    interfaces: tuple[str, ...]
    text: str | None
    image_description: str | None
    attributes: dict[str, str] = field(default_factory=dict, compare=False)
    relations: dict[str, list[str]] = field(default_factory=dict, compare=False)
    on_screen: bool = False
    """Showing, and every ancestor showing: what a sighted user sees."""

    @property
    def language(self) -> str:
        """The locale's language part: 'ar' for 'ar_EG'."""
        return self.locale.split("_")[0].split("-")[0]

    def label(self) -> str:
        return f"{self.role} {self.name!r} at {list(self.path)}"

    @classmethod
    def from_reader(cls, data: dict[str, Any], on_screen: bool = False) -> Node:
        return cls(tuple(data["path"]), data["role"], data["name"], data["description"],
                   frozenset(data["states"]), data["locale"], tuple(data["interfaces"]), data["text"],
                   data["image_description"], data["attributes"], data["relations"], on_screen)


class Tree(list[Node]):
    """The nodes of one reading, depth first."""

    def on_screen(self) -> list[Node]:
        return [n for n in self if n.on_screen]

    def find(self, role: str | None = None, name: str | None = None, on_screen: bool = True) -> list[Node]:
        return [n for n in self if (role is None or n.role == role) and (name is None or n.name == name)
                and (n.on_screen or not on_screen)]

    def one(self, role: str | None = None, name: str | None = None) -> Node:
        found = self.find(role, name)
        if len(found) != 1:
            seen = sorted({n.name for n in self.find(role)})
            raise LookupError(f"{len(found)} {role or 'node'} named {name!r} on screen; {role or 'nodes'} "
                              f"on screen: {seen}")
        return found[0]

    def focus_stops(self) -> list[Node]:
        return [n for n in self.on_screen() if "focusable" in n.states]

    def interactive(self) -> list[Node]:
        return [n for n in self.on_screen() if n.role in INTERACTIVE_ROLES]


def _on_screen(nodes: list[dict[str, Any]]) -> Tree:
    showing: dict[tuple[int, ...], bool] = {}
    tree = Tree()
    for data in nodes:
        path = tuple(data["path"])
        own = "showing" in data["states"]
        showing[path] = own and showing.get(path[:-1], True)
        tree.append(Node.from_reader(data, showing[path]))
    return tree


class Desktop:
    """Xvfb, a private D-Bus session and the accessibility bus, for as long as the tests run."""

    def __init__(self, runtime_dir: Path) -> None:
        self.runtime_dir = runtime_dir
        self.processes: list[subprocess.Popen] = []
        self.env: dict[str, str] = {}

    def start(self) -> None:
        self.runtime_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24",
                                 "-nolisten", "tcp"], pass_fds=(write_fd,),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.processes.append(xvfb)
        os.close(write_fd)
        with os.fdopen(read_fd) as display_pipe:
            display = display_pipe.readline().strip()
        if not display:
            raise RuntimeError("Xvfb did not start (it printed no display number)")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "AT_SPI", "WAYLAND"))}
        env.update(DISPLAY=f":{display}", XDG_RUNTIME_DIR=str(self.runtime_dir), NO_AT_BRIDGE="0")
        dbus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.processes.append(dbus)
        address = dbus.stdout.readline().strip() if dbus.stdout else ""
        if not address:
            raise RuntimeError("dbus-daemon did not start (it printed no address)")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        launcher = bus_launcher()
        assert launcher is not None
        self.processes.append(subprocess.Popen([launcher, "--launch-immediately"], env=env,
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        self.env = env

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
        for process in reversed(self.processes):
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes.clear()


class Reader:
    """The pyatspi child: one request, one answer."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen([SYSTEM_PYTHON, str(READER)], env=env, text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        if json.loads(self._line()).get("ready") is not True:
            raise RuntimeError("the AT-SPI reader did not start")

    def _line(self, what: str = "start") -> str:
        """The reader's next answer; a reader stuck in a D-Bus call fails the test instead of hanging it."""
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], ANSWER_WAIT)
        if not ready:
            self.process.kill()
            raise RuntimeError(f"the AT-SPI reader gave no answer to {what} in {ANSWER_WAIT:.0f} s")
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the AT-SPI reader stopped (exit {self.process.poll()})")
        return line

    def ask(self, cmd: str, **arguments: Any) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"cmd": cmd, **arguments}) + "\n")
        self.process.stdin.flush()
        reply: dict[str, Any] = json.loads(self._line(cmd))
        if "error" in reply:
            raise RuntimeError(f"AT-SPI reader, {cmd}: {reply['error']}")
        return reply

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()


class CoachUnderReader:
    """The `coach` command running on the desktop, and the reader reading it."""

    def __init__(self, desktop: Desktop, home: Path, args: list[str], settings: dict[str, Any],
                 settings_text: str | None = None) -> None:
        """`settings_text`: the settings file's exact contents instead of `settings` (a damaged file)."""
        (home / "config").mkdir(parents=True, exist_ok=True)
        self.home = home
        env = dict(desktop.env, COACH_HOME=str(home), QT_QPA_PLATFORM="xcb", QT_ACCESSIBILITY="1",
                   QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", LANG="C.UTF-8", LC_ALL="C.UTF-8",
                   PYTHONFAULTHANDLER="1", QT_LOGGING_RULES=os.environ.get("COACH_ATSPI_QT_LOG", ""))
        env.pop("QT_QPA_PLATFORM_PLUGIN_PATH", None)
        from coach.paths import app_dirs

        settings_file = app_dirs(env).settings_file
        settings_file.parent.mkdir(parents=True, exist_ok=True)
        settings_file.write_text(json.dumps(settings) if settings_text is None else settings_text, encoding="utf-8")
        coach = Path(sys.executable).with_name("coach")
        self.log = (home / "coach.log").open("w")
        # The reader first, as Orca runs before the application: it hears what Coach says at start.
        self.reader = Reader(desktop.env)
        self.process = subprocess.Popen([str(coach), *args], env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.wait_until(lambda: any(a["pid"] == self.process.pid for a in self.reader.ask("apps")["apps"]),
                        "Coach on the accessibility bus")
        self.wait_until(lambda: self.tree().find(role="frame"), "Coach's window on screen")

    # -- reading -------------------------------------------------------------------------
    def tree(self, hidden: bool = False, relations: bool = False) -> Tree:
        """What is on screen; with `hidden`, the nodes inside hidden ones too, and with
        `relations` each node's relations (both slower)."""
        return _on_screen(self.reader.ask("tree", pid=self.process.pid, hidden=hidden,
                                          relations=relations)["nodes"])

    def focused(self) -> Node | None:
        node = self.reader.ask("focused", pid=self.process.pid)["node"]
        return Node.from_reader(node, True) if node else None

    def events(self) -> list[dict[str, Any]]:
        return [e for e in self.reader.ask("events")["events"] if e["pid"] == self.process.pid]

    def announcements(self) -> list[str]:
        return [e["data"] for e in self.events() if e["type"] == "object:announcement"]

    # -- acting ---------------------------------------------------------------------------
    def press(self, node: Node) -> None:
        if not self.reader.ask("action", pid=self.process.pid, path=list(node.path), name="Press")["done"]:
            raise RuntimeError(f"{node.label()} did not take the Press action")

    def type_into(self, node: Node, text: str) -> None:
        """Set a text field's contents (AT-SPI EditableText), as a reader's user may."""
        if not self.reader.ask("set_text", pid=self.process.pid, path=list(node.path), text=text)["done"]:
            raise RuntimeError(f"{node.label()} took no text")

    def key(self, keysym: str, *modifiers: str) -> None:
        self.reader.ask("key", keysym=keysym, modifiers=list(modifiers))

    def wait_until(self, condition: Callable[[], Any], what: str, timeout: float = WAIT) -> Any:
        """Poll `condition` until it is true; fail saying `what` did not happen."""
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"coach exited ({self.process.returncode}) before {what}: "
                                   f"see {self.home / 'coach.log'}")
            result = condition()
            if result:
                return result
            if time.monotonic() > deadline:
                raise AssertionError(f"waited {timeout:.0f} s for {what}")
            time.sleep(0.1)

    def wait_for(self, role: str, name: str) -> Tree:
        """The tree once a node of that role and name is on screen."""
        def ready() -> Tree | None:
            tree = self.tree()
            return tree if tree.find(role, name) else None
        tree: Tree = self.wait_until(ready, f"{role} {name!r} on screen")
        return tree

    def wait_focus(self, what: str, condition: Callable[[Node], bool]) -> Node:
        def ready() -> Node | None:
            node = self.focused()
            return node if node is not None and condition(node) else None
        node: Node = self.wait_until(ready, what)
        return node

    def close(self) -> None:
        self.reader.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


class Heard:
    """Every announcement Coach made so far (and every event), kept across the reader's drains."""

    def __init__(self, app: CoachUnderReader) -> None:
        self.app = app
        self.said: list[str] = []
        self.events: list[dict[str, Any]] = []

    def _drain(self) -> None:
        events = self.app.events()
        self.events += events
        self.said += [e["data"] for e in events if e["type"] == "object:announcement"]

    def wait_for(self, expected: str, timeout: float = WAIT) -> None:
        def heard() -> bool:
            self._drain()
            return expected in self.said
        self.app.wait_until(heard, f"the announcement {expected!r} (heard: {self.said})", timeout=timeout)

    def renamed(self, name: str, after: str = "") -> bool:
        """A control was renamed `name` (Listen becomes Stop while Coach's voice reads), since
        the announcement `after` if given."""
        self._drain()
        start = next((i for i, e in enumerate(self.events) if e["type"] == "object:announcement"
                      and e["data"] == after), 0) if after else 0
        return any(e["type"] == "object:property-change:accessible-name" and e["name"] == name
                   for e in self.events[start:])


def tab_walk(app: CoachUnderReader, presses: int, *modifiers: str) -> Iterator[Node]:
    """Press Tab (or Shift+Tab) and yield each node the focus lands on."""
    for _ in range(presses):
        before = app.focused()
        app.key("Tab", *modifiers)
        yield app.wait_focus(f"the focus to move from {before.label() if before else 'nothing'}",
                             lambda node: before is None or node.path != before.path)
