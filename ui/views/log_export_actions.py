"""Export and print the log as the log page shows it (its filter): CSV, JSON or PDF through a
file dialog, or paper through the print dialog.

One service call does the reading, the role check and the audit record (``gather_log``, the
same as ``crisisconsole log export``; a print is audited as ``log.print``); the file or the
pages are then made here on the GUI thread (Qt's fonts and PDF writer live there). The file
and print dialogs are attributes, so a test can answer them without opening a modal dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from crisisconsole import safe_files
from crisisconsole.services.log.export_data import gather_log

FORMATS = {".pdf": "pdf", ".csv": "csv", ".json": "json"}


translate = QCoreApplication.translate


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

    def _crisis(self) -> str | None:
        crisis_id = self.page.crisis_id
        if crisis_id is None:
            self.page.show_status(translate("LogExport", "Open eerst een crisis."), 5000)
        return crisis_id

    def ask_export(self) -> None:
        if self._crisis() is None:
            return
        path = self.save_name(self.page, translate("LogExport", "Logboek exporteren"), "logboek.pdf",
                              translate("LogExport", "PDF (*.pdf);;CSV (*.csv);;JSON (*.json)"))
        if path:
            target = Path(path)
            if target.suffix.lower() not in FORMATS:
                target = target.with_suffix(".pdf")
            self.export_to(target)

    def export_to(self, path: Path) -> None:
        """What the page shows now, in the format of the file's extension (the file dialog
        asked about overwriting already)."""
        from crisisconsole.interchange.log_export import WRITERS

        crisis_id = self._crisis()
        if crisis_id is None:
            return
        fmt = FORMATS.get(path.suffix.lower(), "pdf")
        page, ctx, flt = self.page, self.page.ctx, self.page.current_filter()

        def write(data: dict) -> None:
            try:
                safe_files.write_bytes(path, WRITERS[fmt](data), overwrite=True)
            except Exception as error:  # noqa: BLE001 - the one error path
                page.show_error(error)
                return
            page.show_status(translate("LogExport", "%1 meldingen geëxporteerd naar %2")
                             .replace("%1", str(len(data["entries"]))).replace("%2", str(path)),
                             8000)
            self.last_export = path

        page.session.run(lambda: gather_log(ctx, crisis_id, flt), write, page.show_error,
                         origin=page)

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
