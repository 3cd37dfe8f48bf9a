"""Accessible names for the parts of Qt widgets that Qt creates itself and leaves unnamed."""
from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QToolButton


def clearable(field: QLineEdit, button_name: str = "Clear") -> QLineEdit:
    """Turns on a field's clear button and gives the button a name a screen reader can say."""
    field.setClearButtonEnabled(True)
    for button in field.findChildren(QToolButton):
        button.setAccessibleName(button_name)
    return field
