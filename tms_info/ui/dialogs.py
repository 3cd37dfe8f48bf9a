"""Help > About and Help > Keyboard shortcuts."""
from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from tms_info import __version__
from tms_info.content.library import Library
from tms_info.content.i18n import format_day
from tms_info.ui.texts import app_name, translate

NORMAL_LINE_PX = 17  # a line of the system's usual 9 to 10 pt font

# keys as Qt names them in the language (qtbase's translations), and what they do
OTHER_KEYS = [
    (QT_TRANSLATE_NOOP("Keys", "Tab, Shift+Tab"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Move between links on a page, and between parts of the window")),
    (QT_TRANSLATE_NOOP("Keys", "Enter"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Follow the link you are on; open the chosen topic or search result")),
    (QT_TRANSLATE_NOOP("Keys", "Up, Down"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Move in the list of topics, glossary terms or search results")),
    (QT_TRANSLATE_NOOP("Keys", "Escape"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Close search results or the find bar")),
    (QT_TRANSLATE_NOOP("Keys", "Ctrl + mouse wheel"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Larger or smaller text")),
    (QT_TRANSLATE_NOOP("Keys", "Mouse back and forward buttons"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Back and Forward")),
]


def _show(parent: QWidget, title: str, html: str, name: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setObjectName(name)
    browser = QTextBrowser()
    browser.setOpenLinks(False)
    browser.setAccessibleName(title)
    browser.setHtml(html)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    _fit_size(dialog, parent)
    dialog.browser = browser
    dialog.open()
    return dialog


def _fit_size(dialog: QDialog, parent: QWidget) -> None:
    """560 by 520 at the normal text size, growing with the text, never past the screen."""
    scale = max(1.0, dialog.fontMetrics().height() / NORMAL_LINE_PX)
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    available = screen.availableGeometry()
    dialog.resize(min(round(560 * scale), round(available.width() * 0.9)),
                  min(round(520 * scale), round(available.height() * 0.9)))


def shortcuts_html(actions: Iterable[QAction]) -> str:
    rows = [(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText), action.text().replace("&", ""))
            for action in actions if not action.shortcut().isEmpty()]
    rows += [(translate("Keys", keys), translate("ShortcutsDialog", what)) for keys, what in OTHER_KEYS]
    cells = "".join(f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>" for keys, what in rows)
    title = translate("ShortcutsDialog", "Keyboard shortcuts")
    intro = translate("ShortcutsDialog", "Everything in the app can be done with the keyboard.")
    return (f"<h2>{escape(title)}</h2><p>{escape(intro)}</p>"
            f"<table cellpadding='6' border='1' style='border-collapse: collapse'>{cells}</table>")


def show_shortcuts(parent: QWidget, actions: Iterable[QAction]) -> QDialog:
    return _show(parent, translate("ShortcutsDialog", "Keyboard shortcuts"), shortcuts_html(actions), "shortcutsDialog")


def about_html(library: Library) -> str:
    reviewed = [page.reviewed for page in library.pages.values() if page.reviewed]
    latest = format_day(max(reviewed)) if reviewed else translate("AboutDialog", "not stated")
    articles = len([p for p in library.pages.values() if not p.is_section])
    return (
        f"<h2>{escape(app_name())}</h2><p>"
        + escape(translate("AboutDialog", "Version {version}. Content last reviewed: {date}. {pages} pages and "
                                          "{terms} glossary terms.").format(version=__version__, date=latest,
                                                                            pages=articles, terms=len(library.terms)))
        + "</p>"
        + translate("AboutDialog", "<p><b>This is information, not medical advice.</b> It cannot tell you what is "
                    "right for you. Please talk to your care team about your own treatment. In a crisis, call your "
                    "local emergency number (911 in the US, 999 in the UK, 112 in the EU), or in the US call or text "
                    "988.</p>")
        + translate("AboutDialog", "<h3>How the information is chosen</h3>"
                    "<p>The articles are written in plain language from published research: clinical trials, reviews "
                    "of many trials, guidance from health services, and patient pages of large clinics. Each article "
                    "lists its sources and the date it was last reviewed, and says how strong the evidence is. Where "
                    "research is mixed or missing, the article says so. Clinicians' opinions are shown as opinions, "
                    "next to what trials found.</p>")
        + translate("AboutDialog", "<h3>Independence and privacy</h3>"
                    "<p>This is an independent project with no funding from the makers of TMS devices. The app never "
                    "connects to the internet and sends nothing anywhere; links to websites open in your own browser "
                    "only after you agree.</p>")
        + translate("AboutDialog", "<h3>Licence</h3><p>Free software under the MIT licence.</p>")
    )


def show_about(parent: QWidget, library: Library) -> QDialog:
    return _show(parent, translate("AboutDialog", "About {name}").format(name=app_name()), about_html(library),
                 "aboutDialog")
