"""A quiet bar above the article for something the reader or the clinic should know once, such
as clinic settings or pages that could not be used; it closes with its button."""
from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from tms_info.ui.texts import count_problems, translate

log = logging.getLogger(__name__)


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

    def show_problems(self, details: Sequence[str]) -> None:
        """Settings or pages of the clinic that could not be used: each is logged for the staff, and
        the reader is told once, in plain words, that the standard ones are shown."""
        if not details:
            return
        for detail in details:
            log.warning("%s", detail)
        self.show_notice(translate(
            "MainWindow", "Some of the clinic's settings or pages could not be used, so the standard ones are "
            "shown. Staff: the details are in the log ({problems}).").format(problems=count_problems(len(details))))
