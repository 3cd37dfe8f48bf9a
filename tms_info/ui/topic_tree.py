"""The list of topics on the left: sections and their articles, in the library's order."""
from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from tms_info.content.model import Page, TreeNode
from tms_info.content.safe_html import plain_label
from tms_info.ui.texts import translate
from tms_info.ui.wrapping import wrap_rows

PAGE_ID_ROLE = Qt.ItemDataRole.UserRole
OPEN_SECTIONS_UP_TO = 150
"""With more pages than this (a clinic's large library), sections start closed and the one being
read opens: hundreds of titles in one list are hard to find your way in, and slow to lay out."""
_LINE_BREAKS = re.compile(r"[^\S\u00a0\u2007\u202f]+")
"""Where Qt may wrap a title: white space, but not the no-break spaces, which join their words."""


class TopicTree(QTreeWidget):
    pageChosen = Signal(str)
    """The reader picked a page (by click, Enter or moving to it with the arrow keys)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topicTree")
        self.setHeaderHidden(True)
        self.setAccessibleName(translate("TopicTree", "Topics"))
        self.setAccessibleDescription(
            translate("TopicTree", "All pages, grouped by section. Use the arrow keys to move and open a page."))
        wrap_rows(self)  # long titles wrap onto a second line instead of being cut off
        self._items: dict[str, QTreeWidgetItem] = {}
        self.currentItemChanged.connect(self._on_current_changed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.doItemsLayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_longest_word()

    def _fit_longest_word(self) -> None:
        """Never narrower than the longest word of a title at its depth, so that a long word
        ("antidepressants" at 200%) wraps whole onto its own line instead of being cut off."""
        metrics = self.fontMetrics()
        words_at_depth: dict[int, set[str]] = {}  # each word measured once per depth, not once per title
        for item in self._items.values():
            depth, parent = 1, item.parent()
            while parent is not None:
                depth, parent = depth + 1, parent.parent()
            words_at_depth.setdefault(depth, set()).update(_LINE_BREAKS.split(item.text(0)))
        widest = max((max((metrics.horizontalAdvance(word) for word in words), default=0) + self.indentation() * depth
                      for depth, words in words_at_depth.items()), default=0)
        chrome = self.frameWidth() * 2 + self.verticalScrollBar().sizeHint().width() + 16
        self.setMinimumWidth(widest + chrome)

    def set_topics(self, home: Page | None, nodes: tuple[TreeNode, ...]) -> None:
        self.clear()
        self._items.clear()
        # Rows are built apart from the tree and added in one go: the view is told once, not per row.
        self.addTopLevelItems([self._item(node) for node in ((TreeNode(home),) if home else ()) + nodes])
        self.open_sections()
        self._fit_longest_word()

    def open_sections(self) -> None:
        """The list as it first looks: every section open or, in a large library, only the section
        of the page being read."""
        open_all = len(self._items) <= OPEN_SECTIONS_UP_TO
        for item in self._items.values():
            if item.childCount():
                item.setExpanded(open_all)
        if self.currentItem() is not None:
            self.show_current(self.currentItem().data(0, PAGE_ID_ROLE))

    def _item(self, node: TreeNode) -> QTreeWidgetItem:
        item = QTreeWidgetItem([node.page.title])
        item.setData(0, PAGE_ID_ROLE, node.page.id)
        if node.page.summary:
            item.setToolTip(0, plain_label(node.page.summary))
        self._items[node.page.id] = item
        item.addChildren([self._item(child) for child in node.children])
        return item

    def show_current(self, page_id: str) -> None:
        """Marks the page being read, without announcing it as a new choice."""
        item = self._items.get(page_id)
        self.blockSignals(True)
        try:
            if item is None:
                self.setCurrentItem(None)
                self.clearSelection()
            else:
                self.setCurrentItem(item)
                self.scrollToItem(item)  # which opens the section the page is in
                if item.childCount():
                    item.setExpanded(True)  # a section's own page: its pages are shown under it
        finally:
            self.blockSignals(False)

    def item_for(self, page_id: str) -> QTreeWidgetItem | None:
        return self._items.get(page_id)

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None:
            self.pageChosen.emit(current.data(0, PAGE_ID_ROLE))
