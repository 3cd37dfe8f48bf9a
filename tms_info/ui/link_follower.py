"""What a click on a link does. Where a link goes is decided by tms_info.content.links; this object
acts on it: it moves the article to a part of the page, asks before a website opens in the browser
(or refuses, where the window's policy opens none), and says everything else as a signal, so the
window that shows the pages decides nothing about addresses."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from tms_info.content.links import LinkKind, classify
from tms_info.ui.texts import translate

if TYPE_CHECKING:
    from tms_info.ui.article_view import ArticleView

log = logging.getLogger(__name__)


class LinkFollower(QObject):
    pageLinkClicked = Signal(str, str)
    """A link to a page (its id, and the part of it, "" for its top)."""
    termLinkClicked = Signal(str)
    """A link to a glossary term (its id)."""
    backLinkClicked = Signal()
    """The "Go back" link of a page that was not found."""
    boxClicked = Signal(int)
    """A checklist box on the page (its number)."""
    linkNotFollowed = Signal(str)
    """A link that goes nowhere, or nowhere this computer allows: why, for the reader."""

    def __init__(self, view: ArticleView, opens_websites: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self._view, self._opens_websites = view, opens_websites

    def follow(self, url: QUrl) -> None:
        """A link clicked in the article."""
        link = classify(url.toString())
        if link.kind is LinkKind.ARTICLE:
            self.pageLinkClicked.emit(link.target, link.anchor or "")
        elif link.kind is LinkKind.TERM:
            self.termLinkClicked.emit(link.target)
        elif link.kind is LinkKind.ANCHOR:
            if not self._view.go_to_anchor(link.anchor):
                self.linkNotFollowed.emit(translate("MainWindow", "That part of the page could not be found."))
        elif link.kind is LinkKind.BACK:
            self.backLinkClicked.emit()
        elif link.kind is LinkKind.TICK:
            self.boxClicked.emit(int(link.target))
        elif link.kind is LinkKind.EXTERNAL:
            self._offer_website(link.target)
        else:
            log.info("refused link %s", link.target)
            self.linkNotFollowed.emit(
                translate("MainWindow", "This link cannot be opened by the app, for your safety."))

    def follow_from_glossary(self, url: QUrl) -> None:
        """A link clicked in a glossary entry: to pages, other terms and websites. The entry's own
        #anchors and boxes are not the article's, so they are not acted on there."""
        if classify(url.toString()).kind not in (LinkKind.ANCHOR, LinkKind.TICK, LinkKind.BACK):
            self.follow(url)

    def _offer_website(self, address: str) -> None:
        if not self._opens_websites:
            self.linkNotFollowed.emit(translate(
                "MainWindow", "This computer does not open websites. The address is {address}").format(address=address))
            return
        answer = QMessageBox.question(
            self.parent(), translate("MainWindow", "Open a website?"),
            translate("MainWindow", "This link goes to a website:\n\n{address}\n\nIt will open in your web browser, "
                      "outside this app, and needs an internet connection. Open it?").format(address=address),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(QUrl(address))
