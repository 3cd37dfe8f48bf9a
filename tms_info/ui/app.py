"""Starting the window: the QApplication, the content, the preferences, then the main window."""
from __future__ import annotations

import sys

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication

from tms_info import APP_NAME, __version__
from tms_info.content.library import Library
from tms_info.locations import bundled_content_root
from tms_info.ui.main_window import MainWindow
from tms_info.ui.settings import APPLICATION, ORGANIZATION, Preferences, open_settings


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def cache_dir() -> Path | None:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location) if location else None


def create_window(open_page: str | None = None) -> MainWindow:
    library = Library.load([bundled_content_root()])
    window = MainWindow(library, Preferences(open_settings()), cache_dir())
    window.start(open_page)
    return window


def run(open_page: str | None = None) -> int:
    app = create_application()
    window = create_window(open_page)
    window.show()
    window.start_search_index()
    return app.exec()
