"""The panels beside the article: the glossary and My pages, each in a dock the reader can close.

The docks are made with the window, so the article has its final width when it is first painted; what
is in them is built right after that paint, or as soon as something needs it, whichever comes first:
it is not needed to show the first page. Until then the text size and the reader's lists are kept
here and given to the panels when they are built.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from tms_info.content.library import Library
from tms_info.content.render import Renderer
from tms_info.content.style import Theme, list_px
from tms_info.reading_list import ReadingList
from tms_info.ui.texts import translate
from tms_info.ui.window_text_size import set_list_text_size

if TYPE_CHECKING:
    from tms_info.ui.glossary_panel import GlossaryPanel
    from tms_info.ui.my_pages import MyPagesPanel


class SidePanels(QObject):
    linkClicked = Signal(QUrl)
    """A link in a glossary entry was clicked: a page, another term or a website."""
    pageChosen = Signal(str)
    """A page was chosen in My pages."""
    savedRemoved = Signal(str)
    """A page was taken off the saved pages in My pages."""

    def __init__(self, window: QMainWindow, library: Library, renderer: Renderer,
                 title_of: Callable[[str], str | None]) -> None:
        super().__init__(window)
        self._library, self._renderer, self._title_of = library, renderer, title_of
        self._glossary: GlossaryPanel | None = None
        self._my_pages: MyPagesPanel | None = None
        self._look: tuple[Theme, int] | None = None
        self._reading: ReadingList | None = None
        self.glossary_dock = self._dock(window, "glossaryDock", translate("MainWindow", "Glossary"))
        self.my_pages_dock = self._dock(window, "myPagesDock", translate("MainWindow", "My pages"))
        window.tabifyDockWidget(self.glossary_dock, self.my_pages_dock)
        self.glossary_dock.raise_()
        window.resizeDocks([self.glossary_dock], [300], Qt.Orientation.Horizontal)

    @staticmethod
    def _dock(window: QMainWindow, name: str, title: str) -> QDockWidget:
        dock = QDockWidget(title)
        dock.setObjectName(name)
        dock.setWidget(QWidget())  # the panel's place, until it is built
        dock.setAccessibleName(title)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def fix_in_place(self) -> None:
        """The panels can be closed but not dragged out of the window or left floating (a kiosk's)."""
        for dock in (self.glossary_dock, self.my_pages_dock):
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)

    @property
    def built(self) -> bool:
        return self._glossary is not None

    def build(self) -> None:
        """Builds both panels, once."""
        if self._glossary is not None:
            return
        from tms_info.ui.glossary_panel import GlossaryPanel
        from tms_info.ui.my_pages import MyPagesPanel

        glossary = GlossaryPanel(self._renderer.term_html)
        glossary.set_terms(self._library.terms_a_to_z())
        glossary.set_resource_roots(self._library.roots)
        glossary.entry.set_page_titles(self._title_of)
        glossary.linkClicked.connect(self.linkClicked)
        my_pages = MyPagesPanel(lambda page_id: self._library.page(page_id).title)
        my_pages.pageChosen.connect(self.pageChosen)
        my_pages.savedRemoved.connect(self.savedRemoved)
        for dock, panel in ((self.glossary_dock, glossary), (self.my_pages_dock, my_pages)):
            placeholder = dock.widget()
            panel.setFont(placeholder.font())  # the plain font the window gave it, not the dock's title font
            dock.setWidget(panel)
            placeholder.deleteLater()
        self._glossary, self._my_pages = glossary, my_pages
        if self._look is not None:
            self.set_look(*self._look)
        if self._reading is not None:
            my_pages.show_lists(self._reading)

    @property
    def glossary(self) -> GlossaryPanel:
        self.build()
        return self._glossary

    @property
    def my_pages(self) -> MyPagesPanel:
        self.build()
        return self._my_pages

    def set_look(self, theme: Theme, text_size: int) -> None:
        """The article's colours and text size for glossary entries, and the lists' size to match."""
        self._look = (theme, text_size)
        if self._glossary is None:
            return
        self._glossary.set_look(theme, text_size)
        set_list_text_size((self._my_pages.saved, self._my_pages.recent), list_px(text_size))

    def show_lists(self, reading: ReadingList) -> None:
        """The reader's saved and recent pages, in My pages."""
        self._reading = reading
        if self._my_pages is not None:
            self._my_pages.show_lists(reading)

    def show_term(self, term_id: str) -> bool:
        """Opens the glossary at a term; False if there is no such term."""
        if not self.glossary.show_term(term_id):
            return False
        self.glossary_dock.show()
        self.glossary_dock.raise_()
        return True

    def focus_areas(self) -> list[tuple[QWidget, QWidget]]:
        """For F6: each panel on the screen (not one behind another) with where the focus lands in it."""
        return [(panel, target) for panel in (self.glossary, self.my_pages)
                if (target := panel.focus_target()) is not None]

    def reset(self) -> None:
        """Nothing of the last reader's glossary look-ups stays."""
        if self._glossary is not None:
            self._glossary.reset()
