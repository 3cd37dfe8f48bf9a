"""Where the window sits and how its panels lie: restored at start, or fitted to the screen the first
time (a small laptop gets the article and the topics, its panels opening when needed), and kept at close."""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QWidget

from tms_info.ui.settings import Preferences
from tms_info.ui.texts import translate

SMALL_SCREEN_WIDTH = 1200


def topics_beside(topics: QWidget, article: QWidget) -> QSplitter:
    """The topic list and the article side by side; the article takes the width the window gains."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName("topicSplitter")
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(topics)
    splitter.addWidget(article)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([260, 760])
    splitter.setAccessibleName(translate("MainWindow", "Topics and article"))
    return splitter


def restore_layout(window: QMainWindow, splitter: QSplitter, preferences: Preferences,
                   panels: Iterable[QDockWidget]) -> None:
    geometry = preferences.geometry
    if geometry is None or not window.restoreGeometry(geometry):  # Qt brings an off-screen window back
        fit_to_screen(window, splitter, panels)
    if (state := preferences.window_state) is not None:
        window.restoreState(state)
    if (splitter_state := preferences.splitter_state) is not None:
        splitter.restoreState(splitter_state)


def fit_to_screen(window: QMainWindow, splitter: QSplitter, panels: Iterable[QDockWidget]) -> None:
    """First start: a comfortable size that fits inside the screen's free area."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry()
    width, height = min(1280, available.width()), min(860, available.height())
    window.resize(width, height)
    if width < SMALL_SCREEN_WIDTH:  # the panels open when needed: a glossary word, the star, the menu
        for panel in panels:
            panel.hide()
        splitter.setSizes([220, width - 220])
    window.move(available.x() + (available.width() - width) // 2, available.y() + (available.height() - height) // 2)


def save_layout(window: QMainWindow, splitter: QSplitter, preferences: Preferences) -> None:
    preferences.geometry = window.saveGeometry()
    preferences.window_state = window.saveState()
    preferences.splitter_state = splitter.saveState()
