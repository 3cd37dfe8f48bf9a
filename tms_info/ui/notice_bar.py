"""A quiet bar above the article for something the reader or the clinic should know once, such
as clinic settings or pages that could not be used; it closes with its button."""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from tms_info.ui.texts import translate


class NoticeBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(translate("NoticeBar", "Notice"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.close_button = QPushButton(translate("NoticeBar", "Close"))
        self.close_button.setAccessibleName(translate("NoticeBar", "Close the notice"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_notice(self, text: str) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.show()
