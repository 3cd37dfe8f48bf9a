"""The glossary: an A-Z list of terms with a filter box, and the chosen term's full entry."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from html import unescape
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from tms_info.content import style
from tms_info.content.model import Term
from tms_info.content.safe_html import plain_label
from tms_info.documents import set_reading_style
from tms_info.ui.accessibility import clearable
from tms_info.ui.article_view import SafeBrowser
from tms_info.ui.texts import translate
from tms_info.ui.window_text_size import set_list_text_size
from tms_info.ui.wrapping import wrap_rows

TERM_ID_ROLE = Qt.ItemDataRole.UserRole
HEADING_SCALE = 1.3  # an entry's heading (h2) to its text, at the least
_PX_SIZE = re.compile(r"(\d+(?:\.\d+)?)px")
_WORD = re.compile(r"[^\s/\-–—]+[\-–—]?")  # a line may break after a hyphen or a slash
_FAMILY = re.compile(r"font-family:\s*['\"]([^'\"]+)")  # the page's typeface: the first one named


@lru_cache(maxsize=8)
def _heading_scale(stylesheet: str, body_px: int) -> float:
    """How much larger than the text an entry's heading (h2) comes out, as Qt lays it out (Qt
    may size a heading its own way, whatever the style sheet says)."""
    document = QTextDocument()
    set_reading_style(document, stylesheet, body_px)
    document.setHtml("<h2>M</h2>")
    cursor = QTextCursor(document)
    cursor.setPosition(1)
    font = cursor.charFormat().font()
    size = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72
    return max(HEADING_SCALE, size / body_px) if size > 0 else HEADING_SCALE


def fitted_style(html: str, stylesheet: str, body_px: int, width: int) -> tuple[int, str]:
    """The text size (px) and style sheet for an entry in a panel `width` px wide: the reader's
    size, unless its longest word would not fit whole on a line; then as much smaller as that
    needs (never below 12 px). The heading's longest word, larger and bold, is fitted too."""
    if width <= 0 or not stylesheet:
        return body_px, stylesheet
    heading, _, _ = html.partition("</h2>")
    heading = heading.partition("<h2>")[2] if "<h2>" in heading else ""
    family = _FAMILY.search(stylesheet)

    def widest(text: str, bold: bool) -> float:
        font = QFont(QApplication.font())
        if family:
            font.setFamilies([family[1]])
        font.setPixelSize(100)
        font.setBold(bold)
        metrics = QFontMetricsF(font)
        words = set(_WORD.findall(unescape(re.sub(r"<[^>]+>", " ", text))))
        return max((metrics.horizontalAdvance(word) for word in words), default=0.0) / 100

    scale = 1.0
    text_widest = widest(html, False)
    if text_widest:
        scale = min(scale, width / (text_widest * body_px))
    heading_widest = widest(heading, True) * _heading_scale(stylesheet, body_px)
    if heading_widest:
        scale = min(scale, width / (heading_widest * body_px))
    px = max(12, min(body_px, int(body_px * scale)))
    if px == body_px:
        return px, stylesheet
    factor = px / body_px
    return px, _PX_SIZE.sub(lambda match: f"{max(1, round(float(match[1]) * factor))}px", stylesheet)


class _FilterBox(QLineEdit):
    """The Down key moves from the filter into the list, as in most search boxes."""

    downPressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
        else:
            super().keyPressEvent(event)


