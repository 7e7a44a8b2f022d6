"""The log view at scale, measured in its own process for `crisisconsole bench log`
(crisisconsole/bench/log.py builds the crisis and starts this): open the model and a QTableView
offscreen, paint the first page, jump to the oldest entry, data() for every cell of a page, and
the resident memory with it open. Prints one JSON object.

    python -m crisisconsole.ui.bench.log_view DB CRISIS RUNS   (key in CRISISCONSOLE_BENCH_KEY)
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from crisisconsole.bench.log import VIEW_KEY_ENV
from crisisconsole.bench.report import median


def _rss_mb() -> float:
    """Current resident memory (Linux /proc); elsewhere the peak, which is close enough."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return _peak_rss_mb()
    return _peak_rss_mb()


def _peak_rss_mb() -> float:
    import resource  # POSIX only

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_view(store, crisis_id: str, runs: int) -> dict[str, float]:  # noqa: ANN001
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

    from crisisconsole.ui.models.log_table_model import PAGE, LogTableModel

    app = QApplication.instance() or QApplication(["bench"])
    model = LogTableModel(store)
    view = QTableView()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(28)
    view.resize(1200, 800)
    view.setModel(model)
    view.show()
    app.processEvents()
    first, oldest, cells = [], [], []
    for _ in range(runs):
        model.set_crisis(None)
        app.processEvents()
        t0 = time.perf_counter()
        model.set_crisis(crisis_id)
        view.viewport().repaint()
        first.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        view.scrollToBottom()
        view.viewport().repaint()
        oldest.append(time.perf_counter() - t0)
        bottom = model.index(model.rowCount() - 1, 0)
        assert view.visualRect(bottom).isValid()
        view.scrollToTop()
        model.data(model.index(0, 0))  # the first page is in the cache
        display = Qt.ItemDataRole.DisplayRole
        t0 = time.perf_counter()
        for row in range(min(PAGE, model.rowCount())):
            for column in range(6):
                model.data(model.index(row, column), display)
        cells.append(time.perf_counter() - t0)
    app.processEvents()
    rss = _rss_mb()
    view.close()
    return {"first_page_ms": median(first) * 1000, "jump_oldest_ms": median(oldest) * 1000,
            "page_data_ms": median(cells) * 1000, "page_rows": PAGE, "rss_mb": rss}


def main(argv: list[str]) -> int:
    from crisisconsole.store.keys import DatabaseKey, read_salt
    from crisisconsole.store.opening import open_database

    path, crisis_id, runs = Path(argv[0]), argv[1], int(argv[2])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    key = DatabaseKey(bytes.fromhex(os.environ[VIEW_KEY_ENV]), read_salt(path))
    store = open_database(path, None, key=key)
    try:
        print(json.dumps(measure_view(store, crisis_id, runs)))
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
