"""Every command of the window as data: its words, shortcut, icon, what it runs, and where it appears.

The window builds its actions, menus and toolbar from these tables with one function each, so a new
command is one row here and one method on the window, and a kiosk's policy hides commands by id.
Words are marked for translation here (context "MainWindow") and translated when built.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QMenu,
    QMenuBar,
)

from tms_info.ui.texts import app_name, translate

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class Command:
    id: str
    text: str  # with & before the letter of its menu shortcut
    slot: str  # what it runs: a method of the window, or of one of its parts ("find_bar.find_next")
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""  # the tooltip, when the words alone are not enough
    icon_text: str = ""  # the words on its toolbar button, when shorter than `text`
    checkable: bool = False


COMMANDS: tuple[Command, ...] = (
    Command("home", QT_TRANSLATE_NOOP("MainWindow", "&Home"), "go_home", "Alt+Home",
            QT_TRANSLATE_NOOP("MainWindow", "Go to the home page")),
    Command("back", QT_TRANSLATE_NOOP("MainWindow", "&Back"), "go_back", Key.Back,
            QT_TRANSLATE_NOOP("MainWindow", "Go back to the previous page")),
    Command("forward", QT_TRANSLATE_NOOP("MainWindow", "&Forward"), "go_forward", Key.Forward,
            QT_TRANSLATE_NOOP("MainWindow", "Go forward again")),
    Command("smaller", QT_TRANSLATE_NOOP("MainWindow", "Smaller text"), "smaller_text", Key.ZoomOut, icon_text="A−"),
    Command("larger", QT_TRANSLATE_NOOP("MainWindow", "Larger text"), "larger_text", Key.ZoomIn, icon_text="A+"),
    Command("normal_size", QT_TRANSLATE_NOOP("MainWindow", "&Normal text size"), "reset_text_size", "Ctrl+0"),
    Command("help_now", QT_TRANSLATE_NOOP("MainWindow", "Help now"), "go_help_now", None,
            QT_TRANSLATE_NOOP("MainWindow", "Crisis lines and what to do in an emergency")),
    Command("quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "close", Key.Quit),
    Command("print", QT_TRANSLATE_NOOP("MainWindow", "&Print…"), "print_page", Key.Print,
            QT_TRANSLATE_NOOP("MainWindow", "Print this page as a handout")),
    Command("pdf", QT_TRANSLATE_NOOP("MainWindow", "Save as P&DF…"), "save_pdf", "Ctrl+Shift+S",
            QT_TRANSLATE_NOOP("MainWindow", "Save this page as a PDF handout")),
    Command("search", QT_TRANSLATE_NOOP("MainWindow", "&Search…"), "search.focus", "Ctrl+K",
            QT_TRANSLATE_NOOP("MainWindow", "Search the articles and the glossary")),
    Command("find", QT_TRANSLATE_NOOP("MainWindow", "&Find on this page…"), "find_bar.open_bar", Key.Find),
    Command("find_next", QT_TRANSLATE_NOOP("MainWindow", "Find &next"), "find_bar.find_next", Key.FindNext),
    Command("find_previous", QT_TRANSLATE_NOOP("MainWindow", "Find &previous"), "find_bar.find_previous",
            Key.FindPrevious),
    Command("save", QT_TRANSLATE_NOOP("MainWindow", "&Save this page"), "toggle_saved", "Ctrl+D",
            QT_TRANSLATE_NOOP("MainWindow", "Save this page to My pages, or take it off"),
            QT_TRANSLATE_NOOP("MainWindow", "Save"), checkable=True),
    Command("next_area", QT_TRANSLATE_NOOP("MainWindow", "Next area"), "areas.next", "F6",
            QT_TRANSLATE_NOOP("MainWindow", "Move to the next area: topics, article, glossary, My pages, search")),
    Command("previous_area", QT_TRANSLATE_NOOP("MainWindow", "Previous area"), "areas.previous", "Shift+F6"),
    Command("glossary", QT_TRANSLATE_NOOP("MainWindow", "&Glossary"), "", "Ctrl+G", checkable=True),
    Command("my_pages", QT_TRANSLATE_NOOP("MainWindow", "&My pages"), "", "Ctrl+Shift+D", checkable=True),
    Command("shortcuts", QT_TRANSLATE_NOOP("MainWindow", "&Keyboard shortcuts"), "show_shortcuts", Key.HelpContents),
    Command("about", QT_TRANSLATE_NOOP("MainWindow", "&About {name}"), "show_about"),
)

SEPARATOR = "-"
THEMES = "@themes"  # the View menu's Colours submenu
LANGUAGES = "@languages"  # the View menu's Language submenu

MENUS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("file", QT_TRANSLATE_NOOP("MainWindow", "&File"), ("print", "pdf", SEPARATOR, "quit")),
    ("edit", QT_TRANSLATE_NOOP("MainWindow", "&Edit"), ("search", "find", "find_next", "find_previous")),
    ("go", QT_TRANSLATE_NOOP("MainWindow", "&Go"), ("home", "back", "forward", "help_now", SEPARATOR, "save",
                                                    SEPARATOR, "next_area", "previous_area")),
    ("view", QT_TRANSLATE_NOOP("MainWindow", "&View"), ("larger", "smaller", "normal_size", THEMES, LANGUAGES,
                                                        SEPARATOR, "glossary", "my_pages")),
    ("help", QT_TRANSLATE_NOOP("MainWindow", "&Help"), ("help_now", "shortcuts", "about")),
)
SUBMENUS = {THEMES: ("themeMenu", QT_TRANSLATE_NOOP("MainWindow", "&Colours")),
            LANGUAGES: ("languageMenu", QT_TRANSLATE_NOOP("MainWindow", "&Language"))}

TOOLBAR = ("home", "back", "forward", "save", SEPARATOR, "smaller", "larger", SEPARATOR)
"""The toolbar's buttons, before the search box; Help now ends the toolbar, after the clinic's name
(tms_info.ui.toolbar)."""

PANELS = {"glossary": "glossary_dock", "my_pages": "my_pages_dock"}
"""Commands that open and close a panel (slot ""): ticked while it is open, as Qt's own toggle is."""

