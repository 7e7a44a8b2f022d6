"""Locking the window: after an idle time the user sets (default 10 minutes), on the system's
lock signal where Qt gives one (the freedesktop and GNOME ScreenSaver ``ActiveChanged`` D-Bus
signal through QtDBus), or by hand. While locked nothing of the crisis is visible and the
session holds no cards key; the profile's secret unlocks again (audited like every sign-in).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication

from crisisconsole import settings
from crisisconsole.services.foundation.changes import Changes, Kind

_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                    QEvent.Type.MouseMove, QEvent.Type.TouchBegin})
SCREENSAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


def idle_minutes() -> int:
    try:
        return max(1, int(settings.load().get("lock_minutes") or 10))
    except (TypeError, ValueError):
        return 10


class Locker(QObject):
    """Owns the idle timer and the system hook; the window does the showing and hiding."""

    def __init__(self, window) -> None:  # noqa: ANN001 - MainWindow
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.system_signal = False
        self.apply_settings()
        QApplication.instance().installEventFilter(self)
        self.system_signal = self._connect_screensaver()
        window.session.changed.connect(self._changed)

    def apply_settings(self) -> None:
        self.timer.setInterval(idle_minutes() * 60_000)
        if not self.window.is_locked:
            self.timer.start()

    def _changed(self, changes: Changes) -> None:
        """The lock time is a user setting: a save anywhere in the app applies it at once."""
        if Kind.PREFERENCES in changes.kinds:
            self.apply_settings()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _INPUT and not self.window.is_locked and self.window.session:
            self.timer.start()  # restart: the idle time counts from the last input
        return False

    @Slot()
    def lock(self) -> None:
        self.timer.stop()
        self.window.lock()

    def unlocked(self) -> None:
        self.timer.start()

    @Slot(bool)
    def screensaver_changed(self, active: bool) -> None:
        if active:
            self.lock()

    def _connect_screensaver(self) -> bool:
        """Listen for the desktop's lock signal; False (and no error) where there is none."""
        try:
            from PySide6.QtCore import SLOT
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return False
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False
        connected = False
        for service, path, interface in SCREENSAVERS:
            connected |= bool(bus.connect(service, path, interface, "ActiveChanged", self,
                                          SLOT("screensaver_changed(bool)")))
        return connected
