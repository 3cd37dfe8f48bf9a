"""The waiting-room kiosk as its readers and the clinic's IT meet it: it covers the whole screen even
in a bare X session with no window manager, it warns calmly before it starts afresh, and it shows
the clinic's name, since a full-screen window has no title bar to show it in."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import READER_CONTENT
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from tms_info.config import Config
from tms_info.content.library import Library
from tms_info.ui import idle_notice
from tms_info.ui import main_window
from tms_info.ui.main_window import MainWindow
from tms_info.ui.settings import Preferences
from tms_info.ui.kiosk import Kiosk

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def kiosk(make_kiosk):
    return make_kiosk(clinic_name="Riverside Clinic")


@pytest.fixture
def spoken(monkeypatch) -> list[tuple[str, bool]]:
    said: list[tuple[str, bool]] = []
    monkeypatch.setattr(idle_notice, "announce", lambda _widget, text, assertive=False: said.append((text, assertive)))
    return said


# ----- the whole screen -----------------------------------------------------------------------

def test_the_kiosk_covers_the_screen_where_nothing_honours_full_screen(make_kiosk, monkeypatch):
    """A bare X session has no window manager to act on the full-screen request: the window itself
    must take the screen's place and size (it stayed 1280x860 on a 1920x1080 screen)."""
    monkeypatch.setattr(MainWindow, "showFullScreen", MainWindow.show)  # the request is ignored
    monkeypatch.setattr(main_window, "restore_layout",
                        lambda window, *_rest: window.resize(700, 500))  # smaller than the screen
    window = make_kiosk(clinic_name="Riverside Clinic")
    assert window.geometry() == window.screen().geometry()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint, "no frame to show past the screen's edge"


_CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from tms_info.ui import app as app_module
    from tms_info.ui.kiosk import Kiosk

    app = app_module.create_application()
    window = app_module.create_window(kiosk=True)

    def look():
        shot = QGuiApplication.primaryScreen().grabWindow(0).toImage()
        corners = [shot.pixelColor(x, y).name() for x, y in
                   ((2, 2), (shot.width() - 3, 2), (2, shot.height() - 3), (shot.width() - 3, shot.height() - 3))]
        print("SCREEN", shot.width(), shot.height(), "CORNERS", *corners, flush=True)
        Kiosk.of(window).leave()
        app.quit()

    QTimer.singleShot(2500, look)
    sys.exit(app.exec())
""")


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb for a real X session")
def test_in_a_bare_x_session_the_kiosk_leaves_no_black_edge(tmp_path):
    """The real thing: an X server with no window manager at 1920x1080, as many kiosks run."""
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        display = server.stdout.readline().strip()
        assert display, "Xvfb did not start"
        env = {**os.environ, "DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path),
               "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
               "TMS_INFO_CONFIG": str(tmp_path / "none.ini")}
        (tmp_path / "none.ini").write_text("[clinic]\n", encoding="utf-8")
        child = subprocess.run([sys.executable, "-c", _CHILD], cwd=ROOT, env=env, capture_output=True, text=True,
                               timeout=60)
        if "could not load the Qt platform plugin" in child.stderr.lower():
            pytest.skip("Qt's X11 platform plugin cannot load here")
        line = next((line for line in child.stdout.splitlines() if line.startswith("SCREEN")), "")
        assert line.startswith("SCREEN 1920 1080"), child.stdout + child.stderr
        corners = line.split("CORNERS")[1].split()
        assert "#000000" not in corners, f"the screen's edge stays black: {corners}"
    finally:
        server.terminate()
        server.wait(10)
        server.stdout.close()


# ----- the notice before a fresh start --------------------------------------------------------

def warn_soon(kiosk: MainWindow, qtbot, idle_ms: int = 60_000) -> None:
    """The notice's timer fires at once; the fresh start stays `idle_ms` away."""
    Kiosk.of(kiosk).warning.setInterval(50)
    Kiosk.of(kiosk).idle.setInterval(idle_ms)
    Kiosk.of(kiosk).keep_reading()
    qtbot.waitUntil(Kiosk.of(kiosk).notice.isVisible, timeout=3000)


