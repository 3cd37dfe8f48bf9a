"""Kiosk mode for a waiting-room computer: full screen, and after a few idle minutes the app starts
afresh for the next person (with an empty clipboard), after a notice that lets someone still reading
keep their page. Only the clinic's key combination (from the configuration file) closes the app.

What the window itself allows in a kiosk (no files, no websites, fixed panels) is its policy,
tms_info.ui.policy.KIOSK; this object only watches the time and the screen, and says when the
window is to start afresh (`startedAfresh`), which whoever composed the window connects.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QClipboard, QGuiApplication, QKeySequence, QPointerEvent, QScreen, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow

from tms_info.config import DEFAULT_EXIT_KEYS, Config
from tms_info.ui.idle_notice import IdleNotice

log = logging.getLogger(__name__)

WARNING_SECONDS = 15  # the notice comes this long before the fresh start
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate}


class Kiosk(QObject):
    startedAfresh = Signal()
    """The window was left idle for the clinic's time: it is to start afresh for the next person."""

    def __init__(self, window: QMainWindow, config: Config, text_px: Callable[[], int]) -> None:
        """`text_px`: the reader's text size in pixels, for the notice."""
        super().__init__(window)
        self.window = window
        self.leaving = False
        self._text_px = text_px
        self._watching = False
        self._screen: QScreen | None = None
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(config.idle_timeout * 1000)
        self.idle.timeout.connect(self.start_afresh)
        self.warning = QTimer(self)  # fires WARNING_SECONDS before `idle`, which alone means "start afresh now"
        self.warning.setSingleShot(True)
        self.warning.setInterval(max(config.idle_timeout - WARNING_SECONDS, 0) * 1000)
        self.warning.timeout.connect(self.warn)
        self.notice = IdleNotice(window)
        self.notice.keepReadingClicked.connect(self.keep_reading)
        exit_keys = QKeySequence(config.exit_keys)
        if any(action.shortcut().matches(exit_keys) == QKeySequence.SequenceMatch.ExactMatch
               for action in window.findChildren(QAction)):
            log.warning("exit_keys = %s is already a shortcut of the app; using %s to close the kiosk",
                        config.exit_keys, DEFAULT_EXIT_KEYS)
            exit_keys = QKeySequence(DEFAULT_EXIT_KEYS)
        exit_shortcut = QShortcut(exit_keys, window)
        exit_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        exit_shortcut.activated.connect(self.leave)
        self.fill_screen()
        self.layout = window.saveState()
        window.installEventFilter(self)  # an ordinary close is refused
        self.keep_reading()

    def watch_activity(self) -> None:
        """Activity anywhere, dialogs included, restarts the idle time from now on. Called once the
        first page is up: the filter makes Python see every event of every widget."""
        if not self._watching and not self.leaving:
            self._watching = True
            QApplication.instance().installEventFilter(self)

    def fill_screen(self) -> None:
        """Full screen, also in a bare X session: with no window manager to honour the full-screen
        state (a common kiosk set-up), only a frameless window given the screen's geometry covers it."""
        window = self.window
        screen = window.screen() or QGuiApplication.primaryScreen()
        if not window.windowFlags() & Qt.WindowType.FramelessWindowHint:
            window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.setGeometry(screen.geometry())
        window.showFullScreen()
        if self._screen is not screen:  # a new resolution or monitor: fill it again
            if self._screen is not None:
                self._screen.geometryChanged.disconnect(self._screen_changed)
            screen.geometryChanged.connect(self._screen_changed)
            self._screen = screen

    def _screen_changed(self) -> None:
        if not self.leaving:
            self.fill_screen()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.leaving:
            return False
        if event.type() == QEvent.Type.Close and watched is self.window:
            event.ignore()  # only the clinic's key combination closes a kiosk
            return True
        if event.type() in _ACTIVITY:
            if not self.notice.isVisible():
                self.idle.start()
                self.warning.start()
            elif event.type() != QEvent.Type.MouseMove and not (
                    isinstance(event, QPointerEvent) and self.notice.covers(event)):
                # A pointer on its way to the button, or on it, leaves the notice to the button.
                self.keep_reading()
        return False

    def warn(self) -> None:
        """The notice before a fresh start; any key, click or touch, or its button, keeps the page."""
        if self.idle.isActive():
            self.notice.show_notice(WARNING_SECONDS, self._text_px())

    def keep_reading(self) -> None:
        self.notice.hide()
        self.idle.start()
        self.warning.start()

    def start_afresh(self) -> None:
        self.warning.stop()
        self.notice.hide()
        clipboard = QGuiApplication.clipboard()  # what the last person copied is not the next one's to paste
        clipboard.clear(QClipboard.Mode.Clipboard)
        if clipboard.supportsSelection():
            clipboard.clear(QClipboard.Mode.Selection)
        self.window.restoreState(self.layout)  # panels closed or moved by the last person come back
        self.startedAfresh.emit()

    def leave(self) -> None:
        self.leaving = True
        self.idle.stop()
        self.warning.stop()
        if self._watching:
            QApplication.instance().removeEventFilter(self)
            self._watching = False
        self.window.removeEventFilter(self)
        self.window.close()

    @staticmethod
    def of(window: QMainWindow) -> Kiosk | None:
        """The kiosk that runs `window`, if it is one."""
        return window.findChild(Kiosk)
