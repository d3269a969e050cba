#!/usr/bin/python3
"""Reads a running `gongkai` window through AT-SPI, as Orca does, and types keys into it.

Run by AtspiProbeTests (Tests/AppTests/AtspiProbeTests.swift) with Debian's python3 and
python3-pyatspi (both in the Makefile's DEB_PACKAGES), on the test's X display and session bus,
after the test has started the accessibility bus and the app. It asserts nothing: it prints one
JSON object (what a screen reader is given) for the test to check.

    atspi_probe.py PID

Steps: find the application whose process is PID; give its window the X focus and show every
section (Alt+8 … Alt+1: a section is built when first shown); walk its whole accessible tree (every
focusable object, its role and name); Alt+2 (the matrix grid), then Down,
Right, y, Up, n with xdotool; after each key, the name and description change events of the
object that has the focus (what Orca speaks for a widget that changes under the focus). Then
Alt+8 (charts): the chart image's name and description, and the events after Down in the gallery.
"""

import json
import re
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

TIMEOUT = 20.0

# Roles a user operates: a focusable one needs a name of its own. Containers (list items, rows,
# cells, scroll panes) are read by their content.
CONTAINER_ROLES = {"list item", "table row", "table cell", "scroll pane", "panel", "filler", "tree item"}
CONTENT_ROLES = {"label", "text", "static", "heading", "paragraph"}

events = []


def on_event(event):
    try:
        source = event.source
        events.append({
            "type": event.type,
            "role": source.getRoleName() if source else "",
            "name": source.name if source else "",
            "detail1": event.detail1,
            "data": event.any_data if isinstance(event.any_data, str) else "",
            "focused": bool(source and source.getState().contains(pyatspi.STATE_FOCUSED)),
            # What Orca reads after the name when an object gets the focus.
            "description": source.description if source and event.type.startswith("object:state-changed:focused") else "",
            "time": time.monotonic(),
        })
    except Exception as error:  # an object that went away meanwhile
        events.append({"type": event.type, "error": str(error), "time": time.monotonic()})


def pump(seconds, until=None):
    """Turns the GLib loop (AT-SPI delivers its events there) for up to `seconds`."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.pending():
            context.iteration(False)
        if until is not None and until():
            return True
        time.sleep(0.02)
    return until is None


def find_application(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    end = time.monotonic() + 60
    while time.monotonic() < end:
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid and app.childCount > 0:
                    return app
            except Exception:
                pass
        time.sleep(0.2)
    return None


def text_below(obj, depth=0):
    """The names of the labels and texts under a container (what Orca reads for a row or item)."""
    found = []
    try:
        for i in range(obj.childCount):
            child = obj.getChildAtIndex(i)
            if child is None:
                continue
            if child.getRoleName() in CONTENT_ROLES and child.name.strip():
                found.append(child.name)
            if depth < 6:
                found += text_below(child, depth + 1)
    except Exception:
        pass
    return found


def walk(obj, path, found, depth=0):
    try:
        role = obj.getRoleName()
        name = obj.name or ""
        state = obj.getState()
        entry = {"role": role, "name": name, "description": obj.description or "", "path": path}
        if state.contains(pyatspi.STATE_FOCUSABLE):
            if role in CONTAINER_ROLES:
                entry["content"] = text_below(obj)[:3]
            found.append(entry)
        count = obj.childCount
    except Exception:
        return
    if depth > 60:
        return
    for i in range(count):
        try:
            child = obj.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            label = (obj.name or obj.getRoleName())[:40]
            walk(child, path + [label], found, depth + 1)


def xdotool(*arguments):
    subprocess.run(["xdotool", *arguments], check=True, timeout=60)


def press(key, wait_for):
    """Types `key`, then collects the events until `wait_for(new events)` holds (or TIMEOUT),
    and a short while more for the rest of the burst."""
    start = len(events)
    xdotool("key", "--delay", "20", key)
    pump(TIMEOUT, until=lambda: wait_for(events[start:]))
    pump(0.4)
    return events[start:]


def name_changes(batch, role=None):
    return [e for e in batch if e.get("type", "").startswith("object:property-change:accessible-name")
            and (role is None or e.get("role") == role)]


def main():
    pid = int(sys.argv[1])
    report = {"pid": pid}
    for kind in ("object:property-change:accessible-name", "object:property-change:accessible-description",
                 "object:state-changed:focused"):
        pyatspi.Registry.registerEventListener(on_event, kind)

    app = find_application(pid)
    if app is None:
        report["error"] = "no application with this process id on the accessibility bus"
        print(json.dumps(report))
        return
    report["application"] = app.name

    windows = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(pid)],
                             capture_output=True, text=True, timeout=60).stdout.split()
    xdotool("windowfocus", "--sync", windows[-1])
    pump(1.0)

    # The window builds a section the first time it is shown: show each one (Alt+8 … Alt+1, back
    # on the overview) so that the walk finds every section's controls.
    def focused(batch):
        return any(e.get("type", "").startswith("object:state-changed:focused") for e in batch)

    for number in range(8, 0, -1):
        press(f"alt+{number}", focused)

    found = []
    walk(app, [], found)
    report["focusable"] = found

    # The grid: the focusable object named after its cursor cell ("Anhui, 2018, audit list: …").
    cell = re.compile(r"^[^,]+, \d{4}, [^:]+: ")
    grids = [e for e in found if cell.match(e["name"])]
    report["grid"] = grids[0] if grids else None

    steps = []

    def step(key, until):
        batch = press(key, until)
        steps.append({"key": key, "events": [{k: v for k, v in e.items() if k != "time"} for e in batch]})

    def grid_named(batch):
        return any(cell.match(e.get("data", "")) for e in name_changes(batch))

    def focus_to_cell(batch):
        return any(e.get("type", "").startswith("object:state-changed:focused") and e.get("detail1") == 1
                   and cell.match(e.get("name", "")) for e in batch)

    step("alt+2", focus_to_cell)
    for key in ("Down", "Right", "y", "Up", "n"):
        step(key, grid_named)

    # Charts: Alt+8 shows the section; Tab moves to the large chart; Down in the gallery draws another.
    step("alt+8", lambda batch: any(e.get("type", "").startswith("object:state-changed:focused") for e in batch))
    images = []

    def image_objects(obj, depth=0):
        try:
            if obj.getRoleName() == "image" and obj.getState().contains(pyatspi.STATE_FOCUSABLE):
                images.append(obj)
            if depth < 60:
                for i in range(obj.childCount):
                    child = obj.getChildAtIndex(i)
                    if child is not None:
                        image_objects(child, depth + 1)
        except Exception:
            pass

    image_objects(app)
    report["charts"] = [{"name": o.name, "description": o.description,
                         "showing": o.getState().contains(pyatspi.STATE_SHOWING)} for o in images]
    step("Down", lambda batch: any(e.get("role") == "image" for e in name_changes(batch)))
    report["chartsAfterDown"] = [{"name": o.name, "description": o.description} for o in images]

    # Enterprises: Alt+5 shows the list; its rows (a column view, made once laid out) are read.
    xdotool("key", "--delay", "20", "alt+5")
    rows = []

    def enough_rows():
        found = []
        walk(app, [], found)
        rows[:] = [e for e in found if e["role"] == "table row"]
        return len(rows) > 3

    pump(TIMEOUT, until=enough_rows)
    report["enterpriseRows"] = rows
    report["steps"] = steps
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
