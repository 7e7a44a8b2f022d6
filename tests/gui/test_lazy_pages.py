"""Pages not yet shown are built when first shown (issue 19): right after start-up the window
builds only the first page, so the GUI thread is free when the aide starts to type."""

from PySide6.QtWidgets import QApplication

from crisisconsole.ui.main_window import MainWindow


def test_only_the_first_page_is_built_until_another_is_shown(qtbot, session, crisis):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.attach(session)
    for _ in range(20):  # many loop turns: nothing builds the others meanwhile
        QApplication.processEvents()
    assert set(window.pages) == {"log"}
    window.show_page("measures")
    assert set(window.pages) == {"log", "measures"}
    assert window.stack.currentWidget().layout().itemAt(0).widget() is window.pages["measures"]
    assert window.pages.get("intake") is not None  # asked for: built on the spot
    assert set(window.pages) == {"log", "measures", "intake"}
