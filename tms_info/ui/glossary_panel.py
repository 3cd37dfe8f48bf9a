"""The glossary: an A-Z list of terms with a filter box, and the chosen term's full entry."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tms_info.content.model import Term
from tms_info.content.safe_html import plain_label
from tms_info.documents import set_reading_style
from tms_info.ui.accessibility import clearable
from tms_info.ui.article_view import SafeBrowser
from tms_info.ui.texts import translate

TERM_ID_ROLE = Qt.ItemDataRole.UserRole


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
        self.entry.setHtml(self._hint_html())

    def set_text_style(self, stylesheet: str, body_px: int) -> None:
        set_reading_style(self.entry.document(), stylesheet, body_px)
        list_font = self.term_list.font()
        list_font.setPixelSize(min(round(body_px * 0.9), 24))
        self.term_list.setFont(list_font)
        self.filter_box.setFont(list_font)
        if self.current_term_id:
            self.entry.setHtml(self._render_term(self._terms[self.current_term_id]))
        else:
            self.entry.setHtml(self._hint_html())

    def reset(self) -> None:
        """No filter and no entry open, as when the app starts."""
        self.filter_box.setText("")  # unlike clear(), leaves nothing for Ctrl+Z to bring back
        self.current_term_id = None
        self.term_list.blockSignals(True)
        self.term_list.setCurrentItem(None)
        self.term_list.clearSelection()
        self.term_list.blockSignals(False)
        self.term_list.scrollToTop()
        self.entry.setHtml(self._hint_html())

    def show_term(self, term_id: str) -> bool:
        """Shows a term's entry and selects it in the list; False if there is no such term."""
        if term_id not in self._terms:
            return False
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
        self.entry.setHtml(self._render_term(self._terms[term_id]))
        self.termShown.emit(term_id)

    @staticmethod
    def _hint_html() -> str:
        return translate("Glossary", "<p>Choose a term from the list to read what it means.</p>"
                         "<p>In the articles, words with a glossary entry are underlined. "
                         "Point at one to see a short meaning, or click it to read the full entry here.</p>")

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

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self._render(current.data(TERM_ID_ROLE))
