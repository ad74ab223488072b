"""The screen reader's side of the AT-SPI tests: reads an application through pyatspi.

Runs under the system's Python (`/usr/bin/python3`, where Debian's python3-pyatspi lives),
not the venv's; the tests talk to it as a child process, one JSON object a line:

    {"cmd": "apps"}                              -> {"apps": [{"name", "pid"}]}
    {"cmd": "tree", "pid": N, "hidden": false, "relations": false} -> {"nodes": [...]} depth first
    {"cmd": "focused", "pid": N}                 -> {"node": node | null} (the last focus event's)
    {"cmd": "action", "pid": N, "path": [...], "name": "Press"}   -> {"done": bool}
    {"cmd": "grab_focus", "pid": N, "path": [...]}                -> {"done": bool}
    {"cmd": "set_text", "pid": N, "path": [...], "text": "..."}   -> {"done": bool}
    {"cmd": "key", "keysym": "Tab", "modifiers": ["shift"]}        -> {"done": true}
    {"cmd": "events"}                            -> {"events": [...]} since the last call
    {"cmd": "screen_reader", "enabled": true}    -> {"done": true} (the bus's ScreenReaderEnabled, as Orca sets it)

A node is {"path", "role", "name", "description", "states", "locale", "interfaces",
"text", "attributes", "image_description", "relations"}; `path` is the child indexes from
the application. Events are focus changes and announcements ("object:announcement", whose
text is in "data"). This file uses only the standard library and pyatspi.
"""

from __future__ import annotations

import json
import sys

import pyatspi
from gi.repository import Gio, GLib

EVENT_TYPES = (
    "object:announcement",
    "object:state-changed:focused",
    "object:property-change:accessible-name",
)
KEYSYMS = {
    "Tab": 0xFF09, "ISO_Left_Tab": 0xFE20, "Return": 0xFF0D, "space": 0x20, "Escape": 0xFF1B,
    "Up": 0xFF52, "Down": 0xFF54, "Left": 0xFF51, "Right": 0xFF53, "Home": 0xFF50, "End": 0xFF57,
    "F6": 0xFFC3, "F10": 0xFFC7, "Menu": 0xFF67, "1": 0x31, "2": 0x32, "3": 0x33, "4": 0x34, "a": 0x61,
}
MODIFIER_MASKS = {"shift": 1 << 0, "control": 1 << 2, "alt": 1 << 3}

events: list[dict] = []
last_focus: list = [None]


def node_path(accessible) -> list[int]:
    """Child indexes from the application down to `accessible`."""
    path = []
    current = accessible
    while current is not None and current.getRole() != pyatspi.ROLE_APPLICATION:
        index = current.getIndexInParent()
        if index < 0:
            break
        path.append(index)
        current = current.parent
    return list(reversed(path))


def describe(accessible, path: list[int], relations: bool = False) -> dict:
    """What a screen reader can ask of one node (its relations only when asked: slow)."""
    try:
        states = sorted(pyatspi.stateToString(s) for s in accessible.getState().getStates())
    except Exception:  # noqa: BLE001 - a node that went away while read
        states = ["defunct"]
    interfaces = list(accessible.get_interfaces())
    node = {
        "path": path, "role": accessible.getRoleName(), "name": accessible.name or "",
        "description": accessible.description or "", "states": states, "interfaces": interfaces,
        "locale": (accessible.get_object_locale() or ""), "text": None, "image_description": None,
        "attributes": {}, "relations": {},
    }
    try:
        node["attributes"] = dict(a.split(":", 1) for a in accessible.getAttributes() if ":" in a)
    except Exception:  # noqa: BLE001
        pass
    if "Text" in interfaces:
        text = accessible.queryText()
        node["text"] = text.getText(0, text.characterCount)
    if "Image" in interfaces:
        node["image_description"] = accessible.queryImage().imageDescription or ""
    for relation in accessible.getRelationSet() if relations else []:
        targets = [relation.getTarget(i) for i in range(relation.getNTargets())]
        node["relations"][pyatspi.relationToString(relation.getRelationType())] = [
            t.name or "" for t in targets if t is not None]
    return node


