"""Shared test set-up: offscreen Qt, a home folder of its own, settings in a temporary folder, and
failure on surprises.

The whole session runs with HOME and the XDG folders pointing into a temporary folder, set here
before Qt reads them, so no test (nor a command line a test starts) writes a cache, a snapshot or
settings under the real home; tests/test_sealed.py checks it.

Any warning logged by the app during a test fails it (as qutebrowser's logfail does), unless the
test asserts it and clears it with caplog.clear(); Qt's own warnings fail tests through pytest-qt's
qt_log_level_fail in pyproject.toml.
"""
from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REAL_HOME = Path.home()
SESSION_HOME = Path(tempfile.mkdtemp(prefix="tms-info-tests-home-"))
os.environ.update(
    HOME=str(SESSION_HOME), USERPROFILE=str(SESSION_HOME), APPDATA=str(SESSION_HOME / "AppData"),
    LOCALAPPDATA=str(SESSION_HOME / "AppData" / "Local"), XDG_CONFIG_HOME=str(SESSION_HOME / ".config"),
    XDG_CACHE_HOME=str(SESSION_HOME / ".cache"), XDG_DATA_HOME=str(SESSION_HOME / ".local" / "share"),
    XDG_STATE_HOME=str(SESSION_HOME / ".local" / "state"))
os.environ.pop("TMS_INFO_CONFIG", None)
os.environ.pop("TMS_INFO_CONTENT_DIR", None)

import pytest  # noqa: E402 - after the environment above, which Qt reads when it loads

FIXTURES = Path(__file__).parent / "fixtures"
READER_CONTENT = FIXTURES / "reader"


@pytest.fixture(autouse=True, scope="session")
def coverage_follows_qt_pool_threads():
    """A coverage run (pytest --cov) traces Python's own threads only: the work PoolJob runs on Qt's
    pool threads would count as never run. There the same tracer is switched on first. Without
    coverage (threading.gettrace() is None) nothing changes."""
    import sys
    import threading

    tracer = threading.gettrace()
    if tracer is None:
        yield
        return
    from tms_info.ui.pool_job import PoolJob

    run = PoolJob._run

    def traced_run(job: PoolJob) -> None:
        sys.settrace(tracer)
        run(job)

    PoolJob._run = traced_run
    yield
    PoolJob._run = run


@pytest.fixture(autouse=True)
def fail_on_logged_warnings(caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.INFO)
    yield
    unexpected = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    if unexpected:
        pytest.fail("unexpected warnings logged:\n" + "\n".join(r.getMessage() for r in unexpected))


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest):
    """Keeps every test's QSettings out of the real user folder (only where Qt is in use)."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield None
        return
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def make_window(qtbot):
    """Opens the reader on the small test library, shown and active, at a page (None: as a person
    starting the app would get it); the same way every test does."""
    from tms_info.content.library import Library
    from tms_info.ui.main_window import MainWindow
    from tms_info.ui.settings import Preferences, open_settings

    def make(start: str | None = "basics/first", cache_dir: Path | None = None) -> MainWindow:
        window = MainWindow(Library.load([READER_CONTENT]), Preferences(open_settings()), cache_dir)
        qtbot.addWidget(window)
        window.show()
        return _ready(qtbot, window, start)
    return make


def _ready(qtbot, window, start: str | None):
    """A shown window, active, at its first page, with what comes right after the page built."""
    from PySide6.QtWidgets import QApplication

    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.start(start)
    qtbot.waitUntil(lambda: window.panels.built)  # as a reader finds it: the panels come right after the page
    QApplication.sendPostedEvents()  # and what Qt posted meanwhile (fonts, layouts) is applied
    QApplication.processEvents()
    return window


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def make_kiosk(qtbot):
    """Opens a waiting-room kiosk on the small test library (with a clinic's `local_roots` on top),
    full screen and active, at a page (None: home, as each visitor finds it); any other keyword is
    the clinic's configuration (clinic_name, idle_timeout, exit_keys, language...). Every kiosk is
    left at teardown, since a kiosk ignores an ordinary close."""
    from tms_info.config import Config
    from tms_info.content.library import Library
    from tms_info.ui.app import compose_window
    from tms_info.ui.kiosk import Kiosk
    from tms_info.ui.main_window import MainWindow
    from tms_info.ui.settings import MemorySettings, Preferences

    kiosks: list[MainWindow] = []

    def make(start: str | None = None, local_roots: tuple[Path, ...] = (), **config) -> MainWindow:
        window = compose_window(Library.load([READER_CONTENT], local_roots), Preferences(MemorySettings()), None,
                                Config(kiosk=True, **config))  # the Kiosk shows it full screen
        qtbot.addWidget(window)
        kiosks.append(window)
        return _ready(qtbot, window, start)
    yield make
    for window in kiosks:
        Kiosk.of(window).leave()
