"""The main window: composition only. It is painted before the database is opened; `attach`
fills it once a session exists: the pages (each given a PageContext, never this window), the
app's reminders (ui/reminder_controller.py) and team sync (ui/sync_controller.py) feeding the
top bar, and the crisis the window
shows (ui/page_context.py CurrentCrisis). Locked (ui/locker.py), it shows the lock screen
instead of everything else, until the profile's secret is given again."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.ui.gc_policy import keep_long_lived
from crisisconsole.ui.page_context import CurrentCrisis
from crisisconsole.ui.pages import PageSpec, page_specs
from crisisconsole.ui.widgets.lock_screen import LockScreen
from crisisconsole.ui.widgets.top_bar import TopBar


class _Pages(dict):
    """Built pages by key; asking for one not built yet builds it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self._window = window

    def __missing__(self, key: str) -> QWidget:
        if not any(spec.key == key for spec in self._window.specs):
            raise KeyError(key)
        return self._window.page(key)

    def get(self, key: str, default: QWidget | None = None) -> QWidget | None:
        try:
            return self[key]
        except KeyError:
            return default


PREFERRED_SIZE = QSize(1280, 800)
FRAME_ALLOWANCE = QSize(16, 48)  # a window manager's borders and title bar, before it says


def opens_maximized(available: QSize) -> bool:
    """On a screen that cannot hold the preferred window with its frame (a 1280x720 or
    1366x768 laptop), the window opens maximized: it then fits the work area exactly instead
    of hanging off its bottom edge (seen under openbox: 1280x800 on a 720 px screen)."""
    return (available.width() < PREFERRED_SIZE.width() + FRAME_ALLOWANCE.width()
            or available.height() < PREFERRED_SIZE.height() + FRAME_ALLOWANCE.height())


