"""How the window's code asks for its words: Qt's translate with the context written out.

`translate("MainWindow", "&Search…")` is filed by pyside6-lupdate under the same context that
PySide6 looks it up with at run time (self.tr() would use the class of the object at run time, a
subclass's name included). With no translation installed the English source text is shown as
written. QtCore only: handouts are written with it on a machine with no display.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from tms_info import APP_NAME

translate = QCoreApplication.translate

APP_NAME_SOURCE = QT_TRANSLATE_NOOP("Application", "TMS Information")  # APP_NAME, for lupdate to find


def app_name() -> str:
    """The app's name as the reader's language says it."""
    return translate("Application", APP_NAME)


def _english_plural(text: str, count: int) -> str:
    """With no translation installed, "%n page(s)" reads "1 page" or "3 pages", as English writes them."""
    return text.replace("(s)", "" if count == 1 else "s")


class Counts(QObject):
    """A number with its noun, in as many plural forms as the language has. lupdate gives a message
    plural forms only when it comes from a tr() call, so those messages live here, in a class never
    subclassed: tr()'s context is then "Counts" for lupdate and at run time alike."""

    def problems(self, count: int) -> str:
        return _english_plural(self.tr("%n problem(s)", "", count), count)

    def pages(self, count: int) -> str:
        return _english_plural(self.tr("%n page(s)", "", count), count)


def count_problems(count: int) -> str:
    return Counts().problems(count)


def count_pages(count: int) -> str:
    return Counts().pages(count)
