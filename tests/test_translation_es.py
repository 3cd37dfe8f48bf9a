"""The window in Spanish: View > Language offers the languages by their own names, every word of the
window comes from resources/translations/tms_info_es.ts, and that file translates every message the
code asks for, keeping its placeholders, accelerators and markup."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import READER_CONTENT
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from tms_info.content.languages import LANGUAGES
from tms_info.content.library import Library
from tms_info.ui.main_window import MainWindow
from tms_info.ui.settings import Preferences, open_settings
from tms_info.ui.texts import APP_NAME_SOURCE

ROOT = Path(__file__).resolve().parent.parent
SPANISH_TS = ROOT / "resources" / "translations" / "tms_info_es.ts"
# shown as they are in every language: the languages' own names, and the text-size buttons' letters
NOT_TRANSLATED = {*LANGUAGES.values(), "A−", "A+"}
PLACEHOLDER = re.compile(r"\{\w*\}|%n")
TAG = re.compile(r"</?\w+")


def qt_tool(name: str) -> list[str]:
    """A PySide6 tool (pyside6-lrelease, pyside6-lupdate) from the environment running the tests."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if found:
        return [found]
    return [sys.executable, "-c", f"import sys; from PySide6.scripts.pyside_tool import {name}; {name}()"]


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of each message in use (not obsolete)."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") not in ("obsolete", "vanished"):
                found.append((context.findtext("name"), message.findtext("source"), translation))
    return found


def forms(translation: ET.Element) -> list[str]:
    plural = translation.findall("numerusform")
    return [form.text or "" for form in plural] if plural else [translation.text or ""]


def plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


ENGLISH = {plain(source) for _context, source, translation in messages(SPANISH_TS)
           if plain(source) not in {plain(form) for form in forms(translation)}}  # "Escape" is Spanish too


@pytest.fixture
def spanish(qapp, tmp_path):
    """The Spanish translation, compiled as the build compiles it, installed for the test only."""
    compiled = tmp_path / "tms_info_es.qm"
    subprocess.run([*qt_tool("lrelease"), "-silent", str(SPANISH_TS), "-qm", str(compiled)], check=True,
                   capture_output=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(compiled))
    qt = QTranslator()  # Qt's own words (a dock's buttons, the print dialog), shipped with PySide6
    assert qt.load(QLocale("es"), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    installed = [qt, translator]
    for each in installed:
        QCoreApplication.installTranslator(each)
    yield installed
    for each in installed:
        QCoreApplication.removeTranslator(each)


def make(qtbot, language: str = "en") -> MainWindow:
    window = MainWindow(Library.load([READER_CONTENT], language=language), Preferences(open_settings()))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.start("basics/first")
    return window


def menus(window: MainWindow) -> dict[str, QMenu]:
    """Every menu of the menu bar, submenus included, by its title without the accelerator."""
    found: dict[str, QMenu] = {}

    def walk(menu: QMenu) -> None:
        found[plain(menu.title())] = menu
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())

    for action in window.menuBar().actions():
        walk(action.menu())
    return found


# ----- View > Language ----------------------------------------------------------------------------

def test_view_has_a_language_menu_with_each_language_by_its_own_name(qtbot):
    window = make(qtbot)
    language = menus(window)["Language"]
    assert language in [action.menu() for action in menus(window)["View"].actions()]
    assert [action.text() for action in language.actions()] == ["English", "Español"]
    assert all(action.isCheckable() for action in language.actions())
    assert language.actions()[0].actionGroup().isExclusive()
    assert [action.isChecked() for action in language.actions()] == [True, False]


def test_the_language_of_the_library_is_the_one_checked(qtbot):
    window = make(qtbot, "es")
    assert window.language_actions["es"].isChecked() and not window.language_actions["en"].isChecked()


def test_choosing_espanol_asks_for_the_window_in_spanish(qtbot):
    window = make(qtbot)
    with qtbot.waitSignal(window.languageChosen, timeout=1000) as chosen:
        window.language_actions["es"].trigger()
    assert chosen.args == ["es"]


def test_choosing_the_language_already_shown_asks_for_nothing(qtbot):
    window = make(qtbot)
    with qtbot.assertNotEmitted(window.languageChosen):
        window.language_actions["en"].trigger()
    assert window.language_actions["en"].isChecked()


# ----- the window in Spanish -----------------------------------------------------------------------

def test_the_menus_toolbar_and_search_are_in_spanish(qtbot, spanish):
    window = make(qtbot)
    assert [plain(action.text()) for action in window.menuBar().actions()] == \
        ["Archivo", "Editar", "Ir", "Ver", "Ayuda"]
    assert {"Tema", "Idioma"} <= set(menus(window))
    toolbar = [plain(action.text()) for action in window.toolbar.actions() if action.text()]
    assert toolbar[:3] == ["Inicio", "Atrás", "Adelante"]
    assert "Ayuda ahora" in toolbar
    assert window.action("save").iconText() == "Guardar"
    assert window.search.field.placeholderText() == "Buscar, por ejemplo “duele”"
    assert window.glossary_dock.windowTitle() == "Glosario" and window.my_pages_dock.windowTitle() == "Mis páginas"
    assert window.windowTitle() == "First article – Información sobre la EMT"  # the page keeps its own title


