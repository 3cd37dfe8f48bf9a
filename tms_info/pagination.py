"""Where a handout's pages end: paragraphs, boxes and table rows whole, headings and the sentence
that leads into a table or a list with what follows, lines to write on together, and no last page
with only a few lines on it.

Qt paginates a QTextDocument line by line; these rules are applied on top of that, by asking for a
new page before a paragraph or table (its page-break policy) and by lengthening a table row so the
next one starts on a new page, then laying the document out again. QtGui only.
"""
from __future__ import annotations

from itertools import pairwise

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextTable

from tms_info.ui.texts import translate

Item = QTextBlock | QTextTable  # what pagination moves: a paragraph (a heading, a list item) or a whole table
ORIGINAL_PADDING = QTextFormat.Property.UserProperty + 1  # a cell's bottom padding before a row below it was moved


def paginate(document: QTextDocument, page_height: float) -> None:
    """Where each page ends: paragraphs, boxes and table rows whole, headings with their text, and
    no last page with only a few lines on it."""
    keep_paragraphs_whole(document, page_height)
    over = _fill_last_page(document, page_height)
    if over is not None:  # paginated afresh from there, as the page breaks above were made for the old ending
        for item in root_items(document):
            _set_new_page_before(item, _position(item) == _position(over))
        keep_paragraphs_whole(document, page_height)
    _drop_empty_pages(document, page_height)


