"""The reading pane: the article with its notice bar, its "On this page" strip and its find bar, and
the rendering of a page into it (a long page on a worker, with "Opening this page…" meanwhile).

It shows the page it is told to, at the size and colours it is told; where the reader is and what
they ticked belong to the reading session (tms_info.reading_session).
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from tms_info.content.library import Library
from tms_info.content.render import Renderer
from tms_info.content.style import DEFAULT_TEXT_SIZE, LIGHT, Theme, body_px, stylesheet
from tms_info.history import Place
from tms_info.ui.article_view import ArticleView
from tms_info.ui.find_bar import FindBar
from tms_info.ui.notice_bar import NoticeBar
from tms_info.ui.page_outline import PageOutline
from tms_info.ui.page_worker import PageWorker
from tms_info.ui.texts import translate


class ReadingPane(QWidget):
    pageRendered = Signal(str)
    """A long page rendered on the worker is ready (its id): show it again to see it whole."""

    def __init__(self, library: Library, renderer: Renderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._renderer = renderer
        self.notice = NoticeBar()
        self.view = ArticleView()
        self.view.set_resource_roots(library.roots)
        self.view.set_page_titles(self.title_of)
        self.outline = PageOutline(self.view)
        self.find_bar = FindBar(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for part in (self.notice, self.outline, self.view, self.find_bar):
            layout.addWidget(part)
        self._look: tuple[Theme, int] = (LIGHT, DEFAULT_TEXT_SIZE)
        self._worker = PageWorker(renderer, self)
        self._worker.pageRendered.connect(self.pageRendered)

    def title_of(self, page_id: str) -> str | None:
        page = self._library.page(page_id)
        return page.title if page else None

    def set_look(self, theme: Theme, text_size: int) -> None:
        """The colours and text size of the pages shown from now on; the margins beside the page take the
        colours at once, the page itself when it is shown again."""
        self._look = (theme, text_size)
        self.view.set_page_colour(theme.background)

    def show_page(self, page_id: str, ticked: frozenset[int], keep_place: bool = False) -> None:
        """Shows the page (or the page saying it was not found); a long page first says it is opening.
        With `keep_place`, the page shown again stays where the reader was on it."""
        fraction = self.view.scroll_fraction() if keep_place else None
        page = self._library.page(page_id)
        if page is not None and self._renderer.is_slow(page, ticked):
            self._worker.render(page, ticked)
            html = self._renderer.opening_html(page)
        else:
            html = self._renderer.page_html(page, ticked) if page else self._renderer.not_found_html(page_id)
        theme, text_size = self._look
        self.view.show_html(html, stylesheet(text_size, theme), body_px(text_size))
        self.find_bar.refresh()
        if fraction is not None:
            self.view.set_scroll_fraction(fraction)

    def is_rendering(self, page_id: str) -> bool:
        return self._worker.is_rendering(page_id)

    def go_to(self, place: Place) -> str | None:
        """Moves the article to where `place` says; what to tell the reader if that part is not there."""
        if place.scroll is not None:
            self.view.set_scroll_fraction(place.scroll)
        elif not self.view.go_to_anchor(place.anchor):
            return translate("MainWindow", "This page has no part called “{part}”; showing its start.").format(
                part=place.anchor)
        return None
