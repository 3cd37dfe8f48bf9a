"""What a screen reader sees of a page: its headings (with their level), paragraphs, links, lists,
tables, pictures and their captions, as accessible objects inside the article, as on a web page.

Qt shows a rich-text view to a screen reader as one flat block of text, with a non-character at
every box and table cell. Here the view's own QTextDocument is read into a tree of parts (plain
Python, testable on its own), and each part is offered as a QAccessibleInterface under the view,
built when a screen reader first asks and again after each new page.

Two things PySide6 (6.11) needs, found by trying:
- a Python interface offers its extra interfaces (attributes for a heading's level, an action for
  a link) through interface_cast, which must return a shiboken VoidPtr: a plain int crashes;
- an interface in Qt's cache (every one a screen reader has seen is) must stay referenced from
  Python until it is taken out of the cache, or Qt is left holding a deleted object.
- QAccessibleTextInterface's selection() and attributes() (out-parameters) cannot be written in
  Python: a screen reader asking for them gets no selection and no attributes. So the article
  offers its whole text (to read from top to end) and its parts carry their words as their name.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QObject, QRect, Qt, QUrl
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleAttributesInterface,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleTextInterface,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
    QTextTableCell,
)
from PySide6.QtWidgets import QAccessibleWidget, QTextBrowser

from tms_info.content.links import LinkKind, classify
from tms_info.ui.document_text import TICKED, UNTICKED, clean_text
from tms_info.ui.texts import translate

VoidPtr = shiboken6.Shiboken.VoidPtr
Role = QAccessible.Role
# as tms_info.content.markdown_ext draws a checklist's boxes (not imported from there: it loads Markdown)


@dataclass
class Part:
    """One piece of the page's structure: `start` and `end` are positions in the document."""

    role: QAccessible.Role
    name: str = ""
    start: int = 0
    end: int = 0
    level: int = 0  # a heading's level, 1 for the page's title
    href: str = ""  # a link's (or a tick box's) target
    description: str = ""
    checked: bool = False
    children: list[Part] = field(default_factory=list)


def _links(block: QTextBlock) -> list[Part]:
    """The links of a block, one part for each (a link split by formatting is still one link)."""
    links: list[Part] = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        iterator += 1
        form = fragment.charFormat()
        if not form.isAnchor() or not form.anchorHref():
            continue
        start, end = fragment.position(), fragment.position() + fragment.length()
        if links and links[-1].href == form.anchorHref() and links[-1].end == start:
            links[-1].end = end
            links[-1].name = clean_text(links[-1].name + fragment.text())
            continue
        links.append(Part(Role.Link, clean_text(fragment.text()), start, end, href=form.anchorHref(),
                          description=form.toolTip()))
    return links


def _is_picture_only(block: QTextBlock) -> str | None:
    """The alternative text of a block that holds a picture and nothing else."""
    if clean_text(block.text()) or "\ufffc" not in block.text():
        return None
    iterator = block.begin()
    while not iterator.atEnd():
        form = iterator.fragment().charFormat()
        if form.isImageFormat():
            return str(form.property(QTextFormat.Property.ImageAltText) or "")
        iterator += 1
    return None


