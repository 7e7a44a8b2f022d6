"""The GUI entry: QApplication on a qasync loop, translations, theme, excepthook.

Start-up paints the main window first and only then imports the store (SQLAlchemy, SQLCipher),
unlocks and fills the window, so the aide sees the console at once.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

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


class Startup:
    """Finishes start-up after the first paint: unlock, session, fill the window."""

    def __init__(self, window: MainWindow, launch) -> None:  # noqa: ANN001 - cli GuiLaunch
        self.window = window
        self.launch = launch
        self.session = None

    def continue_after_paint(self) -> None:
        from crisisconsole.errors import CrisisConsoleError
        from crisisconsole.paths import default_db_path
        from crisisconsole.services.foundation.unlock import unlock
        from crisisconsole.ui.session import Session

        launch = self.launch
        path = Path(launch.db) if launch.db else default_db_path()
        signed = None
        if (launch.key is not None or launch.key_file is not None) and launch.secret:
            # The demo (its own database key and profile secrets) opens unlocked, and so does a
            # script that gives a key file and CRISISCONSOLE_PROFILE_SECRET.
            unlocked = None
            try:
                unlocked = unlock(path, key=launch.key, key_file=launch.key_file)
                signed = unlocked.sign_in(launch.profile, launch.secret)
            except CrisisConsoleError:
                if unlocked is not None:
                    unlocked.store.close()
                signed = None
        if signed is None:
            from crisisconsole.ui.dialogs.unlock_dialog import UnlockDialog

            dialog = UnlockDialog(path, self.window, key_file=launch.key_file,
                                  profile=launch.profile, key=launch.key)
            if not dialog.exec():
                QApplication.instance().quit()
                return
            signed = dialog.signed
        self.session = Session(signed.ctx)
        self.window.attach(self.session)
        _probe("INTERACTIVE")
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
    from crisisconsole.ui.errors import install_excepthook
    from crisisconsole.ui.translations import install_translations

    app = make_app()
    install_translations(app, settings.load()["language"])
    apply_theme(app)
    window = MainWindow()
    startup = Startup(window, launch)
    window.first_painted.connect(lambda: _probe("FIRST_PAINT"))
    window.first_painted.connect(lambda: QTimer.singleShot(0, startup.continue_after_paint))
    window.show()
    app.processEvents()  # paint now; the loop, logging and the database come after
    _preload_store_modules()
    setup_logging()
    install_excepthook()
    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    app.aboutToQuit.connect(lambda: startup.session and startup.session.close())
    with loop:
        loop.run_until_complete(_until_quit(app))
    return 0


async def _until_quit(app: QApplication) -> None:
    import asyncio

    done = asyncio.get_event_loop().create_future()
    app.aboutToQuit.connect(lambda: done.done() or done.set_result(None))
    await done