def application(pid: int):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def tree(pid: int, hidden: bool, relations: bool = False) -> list[dict]:
    """The application's nodes; without `hidden`, not those inside a node that is not showing."""
    app = application(pid)
    if app is None:
        return []
    nodes: list[dict] = []

    def walk(accessible, path: list[int]) -> None:
        node = describe(accessible, path, relations)
        nodes.append(node)
        if not hidden and "showing" not in node["states"]:
            return
        for index in range(accessible.childCount):
            child = accessible.getChildAtIndex(index)
            if child is not None:
                walk(child, path + [index])

    for index in range(app.childCount):
        walk(app.getChildAtIndex(index), [index])
    return nodes


def at_path(pid: int, path: list[int]):
    current = application(pid)
    for index in path:
        current = current.getChildAtIndex(index)
    return current


def on_event(event) -> None:
    source = event.source
    try:
        entry = {"type": event.type, "detail1": event.detail1, "data": str(event.any_data or ""),
                 "role": source.getRoleName() if source else "", "name": (source.name or "") if source else "",
                 "pid": source.get_process_id() if source else 0}
    except Exception:  # noqa: BLE001 - the source went away
        return
    events.append(entry)

    if event.type.startswith("object:state-changed:focused") and event.detail1 == 1:
        last_focus[0] = source


def key(keysym: str, modifiers: list[str]) -> None:
    mask = 0
    for modifier in modifiers:
        mask |= MODIFIER_MASKS[modifier]
    if mask:
        pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_LOCKMODIFIERS)
    pyatspi.Registry.generateKeyboardEvent(KEYSYMS[keysym], None, pyatspi.KEY_SYM)
    if mask:
        pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_UNLOCKMODIFIERS)


def answer(request: dict) -> dict:
    command = request["cmd"]
    if command == "apps":
        desktop = pyatspi.Registry.getDesktop(0)
        return {"apps": [{"name": a.name, "pid": a.get_process_id()} for a in desktop if a is not None]}
    if command == "tree":
        return {"nodes": tree(request["pid"], bool(request.get("hidden")), bool(request.get("relations")))}
    if command == "focused":
        source = last_focus[0]
        if source is None or source.get_process_id() != request["pid"]:
            return {"node": None}
        try:
            return {"node": describe(source, node_path(source))}
        except Exception:  # noqa: BLE001 - the last focused node went away (a closed dialog)
            return {"node": None}
    if command == "action":
        target = at_path(request["pid"], request["path"]).queryAction()
        names = [target.getName(i) for i in range(target.nActions)]
        wanted = request.get("name", "Press")
        index = names.index(wanted) if wanted in names else 0
        return {"done": bool(target.nActions) and bool(target.doAction(index)), "actions": names}
    if command == "grab_focus":
        return {"done": bool(at_path(request["pid"], request["path"]).queryComponent().grabFocus())}
    if command == "set_text":
        field = at_path(request["pid"], request["path"]).queryEditableText()
        return {"done": bool(field.setTextContents(request["text"]))}
    if command == "key":
        key(request["keysym"], request.get("modifiers", []))
        return {"done": True}
    if command == "screen_reader":
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        value = GLib.Variant("(ssv)", ("org.a11y.Status", "ScreenReaderEnabled",
                                       GLib.Variant("b", bool(request["enabled"]))))
        bus.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.freedesktop.DBus.Properties", "Set", value, None,
                      Gio.DBusCallFlags.NONE, -1, None)
        return {"done": True}
    if command == "events":
        drained = list(events)
        events.clear()
        return {"events": drained}
    raise ValueError(f"unknown command {command!r}")


def on_input(source, condition) -> bool:
    line = sys.stdin.readline()
    if not line:
        loop.quit()
        return False
    try:
        reply = answer(json.loads(line))
    except Exception as error:  # noqa: BLE001 - told to the test, which fails with it
        reply = {"error": f"{type(error).__name__}: {error}"}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
    return True


if __name__ == "__main__":
    for event_type in EVENT_TYPES:
        pyatspi.Registry.registerEventListener(on_event, event_type)
    loop = GLib.MainLoop()
    GLib.io_add_watch(sys.stdin, GLib.IO_IN | GLib.IO_HUP, on_input)
    sys.stdout.write(json.dumps({"ready": True}) + "\n")
    sys.stdout.flush()
    loop.run()
