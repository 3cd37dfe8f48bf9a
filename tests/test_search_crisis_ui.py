"""A query that speaks of a crisis puts Help now first in the window, set apart and announced.

Which queries are a crisis is the search core's business (tests/test_search.py); here the index's
answer is made by hand, so that these tests depend only on what the window does with it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence, QPalette

from tms_info.content.search import SearchHit, SearchResults
from tms_info.ui import accessibility, search_box
from tms_info.ui.main_window import MainWindow

HELP_NOW = SearchHit("article", "help-now", "Help now: you are not alone", "", None, "",
                     "Call or text a crisis line now. You can talk to someone today.",
                     "Call or text a crisis line now. You can talk to someone today.", 100.0, crisis=True)
CRISIS_QUERY = "i want to die"


@pytest.fixture
def window(make_window, qtbot, tmp_path) -> MainWindow:
    window = make_window("home", tmp_path / "cache")
    window.start_search_index()  # once only: it may have started when the page was painted
    qtbot.waitUntil(lambda: window.search.index is not None, timeout=10_000)
    return window


@pytest.fixture
def spoken(monkeypatch) -> list[tuple[str, bool]]:
    """What the search box asked the screen reader to say, and whether it was assertive."""
    said: list[tuple[str, bool]] = []
    monkeypatch.setattr(search_box, "announce", lambda _widget, text, assertive=False: said.append((text, assertive)))
    return said


@pytest.fixture
def crisis_search(window, monkeypatch) -> tuple[SearchHit, ...]:
    """The index answers a crisis query with Help now first and the ordinary results after it; the
    other results it returns as it would. Gives the ordinary results that follow Help now."""
    index = window.search.index
    real_search = index.search
    others = real_search("sessions", search_box.RESULT_LIMIT).hits
    assert others, "the test library should have results for 'sessions'"

    def search(text: str, limit: int = 10, typing: bool = False) -> SearchResults:
        if text.strip().startswith(CRISIS_QUERY[:6]):
            return SearchResults(text, (HELP_NOW, *others[: limit - 1]))
        return real_search(text, limit, typing=typing)

    monkeypatch.setattr(index, "search", search)
    return others


def type_search(qtbot, window: MainWindow, text: str, *, more: bool = False) -> None:
    """Types a query from the start (Ctrl+K selects what was there), or `more` of it."""
    if not more:
        qtbot.keySequence(window, QKeySequence("Ctrl+K"))
    qtbot.keyClicks(window.search.field, text)
    query = window.search.field.text()
    qtbot.waitUntil(lambda: window.search.popup.isVisible() and window.search.list.count() > 0
                    and window.search.results is not None and window.search.results.query == query, timeout=3000)


def rows(window: MainWindow) -> list[SearchHit]:
    return [window.search.list.item(i).data(search_box.HIT_ROLE) for i in range(window.search.list.count())]


def test_a_crisis_query_puts_help_now_first_and_the_other_results_follow(window, qtbot, crisis_search, spoken):
    type_search(qtbot, window, CRISIS_QUERY)
    hits = rows(window)
    assert hits[0].id == "help-now" and hits[0].crisis
    assert [h.id for h in hits[1:]] == [h.id for h in crisis_search[: len(hits) - 1]]
    first = window.search.list.item(0)
    assert first.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Help now")
    assert "Call or text a crisis line now." in first.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Help now: you are not alone" in first.data(search_box.HTML_ROLE)
    assert not window.search.status.isVisible()
    results = window.search.list  # Help now is shown whole, at the top, with no scrolling
    assert results.viewport().rect().contains(results.visualItemRect(first))


def test_the_help_now_row_is_read_as_help_now_whatever_its_title(window, qtbot, monkeypatch):
    plain = SearchHit("article", "help-now", "Crisis lines", "", None, "", "Call now.", "Call now.", 1.0, crisis=True)
    monkeypatch.setattr(window.search.index, "search",
                        lambda text, limit=10, typing=False: SearchResults(text, (plain,)))
    type_search(qtbot, window, "kill myself")
    assert window.search.list.item(0).data(Qt.ItemDataRole.AccessibleTextRole) == "Help now. Crisis lines. Call now."


def test_help_now_is_announced_once_and_assertively(window, qtbot, crisis_search, spoken):
    type_search(qtbot, window, CRISIS_QUERY)
    assert spoken == [(search_box.CRISIS_ANNOUNCEMENT, True)]
    assert spoken[0][0].startswith("Help now is the first result")
    assert window.search.list.accessibleDescription() == search_box.CRISIS_ANNOUNCEMENT
    type_search(qtbot, window, " now", more=True)  # still a crisis: not said again at every key
    assert window.search.field.text() == CRISIS_QUERY + " now" and rows(window)[0].crisis
    assert spoken == [(search_box.CRISIS_ANNOUNCEMENT, True)]


def test_ordinary_results_announce_nothing(window, qtbot, crisis_search, spoken):
    type_search(qtbot, window, "relapse")
    assert not any(hit.crisis for hit in rows(window))
    assert spoken == []
    assert window.search.list.accessibleDescription() == ""
    assert not window.search.list.item(0).data(Qt.ItemDataRole.AccessibleTextRole).startswith("Help now")


def test_a_crisis_after_an_ordinary_query_is_announced(window, qtbot, crisis_search, spoken):
    type_search(qtbot, window, "relapse")
    window.search.field.clear()
    type_search(qtbot, window, CRISIS_QUERY)
    assert spoken == [(search_box.CRISIS_ANNOUNCEMENT, True)]
    window.search.field.clear()
    type_search(qtbot, window, "relapse")
    assert window.search.list.accessibleDescription() == ""


def test_enter_opens_help_now(window, qtbot, crisis_search):
    type_search(qtbot, window, CRISIS_QUERY)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.session.current_page_id == "help-now"
    assert not window.search.popup.isVisible()


def test_down_and_enter_on_the_first_row_open_help_now(window, qtbot, crisis_search):
    type_search(qtbot, window, CRISIS_QUERY)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    assert window.search.list.currentRow() == 0
    qtbot.keyClick(window.search.list, Qt.Key.Key_Return)
    assert window.session.current_page_id == "help-now"


def test_the_help_now_row_is_set_apart_in_the_themes_colours(window, qtbot, crisis_search):
    type_search(qtbot, window, CRISIS_QUERY)
    results = window.search.list
    picture = results.viewport().grab().toImage()
    ratio = picture.devicePixelRatio()
    palette = results.palette()
    first, second = results.visualItemRect(results.item(0)), results.visualItemRect(results.item(1))

    def colour(x: int, y: int):
        return picture.pixelColor(int(x * ratio), int(y * ratio)).name()

    assert colour(first.left() + 1, first.center().y()) == palette.color(QPalette.ColorRole.Highlight).name()
    tint = search_box._HtmlDelegate.crisis_background(palette).name()
    assert colour(first.right() - 2, first.top() + 2) == tint != palette.color(QPalette.ColorRole.Base).name()
    assert colour(second.right() - 2, second.top() + 2) == palette.color(QPalette.ColorRole.Base).name()
    assert "#ff0000" not in {colour(first.left() + 1, first.center().y()), tint}


def test_announce_sends_an_assertive_announcement(qtbot, monkeypatch):
    from PySide6.QtWidgets import QLineEdit

    if accessibility.QAccessibleAnnouncementEvent is None:
        pytest.skip("Qt before 6.8 has no announcement event")
    field = QLineEdit()
    qtbot.addWidget(field)
    sent = []
    monkeypatch.setattr(QAccessible, "updateAccessibility",
                        lambda event: sent.append((event.type(), event.message(), event.politeness())))
    accessibility.announce(field, "Help now is the first result.", assertive=True)
    accessibility.announce(field, "Search is unavailable.")
    assert sent == [(QAccessible.Event.Announcement, "Help now is the first result.",
                     QAccessible.AnnouncementPoliteness.Assertive),
                    (QAccessible.Event.Announcement, "Search is unavailable.",
                     QAccessible.AnnouncementPoliteness.Polite)]


def test_announce_without_the_announcement_event_sets_the_description(qtbot, monkeypatch):
    from PySide6.QtWidgets import QLineEdit

    field = QLineEdit()
    qtbot.addWidget(field)
    sent = []
    monkeypatch.setattr(accessibility, "QAccessibleAnnouncementEvent", None)
    monkeypatch.setattr(QAccessible, "updateAccessibility", lambda event: sent.append(event.type()))
    accessibility.announce(field, "Help now is the first result.", assertive=True)
    assert field.accessibleDescription() == "Help now is the first result."
    assert QAccessible.Event.DescriptionChanged in sent
