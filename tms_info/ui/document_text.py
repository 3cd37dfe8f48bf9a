"""The text of a shown page as a person reads it: Qt's document puts characters of its own in for
table cells, pictures and line breaks, and draws a checklist's boxes as two characters."""
from __future__ import annotations

TICKED, UNTICKED = "☑", "☐"

# Qt's marks for a frame's (a table cell's) start and end, a picture, and line and paragraph breaks
_NOT_TEXT = str.maketrans({"\ufdd0": None, "\ufdd1": None, "\ufffc": None, "\u2028": " ", "\u2029": " "})


def clean_text(text: str) -> str:
    """Text as a person reads it: without the characters Qt puts in for boxes, cells and pictures."""
    return " ".join(text.translate(_NOT_TEXT).split())
