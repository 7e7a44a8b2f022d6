"""The app unlocks and signs in on a thread after the first paint (issue 19): the GUI thread
keeps its loop meanwhile, and the window is filled on it once the session exists."""

from crisisconsole.ui.main_window import MainWindow


def test_the_app_signs_in_off_the_gui_thread_and_then_fills_the_window(qtbot, tmp_path):
    from crisisconsole.demo.build import build_demo_database
    from crisisconsole.launch import GuiLaunch
    from crisisconsole.ui.app import Startup

    info = build_demo_database(tmp_path / "demo.db", passphrase="demo demo demo")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    startup = Startup(window, GuiLaunch(db=info.path, key=info.key, profile=info.profile,
                                        secret=info.profile_secret))
    startup.continue_after_paint(background=True)
    assert startup.session is None  # returned at once: the loop runs while it signs in
    qtbot.waitUntil(lambda: startup.session is not None, timeout=60_000)
    try:
        assert window.session is startup.session and not window.is_locked
        assert startup.session.ctx.cards_key is not None
        assert window.pages.get("log") is not None
    finally:
        startup.session.close()


def test_the_sign_in_thread_imports_what_the_first_moments_need():
    """What the window imports right after it turns interactive (APScheduler scans every
    installed package's entry points; team mode's modules) is imported by the sign-in thread's
    preload, in a fresh interpreter as at a real start."""
    import os
    import subprocess
    import sys

    code = ("import sys; from crisisconsole.ui.app import STARTUP_MODULES, PAGE_MODULES, "
            "preload_pages; preload_pages(); "
            "names = [*STARTUP_MODULES, *('crisisconsole.ui.views.' + n for n in PAGE_MODULES)]; "
            "print([n for n in names if n not in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
