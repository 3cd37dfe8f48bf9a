"""Lists whose long rows wrap onto more lines instead of being cut off or scrolling sideways,
at any text size: the topic list, the glossary's terms and My pages."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)


class WrappingDelegate(QStyledItemDelegate):
    """Qt's own item size ignores word wrap, so a row's height is measured here for the width
    the view has (less a tree's indentation)."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._sizes: dict[tuple[str, int, str], QSize] = {}

    def text_width(self, index: QModelIndex) -> int:
        view = self._view
        indent = 0
        if isinstance(view, QTreeView):
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            indent = view.indentation() * (depth + (1 if view.rootIsDecorated() else 0))
        margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        return max(40, view.viewport().width() - indent - margin)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        width = self.text_width(index)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        font = self._view.font()
        key = (text, width, font.key())
        size = self._sizes.get(key)
        if size is None:
            bounds = self._view.fontMetrics().boundingRect(QRect(0, 0, width, 100_000),
                                                           int(Qt.TextFlag.TextWordWrap), text)
            size = self._sizes[key] = QSize(width, bounds.height() + 8)
        return size


def wrap_rows(view: QAbstractItemView) -> WrappingDelegate:
    """Makes a list or tree wrap its rows to its width, never scrolling sideways."""
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if isinstance(view, QTreeView):
        view.setUniformRowHeights(False)
    if isinstance(view, QListView):
        view.setUniformItemSizes(False)
        view.setResizeMode(QListView.ResizeMode.Adjust)
    delegate = WrappingDelegate(view)
    view.setItemDelegate(delegate)
    return delegate
