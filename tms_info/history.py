"""Back and Forward: the pages a reader has seen in this window, with where they had scrolled to."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Place:
    page_id: str
    anchor: str | None = None
    scroll: float | None = None  # how far down the page, from 0 to 1


class History:
    def __init__(self, limit: int = 200) -> None:
        self._places: list[Place] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> Place | None:
        return self._places[self._index] if self._index >= 0 else None

    def visit(self, place: Place) -> None:
        """A new page: anything ahead of the current one is dropped, as in a web browser."""
        del self._places[self._index + 1:]
        self._places.append(place)
        if len(self._places) > self._limit:
            del self._places[0]
        self._index = len(self._places) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1

    def back(self) -> Place | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Place | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self.current

    def clear(self) -> None:
        self._places.clear()
        self._index = -1
