"""The reading pane: shows one rendered page at a comfortable line length.

It never follows a link by itself (the main window decides where each link goes), and it keeps
lines short enough to read on a wide screen by widening the page's side margins.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRegularExpression, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleInterface,
    QColor,
    QFocusEvent,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QLabel, QTextBrowser, QTextEdit, QToolTip, QWidget

from tms_info.content.links import LinkKind, classify
from tms_info.content.safe_html import load_resource, plain_label
from tms_info.documents import fit_pictures, set_reading_style
from tms_info.ui.document_text import TICKED, clean_text
from tms_info.ui.accessibility import announce
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


def _accessible_page(_class_name: str, candidate: QObject) -> QAccessibleInterface | None:
    """Qt's factory for screen readers: a page view is a document with headings, links, lists and
    tables (tms_info.ui.article_accessibility, loaded the first time a screen reader asks)."""
    if not isinstance(candidate, SafeBrowser):
        return None
    from tms_info.ui import article_accessibility

    return article_accessibility.make_interface(candidate)


class SafeBrowser(QTextBrowser):
    """A QTextBrowser that loads only pictures that pass the rules of tms_info.content.safe_html
    (regular files, small, drawn in a moment), once told the content folders (`set_resource_roots`)
    only from those and the app's resources, and shows the tooltips of its links as plain text."""

    _factory_installed = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._resource_roots: tuple[Path, ...] | None = None  # until told: pictures from any folder
        self._page_title: Callable[[str], str | None] = lambda _page_id: None
        if not SafeBrowser._factory_installed:  # before Qt makes any view's interface, which it then keeps
            SafeBrowser._factory_installed = True
            QAccessible.installFactory(_accessible_page)

    def set_page_titles(self, page_title: Callable[[str], str | None]) -> None:
        """How to find a page's title from its id, to tell a screen reader where a link goes."""
        self._page_title = page_title

    def describe_link(self, href: str, text: str) -> str:
        """Where a link goes, in words for a screen reader (the link's own words are its name)."""
        link = classify(href)
        if link.kind is LinkKind.ARTICLE:
            title = self._page_title(link.target)
            if title and title.casefold() != text.casefold():
                return translate("ArticleView", "Page: {title}").format(title=title)
            return translate("ArticleView", "Page") if title else ""
        if link.kind is LinkKind.ANCHOR:
            return translate("ArticleView", "On this page")
        if link.kind is LinkKind.EXTERNAL:
            return (translate("ArticleView", "Website") if text == link.target
                    else translate("ArticleView", "Website: {address}").format(address=link.target))
        return ""

    def set_resource_roots(self, roots: Iterable[Path]) -> None:
        """The content folders pictures may come from (the bundled resources always may)."""
        self._resource_roots = tuple(roots)

    def focused_link(self) -> tuple[str, int, int] | None:
        """The link the keyboard is on (Tab selects it): its target, start and end; None if none."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        probe = QTextCursor(self.document())
        probe.setPosition(cursor.selectionStart() + 1)
        form = probe.charFormat()
        if not form.isAnchor() or not form.anchorHref():
            return None
        return form.anchorHref(), cursor.selectionStart(), cursor.selectionEnd()

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


class MeaningBox(QLabel):
    """A small box under a glossary word reached by keyboard, with the word's short meaning: a
    tooltip would vanish at the next key and needs a mouse to bring it back."""

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.setObjectName("meaningBox")
        self.setAccessibleName(translate("ArticleView", "Meaning"))
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setMargin(8)
        self.hide()

    def show_under(self, word: QRect, text: str, text_px: int) -> None:
        """Shows `text` just under the word (above it when there is no room below), inside the page,
        in letters a little smaller than the page's."""
        area = self.parentWidget().rect()
        font = self.font()
        font.setPixelSize(max(12, round(text_px * 0.9)))
        self.setFont(font)
        self.setText(text)
        metrics = self.fontMetrics()
        frame = 2 * (self.margin() + self.frameWidth()) + 2
        width = min(area.width() - 8, metrics.averageCharWidth() * 44 + frame, metrics.horizontalAdvance(text) + frame)
        self.setFixedSize(width, self.heightForWidth(width))
        left = max(4, min(word.left(), area.width() - self.width() - 4))
        top = word.bottom() + 4
        if top + self.height() > area.height():
            top = max(0, word.top() - self.height() - 4)
        self.move(left, top)
        self.show()
        self.raise_()


