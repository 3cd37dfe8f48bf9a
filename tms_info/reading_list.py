"""The reader's own lists: pages they saved (starred) and pages they read recently.

Plain Python, so the rules are tested without a window: saving twice keeps one copy, the recent
list keeps the newest first without repeats, and pages that no longer exist are dropped quietly.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

RECENT_LIMIT = 12


class ReadingList:
    def __init__(self, saved: Iterable[str] = (), recent: Iterable[str] = (),
                 exists: Callable[[str], bool] = lambda page_id: True) -> None:
        self._exists = exists
        self.saved: list[str] = list(dict.fromkeys(p for p in saved if exists(p)))
        self.recent: list[str] = list(dict.fromkeys(p for p in recent if exists(p)))[:RECENT_LIMIT]

    def is_saved(self, page_id: str) -> bool:
        return page_id in self.saved

    def toggle_saved(self, page_id: str) -> bool:
        """Saves a page or takes it off the list; True if it is saved now."""
        if page_id in self.saved:
            self.saved.remove(page_id)
            return False
        if not self._exists(page_id):
            return False
        self.saved.append(page_id)
        return True

    def remove_saved(self, page_id: str) -> None:
        if page_id in self.saved:
            self.saved.remove(page_id)

    def read(self, page_id: str) -> None:
        if not self._exists(page_id):
            return
        if page_id in self.recent:
            self.recent.remove(page_id)
        self.recent.insert(0, page_id)
        del self.recent[RECENT_LIMIT:]

    def clear(self) -> None:
        self.saved.clear()
        self.recent.clear()
