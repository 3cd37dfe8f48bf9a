"""Accessible names for the parts of Qt widgets that Qt creates itself and leaves unnamed, and
announcements for a screen reader to speak."""
from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QLineEdit, QToolButton, QWidget

from tms_info.ui.texts import translate

try:  # Qt 6.8 and later
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - depends on the Qt version installed
    QAccessibleAnnouncementEvent = None


def clearable(field: QLineEdit, button_name: str | None = None) -> QLineEdit:
    """Turns on a field's clear button and gives the button a name a screen reader can say."""
    field.setClearButtonEnabled(True)
    for button in field.findChildren(QToolButton):
        button.setAccessibleName(button_name or translate("Accessibility", "Clear"))
    return field


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Asks the screen reader to say `text` now, as coming from `widget`. Assertive interrupts what
    is being read (for what matters most, such as crisis help); polite waits its turn.

    Without Qt's announcement event (before Qt 6.8) the text becomes the widget's accessible
    description, which screen readers read when the description changes and with the widget."""
    if QAccessibleAnnouncementEvent is not None:
        event = QAccessibleAnnouncementEvent(widget, text)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                            else QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)
        return
    widget.setAccessibleDescription(text)
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged))