def _question(block: QTextBlock, _href: str, start: int, end: int) -> tuple[str, bool]:
    """The words of a checklist question whose box is at start..end, and whether the box is ticked."""
    text = block.text()
    return (clean_text(text[end - block.position():]),
            text[start - block.position():end - block.position()] == TICKED)


def _tick_of(block: QTextBlock) -> tuple[str, int, int] | None:
    """The box that starts a checklist question's line: its link, start and end; None elsewhere."""
    if block.textList() is None:
        return None
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        form = fragment.charFormat()
        if form.isAnchor():
            href = form.anchorHref()
            if classify(href).kind is LinkKind.TICK:
                return href, fragment.position(), fragment.position() + fragment.length()
            return None
        if fragment.text().strip():
            return None
        iterator += 1
    return None


class ArticleView(SafeBrowser):
    zoomStepped = Signal(int)
    """Ctrl and the mouse wheel asked for larger (+1) or smaller (-1) text."""
    firstPainted = Signal()
    """The first page is on the screen: work that can wait for it may start."""
    meaningShown = Signal(str)
    """The reader reached a glossary word by keyboard or clicked it: its short meaning, as shown."""

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
        self.shown_html = ""  # the page as rendered, for whoever needs its parts without walking the document
        self._painted = False
        self._matches: list[QTextCursor] = []
        self.current_match = -1
        self._focused_link: tuple[str, int] | None = None
        self._press: QPoint | None = None
        self._meaning_box = MeaningBox(self.viewport())
        self.selectionChanged.connect(self._on_selection_changed)
        self.verticalScrollBar().valueChanged.connect(self._meaning_box.hide)
        self._kept_fraction: float | None = None  # a place asked for, kept while the page settles
        self._keeping = False
        self.verticalScrollBar().rangeChanged.connect(self._keep_fraction)
        self.verticalScrollBar().valueChanged.connect(self._forget_fraction)

    def show_html(self, html: str, stylesheet: str, body_px: int) -> None:
        kept = self._focused_tick()
        self._meaning_box.hide()
        self._body_px = body_px
        set_reading_style(self.document(), stylesheet, body_px)
        self.clear_highlights()
        self.shown_html = html  # before setHtml, whose textChanged tells others to look at it
        self._kept_fraction = None
        self.setHtml(html)
        self._fit_margins()
        if kept is not None:
            self._refocus_tick(*kept)

    # ----- links reached by keyboard, glossary words, checklist lines -------------------------

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab move link to link inside the page (Qt sends no signal for it)."""
        moved = super().focusNextPrevChild(next)
        self._on_selection_changed()
        return moved

    def _on_selection_changed(self) -> None:
        link = self.focused_link()
        key = (link[0], link[1]) if link else None
        if key == self._focused_link:
            return
        self._focused_link = key
        self._meaning_box.hide()
        if link is None:
            return
        from tms_info.ui import article_accessibility

        interface = article_accessibility.interface_for(self)
        if interface is not None:
            interface.focus_changed_to(link[0], link[1])
        if classify(link[0]).kind is LinkKind.TERM:
            self._show_meaning(link[1], link[2])

    def _show_meaning(self, start: int, end: int) -> None:
        """Shows a glossary word's short meaning in a small box under the word, and has it said."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        probe = QTextCursor(self.document())
        probe.setPosition(start + 1)
        meaning = plain_label(probe.charFormat().toolTip())
        if not meaning:
            return
        text = translate("ArticleView", "{word}: {meaning}").format(
            word=clean_text(cursor.selectedText()), meaning=meaning)
        self._meaning_box.show_under(self.cursorRect(cursor), text, self._body_px)
        announce(self, text)
        self.meaningShown.emit(text)

    def _focused_tick(self) -> tuple[str, str, bool] | None:
        """The checklist box the keyboard is on: its link, its question and whether it is ticked."""
        link = self.focused_link()
        if link is None or classify(link[0]).kind is not LinkKind.TICK:
            return None
        words, ticked = _question(self.textCursor().block(), *link)
        return (link[0], words, ticked) if words else None

    def _refocus_tick(self, href: str, question: str, was_ticked: bool) -> None:
        """After a box is ticked the page is drawn again: the keyboard stays on the same box, and
        a screen reader hears its new state."""
        block = self.document().begin()
        while block.isValid():
            found = _tick_of(block)
            if found is not None and found[0] == href:
                now = _question(block, *found)
                if now[0] != question:
                    return  # another page, whose box has the same number
                cursor = QTextCursor(self.document())
                cursor.setPosition(found[1])
                cursor.setPosition(found[2], QTextCursor.MoveMode.KeepAnchor)
                scroll = self.scroll_position()
                self.setTextCursor(cursor)
                self.set_scroll_position(scroll)
                if now[1] != was_ticked:
                    announce(self, (translate("ArticleView", "Ticked: {question}") if now[1]
                                    else translate("ArticleView", "Not ticked: {question}")).format(question=question))
                return
            block = block.next()

    def _checklist_line_at(self, point: QPoint) -> str | None:
        """The box of the checklist question drawn at `point` (in the viewport), if there is one."""
        if self.anchorAt(point):
            return None
        block = self.cursorForPosition(point).block()
        found = _tick_of(block)
        if found is None:
            return None
        area = self.document().documentLayout().blockBoundingRect(block)
        area.translate(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        return found[0] if area.contains(point.toPointF()) else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        pressed, self._press = self._press, None
        href = self.anchorAt(point)
        if href and classify(href).kind is LinkKind.TERM:
            self._announce_term(href, self.cursorForPosition(point).block())
        super().mouseReleaseEvent(event)
        if pressed is not None and event.button() == Qt.MouseButton.LeftButton \
                and (point - pressed).manhattanLength() < 6 and not self.textCursor().hasSelection():
            tick = self._checklist_line_at(point)
            if tick is not None:
                self.anchorClicked.emit(QUrl(tick))

    def _announce_term(self, href: str, block: QTextBlock) -> None:
        """A clicked glossary word: its entry opens in the glossary, and its short meaning is said."""
        iterator, words, meaning = block.begin(), "", ""
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href:
                words += fragment.text()
                meaning = meaning or plain_label(fragment.charFormat().toolTip())
            iterator += 1
        if meaning:
            text = translate("ArticleView", "{word}: {meaning}").format(word=clean_text(words), meaning=meaning)
            announce(self, text)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton and self._checklist_line_at(event.position().toPoint()):
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._meaning_box.hide()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._meaning_box.isVisible():
            self._meaning_box.hide()
            event.accept()
            return
        link = self.focused_link()
        if event.key() == Qt.Key.Key_Space and link is not None and classify(link[0]).kind is LinkKind.TICK:
            self.anchorClicked.emit(QUrl(link[0]))
            event.accept()
            return
        super().keyPressEvent(event)

    def scroll_position(self) -> int:
        return self.verticalScrollBar().value()

    def set_scroll_position(self, value: int) -> None:
        self.verticalScrollBar().setValue(value)

    def scroll_fraction(self) -> float:
        """Where the reader is, as a share of the page: it stays right when the text size changes."""
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() else 0.0

    def finish_layout(self) -> int:
        """Lays the whole page out now and returns how far it scrolls. Qt lays a page out step by step
        and tells the scroll bar its length a moment later; asking the layout for the page's size
        finishes it at once."""
        bar = self.verticalScrollBar()
        height = self.document().documentLayout().documentSize().height()
        full = max(0, int(height) - self.viewport().height())
        if full != bar.maximum():
            bar.setRange(0, full)  # what the view would tell it a moment later
        return full

    def set_scroll_fraction(self, fraction: float) -> None:
        """Goes to that share of the page, and stays there while the page's length still settles
        (a scroll bar or a strip appearing narrows the text a moment later), until the reader scrolls."""
        self._kept_fraction = fraction
        self._keep_fraction()

    def _keep_fraction(self) -> None:
        if self._kept_fraction is None:
            return
        full = self.finish_layout()
        self._keeping = True
        self.verticalScrollBar().setValue(round(self._kept_fraction * full))
        self._keeping = False

    def _forget_fraction(self) -> None:
        if not self._keeping:
            self._kept_fraction = None

    def show_position(self, position: int) -> None:
        """Brings a spot of the page (a heading) to the top of the view, with the keyboard there:
        its line is selected, since Tab starts from the top of the page when nothing is."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(max(0, position), self.document().characterCount() - 1))
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        top = self.document().documentLayout().blockBoundingRect(cursor.block()).top()
        self.set_scroll_position(round(top))
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_to_anchor(self, anchor: str | None) -> bool:
        """Scrolls to a named spot on the page; False if the page has no such spot."""
        if not anchor:
            self.set_scroll_position(0)
            return True
        if self.anchor_position(anchor) is None:
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
        start = self.anchor_position(anchor) or 0
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

    def anchor_position(self, anchor: str | None) -> int | None:
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

    @property
    def painted(self) -> bool:
        """Whether a page has been painted on the screen yet."""
        return self._painted

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
