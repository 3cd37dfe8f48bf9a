"""Outside a kiosk, what the reader saves, reads and chooses is written to the settings file as it
changes, not only when the window closes: a logout, a shutdown or a crash (SIGTERM) loses none of it."""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from tms_info.ui.settings import Preferences, SettingsFile, open_settings

ROOT = Path(__file__).resolve().parents[1]


def test_changes_are_in_the_file_while_the_window_is_still_open(window):
    window.open_page("basics/second")
    window.toggle_saved()
    window.larger_text()
    window.set_theme("dark")
    fresh = Preferences(open_settings())  # read from the file, as the next start would
    assert fresh.saved_pages == ["basics/second"]
    assert fresh.recent_pages[:2] == ["basics/second", "basics/first"]
    assert fresh.text_size == window.session.text_size > 100
    assert fresh.theme == "dark"
    window.toggle_saved()
    assert Preferences(open_settings()).saved_pages == [], "taking a page off is written too"
    assert window.isVisible()


def test_the_same_choice_again_does_not_rewrite_the_file(window):
    window.set_theme("dark")
    path = Path(open_settings().fileName())
    written = path.stat().st_ino  # each write replaces the file
    window.set_theme("dark")
    window.open_page("basics/first")  # already the latest page read
    assert path.stat().st_ino == written


def test_a_settings_folder_that_cannot_be_written_is_reported_once(make_window, settings_in_tmp, caplog):
    (settings_in_tmp / "tms-info").write_text("a file where the folder should be", encoding="utf-8")
    window = make_window()
    for page in ("basics/second", "basics/checklist", "basics/first"):
        window.open_page(page)
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "settings not saved" in warnings[0].getMessage()
    caplog.clear()


_CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from tms_info.ui import app as app_module

    app = app_module.create_application()
    window = app_module.create_window("about/what-is-tms")
    window.show()

    def read_and_choose():
        window.toggle_saved()
        window.larger_text()
        window.set_theme("high-contrast")
        print("READY", flush=True)

    QTimer.singleShot(500, read_and_choose)
    sys.exit(app.exec())
""")


def test_a_sigterm_keeps_what_was_saved(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "TMS_INFO_CONFIG": str(tmp_path / "none.ini")}
    (tmp_path / "none.ini").write_text("[clinic]\nlanguage = en\n", encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", _CHILD], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline()
        assert line.strip() == "READY", child.stderr.read() if child.poll() is not None else line
        child.send_signal(signal.SIGTERM)
        child.wait(30)
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGTERM, "the app ended as a logout or shutdown ends it"
    preferences = Preferences(SettingsFile(tmp_path / "config" / "tms-info" / "tms-info.ini"))
    assert preferences.saved_pages == ["about/what-is-tms"]
    assert preferences.recent_pages[0] == "about/what-is-tms"
    assert preferences.text_size > 100 and preferences.theme == "high-contrast"
