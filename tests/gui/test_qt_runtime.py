"""The Qt binding itself: PySide6 6.12.0 drops a reference to None on every call of a void
method, which aborts a long session on Python 3.11 ("none_dealloc"). pyproject excludes it;
this test fails if such a build comes back."""

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 50
