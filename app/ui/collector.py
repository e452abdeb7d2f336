"""Python's cycle collector runs on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is crossed. On the
database worker that can mean finalising a cycle that holds a Qt widget, destroying it off the
GUI thread: a crash (reproduced in the test suite). Automatic collection is therefore switched
off and run here instead, on a GUI-thread timer — the remedy Anki uses for the same problem.
Reference counting still frees almost everything at once; only cycles wait for the timer.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 5_000


class GuiThreadCollector(QObject):
    def __init__(self, interval_ms: int = INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    @staticmethod
    def collect() -> int:
        return gc.collect()
