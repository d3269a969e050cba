#!/usr/bin/env python3
"""Cold start to first frame, measured from outside the applications, side by side.

Starts a private X server (Xvfb, black root window), then starts each command in turn (a new
process every run, alternating between the commands, after one warm-up run of each that is not
counted) and measures, with Xlib through ctypes:
  - map:   from just before the process is started until its first top-level window is mapped;
  - frame: until that window shows something drawn (a pixel of its header row or middle row is no
           longer the black of the empty window), i.e. the first frame is on screen;
  - cpu:   the processor time the process used until then (all its threads, from
           /proc/PID/task/*/schedstat), which a busy machine changes less than the wall-clock times.
Each process is then terminated (by its own id). Prints one line per command with the medians,
and the table of every run with --verbose.

Usage: startup-bench.py [--runs N] [--verbose] NAME=COMMAND [NAME=COMMAND ...]
Run it inside a D-Bus session (dbus-run-session) so both applications find a session bus.
"""
import argparse
import ctypes
import ctypes.util
import os
import select
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time

MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
Z_PIXMAP = 2


class XMapEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("event", ctypes.c_ulong), ("window", ctypes.c_ulong),
                ("override_redirect", ctypes.c_int)]


class XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", XMapEvent), ("pad", ctypes.c_long * 24)]


class XImage(ctypes.Structure):
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.POINTER(ctypes.c_ubyte)),
                ("byte_order", ctypes.c_int), ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int),
                ("bitmap_pad", ctypes.c_int), ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int),
                ("bits_per_pixel", ctypes.c_int)]


class XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                ("root", ctypes.c_ulong), ("class", ctypes.c_int), ("bit_gravity", ctypes.c_int),
                ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
                ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int), ("colormaps", ctypes.c_ulong),
                ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
                ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
                ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]


x11 = ctypes.CDLL(ctypes.util.find_library("X11"))
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
x11.XDefaultRootWindow.restype = ctypes.c_ulong
x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x11.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
x11.XPending.argtypes = [ctypes.c_void_p]
x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
x11.XConnectionNumber.argtypes = [ctypes.c_void_p]
x11.XFlush.argtypes = [ctypes.c_void_p]
x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
x11.XGetImage.restype = ctypes.POINTER(XImage)
x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                          ctypes.c_ulong, ctypes.c_int]
x11.XFree.argtypes = [ctypes.c_void_p]
x11.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(XWindowAttributes)]
ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
x11.XSetErrorHandler.argtypes = [ERROR_HANDLER]
_ignore_errors = ERROR_HANDLER(lambda display, event: 0)  # a window gone between two requests


def start_server():
    """A private Xvfb with a black root window; returns (process, display name)."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-br", "-nolisten", "tcp"],
                              pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read, 16)
        if not chunk:
            raise SystemExit("startup-bench: Xvfb did not start")
        number += chunk
    os.close(read)
    return server, ":" + number.decode().strip()


def drawn(display, window):
    """True when the window's header row or middle row has a pixel that is not black."""
    attributes = XWindowAttributes()
    if not x11.XGetWindowAttributes(display, window, ctypes.byref(attributes)) or attributes.width <= 0:
        return False
    for y in (min(20, attributes.height - 1), attributes.height // 2):
        image = x11.XGetImage(display, window, 0, y, attributes.width, 1, 0xFFFFFFFF, Z_PIXMAP)
        if not image:
            continue
        row = image.contents
        size = row.bytes_per_line
        data = ctypes.string_at(row.data, size)
        x11.XFree(row.data)
        x11.XFree(image)
        if data.strip(b"\x00"):
            return True
    return False


def cpu_milliseconds(pid):
    """Processor time of every thread of a process so far."""
    total = 0
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                    total += int(f.read().split()[0])
            except (OSError, ValueError, IndexError):
                pass
    except OSError:
        pass
    return total / 1e6


def measure(display, root, command, env, timeout=30.0):
    """Starts `command`; returns (ms to the first map, ms to the first drawn frame, cpu ms until then)."""
    event = XEvent()
    while x11.XPending(display):
        x11.XNextEvent(display, ctypes.byref(event))
    fd = x11.XConnectionNumber(display)
    start = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    window, mapped, frame, cpu = None, None, None, None
    try:
        while time.monotonic() - start < timeout:
            if window is None:
                select.select([fd], [], [], 0.05)
            while x11.XPending(display):
                x11.XNextEvent(display, ctypes.byref(event))
                if event.type == MAP_NOTIFY and event.xmap.event == root and window is None:
                    window, mapped = event.xmap.window, time.monotonic()
            if window is not None:
                if drawn(display, window):
                    frame = time.monotonic()
                    cpu = cpu_milliseconds(process.pid)
                    break
                time.sleep(0.001)
            if process.poll() is not None:
                raise SystemExit(f"startup-bench: {command[0]} exited with status {process.returncode} before drawing")
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    if frame is None:
        raise SystemExit(f"startup-bench: no frame from {command[0]} within {timeout} s")
    return (mapped - start) * 1e3, (frame - start) * 1e3, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("apps", nargs="+", metavar="NAME=COMMAND")
    args = parser.parse_args()
    apps = []
    for spec in args.apps:
        name, _, command = spec.partition("=")
        if not command:
            parser.error(f"expected NAME=COMMAND, got {spec!r}")
        apps.append((name, shlex.split(command)))

    server, name = start_server()
    try:
        display = x11.XOpenDisplay(name.encode())
        if not display:
            raise SystemExit(f"startup-bench: cannot open display {name}")
        x11.XSetErrorHandler(_ignore_errors)
        root = x11.XDefaultRootWindow(display)
        x11.XSelectInput(display, root, SUBSTRUCTURE_NOTIFY_MASK)
        x11.XSync(display, 0)
        results = {app: [] for app, _ in apps}
        with tempfile.TemporaryDirectory(prefix="gongkai-startup-") as scratch:
            for run in range(args.runs + 1):
                for app, command in apps:
                    # A fresh home for the run (no session to restore, no recent files, no drafts).
                    home = os.path.join(scratch, f"{app}-{run}")
                    env = dict(os.environ, DISPLAY=name, GSETTINGS_BACKEND="memory",
                               XDG_CONFIG_HOME=home + "/config", XDG_DATA_HOME=home + "/data",
                               XDG_STATE_HOME=home + "/state", XDG_CACHE_HOME=home + "/cache")
                    mapped, frame, cpu = measure(display, root, command, env)
                    if run > 0:  # the first run of each warms the file cache and the session bus
                        results[app].append((mapped, frame, cpu))
                    if args.verbose:
                        print(f"  run {run} {app}: mapped {mapped:.1f} ms, first frame {frame:.1f} ms, cpu {cpu:.1f} ms"
                              + (" (warm-up, not counted)" if run == 0 else ""), flush=True)
        for app, _ in apps:
            maps = [m for m, _, _ in results[app]]
            frames = [f for _, f, _ in results[app]]
            cpus = [c for _, _, c in results[app]]
            print(f"startup {app}: process start → first frame drawn median {statistics.median(frames):.0f} ms "
                  f"(min {min(frames):.0f}, max {max(frames):.0f}); → window mapped median {statistics.median(maps):.0f} ms; "
                  f"processor time until the frame median {statistics.median(cpus):.0f} ms (min {min(cpus):.0f}) "
                  f"({len(frames)} runs, load average {os.getloadavg()[0]:.1f})")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