class MainWindow(QMainWindow):
    first_painted = Signal()
    crisis_changed = Signal(str)

    def __init__(self) -> None:
        self._painted = False
        super().__init__()
        self.setWindowTitle(self.tr("Crisisconsole"))
        self.resize(PREFERRED_SIZE)
        self.session = None
        self.crisis = CurrentCrisis(self)
        self.crisis.changed.connect(self.crisis_changed)
        self.page_context = None
        self.reminders = None
        self.sync = None
        self.top_bar = TopBar()
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(self.tr("Navigatie"))
        self.nav.setFixedWidth(200)
        # A title longer than the column (another language) wraps onto a second line.
        self.nav.setWordWrap(True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.locked = QLabel(self.tr("Database wordt geopend…"))
        self.locked.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.locked.setObjectName("lockedLabel")
        self.stack.addWidget(self.locked)
        body = QWidget()  # the navigation is of fixed width: a splitter only left a gap
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_bar)
        layout.addWidget(body, 1)
        self.lock_screen = LockScreen()
        self.lock_screen.unlock_requested.connect(self._unlock_with)
        self.screens = QStackedWidget()
        self.screens.addWidget(central)
        self.screens.addWidget(self.lock_screen)
        self.setCentralWidget(self.screens)
        self.locker = None
        self._title = self.windowTitle()
        self.pages = _Pages(self)
        self.specs: list[PageSpec] = []
        self.nav.currentRowChanged.connect(self._show_row)
        self.top_bar.crisis_chosen.connect(self.select_crisis)
        self.top_bar.grip_clicked.connect(self.change_grip)
        self.statusBar().showMessage(self.tr("Vergrendeld"))
        from crisisconsole.ui.main_actions import MainActions

        self.actions = MainActions(self)

    # -- first paint -------------------------------------------------------------------------
    def show_on_screen(self) -> None:
        """Show the window so that all of it is on the screen it opens on."""
        screen = self.screen()
        if screen is not None and opens_maximized(screen.availableGeometry().size()):
            self.showMaximized()
        else:
            self.show()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if not getattr(self, "_painted", True) and event.type() in (QEvent.Type.Paint, QEvent.Type.UpdateRequest):
            self._painted = True
            self.first_painted.emit()
        return handled

    @property
    def crisis_id(self) -> str | None:
        return self.crisis.id

    # -- session -----------------------------------------------------------------------------
    def attach(self, session) -> None:  # noqa: ANN001 - ui.session.Session
        """Fill the window for an unlocked session: pages by role, crises, state, reminders.

        Only the first page is built now; each other page is built when it is first shown or
        asked for (``page``). Building them all right after start-up held the GUI thread for
        a few hundred milliseconds exactly when the aide starts to type (issue 19)."""
        from crisisconsole.ui.page_context import PageContext
        from crisisconsole.ui.reminder_controller import ReminderController

        self.session = session
        def show_error(error: BaseException) -> None:  # late-bound: the window's, whenever
            self.show_error(error)

        self.reminders = ReminderController(session, show_error, self.windowIcon(), self)
        self.reminders.overdue_changed.connect(self.top_bar.set_overdue)
        self.reminders.overdue_summary_changed.connect(self.top_bar.overdue_button.setToolTip)
        self.top_bar.overdue_clicked.connect(self.show_overdue)
        self._attach_sync(session, show_error)
        self.page_context = PageContext(session, self.crisis, show_error,
                                        self.statusBar().showMessage, self.reminders)
        role = session.actor.role.value
        self.specs = [s for s in page_specs() if role in s.roles]
        self.nav.clear()
        self._holders: dict[str, QWidget] = {}
        for index, spec in enumerate(self.specs):
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(spec.title)
            self.nav.addItem(item)
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._holders[spec.key] = holder
            self.stack.addWidget(holder)
            if spec.shortcut:
                key = QShortcut(QKeySequence(spec.shortcut), self)
                key.setWhatsThis(self.tr("Naar %1").replace("%1", spec.title))
                key.activated.connect(partial(self.nav.setCurrentRow, index))
        self._fit_nav()
        self.top_bar.set_profile(f"{session.shown_name} ({session.role_label})")
        self.statusBar().showMessage(self.tr("Database: %1").replace("%1", str(session.store.path)))
        session.changed.connect(self._changed)  # not lazy: the top bar is always on screen
        self.actions.start_auto_backup()
        from crisisconsole.ui.locker import Locker

        self.locker = Locker(self)
        self.refresh_crises()
        self.nav.setCurrentRow(0)
        QTimer.singleShot(0, self, self.reminders.start)

    def _attach_sync(self, session, show_error) -> None:  # noqa: ANN001
        """Team mode: rounds off the GUI thread once the database turns out to be enrolled."""
        from crisisconsole.ui.sync_controller import SyncController

        self.sync = SyncController(session, show_error, parent=self)
        self.sync.state_changed.connect(self.top_bar.set_sync)
        self.sync.enrolled_changed.connect(lambda _enrolled: self.actions.show_state())
        self.sync.conflicts_changed.connect(self.top_bar.set_conflicts)
        self.top_bar.conflicts_clicked.connect(lambda: self.show_page("log"))
        QTimer.singleShot(0, self, self.sync.start)

    def _fit_nav(self) -> None:
        """Titles wrap at spaces; the column widens only for a word longer than it (a longer
        language), so no title is cut off."""
        metrics = self.nav.fontMetrics()
        widest = max((metrics.horizontalAdvance(word) for s in self.specs
                      for word in s.title.split()), default=0)
        # 12 px item padding on either side (the theme), the frame and a little air.
        self.nav.setFixedWidth(max(200, widest + 2 * 12 + 2 * self.nav.frameWidth() + 8))

    def page(self, key: str) -> QWidget:
        """The page for `key`, built now if it was not yet."""
        if key not in self.pages:
            spec = next(s for s in self.specs if s.key == key)
            page = spec.factory(self.page_context)
            self.pages[key] = page
            self._holders[key].layout().addWidget(page)
            self._compose(page)
            keep_long_lived()  # a page lives as long as the window (ui/gc_policy.py)
        return self.pages[key]

    def _compose(self, page: QWidget) -> None:
        """A page that points at an entry or a topic (the Kaart) asks through a signal; the
        window shows it in its own page, so pages never import each other."""
        if hasattr(page, "entry_chosen"):
            page.entry_chosen.connect(self.show_entry)
        if hasattr(page, "topic_chosen"):
            page.topic_chosen.connect(self.show_topic)

    def show_entry(self, entry_id: str) -> None:
        self.show_page("log")
        log = self.page("log")
        if hasattr(log, "select_entry"):
            log.select_entry(entry_id)

    def show_topic(self, topic_id: str) -> None:
        if not any(s.key == "picture" for s in self.specs):
            return
        self.show_page("picture")
        picture = self.page("picture")
        if hasattr(picture, "select_topic"):
            picture.select_topic(topic_id)

    def _changed(self, changes) -> None:  # noqa: ANN001 - services...changes.Changes
        from crisisconsole.services.foundation.changes import Kind

        if Kind.CRISIS in changes.kinds:
            self.refresh_crises()

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.specs):
            key = self.specs[row].key
            self.page(key)
            self.stack.setCurrentWidget(self._holders[key])

    def show_page(self, key: str) -> None:
        for row, spec in enumerate(self.specs):
            if spec.key == key:
                self.nav.setCurrentRow(row)

    def refresh_crises(self) -> None:
        if self.session is None:
            return
        items = self.session.crises()
        open_items = [c for c in items if not c.closed] or items
        chosen_now = False
        if self.crisis_id is None and open_items:
            non_exercise = [c for c in open_items if not c.exercise]
            self.crisis.choose((non_exercise or open_items)[0].id, announce=False)
            chosen_now = True
        labels = [(c.id, c.name + (" (gesloten)" if c.closed else "")
                   + (" [OEFENING]" if c.exercise else "")) for c in items]
        self.top_bar.set_crises(labels, self.crisis_id)
        self._show_current()
        if chosen_now:
            self.crisis.changed.emit(self.crisis_id)

    def _show_current(self) -> None:
        from crisisconsole.domain.crisis import grip_label

        crisis = self.current_crisis()
        if crisis is None:
            self.top_bar.show_crisis(self.tr("GRIP –"), False)
            return
        self.top_bar.show_crisis(grip_label(crisis.grip), crisis.exercise)
        title = self.tr("Crisisconsole") + f" — {crisis.name}"
        self.setWindowTitle(title + (" — OEFENING" if crisis.exercise else ""))

    def current_crisis(self):  # noqa: ANN201 - Crisis | None
        if self.session is None or self.crisis_id is None:
            return None
        for crisis in self.session.crises():
            if crisis.id == self.crisis_id:
                return crisis
        return None

    def select_crisis_after_refresh(self, crisis_id: str) -> None:
        self.session.crises_changed()
        self.crisis.choose(crisis_id, announce=False)
        self.refresh_crises()
        self.crisis.changed.emit(crisis_id)

    def select_crisis(self, crisis_id: str) -> None:
        self.crisis.choose(crisis_id, announce=False)
        box = self.top_bar.crisis_box
        if box.currentData() != crisis_id:
            box.setCurrentIndex(box.findData(crisis_id))
        self._show_current()
        self.crisis.changed.emit(crisis_id)

    def show_overdue(self):  # noqa: ANN201 - QDialog | None
        """The top bar's overdue count, clicked: the list per crisis, each item a jump."""
        if self.reminders is None:
            return None
        dialog = self.reminders.show_overdue(self, self.crisis_id)
        dialog.jump_requested.connect(self.show_overdue_item)
        return dialog

    def show_overdue_item(self, kind: str, crisis_id: str, item_id: str) -> None:
        """An overdue obligation (its measure) or request, in its own crisis and page."""
        key = "measures" if kind == "measure" else "requests"
        if crisis_id != self.crisis_id:
            self.select_crisis(crisis_id)
        if not any(s.key == key for s in self.specs):
            return
        self.show_page(key)
        page = self.page(key)
        if hasattr(page, "select_item"):
            page.select_item(item_id)

    def change_grip(self) -> None:
        crisis = self.current_crisis()
        if crisis is None:
            QMessageBox.information(self, self.tr("GRIP"), self.tr("Open eerst een crisis."))
            return
        from crisisconsole.ui.dialogs.grip_dialog import GripDialog

        dialog = GripDialog(crisis, self)
        dialog.submit_through(self.session, lambda v: self.session.set_grip(
            crisis.id, v["level"], v["note"]), lambda _crisis: self.refresh_crises(), origin=self)
        dialog.exec()

    # -- locking -----------------------------------------------------------------------------
    @property
    def is_locked(self) -> bool:
        return self.screens.currentWidget() is self.lock_screen

    def lock(self) -> None:
        """Hide everything of the crisis and drop the cards key from memory."""
        if self.session is None or self.is_locked:
            return
        from PySide6.QtWidgets import QApplication, QDialog

        for widget in QApplication.topLevelWidgets():  # an open dialog may show crisis data
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self._title = self.windowTitle()
        self.session.ctx.cards_key = None
        self.screens.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        self.setWindowTitle(self.tr("Crisisconsole — vergrendeld"))
        self.statusBar().showMessage(self.tr("Vergrendeld"))
        self.lock_screen.show_for(self.session.actor.name)

    def _unlock_with(self, secret: str) -> None:
        from crisisconsole.services.foundation.sign_in import sign_in

        session = self.session
        store, name = session.store, session.actor.name
        session.run(lambda: sign_in(store, name, secret), self._unlocked,
                    lambda error: self.lock_screen.refuse(getattr(error, "message", str(error))))

    def _unlocked(self, signed) -> None:  # noqa: ANN001 - services.sign_in.SignedIn
        if signed.profile.id != self.session.actor.id:
            return
        self.session.ctx.cards_key = signed.ctx.cards_key
        self.screens.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        self.setWindowTitle(self._title)
        self.statusBar().showMessage(self.tr("Database: %1").replace("%1", str(self.session.store.path)))
        if self.locker is not None:
            self.locker.unlocked()

    def show_error(self, error: BaseException) -> None:
        from crisisconsole.ui.errors import show_error

        if self.session is not None and self.session.closed:
            # A late refresh after the store closed (the window is going away): no dialog on a
            # window being torn down; the log keeps it.
            logging.getLogger("crisisconsole.ui").warning("after close: %s", error)
            return
        show_error(self, error)
