"""Before Qt starts on X11: is there a display, and are the xcb libraries there?

Without them Qt's xcb plugin prints a page about plugins and aborts the process (SIGABRT, a
core dump). We look first, with ctypes only (no Qt), and say in one line what is missing and
which Debian/Ubuntu packages bring it. Wayland sessions and other platforms (offscreen,
windows, cocoa) are left to Qt.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass

# Not named `tr`: lupdate would take these core messages for Qt strings.
from crisisconsole.i18n import tr as in_language

# What Qt's xcb platform plugin (plugins/platforms/libqxcb.so and lib/libQt6XcbQpa.so.6)
# links against, found with `ldd`, and the Debian/Ubuntu package of each.
# tests/gui/test_display_check.py checks this against the plugin that is installed.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
# Needed by the OpenGL integration only; Qt runs without it, so it is installed, not required.
XCB_OPTIONAL: dict[str, str] = {"libxcb-glx.so.0": "libxcb-glx0"}


@dataclass(frozen=True)
class DisplayProblem:
    message: str


def uses_xcb(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will start on X11: asked for, or the default on Linux outside Wayland."""
    asked = env.get("QT_QPA_PLATFORM", "").strip()
    if asked:
        return asked.split(";")[0].split(":")[0] == "xcb"
    return platform.startswith("linux") and not env.get("WAYLAND_DISPLAY")


def missing_libraries(names: Mapping[str, str] = XCB_LIBRARIES) -> list[str]:
    missing = []
    for soname in names:
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(soname)
    return missing


def _can_connect(display: str) -> bool:
    xcb = ctypes.CDLL("libxcb.so.1")
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)


def check_display(env: Mapping[str, str] | None = None,
                  libraries: Mapping[str, str] = XCB_LIBRARIES,
                  platform: str = sys.platform) -> DisplayProblem | None:
    """None when Qt can start (or it is not ours to judge), else what stands in the way."""
    env = os.environ if env is None else env
    if not uses_xcb(env, platform):
        return None
    display = env.get("DISPLAY", "").strip()
    if not display:
        return DisplayProblem(in_language(
            "geen beeldscherm: DISPLAY is niet gezet. Start de app in een grafische sessie, of "
            "gebruik de opdrachtregel (crisisconsole --help)",
            "no display: DISPLAY is not set. Start the app in a graphical session, or use the "
            "command line (crisisconsole --help)"))
    missing = missing_libraries(libraries)
    if missing:
        packages = " ".join(libraries[name] for name in missing)
        return DisplayProblem(in_language(
            f"de X11-bibliotheken van Qt ontbreken ({', '.join(missing)}); installeer ze, op "
            f"Debian/Ubuntu met: sudo apt-get install {packages}",
            f"Qt's X11 libraries are missing ({', '.join(missing)}); install them, on "
            f"Debian/Ubuntu with: sudo apt-get install {packages}"))
    if not _can_connect(display):
        return DisplayProblem(in_language(
            f"kan het beeldscherm {display} niet openen (DISPLAY): draait de X-server, en mag "
            f"deze gebruiker erop?",
            f"cannot open the display {display} (DISPLAY): is the X server running, and may "
            f"this user use it?"))
    return None
