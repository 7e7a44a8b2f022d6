"""Without a display, or without Qt's xcb libraries, the app says so instead of aborting."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

from crisisconsole.ui.display_check import (
    XCB_LIBRARIES,
    XCB_OPTIONAL,
    _can_connect,
    check_display,
    uses_xcb,
)

ROOT = Path(__file__).resolve().parents[2]
QT = Path(PySide6.__file__).resolve().parent / "Qt"


def test_only_x11_is_ours_to_judge():
    assert uses_xcb({}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not uses_xcb({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux")
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not uses_xcb({}, "win32")
    assert check_display({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_no_display_is_named():
    problem = check_display({}, platform="linux")
    assert problem is not None and "DISPLAY" in problem.message


def test_a_missing_library_is_named_with_its_package():
    libraries = {"libxcb.so.1": "libxcb1", "libcrisisconsole-absent.so.7": "crisis-absent7"}
    problem = check_display({"DISPLAY": ":93"}, libraries, platform="linux")
    assert problem is not None
    assert "libcrisisconsole-absent.so.7" in problem.message
    assert "apt-get install crisis-absent7" in problem.message
    assert "libxcb.so.1" not in problem.message


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 only")
def test_a_display_nobody_serves_is_named():
    assert not _can_connect(":93")
    problem = check_display({"DISPLAY": ":93"}, {"libxcb.so.1": "libxcb1"}, platform="linux")
    assert problem is not None and ":93" in problem.message


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 only")
def test_the_app_without_a_display_exits_2_with_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["CRISISCONSOLE_HOME"] = str(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "crisisconsole"], env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "DISPLAY" in lines[0], proc.stderr


@pytest.mark.skipif(shutil.which("ldd") is None or not (QT / "plugins/platforms/libqxcb.so")
                    .is_file(), reason="needs ldd and PySide6's xcb plugin (Linux)")
def test_the_list_covers_what_the_installed_xcb_plugin_links_against():
    linked: set[str] = set()
    for binary in (QT / "plugins/platforms/libqxcb.so", QT / "lib/libQt6XcbQpa.so.6",
                   *sorted((QT / "plugins/xcbglintegrations").glob("*.so"))):
        out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True).stdout
        linked |= set(re.findall(r"^\s*((?:libxcb|libX11|libxkbcommon)[\w.\-]*\.so[\w.]*)", out,
                                 re.M))
    known = {**XCB_LIBRARIES, **XCB_OPTIONAL}
    assert linked - known.keys() == set()
    assert "libxcb-icccm.so.4" in linked


def test_readme_and_ci_install_every_package_the_check_names():
    packages = set(XCB_LIBRARIES.values()) | set(XCB_OPTIONAL.values())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install = re.search(r"sudo apt-get install ([^`]+)```", readme, re.S)
    assert install is not None
    assert packages <= set(install.group(1).replace("\\", " ").split())
    ci_list = re.search(r'XCB_PACKAGES="([^"]+)"', ci)
    assert ci_list is not None and packages <= set(ci_list.group(1).split())
