"""A page's watch rests after a slow refresh (issue 19): the next one waits five times as long
as the last took (at least 250 ms, at most 1 s), so a slow page leaves the GUI thread free for
typing during a long import. The clock is a fake: no test waits for real time."""

from PySide6.QtWidgets import QWidget

from crisisconsole.services.foundation.changes import Changes, Kind
from crisisconsole.ui.change_feed import COALESCE_MS, MAX_COALESCE_MS, Watch


class _Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def _change(n: int) -> Changes:
    return Changes(frozenset({Kind.LOG}), (f"e{n}",), "c1")


def test_a_slow_refresh_makes_the_next_one_wait_longer(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    page.show()
    clock = _Clock()
    handed: list[Changes] = []

    def slow_slot(changes: Changes) -> None:
        handed.append(changes)
        clock.t += 0.1  # this refresh "took" 100 ms

    watch = Watch({Kind.LOG}, slow_slot, page)
    watch.clock = clock
    watch.arrived(_change(1))
    assert watch._timer.interval() == COALESCE_MS  # nothing slow yet
    watch._timer.stop()
    watch._flush()
    assert [c.ids for c in handed] == [("e1",)]
    watch.arrived(_change(2))
    watch.arrived(_change(3))
    assert watch._timer.interval() == 500  # 5 x 100 ms
    watch._timer.stop()
    clock.t += 0.45  # most of the rest is over by the time the next change comes
    watch._flush()
    assert handed[-1].ids == ("e2", "e3")  # merged, once
    clock.t += 10
    watch.arrived(_change(4))
    assert watch._timer.interval() == COALESCE_MS  # rested long enough
    watch._timer.stop()

    def very_slow(changes: Changes) -> None:
        clock.t += 5

    watch.slot = very_slow
    watch._flush()
    watch.arrived(_change(5))
    assert watch._timer.interval() == MAX_COALESCE_MS
    watch._timer.stop()
