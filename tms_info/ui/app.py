"""Starting the window: the QApplication, the content, the preferences, then the main window."""
from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from tms_info import APP_NAME, __version__
from tms_info.config import clinic_content_dirs, read_config
from tms_info.content import snapshot
from tms_info.content.library import Library
from tms_info.locations import bundled_content_root, icon_path
from tms_info.ui.main_window import MainWindow
from tms_info.ui.settings import APPLICATION, ORGANIZATION, MemorySettings, Preferences, open_settings
from tms_info.ui.startup_probe import install_if_asked


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.tmsinfo.TmsInfo")
    app.setWindowIcon(QIcon(str(icon_path())))
    return app


def cache_dir() -> Path | None:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location) if location else None


def create_window(open_page: str | None = None, content_dirs: Sequence[Path] = (), kiosk: bool = False,
                  config_path: Path | None = None) -> MainWindow:
    """The window for this computer: the clinic's configuration and folders on top of the bundled
    library. Whatever cannot be used is reported in one notice; the window always opens."""
    config = read_config(config_path)
    if kiosk:
        config = replace(config, kiosk=True)
    local = clinic_content_dirs(config, content_dirs)
    roots = [bundled_content_root(config.language)]
    cache = None if config.kiosk else cache_dir()  # a kiosk writes nothing to disk
    key = snapshot.signature(roots, local, config.clinic_name, config.kiosk) if cache is not None else ""
    stored = snapshot.load(cache, key)
    library, known_pages = stored if stored else (Library.load(roots, local_roots=local), {})
    notices = [*config.problems, *(str(problem) for problem in library.problems)]
    preferences = Preferences(MemorySettings() if config.kiosk else open_settings())
    window = MainWindow(library, preferences, cache, config, notices, known_pages)
    window.start(open_page)

    def save_snapshot() -> None:
        snapshot.save(cache, key, library, window.renderer.rendered_pages())

    if cache is not None:
        window.view.firstPainted.connect(lambda: QTimer.singleShot(2000, save_snapshot))
        QApplication.instance().aboutToQuit.connect(save_snapshot)
    return window


def run(open_page: str | None = None, content_dirs: Sequence[Path] = (), kiosk: bool = False,
        config_path: Path | None = None) -> int:
    app = create_application()
    window = create_window(open_page, content_dirs, kiosk, config_path)
    install_if_asked(window.view.viewport())
    if window.kiosk is None:
        window.show()
    return app.exec()
