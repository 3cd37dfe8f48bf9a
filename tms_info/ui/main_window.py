"""The main window: composes the topic tree, the reading pane and the glossary, and wires them.

Where a link goes is decided by tms_info.content.links; what each page looks like by the renderer.
This module only connects them and keeps Back/Forward, the text size and the window's layout.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tms_info.config import Config
from tms_info.content.languages import LANGUAGES
from tms_info.content.library import Library
from tms_info.content.links import Link, LinkKind, classify
from tms_info.content.model import HELP_NOW_ID, HOME_ID
from tms_info.content.render import Renderer
from tms_info.content.style import DEFAULT_TEXT_SIZE, TEXT_SIZES, body_px, stylesheet
from tms_info.history import History, Place
from tms_info.reading_list import ReadingList
from tms_info.ui import theme as theming
from tms_info.ui.article_view import ArticleView
from tms_info.ui.clinic_name import ClinicName
from tms_info.ui.find_bar import FindBar
from tms_info.ui.glossary_panel import GlossaryPanel
from tms_info.ui.icons import apply_icons
from tms_info.ui.kiosk import Kiosk
from tms_info.ui.my_pages import MyPagesPanel
from tms_info.ui.notice_bar import NoticeBar
from tms_info.ui.page_outline import PageOutline
from tms_info.ui.page_worker import PageWorker
from tms_info.ui.search_box import IndexLoader, SearchBox
from tms_info.ui.settings import Preferences
from tms_info.ui.texts import app_name, count_pages, count_problems, translate
from tms_info.ui.topic_tree import TopicTree
from tms_info.ui.window_text_size import apply_text_size, steady_width

if TYPE_CHECKING:
    from tms_info.content.search import SearchHit

log = logging.getLogger(__name__)

STATUS_SECONDS = 10
SMALL_SCREEN_WIDTH = 1200
MAX_LIST_PX = 24  # lists beside the article grow with the text, but not so much that titles no longer fit


class MainWindow(QMainWindow):
    pageOpened = Signal(str)
    languageChosen = Signal(str)  # a language code of LANGUAGES: the reader chose to read in it

    def __init__(self, library: Library, preferences: Preferences, cache_dir: Path | None = None,
                 config: Config | None = None, notices: Sequence[str] = (), known_pages: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.cache_dir = cache_dir
        self.config = config = config or Config()
        self.preferences = preferences
        self.renderer = Renderer(library, config.clinic_name, external_links=not config.kiosk, known_pages=known_pages)
        self.page_worker = PageWorker(self.renderer, self)
        self.page_worker.pageRendered.connect(self._page_rendered)
        self.history = History()
        self.text_size = preferences.text_size_or(config.text_size)
        self.current_page_id: str | None = None
        self.toggled_boxes: dict[str, set[int]] = {}  # checklist boxes the reader changed, by page, this session only

        self.setObjectName("mainWindow")
        self.setWindowTitle(app_name())
        self.setAccessibleName(app_name())
        self.setMinimumSize(640, 420)

        self.tree = TopicTree()
        self.tree.set_topics(library.page(HOME_ID), library.tree())
        self.view = ArticleView()
        self.view.set_resource_roots(library.roots)
        self.view.set_page_titles(lambda page_id: (page.title if (page := self.library.page(page_id)) else None))
        self.outline = PageOutline(self.view)
        self.find_bar = FindBar(self.view)
        self.notice = NoticeBar()
        reading = QWidget()
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.setSpacing(0)
        reading_layout.addWidget(self.notice)
        reading_layout.addWidget(self.outline)
        reading_layout.addWidget(self.view)
        reading_layout.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("topicSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(reading)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 760])
        self.setCentralWidget(self.splitter)

        self.glossary = GlossaryPanel(self.renderer.term_html)
        self.glossary.set_terms(library.terms_a_to_z())
        self.glossary.set_resource_roots(library.roots)
        self.glossary.entry.set_page_titles(
            lambda page_id: (page.title if (page := self.library.page(page_id)) else None))
        self.glossary_dock = QDockWidget(translate("MainWindow", "Glossary"))
        self.glossary_dock.setObjectName("glossaryDock")
        self.glossary_dock.setWidget(self.glossary)
        self.glossary_dock.setAccessibleName(translate("MainWindow", "Glossary"))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.glossary_dock)
        self.resizeDocks([self.glossary_dock], [300], Qt.Orientation.Horizontal)

        self.reading = ReadingList(preferences.saved_pages, preferences.recent_pages,
                                   exists=lambda page_id: library.page(page_id) is not None)
        self.my_pages = MyPagesPanel(lambda page_id: self.library.page(page_id).title)
        self.my_pages_dock = QDockWidget(translate("MainWindow", "My pages"))
        self.my_pages_dock.setObjectName("myPagesDock")
        self.my_pages_dock.setWidget(self.my_pages)
        self.my_pages_dock.setAccessibleName(translate("MainWindow", "My pages"))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.my_pages_dock)
        self.tabifyDockWidget(self.glossary_dock, self.my_pages_dock)
        self.glossary_dock.raise_()
        self.search = SearchBox(self)
        self.index_loader = IndexLoader(self)
        self.index_loader.ready.connect(lambda: self.search.set_index(self.index_loader.index))
        self.index_loader.failed.connect(self.search.set_unavailable)
        self._index_started = False
        self._create_actions()
        self._create_toolbar()
        self._create_menus()
        self.statusBar().setObjectName("statusBar")
        self.statusBar().setAccessibleName(translate("MainWindow", "Status"))
        self.splitter.setAccessibleName(translate("MainWindow", "Topics and article"))
        self.menuBar().setAccessibleName(translate("MainWindow", "Menu"))

        self.tree.pageChosen.connect(self.open_page)
        self.view.anchorClicked.connect(self.follow_link)
        self.glossary.linkClicked.connect(self._follow_glossary_link)
        self.search.hitChosen.connect(self.open_search_hit)
        self.my_pages.pageChosen.connect(self.open_page)
        self.my_pages.savedRemoved.connect(self._unsave)
        self.view.firstPainted.connect(self.start_search_index)  # after the first page is on the screen
        self.view.meaningShown.connect(self.show_status)
        self.view.zoomStepped.connect(lambda step: self.larger_text() if step > 0 else self.smaller_text())
        self.theme_choice = preferences.theme if preferences.theme in theming.CHOICES else theming.SYSTEM
        self.theme_actions[self.theme_choice].setChecked(True)
        self.theme = theming.resolve(self.theme_choice)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_colours_changed)
        self._restyle()
        self._restore_layout()
        self.kiosk = Kiosk(self, config) if config.kiosk else None
        if notices:
            for detail in notices:
                log.warning("%s", detail)
            self.notice.show_notice(translate(
                "MainWindow", "Some of the clinic's settings or pages could not be used, so the standard ones are "
                "shown. Staff: the details are in the log ({problems}).").format(problems=count_problems(len(notices))))

    # ----- building -------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                tip: str = "", icon: QStyle.StandardPixmap | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        shortcut_text = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip or text.replace('&', '')}" + (f" ({shortcut_text})" if shortcut_text else ""))
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        pixmap = QStyle.StandardPixmap
        self.home_action = self._action(translate("MainWindow", "&Home"), self.go_home, "Alt+Home",
                                        translate("MainWindow", "Go to the home page"), pixmap.SP_DirHomeIcon)
        self.back_action = self._action(translate("MainWindow", "&Back"), self.go_back, QKeySequence.StandardKey.Back,
                                        translate("MainWindow", "Go back to the previous page"), pixmap.SP_ArrowBack)
        self.forward_action = self._action(translate("MainWindow", "&Forward"), self.go_forward,
                                           QKeySequence.StandardKey.Forward,
                                           translate("MainWindow", "Go forward again"), pixmap.SP_ArrowForward)
        self.smaller_action = self._action(translate("MainWindow", "Smaller text"), self.smaller_text,
                                           QKeySequence.StandardKey.ZoomOut)
        self.smaller_action.setIconText("A−")
        self.larger_action = self._action(translate("MainWindow", "Larger text"), self.larger_text,
                                          QKeySequence.StandardKey.ZoomIn)
        self.larger_action.setIconText("A+")
        self.normal_size_action = self._action(translate("MainWindow", "&Normal text size"), self.reset_text_size,
                                               "Ctrl+0")
        self.help_now_action = self._action(translate("MainWindow", "Help now"), self.go_help_now, None,
                                            translate("MainWindow", "Crisis lines and what to do in an emergency"))
        self.quit_action = self._action(translate("MainWindow", "&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.print_action = self._action(translate("MainWindow", "&Print…"), self.print_page,
                                         QKeySequence.StandardKey.Print,
                                         translate("MainWindow", "Print this page as a handout"))
        self.pdf_action = self._action(translate("MainWindow", "Save as P&DF…"), self.save_pdf,
                                       "Ctrl+Shift+S", translate("MainWindow", "Save this page as a PDF handout"))
        self.search_action = self._action(translate("MainWindow", "&Search…"), self.search.focus, "Ctrl+K",
                                          translate("MainWindow", "Search the articles and the glossary"))
        self.find_action = self._action(translate("MainWindow", "&Find on this page…"), self.find_bar.open_bar,
                                        QKeySequence.StandardKey.Find)
        self.find_next_action = self._action(translate("MainWindow", "Find &next"), self.find_bar.find_next,
                                             QKeySequence.StandardKey.FindNext)
        self.find_previous_action = self._action(translate("MainWindow", "Find &previous"),
                                                 self.find_bar.find_previous, QKeySequence.StandardKey.FindPrevious)
        self.save_action = self._action(translate("MainWindow", "&Save this page"), self.toggle_saved, "Ctrl+D",
                                        translate("MainWindow", "Save this page to My pages, or take it off"))
        self.save_action.setCheckable(True)
        self.save_action.setIconText(translate("MainWindow", "Save"))
        self.next_area_action = self._action(
            translate("MainWindow", "Next area"), lambda: self.cycle_focus(+1), "F6",
            translate("MainWindow", "Move to the next area: topics, article, glossary, My pages, search"))
        self.previous_area_action = self._action(translate("MainWindow", "Previous area"),
                                                 lambda: self.cycle_focus(-1), "Shift+F6")
        self.my_pages_toggle = self.my_pages_dock.toggleViewAction()
        self.my_pages_toggle.setText(translate("MainWindow", "&My pages"))
        self.my_pages_toggle.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.shortcuts_action = self._action(translate("MainWindow", "&Keyboard shortcuts"), self.show_shortcuts,
                                             QKeySequence.StandardKey.HelpContents)
        self.about_action = self._action(translate("MainWindow", "&About {name}").format(name=app_name()),
                                         self.show_about)
        self.theme_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for choice, label in theming.CHOICES.items():
            action = QAction(translate("Theme", label), self, checkable=True)
            action.triggered.connect(lambda _checked=False, c=choice: self.set_theme(c))
            group.addAction(action)
            self.theme_actions[choice] = action
        self.language_actions: dict[str, QAction] = {}
        languages = QActionGroup(self)
        for code, name in LANGUAGES.items():  # each language by its own name, as a reader of it looks for it
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.library.language)
            action.triggered.connect(lambda _checked=False, c=code: self._choose_language(c))
            languages.addAction(action)
            self.language_actions[code] = action
        self.glossary_toggle = self.glossary_dock.toggleViewAction()
        self.glossary_toggle.setText(translate("MainWindow", "&Glossary"))
        self.glossary_toggle.setShortcut(QKeySequence("Ctrl+G"))

    def _choose_language(self, code: str) -> None:
        """The reader picked a language in View > Language; whoever built the window rebuilds it in that
        language (the check mark stays on the language the window is in until then)."""
        if code != self.library.language:
            self.language_actions[self.library.language if self.library.language in LANGUAGES
                                  else next(iter(LANGUAGES))].setChecked(True)
            self.languageChosen.emit(code)

    def _create_toolbar(self) -> None:
        toolbar = QToolBar(translate("MainWindow", "Navigation"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setAccessibleName(translate("MainWindow", "Navigation"))
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.home_action, self.back_action, self.forward_action):
            toolbar.addAction(action)
        toolbar.addAction(self.save_action)
        toolbar.widgetForAction(self.save_action).setAccessibleName(translate("MainWindow", "Save this page"))
        toolbar.addSeparator()
        for action in (self.smaller_action, self.larger_action):
            toolbar.addAction(action)
            button = toolbar.widgetForAction(action)
            button.setAccessibleName(action.text())
        toolbar.addSeparator()
        toolbar.addWidget(self.search)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.clinic_label = ClinicName(self.config.clinic_name) if self.config.clinic_name else None
        if self.clinic_label is not None:  # the title bar that names the clinic too is not seen in a kiosk
            toolbar.addWidget(self.clinic_label)
        toolbar.addAction(self.help_now_action)
        help_button = toolbar.widgetForAction(self.help_now_action)
        help_button.setObjectName("helpNowButton")
        help_button.setAccessibleName(translate("MainWindow", "Help now"))
        help_button.setAccessibleDescription(self.help_now_action.toolTip())
        self.help_button = help_button
        extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        if extension is not None:
            extension.setAccessibleName(translate("MainWindow", "More buttons"))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    def _create_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu(translate("MainWindow", "&File"))
        file_menu.addAction(self.print_action)
        file_menu.addAction(self.pdf_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menus.addMenu(translate("MainWindow", "&Edit"))
        for action in (self.search_action, self.find_action, self.find_next_action, self.find_previous_action):
            edit_menu.addAction(action)
        go_menu = menus.addMenu(translate("MainWindow", "&Go"))
        for action in (self.home_action, self.back_action, self.forward_action, self.help_now_action):
            go_menu.addAction(action)
        go_menu.addSeparator()
        go_menu.addAction(self.save_action)
        go_menu.addSeparator()
        go_menu.addAction(self.next_area_action)
        go_menu.addAction(self.previous_area_action)
        view_menu = menus.addMenu(translate("MainWindow", "&View"))
        for action in (self.larger_action, self.smaller_action, self.normal_size_action):
            view_menu.addAction(action)
        theme_menu = view_menu.addMenu(translate("MainWindow", "&Colours"))
        for action in self.theme_actions.values():
            theme_menu.addAction(action)
        self.language_menu = view_menu.addMenu(translate("MainWindow", "&Language"))
        self.language_menu.setObjectName("languageMenu")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.glossary_toggle)
        view_menu.addAction(self.my_pages_toggle)
        help_menu = menus.addMenu(translate("MainWindow", "&Help"))
        help_menu.addAction(self.help_now_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    def show_shortcuts(self) -> None:
        from tms_info.ui import dialogs

        dialogs.show_shortcuts(self, self.actions_with_keys())

    def show_about(self) -> None:
        from tms_info.ui import dialogs

        dialogs.show_about(self, self.library)

    def actions_with_keys(self) -> list[QAction]:
        return [action for action in self.findChildren(QAction) if not action.shortcut().isEmpty()]

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
        current = self.history.current
        if current is not None and current.page_id == page_id == self.current_page_id and not anchor \
                and not current.anchor:
            self.view.set_scroll_position(0)  # the same page again: back to its top, not a new step
            return
        if current is not None:
            current.scroll = self.view.scroll_fraction()
        place = Place(page_id, anchor)
        self.history.visit(place)
        self._show(place)

    def _show(self, place: Place) -> None:
        page = self.library.page(place.page_id)
        if place.page_id != self.current_page_id:
            self.current_page_id = place.page_id
            self._render_current()
        if not self.page_worker.is_rendering(place.page_id):  # else once it is rendered
            self._go_to_place(place)
        title = page.title if page else translate("MainWindow", "Page not found")
        clinic = f" – {self.config.clinic_name}" if self.config.clinic_name else ""
        self.setWindowTitle(f"{title} – {app_name()}{clinic}")
        self.tree.show_current(place.page_id)
        self._update_navigation()
        if page is not None:
            self.reading.read(place.page_id)
        self._show_reading_list()
        if page is not None:
            self.pageOpened.emit(place.page_id)

    def _render_current(self) -> None:
        page = self.library.page(self.current_page_id)
        toggled = frozenset(self.toggled_boxes.get(self.current_page_id, ()))
        if page is not None and self.renderer.is_slow(page, toggled):
            self.page_worker.render(page, toggled)
            html = self.renderer.opening_html(page)
        else:
            html = (self.renderer.page_html(page, toggled) if page
                    else self.renderer.not_found_html(self.current_page_id))
        self.view.show_html(html, stylesheet(self.text_size, self.theme), body_px(self.text_size))
        self.find_bar.refresh()

    def _page_rendered(self, page_id: str) -> None:
        """A long page is ready: shown at once if it is still the one being read."""
        place = self.history.current
        if page_id != self.current_page_id or place is None:
            return
        self._render_current()
        self._go_to_place(place)

    def _go_to_place(self, place: Place) -> None:
        if place.scroll is not None:
            self.view.set_scroll_fraction(place.scroll)
        elif not self.view.go_to_anchor(place.anchor):
            self.show_status(translate("MainWindow", "This page has no part called “{part}”; showing its start.")
                             .format(part=place.anchor))

    def _show_reading_list(self) -> None:
        saved = self.current_page_id is not None and self.reading.is_saved(self.current_page_id)
        self.save_action.setChecked(saved)
        self.save_action.setIconText(translate("MainWindow", "Saved") if saved
                                     else translate("MainWindow", "Save"))
        self.save_action.setEnabled(self.library.page(self.current_page_id or "") is not None)
        self.my_pages.show_lists(self.reading)
        self.save_reading()

    def toggle_saved(self) -> None:
        if self.current_page_id is None:
            return
        saved = self.reading.toggle_saved(self.current_page_id)
        self._show_reading_list()
        self.show_status(translate("MainWindow", "Saved to My pages.") if saved
                         else translate("MainWindow", "Taken off My pages."))

    def _unsave(self, page_id: str) -> None:
        self.reading.remove_saved(page_id)
        self._show_reading_list()

    def cycle_focus(self, step: int) -> None:
        """F6: moves between the big areas of the window, as in web browsers."""
        areas: list[tuple[QWidget, QWidget]] = [(self.tree, self.tree), (self.view, self.view)]
        for panel in (self.glossary, self.my_pages):  # only a panel on the screen, not one behind another
            target = panel.focus_target()
            if target is not None:
                areas.append((panel, target))
        areas.append((self.search, self.search.field))
        focused = QApplication.focusWidget()
        current = next((i for i, (area, _target) in enumerate(areas)
                        if focused is not None and (area is focused or area.isAncestorOf(focused))), -1)
        areas[(current + step) % len(areas)][1].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The native window sees every mouse press before any widget in it does. (A filter on the
        # whole application would also see every paint and layout event of every widget.) Qt keeps
        # one entry per filter, so installing it again on a later show changes nothing.
        self.windowHandle().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The mouse's side buttons go back and forward, wherever the pointer is in the window."""
        if event.type() == QEvent.Type.MouseButtonPress and watched is self.windowHandle():
            if event.button() == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(watched, event)

    def _update_navigation(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    def go_home(self) -> None:
        self.open_page(HOME_ID)

    def go_help_now(self) -> None:
        self.open_page(HELP_NOW_ID if self.library.page(HELP_NOW_ID) else HOME_ID)

    def go_back(self) -> None:
        self._step(self.history.back)

    def go_forward(self) -> None:
        self._step(self.history.forward)

    def _step(self, move) -> None:
        current = self.history.current
        if current is not None:
            current.scroll = self.view.scroll_fraction()
        place = move()
        if place is not None:
            self._show(place)

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

    def toggle_tick(self, number: int) -> None:
        """Ticks or unticks a box of the page's checklist, keeping your place on the page."""
        if self.current_page_id is None:
            return
        toggled = self.toggled_boxes.setdefault(self.current_page_id, set())
        toggled.symmetric_difference_update({number})
        scroll = self.view.scroll_position()
        self._render_current()
        self.view.set_scroll_position(scroll)
        self.show_status(translate("MainWindow", "Ticked. Print the page (Ctrl+P) to take your ticks with you.")
                         if self.view.toPlainText().count("☑") else translate("MainWindow", "Unticked."))

    # ----- paper ----------------------------------------------------------------------------

    def _printable_page(self):
        page = self.library.page(self.current_page_id or "")
        if page is None:
            self.show_status(translate("MainWindow", "There is nothing to print on this page."))
        return page

    def print_page(self) -> None:
        page = self._printable_page()
        if page is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # loaded when first needed: start-up stays light

        from tms_info import handouts

        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setDocName(page.title)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(translate("MainWindow", "Print “{title}”").format(title=page.title))
        if self.kiosk is not None:  # a kiosk prints on paper, and never writes or browses files
            dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, False)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        if self.kiosk is not None:
            printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
        try:
            document = handouts.handout_document(self.renderer, page, frozenset(self.toggled_boxes.get(page.id, ())),
                                                 self.config.clinic_name, self.config.clinic_phone)
            handouts.paint_pages(document, printer, handouts.footer_text(page, self.config.clinic_name),
                                 keep_paper=True)
        except handouts.HandoutError as error:
            QMessageBox.warning(self, translate("MainWindow", "Could not print"),
                                translate("MainWindow", "The page could not be printed: {reason}.")
                                .format(reason=error))
            return
        self.show_status(translate("MainWindow", "Sent “{title}” to the printer.").format(title=page.title))

    def save_pdf(self, target: str | None = None) -> None:
        page = self._printable_page()
        if page is None:
            return
        if target is None:
            dialog = QFileDialog(self, translate("MainWindow", "Save this page as a PDF"),
                                 str(Path.home() / (page.id.replace("/", "-") + ".pdf")),
                                 translate("MainWindow", "PDF files (*.pdf)"))
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("pdf")  # so the dialog asks before replacing the file really written
            if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
                return
            target = dialog.selectedFiles()[0]
        from tms_info import handouts

        try:
            toggled = frozenset(self.toggled_boxes.get(page.id, ()))
            pages = handouts.write_pdf(self.renderer, page, Path(target), toggled,
                                       self.config.clinic_name, self.config.clinic_phone)
        except handouts.HandoutError as error:
            QMessageBox.warning(self, translate("MainWindow", "Could not save the PDF"),
                                translate("MainWindow", "The PDF was not saved: {reason}. Nothing was changed. "
                                          "Try another folder.").format(reason=error))
            return
        self.show_status(translate("MainWindow", "Saved {file} ({pages}).").format(file=target,
                                                                                   pages=count_pages(pages)))

    def _follow_glossary_link(self, url: QUrl) -> None:
        """A glossary entry links to pages, other terms and websites; its own #anchors and boxes
        are not the article's, so they are not acted on there."""
        if classify(url.toString()).kind not in (LinkKind.ANCHOR, LinkKind.TICK, LinkKind.BACK):
            self.follow_link(url)

    def show_term(self, term_id: str) -> None:
        if self.glossary.show_term(term_id):
            self.glossary_dock.show()
            self.glossary_dock.raise_()
        else:
            self.show_status(translate("MainWindow", "This word has no glossary entry."))

    def _offer_external(self, link: Link) -> None:
        if self.kiosk is not None:
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

    # ----- text size and theme --------------------------------------------------------------

    def larger_text(self) -> None:
        self._set_text_size(next((s for s in TEXT_SIZES if s > self.text_size), self.text_size))

    def smaller_text(self) -> None:
        self._set_text_size(next((s for s in reversed(TEXT_SIZES) if s < self.text_size), self.text_size))

    def reset_text_size(self) -> None:
        self._set_text_size(DEFAULT_TEXT_SIZE)

    def _set_text_size(self, size: int) -> None:
        if size != self.text_size:
            self.text_size = size
            self._restyle()
            self.show_status(translate("MainWindow", "Text size {size}%").format(size=size))
            self.save_reading()

    def set_theme(self, choice: str) -> None:
        self.theme_choice = choice if choice in theming.CHOICES else theming.SYSTEM
        self.theme_actions[self.theme_choice].setChecked(True)
        self._restyle()
        self.save_reading()

    def _on_system_colours_changed(self, scheme: Qt.ColorScheme) -> None:
        if self.theme_choice == theming.SYSTEM:
            self._restyle(scheme)

    def _restyle(self, system_scheme: Qt.ColorScheme | None = None) -> None:
        """Applies the text size and theme to everything that shows text, keeping your place."""
        self.theme = theming.resolve(self.theme_choice, system_scheme)
        theming.apply(self.theme)
        apply_icons({"home": self.home_action, "back": self.back_action, "forward": self.forward_action,
                     "star": self.save_action, "print": self.print_action, "help-now": self.help_now_action},
                    self.theme)
        apply_text_size(self.text_size, self)  # before the fonts set below, which it would reset
        css, px = stylesheet(self.text_size, self.theme), body_px(self.text_size)
        self.view.set_page_colour(self.theme.background)
        self.glossary.set_text_style(css, px)
        for widget in (self.tree, self.search.list, self.search.status, self.my_pages.saved, self.my_pages.recent):
            font = widget.font()
            font.setPixelSize(min(round(px * 0.9), MAX_LIST_PX))
            widget.setFont(font)
        self.help_button.setStyleSheet(f"QToolButton#helpNowButton {{ {theming.HELP_NOW_STYLES[self.theme.name]}"
                                       " border-radius: 4px; padding: 4px 12px; font-weight: bold; }")
        steady_width(self.toolbar.widgetForAction(self.save_action),
                     (translate("MainWindow", "Save"), translate("MainWindow", "Saved")))
        self.larger_action.setEnabled(self.text_size < TEXT_SIZES[-1])
        self.smaller_action.setEnabled(self.text_size > TEXT_SIZES[0])
        if self.current_page_id is not None:
            scrollbar = self.view.verticalScrollBar()
            fraction = scrollbar.value() / scrollbar.maximum() if scrollbar.maximum() else 0.0
            self._render_current()
            scrollbar.setValue(round(fraction * scrollbar.maximum()))

    # ----- remembering the layout -----------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.preferences.geometry
        if geometry is None or not self.restoreGeometry(geometry):  # Qt brings an off-screen window back
            self._fit_to_screen()
        state = self.preferences.window_state
        if state is not None:
            self.restoreState(state)
        splitter = self.preferences.splitter_state
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def _fit_to_screen(self) -> None:
        """First start: a comfortable size that fits inside the screen's free area."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        width, height = min(1280, available.width()), min(860, available.height())
        self.resize(width, height)
        if width < SMALL_SCREEN_WIDTH:  # the panels open when needed: a glossary word, the star, the menu
            self.glossary_dock.hide()
            self.my_pages_dock.hide()
            self.splitter.setSizes([220, width - 220])
        self.move(available.x() + (available.width() - width) // 2, available.y() + (available.height() - height) // 2)

    def reset_for_next_reader(self) -> None:
        """Back to how the app first looked: nothing the last person read, typed or ticked stays."""
        for dialog in self.findChildren(QDialog):
            dialog.reject()
        self.search.clear()
        self.find_bar.clear()
        self.find_bar.close_bar()
        self.glossary.reset()
        self.toggled_boxes.clear()
        self.reading.clear()
        self.text_size = self.config.text_size
        self.theme_choice = theming.SYSTEM
        self.theme_actions[self.theme_choice].setChecked(True)
        self.history.clear()
        self.current_page_id = None
        self._restyle()
        self.open_page(HOME_ID)
        self.view.set_scroll_position(0)
        self.tree.open_sections()
        self.statusBar().clearMessage()

    def save_settings(self) -> None:
        if self.kiosk is not None:
            return  # a kiosk writes nothing to disk
        self.preferences.geometry = self.saveGeometry()
        self.preferences.window_state = self.saveState()
        self.preferences.splitter_state = self.splitter.saveState()
        if self.current_page_id and self.library.page(self.current_page_id):
            # a page that could not be shown is not the one to come back to
            self.preferences.last_page = HOME_ID if self.renderer.failed(self.current_page_id) else self.current_page_id
        self.save_reading()

    def save_reading(self) -> None:
        """Writes the reader's pages and choices as they change, not only on close: logout, shutdown
        or a crash loses none of them."""
        if self.kiosk is not None:
            return  # a kiosk writes nothing to disk
        self.preferences.text_size = self.text_size
        self.preferences.theme = self.theme_choice
        self.preferences.saved_pages = self.reading.saved
        self.preferences.recent_pages = self.reading.recent
        self.preferences.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.kiosk is not None and not self.kiosk.leaving:
            event.ignore()  # only the clinic's key combination closes a kiosk
            return
        self.save_settings()
        super().closeEvent(event)
