"""The window in Spanish (issue 16): started in the language asked for, switched at once from
View > Language at the same page, the choice remembered, and a kiosk's fresh start back in the
clinic's language."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tms_info.ui import app as app_module
from tms_info.ui.main_window import MainWindow
from tms_info.ui.settings import Preferences, open_settings
from tms_info.ui.translation import install_language
from tms_info.ui.kiosk import Kiosk

SESSION = "treatment/what-a-session-is-like"


@pytest.fixture
def windows(qtbot, tmp_path, monkeypatch):
    """Makes windows as `tms-info` does, with the cache in tmp_path; closes them all, in English again."""
    monkeypatch.setattr(app_module, "cache_dir", lambda: tmp_path / "cache")
    (tmp_path / "empty.ini").write_text("[clinic]\n", encoding="utf-8")
    monkeypatch.setenv("TMS_INFO_CONFIG", str(tmp_path / "empty.ini"))
    made: list[MainWindow] = []

    def make(**arguments) -> MainWindow:
        window = app_module.create_window(**arguments)
        made.append(window)
        return window

    yield make
    for window in open_windows():
        if (kiosk := Kiosk.of(window)) is not None:
            kiosk.leave()
        window.close()
    install_language("en")


def open_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_the_window_opens_in_the_language_asked_for(windows):
    window = windows(open_page=SESSION, language="es")
    assert window.library.language == "es"
    assert window.windowTitle().startswith("¿Cómo es una sesión de EMT?")
    assert "Puntos clave" in window.view.toPlainText()


def test_choosing_a_language_shows_the_same_page_in_it_at_once_and_is_remembered(windows, qtbot):
    window = windows(open_page=SESSION, language="en")
    window.show()
    assert window.windowTitle().startswith("What is a TMS session like?")
    window.language_actions["es"].trigger()
    qtbot.waitUntil(lambda: any(w.library.language == "es" for w in open_windows()))
    (spanish,) = open_windows()
    assert spanish.session.current_page_id == SESSION
    assert spanish.windowTitle().startswith("¿Cómo es una sesión de EMT?")
    assert spanish.language_actions["es"].isChecked()
    assert Preferences(open_settings()).language == "es"
    again = windows()  # the next start, with nothing asked for on the command line
    assert again.library.language == "es"


def test_a_kiosk_starts_again_in_the_clinics_language(windows, qtbot, tmp_path, monkeypatch):
    config = tmp_path / "clinic.ini"
    config.write_text("[clinic]\nkiosk = yes\nlanguage = es\n", encoding="utf-8")
    window = windows(config_path=config)
    assert window.library.language == "es"
    window.language_actions["en"].trigger()  # a visitor reads in English
    qtbot.waitUntil(lambda: any(w.library.language == "en" for w in open_windows()))
    (english,) = open_windows()
    Kiosk.of(english).idle.setInterval(50)  # the clinic's idle time, shortened
    Kiosk.of(english).idle.start()
    qtbot.waitUntil(lambda: [w.library.language for w in open_windows()] == ["es"], timeout=5000)
    assert Preferences(open_settings()).language is None  # a kiosk remembers nothing


def test_search_words_without_accents_mark_the_words_with_them(windows):
    window = windows(open_page=SESSION, language="es")
    assert window.view.highlight_words(("sesion",)) > 0  # search folds "sesión" to "sesion"
    marked = {match.selectedText().lower() for match in window.view._matches}
    assert "sesión" in marked


def test_search_in_the_spanish_window_finds_spanish_pages_and_says_so_in_spanish(windows, qtbot):
    window = windows(open_page=SESSION, language="es")
    window.show()
    window.start_search_index()
    qtbot.waitUntil(lambda: window.search.index is not None, timeout=30_000)
    results = window.search.index.search("cuanto dura una sesion")
    assert results.hits and results.hits[0].title.startswith("¿")
    assert window.search.index.search("zzzzqqq").message.startswith("No hay resultados.")


def test_a_kiosk_visitors_panels_do_not_follow_the_next_visitor(windows, qtbot, tmp_path):
    """A fresh start that also returns to the clinic's language opens a new window: it gets the
    clinic's layout, not the one the last visitor left (the glossary opened or closed)."""
    config = tmp_path / "clinic.ini"
    config.write_text("[clinic]\nkiosk = yes\nlanguage = es\n", encoding="utf-8")
    window = windows(config_path=config)
    clinics = window.glossary_dock.isVisible()  # (closed on a small screen, open on a large one)
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: any(w.library.language == "en" for w in open_windows()))
    (english,) = open_windows()
    english.glossary_dock.setVisible(not clinics)  # this visitor opens or closes the glossary
    Kiosk.of(english).idle.setInterval(50)
    Kiosk.of(english).idle.start()
    qtbot.waitUntil(lambda: [w.library.language for w in open_windows()] == ["es"], timeout=5000)
    (spanish,) = open_windows()
    assert spanish.glossary_dock.isVisible() == clinics, "the next visitor has the clinic's layout"