def keep_paragraphs_whole(document: QTextDocument, page_height: float) -> None:
    """Starts a new page before a paragraph or box that would be split across two, and before a
    heading that would be left at the foot of a page. A split paragraph is harder to follow on
    paper; and Qt draws the line before each page's first line too, out of sight but in the PDF's
    text, so a screen reader would read it twice. A table keeps its heading, header and first row
    together, and each later row whole (it runs on row by row, its header repeated). A sentence that
    leads into a table, a list or lines to write on goes over with them, its heading too; lines to
    write on stay together. Not moved: what is longer than half a page."""
    def page(y: float) -> int:
        return int(y // page_height)

    for _ in range(5):  # each look starts from a fresh layout, and looks again until nothing moves
        document.markContentsDirty(0, document.characterCount())
        document.pageCount()
        changed = False
        previous: Item | None = None
        before_previous: Item | None = None
        lines_start: Item | None = None
        block = document.begin()
        while block.isValid():
            table = QTextCursor(block).currentTable()
            item = block if table is None else table
            if _counts(block, table):
                first, last = span(document, item)
                moved = page(first) != page(last - 1) and last - first < page_height / 2
                if moved:
                    _set_new_page_before(item, True)
                    first, last = span(document, item)
                if table is not None:
                    moved = _keep_rows_whole(document, table, page_height) or moved
                if is_ruled(item) and not is_ruled(previous):
                    lines_start = item
                elif is_ruled(item) and page(span(document, previous)[1] - 1) < page(first) \
                        and last - span(document, lines_start)[0] < page_height / 2:
                    _set_new_page_before(item, False)  # lines to write on stay together, under what they are for
                    _set_new_page_before(lines_start, True)
                    item, (first, last), moved = lines_start, span(document, lines_start), True
                    previous, before_previous = _before(document, lines_start)
                if _introduces(previous, item) and page(span(document, previous)[1] - 1) < page(first):
                    lead = before_previous if _is_heading(before_previous) else previous
                    if page(span(document, lead)[0]) == page(span(document, previous)[1] - 1) \
                            and first - span(document, lead)[0] < page_height / 2:
                        _set_new_page_before(item, False)  # the heading and the sentence that leads in go over with it
                        _set_new_page_before(previous, lead is previous)
                        _set_new_page_before(lead, True)
                        moved = True
                if _is_heading(previous) and page(span(document, previous)[1] - 1) < page(first):
                    _set_new_page_before(item, False)  # it follows its heading, moved in this look or an earlier one
                    _set_new_page_before(previous, True)
                    moved = True
                changed = changed or moved
                before_previous, previous = previous, item
            block = block.next()
        if not changed:
            return
    document.markContentsDirty(0, document.characterCount())


def _keep_rows_whole(document: QTextDocument, table: QTextTable, page_height: float) -> bool:
    """Moves each row that would be split across two pages onto the next one, whole, by lengthening
    the row above it to the foot of its page (Qt then starts the row on the next page, under the
    repeated header). A row longer than half a page is left to run on. Says whether anything moved."""
    def lengthened() -> list[tuple[int, float]]:
        return [(row, cell.format().toTableCellFormat().bottomPadding()) for row in range(table.rows())
                for cell in _row_cells(table, row) if cell.format().hasProperty(ORIGINAL_PADDING)]

    before = lengthened()
    for row in range(table.rows()):  # from the layout as it is now: forget the rows lengthened before
        for cell in _row_cells(table, row):
            cell_format = cell.format().toTableCellFormat()
            if cell_format.hasProperty(ORIGINAL_PADDING):
                cell_format.setBottomPadding(cell_format.doubleProperty(ORIGINAL_PADDING))
                cell_format.clearProperty(ORIGINAL_PADDING)
                cell.setFormat(cell_format)
    for row in range(table.format().headerRowCount() + 1, table.rows()):
        for _ in range(3):  # a row lengthened once may need a pixel more, as the layout rounds
            row_span = _row_span(document, table, row)
            if row_span is None or int(row_span[0] // page_height) == int((row_span[1] - 1) // page_height) \
                    or row_span[1] - row_span[0] >= page_height / 2:
                break
            shortfall = (row_span[0] // page_height + 1) * page_height - row_span[0] + 1
            for cell in _row_cells(table, row - 1):
                cell_format = cell.format().toTableCellFormat()
                if not cell_format.hasProperty(ORIGINAL_PADDING):
                    padding = (cell_format.bottomPadding() if cell_format.hasProperty(
                        QTextFormat.Property.TableCellBottomPadding) else table.format().cellPadding())
                    cell_format.setProperty(ORIGINAL_PADDING, padding)
                    cell_format.setBottomPadding(padding)
                cell_format.setBottomPadding(cell_format.bottomPadding() + shortfall)
                cell.setFormat(cell_format)
    return [(row, round(padding)) for row, padding in lengthened()] != [(row, round(p)) for row, p in before]


def _row_span(document: QTextDocument, table: QTextTable, row: int) -> tuple[float, float] | None:
    """Where a table row's first line starts and its last line ends, over all its cells."""
    spans = []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() != row or cell.column() != column:
            continue  # part of a cell spanning rows or columns, measured where it starts
        block, end = cell.firstCursorPosition().block(), cell.lastCursorPosition().block()
        while block.isValid() and block.position() <= end.position():
            if block.layout().lineCount():
                spans.append(span(document, block))
            block = block.next()
    return (min(first for first, _ in spans), max(last for _, last in spans)) if spans else None


def _row_cells(table: QTextTable, row: int) -> list:
    return [table.cellAt(row, column) for column in range(table.columns())
            if table.cellAt(row, column).row() == row and table.cellAt(row, column).column() == column]


def _fill_last_page(document: QTextDocument, page_height: float) -> Item | None:
    """A last page that holds only a few lines, or only a few sources, looks like a page printed by
    mistake and is easily lost. Returns where the page before should end instead, so that the last
    page has enough on it: a heading if one will do, else a paragraph, else a list item; the page
    before keeps at least a quarter of a page. None if the last page is fine or nothing will do."""
    items = root_items(document)
    if not items:
        return None
    end = span(document, items[-1])[1]
    last_page = int((end - 1) // page_height)
    if last_page == 0:
        return None
    sources = next((index for index, item in reversed(list(enumerate(items)))
                    if _is_heading(item) and item.text() == translate("Page", "Sources")), len(items))
    only_sources = all(span(document, item)[0] < last_page * page_height for item in items[:sources])
    enough = page_height / (2 if only_sources else 4)
    on_last_page = end - last_page * page_height
    if on_last_page >= enough:
        return None
    page_top = (last_page - 1) * page_height
    previous = {_position(item): items[index - 1] for index, item in enumerate(items) if index}
    candidates = [item for item in items
                  if page_top + page_height / 4 <= span(document, item)[0] < page_top + page_height
                  and end - span(document, item)[0] < page_height * 0.9
                  and not _is_heading(previous.get(_position(item)))]
    before_sources = {_position(item) for item in items[:sources]}  # the last page should hold more than sources
    tiers = (lambda item: _is_heading(item) and _position(item) in before_sources,
             lambda item: _position(item) in before_sources and isinstance(item, QTextBlock) and not item.textList(),
             lambda item: True)
    for wanted in tiers:  # the latest break that gives the last page enough, so the page before stays full
        fitting = [item for item in candidates if wanted(item)
                   and page_top + page_height - span(document, item)[0] + on_last_page >= enough]
        if fitting:
            return fitting[-1]
    return candidates[0] if candidates else None


def _drop_empty_pages(document: QTextDocument, page_height: float) -> None:
    """A new page asked for before something that would have started a new page anyway (the space
    below what comes before it runs over the foot of the page) leaves a page empty: not asked for."""
    items = root_items(document)
    for before, item in pairwise(items):
        policy = (item.format() if isinstance(item, QTextTable) else item.blockFormat()).pageBreakPolicy()
        if policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore \
                and int((_end(document, before) - 1) // page_height) + 1 < int(span(document, item)[0] // page_height):
            _set_new_page_before(item, False)


def page_count(document: QTextDocument, page_height: float) -> int:
    """The pages with something on them: Qt counts one more when the last paragraph's space below it
    runs over the foot of a page."""
    items = root_items(document)
    if not items:
        return 1
    last = items[-1]
    end = document.documentLayout().frameBoundingRect(last).bottom() if isinstance(last, QTextTable) \
        else span(document, last)[1]
    return min(document.pageCount(), int((end - 1) // page_height) + 1)


def _introduces(previous: Item | None, item: Item) -> bool:
    """Whether `previous` is a sentence that leads into `item`: it ends with a colon, or it comes
    just before a table of several rows ("Most side effects are mild." before the table of them)
    or lines to write on."""
    if not isinstance(previous, QTextBlock) or _is_heading(previous) or previous.textList() is not None:
        return False
    return (previous.text().rstrip().endswith(":") or (isinstance(item, QTextTable) and item.rows() > 1)
            or is_ruled(item))


def _is_heading(item: Item | None) -> bool:
    return isinstance(item, QTextBlock) and item.blockFormat().headingLevel() > 0


def is_ruled(item: Item | None) -> bool:
    """A line to write on (a horizontal rule)."""
    return isinstance(item, QTextBlock) and item.blockFormat().hasProperty(
        QTextFormat.Property.BlockTrailingHorizontalRulerWidth)


def _before(document: QTextDocument, item: QTextBlock) -> tuple[Item | None, ...]:
    """The two paragraphs or tables before `item`, nearest first."""
    items = root_items(document)
    index = next(index for index, other in enumerate(items) if _position(other) == _position(item))
    return (items[index - 1] if index >= 1 else None), (items[index - 2] if index >= 2 else None)


def root_items(document: QTextDocument) -> list[Item]:
    """The paragraphs, headings, list items and boxes or tables of the page, in order."""
    items: list[Item] = []
    document.pageCount()  # lays out the whole document: Qt lays out lazily, and a block not laid out has no lines
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if _counts(block, table):
            items.append(block if table is None else table)
        block = block.next()
    return items


def _counts(block: QTextBlock, table: QTextTable | None) -> bool:
    """Whether pagination looks at this block: a paragraph with something in it, a line to write on,
    or the start of a table; not the empty paragraphs Qt keeps between tables."""
    if table is not None:
        return block.position() == table.firstPosition()
    return block.layout().lineCount() > 0 and (bool(block.text().strip()) or is_ruled(block))


def span(document: QTextDocument, item: Item) -> tuple[float, float]:
    """Where a paragraph's first line starts and its last line ends, on the paginated document; for a
    table, what must stay together: from its top to the end of its first row under the header."""
    layout = document.documentLayout()
    if isinstance(item, QTextTable):
        top = layout.frameBoundingRect(item).top()
        row = min(item.format().headerRowCount(), item.rows() - 1)
        cells = (item.cellAt(row, column).lastCursorPosition().block() for column in range(item.columns()))
        return top, max(span(document, block)[1] for block in cells if block.layout().lineCount())
    top = layout.blockBoundingRect(item).top()
    lines = item.layout()
    last = lines.lineAt(lines.lineCount() - 1)
    return top + lines.lineAt(0).y(), top + last.y() + last.height()


def _end(document: QTextDocument, item: Item) -> float:
    """Where the last line of a paragraph or table ends."""
    if isinstance(item, QTextTable):
        last_row = _row_span(document, item, item.rows() - 1)
        return last_row[1] if last_row is not None else span(document, item)[1]
    return span(document, item)[1]


def _position(item: Item) -> int:
    return item.firstPosition() if isinstance(item, QTextTable) else item.position()


def _set_new_page_before(item: Item, new_page: bool) -> None:
    policy = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore if new_page else QTextFormat.PageBreakFlag.PageBreak_Auto
    if isinstance(item, QTextTable):
        table = item.format()
        table.setPageBreakPolicy(policy)
        item.setFormat(table)
    else:
        paragraph = item.blockFormat()
        paragraph.setPageBreakPolicy(policy)
        QTextCursor(item).setBlockFormat(paragraph)
