"""The GUI entry: QApplication on a qasync loop, translations, theme, excepthook.

Start-up paints the main window first and only then imports the store (SQLAlchemy, SQLCipher),
unlocks and fills the window, so the aide sees the console at once.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from crisisconsole.ui.gc_policy import bulk, keep_long_lived
from crisisconsole.ui.main_window import MainWindow

PROBE_ENV = "CRISISCONSOLE_STARTUP_PROBE"


def _probe(mark: str) -> None:
    if os.environ.get(PROBE_ENV):
        print(f"{mark} {time.time():.6f}", flush=True)


def make_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("crisisconsole")
    app.setOrganizationName("crisisconsole")
    app.setDesktopFileName("crisisconsole")
    return app


def apply_theme(app: QApplication) -> None:
    from PySide6.QtGui import QIcon, QPixmap

    from crisisconsole.resources_access import resource_bytes

    app.setStyleSheet(resource_bytes("themes", "default.qss").decode("utf-8"))
    pixmap = QPixmap()
    pixmap.loadFromData(resource_bytes("icons", "crisisconsole.svg"))
    app.setWindowIcon(QIcon(pixmap))


class _Relay(QObject):
    """Carries the background sign-in's outcome to the GUI thread: a queued signal to a slot
    of this object, which lives there."""

    signed = Signal(object)  # SignedIn | None | the unexpected error

    def __init__(self, deliver) -> None:  # noqa: ANN001 - Callable[[object], None]
        super().__init__()
        self._deliver = deliver
        self.signed.connect(self._arrived)

    @Slot(object)
    def _arrived(self, outcome: object) -> None:
        self._deliver(outcome)


PAGE_MODULES = ("log_page", "picture_page", "measures_page", "cards_page", "decisions_page",
                "intake_page", "map_page", "requests_page", "timeline_page", "evaluation_page",
                "network_page")
# What the window's first moments import besides the pages: APScheduler (its module scans
# every installed package's entry points, about 0.2 s) when the reminders start, and team
# mode's modules when the sync controller is made. On the GUI thread they were most of the
# start-up stall that `bench ui-lag` measured after the window turned interactive.
STARTUP_MODULES = ("apscheduler.schedulers.asyncio", "crisisconsole.ui.sync_controller",
                   "crisisconsole.services.team.sync", "crisisconsole.store.server.credentials")


def preload_pages() -> None:
    """The pages' modules, imported on the sign-in thread while the key is derived: a page
    built on first show then finds them loaded (their imports, up to 200 ms each of module
    code, shared-library loading and PySide's source check of every new module, held the
    window's thread when the page was first shown; issue 19). Only modules: no widget is
    made here."""
    import importlib

    for name in (*STARTUP_MODULES, *(f"crisisconsole.ui.views.{n}" for n in PAGE_MODULES)):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001, S112 - its first real use reports it
            continue


class Startup:
    """Finishes start-up after the first paint: unlock, session, fill the window.

    With ``background`` (the app), the unlock and the sign-in (a key derivation of a second or
    so) run on a thread while the window keeps painting; the session is made and the window
    filled on the GUI thread when they are done (issue 19: they held the loop for that long).
    Without it (tests, scripts) all of it happens before ``continue_after_paint`` returns."""

    def __init__(self, window: MainWindow, launch) -> None:  # noqa: ANN001 - cli GuiLaunch
        self.window = window
        self.launch = launch
        self.session = None
        self._relay = _Relay(self._signed_in)

    def continue_after_paint(self, background: bool = False) -> None:
        launch = self.launch
        if not ((launch.key is not None or launch.key_file is not None) and launch.secret):
            self._signed_in(None)
        elif background:
            import threading

            def sign_in() -> None:
                try:
                    # Its imports (the store, SQLAlchemy) set off full collections that held
                    # the GIL up to 300 ms with the window painting (ui/gc_policy.py)
                    with bulk():
                        outcome = self._sign_in_quietly()
                        preload_pages()
                except Exception as error:  # noqa: BLE001 - shown on the GUI thread
                    outcome = error
                self._relay.signed.emit(outcome)

            threading.Thread(target=sign_in, name="sign-in", daemon=True).start()
        else:
            self._signed_in(self._sign_in_quietly())

    def _path(self) -> Path:
        from crisisconsole.paths import default_db_path

        return Path(self.launch.db) if self.launch.db else default_db_path()

    def _sign_in_quietly(self):  # noqa: ANN202 - SignedIn | None
        """The demo (its own database key and profile secrets) opens unlocked, and so does a
        script that gives a key file and CRISISCONSOLE_PROFILE_SECRET; None: ask."""
        from crisisconsole.errors import CrisisConsoleError
        from crisisconsole.services.foundation.unlock import unlock

        launch = self.launch
        unlocked = None
        try:
            unlocked = unlock(self._path(), key=launch.key, key_file=launch.key_file)
            return unlocked.sign_in(launch.profile, launch.secret)
        except CrisisConsoleError:
            if unlocked is not None:
                unlocked.store.close()
            return None

    def _signed_in(self, signed) -> None:  # noqa: ANN001 - SignedIn | None
        from crisisconsole.ui.session import Session

        launch = self.launch
        if isinstance(signed, BaseException):  # unexpected: the crash dialog, then ask
            self.window.show_error(signed)
            signed = None
        if signed is None:
            from crisisconsole.ui.dialogs.unlock_dialog import UnlockDialog

            dialog = UnlockDialog(self._path(), self.window, key_file=launch.key_file,
                                  profile=launch.profile, key=launch.key)
            if not dialog.exec():
                QApplication.instance().quit()
                return
            signed = dialog.signed
        self.session = Session(signed.ctx)
        self.window.attach(self.session)
        _probe("INTERACTIVE")
        keep_long_lived()  # the window, its first page and the session (ui/gc_policy.py)
        self._purge_due_cards()
        if os.environ.get(PROBE_ENV):
            QTimer.singleShot(0, QApplication.instance().quit)

    def _purge_due_cards(self) -> None:
        """Lawful purge of person cards past their deletion date, whoever is signed in: the
        app's own act, on the real clock."""
        from crisisconsole.services.cards.purge import purge_due_automatic

        session = self.session
        session.run(lambda: purge_due_automatic(session.store, session.ctx), lambda _result: None,
                    self.window.show_error)


def _preload_store_modules():  # noqa: ANN202 - threading.Thread
    """Import the store (SQLAlchemy, SQLCipher) on a second core while the event loop is set
    up after the first paint; the unlock then finds most of it loaded."""
    import threading

    def load() -> None:
        import crisisconsole.services.foundation.unlock  # noqa: F401
        import crisisconsole.ui.session  # noqa: F401

    thread = threading.Thread(target=load, name="preload", daemon=True)
    thread.start()
    return thread


def run_gui(launch) -> int:  # noqa: ANN001 - cli GuiLaunch
    from crisisconsole import settings
    from crisisconsole.crashlog import setup_logging
    from crisisconsole.ui.display_check import check_display
    from crisisconsole.ui.errors import install_excepthook
    from crisisconsole.ui.translations import install_translations

    problem = check_display()
    if problem is not None:  # Qt would abort the process; say what is missing instead
        print(f"crisisconsole: {problem.message}", file=sys.stderr)
        return 2
    from crisisconsole.ui import gc_policy

    gc_policy.activate()
    app = make_app()
    gc_policy.collect_on_gui_thread(app)
    install_translations(app, settings.load()["language"])
    apply_theme(app)
    window = MainWindow()
    startup = Startup(window, launch)
    window.first_painted.connect(lambda: _probe("FIRST_PAINT"))
    window.first_painted.connect(
        lambda: QTimer.singleShot(0, lambda: startup.continue_after_paint(background=True)))
    window.show_on_screen()
    app.processEvents()  # paint now; the loop, logging and the database come after
    _preload_store_modules()
    setup_logging()
    install_excepthook()
    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    # Team sync stops (its round under way ends) before the store it writes to closes.
    app.aboutToQuit.connect(lambda: window.sync and window.sync.stop())
    app.aboutToQuit.connect(lambda: startup.session and startup.session.close())
    with loop:
        loop.run_until_complete(_until_quit(app))
    return 0


async def _until_quit(app: QApplication) -> None:
    import asyncio

    done = asyncio.get_event_loop().create_future()
    app.aboutToQuit.connect(lambda: done.done() or done.set_result(None))
    await done
