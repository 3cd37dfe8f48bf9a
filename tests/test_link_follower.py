"""What a click on a link does, without a window: each kind of link says what happened, a part of
the page that is not there is said so, and a glossary entry's own anchors and boxes are not the
article's. (The window's tests click real links; here each kind is checked on its own.)"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from tms_info.content.style import stylesheet
from tms_info.ui.article_view import ArticleView
from tms_info.ui.link_follower import LinkFollower


@pytest.fixture
def follow(qtbot):
    """A follower over a page with one part, `#there`; gives (the follower, what it said)."""
    parents: list[QWidget] = []  # Python keeps each parent (and the follower it owns) for the test

    def make(opens_websites: bool = True) -> tuple[LinkFollower, list[tuple[str, tuple]]]:
        parent = QWidget()
        qtbot.addWidget(parent)
        parents.append(parent)
        view = ArticleView(parent)
        view.show_html('<h1>Page</h1><h2 id="there">There</h2><p>text</p>', stylesheet(), 16)
        follower = LinkFollower(view, opens_websites, parent)
        said: list[tuple[str, tuple]] = []
        for name in ("pageLinkClicked", "termLinkClicked", "backLinkClicked", "boxClicked", "linkNotFollowed"):
            getattr(follower, name).connect(lambda *args, name=name: said.append((name, args)))
        return follower, said
    return make


@pytest.mark.parametrize(("href", "expected"), [
    ("article:basics/what-is-tms#risks", ("pageLinkClicked", ("basics/what-is-tms", "risks"))),
    ("article:basics/what-is-tms", ("pageLinkClicked", ("basics/what-is-tms", ""))),
    ("glossary:rtms", ("termLinkClicked", ("rtms",))),
    ("app:back", ("backLinkClicked", ())),
    ("tick:3", ("boxClicked", (3,))),
])
def test_each_kind_of_link_says_where_it_goes(follow, href, expected):
    follower, said = follow()
    follower.follow(QUrl(href))
    assert said == [expected]


def test_a_part_of_the_page_is_gone_to_or_said_to_be_missing(follow):
    follower, said = follow()
    follower.follow(QUrl("#there"))
    assert said == []
    follower.follow(QUrl("#nowhere"))
    assert said == [("linkNotFollowed", ("That part of the page could not be found.",))]


@pytest.mark.parametrize("href", ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x"])
def test_other_schemes_are_refused_with_a_reason(follow, href, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("should not even ask"))
    follower, said = follow()
    follower.follow(QUrl(href))
    assert said == [("linkNotFollowed", ("This link cannot be opened by the app, for your safety.",))]


def test_where_websites_are_not_opened_the_address_is_shown_and_nothing_is_asked(follow, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("should not even ask"))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: pytest.fail(f"opened {url}"))
    follower, said = follow(opens_websites=False)
    follower.follow(QUrl("https://example.org/tms"))
    assert said == [("linkNotFollowed",
                     ("This computer does not open websites. The address is https://example.org/tms",))]


def test_a_website_opens_in_the_browser_only_after_the_reader_says_so(follow, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Open])
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: next(answers))
    follower, said = follow()
    follower.follow(QUrl("https://example.org/tms"))
    assert opened == []
    follower.follow(QUrl("https://example.org/tms"))
    assert opened == [QUrl("https://example.org/tms")] and said == []


@pytest.mark.parametrize("href", ["#there", "#nowhere", "tick:1", "app:back"])
def test_a_glossary_entrys_own_anchors_boxes_and_back_link_are_not_the_articles(follow, href):
    follower, said = follow()
    follower.follow_from_glossary(QUrl(href))
    assert said == []


def test_a_glossary_entry_links_to_pages_and_other_terms(follow):
    follower, said = follow()
    follower.follow_from_glossary(QUrl("article:a#b"))
    follower.follow_from_glossary(QUrl("glossary:relapse"))
    assert said == [("pageLinkClicked", ("a", "b")), ("termLinkClicked", ("relapse",))]
