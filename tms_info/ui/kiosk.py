"""Kiosk mode for a waiting-room computer: full screen, nothing that touches files, websites
never opened, and after a few idle minutes the app starts afresh for the next person (with an
empty clipboard).

Only the clinic's key combination (from the configuration file) closes the app.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDockWidget

from tms_info.config import DEFAULT_EXIT_KEYS, Config

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from tms_info.ui.main_window import MainWindow

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate}


class Kiosk(QObject):
    def __init__(self, window: MainWindow, config: Config) -> None:
        super().__init__(window)
        self.window = window
        self.leaving = False
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(config.idle_timeout * 1000)
        self.idle.timeout.connect(self.start_afresh)
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
        window.showFullScreen()
        self.layout = window.saveState()
        # Activity anywhere, dialogs included, restarts the idle time. The filter is added once the
        # first page is up, as it makes Python see every event of every widget while the window is built.
        window.view.firstPainted.connect(lambda: QApplication.instance().installEventFilter(self))
        self.idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.idle.start()
        return False

    def start_afresh(self) -> None:
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
        self.window.close()
