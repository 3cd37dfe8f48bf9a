"""The search field in the toolbar and the list of results that opens under it as you type.

The index is built (or read from its cache) on Qt's thread pool, so the window never waits
for it; queries then take a few milliseconds and run as you type, after a short pause.
"""
from __future__ import annotations

import logging
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from tms_info.content.library import Library
from tms_info.content.safe_html import plain_label
from tms_info.ui.accessibility import announce, clearable
from tms_info.ui.pool_job import PoolJob, short_reason
from tms_info.ui.texts import translate

if TYPE_CHECKING:  # the search engine (SQLite) is loaded by the worker thread, after the first paint
    from tms_info.content.search import SearchHit, SearchIndex, SearchResults

HIT_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
TYPING_PAUSE_MS = 60
RESULT_LIMIT = 12
CRISIS_ANNOUNCEMENT = QT_TRANSLATE_NOOP(
    "SearchBox", "Help now is the first result: crisis lines you can call or text now.")  # translated where said

log = logging.getLogger(__name__)


class IndexLoader(QObject):
    """Opens the search index on Qt's thread pool, so the window never waits for it. `ready` says
    when `index` can be used; `failed` gives a short reason when it cannot be opened (the details
    are logged with their traceback)."""

    ready = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.index: SearchIndex | None = None
        self.error: str | None = None
        self._job: PoolJob[SearchIndex] | None = None

    def start(self, library: Library, cache_dir: Path | None) -> None:
        def open_index() -> SearchIndex:
            from tms_info.content.search import SearchIndex

            return SearchIndex.open(library, cache_dir)

        job = self._job = PoolJob(open_index, "The search index could not be opened",  # for the log, in English
                                  lambda index: index.close())
        job.succeeded.connect(self._on_loaded)
        job.failed.connect(self._on_failed)
        job.finished.connect(self._on_finished)
        self.destroyed.connect(job.abandon)
        job.start()

    def _on_loaded(self) -> None:
        index = self._job.take() if self._job is not None else None
        if index is not None:
            self.index = index
            self.ready.emit()

    def _on_failed(self, reason: str) -> None:
        self.error = reason
        self.failed.emit(reason)

    def _on_finished(self) -> None:
        self._job = None


class _HtmlDelegate(QStyledItemDelegate):
    """Draws a result's title, place and snippet (matched words in bold) from a little HTML.

    The Help now row that a crisis query puts first is set apart calmly, in the theme's own colours:
    a tint of the highlight colour behind it and a bar of it down its left edge."""

    PADDING = 6
    BAR = 4  # the width of the Help now row's left bar

    def _indent(self, index: QModelIndex) -> int:
        hit = index.data(HIT_ROLE)
        return self.PADDING + (self.BAR + 4 if hit is not None and hit.crisis else 0)

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(index.data(HTML_ROLE))
        document.setTextWidth(max(100, option.rect.width() - self._indent(index) - self.PADDING))
        return document

    @staticmethod
    def crisis_background(palette: QPalette) -> QColor:
        """The base colour with a little of the highlight colour mixed in: calm, never alarming."""
        base, tint = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight)
        share = 0.14
        return QColor.fromRgbF(*(b + (t - b) * share for b, t in ((base.redF(), tint.redF()),
                                                                   (base.greenF(), tint.greenF()),
                                                                   (base.blueF(), tint.blueF()))))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        hit = index.data(HIT_ROLE)
        crisis = hit is not None and hit.crisis
        if crisis:
            options.backgroundBrush = self.crisis_background(option.palette)
        style = options.widget.style() if options.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        if crisis:
            painter.fillRect(QRect(option.rect.left(), option.rect.top(), self.BAR, option.rect.height()),
                             option.palette.color(QPalette.ColorRole.Highlight))
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        indent = self._indent(index)
        painter.save()
        painter.translate(option.rect.topLeft() + QPoint(indent, 4))
        painter.setClipRect(QRect(0, 0, option.rect.width() - indent, option.rect.height() - 4))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        # Measured at the list's own width less a scroll bar's, not at the viewport's: the viewport
        # keeps its old width until the list is shown again, and narrows when a scroll bar appears.
        widget = option.widget
        width = widget.width() - 2 * widget.frameWidth() - widget.style().pixelMetric(
            QStyle.PixelMetric.PM_ScrollBarExtent) if widget else 420
        options = QStyleOptionViewItem(option)
        options.rect = QRect(0, 0, width, 0)
        document = self._document(options, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 8)


