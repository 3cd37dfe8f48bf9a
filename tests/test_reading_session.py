"""The reader's session without a window: where they are, Back and Forward, text size, colours, their
saved pages and ticks, and the fresh start a kiosk gives the next person. No QApplication here."""
from __future__ import annotations

import subprocess
import sys

from tms_info.content.style import DEFAULT_TEXT_SIZE, TEXT_SIZES
from tms_info.reading_session import SYSTEM_THEME, ReadingSession

PAGES = {"home", "a", "b", "c"}


def session(**arguments) -> ReadingSession:
    return ReadingSession(lambda page_id: page_id in PAGES, **arguments)


def test_the_session_needs_no_qt():
    code = "import sys, tms_info.reading_session; assert not [m for m in sys.modules if m.startswith('PySide6')]"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_visiting_pages_makes_steps_back_and_forward_with_the_scroll_position_kept():
    reader = session()
    for page_id in ("home", "a", "b"):
        place = reader.visit(page_id, scroll_now=0.25)
        assert reader.arrive(place), "another page: it must be rendered"
    assert reader.can_go_back() and not reader.can_go_forward()
    back = reader.back(scroll_now=0.5)
    assert back.page_id == "a" and back.scroll == 0.25, "where the reader was on a when they left it"
    assert reader.forward(scroll_now=0.75).scroll == 0.5
    assert reader.back(scroll_now=None).scroll == 0.75


def test_asking_for_the_page_already_shown_is_not_a_new_step():
    reader = session()
    reader.arrive(reader.visit("a"))
    assert reader.visit("a") is None, "the window goes back to the top instead"
    assert reader.visit("a", anchor="part") is not None, "a part of it is a step"
    assert not reader.arrive(reader.history.current), "the same page: nothing to render again"


def test_pages_read_are_remembered_only_if_they_exist():
    reader = session()
    for page_id in ("a", "gone", "b"):
        reader.arrive(reader.visit(page_id))
    assert reader.reading.recent == ["b", "a"]


def test_text_size_steps_through_the_offered_sizes_and_stops_at_the_ends():
    reader = session(text_size=TEXT_SIZES[-2])
    assert reader.larger_text() and reader.text_size == TEXT_SIZES[-1]
    assert not reader.larger_text() and not reader.can_grow()
    assert not reader.set_text_size(123), "a size not offered is ignored"
    assert session(text_size=7).text_size == DEFAULT_TEXT_SIZE
    reader.set_text_size(TEXT_SIZES[0])
    assert not reader.smaller_text() and not reader.can_shrink() and reader.can_grow()


def test_an_unknown_theme_is_the_systems():
    assert session(theme_choice="purple").theme_choice == SYSTEM_THEME
    reader = session()
    assert reader.choose_theme("dark") == "dark"
    assert reader.choose_theme("neon") == SYSTEM_THEME


def test_saving_and_ticking_belong_to_the_current_page():
    reader = session()
    assert reader.toggle_saved() is None and not reader.toggle_box(1), "no page yet: nothing to save or tick"
    reader.arrive(reader.visit("a"))
    assert reader.toggle_saved() is True and reader.is_saved()
    assert reader.toggle_box(2) and reader.toggle_box(3) and reader.toggle_box(2)
    assert reader.ticked() == frozenset({3}) == reader.ticked("a")
    reader.arrive(reader.visit("b"))
    assert reader.ticked() == frozenset() and not reader.is_saved()
    reader.remove_saved("a")
    assert reader.reading.saved == []


def test_a_fresh_start_keeps_nothing_of_the_last_reader():
    reader = session(text_size=150, theme_choice="dark", saved=["a"], recent=["b"])
    reader.arrive(reader.visit("a"))
    reader.toggle_box(1)
    reader.reset(text_size=115)
    assert (reader.text_size, reader.theme_choice, reader.current_page_id) == (115, SYSTEM_THEME, None)
    assert reader.reading.saved == [] and reader.reading.recent == [] and reader.ticked("a") == frozenset()
    assert not reader.can_go_back() and reader.history.current is None


def test_the_window_opens_at_the_page_asked_for_else_the_last_one_read_if_it_can_be_shown_else_home():
    reader = session()
    everything = lambda page_id: True  # noqa: E731
    assert reader.starting_place("a#part", "b", everything) == ("a", "part", False)
    assert reader.starting_place("a", "b", everything) == ("a", None, False)
    assert reader.starting_place("gone#part", "b", everything) == ("home", None, True), "home, and say so"
    assert reader.starting_place(None, "b", everything) == ("b", None, False)
    assert reader.starting_place(None, "b", lambda page_id: page_id != "b") == ("home", None, False), \
        "a page that could not be shown last time is not opened again"
    assert reader.starting_place(None, "gone", everything) == ("home", None, False)
    assert reader.starting_place("", None, everything) == ("home", None, False)
