"""Shaping a rendered page inside a QTextDocument, for the screen and for paper alike.

QtGui only (no widgets), so the handout writer can use it without a window.
"""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QPixmap, QTextCursor, QTextDocument


def set_reading_style(document: QTextDocument, stylesheet: str, body_px: int) -> None:
    """Qt's CSS does not pass the body's font size down to paragraphs, so the document's default
    font carries it; the stylesheet sizes headings and the rest."""
    font = document.defaultFont()
    font.setPixelSize(body_px)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(stylesheet)


def fit_pictures(document: QTextDocument, available: float) -> None:
    """Shrinks pictures wider than the text column, keeping their shape; never enlarges them."""
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            image_format = fragment.charFormat().toImageFormat()
            if image_format.isValid():
                image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image_format.name()))
                natural = image.size() if isinstance(image, (QImage, QPixmap)) else None
                if natural is not None and not natural.isEmpty():
                    width = min(float(natural.width()), max(available, 80.0))
                    if abs(image_format.width() - width) >= 0.5:
                        image_format.setWidth(width)
                        image_format.setHeight(natural.height() * width / natural.width())
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(image_format)
            iterator += 1
        block = block.next()
