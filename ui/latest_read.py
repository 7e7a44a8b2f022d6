"""A page's data read off the GUI thread, the newest request winning: a page asks again when
a change arrives, and only the answer to its last question is shown (an older one still on
its way is dropped, and one not started yet is skipped)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_SKIPPED = object()


class LatestRead:
    def __init__(self, session: Any, origin: object) -> None:  # noqa: ANN401 - Session
        self.session = session
        self.origin = origin
        self._asked = self._answered = 0

    @property
    def busy(self) -> bool:
        return self._asked != self._answered

    def drop(self) -> None:
        """No answer on its way is shown any more (the page shows something else now)."""
        self._asked += 1
        self._answered = self._asked

    def request(self, read: Callable[[], Any], shown: Callable[[Any], None],
                failed: Callable[[BaseException], None]) -> None:
        self._asked += 1
        number = self._asked

        def work() -> Any:
            return _SKIPPED if number != self._asked else read()

        def done(value: Any) -> None:
            if number == self._asked and value is not _SKIPPED:
                self._answered = number
                shown(value)

        def error(problem: BaseException) -> None:
            if number == self._asked:
                self._answered = number
                failed(problem)

        self.session.run_read(work, done, error, origin=self.origin)