class ResultsList(QListWidget):
    """Results under the search field; Up from the first result goes back to the field."""

    leftAtTop = Signal()
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Up and self.currentRow() <= 0:
            self.leftAtTop.emit()
        elif event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.itemActivated.emit(self.currentItem())
        else:
            super().keyPressEvent(event)


class SearchBox(QWidget):
    """The search field and its results; says which result was chosen and which words to highlight."""

    hitChosen = Signal(object, tuple)  # the SearchHit, and the words to highlight in it

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.setObjectName("searchBox")
        self._window = window
        self.index: SearchIndex | None = None
        self.results: SearchResults | None = None
        self.unavailable: str | None = None  # why search cannot work, once the index failed to open
        self._crisis_announced = False

        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(translate("SearchBox", "Search, e.g. “does it hurt”"))
        self.field.setAccessibleName(translate("SearchBox", "Search the articles and the glossary"))
        clearable(self.field, translate("SearchBox", "Clear the search"))
        self._fit_field()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)

        self.popup = QFrame(window)
        self.popup.setObjectName("searchResults")
        self.popup.setAccessibleName(translate("SearchBox", "Search results"))
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.popup.setAutoFillBackground(True)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setContentsMargins(8, 6, 8, 6)
        self.list = ResultsList()
        self.list.setObjectName("searchResultList")
        self.list.setAccessibleName(translate("SearchBox", "Search results"))
        self.list.setItemDelegate(_HtmlDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        popup_layout = QVBoxLayout(self.popup)
        popup_layout.setContentsMargins(1, 1, 1, 1)
        popup_layout.setSpacing(0)
        popup_layout.addWidget(self.status)
        popup_layout.addWidget(self.list)
        self.popup.hide()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run_query)
        self.field.textChanged.connect(self._timer.start)
        self.field.returnPressed.connect(self._open_first)
        self.field.installEventFilter(self)
        self.list.itemActivated.connect(self._choose)
        self.list.itemClicked.connect(self._choose)
        self.list.leftAtTop.connect(self.field.setFocus)
        self.list.escaped.connect(self.close_results)
        window.installEventFilter(self)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_field()

    def _fit_field(self) -> None:
        """Room for the hint and a few words at any text size: about 18 to 34 characters."""
        width = self.field.fontMetrics().averageCharWidth()
        self.field.setMinimumWidth(max(220, 18 * width))
        self.field.setMaximumWidth(max(420, 34 * width))

    def set_index(self, index: SearchIndex) -> None:
        self.index = index
        self.unavailable = None
        self.field.setAccessibleDescription("")
        if self.field.text().strip():
            self.run_query()

    def set_unavailable(self, reason: str) -> None:
        """The index could not be opened: say so where results would be, instead of waiting."""
        if self.index is not None or self.unavailable == reason:
            return
        self.unavailable = reason
        message = self._unavailable_message()
        self.field.setAccessibleDescription(message)
        if self.field.text().strip():
            self.run_query()
            announce(self.field, message)

    def _unavailable_message(self) -> str:
        reason = (self.unavailable or "").rstrip(".")
        return translate("SearchBox", "Search is unavailable: {reason}. You can still pick a topic from the list.") \
            .format(reason=reason)

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def clear(self) -> None:
        self.field.setText("")  # unlike clear(), leaves nothing for Ctrl+Z to bring back
        self.close_results()

    # ----- queries --------------------------------------------------------------------------

    def run_query(self) -> None:
        text = self.field.text()
        if not text.strip():
            self.close_results()
            return
        if self.index is None:
            self._show([], self._unavailable_message() if self.unavailable
                       else translate("SearchBox", "Search is getting ready…"))
            return
        try:
            self.results = self.index.search(text, RESULT_LIMIT, typing=True)
        except Exception as error:
            log.error("Search failed", exc_info=error)  # not the query itself: it may be private
            self.results = None
            self._show([], translate("SearchBox", "Search is unavailable: {reason}.")
                       .format(reason=short_reason(error).rstrip('.')))
            return
        message = self.results.message
        if not self.results.hits and self.results.suggestions:
            names = [self.index.library.term(t).term for t in self.results.suggestions]
            message += " " + translate("SearchBox", "Close glossary words: {words}.").format(words=", ".join(names))
        self._show(self.results.hits, message)

    def _show(self, hits: list[SearchHit] | tuple[SearchHit, ...], message: str) -> None:
        self.list.clear()
        for hit in hits:
            self._add_row(hit).setToolTip(plain_label(hit.snippet))
        if not hits and self.results is not None and self.results.suggestions and self.index is not None:
            from tms_info.content.search import SearchHit

            for term_id in self.results.suggestions:
                term = self.index.library.term(term_id)
                self._add_row(SearchHit("term", term.id, term.term, translate("SearchBox", "Glossary"), None, "",
                                        term.short, escape(term.short), 0.0, local=term.local))
        self.status.setText(message)
        self.status.setVisible(bool(message))
        self.list.setVisible(self.list.count() > 0)
        self._place_popup()
        self.popup.show()
        self.popup.raise_()
        self._announce_crisis(bool(hits) and hits[0].crisis)

    def _announce_crisis(self, crisis: bool) -> None:
        """Tells a screen reader, once for each time it appears, that Help now leads the results."""
        announcement = translate("SearchBox", CRISIS_ANNOUNCEMENT)
        self.list.setAccessibleDescription(announcement if crisis else "")
        if crisis and not self._crisis_announced:
            announce(self.field if self.field.hasFocus() else self.list, announcement, assertive=True)
        self._crisis_announced = crisis

    def _add_row(self, hit: SearchHit) -> QListWidgetItem:
        """A result, or a glossary word close to what was typed, as a row: drawn from HTML and read
        out by screen readers as one sentence each for its title, place, source and words."""
        item = QListWidgetItem()
        item.setData(HIT_ROLE, hit)
        item.setData(HTML_ROLE, self._hit_html(hit))
        if hit.crisis:  # read as "Help now" first, whatever the page's title says after it
            help_now = translate("SearchBox", "Help now")
            spoken = ("" if hit.title.lower().startswith(help_now.lower()) else help_now, hit.title, hit.snippet)
        else:
            clinic = translate("SearchBox", "From your clinic") if hit.local else ""
            spoken = (hit.title, hit.where, clinic, hit.snippet)
        item.setData(Qt.ItemDataRole.AccessibleTextRole,
                     " ".join(part if part.endswith((".", "?", "!", "…")) else part + "." for part in spoken if part))
        self.list.addItem(item)
        return item

    @staticmethod
    def _hit_html(hit: SearchHit) -> str:
        if hit.crisis:  # the Help now page: its title, bold and a little larger, over its words
            words = hit.snippet_html or escape(hit.snippet)
            return f"<div style='font-size: large'><b>{escape(hit.title)}</b></div>{words}"
        where = f" — {escape(hit.where)}" if hit.where else ""
        clinic = " · <i>" + escape(translate("SearchBox", "from your clinic")) + "</i>" if hit.local else ""
        return f"<b>{escape(hit.title)}</b>{where}{clinic}<br>{hit.snippet_html}"

    def _place_popup(self) -> None:
        top_left = self.field.mapTo(self._window, QPoint(0, self.field.height() + 2))
        width = max(self.field.width(), 460)
        left = min(top_left.x(), self._window.width() - width - 8)
        self.popup.setGeometry(max(8, left), top_left.y(), width, self.popup.height())
        self.popup.layout().activate()  # the list takes its new width now, for the rows to be measured at
        rows = sum(self.list.sizeHintForRow(row) for row in range(min(self.list.count(), 6)))
        height = min(self._window.height() - top_left.y() - 40,
                     rows + 8 + (self.status.sizeHint().height() if self.status.isVisible() else 0))
        self.popup.setGeometry(max(8, left), top_left.y(), width, max(40, height))

    def close_results(self) -> None:
        self.popup.hide()
        self._crisis_announced = False

    # ----- choosing -------------------------------------------------------------------------

    def _open_first(self) -> None:
        self._timer.stop()
        self.run_query()
        if self.list.count():
            self._choose(self.list.item(0))

    def _choose(self, item: QListWidgetItem) -> None:
        hit: SearchHit = item.data(HIT_ROLE)
        words = self.results.highlight_words if self.results else ()
        self.clear()  # the query is done with: the field is empty for the next one
        self.hitChosen.emit(hit, words)

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Moving on to another part of the window closes the results and lets go of the query."""
        if new is not None and not self._is_mine(new):
            if self._is_mine(old) and self.field.text():
                self._timer.stop()
                self.field.setText("")  # unlike clear(), leaves nothing for Ctrl+Z to bring back
            self.close_results()

    def _is_mine(self, widget: QWidget | None) -> bool:
        return widget is not None and (widget in (self.field, self.list) or self.popup.isAncestorOf(widget))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Down and self.popup.isVisible() and self.list.count():
                self.list.setFocus()
                self.list.setCurrentRow(0)
                return True
            if key == Qt.Key.Key_Escape:
                if self.popup.isVisible():
                    self.close_results()
                else:
                    self.field.clear()
                return True
        if watched is self._window and event.type() == QEvent.Type.Resize and self.popup.isVisible():
            self._place_popup()
        return super().eventFilter(watched, event)
