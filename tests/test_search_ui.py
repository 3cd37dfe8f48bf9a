"""Search and find-in-page in the window, used from the keyboard as a reader would."""
from __future__ import annotations

import logging
import threading

import pytest
from conftest import READER_CONTENT
from helpers import text_is_in_view, write
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from tms_info.content.library import Library
from tms_info.ui.main_window import MainWindow
from tms_info.ui.settings import Preferences, open_settings


@pytest.fixture
def window(make_window, qtbot, tmp_path) -> MainWindow:
    window = make_window("home", tmp_path / "cache")
    window.start_search_index()  # a no-op if the first paint started it: the state is checked, not a signal
    qtbot.waitUntil(lambda: window.index_loader.index is not None, timeout=10_000)
    return window


def type_search(qtbot, window: MainWindow, text: str) -> None:
    qtbot.keySequence(window, QKeySequence("Ctrl+K"))
    assert window.search.field.hasFocus()
    qtbot.keyClicks(window.search.field, text)
    qtbot.waitUntil(lambda: window.search.popup.isVisible() and window.search.list.count() > 0, timeout=3000)


def result_titles(window: MainWindow) -> list[str]:
    return [window.search.list.item(i).data(Qt.ItemDataRole.UserRole).title for i in range(window.search.list.count())]


def test_results_appear_while_typing(window, qtbot):
    type_search(qtbot, window, "later pa")
    assert result_titles(window)[0] == "Second article"


def test_the_first_results_are_shown_whole(window, qtbot):
    type_search(qtbot, window, "sessions")
    results = window.search.list
    assert 1 <= results.count() <= 6
    for row in range(results.count()):
        assert results.viewport().rect().contains(results.visualItemRect(results.item(row))), f"row {row} is cut off"
    assert not results.verticalScrollBar().isVisible()


def test_keyboard_down_and_enter_open_a_result_at_its_best_section_with_the_words_marked(window, qtbot):
    type_search(qtbot, window, "later part")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    assert window.search.list.hasFocus() and window.search.list.currentRow() == 0
    qtbot.keyClick(window.search.list, Qt.Key.Key_Return)
    assert window.windowTitle().startswith("Second article")
    assert not window.search.popup.isVisible()
    assert text_is_in_view(window.view, "Here is the later part")
    marked = [s.cursor.selectedText().lower() for s in window.view.extraSelections()]
    assert "later" in marked and "part" in marked


def test_up_from_the_first_result_returns_to_the_field_and_escape_closes(window, qtbot):
    type_search(qtbot, window, "relapse")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search.list, Qt.Key.Key_Up)
    assert window.search.field.hasFocus()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert not window.search.popup.isVisible()
    assert window.windowTitle().startswith("Welcome")


def test_enter_in_the_field_opens_the_first_result_and_a_term_opens_the_glossary(window, qtbot):
    type_search(qtbot, window, "relapse")
    assert result_titles(window)[0] == "relapse"
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.panels.glossary.current_term_id == "relapse" and window.glossary_dock.isVisible()


def test_no_results_says_so(window, qtbot):
    qtbot.keySequence(window, QKeySequence("Ctrl+K"))
    qtbot.keyClicks(window.search.field, "qqqzzzxx")
    qtbot.waitUntil(window.search.status.isVisible, timeout=3000)
    assert window.search.status.text().startswith("No results")


def test_the_window_starts_before_the_index_and_search_waits_for_it(qtbot, tmp_path):
    window = MainWindow(Library.load([READER_CONTENT]), Preferences(open_settings()), tmp_path / "cache")
    qtbot.addWidget(window)
    window.show()
    window.search.field.setText("relapse")
    window.search.run_query()
    assert window.search.status.text() == "Search is getting ready…"
    window.start_search_index()
    qtbot.waitUntil(lambda: window.index_loader.index is not None, timeout=10_000)
    assert "relapse" in result_titles(window)


def test_find_in_page_counts_and_steps_through_matches(window, qtbot):
    window.open_page("basics/first")
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Find))
    assert window.find_bar.isVisible() and window.find_bar.field.hasFocus()
    qtbot.keyClicks(window.find_bar.field, "paragraph 3")
    total = sum(1 for i in range(40) if str(i).startswith("3"))
    assert window.find_bar.count.text() == f"1 of {total}"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.count.text() == f"2 of {total}"
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.FindPrevious))
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.FindPrevious))
    assert window.find_bar.count.text() == f"{total} of {total}"
    assert text_is_in_view(window.view, "Paragraph 39")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and window.view.extraSelections() == []


