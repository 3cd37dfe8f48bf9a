"""Getting around the window without aiming the mouse: F6 moves from area to area (topics, article,
glossary, My pages, search) as in web browsers, and a mouse's side buttons go back and forward
wherever the pointer is."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget


def cycle_focus(areas: Sequence[tuple[QWidget, QWidget]], step: int) -> None:
    """Moves the keyboard focus `step` areas on from the one that has it; each area is (the area,
    the control in it that takes the focus)."""
    focused = QApplication.focusWidget()
    current = next((i for i, (area, _target) in enumerate(areas)
                    if focused is not None and (area is focused or area.isAncestorOf(focused))), -1)
    areas[(current + step) % len(areas)][1].setFocus(Qt.FocusReason.ShortcutFocusReason)


class FocusAreas:
    """F6 and Shift+F6 over the areas `areas()` gives when asked (those on the screen then)."""

    def __init__(self, areas: Callable[[], Sequence[tuple[QWidget, QWidget]]]) -> None:
        self._areas = areas

    def next(self) -> None:
        cycle_focus(self._areas(), +1)

    def previous(self) -> None:
        cycle_focus(self._areas(), -1)


class SideButtons(QObject):
    """Watches a window's native window, which sees every mouse press before any widget in it does.
    (A filter on the whole application would also see every paint and layout event of every widget.)"""

    def __init__(self, back: Callable[[], None], forward: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._moves = {Qt.MouseButton.BackButton: back, Qt.MouseButton.ForwardButton: forward}

    def watch(self, native_window: QObject) -> None:
        native_window.installEventFilter(self)  # Qt keeps one entry per filter: a second call changes nothing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and (move := self._moves.get(event.button())):
            move()
            return True
        return False
