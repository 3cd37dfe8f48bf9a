"""One reader's session in the window: the page they are on, where they have been, the text size and
colours they chose, the pages they saved and read, and the checklist boxes they ticked.

Plain Python, so the rules are tested without a window: the window shows what this object says and
asks it what a click means. A kiosk's fresh start for the next person is `reset()`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from tms_info.content.model import HOME_ID
from tms_info.content.style import DEFAULT_TEXT_SIZE, TEXT_SIZES, THEMES
from tms_info.history import History, Place
from tms_info.reading_list import ReadingList

SYSTEM_THEME = "system"
THEME_CHOICES = (SYSTEM_THEME, *THEMES)
""""system" follows the desktop's light or dark setting; the others are tms_info.content.style's themes."""


class ReadingSession:
    def __init__(self, exists: Callable[[str], bool], text_size: int = DEFAULT_TEXT_SIZE,
                 theme_choice: str = SYSTEM_THEME, saved: Iterable[str] = (), recent: Iterable[str] = ()) -> None:
        self._exists = exists
        self.history = History()
        self.reading = ReadingList(saved, recent, exists=exists)
        self.text_size = text_size if text_size in TEXT_SIZES else DEFAULT_TEXT_SIZE
        self.theme_choice = theme_choice if theme_choice in THEME_CHOICES else SYSTEM_THEME
        self.current_page_id: str | None = None
        self._ticked: dict[str, set[int]] = {}  # boxes the reader changed, by page: this session only

    # ----- where the reader is ----------------------------------------------------------------

    def starting_place(self, requested: str | None, last_page: str | None,
                       showable: Callable[[str], bool]) -> tuple[str, str | None, bool]:
        """Where the window opens: the page asked for (with its #part), else the last page read if it
        can still be shown, else home; and whether a page was asked for that is not there."""
        if requested:
            page_id, _, anchor = requested.partition("#")
            if self._exists(page_id):
                return page_id, anchor or None, False
            return HOME_ID, None, True
        return (last_page if last_page and self._exists(last_page) and showable(last_page) else HOME_ID), None, False

    def visit(self, page_id: str, anchor: str | None = None, scroll_now: float | None = None) -> Place | None:
        """A new step in the history, as a link or the topic list asks; None when it is the page
        already shown, asked for again as a whole: the window then only goes back to its top.
        `scroll_now` is how far down the current page the reader is, kept for Back."""
        current = self.history.current
        if current is not None and current.page_id == page_id == self.current_page_id and not anchor \
                and not current.anchor:
            return None
        if current is not None:
            current.scroll = scroll_now
        place = Place(page_id, anchor)
        self.history.visit(place)
        return place

    def back(self, scroll_now: float | None = None) -> Place | None:
        return self._step(self.history.back, scroll_now)

    def forward(self, scroll_now: float | None = None) -> Place | None:
        return self._step(self.history.forward, scroll_now)

    def _step(self, move: Callable[[], Place | None], scroll_now: float | None) -> Place | None:
        current = self.history.current
        if current is not None:
            current.scroll = scroll_now
        return move()

    def can_go_back(self) -> bool:
        return self.history.can_go_back()

    def can_go_forward(self) -> bool:
        return self.history.can_go_forward()

    def arrive(self, place: Place) -> bool:
        """The window shows `place`; True if it is another page than before (it must be rendered)."""
        changed = place.page_id != self.current_page_id
        self.current_page_id = place.page_id
        if self._exists(place.page_id):
            self.reading.read(place.page_id)
        return changed

    # ----- text size and colours --------------------------------------------------------------

    def larger_text(self) -> bool:
        return self.set_text_size(next((s for s in TEXT_SIZES if s > self.text_size), self.text_size))

    def smaller_text(self) -> bool:
        return self.set_text_size(next((s for s in reversed(TEXT_SIZES) if s < self.text_size), self.text_size))

    def set_text_size(self, size: int) -> bool:
        """True if the size changed (a size not offered is ignored)."""
        if size == self.text_size or size not in TEXT_SIZES:
            return False
        self.text_size = size
        return True

    def can_grow(self) -> bool:
        return self.text_size < TEXT_SIZES[-1]

    def can_shrink(self) -> bool:
        return self.text_size > TEXT_SIZES[0]

    def choose_theme(self, choice: str) -> str:
        """The choice kept: an unknown one is the system's."""
        self.theme_choice = choice if choice in THEME_CHOICES else SYSTEM_THEME
        return self.theme_choice

    # ----- the reader's own marks -------------------------------------------------------------

    def is_saved(self) -> bool:
        return self.current_page_id is not None and self.reading.is_saved(self.current_page_id)

    def toggle_saved(self) -> bool | None:
        """Saves the current page or takes it off My pages: True if saved now, None with no page."""
        if self.current_page_id is None:
            return None
        return self.reading.toggle_saved(self.current_page_id)

    def remove_saved(self, page_id: str) -> None:
        self.reading.remove_saved(page_id)

    def toggle_box(self, number: int) -> bool:
        """Ticks or unticks box `number` of the current page's checklist; False with no page."""
        if self.current_page_id is None:
            return False
        self._ticked.setdefault(self.current_page_id, set()).symmetric_difference_update({number})
        return True

    def ticked(self, page_id: str | None = None) -> frozenset[int]:
        """The boxes changed on `page_id` (the current page by default)."""
        return frozenset(self._ticked.get(page_id if page_id is not None else self.current_page_id or "", ()))

    def reset(self, text_size: int = DEFAULT_TEXT_SIZE) -> None:
        """Nothing of the last reader stays: no history, saved or recent pages, ticks or choices."""
        self.history.clear()
        self.reading.clear()
        self._ticked.clear()
        self.current_page_id = None
        self.text_size = text_size if text_size in TEXT_SIZES else DEFAULT_TEXT_SIZE
        self.theme_choice = SYSTEM_THEME
