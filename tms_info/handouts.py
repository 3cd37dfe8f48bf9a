"""Handouts: an article laid out on paper, with the pictures, sources, review date, page numbers
and a footer that says what the app is and where to get help, for the printer or a PDF file.

QtGui only (no widgets): the window prints with it, and `tms-info export` writes PDFs with it
on a machine with no display. A PDF is written to a temporary file in the target folder and
renamed into place at the end, so a failure never leaves half a file behind.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from tms_info.content.library import Library
from tms_info.content.model import Page
from tms_info.content.render import Renderer
from tms_info.content.safe_html import load_resource
from tms_info.content.style import LIGHT, stylesheet
from tms_info.documents import fit_pictures, set_reading_style
from tms_info.ui.texts import app_name, translate

PRINT_TEXT_SIZE = 80  # percent of the screen size: about 11 points on paper at 96 dots an inch
DOTS_PER_INCH = 96
PAPER_STYLE = "a, a.term { color: #1d2430; text-decoration: none; }"  # links cannot be followed on paper
FOOTER_DISCLAIMER = QT_TRANSLATE_NOOP(
    "Handout", "Information, not medical advice: talk to your care team about your own treatment. "
    "In a crisis call 911 or 988 (US), 999 or 116 123 (UK), 112 (EU).")  # translated where it is used


class HandoutError(Exception):
    """A handout could not be written; the message says why in plain words."""


class _HandoutDocument(QTextDocument):
    """Loads pictures only under the library's content folders and the app's resources (the rules
    of tms_info.content.safe_html); an empty picture otherwise, never None, on which Qt would read
    the file itself."""

    def __init__(self, roots: tuple[Path, ...]) -> None:
        super().__init__()
        self._roots = roots

    def loadResource(self, kind: int, url: QUrl) -> object:
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return ""
        data = load_resource(url.toString(), self._roots)
        return QImage.fromData(data) if data is not None else QImage()


def handout_document(renderer: Renderer, page: Page, toggled: frozenset[int] = frozenset(),
                     clinic: str | None = None) -> QTextDocument:
    document = _HandoutDocument(tuple(renderer.library.roots))
    document.setDocumentMargin(0)
    set_reading_style(document, stylesheet(PRINT_TEXT_SIZE, LIGHT) + PAPER_STYLE,
                      round(18 * PRINT_TEXT_SIZE / 100))
    document.setHtml(renderer.handout_html(page, toggled, clinic))
    return document


def paint_pages(document: QTextDocument, device: QPagedPaintDevice, footer: str, keep_paper: bool = False) -> int:
    """Lays the document out on the device's pages and paints each with its footer; returns the
    number of pages. A printer keeps the paper chosen in the print dialog (`keep_paper`)."""
    paper = device.pageLayout().pageSize() if keep_paper else QPageSize(QPageSize.PageSizeId.A4)
    device.setPageLayout(QPageLayout(paper, QPageLayout.Orientation.Portrait, QMarginsF(18, 16, 18, 14),
                                     QPageLayout.Unit.Millimeter))
    page_rect = device.pageLayout().paintRectPixels(device.resolution())
    footer_font = QFont(document.defaultFont())
    footer_font.setPixelSize(11)
    footer_height = 44
    body_height = page_rect.height() - footer_height
    document.documentLayout().setPaintDevice(device)
    fit_pictures(document, page_rect.width())  # before paginating: a later change is laid out only in part
    document.setPageSize(QSizeF(page_rect.width(), body_height))
    _keep_paragraphs_whole(document, body_height)
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise HandoutError(translate("Handout", "the file or printer could not be opened for writing"))
    try:
        for number in range(pages):
            if number:
                device.newPage()
            painter.save()
            painter.translate(0, -number * body_height)
            # Pagination puts each line wholly on one page, so a line can start or end exactly on the
            # page's edge. Qt draws lines that touch the area drawn, clipped out of sight but still in
            # the PDF's text; a tenth of a pixel in from each edge keeps every line on its own page.
            document.drawContents(painter, QRectF(0, number * body_height + 0.1, page_rect.width(), body_height - 0.2))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            painter.drawLine(0, body_height + 6, page_rect.width(), body_height + 6)
            text_rect = QRectF(0, body_height + 10, page_rect.width() - 90, footer_height - 10)
            painter.drawText(text_rect, int(Qt.TextFlag.TextWordWrap), footer)
            painter.drawText(QRectF(page_rect.width() - 90, body_height + 10, 90, 20),
                             int(Qt.AlignmentFlag.AlignRight),
                             translate("Handout", "Page {number} of {pages}").format(number=number + 1, pages=pages))
    finally:
        if not painter.end():
            raise HandoutError(translate("Handout", "the handout could not be finished (is the disk full?)"))
    return pages


def _span(document: QTextDocument, item: QTextBlock | QTextTable) -> tuple[float, float]:
    """Where a paragraph's first line starts and its last line ends, on the paginated document; for a
    table, what must stay together: from its top to the end of its first row under the header."""
    layout = document.documentLayout()
    if isinstance(item, QTextTable):
        top = layout.frameBoundingRect(item).top()
        row = min(item.format().headerRowCount(), item.rows() - 1)
        cells = (item.cellAt(row, column).lastCursorPosition().block() for column in range(item.columns()))
        return top, max(_span(document, block)[1] for block in cells if block.layout().lineCount())
    top = layout.blockBoundingRect(item).top()
    lines = item.layout()
    last = lines.lineAt(lines.lineCount() - 1)
    return top + lines.lineAt(0).y(), top + last.y() + last.height()


def _set_new_page_before(item: QTextBlock | QTextTable, new_page: bool) -> None:
    policy = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore if new_page else QTextFormat.PageBreakFlag.PageBreak_Auto
    if isinstance(item, QTextTable):
        table = item.format()
        table.setPageBreakPolicy(policy)
        item.setFormat(table)
    else:
        paragraph = item.blockFormat()
        paragraph.setPageBreakPolicy(policy)
        QTextCursor(item).setBlockFormat(paragraph)


def _keep_paragraphs_whole(document: QTextDocument, page_height: float) -> None:
    """Starts a new page before a paragraph or box that would be split across two, and before a
    heading that would be left at the foot of a page. A split paragraph is harder to follow on
    paper; and Qt draws the line before each page's first line too, out of sight but in the PDF's
    text, so a screen reader would read it twice. Not moved: what is longer than half a page, and
    a table's later rows (it keeps its header and first row together, then runs on row by row,
    its header repeated), so a line can still be read twice there."""
    def page(y: float) -> int:
        return int(y // page_height)

    for _ in range(5):  # each look starts from a fresh layout, and looks again until nothing moves
        document.markContentsDirty(0, document.characterCount())
        changed = False
        previous: QTextBlock | QTextTable | None = None
        block = document.begin()
        while block.isValid():
            table = QTextCursor(block).currentTable()
            item = block if table is None else table
            if block.layout().lineCount() and (table is None or block.position() == table.firstPosition()):
                first, last = _span(document, item)
                moved = page(first) != page(last - 1) and last - first < page_height / 2
                if moved:
                    _set_new_page_before(item, True)
                    first, last = _span(document, item)
                if isinstance(previous, QTextBlock) and previous.blockFormat().headingLevel() \
                        and page(_span(document, previous)[1] - 1) < page(first):
                    _set_new_page_before(item, False)  # it follows its heading now, moved in this look or an earlier one
                    _set_new_page_before(previous, True)
                    moved = True
                changed = changed or moved
                previous = item
            block = block.next()
        if not changed:
            return
    document.markContentsDirty(0, document.characterCount())


def footer_text(page: Page, clinic: str | None) -> str:
    title = page.title if page.title.endswith((".", "?", "!")) else page.title + "."
    return f"{clinic + ' · ' if clinic else ''}{app_name()}: {title} {translate('Handout', FOOTER_DISCLAIMER)}"


def write_pdf(renderer: Renderer, page: Page, target: Path, toggled: frozenset[int] = frozenset(),
              clinic: str | None = None) -> int:
    """Writes one page as a PDF handout; returns its number of pages. Raises HandoutError."""
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise HandoutError(translate("Handout", "the folder {folder} does not exist").format(folder=folder))
    if target.is_dir():
        raise HandoutError(translate("Handout", "{file} is a folder; give a file name ending in .pdf")
                           .format(file=target))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".pdf.part", dir=folder)
        os.close(handle)
    except OSError as error:
        raise HandoutError(translate("Handout", "cannot write in {folder} ({reason})")
                           .format(folder=folder, reason=error.strerror or error)) from None
    try:
        writer = QPdfWriter(temporary)
        writer.setResolution(DOTS_PER_INCH)
        writer.setTitle(page.title)
        writer.setCreator(app_name())
        pages = paint_pages(handout_document(renderer, page, toggled, clinic), writer, footer_text(page, clinic))
        del writer
        if not _is_complete_pdf(Path(temporary)):  # QPdfWriter does not report a failed write
            raise HandoutError(translate("Handout", "the file could not be written completely (is the disk full?)"))
        os.replace(temporary, target)
        return pages
    except OSError as error:
        raise HandoutError(translate("Handout", "cannot write {file} ({reason})")
                           .format(file=target, reason=error.strerror or error)) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _is_complete_pdf(path: Path) -> bool:
    with open(path, "rb") as file:
        file.seek(0, os.SEEK_END)
        file.seek(max(0, file.tell() - 1024))
        return b"%%EOF" in file.read()


def export_all(library: Library, folder: Path, clinic: str | None = None) -> list[Path]:
    """Every article as a PDF in `folder` (created if missing), named after its id."""
    folder = Path(folder)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise HandoutError(translate("Handout", "cannot make the folder {folder} ({reason})")
                           .format(folder=folder, reason=error.strerror or error)) from None
    renderer = Renderer(library)
    written = []
    for page in sorted(library.pages.values(), key=lambda p: p.id):
        target = folder / (page.id.replace("/", "-") + ".pdf")
        write_pdf(renderer, page, target, clinic=clinic)
        written.append(target)
    return written
