"""Puts the window, Qt's own dialogs (print, file) and the core's words in the reader's language.

The app's translation is compiled from resources/translations/tms_info_<code>.ts at install; Qt's
own comes with PySide6 (qtbase_<code>.qm). English needs neither: it is the source language.
"""
from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from tms_info.content import i18n
from tms_info.content.languages import DEFAULT_LANGUAGE, LANGUAGES
from tms_info.locations import translations_dir

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []


def install_language(language: str) -> list[str]:
    """Makes `language` the one every new window, dialog and page is shown in; what could not be
    loaded, as notices for the reader (the window then stays in English, the pages do not)."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    if language == DEFAULT_LANGUAGE:
        i18n.install(None)
        return []
    notices = []
    ours = QTranslator(app)
    if ours.load(f"tms_info_{language}", str(translations_dir())):
        _installed.append(ours)
    else:
        log.warning("The %s translation of the window is missing from %s", LANGUAGES[language], translations_dir())
        notices.append(QCoreApplication.translate(
            "Translation", "The window's {language} words are missing: reinstall the app to get them.").format(
            language=LANGUAGES[language]))
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    i18n.install(QCoreApplication.translate, lambda day: _local_day(language, day))
    return notices


def _local_day(language: str, day: date) -> str:
    pattern = QCoreApplication.translate("Date", "d MMMM yyyy")  # Spanish: d 'de' MMMM 'de' yyyy
    return QLocale(language).toString(QDate(day.year, day.month, day.day), pattern)
