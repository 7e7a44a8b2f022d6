"""The one error path in the UI: expected failures become a clear message; unexpected ones a
crash dialog plus the log file with the traceback."""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from crisisconsole.crashlog import write_crash_log
from crisisconsole.errors import CrisisConsoleError


def show_error(parent: QWidget | None, error: BaseException) -> None:
    if isinstance(error, CrisisConsoleError):
        QMessageBox.warning(parent, QApplication.translate("errors", "Niet gelukt"), error.message)
        return
    path = write_crash_log(error)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("errors", "Onverwachte fout"))
    box.setText(QApplication.translate(
        "errors", "Er ging iets onverwachts mis. Uw invoer is niet weggegooid. De details staan "
        "in het logbestand:"))
    box.setInformativeText(str(path))
    box.exec()


def install_excepthook() -> None:
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        show_error(QApplication.activeWindow(), value.with_traceback(tb))

    sys.excepthook = hook
