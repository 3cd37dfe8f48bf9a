"""Kiosk mode for a waiting-room computer: full screen, nothing that touches files, websites
never opened, and after a few idle minutes the app starts afresh for the next person (with an
empty clipboard), after a notice that lets someone still reading keep their page.

Only the clinic's key combination (from the configuration file) closes the app.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication, QKeySequence, QPointerEvent, QScreen, QShortcut
from PySide6.QtWidgets import QApplication, QDockWidget

from tms_info.config import DEFAULT_EXIT_KEYS, Config
from tms_info.content.style import body_px
from tms_info.ui.idle_notice import IdleNotice

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from tms_info.ui.main_window import MainWindow

WARNING_SECONDS = 15  # the notice comes this long before the fresh start
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate}


class Kiosk(QObject):
    def __init__(self, window: MainWindow, config: Config) -> None:
        super().__init__(window)
        self.window = window
        self.leaving = False
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
               for action in window.actions_with_keys()):
            log.warning("exit_keys = %s is already a shortcut of the app; using %s to close the kiosk",
                        config.exit_keys, DEFAULT_EXIT_KEYS)
            exit_keys = QKeySequence(DEFAULT_EXIT_KEYS)
        exit_shortcut = QShortcut(exit_keys, window)
        exit_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        exit_shortcut.activated.connect(self.leave)
        for action in (window.pdf_action, window.quit_action, window.save_action, window.my_pages_toggle):
            action.setVisible(False)
            action.setEnabled(False)
        window.my_pages_dock.hide()
        for dock in window.findChildren(QDockWidget):
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        window.toolbar.setMovable(False)
        window.toolbar.toggleViewAction().setEnabled(False)
        window.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)  # no hiding the toolbar
        self.fill_screen()
        self.layout = window.saveState()
        # Activity anywhere, dialogs included, restarts the idle time. The filter is added once the
        # first page is up, as it makes Python see every event of every widget while the window is built.
        window.view.firstPainted.connect(lambda: QApplication.instance().installEventFilter(self))
        self.keep_reading()

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
            self.notice.show_notice(WARNING_SECONDS, body_px(self.window.text_size))

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
        self.window.reset_for_next_reader()
        self.window.restoreState(self.layout)  # panels closed or moved by the last person come back
        self.window.toolbar.show()
        self.window.my_pages_dock.hide()

    def leave(self) -> None:
        self.leaving = True
        self.idle.stop()
        self.warning.stop()
        self.window.close()