class _Reader:
    """Reads a document's root frame into parts; `describe` words a link's target for its description."""

    def __init__(self, describe: Callable[[str, str], str]) -> None:
        self.describe = describe

    def frame(self, frame: QTextFrame | QTextTableCell, container: Part) -> None:
        """Reads the blocks and tables of a frame (or a table's cell, which is read the same way)."""
        lists: list[tuple[object, Part]] = []  # open lists, outermost first: (QTextList, its part)
        picture: Part | None = None
        iterator = frame.begin()
        while not iterator.atEnd():
            child = iterator.currentFrame()
            if child is not None:
                lists, picture = [], None
                if isinstance(child, QTextTable):
                    self.table(child, container)
                else:
                    self.frame(child, container)
                iterator += 1
                continue
            block = iterator.currentBlock()
            iterator += 1
            text_list = block.textList()
            if text_list is None:
                lists = []
            alt = _is_picture_only(block)
            if alt is not None:
                picture = Part(Role.Graphic, clean_text(alt), block.position(), block.position() + block.length())
                container.children.append(picture)
                continue
            text = clean_text(block.text())
            if not text:
                continue
            if picture is not None and block.blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter:
                # a picture's caption: the two become one figure, named by the caption
                figure = Part(Role.Grouping, text, picture.start, block.position() + block.length(),
                              description=translate("ArticleAccessibility", "Figure"))
                picture.description = text
                container.children[container.children.index(picture)] = figure
                figure.children = [picture, Part(Role.StaticText, text, block.position(),
                                                 block.position() + block.length())]
                picture = None
                continue
            picture = None
            if text_list is not None:
                self.list_item(block, text_list, text, lists, container)
                continue
            level = block.blockFormat().headingLevel()
            part = Part(Role.Heading if level else Role.Paragraph, text, block.position(),
                        block.position() + block.length() - 1, level=level)
            part.children = self.links(block)
            container.children.append(part)

    def list_item(self, block: QTextBlock, text_list, text: str, lists: list, container: Part) -> None:
        indent = text_list.format().indent()
        while lists and lists[-1][0] != text_list and lists[-1][0].format().indent() >= indent:
            lists.pop()
        if not lists or lists[-1][0] != text_list:
            owner = lists[-1][1].children[-1] if lists and lists[-1][1].children else container
            listing = Part(Role.List, start=block.position())
            owner.children.append(listing)
            lists.append((text_list, listing))
        item = Part(Role.ListItem, text, block.position(), block.position() + block.length() - 1)
        links = self.links(block)
        if links and classify(links[0].href).kind is LinkKind.TICK:
            box = links[0]
            question = clean_text(text.lstrip(TICKED + UNTICKED))
            box.role, box.checked, box.name = Role.CheckBox, box.name.startswith(TICKED), question
            box.description = ""
            item.name = question
        item.children = links
        lists[-1][1].children.append(item)
        lists[-1][1].end = item.end

    def table(self, table: QTextTable, container: Part) -> None:
        first = table.firstPosition()
        if table.rows() == 1 and table.columns() == 1:  # a box (callout): a group named by its title
            box = Part(Role.Grouping, start=first, end=table.lastPosition())
            self.frame(table.cellAt(0, 0), box)
            box.name = box.children[0].name if box.children else ""
            container.children.append(box)
            return
        part = Part(Role.Table, start=first, end=table.lastPosition())
        for row in range(table.rows()):
            row_part = Part(Role.Row, start=table.cellAt(row, 0).firstPosition())
            for column in range(table.columns()):
                cell = table.cellAt(row, column)
                if cell.row() != row or cell.column() != column:
                    continue  # the rest of a merged cell
                cell_part = Part(Role.ColumnHeader if row == 0 and table.rows() > 1 else Role.Cell,
                                 start=cell.firstPosition(), end=cell.lastPosition())
                self.frame(cell, cell_part)
                cell_part.name = " ".join(child.name for child in cell_part.children if child.name)
                if len(cell_part.children) == 1 and cell_part.children[0].role is Role.Paragraph:
                    cell_part.children = cell_part.children[0].children  # the cell speaks for its paragraph
                row_part.children.append(cell_part)
                row_part.end = cell_part.end
            row_part.name = " | ".join(cell.name for cell in row_part.children)
            part.children.append(row_part)
        container.children.append(part)

    def links(self, block: QTextBlock) -> list[Part]:
        links = _links(block)
        for link in links:
            if classify(link.href).kind is not LinkKind.TERM:
                link.description = self.describe(link.href, link.name)
        return links


def read_structure(document: QTextDocument, describe: Callable[[str, str], str] = lambda href, text: "") -> Part:
    """The page's structure: a Document part holding its headings, paragraphs, lists, tables and figures."""
    root = Part(Role.Document, end=max(0, document.characterCount() - 1))
    _Reader(describe).frame(document.rootFrame(), root)
    return root


# ----- the parts as accessible objects ---------------------------------------------------------