def test_a_calm_notice_comes_before_the_fresh_start_and_is_spoken(kiosk, qtbot, spoken):
    kiosk.open_page("basics/second")
    assert not Kiosk.of(kiosk).notice.isVisible()
    warn_soon(kiosk, qtbot)
    notice = Kiosk.of(kiosk).notice
    assert notice.label.text() == "Still reading? Starting again in 15 seconds."
    assert notice.button.text() == "Keep reading" and notice.button.isVisible()
    assert kiosk.rect().contains(notice.geometry()), "the whole notice is on the screen"
    assert spoken == [("Still reading? Starting again in 15 seconds. Press any key to keep reading.", True)]
    assert kiosk.windowTitle().startswith("Second article"), "nothing is reset yet"


def test_keep_reading_keeps_the_page_and_the_time(kiosk, qtbot, spoken):
    kiosk.open_page("basics/second")
    warn_soon(kiosk, qtbot, idle_ms=5000)
    qtbot.mouseMove(kiosk.view.viewport())  # on the way to the button: the notice stays
    assert Kiosk.of(kiosk).notice.isVisible()
    qtbot.mouseClick(Kiosk.of(kiosk).notice.button, Qt.MouseButton.LeftButton)
    assert not Kiosk.of(kiosk).notice.isVisible()
    assert Kiosk.of(kiosk).idle.remainingTime() > 4000, "the reader has the whole time again"
    assert kiosk.windowTitle().startswith("Second article")


def test_any_key_keeps_reading_too(kiosk, qtbot, spoken):
    kiosk.open_page("basics/second")
    warn_soon(kiosk, qtbot, idle_ms=5000)
    qtbot.keyClick(kiosk.view, Qt.Key.Key_Down)
    assert not Kiosk.of(kiosk).notice.isVisible()
    assert Kiosk.of(kiosk).idle.remainingTime() > 4000


def test_without_an_answer_the_kiosk_starts_afresh_and_the_notice_goes(kiosk, qtbot, spoken):
    kiosk.open_page("basics/second")
    warn_soon(kiosk, qtbot, idle_ms=400)
    qtbot.waitUntil(lambda: kiosk.windowTitle().startswith("Welcome"), timeout=3000)
    assert not Kiosk.of(kiosk).notice.isVisible()


def test_the_notice_grows_with_the_text_and_still_fits(kiosk, qtbot, spoken):
    kiosk.larger_text()
    kiosk.larger_text()
    warn_soon(kiosk, qtbot)
    notice = Kiosk.of(kiosk).notice
    assert notice.label.font().pixelSize() > 20
    assert kiosk.rect().contains(notice.geometry())
    kiosk.resize(kiosk.width() - 100, kiosk.height())
    qtbot.waitUntil(lambda: kiosk.rect().contains(notice.geometry()))


# ----- the clinic's name ----------------------------------------------------------------------

def test_the_kiosk_shows_the_clinics_name(kiosk):
    label = kiosk.toolbar.clinic_label
    assert label is not None and label.isVisible() and label.shown_text() == "Riverside Clinic"
    assert label.accessibleName() == "Clinic: Riverside Clinic"


def test_a_long_clinic_name_never_pushes_help_now_off_the_toolbar(qtbot, settings_in_tmp):
    from tms_info.ui.settings import open_settings

    name = "Riverside Community Mental Health Centre, Department of Psychiatry and Neuromodulation"
    window = MainWindow(Library.load([READER_CONTENT]), Preferences(open_settings()), None, Config(clinic_name=name))
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    window.start("basics/first")
    label = window.toolbar.clinic_label
    assert label.isVisible() and label.shown_text().startswith("Riverside") and label.shown_text().endswith("…")
    assert label.toolTip() == name and name in label.accessibleName()
    assert window.toolbar.help_button.isVisible()
    extension = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible(), "every button fits"


def test_no_clinic_name_no_label(qtbot, make_window):
    assert make_window().toolbar.clinic_label is None
