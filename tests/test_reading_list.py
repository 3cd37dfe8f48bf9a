"""Saved pages and recently read pages, without a window."""
from __future__ import annotations

from tms_info.reading_list import RECENT_LIMIT, ReadingList


def test_saving_toggles_and_keeps_one_copy():
    reading = ReadingList(saved=["a", "a", "b"])
    assert reading.saved == ["a", "b"]
    assert reading.toggle_saved("c") is True and reading.saved == ["a", "b", "c"]
    assert reading.toggle_saved("a") is False and reading.saved == ["b", "c"]


def test_recent_pages_are_newest_first_without_repeats_and_bounded():
    reading = ReadingList()
    for page in ["a", "b", "a", *[f"p{i}" for i in range(20)]]:
        reading.read(page)
    assert reading.recent[0] == "p19" and len(reading.recent) == RECENT_LIMIT
    assert len(set(reading.recent)) == len(reading.recent)


def test_pages_that_no_longer_exist_are_dropped_quietly():
    exists = {"a", "c"}.__contains__
    reading = ReadingList(saved=["a", "gone", "c"], recent=["gone", "a"], exists=exists)
    assert reading.saved == ["a", "c"] and reading.recent == ["a"]
    assert reading.toggle_saved("gone") is False and "gone" not in reading.saved
    reading.read("gone")
    assert reading.recent == ["a"]
