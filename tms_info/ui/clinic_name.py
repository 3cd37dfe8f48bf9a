"""The clinic's name, shown quietly in the toolbar: the window title that also carries it is not
seen in a full-screen kiosk. A long name is shortened with "…" rather than pushing buttons such as
Help now out of the toolbar; the whole name stays in the tooltip and for screen readers."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from tms_info.ui.texts import translate

MAX_CHARS = 40  # wider than this, the name is shortened even when there is room
MIN_CHARS = 8


class ClinicName(QLabel):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.setObjectName("clinicName")
        self.setTextFormat(Qt.TextFormat.PlainText)  # the configuration's text, never markup
        self.setContentsMargins(12, 0, 12, 0)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setToolTip(name)
        self.setAccessibleName(translate("ClinicName", "Clinic: {name}").format(name=name))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), self._chars_px(MAX_CHARS)), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(min(super().sizeHint().width(), self._chars_px(MIN_CHARS)), super().minimumSizeHint().height())

    def _chars_px(self, chars: int) -> int:
        margins = self.contentsMargins()
        return self.fontMetrics().averageCharWidth() * chars + margins.left() + margins.right()

    def shown_text(self) -> str:
        """The name as it fits: whole, or shortened with "…"."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        alignment = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        self.style().drawItemText(painter, self.contentsRect(), alignment, self.palette(), self.isEnabled(),
                                  self.shown_text(), self.foregroundRole())
