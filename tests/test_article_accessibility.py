"""A screen reader sees the article's structure: headings with their level, links named and
described by where they go, lists, tables, figures; glossary words show their meaning when
reached by keyboard; and the whole line of a checklist question ticks its box."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import READER_CONTENT
from helpers import link_cursor, tab_to_link, visible_text, write
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel

from tms_info.content.library import Library
from tms_info.ui import article_view
from tms_info.ui.article_accessibility import clean_text, read_structure
from tms_info.ui.main_window import MainWindow
from tms_info.ui.settings import MemorySettings, Preferences

Role = QAccessible.Role

EVERYTHING = """---
title: Everything on one page
summary: A page with every kind of part.
reviewed: 2026-11-25
---
## Before a session

People sometimes worry about relapse. Read [the second article](../01-basics/02-second.md).

- First point
- Second point

![A coil held near the left temple](../images/dot.svg "Where the coil sits")

### Side effects

| Side effect | How common? |
|---|---|
| Headache | Common |
| Scalp pain | Less common |

## Your questions

- [ ] Is TMS safe for me?
- [x] Can I drive home?
"""


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    local = tmp_path / "local"
    write(local / "20-structure" / "01-everything.md", EVERYTHING)
    shutil.copytree(READER_CONTENT / "images", local / "images")
    window = MainWindow(Library.load([READER_CONTENT], local_roots=[local]), Preferences(MemorySettings()))
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.start("structure/everything")
    return window


def parts(interface: QAccessibleInterface) -> list[QAccessibleInterface]:
    """Every accessible object inside `interface`, in reading order."""
    found, stack = [], [interface.child(i) for i in reversed(range(interface.childCount()))]
    while stack:
        child = stack.pop()
        if child is None:
            continue
        found.append(child)
        stack.extend(child.child(i) for i in reversed(range(child.childCount())))
    return found


def name(interface: QAccessibleInterface) -> str:
    return interface.text(QAccessible.Text.Name)


def described(interface: QAccessibleInterface) -> str:
    return interface.text(QAccessible.Text.Description)


def with_role(interfaces: list[QAccessibleInterface], role: QAccessible.Role) -> list[QAccessibleInterface]:
    return [interface for interface in interfaces if interface.role() == role]


def test_a_screen_reader_finds_headings_links_lists_tables_and_figures(window):
    article = QAccessible.queryAccessibleInterface(window.view)
    assert article.role() == Role.Document and name(article) == "Article"
    found = parts(article)

    levels = {name(h): h.attributesInterface().attributeValue(QAccessible.Attribute.Level)
              for h in with_role(found, Role.Heading)}
    assert levels == {"Everything on one page": 1, "Before a session": 2, "Side effects": 3, "Your questions": 2}

    links = {name(link): described(link) for link in with_role(found, Role.Link)}
    assert links["the second article"] == "Page: Second article", "a page link says which page it opens"
    assert links["relapse"] == "When depression comes back after it got better.", "a glossary word, its meaning"

    lists = with_role(found, Role.List)
    assert [name(item) for item in parts(lists[0])] == ["First point", "Second point"]
    assert all(item.role() == Role.ListItem for item in parts(lists[0]))

    table = with_role(found, Role.Table)[0]
    rows = [table.child(i) for i in range(table.childCount())]
    assert [row.role() for row in rows] == [Role.Row] * 3
    assert [name(rows[1].child(i)) for i in range(rows[1].childCount())] == ["Headache", "Common"]
    assert rows[1].child(0).role() == Role.Cell and rows[0].child(0).role() == Role.ColumnHeader

    picture = with_role(found, Role.Graphic)[0]
    assert name(picture) == "A coil held near the left temple"
    assert described(picture) == "Where the coil sits"
    assert name(picture.parent()) == "Where the coil sits", "the figure is named by its caption"

    boxes = with_role(found, Role.CheckBox)
    assert [(name(box), box.state().checked) for box in boxes] == [
        ("Is TMS safe for me?", False), ("Can I drive home?", True)]
    assert all(box.state().checkable for box in boxes)


def test_no_stray_characters_reach_the_screen_reader(window):
    for interface in parts(QAccessible.queryAccessibleInterface(window.view)):
        for text in (name(interface), described(interface)):
            assert not set(text) & {"\ufdd0", "\ufdd1", "\ufffc", "\u2028", "\u2029"}, repr(text)


def test_the_structure_follows_the_page_being_read(window):
    article = QAccessible.queryAccessibleInterface(window.view)
    assert "Side effects" in [name(h) for h in with_role(parts(article), Role.Heading)]
    window.open_page("basics/checklist")
    headings_now = [name(h) for h in with_role(parts(article), Role.Heading)]
    assert headings_now == ["Questions to ask", "Before you start", "Sources"]
    window.action("back").trigger()
    assert "Side effects" in [name(h) for h in with_role(parts(article), Role.Heading)]


def test_a_link_can_be_followed_through_its_accessible_action(window):
    article = QAccessible.queryAccessibleInterface(window.view)
    link = next(i for i in with_role(parts(article), Role.Link) if name(i) == "the second article")
    action = link.actionInterface()
    assert QAccessibleActionInterface.pressAction() in action.actionNames()
    action.doAction(QAccessibleActionInterface.pressAction())
    assert window.windowTitle().startswith("Second article")


def test_a_box_can_be_ticked_through_its_accessible_action(window):
    article = QAccessible.queryAccessibleInterface(window.view)
    box = with_role(parts(article), Role.CheckBox)[0]
    box.actionInterface().doAction(QAccessibleActionInterface.toggleAction())
    assert visible_text(window.view).count("☑") == 2


def test_structure_is_read_from_any_document():
    document = QTextDocument()
    document.setHtml("<h2>A</h2><ul><li>one<ul><li>inner</li></ul></li><li>two</li></ul>"
                     "<table><tr><td>x</td><td>y</td></tr><tr><td>z</td><td>w</td></tr></table>"
                     "<table><tr><td><p><b>Key points</b></p><p>Boxed text</p></td></tr></table>")
    root = read_structure(document)
    roles = [part.role for part in root.children]
    assert roles == [Role.Heading, Role.List, Role.Table, Role.Grouping]
    outer = root.children[1]
    assert [item.name for item in outer.children] == ["one", "two"]
    assert outer.children[0].children[0].role == Role.List, "a nested list sits in its item"
    assert root.children[3].name == "Key points", "a box is a group named by its title"
    assert (root.children[0].level, root.children[0].name) == (2, "A")
    assert clean_text("a\ufdd0b\u2029c\ufffc") == "ab c"


# ----- glossary words reached by keyboard or clicked ----------------------------------------

@pytest.fixture
def announced(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(article_view, "announce", lambda _widget, text, **_kwargs: said.append(text))
    return said


def test_a_glossary_word_reached_by_keyboard_shows_and_says_its_meaning(window, qtbot, announced):
    assert tab_to_link(qtbot, window.view, "glossary:relapse") == "glossary:relapse"
    meaning = "relapse: When depression comes back after it got better."
    assert announced == [meaning]
    assert window.statusBar().currentMessage() == meaning
    box = window.view.findChild(QLabel, "meaningBox")
    assert box.isVisible() and box.text() == meaning
    word = window.view.cursorRect(window.view.textCursor())
    assert box.geometry().top() >= word.bottom(), "under the word"
    assert window.view.viewport().rect().contains(box.geometry()), "inside the page"
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert not box.isVisible(), "the next link hides it"


def test_clicking_a_glossary_word_says_its_meaning_and_opens_the_entry(window, qtbot, announced):
    cursor = link_cursor(window.view, "relapse")
    middle = QTextCursor(window.view.document())
    middle.setPosition(cursor.selectionStart() + 2)
    window.view.setTextCursor(middle)
    window.view.ensureCursorVisible()
    point = window.view.cursorRect(middle).center()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert announced == ["relapse: When depression comes back after it got better."]
    assert window.panels.glossary.entry.toPlainText().startswith("relapse") or "relapse" in window.panels.glossary.entry.toPlainText()


# ----- the whole line of a checklist question ticks its box ---------------------------------

def line_point(window: MainWindow, words: str, offset: int = 4) -> QPoint:
    """A spot in the words of a line (not on its box), scrolled into view."""
    cursor = window.view.document().find(words)
    assert not cursor.isNull()
    spot = QTextCursor(window.view.document())
    spot.setPosition(cursor.selectionStart() + offset)
    window.view.setTextCursor(spot)
    window.view.ensureCursorVisible()
    return window.view.cursorRect(spot).center()


def test_clicking_the_words_of_a_question_ticks_and_unticks_its_box(window, qtbot):
    viewport = window.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=line_point(window, "safe for me?"))
    assert visible_text(window.view).count("☑") == 2
    assert "☑ Is TMS safe" in visible_text(window.view)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=line_point(window, "safe for me?"))
    assert "☐ Is TMS safe" in visible_text(window.view)


def test_clicking_a_plain_list_line_ticks_nothing(window, qtbot):
    before = visible_text(window.view)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=line_point(window, "First point"))
    assert visible_text(window.view) == before


@pytest.mark.parametrize("key", [Qt.Key.Key_Space, Qt.Key.Key_Return])
def test_space_or_enter_on_a_question_ticks_it_and_the_keyboard_stays_there(window, qtbot, key, announced):
    href = tab_to_link(qtbot, window.view, "tick:")
    assert href == "tick:0"
    qtbot.keyClick(window.view, key)
    assert "☑ Is TMS safe" in visible_text(window.view)
    assert window.view.focused_link()[0] == "tick:0", "Tab goes on from the same box"
    assert announced[-1] == "Ticked: Is TMS safe for me?"
    qtbot.keyClick(window.view, key)
    assert "☐ Is TMS safe" in visible_text(window.view)
    assert announced[-1] == "Not ticked: Is TMS safe for me?"


def test_clicking_a_glossary_word_of_two_words_says_all_of_it(make_window, qtbot, announced):
    window = make_window("basics/first")
    cursor = link_cursor(window.view, "Deep TMS")
    spot = QTextCursor(window.view.document())
    spot.setPosition(cursor.selectionStart() + 6)  # on "TMS", the second word
    window.view.setTextCursor(spot)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.cursorRect(spot).center())
    assert announced == ["Deep TMS: TMS with a coil that reaches a little deeper into the brain."]


def test_larger_text_keeps_the_keyboard_on_its_box_and_says_nothing(window, qtbot, announced):
    tab_to_link(qtbot, window.view, "tick:1")
    said_before = len(announced)
    window.larger_text()
    assert window.view.focused_link()[0] == "tick:1"
    assert announced[said_before:] == [], "nothing was ticked"
