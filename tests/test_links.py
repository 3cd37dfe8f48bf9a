"""Where each kind of link goes: pages and glossary entries inside the app, websites only after
asking, and everything else refused."""
from __future__ import annotations

import pytest

from tms_info.content.links import Link, LinkKind, classify
from tms_info.history import History, Place


@pytest.mark.parametrize(("href", "expected"), [
    ("article:about/what-is-tms", Link(LinkKind.ARTICLE, "about/what-is-tms")),
    ("article:treatment/session#risks", Link(LinkKind.ARTICLE, "treatment/session", "risks")),
    ("article:about%2Fwhat-is-tms", Link(LinkKind.ARTICLE, "about/what-is-tms")),
    ("glossary:rtms", Link(LinkKind.TERM, "rtms")),
    ("#fn:1", Link(LinkKind.ANCHOR, anchor="fn:1")),
    ("app:back", Link(LinkKind.BACK)),
    ("https://988lifeline.org", Link(LinkKind.EXTERNAL, "https://988lifeline.org")),
    ("HTTP://example.org/a", Link(LinkKind.EXTERNAL, "HTTP://example.org/a")),
    ("javascript:alert(1)", Link(LinkKind.REFUSED, "javascript:alert(1)")),
    ("file:///etc/passwd", Link(LinkKind.REFUSED, "file:///etc/passwd")),
    ("data:text/html,<b>x</b>", Link(LinkKind.REFUSED, "data:text/html,<b>x</b>")),
    ("ftp://example.org", Link(LinkKind.REFUSED, "ftp://example.org")),
    ("https:", Link(LinkKind.REFUSED, "https:")),
    ("app:quit", Link(LinkKind.REFUSED, "app:quit")),
    ("other.html", Link(LinkKind.REFUSED, "other.html")),
])
def test_classify(href, expected):
    assert classify(href) == expected


def test_history_goes_back_and_forward_and_forgets_the_future_on_a_new_visit():
    history = History()
    for page in ("home", "a", "b"):
        history.visit(Place(page))
    assert history.back().page_id == "a"
    assert history.back().page_id == "home"
    assert history.back() is None
    assert history.forward().page_id == "a"
    history.visit(Place("c"))
    assert not history.can_go_forward()
    assert history.back().page_id == "a"


def test_history_is_bounded():
    history = History(limit=3)
    for page in "abcde":
        history.visit(Place(page))
    assert [history.back().page_id, history.back().page_id, history.back()] == ["d", "c", None]
