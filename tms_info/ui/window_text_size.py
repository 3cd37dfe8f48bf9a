"""One text size for the whole window: menus, toolbar, tooltips, panels, dialogs and status bar
grow and shrink with the reader's text size (A- and A+), not only the article.

The application's font is set, so every window of the app (dialogs, message boxes, file and print
dialogs) follows it. The size the system gave the app at start is kept on the application, so that
a window built later (another language) scales from the system's size, not from an already scaled one.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QToolBar,
    QToolButton,
    QToolTip,
    QWidget,
)

from tms_info.content.style import DEFAULT_TEXT_SIZE

STATUS_PADDING = 6  # a status bar's message: its line and the space Qt leaves around it
_STEADY_TEXTS = "tmsInfoSteadyTexts"  # on a button: the words it may show, for its width
_BASE_PROPERTY = "tmsInfoBaseFontSize"  # (size, is_pixel_size) of the system's font, kept on the app


def _base_size() -> tuple[float, bool]:
    app = QApplication.instance()
    stored = app.property(_BASE_PROPERTY)
    if stored:
        return float(stored[0]), bool(stored[1])
    font = app.font()
    base = (font.pointSizeF(), False) if font.pointSizeF() > 0 else (float(font.pixelSize()), True)
    app.setProperty(_BASE_PROPERTY, [base[0], base[1]])
    return base


def window_font(percent: int) -> QFont:
    """The application's font at `percent` of the size the system gave it."""
    size, in_pixels = _base_size()
    font = QFont(QApplication.font())
    if in_pixels:
        font.setPixelSize(max(6, round(size * percent / 100)))
    else:
        font.setPointSizeF(max(5.0, round(size * percent / 100 * 2) / 2))  # whole and half points
    return font


def apply_text_size(percent: int = DEFAULT_TEXT_SIZE, window: QWidget | None = None) -> QFont:
    """Sets the window text size everywhere in the application, tooltips included; `window` is
    the main window, whose widgets Qt does not update by itself (see below)."""
    font = window_font(percent)
    if QApplication.font() != font:
        QApplication.setFont(font)  # also drops fonts Qt kept for single classes such as QMenu
    QToolTip.setFont(font)  # after setFont, which forgets the tooltip's own font
    app = QApplication.instance()
    if app.styleSheet():  # widgets styled by it keep the font they were polished with: polished again
        app.setStyleSheet(app.styleSheet())
    # Before the event loop runs, Qt tells no window of the new font (menus are windows too).
    for top in QApplication.topLevelWidgets():
        QApplication.sendEvent(top, QEvent(QEvent.Type.ApplicationFontChange))
    if window is not None:
        for widget in [window, *window.findChildren(QWidget)]:
            if widget.styleSheet():  # a style sheet fixes the font it found when it was set
                widget.setStyleSheet(widget.styleSheet())
        for dock in window.findChildren(QDockWidget):
            _size_dock_title(dock, font)
        fit_toolbars(window)
        if isinstance(window, QMainWindow):
            # as tall as a message in it, before one is shown: a message must not push the window up
            window.statusBar().setMinimumHeight(QFontMetrics(font).height() + STATUS_PADDING)
    return font


def set_list_text_size(widgets: Iterable[QWidget], pixels: int) -> None:
    """The words of lists beside the article (topics, search results, My pages) at `pixels`."""
    for widget in widgets:
        font = widget.font()
        font.setPixelSize(pixels)
        widget.setFont(font)


def _size_dock_title(dock: QDockWidget, font: QFont) -> None:
    """A dock paints its title in the font it was built with while its own font is the
    application's; a title font of its own (semibold, as headings are) follows the size, and the
    panel inside keeps the plain font."""
    title = QFont(font)
    title.setWeight(QFont.Weight.DemiBold)
    dock.setFont(title)
    if dock.widget() is not None:
        plain = QFont(font)
        plain.setWeight(QFont.Weight.Normal)  # set, or the panel would take the title's weight
        dock.widget().setFont(plain)


def steady_width(button: QToolButton, texts: Iterable[str]) -> None:
    """A button whose words change (Save, Saved) keeps the width of the longest, at this text
    size: the buttons and the search field beside it do not move when it changes."""
    button.setProperty(_STEADY_TEXTS, list(texts))
    _keep_steady(button)


def _keep_steady(button: QToolButton) -> None:
    texts = button.property(_STEADY_TEXTS)
    button.setMinimumWidth(0)
    if not texts or button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
        return
    metrics = QFontMetricsF(button.font())
    current = metrics.horizontalAdvance(button.text())
    widest = max(metrics.horizontalAdvance(text) for text in texts)
    button.setMinimumWidth(button.sizeHint().width() + math.ceil(max(0.0, widest - current)) + 1)


class ToolbarFit(QObject):
    """At a large text size on a small screen, the toolbar's buttons with an icon show only the
    icon, rather than some of them going behind the » button where nobody finds them. Their
    names stay in their tooltips and for screen readers; the buttons named in `keep_words`
    (Help now) always keep their words."""

    def __init__(self, toolbar: QToolBar, keep_words: Iterable[str] = ("helpNowButton",)) -> None:
        super().__init__(toolbar)
        self.setObjectName("toolbarFit")
        self._toolbar = toolbar
        self._keep = frozenset(keep_words)
        self._fitting = False
        self._pending = False
        self._needed: dict[tuple, int] = {}
        self.compact = False
        toolbar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._toolbar and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) \
                and not self._fitting and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.fit)
        return False

    def _buttons(self) -> list[QToolButton]:
        return [button for button in self._toolbar.findChildren(QToolButton)
                if button.defaultAction() is not None and not button.defaultAction().icon().isNull()
                and button.objectName() not in self._keep and button.objectName() != "qt_toolbar_ext_button"]

    def fit(self) -> None:
        """Words beside the icons if they all fit, else icons only. The width the words need is
        measured once for each font and set of words, so that fitting never loops."""
        self._pending = False
        if self._fitting:
            return
        self._fitting = True
        try:
            buttons = self._buttons()
            key = (self._toolbar.font().key(), self._toolbar.width() > 0,
                   tuple(button.text() for button in buttons))
            needed = self._needed.get(key)
            if needed is None:
                for button in buttons:
                    self._set_style(button, Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
                self._toolbar.layout().invalidate()
                needed = self._needed[key] = self._toolbar.sizeHint().width()  # all in full, none behind »
            self.compact = needed > self._toolbar.width()
            for button in buttons:
                self._set_style(button, Qt.ToolButtonStyle.ToolButtonIconOnly if self.compact
                                else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        finally:
            self._fitting = False

    @staticmethod
    def _set_style(button: QToolButton, style: Qt.ToolButtonStyle) -> None:
        if button.toolButtonStyle() != style:
            button.setToolButtonStyle(style)
            _keep_steady(button)


def fit_toolbars(window: QWidget) -> None:
    """Keeps every toolbar of the window fitted (see ToolbarFit), now and as it resizes."""
    for toolbar in window.findChildren(QToolBar):
        fitter = toolbar.findChild(ToolbarFit, "toolbarFit") or ToolbarFit(toolbar)
        fitter.fit()
