"""For clinics: their own pages on top of the library, the configuration file and its errors,
and the waiting-room kiosk that starts afresh when idle and writes nothing to disk."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import READER_CONTENT
from helpers import click_link, visible_text, write
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMessageBox

from tms_info.config import DEFAULT_IDLE_SECONDS, Config, read_config
from tms_info.content.library import Library
from tms_info.content.render import Renderer
from tms_info.ui import app as app_module
from tms_info.ui.main_window import MainWindow
from tms_info.ui.settings import open_settings
from tms_info.ui.kiosk import Kiosk


@pytest.fixture
def clinic(tmp_path) -> Path:
    folder = tmp_path / "clinic"
    write(folder / "01-our-clinic" / "01-visiting-us.md",
          "---\ntitle: Visiting our clinic\nsummary: Where we are.\n---\nWe are open on weekdays. Read about rTMS.\n")
    write(folder / "01-about" / "01-what-is-tms.md",
          "---\ntitle: TMS at our clinic\nsummary: Our own words.\n---\nOur clinic explains TMS its own way.\n")
    write(folder / "glossary" / "parking.md",
          "---\nterm: parking permit\nshort: A card that lets you park at the clinic.\n---\nAsk at the desk.\n")
    return folder


# ----- configuration --------------------------------------------------------------------------

def test_a_full_configuration_is_read(tmp_path, clinic):
    path = write(tmp_path / "tms-info.ini", f"[clinic]\nname = Riverside Clinic\ncontent_dirs = {clinic}\n"
                 "kiosk = yes\nidle_timeout = 120\nexit_keys = Ctrl+Alt+X\nlanguage = en\ntext_size = 130%\n")
    config = read_config(path)
    assert config == Config(clinic_name="Riverside Clinic", content_dirs=(clinic,), kiosk=True, idle_timeout=120,
                            exit_keys="Ctrl+Alt+X", language="en", text_size=130, source=path, problems=())


@pytest.mark.parametrize(("line", "problem"), [
    ("kiosk = maybe", "'kiosk = maybe' is not valid"),
    ("idle_timeout = ten", "'idle_timeout = ten' is not valid"),
    ("idle_timeout = 5", "'idle_timeout = 5' is not valid"),
    ("exit_keys = Q", "'exit_keys = Q' is not valid"),
    ("language = xx", "'language = xx' is not valid"),
    ("text_size = 333", "'text_size = 333' is not valid"),
    ("colour = blue", "unknown key 'colour' ignored"),
])
def test_a_wrong_value_keeps_its_default_and_is_reported(tmp_path, line, problem):
    config = read_config(write(tmp_path / "tms-info.ini", f"[clinic]\nname = Riverside Clinic\n{line}\n"))
    assert config.clinic_name == "Riverside Clinic"
    assert (config.kiosk, config.idle_timeout, config.text_size) == (False, DEFAULT_IDLE_SECONDS, 100)
    assert len(config.problems) == 1 and problem in config.problems[0]


@pytest.mark.parametrize("text", ["not an ini file at all", "[clinic\nname = x", "[other]\nname = x"])
def test_a_broken_file_gives_the_standard_settings(tmp_path, text):
    config = read_config(write(tmp_path / "tms-info.ini", text))
    assert config.clinic_name is None and config.problems and "standard settings" in config.problems[0]


def test_the_file_can_be_named_in_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("TMS_INFO_CONFIG", str(write(tmp_path / "x.ini", "[clinic]\nname = From the env\n")))
    assert read_config().clinic_name == "From the env"
    monkeypatch.setenv("TMS_INFO_CONFIG", str(tmp_path / "missing.ini"))
    assert "not found" in read_config().problems[0]


# ----- clinic pages ---------------------------------------------------------------------------

def test_clinic_pages_join_the_library_and_are_marked(clinic):
    library = Library.load([READER_CONTENT], local_roots=[clinic])
    page = library.page("our-clinic/visiting-us")
    assert page.local and not library.page("basics/first").local
    assert library.term("parking").local
    assert "our-clinic" in [node.page.id for node in library.tree()]
    html = Renderer(library, "Riverside Clinic").page_html(page)
    assert "From Riverside Clinic." in html and "not part of its reviewed library" in html
    assert 'href="glossary:rtms"' in html, "a clinic page gets glossary links like any other"


def test_a_clinic_page_replaces_a_bundled_one_by_id(clinic):
    library = Library.load([READER_CONTENT, Path(__file__).parent.parent / "resources" / "content" / "en"],
                           local_roots=[clinic])
    assert library.page("about/what-is-tms").title == "TMS at our clinic"
    assert library.page("about/what-is-tms").local


@pytest.fixture
def settings_file(qapp, settings_in_tmp) -> Path:
    return Path(open_settings().fileName())


def test_the_app_starts_with_a_missing_folder_and_a_bad_config_and_says_so_once(qtbot, tmp_path, caplog,
                                                                                  monkeypatch, settings_file):
    config = write(tmp_path / "tms-info.ini", f"[clinic]\nname = Riverside\ncontent_dirs = {tmp_path / 'gone'}\n"
                   "kiosk = perhaps\n")
    monkeypatch.setenv("TMS_INFO_CONTENT_DIR", "")
    window = app_module.create_window(config_path=config)
    qtbot.addWidget(window)
    window.show()
    assert window.notice.isVisible() and "(2 problems)" in window.notice.label.text()
    assert "content folder not found" in caplog.text and "'kiosk = perhaps'" in caplog.text
    caplog.clear()
    assert window.library.page("about/what-is-tms") is not None
    assert Kiosk.of(window) is None
    assert window.windowTitle().endswith("– Riverside")


def test_content_folders_come_from_the_environment_too(qtbot, clinic, monkeypatch, tmp_path, settings_file):
    monkeypatch.setenv("TMS_INFO_CONTENT_DIR", str(clinic))
    monkeypatch.setenv("TMS_INFO_CONFIG", str(write(tmp_path / "empty.ini", "[clinic]\n")))
    window = app_module.create_window("our-clinic/visiting-us")
    qtbot.addWidget(window)
    assert "We are open on weekdays." in visible_text(window.view)
    assert "From your clinic." in visible_text(window.view)


# ----- kiosk ----------------------------------------------------------------------------------

@pytest.fixture
def kiosk(make_kiosk, clinic, settings_file) -> MainWindow:
    return make_kiosk(local_roots=(clinic,), clinic_name="Riverside")


def test_kiosk_mode_is_full_screen_without_file_actions(kiosk):
    assert kiosk.isFullScreen()
    assert not kiosk.action("pdf").isVisible() and not kiosk.action("quit").isVisible()
    assert not kiosk.action("save").isVisible() and not kiosk.my_pages_dock.isVisible()
    assert kiosk.action("print").isEnabled(), "printing is allowed"


def test_a_kiosk_never_opens_websites_and_shows_their_address(kiosk, qtbot, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: pytest.fail(f"opened {url}"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked to open a website"))
    kiosk.open_page("basics/first")
    assert "a website (https://example.org/tms)" in visible_text(kiosk.view)
    kiosk.links.follow(QUrl("https://example.org/tms"))
    assert "does not open websites" in kiosk.statusBar().currentMessage()


def test_the_kiosk_starts_afresh_when_idle(kiosk, qtbot):
    kiosk.open_page("basics/checklist")
    click_link(qtbot, kiosk.view, "☐")
    kiosk.larger_text()
    kiosk.set_theme("dark")
    kiosk.show_term("relapse")
    kiosk.find_bar.open_bar()
    qtbot.keyClicks(kiosk.find_bar.field, "sessions")
    kiosk.search.field.setText("seizure")
    kiosk.open_page("basics/second")
    kiosk.tree.item_for("basics").setExpanded(False)
    Kiosk.of(kiosk).idle.setInterval(200)
    Kiosk.of(kiosk).idle.start()
    qtbot.waitUntil(lambda: kiosk.windowTitle().startswith("Welcome"), timeout=3000)
    assert not kiosk.action("back").isEnabled() and not kiosk.action("forward").isEnabled()
    assert kiosk.search.field.text() == "" and not kiosk.search.popup.isVisible()
    assert not kiosk.find_bar.isVisible() and kiosk.view.extraSelections() == []
    assert kiosk.panels.glossary.current_term_id is None and "Choose a term" in kiosk.panels.glossary.entry.toPlainText()
    assert kiosk.session.text_size == 100 and kiosk.session.theme_choice == "system"
    assert kiosk.session.ticked("basics/checklist") == frozenset() and kiosk.session.reading.recent == ["home"]
    assert kiosk.tree.item_for("basics").isExpanded(), "the topic list is open again"
    kiosk.open_page("basics/checklist")
    assert visible_text(kiosk.view).count("☑") == 1, "the last person's ticks are gone"


def test_activity_keeps_the_kiosk_from_resetting(kiosk, qtbot):
    kiosk.open_page("basics/second")
    idle = Kiosk.of(kiosk).idle
    idle.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer's remaining time moves by up to 5%
    idle.setInterval(60_000)  # long enough never to fire on a busy machine: the test watches it restart
    idle.start()
    for activity in (lambda: qtbot.keyClick(kiosk.view, "a"),
                     lambda: qtbot.mouseClick(kiosk.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))):
        qtbot.waitUntil(lambda: idle.remainingTime() < 59_700)  # time has passed since the last start
        before = idle.remainingTime()
        activity()
        assert idle.remainingTime() > before + 200, "the activity started the idle time again"
    assert kiosk.windowTitle().startswith("Second article")


def test_a_kiosk_closes_only_with_the_clinics_keys_and_writes_nothing(kiosk, qtbot, settings_file, tmp_path):
    kiosk.larger_text()
    kiosk.close()
    assert kiosk.isVisible(), "an ordinary close is ignored"
    qtbot.keySequence(kiosk, QKeySequence(kiosk.config.exit_keys))
    assert not kiosk.isVisible()
    assert not settings_file.exists(), "no settings written"
    assert kiosk.cache_dir is None, "the search index stays in memory"


def test_the_clinics_phone_number_is_read_and_a_wrong_one_reported(tmp_path):
    path = write(tmp_path / "clinic.ini", "[clinic]\nname = Riverside\nphone = +1 (555) 010-0199\n")
    assert read_config(path).clinic_phone == "+1 (555) 010-0199"
    path = write(tmp_path / "bad.ini", "[clinic]\nphone = call us!\n")
    config = read_config(path)
    assert config.clinic_phone is None and any("'phone = call us!' is not valid" in p for p in config.problems)


def test_export_prints_the_clinics_phone_number_on_handouts(qapp, tmp_path, capsys):
    from pypdf import PdfReader

    from tms_info.cli import main

    config = write(tmp_path / "clinic.ini", "[clinic]\nname = Riverside\nphone = (555) 010-0199\n")
    target = tmp_path / "what.pdf"
    assert main(["export", "about/what-is-tms", "--config", str(config), "-o", str(target)]) == 0
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    assert "Riverside" in text and "(555) 010-0199" in text