ICONS = {"home": "home", "back": "back", "forward": "forward", "save": "star", "print": "print",
         "help_now": "help-now"}
"""The icon of each command that has one (tms_info.ui.icons), drawn in the theme's colours."""


def build_actions(owner: QObject, hidden: Iterable[str] = ()) -> dict[str, QAction]:
    """An action for each command, running its slot on `owner` (looked up when it runs, so parts of
    the window built after the first paint are found); commands in `hidden` (a kiosk's) are
    neither shown nor usable, their keys included."""
    hidden = set(hidden)
    actions: dict[str, QAction] = {}
    for command in COMMANDS:
        text = translate("MainWindow", command.text).replace("{name}", app_name())
        action = QAction(text, owner)
        action.setObjectName(f"{command.id}Action")
        if command.shortcut is not None:
            action.setShortcut(QKeySequence(command.shortcut))
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = translate("MainWindow", command.tip) if command.tip else text.replace("&", "")
        action.setToolTip(tip + (f" ({keys})" if keys else ""))
        if command.icon_text:
            action.setIconText(translate("MainWindow", command.icon_text))
        action.setCheckable(command.checkable)
        if command.slot:
            action.triggered.connect(lambda _checked=False, path=command.slot: _resolve(owner, path)())
        if command.id in hidden:
            action.setVisible(False)
            action.setEnabled(False)
        actions[command.id] = action
    return actions


def _resolve(owner: QObject, path: str) -> Callable[[], object]:
    found: object = owner
    for name in path.split("."):
        found = getattr(found, name)
    return found  # type: ignore[return-value]


def follow_panel(action: QAction, panel: QDockWidget) -> None:
    """Ties a command of PANELS to its panel as Qt's toggleViewAction does: it opens and closes
    the panel, and is ticked while the panel is open (also after its own close button)."""
    toggle = panel.toggleViewAction()
    action.setChecked(toggle.isChecked())
    toggle.toggled.connect(action.setChecked)
    action.triggered.connect(lambda checked: toggle.trigger() if checked != toggle.isChecked() else None)


def choice_group(owner: QObject, choices: Mapping[str, str], current: str,
                 chosen: Callable[[str], None]) -> dict[str, QAction]:
    """One checkable action per choice (its words already in the reader's language), one checked."""
    group = QActionGroup(owner)
    actions: dict[str, QAction] = {}
    for key, words in choices.items():
        action = QAction(words, owner, checkable=True)
        action.setChecked(key == current)
        action.triggered.connect(lambda _checked=False, k=key: chosen(k))
        group.addAction(action)
        actions[key] = action
    return actions


def build_menus(menu_bar: QMenuBar, actions: Mapping[str, QAction],
                submenus: Mapping[str, Iterable[QAction]]) -> dict[str, QMenu]:
    """The menu bar from MENUS; `submenus` gives the actions of THEMES and LANGUAGES."""
    menus: dict[str, QMenu] = {}
    for menu_id, title, entries in MENUS:
        menu = menu_bar.addMenu(translate("MainWindow", title))
        menu.setObjectName(f"{menu_id}Menu")
        for entry in entries:
            if entry == SEPARATOR:
                menu.addSeparator()
            elif entry in SUBMENUS:
                name, sub_title = SUBMENUS[entry]
                submenu = menu.addMenu(translate("MainWindow", sub_title))
                submenu.setObjectName(name)
                submenu.addActions(list(submenus[entry]))
                menus[name] = submenu
            else:
                menu.addAction(actions[entry])
        menus[menu_id] = menu
    return menus
