"""Work on Qt's thread pool (tms_info/ui/pool_job.py): its result or its error reaches the UI thread
as a signal, and a result nobody will take is given back to be closed, whenever it arrives."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThreadPool

from tms_info.ui.pool_job import PoolJob, short_reason


@pytest.fixture(autouse=True)
def idle_pool(qapp):
    """Earlier tests' windows may have left search-index builds running on Qt's shared pool; each
    test here starts when the pool is free, so its own job's timing is its own."""
    QThreadPool.globalInstance().waitForDone(60_000)
    yield


def test_a_result_is_taken_once_in_the_ui_thread(qtbot):
    job = PoolJob(lambda: threading.current_thread().name, "never fails")
    with qtbot.waitSignal(job.succeeded, timeout=5000):
        job.start()
    worker_thread = job.take()
    assert worker_thread is not None and worker_thread != threading.current_thread().name
    assert job.take() is None


def test_an_error_arrives_as_a_short_reason_and_is_logged(qtbot, caplog):
    def fail() -> None:
        raise OSError("disk I/O error\nwith details nobody needs to read")

    job = PoolJob(fail, "The work could not be done")
    with qtbot.waitSignal(job.failed, timeout=5000) as failed:
        job.start()
    assert failed.args == ["disk I/O error"]
    assert any(r.getMessage() == "The work could not be done" and r.exc_info for r in caplog.records)
    caplog.clear()


def test_a_result_given_up_is_discarded_when_it_arrives_and_at_once_when_it_is_there(qtbot):
    release = threading.Event()
    discarded: list[str] = []
    late = PoolJob(lambda: release.wait(5) and "index", "never fails", discarded.append)
    late.start()
    late.abandon()  # the window closed while the work went on
    release.set()
    qtbot.waitUntil(lambda: discarded == ["index"], timeout=5000)
    assert late.take() is None

    ready = PoolJob(lambda: "second index", "never fails", discarded.append)
    with qtbot.waitSignal(ready.succeeded, timeout=5000):
        ready.start()
    ready.abandon()  # done, but nobody took it
    assert discarded == ["index", "second index"]


def test_a_reason_is_one_short_line():
    assert short_reason(ValueError("")) == "ValueError"
    assert short_reason(ValueError("x" * 300)).endswith("…") and len(short_reason(ValueError("x" * 300))) == 100


def test_the_collector_is_switched_on_again_in_the_ui_thread_not_the_worker(qtbot):
    """Run in a pool thread, the collector could destroy the window's Qt objects there and crash the
    app: it is paused while a job runs, and switched on again in the UI thread (switched on in the
    worker, its first, overdue, collection would run there)."""
    import gc

    collected_on: set[int] = set()

    def note(phase: str, _info: dict) -> None:
        if phase == "start":
            collected_on.add(threading.get_ident())

    def make_garbage() -> int:
        for _ in range(20_000):  # cycles that only the collector frees: it is overdue by the end
            cycle: list = []
            cycle.append(cycle)
        return threading.get_ident()

    gc.callbacks.append(note)
    try:
        job = PoolJob(make_garbage, "never fails")
        with qtbot.waitSignal(job.finished, timeout=5000):
            job.start()
        worker = job.take()
        qtbot.waitUntil(gc.isenabled, timeout=5000)
        for _ in range(2_000):  # the UI thread goes on allocating
            cycle = []
            cycle.append(cycle)
    finally:
        gc.callbacks.remove(note)
    # (another test's leftover Python thread may collect meanwhile: it is not this job's worker)
    assert worker is not None and worker not in collected_on, "no collection ran on the job's worker thread"
