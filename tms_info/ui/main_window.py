"""The main window: composes the topic tree, the reading pane, the glossary and My pages, and wires them.

What the reader has done is a ReadingSession (tms_info.reading_session); the commands, menus and
toolbar are data (tms_info.ui.actions, tms_info.ui.toolbar); the article and its rendering are the
ReadingPane; what a click on a link does is the LinkFollower; paper is tms_info.ui.paper; the window's
place and panels are tms_info.ui.window_layout; F6 and the mouse's side buttons are tms_info.ui.areas;
what this computer allows is the WindowPolicy the window is given. This module shows the session and
connects the parts.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from tms_info.config import Config
from tms_info.content.languages import LANGUAGES
from tms_info.content.library import Library
from tms_info.content.model import HELP_NOW_ID, HOME_ID
from tms_info.content.render import Renderer
from tms_info.content.style import DEFAULT_TEXT_SIZE, list_px
from tms_info.history import Place
from tms_info.reading_session import ReadingSession
from tms_info.ui import actions as commands
from tms_info.ui import theme as theming
from tms_info.ui.areas import FocusAreas, SideButtons
from tms_info.ui.icons import apply_icons
from tms_info.ui.link_follower import LinkFollower
from tms_info.ui.policy import KIOSK, PERSONAL, WindowPolicy
from tms_info.ui.reading_pane import ReadingPane
from tms_info.ui.search_box import IndexLoader, SearchBox
from tms_info.ui.settings import Preferences
from tms_info.ui.side_panels import SidePanels
from tms_info.ui.texts import app_name, translate
from tms_info.ui.toolbar import WindowToolbar
from tms_info.ui.topic_tree import TopicTree
from tms_info.ui.window_layout import restore_layout, save_layout, topics_beside
from tms_info.ui.window_text_size import apply_text_size, set_list_text_size

if TYPE_CHECKING:
    from tms_info.content.search import SearchHit

STATUS_SECONDS = 10


class MainWindow(QMainWindow):
    pageOpened = Signal(str)
    languageChosen = Signal(str)  # a language code of LANGUAGES: the reader chose to read in it

    def __init__(self, library: Library, preferences: Preferences, cache_dir: Path | None = None,
                 config: Config | None = None, notices: Sequence[str] = (), known_pages: dict[str, str] | None = None,
                 policy: WindowPolicy | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config = config = config or Config()
        self.policy = policy = policy or (KIOSK if config.kiosk else PERSONAL)
        self.library, self.preferences, self.cache_dir = library, preferences, cache_dir
        self.session = ReadingSession(lambda page_id: library.page(page_id) is not None,
                                      preferences.text_size_or(config.text_size), preferences.theme,
                                      preferences.saved_pages, preferences.recent_pages)
        self.renderer = Renderer(library, config.clinic_name, external_links=policy.opens_websites,
                                 known_pages=known_pages)
        self.setObjectName("mainWindow")
        self.setWindowTitle(app_name())
        self.setAccessibleName(app_name())
        self.setMinimumSize(640, 420)

        self.tree = TopicTree()
        self.tree.set_topics(library.page(HOME_ID), library.tree())
        self.reading_pane = pane = ReadingPane(library, self.renderer)
        self.view, self.outline, self.find_bar, self.notice = pane.view, pane.outline, pane.find_bar, pane.notice
        self.splitter = topics_beside(self.tree, pane)
        self.setCentralWidget(self.splitter)
        self.panels = SidePanels(self, library, self.renderer, pane.title_of)
        self.glossary_dock, self.my_pages_dock = self.panels.glossary_dock, self.panels.my_pages_dock
        self.search = SearchBox(self)
        self.index_loader = IndexLoader(self)
        self._index_started = False
        self.links = LinkFollower(self.view, policy.opens_websites, self)
        self.areas = FocusAreas(lambda: [(self.tree, self.tree), (self.view, self.view), *self.panels.focus_areas(),
                                         (self.search, self.search.field)])  # (the area, what takes the focus)
        self.side_buttons = SideButtons(self.go_back, self.go_forward, self)

        self.actions_by_id = commands.build_actions(self, policy.hidden_commands)
        for command, dock in commands.PANELS.items():
            commands.follow_panel(self.actions_by_id[command], getattr(self, dock))
            if command in policy.hidden_commands:
                getattr(self, dock).hide()
        self.theme_actions = commands.choice_group(
            self, {choice: translate("Theme", label) for choice, label in theming.CHOICES.items()},
            self.session.theme_choice, self.set_theme)
        self.language_actions = commands.choice_group(self, LANGUAGES, library.language, self._choose_language)
        self.menus = commands.build_menus(self.menuBar(), self.actions_by_id, {
            commands.THEMES: self.theme_actions.values(), commands.LANGUAGES: self.language_actions.values()})
        self.menuBar().setAccessibleName(translate("MainWindow", "Menu"))
        self.toolbar = WindowToolbar(self.actions_by_id, self.search, config.clinic_name)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        if not policy.panels_movable:  # nothing a visitor could drag away, hide or lose
            self.panels.fix_in_place()
            self.toolbar.toggleViewAction().setEnabled(False)
            self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.statusBar().setObjectName("statusBar")
        self.statusBar().setAccessibleName(translate("MainWindow", "Status"))

        pane.pageRendered.connect(self._page_rendered)
        self.index_loader.ready.connect(lambda: self.search.set_index(self.index_loader.index))
        self.index_loader.failed.connect(self.search.set_unavailable)
        self.tree.pageChosen.connect(self.open_page)
        self.view.anchorClicked.connect(self.links.follow)
        self.panels.linkClicked.connect(self.links.follow_from_glossary)
        self.links.pageLinkClicked.connect(lambda page_id, anchor: self.open_page(page_id, anchor or None))
        self.links.termLinkClicked.connect(self.show_term)
        self.links.backLinkClicked.connect(self.go_back)
        self.links.boxClicked.connect(self.toggle_tick)
        self.links.linkNotFollowed.connect(self.show_status)
        self.search.hitChosen.connect(self.open_search_hit)
        self.panels.pageChosen.connect(self.open_page)
        self.panels.savedRemoved.connect(self._unsave)
        self.view.firstPainted.connect(self.panels.build)  # the panels' contents, right after the first paint
        self.view.firstPainted.connect(self.start_search_index)  # after the first page is on the screen
        self.view.firstPainted.connect(lambda: theming.apply_focus_rings(self.theme))
        self.view.meaningShown.connect(self.show_status)
        self.view.zoomStepped.connect(lambda step: self.larger_text() if step > 0 else self.smaller_text())
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_colours_changed)
        theming.application_look.take(self)
        self._restyle()
        restore_layout(self, self.splitter, preferences, (self.glossary_dock, self.my_pages_dock))
        self.notice.show_problems(notices)

    def action(self, command_id: str) -> QAction:
        """The action of a command of tms_info.ui.actions.COMMANDS, by its id."""
        return self.actions_by_id[command_id]

    def actions_with_keys(self) -> list[QAction]:
        return [action for action in self.findChildren(QAction) if not action.shortcut().isEmpty()]

    def _choose_language(self, code: str) -> None:
        """The reader picked a language in View > Language; whoever built the window rebuilds it in that
        language (the check mark stays on the language the window is in until then)."""
        if code != self.library.language:
            self.language_actions[self.library.language if self.library.language in LANGUAGES
                                  else next(iter(LANGUAGES))].setChecked(True)
            self.languageChosen.emit(code)

    def show_shortcuts(self) -> None:
        from tms_info.ui import dialogs

        dialogs.show_shortcuts(self, self.actions_with_keys())

    def show_about(self) -> None:
        from tms_info.ui import dialogs

        dialogs.show_about(self, self.library)

    # ----- showing pages --------------------------------------------------------------------

    def start(self, requested_page: str | None = None) -> None:
        """Opens the page asked for on the command line, else the last page read if it can be shown, else home."""
        page_id, anchor, missing = self.session.starting_place(
            requested_page, self.preferences.last_page, lambda last: self.renderer.can_show(self.library.page(last)))
        self.open_page(page_id, anchor)
        if missing:
            self.show_status(translate("MainWindow", "There is no page called “{page}”, so the home page is shown.")
                             .format(page=requested_page))

    def start_search_index(self) -> None:
        """Builds or opens the search index on a worker thread, once; the window does not wait for it."""
        if not self._index_started:
            self._index_started = True
            self.index_loader.start(self.library, self.cache_dir)

    def open_search_hit(self, hit: SearchHit, words: tuple[str, ...]) -> None:
        if hit.kind == "term":
            self.show_term(hit.id)
            return
        self.open_page(hit.id, hit.anchor)
        if self.view.highlight_words(words, hit.anchor) == 0:
            self.view.go_to_anchor(hit.anchor)

    def open_page(self, page_id: str, anchor: str | None = None) -> None:
        """Opens a page as a new step in the history (Back returns to where you were)."""
        place = self.session.visit(page_id, anchor, self.view.scroll_fraction())
        if place is None:
            self.view.set_scroll_position(0)  # the same page again: back to its top, not a new step
        else:
            self._show(place)

    def go_home(self) -> None:
        self.open_page(HOME_ID)

    def go_help_now(self) -> None:
        self.open_page(HELP_NOW_ID if self.library.page(HELP_NOW_ID) else HOME_ID)

    def go_back(self) -> None:
        if (place := self.session.back(self.view.scroll_fraction())) is not None:
            self._show(place)

    def go_forward(self) -> None:
        if (place := self.session.forward(self.view.scroll_fraction())) is not None:
            self._show(place)

    def _show(self, place: Place) -> None:
        if self.session.arrive(place):
            self._render_current()
        if not self.reading_pane.is_rendering(place.page_id):  # else once it is rendered
            self._tell(self.reading_pane.go_to(place))
        page = self.library.page(place.page_id)
        title = page.title if page else translate("MainWindow", "Page not found")
        clinic = f" – {self.config.clinic_name}" if self.config.clinic_name else ""
        self.setWindowTitle(f"{title} – {app_name()}{clinic}")
        self.tree.show_current(place.page_id)
        self.action("back").setEnabled(self.session.can_go_back())
        self.action("forward").setEnabled(self.session.can_go_forward())
        self._show_reading_list()
        if page is not None:
            self.pageOpened.emit(place.page_id)

    def _render_current(self, keep_place: bool = False) -> None:
        self.reading_pane.show_page(self.session.current_page_id, self.session.ticked(), keep_place)

    def _page_rendered(self, page_id: str) -> None:
        """A long page is ready: shown at once if it is still the one being read."""
        place = self.session.history.current
        if page_id == self.session.current_page_id and place is not None:
            self._render_current()
            self._tell(self.reading_pane.go_to(place))

    def _show_reading_list(self) -> None:
        saved, save = self.session.is_saved(), self.action("save")
        save.setChecked(saved)
        save.setIconText(translate("MainWindow", "Saved") if saved else translate("MainWindow", "Save"))
        save.setEnabled(self.library.page(self.session.current_page_id or "") is not None
                        and "save" not in self.policy.hidden_commands)
        self.panels.show_lists(self.session.reading)
        self.preferences.save_reading(self.session)

    def toggle_saved(self) -> None:
        saved = self.session.toggle_saved()
        if saved is not None:
            self._show_reading_list()
            self.show_status(translate("MainWindow", "Saved to My pages.") if saved
                             else translate("MainWindow", "Taken off My pages."))

    def _unsave(self, page_id: str) -> None:
        self.session.remove_saved(page_id)
        self._show_reading_list()

    def toggle_tick(self, number: int) -> None:
        """Ticks or unticks a box of the page's checklist, keeping your place on the page."""
        if not self.session.toggle_box(number):
            return
        self._render_current(keep_place=True)
        self.show_status(translate("MainWindow", "Ticked. Print the page (Ctrl+P) to take your ticks with you.")
                         if self.view.toPlainText().count("☑") else translate("MainWindow", "Unticked."))

    def show_term(self, term_id: str) -> None:
        if not self.panels.show_term(term_id):
            self.show_status(translate("MainWindow", "This word has no glossary entry."))

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_SECONDS * 1000)

    def _tell(self, message: str | None) -> None:
        if message:
            self.show_status(message)

    # ----- paper ----------------------------------------------------------------------------

    def print_page(self) -> None:
        from tms_info.ui import paper  # with its dialogs, when first needed: start-up stays light

        self._tell(paper.print_page(self, self.renderer, self.library.page(self.session.current_page_id or ""),
                                    self.session.ticked(), self.config, to_file=self.policy.writes_files))

    def save_pdf(self, target: str | None = None) -> None:
        from tms_info.ui import paper

        if self.policy.writes_files:
            self._tell(paper.save_pdf(self, self.renderer, self.library.page(self.session.current_page_id or ""),
                                      self.session.ticked(), self.config, target))

    # ----- text size and colours ------------------------------------------------------------

    def larger_text(self) -> None:
        self._text_size_changed(self.session.larger_text())

    def smaller_text(self) -> None:
        self._text_size_changed(self.session.smaller_text())

    def reset_text_size(self) -> None:
        self._text_size_changed(self.session.set_text_size(DEFAULT_TEXT_SIZE))

    def _text_size_changed(self, changed: bool) -> None:
        if changed:
            self._restyle()
            self.show_status(translate("MainWindow", "Text size {size}%").format(size=self.session.text_size))
            self.preferences.save_reading(self.session)

    def set_theme(self, choice: str) -> None:
        self.theme_actions[self.session.choose_theme(choice)].setChecked(True)
        self._restyle()
        self.preferences.save_reading(self.session)

    def _on_system_colours_changed(self, scheme: Qt.ColorScheme) -> None:
        if self.session.theme_choice == theming.SYSTEM:
            self._restyle(scheme)

    def _restyle(self, system_scheme: Qt.ColorScheme | None = None) -> None:
        """Applies the text size and colours to everything that shows text, keeping your place."""
        self.theme = theme = theming.resolve(self.session.theme_choice, system_scheme)
        size = self.session.text_size
        theming.apply(theme)
        if self.view.painted:
            theming.apply_focus_rings(theme)
        apply_icons({commands.ICONS[command]: self.action(command) for command in commands.ICONS}, theme)
        apply_text_size(size, self)  # before the fonts set below, which it would reset
        for part in (self.reading_pane, self.panels):
            part.set_look(theme, size)
        set_list_text_size((self.tree, self.search.list, self.search.status), list_px(size))
        self.toolbar.set_look(theme)
        self.action("larger").setEnabled(self.session.can_grow())
        self.action("smaller").setEnabled(self.session.can_shrink())
        if self.session.current_page_id is not None:
            self._render_current(keep_place=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.side_buttons.watch(self.windowHandle())

    # ----- the next reader, and what is kept ------------------------------------------------

    def reset_for_next_reader(self) -> None:
        """Back to how the app first looked: nothing the last person read, typed or ticked stays."""
        for dialog in self.findChildren(QDialog):
            dialog.reject()
        self.search.clear()
        self.find_bar.clear()
        self.find_bar.close_bar()
        self.panels.reset()
        self.session.reset(self.config.text_size)
        self.theme_actions[self.session.theme_choice].setChecked(True)
        self._restyle()
        self.open_page(HOME_ID)
        self.view.set_scroll_position(0)
        self.tree.open_sections()
        self.statusBar().clearMessage()

    def save_settings(self) -> None:
        """The layout and the page to come back to, at close (never a kiosk's: each visitor gets the clinic's)."""
        if not self.policy.keeps_layout:
            return
        save_layout(self, self.splitter, self.preferences)
        page_id = self.session.current_page_id
        if page_id and self.library.page(page_id):
            # a page that could not be shown is not the one to come back to
            self.preferences.last_page = HOME_ID if self.renderer.failed(page_id) else page_id
        self.preferences.save_reading(self.session)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        theming.application_look.release(self)
        super().closeEvent(event)