class _Node(QAccessibleInterface, QAccessibleAttributesInterface, QAccessibleActionInterface):
    """A part of the page as a screen reader sees it."""

    def __init__(self, tree: ArticleAccessible, parent: QAccessibleInterface, part: Part) -> None:
        QAccessibleInterface.__init__(self)
        QAccessibleAttributesInterface.__init__(self)
        QAccessibleActionInterface.__init__(self)
        self._tree, self._parent, self.part = tree, parent, part
        self.nodes: list[_Node] = []

    def interface_cast(self, kind: QAccessible.InterfaceType):
        pointers = shiboken6.getCppPointer(self)
        if kind == QAccessible.InterfaceType.AttributesInterface and self.part.level:
            return VoidPtr(pointers[1])
        if kind == QAccessible.InterfaceType.ActionInterface and self.part.href:
            return VoidPtr(pointers[2])
        return VoidPtr(0)

    # QAccessibleInterface
    def isValid(self) -> bool:
        return self._tree.alive

    def object(self) -> QObject | None:
        return None

    def window(self):
        return self._tree.window()

    def relations(self, match=QAccessible.RelationFlag.AllRelations) -> list:
        return []

    def focusChild(self) -> QAccessibleInterface | None:
        return None

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:
        return next((node for node in self.nodes if node.rect().contains(x, y)), None)

    def parent(self) -> QAccessibleInterface:
        return self._parent

    def child(self, index: int) -> QAccessibleInterface | None:
        return self.nodes[index] if 0 <= index < len(self.nodes) else None

    def childCount(self) -> int:
        return len(self.nodes)

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return next((i for i, node in enumerate(self.nodes) if node is child), -1)

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.part.name
        if kind == QAccessible.Text.Description:
            return self.part.description
        return ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:
        pass

    def rect(self) -> QRect:
        return self._tree.rect_of(self.part)

    def role(self) -> QAccessible.Role:
        return self.part.role

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.readOnly = True
        if self.part.href:
            state.focusable = True
            state.linked = self.part.role == Role.Link
            state.focused = self._tree.focused_href_at() == (self.part.href, self.part.start)
        if self.part.role == Role.CheckBox:
            state.checkable, state.checked = True, self.part.checked
        return state

    # QAccessibleAttributesInterface
    def attributeKeys(self) -> list:
        return [QAccessible.Attribute.Level] if self.part.level else []

    def attributeValue(self, key: QAccessible.Attribute):
        return self.part.level if key == QAccessible.Attribute.Level and self.part.level else None

    # QAccessibleActionInterface
    def actionNames(self) -> list[str]:
        if not self.part.href:
            return []
        press = QAccessibleActionInterface.toggleAction() if self.part.role == Role.CheckBox \
            else QAccessibleActionInterface.pressAction()
        return [press, QAccessibleActionInterface.setFocusAction()]

    def doAction(self, name: str) -> None:
        if name == QAccessibleActionInterface.setFocusAction():
            self._tree.focus_part(self.part)
        elif name in (QAccessibleActionInterface.pressAction(), QAccessibleActionInterface.toggleAction()):
            self._tree.activate(self.part)

    def keyBindingsForAction(self, name: str) -> list[str]:
        return []

    def localizedActionName(self, name: str) -> str:
        return name

    def localizedActionDescription(self, name: str) -> str:
        return ""


