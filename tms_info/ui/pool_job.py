"""Work that would hold up the window (opening the search index, rendering a long page), run on
Qt's thread pool, with its outcome delivered as signals in the UI thread.

A job lives in the UI thread as a child of the application, not of a window, so that a window
closed mid-work never leaves the worker emitting from a deleted object. The result is handed over
through an attribute under a lock (a Python object sent through a queued signal from another
thread is not safe in PySide6); a result nobody takes is given to `discard` (to close a database).

Python's cyclic garbage collector runs in whichever thread happens to allocate when it is due; run in
a pool thread, it may destroy Qt objects of the UI thread there, which crashes the app. From a job's
start to its end the automatic collector is paused, and it is switched on again in the UI thread
(switched on in the worker, its first, overdue, collection would run there).
"""
from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

log = logging.getLogger(__name__)
Result = TypeVar("Result")
# Python's own threads get 16 MiB of stack on every system; Qt's pool threads get the system's
# default (512 KiB on macOS, 1 MiB on Windows), too little for Python's recursion limit in Markdown.
WORKER_STACK_BYTES = 16 * 1024 * 1024


def short_reason(error: BaseException) -> str:
    """An error as a few words for the reader: its first line, else its kind."""
    text = str(error).strip().splitlines()[0].strip() if str(error).strip() else ""
    text = text or type(error).__name__
    return text if len(text) <= 100 else text[:99].rstrip() + "…"


class _CollectorPause:
    """Counts the jobs running, in the UI thread only: the collector is paused from the first one's
    start to the last one's end."""

    def __init__(self) -> None:
        self._running = 0
        self._was_enabled = False

    def job_started(self) -> None:
        if self._running == 0:
            self._was_enabled = gc.isenabled()
            gc.disable()
        self._running += 1

    def job_ended(self) -> None:
        self._running -= 1
        if self._running == 0 and self._was_enabled:
            gc.enable()


_collector_pause = _CollectorPause()


class PoolJob(QObject, Generic[Result]):
    """One piece of work: `succeeded` when `take()` has its result, or `failed` with a short
    reason (the details are logged as `failure`), then `finished`, which deletes the job."""

    succeeded = Signal()
    failed = Signal(str)
    finished = Signal()

    def __init__(self, work: Callable[[], Result], failure: str,
                 discard: Callable[[Result], None] | None = None) -> None:
        super().__init__(QCoreApplication.instance())
        self._work = work
        self._failure = failure
        self._discard = discard
        self._lock = threading.Lock()
        self._result: Result | None = None
        self._abandoned = False
        # A method of the job, so it runs in the UI thread, where the job lives (a plain function would
        # run in the worker that emits); connected before deleteLater.
        self.finished.connect(self._end)
        self.finished.connect(self.deleteLater)

    def start(self) -> None:
        _collector_pause.job_started()
        pool = QThreadPool.globalInstance()
        if pool.stackSize() < WORKER_STACK_BYTES:
            pool.setStackSize(WORKER_STACK_BYTES)
        pool.start(self._run)

    def _end(self) -> None:
        _collector_pause.job_ended()

    def _run(self) -> None:  # on a pool thread
        try:
            result = self._work()
        except Exception as error:
            log.error("%s", self._failure, exc_info=error)
            self.failed.emit(short_reason(error))
        else:
            with self._lock:
                keep = not self._abandoned
                if keep:
                    self._result = result
            if keep:
                self.succeeded.emit()
            elif self._discard is not None:
                self._discard(result)
        finally:
            self.finished.emit()

    def take(self) -> Result | None:
        """The result, once; None if it was already taken or given up."""
        with self._lock:
            result, self._result = self._result, None
            return result

    def abandon(self) -> None:
        """Nobody will take the result (its window closed): discard it now, or when it is ready."""
        with self._lock:
            self._abandoned = True
            result, self._result = self._result, None
        if result is not None and self._discard is not None:
            self._discard(result)
