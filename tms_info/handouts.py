"""Handouts: an article laid out on paper, with the pictures, sources, review date, page numbers
and a footer that says what the app is and where to get help, for the printer or a PDF file.

QtGui only (no widgets): the window prints with it, and `tms-info export` writes PDFs with it
on a machine with no display. A PDF is written to a temporary file in the target folder and
renamed into place at the end, so a failure never leaves half a file behind.
"""
from __future__ import annotations

import math
import os
import re
import tempfile
from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from tms_info.content.library import Library
from tms_info.content.model import Page
from tms_info.content.render import Renderer
from tms_info.content.safe_html import load_resource
from tms_info.content.style import LIGHT, body_px, stylesheet
from tms_info.documents import fit_pictures, set_reading_style
from tms_info.fonts import install_fonts
from tms_info.pagination import page_count, paginate
from tms_info.ui.texts import app_name, translate

PRINT_TEXT_SIZE = 90  # percent of the screen size: a 16-pixel body, 12 points on paper at 96 dots an inch
DOTS_PER_INCH = 96
FOOTER_PX = 12  # 9 points
PAPER_STYLE = ("a, a.term { color: #1d2430; text-decoration: none; }"  # links cannot be followed on paper
               "a.term span { text-decoration: none; text-underline-style: none; }"
               # the clinic's own box, drawn like a card: a full frame, not a coloured bar
               "table.clinic { border-width: 2px; border-style: solid; border-color: #14324f; margin-top: 8px; }"
               "td.clinic { padding: 12px; border-width: 0; }")
# A ligature is one glyph for "fi" or "ffl": copied, searched or read aloud from the PDF it is a
# stray symbol ("ﬁrst"), so handouts print the letters one by one.
NO_LIGATURES = ("liga", "clig", "dlig")
WRITING_LINE_GAP = 40  # pixels between the lines to write on under a question list: 10.5 mm, room for a large hand
WRITING_LINE_COLOUR = "#6b7480"
SOURCES_HEADING = '<h2 id="sources">'
HEADING_ID = re.compile(r'(<h[1-6][^>]*?)\s+id="[^"]*"')
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
                     clinic: str | None = None, phone: str | None = None) -> QTextDocument:
    document = _HandoutDocument(tuple(renderer.library.roots))
    document.setDocumentMargin(0)
    set_reading_style(document, stylesheet(PRINT_TEXT_SIZE, LIGHT) + PAPER_STYLE, body_px(PRINT_TEXT_SIZE))
    font = document.defaultFont()
    font.setFamilies([install_fonts()])
    for feature in NO_LIGATURES:
        font.setFeature(QFont.Tag(feature), 0)
    document.setDefaultFont(font)
    html = renderer.handout_html(page, toggled, clinic)
    if clinic:
        block = clinic_block_html(clinic, phone)
        html = html.replace(SOURCES_HEADING, block + SOURCES_HEADING, 1) if SOURCES_HEADING in html else html + block
    # A heading's id starts it with an anchor, drawn as a text run of its own that PDF readers take
    # for a word of its own ("W hat is..."); paper has no links to it.
    document.setHtml(HEADING_ID.sub(r"\1", html))
    _rule_writing_lines(document)
    return document


def clinic_block_html(clinic: str, phone: str | None = None) -> str:
    """A box at the end of the handout with who gave it and how to reach them."""
    lines = [f"<b>{escape(clinic)}</b>"]
    if phone:
        lines.append(escape(translate("Handout", "Phone: {phone}").format(phone=phone)))
    title = escape(translate("Handout", "Your clinic"))
    invitation = escape(translate("Handout", "Ask us about anything in this handout, or about your own treatment."))
    return (f'<table class="clinic" width="100%" cellspacing="0"><tr><td class="clinic">'
            f'<p class="callout-title">{title}</p><p>{"<br>".join(lines)}</p><p>{invitation}</p>'
            f'</td></tr></table>')


def _rule_writing_lines(document: QTextDocument) -> None:
    """The horizontal rules a page prints to write on (`---` in a `print-only` block) are spaced and
    drawn as lines on a writing pad: a large hand needs about 10 mm between lines, and a grey line."""
    block = document.begin()
    while block.isValid():
        paragraph = block.blockFormat()
        if paragraph.hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth):
            paragraph.setTopMargin(0)
            paragraph.setBottomMargin(0)
            paragraph.setLineHeight(WRITING_LINE_GAP, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            paragraph.setBackground(QColor(WRITING_LINE_COLOUR))
            QTextCursor(block).setBlockFormat(paragraph)
        block = block.next()


def paint_pages(document: QTextDocument, device: QPagedPaintDevice, footer: str, keep_paper: bool = False) -> int:
    """Lays the document out on the device's pages and paints each with its footer; returns the
    number of pages. A printer keeps the paper chosen in the print dialog (`keep_paper`)."""
    paper = device.pageLayout().pageSize() if keep_paper else QPageSize(QPageSize.PageSizeId.A4)
    device.setPageLayout(QPageLayout(paper, QPageLayout.Orientation.Portrait, QMarginsF(18, 16, 18, 14),
                                     QPageLayout.Unit.Millimeter))
    page_rect = device.pageLayout().paintRectPixels(device.resolution())
    footer_font = QFont(document.defaultFont())
    footer_font.setPixelSize(FOOTER_PX)
    number_width = 10 * FOOTER_PX
    wrapped = QFontMetricsF(footer_font, device).boundingRect(
        QRectF(0, 0, page_rect.width() - number_width, 10 * page_rect.height()), int(Qt.TextFlag.TextWordWrap), footer)
    footer_height = math.ceil(wrapped.height()) + 14  # as many lines as the footer takes (a clinic's name, Spanish)
    body_height = page_rect.height() - footer_height
    document.documentLayout().setPaintDevice(device)
    fit_pictures(document, page_rect.width())  # before paginating: a later change is laid out only in part
    document.setPageSize(QSizeF(page_rect.width(), body_height))
    paginate(document, body_height)
    pages = page_count(document, body_height)
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
            text_rect = QRectF(0, body_height + 10, page_rect.width() - number_width, footer_height - 10)
            painter.drawText(text_rect, int(Qt.TextFlag.TextWordWrap), footer)
            painter.drawText(QRectF(page_rect.width() - number_width, body_height + 10, number_width, 2 * FOOTER_PX),
                             int(Qt.AlignmentFlag.AlignRight),
                             translate("Handout", "Page {number} of {pages}").format(number=number + 1, pages=pages))
    finally:
        if not painter.end():
            raise HandoutError(translate("Handout", "the handout could not be finished (is the disk full?)"))
    return pages


def footer_text(page: Page, clinic: str | None) -> str:
    title = page.title if page.title.endswith((".", "?", "!")) else page.title + "."
    return f"{clinic + ' · ' if clinic else ''}{app_name()}: {title} {translate('Handout', FOOTER_DISCLAIMER)}"


def write_pdf(renderer: Renderer, page: Page, target: Path, toggled: frozenset[int] = frozenset(),
              clinic: str | None = None, phone: str | None = None) -> int:
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
        pages = paint_pages(handout_document(renderer, page, toggled, clinic, phone), writer,
                            footer_text(page, clinic))
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


def export_all(library: Library, folder: Path, clinic: str | None = None, phone: str | None = None) -> list[Path]:
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
        write_pdf(renderer, page, target, clinic=clinic, phone=phone)
        written.append(target)
    return written
