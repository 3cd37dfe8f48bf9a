"""A strong focus ring, 3 px in the theme's focus colour, around whatever has the keyboard focus:
the topic list, the article, fields, lists, buttons and every other control, in every window.

Fusion marks focus with a 1 px line, or only a changed border, which a tired reader with poor
eyesight does not find. The ring is a QFocusFrame laid over the focused control (Qt keeps it on
the control as it moves, resizes or hides, and leaves it out of what screen readers see), drawn
just inside the control's edge so that no neighbour or window edge can hide it.
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QRegion, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFocusFrame,
    QMenu,
    QMenuBar,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)

RING_PX = 3


class _RingStyle(QProxyStyle):
    """Puts the frame over the control (Fusion puts it under, where only a 2 px margin shows)."""

    def styleHint(self, hint: QStyle.StyleHint, option: QStyleOption | None = None, widget: QWidget | None = None,
                  returned: QStyleHintReturn | None = None) -> int:
        if hint == QStyle.StyleHint.SH_FocusFrame_AboveWidget:
            return 1
        if hint == QStyle.StyleHint.SH_FocusFrame_Mask:
            return 0
        return super().styleHint(hint, option, widget, returned)

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        if metric in (QStyle.PixelMetric.PM_FocusFrameHMargin, QStyle.PixelMetric.PM_FocusFrameVMargin):
            return 0
        return super().pixelMetric(metric, option, widget)


class FocusRing(QFocusFrame):
    """The ring itself; only its band is part of it (a mask), so the control shows through and
    repaints under it cost nothing."""

    def __init__(self, colour: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("focusRing")
        self._style = _RingStyle()  # kept: the frame does not own its style
        self._style.setParent(self)
        self.setStyle(self._style)
        self.colour = colour

    def set_colour(self, colour: QColor) -> None:
        self.colour = QColor(colour)
        self.update()

    def band(self) -> QRegion:
        return QRegion(self.rect()).subtracted(QRegion(self.rect().adjusted(RING_PX, RING_PX, -RING_PX, -RING_PX)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.setMask(self.band())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        for rect in self.band():
            painter.fillRect(rect, self.colour)


def wants_ring(widget: QWidget | None) -> bool:
    """Controls that take the keyboard; menus show their own highlight."""
    if widget is None or isinstance(widget, (QMenu, QMenuBar, QFocusFrame)):
        return False
    if widget.isWindow():  # a window itself, such as a dialog with nothing inside to focus
        return False
    return widget.width() > 2 * RING_PX and widget.height() > 2 * RING_PX


class FocusRings(QObject):
    """Moves the one ring to the widget that has the focus, whichever window it is in."""

    def __init__(self, colour: QColor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.colour = QColor(colour)
        self.ring: FocusRing | None = None
        QApplication.instance().focusChanged.connect(self._follow)
        self._follow(None, QApplication.focusWidget())

    def set_colour(self, colour: QColor) -> None:
        self.colour = QColor(colour)
        if self.ring is not None:
            self.ring.set_colour(self.colour)

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not wants_ring(new):
            if self.ring is not None:
                self.ring.setWidget(None)
                self.ring.hide()
            return
        if self.ring is None:
            self.ring = FocusRing(self.colour)
            self.ring.destroyed.connect(self._forget)
        self.ring.setWidget(new)

    def _forget(self) -> None:
        self.ring = None


def install(colour: QColor) -> FocusRings:
    """The application's focus rings (made once), in `colour`."""
    app = QApplication.instance()
    rings = app.findChild(FocusRings)
    if rings is None:
        rings = FocusRings(colour, app)
    else:
        rings.set_colour(colour)
    return rings

