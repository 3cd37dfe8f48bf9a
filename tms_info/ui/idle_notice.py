"""The kiosk's warning before it starts afresh: a calm card at the foot of the window, spoken by
screen readers, so that someone who is still reading keeps their page."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Signal
from PySide6.QtGui import QPointerEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from tms_info.ui.accessibility import announce
from tms_info.ui.texts import translate

MARGIN_PX = 24
MAX_WIDTH_EM = 34


class IdleNotice(QFrame):
    keepReadingClicked = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("idleNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet(  # palette colours: right in every theme, high contrast included
            "QFrame#idleNotice { background: palette(base); border: 2px solid palette(highlight); border-radius: 8px; }"
            " QFrame#idleNotice QPushButton { background: palette(button); color: palette(button-text);"
            " border: 2px solid palette(highlight); border-radius: 4px; padding: 4px 14px; }"
            " QFrame#idleNotice QPushButton:focus { border-width: 3px; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(translate("IdleNotice", "Keep reading"))
        self.button.clicked.connect(self.keepReadingClicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(16)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        window.installEventFilter(self)
        self.hide()

    def show_notice(self, seconds: int, text_px: int) -> None:
        text = translate("IdleNotice", "Still reading? Starting again in {seconds} seconds.").format(seconds=seconds)
        self.label.setText(text)
        self.setAccessibleName(text)
        for widget in (self, self.label, self.button):  # a style sheet stops fonts passing to children
            font = widget.font()
            font.setPixelSize(text_px)
            widget.setFont(font)
        self._place()
        self.show()
        self.raise_()
        announce(self, text + " " + translate("IdleNotice", "Press any key to keep reading."), assertive=True)

    def covers(self, event: QPointerEvent) -> bool:
        """Whether a click or touch lands on the notice (its button is then the one to act)."""
        return self.isVisible() and any(
            self.rect().contains(self.mapFromGlobal(QPointF(point.globalPosition())).toPoint())
            for point in event.points())

    def _place(self) -> None:
        window = self.parentWidget()
        width = min(window.width() - 2 * MARGIN_PX, self.fontMetrics().averageCharWidth() * MAX_WIDTH_EM * 2)
        self.setFixedWidth(max(width, 0))
        height = self.heightForWidth(self.width())
        self.setFixedHeight(height if height > 0 else self.sizeHint().height())
        self.move((window.width() - self.width()) // 2, window.height() - self.height() - 2 * MARGIN_PX)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget() and self.isVisible():
            self._place()
        return False
