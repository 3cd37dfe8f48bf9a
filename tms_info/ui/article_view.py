"""The reading pane: shows one rendered page at a comfortable line length.

It never follows a link by itself (the main window decides where each link goes), and it keeps
lines short enough to read on a wide screen by widening the page's side margins.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QRegularExpression, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QImage,
    QKeySequence,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from tms_info.content.safe_html import load_resource, plain_label
from tms_info.documents import fit_pictures, set_reading_style
from tms_info.ui.texts import translate

READABLE_WIDTH_EM = 40
MATCH = "#ffe58a"
CURRENT_MATCH = "#f5a623"


def _stem(word: str) -> str:
    """A word without a common English ending, so 'sessions' also marks 'session'."""
    for ending in ("ing", "ies", "es", "ed", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


MIN_MARGIN_PX = 24
# search words come without accents (search folds them): each letter also matches its accented forms
_ACCENTED = {"a": "aáàâäã", "e": "eéèêë", "i": "iíìîï", "o": "oóòôöõ", "u": "uúùûü", "n": "nñ", "c": "cç"}


def _accent_free(word: str) -> str:
    """A pattern for `word` that matches it written with or without accents ("sesion", "sesión")."""
    return "".join(f"[{_ACCENTED[ch]}]" if ch in _ACCENTED else QRegularExpression.escape(ch) for ch in word)


def qt_resource(kind: int, url: QUrl, roots: Iterable[Path] | None) -> object:
    """What a rich-text view is given for a resource its page names: a picture that passes the
    rules of tms_info.content.safe_html, and otherwise an empty one. Never None: Qt reads the
    file itself when a view returns nothing, which is what the rules are there to prevent."""
    if kind != QTextDocument.ResourceType.ImageResource.value:
        return ""  # style sheets and the rest: the page's own style is the app's
    data = load_resource(url.toString(), roots)
    image = QImage.fromData(data) if data is not None else QImage()
    return image


class SafeBrowser(QTextBrowser):
    """A QTextBrowser that loads only pictures that pass the rules of tms_info.content.safe_html
    (regular files, small, drawn in a moment), once told the content folders (`set_resource_roots`)
    only from those and the app's resources, and shows the tooltips of its links as plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._resource_roots: tuple[Path, ...] | None = None  # until told: pictures from any folder

    def set_resource_roots(self, roots: Iterable[Path]) -> None:
        """The content folders pictures may come from (the bundled resources always may)."""
        self._resource_roots = tuple(roots)

    def loadResource(self, kind: int, url: QUrl) -> object:
        return qt_resource(kind, url, self._resource_roots)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.cursorForPosition(event.pos()).charFormat().toolTip()
            if tip:
                QToolTip.showText(event.globalPos(), plain_label(tip), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


class ArticleView(SafeBrowser):
    zoomStepped = Signal(int)
    """Ctrl and the mouse wheel asked for larger (+1) or smaller (-1) text."""
    firstPainted = Signal()
    """The first page is on the screen: work that can wait for it may start."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps, pictures shrink
        self.document().setDocumentMargin(MIN_MARGIN_PX)
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        self.setAccessibleName(translate("ArticleView", "Article"))
        self.setAccessibleDescription(
            translate("ArticleView", "The page you are reading. Press Tab to move between its links."))
        self._body_px = 18
        self._painted = False
        self._matches: list[QTextCursor] = []
        self.current_match = -1

    def show_html(self, html: str, stylesheet: str, body_px: int) -> None:
        self._body_px = body_px
        set_reading_style(self.document(), stylesheet, body_px)
        self.clear_highlights()
        self.setHtml(html)
        self._fit_margins()

    def scroll_position(self) -> int:
        return self.verticalScrollBar().value()

    def set_scroll_position(self, value: int) -> None:
        self.verticalScrollBar().setValue(value)

    def scroll_fraction(self) -> float:
        """Where the reader is, as a share of the page: it stays right when the text size changes."""
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(round(fraction * bar.maximum()))

    def go_to_anchor(self, anchor: str | None) -> bool:
        """Scrolls to a named spot on the page; False if the page has no such spot."""
        if not anchor:
            self.set_scroll_position(0)
            return True
        if self._anchor_position(anchor) is None:
            return False
        self.scrollToAnchor(anchor)
        return True

    # ----- highlighting: search words and find in page ---------------------------------------

    def highlight_words(self, words: tuple[str, ...], anchor: str | None = None) -> int:
        """Marks every word that starts like one of `words` and scrolls to the first one in the
        part of the page the anchor names (or in the whole page)."""
        stems = sorted({_stem(word) for word in words if len(_stem(word)) >= 2}, key=len, reverse=True)
        if not stems:
            self.clear_highlights()
            return 0
        pattern = QRegularExpression(r"\b(?:" + "|".join(_accent_free(s) for s in stems) + r")\w*",
                                     QRegularExpression.PatternOption.CaseInsensitiveOption
                                     | QRegularExpression.PatternOption.UseUnicodePropertiesOption)
        self._collect(lambda cursor: self.document().find(pattern, cursor))
        start = self._anchor_position(anchor) or 0
        first = next((i for i, match in enumerate(self._matches) if match.selectionStart() >= start), 0)
        if self._matches:
            self._select(first)
        return len(self._matches)

    def highlight_text(self, text: str) -> int:
        """Find in page: marks every occurrence of `text` (any case); returns how many there are."""
        text = text.strip()
        if not text:
            self.clear_highlights()
            return 0
        self._collect(lambda cursor: self.document().find(text, cursor))
        if self._matches:
            visible_top = self.cursorForPosition(self.viewport().rect().topLeft()).position()
            self._select(next((i for i, m in enumerate(self._matches) if m.selectionStart() >= visible_top), 0))
        return len(self._matches)

    def step_match(self, step: int) -> int:
        if not self._matches:
            return 0
        self._select((self.current_match + step) % len(self._matches))
        return self.current_match + 1

    def clear_highlights(self) -> None:
        self._matches, self.current_match = [], -1
        self.setExtraSelections([])

    def _collect(self, find) -> None:
        self._matches = []
        cursor = find(QTextCursor(self.document()))
        while not cursor.isNull() and len(self._matches) < 2000:
            self._matches.append(cursor)
            cursor = find(cursor)
        self.current_match = -1
        self._paint_highlights()

    def _select(self, index: int) -> None:
        self.current_match = index
        self._paint_highlights()
        cursor = QTextCursor(self._matches[index])
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def _paint_highlights(self) -> None:
        selections = []
        for index, match in enumerate(self._matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = match
            selection.format.setBackground(QColor(CURRENT_MATCH if index == self.current_match else MATCH))
            selection.format.setForeground(QColor("#111111"))
            selections.append(selection)
        self.setExtraSelections(selections)

    def _anchor_position(self, anchor: str | None) -> int | None:
        """Where a named spot of the page starts; None if the page has no such spot."""
        if not anchor:
            return None
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                if anchor in iterator.fragment().charFormat().anchorNames():
                    return iterator.fragment().position()
                iterator += 1
            block = block.next()
        return None

    def event(self, event: QEvent) -> bool:
        """A read-only page has nothing to delete: let Ctrl+D (Delete on some desktops) save the page."""
        if event.type() == QEvent.Type.ShortcutOverride and event.matches(QKeySequence.StandardKey.Delete):
            event.ignore()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPainted)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoomStepped.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_margins()

    def _fit_margins(self) -> None:
        """Side margins that keep lines at a readable length, as viewport margins: setting them on
        the document's root frame would leave a Python wrapper behind on every page shown."""
        scrollbar = self.verticalScrollBar()
        outer = self.contentsRect().width() - (scrollbar.width() if scrollbar.isVisible() else 0)
        readable = READABLE_WIDTH_EM * self._body_px
        margin = max(0, (outer - readable) // 2)
        if margin != self.viewportMargins().left():
            self.setViewportMargins(margin, 0, margin, 0)
        # Qt lays the text out for the widget's width when the widget is resized, not when only its
        # viewport changes, so the text width is kept to the viewport here, every time.
        if self.lineWrapColumnOrWidth() != self.viewport().width():
            self.setLineWrapColumnOrWidth(self.viewport().width())
        fit_pictures(self.document(), self.viewport().width() - 2 * self.document().documentMargin())

    def set_page_colour(self, colour: str) -> None:
        """The colour of the side margins, which lie outside the page itself."""
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(colour))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