class ArticleAccessible(QAccessibleWidget, QAccessibleTextInterface):
    """The article as a document whose children are its parts, then the view's own scroll bars;
    its text, whole and without Qt's marks, is there too, for reading the page from top to end."""

    def __init__(self, view: QTextBrowser, describe: Callable[[str, str], str]) -> None:
        QAccessibleWidget.__init__(self, view, Role.Document)
        QAccessibleTextInterface.__init__(self)
        self._view = view
        self._text: str | None = None
        self._describe = describe
        self.alive = True
        self._nodes: list[_Node] | None = None
        self._all: list[_Node] = []
        view.textChanged.connect(self.forget)
        view.destroyed.connect(self._view_gone)

    def _view_gone(self) -> None:
        self.alive = False
        self.forget()

    def forget(self) -> None:
        """A new page: the parts of the last one leave Qt's cache, and are read afresh when asked for."""
        self._text = None
        if self._nodes is None:
            return
        for node in self._all:
            interface_id = QAccessible.uniqueId(node) if shiboken6.isValid(node) else 0
            if interface_id:
                QAccessible.deleteAccessibleInterface(interface_id)
        self._nodes, self._all = None, []  # out of the cache first, then let go: the other way round crashes
        if self.alive:
            QAccessible.updateAccessibility(QAccessibleEvent(self._view, QAccessible.Event.ObjectReorder))

    def nodes(self) -> list[_Node]:
        if self._nodes is None:
            root = read_structure(self._view.document(), self._describe)
            self._nodes = self._wrap(root.children, self)
        return self._nodes

    def _wrap(self, parts: list[Part], parent: QAccessibleInterface) -> list[_Node]:
        nodes = []
        stack = [(parts, parent, nodes)]
        while stack:
            parts, parent, into = stack.pop()
            for part in parts:
                node = _Node(self, parent, part)
                self._all.append(node)
                QAccessible.uniqueId(node)  # in Qt's cache from the start, so every part is deleted the same way
                into.append(node)
                stack.append((part.children, node, node.nodes))
        return nodes

    def node_for(self, href: str, start: int) -> _Node | None:
        self.nodes()
        return next((n for n in self._all if n.part.href == href and n.part.start == start), None)

    def childCount(self) -> int:
        return len(self.nodes()) + super().childCount()

    def child(self, index: int) -> QAccessibleInterface | None:
        nodes = self.nodes()
        return nodes[index] if 0 <= index < len(nodes) else super().child(index - len(nodes))

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        nodes = self.nodes()
        found = next((i for i, node in enumerate(nodes) if node is child), None)
        if found is not None:
            return found
        index = super().indexOfChild(child)
        return index + len(nodes) if index >= 0 else -1

    def interface_cast(self, kind: QAccessible.InterfaceType):
        if kind == QAccessible.InterfaceType.TextInterface:
            return VoidPtr(shiboken6.getCppPointer(self)[1])
        return VoidPtr(QAccessibleWidget.interface_cast(self, kind))

    # QAccessibleInterface.text(kind) and QAccessibleTextInterface.text(start, end) share a name
    def text(self, *args):
        if len(args) == 1:
            return QAccessibleWidget.text(self, args[0])
        start, end = args
        return self._plain()[start:end]

    def _plain(self) -> str:
        if self._text is None:
            lines = (clean_text(line) for line in self._view.toPlainText().split("\n"))
            self._text = "\n".join(line for line in lines if line) if self.alive else ""
        return self._text

    def characterCount(self) -> int:
        return len(self._plain())

    def cursorPosition(self) -> int:
        return 0

    def setCursorPosition(self, position: int) -> None:
        pass

    def selectionCount(self) -> int:
        return 0

    def addSelection(self, start: int, end: int) -> None:
        pass

    def removeSelection(self, index: int) -> None:
        pass

    def setSelection(self, index: int, start: int, end: int) -> None:
        pass

    def characterRect(self, offset: int) -> QRect:
        return QRect()

    def offsetAtPoint(self, point) -> int:
        return -1

    def scrollToSubstring(self, start: int, end: int) -> None:
        pass

    # ----- what the parts ask of the view ----------------------------------------------------

    def rect_of(self, part: Part) -> QRect:
        """Where a part is on the screen (empty when the view is gone)."""
        if not self.alive:
            return QRect()
        view = self._view
        start, end = QTextCursor(view.document()), QTextCursor(view.document())
        start.setPosition(min(part.start, view.document().characterCount() - 1))
        end.setPosition(min(max(part.end, part.start), view.document().characterCount() - 1))
        area = view.cursorRect(start).united(view.cursorRect(end))
        if part.role not in (Role.Link, Role.CheckBox):  # a block: the width of the text column
            area.setLeft(0)
            area.setRight(view.viewport().width())
        top_left = view.viewport().mapToGlobal(area.topLeft())
        return QRect(top_left, area.size())

    def focused_href_at(self) -> tuple[str, int] | None:
        link = self._view.focused_link() if self.alive and self._view.hasFocus() else None
        return (link[0], link[1]) if link else None

    def focus_part(self, part: Part) -> None:
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(part.start)
        cursor.setPosition(part.end, QTextCursor.MoveMode.KeepAnchor)
        self._view.setTextCursor(cursor)
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    def activate(self, part: Part) -> None:
        self.focus_part(part)
        self._view.anchorClicked.emit(QUrl(part.href))

    def focus_changed_to(self, href: str, start: int) -> None:
        """Tells the screen reader that keyboard focus is on this link of the page."""
        node = self.node_for(href, start) if QAccessible.isActive() else None
        if node is not None:
            QAccessible.updateAccessibility(QAccessibleEvent(node, QAccessible.Event.Focus))


def make_interface(view: QTextBrowser) -> ArticleAccessible:
    """The structure of `view` (a QTextBrowser with `describe_link` and `focused_link`) for screen
    readers; tms_info.ui.article_view's accessibility factory asks for it."""
    interface = ArticleAccessible(view, view.describe_link)
    key = id(view)
    _INTERFACES[key] = interface  # Python keeps it (and its parts) while Qt has it
    view.destroyed.connect(lambda *_args: _KEPT.append(_INTERFACES.pop(key, None)))
    return interface


def interface_for(view: QTextBrowser) -> ArticleAccessible | None:
    """The view's structure for screen readers, if a screen reader has asked for it."""
    return _INTERFACES.get(id(view))


_INTERFACES: dict[int, ArticleAccessible] = {}
_KEPT: list[ArticleAccessible | None] = []  # Qt deletes an interface after its view: the Python side stays