def test_the_about_and_shortcuts_dialogs_are_in_spanish(qtbot, spanish):
    window = make(qtbot)
    window.action("about").trigger()
    about = window.findChild(QDialog, "aboutDialog")
    assert about.windowTitle() == "Acerca de Información sobre la EMT"
    assert "Esto es información, no consejo médico." in about.browser.toPlainText()
    about.reject()
    window.action("shortcuts").trigger()
    shortcuts = window.findChild(QDialog, "shortcutsDialog")
    assert shortcuts.windowTitle() == "Atajos de teclado"
    assert "Botones de atrás y adelante del ratón" in shortcuts.browser.toPlainText()
    shortcuts.reject()


def words_shown(window: MainWindow) -> set[str]:
    """What the window shows or says of itself outside the page: its actions and menus, and each widget's
    text, placeholder, tooltip, accessible name and description."""
    page_parts = set(window.outline.menu.actions())  # the page's own headings: content, not the window's words
    actions = [action for action in window.findChildren(QAction)
               if action.isVisible() and action.text() and action not in page_parts]
    words = {plain(action.text()) for action in actions} | set(menus(window))
    words |= {re.sub(r" \([^)]*\)$", "", action.toolTip()) for action in actions}  # without the keys
    for widget in [window, *window.findChildren(QWidget)]:
        words |= {widget.accessibleName(), widget.accessibleDescription(), widget.toolTip(), widget.windowTitle()}
        for getter in ("text", "placeholderText", "title"):
            value = getattr(widget, getter, None)
            if callable(value) and isinstance(value(), str):
                words.add(plain(value()))
    return {word for word in words if word and not word.isspace()}


def test_nothing_the_window_shows_is_left_in_english(qtbot, spanish):
    for each in spanish:
        QCoreApplication.removeTranslator(each)
    english = words_shown(make(qtbot))
    for each in spanish:
        QCoreApplication.installTranslator(each)
    window = make(qtbot)
    shown = words_shown(window)
    assert len(english) > 60  # the walk saw the window, not an empty list
    left = sorted((shown & english) - NOT_TRANSLATED)
    assert not left, f"still in English: {left}"
    marked = sorted((shown & ENGLISH) - NOT_TRANSLATED)
    assert not marked, f"marked for translation but not translated: {marked}"


def test_search_messages_and_the_crisis_announcement_are_in_spanish(qtbot, spanish):
    from tms_info.ui.search_box import CRISIS_ANNOUNCEMENT

    window = make(qtbot)
    window.search.set_unavailable("el disco está lleno.")
    assert window.search.field.accessibleDescription() == \
        "La búsqueda no está disponible: el disco está lleno. Puede elegir una página del índice."
    assert QCoreApplication.translate("SearchBox", CRISIS_ANNOUNCEMENT).startswith("Ayuda ahora es el primer resultado")


def test_a_handout_has_its_frame_in_spanish(qtbot, spanish, tmp_path):
    from pypdf import PdfReader

    from tms_info import handouts
    from tms_info.content.render import Renderer

    library = Library.load([READER_CONTENT])
    handouts.write_pdf(Renderer(library), library.page("basics/first"), tmp_path / "first.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(str(tmp_path / "first.pdf")).pages).split())
    assert "Información sobre la EMT: First article. Información, no consejo médico" in text
    assert "oprima 2" in text and "Página 1 de" in text and "Page 1 of" not in text


def test_counts_have_spanish_plurals_and_english_ones_without_a_translation(qtbot, spanish):
    from tms_info.ui.texts import count_pages

    assert (count_pages(1), count_pages(3)) == ("1 página", "3 páginas")
    for each in spanish:
        QCoreApplication.removeTranslator(each)
    assert (count_pages(1), count_pages(3)) == ("1 page", "3 pages")


# ----- the translation file ------------------------------------------------------------------------

def test_every_message_is_translated_and_finished():
    found = messages(SPANISH_TS)
    assert len(found) > 100
    unfinished = [(context, source) for context, source, translation in found
                  if translation.get("type") == "unfinished" or not all(text.strip() for text in forms(translation))]
    assert not unfinished


def test_every_translation_keeps_the_placeholders_accelerator_and_markup_of_its_source():
    for context, source, translation in messages(SPANISH_TS):
        for text in forms(translation):
            where = f"{context}: {source!r} -> {text!r}"
            assert sorted(set(PLACEHOLDER.findall(source))) == sorted(set(PLACEHOLDER.findall(text))), where
            assert source.replace("&&", "").count("&") == text.replace("&&", "").count("&"), where
            assert sorted(TAG.findall(source)) == sorted(TAG.findall(text)), where


def test_the_app_name_marked_for_translation_is_the_app_name():
    from tms_info import APP_NAME

    assert APP_NAME_SOURCE == APP_NAME


def test_the_translation_file_has_every_message_the_code_asks_for(tmp_path):
    """pyside6-lupdate run over the window's code (as the README says) finds nothing the .ts lacks."""
    sources = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tms_info").rglob("*.py")
                     if "content" not in path.relative_to(ROOT / "tms_info").parts[:1])
    fresh = tmp_path / "fresh_es.ts"
    subprocess.run([*qt_tool("lupdate"), *sources, "-source-language", "en", "-target-language", "es", "-ts",
                    str(fresh)], cwd=ROOT, check=True, capture_output=True, timeout=120)
    wanted = {(context, source) for context, source, _ in messages(fresh)}
    kept = {(context, source) for context, source, _ in messages(SPANISH_TS)}
    assert not sorted(wanted - kept), "run pyside6-lupdate and translate the new messages"