def test_find_in_page_says_when_nothing_is_found(window, qtbot):
    window.open_page("basics/first")
    window.find_bar.open_bar()
    qtbot.keyClicks(window.find_bar.field, "zebra")
    assert window.find_bar.count.text() == "Not found"
    assert not window.find_bar.next_button.isEnabled()


def test_a_result_from_the_clinic_says_so(qtbot, tmp_path):
    write(tmp_path / "clinic" / "01-basics" / "50-parking.md",
          "---\ntitle: Parking at our clinic\nsummary: Where to park.\nreviewed: 2026-11-25\n---\nPark behind the building.\n")
    window = MainWindow(Library.load([READER_CONTENT], local_roots=[tmp_path / "clinic"]),
                        Preferences(open_settings()), tmp_path / "cache")
    qtbot.addWidget(window)
    window.show()
    window.start("home")
    window.start_search_index()
    qtbot.waitUntil(lambda: window.index_loader.index is not None, timeout=10_000)
    type_search(qtbot, window, "park")
    item = window.search.list.item(0)
    assert item.data(Qt.ItemDataRole.UserRole).title == "Parking at our clinic"
    assert "From your clinic." in item.data(Qt.ItemDataRole.AccessibleTextRole)
    window.search.field.clear()
    type_search(qtbot, window, "later part")
    qtbot.waitUntil(lambda: result_titles(window)[0] == "Second article", timeout=3000)
    assert "clinic" not in window.search.list.item(0).data(Qt.ItemDataRole.AccessibleTextRole).lower()


def test_nothing_found_offers_close_glossary_words_that_can_be_opened(window, qtbot):
    type_search(qtbot, window, "deeptms")
    assert "Close glossary words: deep TMS." in window.search.status.text()
    row = window.search.list.item(0)
    assert row.data(Qt.ItemDataRole.AccessibleTextRole).startswith("deep TMS. Glossary. ")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search.list, Qt.Key.Key_Return)
    assert window.panels.glossary.current_term_id == "deep-tms"


def test_an_index_that_cannot_be_opened_says_search_is_unavailable_and_logs_why(make_window, qtbot, tmp_path,
                                                                                  monkeypatch, caplog):
    from tms_info.content.search import SearchIndex
    from tms_info.ui import search_box

    release = threading.Event()

    def broken(*_args, **_kwargs):
        assert release.wait(10)
        raise OSError("disk I/O error")

    spoken: list[tuple[str, bool]] = []
    monkeypatch.setattr(SearchIndex, "open", broken)
    monkeypatch.setattr(search_box, "announce",
                        lambda _widget, text, assertive=False: spoken.append((text, assertive)))
    window = make_window("home", tmp_path / "cache")
    window.start_search_index()  # started when the page was painted; once only
    qtbot.keySequence(window, QKeySequence("Ctrl+K"))
    qtbot.keyClicks(window.search.field, "relapse")
    qtbot.waitUntil(lambda: window.search.status.text() == "Search is getting ready…", timeout=3000)
    with qtbot.waitSignal(window.index_loader.failed, timeout=10_000) as failed:
        release.set()
    assert failed.args == ["disk I/O error"]
    message = window.search.status.text()
    assert message.startswith("Search is unavailable: disk I/O error.")
    assert window.search.popup.isVisible() and window.search.status.isVisible()
    assert window.search.field.accessibleDescription() == message
    assert spoken == [(message, False)]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info and errors[0].exc_info[0] is OSError
    caplog.clear()

    window.search.clear()  # typed again later: still unavailable, not "getting ready"
    qtbot.keyClicks(window.search.field, "sessions")
    qtbot.waitUntil(window.search.popup.isVisible, timeout=3000)
    assert window.search.status.text() == message and window.search.list.count() == 0


def test_a_window_closed_while_the_index_is_built_closes_the_index(qtbot, tmp_path, monkeypatch):
    import shiboken6

    from tms_info.content.search import SearchIndex

    class FakeIndex:
        closed = threading.Event()

        def close(self) -> None:
            self.closed.set()

    building = threading.Event()
    release = threading.Event()

    def slow(*_args, **_kwargs):
        building.set()
        assert release.wait(10)
        return FakeIndex()

    monkeypatch.setattr(SearchIndex, "open", slow)
    window = MainWindow(Library.load([READER_CONTENT]), Preferences(open_settings()), tmp_path / "cache")
    window.start_search_index()
    assert building.wait(10)
    shiboken6.delete(window)
    release.set()
    qtbot.waitUntil(FakeIndex.closed.is_set, timeout=10_000)
