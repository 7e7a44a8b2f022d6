"""Export and print the log as the log page shows it (its filter): CSV, JSON or PDF through a
file dialog, or paper through the print dialog.

One service call does the reading, the role check and the audit record (``gather_log``, the
same as ``crisisconsole log export``; a print is audited as ``log.print``). An export is made
whole in a child process (ui/import_child.py, as the imports are: in a thread, reading,
laying out and freeing 100,000 entries held the window's GIL for up to 0.7 s, issue 19): the
reading, the CSV/JSON or the PDF, and the writing, with a progress bar whose "Annuleren"
stops it between slices. A frozen build, which cannot start a child, makes it on its worker
(QTextDocument is reentrant, QPainter may paint a QPdfWriter outside the GUI thread). A
stopped export leaves no file (the file is written whole only at the end). A print still
paints on the GUI thread (the printer was set up in its dialog there). The file and print
dialogs are attributes, so a test can answer them without opening a modal dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from crisisconsole.errors import CancelledError
from crisisconsole.progress import Progress
from crisisconsole.services.intake.progress import ImportProgress
from crisisconsole.services.log.export_data import gather_log
from crisisconsole.services.log.export_file import export_log_file
from crisisconsole.ui import import_child

STEPS = 1000  # the progress bar's range

FORMATS = {".pdf": "pdf", ".csv": "csv", ".json": "json"}


translate = QCoreApplication.translate


def _show(progress: Progress, done: int, total: int) -> None:
    """The child's step, for the progress bar (its own stop is the child's)."""
    progress.done, progress.total = done, total


def ask_save_name(parent: QWidget, title: str, suggested: str, filters: str) -> str:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


def new_printer() -> Any:  # noqa: ANN401 - QPrinter
    from PySide6.QtPrintSupport import QPrinter

    return QPrinter(QPrinter.PrinterMode.HighResolution)


def ask_print(printer: Any, parent: QWidget) -> bool:  # noqa: ANN401 - QPrinter
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("LogExport", "Logboek afdrukken"))
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


class LogExport:
    """The log page's export and print; ``page`` gives ``session``, ``ctx``, ``crisis_id``,
    ``current_filter()``, ``show_error`` and ``show_status``."""

    def __init__(self, page: Any) -> None:  # noqa: ANN401 - LogPage
        self.page = page
        self.save_name: Callable[[QWidget, str, str, str], str] = ask_save_name
        self.make_printer: Callable[[], Any] = new_printer
        self.print_dialog: Callable[[Any, QWidget], bool] = ask_print
        self.progress: Progress | None = None  # the export under way
        self.progress_dialog: QProgressDialog | None = None
        self.child: import_child.ChildImport | None = None  # the export's child process

    @property
    def busy(self) -> bool:
        return self.progress is not None

    def _crisis(self) -> str | None:
        crisis_id = self.page.crisis_id
        if crisis_id is None:
            self.page.show_status(translate("LogExport", "Open eerst een crisis."), 5000)
        return crisis_id

    def ask_export(self) -> None:
        if self._crisis() is None:
            return
        path = self.save_name(self.page, translate("LogExport", "Logboek exporteren"),
                              str(Path.home() / "logboek.pdf"),
                              translate("LogExport", "PDF (*.pdf);;CSV (*.csv);;JSON (*.json)"))
        if path:
            target = Path(path)
            if target.suffix.lower() not in FORMATS:
                target = target.with_suffix(".pdf")
            self.export_to(target)

    def export_to(self, path: Path) -> None:
        """What the page shows now, in the format of the file's extension (the file dialog
        asked about overwriting already)."""
        crisis_id = self._crisis()
        if crisis_id is None:
            return
        if self.progress is not None:
            self.page.show_status(translate("LogExport", "Er loopt al een export."), 5000)
            return
        fmt = FORMATS.get(path.suffix.lower(), "pdf")
        page, ctx, flt = self.page, self.page.ctx, self.page.current_filter()
        progress = self.progress = Progress()
        if import_child.possible():  # the whole export in a child process (issue 19)
            job = {"kind": "log_export", "crisis": crisis_id, "path": str(path), "format": fmt,
                   "filter": import_child.pickled(flt)}
            relay = ImportProgress(lambda done, total: _show(progress, done, total))
            self.child = import_child.ChildImport(ctx, job, relay)
            work = self.child.run
        else:  # a frozen build: on the worker, in slices
            def work() -> int:
                return export_log_file(ctx, crisis_id, flt, path, fmt, progress)

        def done(count: int) -> None:
            self.last_child = self.child  # which process made it (tests read it)
            self._finish()
            page.show_status(translate("LogExport", "%1 meldingen geëxporteerd naar %2")
                             .replace("%1", str(count)).replace("%2", str(path)), 8000)
            self.last_export = path

        def failed(error: BaseException) -> None:
            self._finish()
            if isinstance(error, CancelledError):
                page.show_status(translate("LogExport", "Export geannuleerd; er is geen "
                                                        "bestand geschreven."), 8000)
                return
            page.show_error(error)

        self._show_progress(progress)
        page.session.run_import(work, done, failed, origin=page)

    def _show_progress(self, progress: Progress) -> None:
        dialog = QProgressDialog(translate("LogExport", "Logboek exporteren…"),
                                 translate("LogExport", "Annuleren"), 0, STEPS, self.page)
        dialog.setWindowTitle(translate("LogExport", "Logboek exporteren"))
        dialog.setWindowModality(Qt.WindowModality.NonModal)  # typing goes on meanwhile
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        timer = QTimer(dialog)
        timer.setInterval(100)
        timer.timeout.connect(lambda: dialog.setValue(int(progress.fraction * (STEPS - 1))))
        timer.start()
        self.progress_dialog = dialog

    def cancel(self) -> None:
        """What "Annuleren" does: the export stops at its next slice (in the child: told
        through its pipe)."""
        if self.progress is not None:
            self.progress.cancel()
        if self.child is not None and self.child.progress is not None:
            self.child.progress.cancel()

    def _finish(self) -> None:
        self.progress = self.child = None
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect()
            dialog.close()
            dialog.deleteLater()

    def ask_print(self) -> None:
        """The print dialog first; the log is read (and the print audited) once it is OK."""
        crisis_id = self._crisis()
        if crisis_id is None:
            return
        printer = self.make_printer()
        if not self.print_dialog(printer, self.page):
            return
        self.print_to(printer)

    def print_to(self, printer: Any) -> None:  # noqa: ANN401 - QPrinter
        from crisisconsole.interchange.log_pdf import print_log

        crisis_id = self._crisis()
        if crisis_id is None:
            return
        page, ctx, flt = self.page, self.page.ctx, self.page.current_filter()

        def paint(data: dict) -> None:
            try:
                pages = print_log(printer, data)
            except Exception as error:  # noqa: BLE001 - the one error path
                page.show_error(error)
                return
            page.show_status(translate("LogExport", "Logboek afgedrukt: %1 meldingen, %2 pagina's")
                             .replace("%1", str(len(data["entries"])))
                             .replace("%2", str(pages)), 8000)
            self.last_print = printer

        page.session.run(lambda: gather_log(ctx, crisis_id, flt, action="log.print"), paint,
                         page.show_error, origin=page)
