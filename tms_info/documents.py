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


OBJECT = "\ufffc"  # how a QTextDocument's raw text holds a picture, one character at its place


def fit_pictures(document: QTextDocument, available: float) -> None:
    """Shrinks pictures wider than the text column, keeping their shape; never enlarges them.

    Pictures are found by their place in the raw text (a character each), not by walking every
    fragment of the page: this runs on every resize, and a long page has tens of thousands."""
    text = document.toRawText()
    position = text.find(OBJECT)
    while position != -1:
        cursor = QTextCursor(document)
        cursor.setPosition(position + 1)  # charFormat() is the format of the character before the cursor
        image_format = cursor.charFormat().toImageFormat()
        if image_format.isValid():
            image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image_format.name()))
            natural = image.size() if isinstance(image, (QImage, QPixmap)) else None
            if natural is not None and not natural.isEmpty():
                width = min(float(natural.width()), max(available, 80.0))
                if abs(image_format.width() - width) >= 0.5:
                    image_format.setWidth(width)
                    image_format.setHeight(natural.height() * width / natural.width())
                    cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(image_format)
        position = text.find(OBJECT, position + 1)
