"""The main window: composes the topic tree, the reading pane, the glossary and My pages, and wires them.

What the reader has done is a ReadingSession (tms_info.reading_session); where a link goes is decided
by tms_info.content.links; the commands, menus and toolbar are data (tms_info.ui.actions); the article
and its rendering are the ReadingPane; paper is tms_info.ui.paper; the window's place and panels are
tms_info.ui.window_layout; F6 and the mouse's side buttons are tms_info.ui.areas; what this computer
allows is the WindowPolicy the window is given. This module shows the session and connects the parts.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QWidget,
)

from tms_info.config import Config
from tms_info.content.languages import LANGUAGES
from tms_info.content.library import Library
from tms_info.content.links import Link, LinkKind, classify
from tms_info.content.model import HELP_NOW_ID, HOME_ID, Page
from tms_info.content.render import Renderer
from tms_info.content.style import DEFAULT_TEXT_SIZE, body_px, stylesheet
from tms_info.history import Place
from tms_info.reading_session import ReadingSession
from tms_info.ui import actions as commands
from tms_info.ui import theme as theming
from tms_info.ui.areas import SideButtons, cycle_focus
from tms_info.ui.clinic_name import ClinicName
from tms_info.ui.icons import apply_icons
from tms_info.ui.policy import KIOSK, PERSONAL, WindowPolicy
from tms_info.ui.reading_pane import ReadingPane
from tms_info.ui.search_box import IndexLoader, SearchBox
from tms_info.ui.settings import Preferences
from tms_info.ui.side_panels import SidePanels
from tms_info.ui.texts import app_name, count_problems, translate
from tms_info.ui.topic_tree import TopicTree
from tms_info.ui.window_layout import restore_layout, save_layout
from tms_info.ui.window_text_size import apply_text_size, set_list_text_size, steady_width

if TYPE_CHECKING:
    from tms_info.content.search import SearchHit

log = logging.getLogger(__name__)

STATUS_SECONDS = 10
MAX_LIST_PX = 24  # lists beside the article grow with the text, but not so much that titles no longer fit


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
        self.reading_pane = ReadingPane(library, self.renderer)
        pane = self.reading_pane
        self.view, self.outline, self.find_bar, self.notice = pane.view, pane.outline, pane.find_bar, pane.notice
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("topicSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 760])
        self.setCentralWidget(self.splitter)

        self.panels = SidePanels(self, library, self.renderer, pane.title_of)
        self.glossary_dock, self.my_pages_dock = self.panels.glossary_dock, self.panels.my_pages_dock
        self.search = SearchBox(self)
        self.index_loader = IndexLoader(self)
        self._index_started = False

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
        self.clinic_label = ClinicName(config.clinic_name) if config.clinic_name else None
        self.toolbar = commands.build_toolbar(self, self.actions_by_id, self.search, self.clinic_label)
        self.help_button = self.toolbar.widgetForAction(self.action("help_now"))
        if not policy.panels_movable:
            for dock in (self.glossary_dock, self.my_pages_dock):
                dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
            self.toolbar.toggleViewAction().setEnabled(False)
            self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)  # no hiding the toolbar
        self.statusBar().setObjectName("statusBar")
        self.statusBar().setAccessibleName(translate("MainWindow", "Status"))
        self.splitter.setAccessibleName(translate("MainWindow", "Topics and article"))
        self.menuBar().setAccessibleName(translate("MainWindow", "Menu"))

        pane.pageRendered.connect(self._page_rendered)
        self.side_buttons = SideButtons(self.go_back, self.go_forward, self)
        self.index_loader.ready.connect(lambda: self.search.set_index(self.index_loader.index))
        self.index_loader.failed.connect(self.search.set_unavailable)
        self.tree.pageChosen.connect(self.open_page)
        self.view.anchorClicked.connect(self.follow_link)
        self.panels.linkClicked.connect(self._follow_glossary_link)
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
        if notices:
            for detail in notices:
                log.warning("%s", detail)
            self.notice.show_notice(translate(
                "MainWindow", "Some of the clinic's settings or pages could not be used, so the standard ones are "
                "shown. Staff: the details are in the log ({problems}).").format(problems=count_problems(len(notices))))

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
        """Opens the page asked for on the command line, else the last page read, else home."""
        if requested_page:
            page_id, _, anchor = requested_page.partition("#")
            if self.library.page(page_id):
                self.open_page(page_id, anchor or None)
                return
            self.open_page(HOME_ID)
            self.show_status(translate("MainWindow", "There is no page called “{page}”, so the home page is shown.")
                             .format(page=requested_page))
            return
        last = self.preferences.last_page
        last_page = self.library.page(last) if last else None
        # a page that could not be shown last time is not opened again: the reader starts at home
        self.open_page(last if last_page and self.renderer.can_show(last_page) else HOME_ID)

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
        place = self.session.back(self.view.scroll_fraction())
        if place is not None:
            self._show(place)

    def go_forward(self) -> None:
        place = self.session.forward(self.view.scroll_fraction())
        if place is not None:
            self._show(place)

    def _show(self, place: Place) -> None:
        if self.session.arrive(place):
            self._render_current()
        if not self.reading_pane.is_rendering(place.page_id):  # else once it is rendered
            self._go_to(place)
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

    def _render_current(self) -> None:
        self.reading_pane.show_page(self.session.current_page_id, self.session.ticked(), self.session.text_size,
                                    self.theme)

    def _page_rendered(self, page_id: str) -> None:
        """A long page is ready: shown at once if it is still the one being read."""
        place = self.session.history.current
        if page_id == self.session.current_page_id and place is not None:
            self._render_current()
            self._go_to(place)

    def _go_to(self, place: Place) -> None:
        self._tell(self.reading_pane.go_to(place))

    def _show_reading_list(self) -> None:
        saved, save = self.session.is_saved(), self.action("save")
        save.setChecked(saved)
        save.setIconText(translate("MainWindow", "Saved") if saved else translate("MainWindow", "Save"))
        save.setEnabled(self.library.page(self.session.current_page_id or "") is not None
                        and "save" not in self.policy.hidden_commands)
        self.panels.show_lists(self.session.reading)
        self.save_reading()

    def toggle_saved(self) -> None:
        saved = self.session.toggle_saved()
        if saved is not None:
            self._show_reading_list()
            self.show_status(translate("MainWindow", "Saved to My pages.") if saved
                             else translate("MainWindow", "Taken off My pages."))

    def _unsave(self, page_id: str) -> None:
        self.session.remove_saved(page_id)
        self._show_reading_list()

    # ----- links ----------------------------------------------------------------------------

    def follow_link(self, url: QUrl) -> None:
        link = classify(url.toString())
        if link.kind is LinkKind.ARTICLE:
            self.open_page(link.target, link.anchor)
        elif link.kind is LinkKind.TERM:
            self.show_term(link.target)
        elif link.kind is LinkKind.ANCHOR:
            if not self.view.go_to_anchor(link.anchor):
                self.show_status(translate("MainWindow", "That part of the page could not be found."))
        elif link.kind is LinkKind.BACK:
            self.go_back()
        elif link.kind is LinkKind.TICK:
            self.toggle_tick(int(link.target))
        elif link.kind is LinkKind.EXTERNAL:
            self._offer_external(link)
        else:
            log.info("refused link %s", link.target)
            self.show_status(translate("MainWindow", "This link cannot be opened by the app, for your safety."))

    def _follow_glossary_link(self, url: QUrl) -> None:
        """A glossary entry links to pages, other terms and websites; its own #anchors and boxes
        are not the article's, so they are not acted on there."""
        if classify(url.toString()).kind not in (LinkKind.ANCHOR, LinkKind.TICK, LinkKind.BACK):
            self.follow_link(url)

    def toggle_tick(self, number: int) -> None:
        """Ticks or unticks a box of the page's checklist, keeping your place on the page."""
        if not self.session.toggle_box(number):
            return
        scroll = self.view.scroll_position()
        self._render_current()
        self.view.set_scroll_position(scroll)
        self.show_status(translate("MainWindow", "Ticked. Print the page (Ctrl+P) to take your ticks with you.")
                         if self.view.toPlainText().count("☑") else translate("MainWindow", "Unticked."))

    def show_term(self, term_id: str) -> None:
        if not self.panels.show_term(term_id):
            self.show_status(translate("MainWindow", "This word has no glossary entry."))

    def _offer_external(self, link: Link) -> None:
        if not self.policy.opens_websites:
            self.show_status(translate("MainWindow", "This computer does not open websites. The address is {address}")
                             .format(address=link.target))
            return
        answer = QMessageBox.question(
            self, translate("MainWindow", "Open a website?"),
            translate("MainWindow", "This link goes to a website:\n\n{address}\n\nIt will open in your web browser, "
                      "outside this app, and needs an internet connection. Open it?").format(address=link.target),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(QUrl(link.target))

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_SECONDS * 1000)

    # ----- paper ----------------------------------------------------------------------------

    def _printable_page(self) -> Page | None:
        page = self.library.page(self.session.current_page_id or "")
        if page is None:
            self.show_status(translate("MainWindow", "There is nothing to print on this page."))
        return page

    def print_page(self) -> None:
        from tms_info.ui import paper  # with its dialogs, when first needed: start-up stays light

        if (page := self._printable_page()) is not None:
            self._tell(paper.print_page(self, self.renderer, page, self.session.ticked(page.id), self.config,
                                        to_file=self.policy.writes_files))

    def save_pdf(self, target: str | None = None) -> None:
        from tms_info.ui import paper

        if (page := self._printable_page()) is not None and self.policy.writes_files:
            self._tell(paper.save_pdf(self, self.renderer, page, self.session.ticked(page.id), self.config, target))

    def _tell(self, message: str | None) -> None:
        if message:
            self.show_status(message)

    # ----- text size and theme --------------------------------------------------------------

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
            self.save_reading()

    def set_theme(self, choice: str) -> None:
        self.theme_actions[self.session.choose_theme(choice)].setChecked(True)
        self._restyle()
        self.save_reading()

    def _on_system_colours_changed(self, scheme: Qt.ColorScheme) -> None:
        if self.session.theme_choice == theming.SYSTEM:
            self._restyle(scheme)

    def _restyle(self, system_scheme: Qt.ColorScheme | None = None) -> None:
        """Applies the text size and theme to everything that shows text, keeping your place."""
        self.theme = theming.resolve(self.session.theme_choice, system_scheme)
        theming.apply(self.theme)
        if self.view.painted:
            theming.apply_focus_rings(self.theme)
        apply_icons({commands.ICONS[command]: self.action(command) for command in commands.ICONS}, self.theme)
        size = self.session.text_size
        apply_text_size(size, self)  # before the fonts set below, which it would reset
        css, px = stylesheet(size, self.theme), body_px(size)
        self.view.set_page_colour(self.theme.background)
        list_px = min(round(px * 0.9), MAX_LIST_PX)
        self.panels.set_text_style(css, px, list_px)
        set_list_text_size((self.tree, self.search.list, self.search.status), list_px)
        self.help_button.setStyleSheet(f"QToolButton#helpNowButton {{ {theming.HELP_NOW_STYLES[self.theme.name]}"
                                       " border-radius: 4px; padding: 4px 12px; font-weight: bold; }")
        steady_width(self.toolbar.widgetForAction(self.action("save")),
                     (translate("MainWindow", "Save"), translate("MainWindow", "Saved")))
        self.action("larger").setEnabled(self.session.can_grow())
        self.action("smaller").setEnabled(self.session.can_shrink())
        if self.session.current_page_id is not None:
            fraction = self.view.scroll_fraction()
            self._render_current()
            self.view.set_scroll_fraction(fraction)

    # ----- keyboard and mouse ---------------------------------------------------------------

    def next_area(self) -> None:
        self.cycle_focus(+1)

    def previous_area(self) -> None:
        self.cycle_focus(-1)

    def cycle_focus(self, step: int) -> None:
        """F6: the topics, the article, the glossary and My pages (when on the screen, not behind
        another panel), then the search box."""
        cycle_focus([(self.tree, self.tree), (self.view, self.view), *self.panels.focus_areas(),
                     (self.search, self.search.field)], step)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.side_buttons.watch(self.windowHandle())

    # ----- the layout, the next reader, and what is kept ------------------------------------

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
        self.save_reading()

    def save_reading(self) -> None:
        """Writes the reader's pages and choices as they change, not only on close: logout, shutdown
        or a crash loses none of them."""
        self.preferences.text_size = self.session.text_size
        self.preferences.theme = self.session.theme_choice
        self.preferences.saved_pages = self.session.reading.saved
        self.preferences.recent_pages = self.session.reading.recent
        self.preferences.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        theming.application_look.release(self)
        super().closeEvent(event)
