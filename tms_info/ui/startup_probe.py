"""For the start-up benchmark: with TMS_INFO_EXIT_AFTER_FIRST_PAINT set, the app prints the wall-clock
time and its peak memory when the article is first painted, then the time when the work queued for
after the first paint (screen-reader structure, focus rings, the search index's start) is done, then
quits. Does nothing otherwise."""
from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENVIRONMENT_VARIABLE = "TMS_INFO_EXIT_AFTER_FIRST_PAINT"


def peak_memory_kib() -> int:
    try:
        import resource
    except ImportError:  # Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


class FirstPaintProbe(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"first-paint {time.time():.6f} {peak_memory_kib()}", flush=True)
        QTimer.singleShot(0, self._report_complete)  # after what the first paint queued

    def _report_complete(self) -> None:
        print(f"complete {time.time():.6f}", flush=True)
        QApplication.instance().exit(0)  # not quit(): a kiosk refuses to close its window


def install_if_asked(widget: QWidget) -> None:
    if os.environ.get(ENVIRONMENT_VARIABLE):
        FirstPaintProbe(widget)
