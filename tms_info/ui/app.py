"""Starting the window: the QApplication, the content, the preferences, then the main window."""
from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from tms_info import APP_NAME, __version__
from tms_info.config import Config, library_roots, read_config
from tms_info.content import snapshot
from tms_info.content.languages import choose_language
from tms_info.content.library import Library
from tms_info.fonts import install_fonts
from tms_info.locations import icon_path
from tms_info.content.style import body_px
from tms_info.ui.main_window import MainWindow
from tms_info.ui.settings import APPLICATION, ORGANIZATION, MemorySettings, Preferences, open_settings
from tms_info.ui.startup_probe import install_if_asked
from tms_info.ui.texts import app_name
from tms_info.ui.translation import install_language


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.tmsinfo.TmsInfo")
    app.setWindowIcon(QIcon(str(icon_path())))
    font = app.font()  # the bundled typeface, at the size the system gives
    font.setFamilies([install_fonts()])
    app.setFont(font)
    return app


def cache_dir() -> Path | None:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location) if location else None


def create_window(open_page: str | None = None, content_dirs: Sequence[Path] = (), kiosk: bool = False,
                  config_path: Path | None = None, language: str | None = None) -> MainWindow:
    """The window for this computer: the clinic's configuration and folders on top of the bundled
    library, in the language asked for on the command line, else the reader's choice, else the
    clinic's, else the system's. Whatever cannot be used is reported in one notice; the window
    always opens. Choosing another language (View > Language) replaces the window with one in
    that language at the same page; a kiosk's fresh start returns to the clinic's language."""
    config = read_config(config_path)
    if kiosk:
        config = replace(config, kiosk=True)
    preferences = Preferences(MemorySettings() if config.kiosk else open_settings())
    system = QLocale.system().name()
    chosen = choose_language(language, preferences.language, config.language, system)
    return _window_in(chosen, open_page, content_dirs, config, preferences,
                      home_language=choose_language(language, config.language, system))


def _window_in(language: str, open_page: str | None, content_dirs: Sequence[Path], config: Config,
               preferences: Preferences, home_language: str) -> MainWindow:
    notices = install_language(language)
    QApplication.instance().setApplicationDisplayName(app_name())
    roots, local = library_roots(config, content_dirs, language)
    cache = None if config.kiosk else cache_dir()  # a kiosk writes nothing to disk
    key = snapshot.signature(roots, local, config.clinic_name, config.kiosk, language, config.language) \
        if cache is not None else ""
    stored = snapshot.load(cache, key)
    library, known_pages = stored if stored else (
        Library.load(roots, local_roots=local, language=language, unlabelled_language=config.folder_language), {})
    notices += [*config.problems, *(str(problem) for problem in library.problems)]
    window = compose_window(library, preferences, cache, config, notices, known_pages)
    if not window.isVisible():  # (a kiosk has shown itself, full screen)
        window.show()  # before the first page, which is then laid out once, at the window's own size
    window.start(open_page)
    kiosk = None
    if config.kiosk:
        from tms_info.ui.kiosk import Kiosk  # only a kiosk loads it

        kiosk = Kiosk.of(window)

    def save_snapshot() -> None:
        snapshot.save(cache, key, library, window.renderer.rendered_pages())

    if cache is not None:
        window.view.firstPainted.connect(lambda: QTimer.singleShot(2000, save_snapshot))
        QApplication.instance().aboutToQuit.connect(save_snapshot)

    def switch(code: str) -> None:
        """Another language: a new window at the same page, where the old one was."""
        if not config.kiosk:
            preferences.language = code
        window.save_settings()
        page = window.session.current_page_id if window.session.history.current is not None else None
        replacement = _window_in(code, page, content_dirs, config, preferences, home_language)
        replacement.setGeometry(window.geometry())
        if kiosk is not None:
            kiosk.leave()  # the only way a kiosk window closes
        else:
            window.close()
        window.deleteLater()

    window.languageChosen.connect(switch)
    if kiosk is not None and language != home_language:  # the next visitor gets the clinic's language
        kiosk.startedAfresh.connect(lambda: switch(home_language))
    return window


def compose_window(library: Library, preferences: Preferences, cache: Path | None = None, config: Config | None = None,
                   notices: Sequence[str] = (), known_pages: dict[str, str] | None = None) -> MainWindow:
    """The main window with the policy its configuration asks for; in a kiosk, run by a Kiosk that
    starts it afresh for each visitor."""
    config = config or Config()
    window = MainWindow(library, preferences, cache, config, notices, known_pages)  # its policy from `config`
    if config.kiosk:
        from tms_info.ui.kiosk import Kiosk  # only a kiosk loads it

        kiosk = Kiosk(window, config, lambda: body_px(window.session.text_size))
        kiosk.startedAfresh.connect(window.reset_for_next_reader)
        window.view.firstPainted.connect(kiosk.watch_activity)
    return window


def run(open_page: str | None = None, content_dirs: Sequence[Path] = (), kiosk: bool = False,
        config_path: Path | None = None, language: str | None = None) -> int:
    app = create_application()
    window = create_window(open_page, content_dirs, kiosk, config_path, language)
    install_if_asked(window.view.viewport())
    return app.exec()