class GlossaryPanel(QWidget):
    linkClicked = Signal(QUrl)
    """A link inside an entry was clicked: a see-also term or a related article."""
    termShown = Signal(str)

    def __init__(self, render_term: Callable[[Term], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryPanel")
        self._render_term = render_term
        self._terms: dict[str, Term] = {}
        self.current_term_id: str | None = None

        self.filter_box = _FilterBox()
        self.filter_box.setObjectName("glossaryFilter")
        self.filter_box.setPlaceholderText(translate("Glossary", "Filter terms"))
        self.filter_box.setAccessibleName(translate("Glossary", "Filter glossary terms"))
        clearable(self.filter_box, translate("Glossary", "Clear the filter"))
        self.term_list = QListWidget()
        self.term_list.setObjectName("glossaryList")
        wrap_rows(self.term_list)  # long terms wrap at any text size, never scrolling sideways
        self.term_list.setAccessibleName(translate("Glossary", "Glossary terms, A to Z"))
        self.entry = SafeBrowser()
        self.entry.setObjectName("glossaryEntry")
        self.entry.setOpenLinks(False)
        self.entry.setAccessibleName(translate("Glossary", "Glossary entry"))
        self.no_match = QLabel(translate("Glossary", "No term matches. Try fewer letters."))
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        label = QLabel(translate("Glossary", "&Find a term:"))
        label.setBuddy(self.filter_box)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (label, self.filter_box, self.term_list, self.no_match):
            top_layout.addWidget(widget)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("glossarySplitter")
        splitter.setAccessibleName(translate("Glossary", "Glossary terms and entry"))
        splitter.addWidget(top)
        splitter.addWidget(self.entry)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        self.filter_box.textChanged.connect(self._apply_filter)
        self.filter_box.returnPressed.connect(self._open_first_visible)
        self.filter_box.downPressed.connect(self._focus_list)
        self.term_list.currentItemChanged.connect(self._on_current_changed)
        self.entry.anchorClicked.connect(self.linkClicked)
        self._stylesheet, self._body_px, self._fitted_px, self._html = "", 18, 0, ""
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        self.entry.installEventFilter(self)

    def set_resource_roots(self, roots: Iterable[Path]) -> None:
        """The content folders an entry's pictures may come from (see SafeBrowser)."""
        self.entry.set_resource_roots(roots)

    def set_terms(self, terms: list[Term]) -> None:
        self._terms = {term.id: term for term in terms}
        self.term_list.clear()
        for term in terms:
            item = QListWidgetItem(term.term)
            item.setData(TERM_ID_ROLE, term.id)
            item.setToolTip(plain_label(term.short))
            self.term_list.addItem(item)
        self._show_entry()

    def set_look(self, theme: style.Theme, text_size: int) -> None:
        """Entries in the article's colours and text size; the list and its filter at the lists' size."""
        self._stylesheet, self._body_px = style.stylesheet(text_size, theme), style.body_px(text_size)
        set_list_text_size((self.term_list, self.filter_box), style.list_px(text_size))
        self._show_entry()

    def _show_entry(self) -> None:
        """The entry (or the hint) in the reader's text size, made smaller only as far as needed
        for its longest word, and its heading's, to fit the panel's width whole."""
        self._html = self._render_term(self._terms[self.current_term_id]) if self.current_term_id \
            else self._hint_html()
        self._fit_entry(force=True)

    def _fit_entry(self, force: bool = False) -> None:
        px, stylesheet = fitted_style(self._html, self._stylesheet, self._body_px, self._entry_width())
        if px == self._fitted_px and not force:
            return
        self._fitted_px = px
        scroll = self.entry.verticalScrollBar().value()
        set_reading_style(self.entry.document(), stylesheet, px)
        self.entry.setFont(self.entry.document().defaultFont())  # a change of the window's font leaves it
        self.entry.setHtml(self._html)
        if not force:  # the same entry in another size: the reader keeps their place
            self.entry.verticalScrollBar().setValue(scroll)

    def _entry_width(self) -> int:
        """The width the entry's text has, as if its scroll bar were shown (so that showing it
        does not change the size chosen)."""
        bar = self.entry.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return (self.entry.width() - 2 * self.entry.frameWidth() - bar
                - 2 * round(self.entry.document().documentMargin()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.entry and event.type() == QEvent.Type.Resize and self._stylesheet:
            self._fit_entry()
        return super().eventFilter(watched, event)

    def reset(self) -> None:
        """No filter and no entry open, as when the app starts."""
        self.filter_box.setText("")  # unlike clear(), leaves nothing for Ctrl+Z to bring back
        self.current_term_id = None
        self.term_list.blockSignals(True)
        self.term_list.setCurrentItem(None)
        self.term_list.clearSelection()
        self.term_list.blockSignals(False)
        self.term_list.scrollToTop()
        self._show_entry()

    def show_term(self, term_id: str) -> bool:
        """Shows a term's entry and selects it in the list; False if there is no such term. A
        filter typed earlier is let go, unless the reader is typing it now."""
        if term_id not in self._terms:
            return False
        if not self.filter_box.hasFocus():
            self.filter_box.setText("")
        for row in range(self.term_list.count()):
            item = self.term_list.item(row)
            if item.data(TERM_ID_ROLE) == term_id:
                item.setHidden(False)
                self.term_list.blockSignals(True)
                self.term_list.setCurrentItem(item)
                self.term_list.scrollToItem(item)
                self.term_list.blockSignals(False)
        self._render(term_id)
        return True

    def _render(self, term_id: str) -> None:
        self.current_term_id = term_id
        self._show_entry()
        self.termShown.emit(term_id)

    @staticmethod
    def _hint_html() -> str:
        return translate("Glossary", "<p>Choose a term from the list to read what it means.</p>"
                         "<p>In the articles, words with a glossary entry have a dotted underline. "
                         "Point at one, or reach it with Tab, to see a short meaning; click it to read the full "
                         "entry here.</p>")

    def _apply_filter(self, text: str) -> None:
        needle = " ".join(text.split()).casefold()
        visible = 0
        for row in range(self.term_list.count()):
            item = self.term_list.item(row)
            term = self._terms[item.data(TERM_ID_ROLE)]
            matches = not needle or any(needle in name.casefold() for name in term.names)
            item.setHidden(not matches)
            visible += matches
        self.no_match.setVisible(visible == 0)

    def _visible_items(self) -> list[QListWidgetItem]:
        return [self.term_list.item(row) for row in range(self.term_list.count())
                if not self.term_list.item(row).isHidden()]

    def _open_first_visible(self) -> None:
        items = self._visible_items()
        if items:
            self.term_list.setCurrentItem(items[0])

    def _focus_list(self) -> None:
        items = self._visible_items()
        if items:
            self.term_list.setFocus()
            if self.term_list.currentItem() is None or self.term_list.currentItem().isHidden():
                self.term_list.setCurrentItem(items[0])

    def focus_target(self) -> QWidget | None:
        """Where F6 lands in the panel: its filter; None while the panel is not on the screen
        (closed, or behind My pages)."""
        if not self.isVisible() or self.visibleRegion().isEmpty():
            return None
        return self.filter_box

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Moving on from the glossary to another part of the window lets go of the filter: the
        next look finds the whole list, with the last term chosen still marked in it."""
        if new is None or old is None or not self.isAncestorOf(old) or self.isAncestorOf(new):
            return
        if self.filter_box.text():
            self.filter_box.setText("")  # unlike clear(), leaves nothing for Ctrl+Z to bring back
            current = self.term_list.currentItem()
            if current is not None:
                self.term_list.scrollToItem(current)

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self._render(current.data(TERM_ID_ROLE))
