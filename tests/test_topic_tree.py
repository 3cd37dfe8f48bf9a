"""The topic list on its own, as a reader meets it: sections and their articles in the library's
order, which sections are open, the page being read marked without being opened again, pages
chosen with the mouse and the keyboard, and rows that wrap instead of cutting a word off."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import READER_CONTENT
from PySide6 import QtGui
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QTreeWidgetItem

from tms_info.content.library import Library
from tms_info.content.model import HOME_ID, Page, TreeNode
from tms_info.ui.topic_tree import OPEN_SECTIONS_UP_TO, PAGE_ID_ROLE, TopicTree

LONG_TITLE = "How a course of treatment is planned with your clinic team over the six weeks it lasts"


def page(page_id: str, title: str, *, section: bool = False, summary: str = "") -> Page:
    return Page(id=page_id, title=title, body="", source=Path(f"{page_id}.md"), summary=summary,
                is_section=section)


HOME = page(HOME_ID, "Welcome", summary="Start here.")
SMALL = (
    TreeNode(page("basics", "Basics", section=True), (
        TreeNode(page("basics/first", "First article")),
        TreeNode(page("basics/second", "Second article")),
        TreeNode(page("basics/more", "More", section=True), (
            TreeNode(page("basics/more/deep", "A page two sections down")),)),
    )),
    TreeNode(page("treatment", "Treatment", section=True), (
        TreeNode(page("treatment/course", LONG_TITLE)),)),
    TreeNode(page("help-now", "Help now")),
)


def library_of(rows: int) -> tuple[TreeNode, ...]:
    """Sections of up to ten rows (the section and its articles) making, with the home page,
    exactly `rows` rows."""
    nodes: list[TreeNode] = []
    left = rows - 1
    number = 0
    while left:
        articles = min(9, left - 1)
        section = f"part-{number}"
        children = [TreeNode(page(f"{section}/page-{n}", f"Part {number}, page {n}")) for n in range(articles)]
        nodes.append(TreeNode(page(section, f"Part {number}", section=True), tuple(children)))
        left -= articles + 1
        number += 1
    return tuple(nodes)


def nested_large_library() -> tuple[TreeNode, ...]:
    """More rows than OPEN_SECTIONS_UP_TO, with a page two sections down in the last section."""
    nodes = library_of(OPEN_SECTIONS_UP_TO + 1)
    inner = TreeNode(page("last/inner", "Inner", section=True), (TreeNode(page("last/inner/deep", "Deep page")),))
    return (*nodes, TreeNode(page("last", "Last", section=True), (inner,)))


@pytest.fixture
def make_tree(qtbot):
    def make(nodes: tuple[TreeNode, ...] = SMALL, home: Page | None = HOME, width: int = 320,
             height: int = 480) -> TopicTree:
        tree = TopicTree()
        qtbot.addWidget(tree)
        font = QFont(tree.font())  # a size of its own: an earlier test's window may have left the app's larger
        font.setPointSize(10)
        tree.setFont(font)
        tree.set_topics(home, nodes)
        tree.resize(width, height)
        tree.show()
        qtbot.waitExposed(tree)
        return tree
    return make


def rows(tree: TopicTree) -> list[tuple[int, str, str]]:
    """Every row, top to bottom as in the list when all is open: (depth, title, page id)."""
    found: list[tuple[int, str, str]] = []

    def walk(item: QTreeWidgetItem, depth: int) -> None:
        found.append((depth, item.text(0), item.data(0, PAGE_ID_ROLE)))
        for row in range(item.childCount()):
            walk(item.child(row), depth + 1)

    for row in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(row), 0)
    return found


def sections(tree: TopicTree) -> list[QTreeWidgetItem]:
    return [item for _, _, page_id in rows(tree) if (item := tree.item_for(page_id)).childCount()]


def is_in_view(tree: TopicTree, page_id: str) -> bool:
    rect = tree.visualItemRect(tree.item_for(page_id))
    return rect.isValid() and tree.viewport().rect().contains(rect)


def click(qtbot, tree: TopicTree, page_id: str) -> None:
    rect = tree.visualItemRect(tree.item_for(page_id))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def shown_as(tooltip: str) -> str:
    """What a tooltip shows: Qt reads it as rich text when it looks like some."""
    if not QtGui.Qt.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


# What the list holds

def test_the_home_page_comes_first_then_each_section_with_its_pages_under_it(make_tree):
    tree = make_tree()
    assert rows(tree) == [
        (0, "Welcome", "home"),
        (0, "Basics", "basics"),
        (1, "First article", "basics/first"),
        (1, "Second article", "basics/second"),
        (1, "More", "basics/more"),
        (2, "A page two sections down", "basics/more/deep"),
        (0, "Treatment", "treatment"),
        (1, LONG_TITLE, "treatment/course"),
        (0, "Help now", "help-now"),
    ]
    assert tree.item_for("basics/more/deep").text(0) == "A page two sections down"
    assert tree.item_for("glossary/tms") is None


def test_the_list_follows_the_order_of_a_library_read_from_its_folders(qtbot):
    library = Library.load([READER_CONTENT])
    tree = TopicTree()
    qtbot.addWidget(tree)
    tree.set_topics(library.page(HOME_ID), library.tree())
    assert [(depth, title) for depth, title, _ in rows(tree)] == [
        (0, "Welcome"), (0, "Basics"), (1, "First article"), (1, "Second article"), (1, "Questions to ask"),
        (0, "Help now")]


def test_without_a_home_page_the_list_starts_with_the_first_section(make_tree):
    tree = make_tree(home=None)
    assert tree.topLevelItem(0).text(0) == "Basics"
    assert tree.item_for(HOME_ID) is None


def test_a_summary_is_the_tooltip_of_its_row_shown_as_written(make_tree):
    summary = 'Fewer than <b>5</b> sessions & <img src="https://example.org/x.png"> no picture'
    tree = make_tree((TreeNode(page("odd", "Odd", summary=summary)), TreeNode(page("plain", "Plain"))))
    assert shown_as(tree.item_for(HOME_ID).toolTip(0)) == "Start here."
    assert shown_as(tree.item_for("odd").toolTip(0)) == summary, "markup in a summary is shown, not obeyed"
    assert tree.item_for("plain").toolTip(0) == "", "no summary, no empty tooltip"


def test_the_list_tells_a_screen_reader_what_it_is(make_tree):
    tree = make_tree()
    assert tree.accessibleName() == "Topics"
    assert "arrow keys" in tree.accessibleDescription()


def test_filling_the_list_again_replaces_the_old_topics_without_opening_a_page(make_tree, qtbot):
    tree = make_tree()
    tree.show_current("basics/first")
    assert tree.currentItem() is tree.item_for("basics/first")
    with qtbot.assertNotEmitted(tree.pageChosen):
        tree.set_topics(None, (TreeNode(page("other", "Another library")),))
    assert rows(tree) == [(0, "Another library", "other")]
    assert tree.item_for("basics/first") is None and tree.currentItem() is None


# Which sections are open

def test_in_a_small_library_every_section_is_open(make_tree):
    tree = make_tree()
    assert [item.text(0) for item in sections(tree)] == ["Basics", "More", "Treatment"]
    assert all(item.isExpanded() for item in sections(tree))
    assert is_in_view(tree, "basics/more/deep")


@pytest.mark.parametrize(("count", "open_"), [(OPEN_SECTIONS_UP_TO, True), (OPEN_SECTIONS_UP_TO + 1, False)])
def test_sections_start_closed_only_past_the_limit(make_tree, count, open_):
    tree = make_tree(library_of(count))
    assert len(rows(tree)) == count
    assert {item.isExpanded() for item in sections(tree)} == {open_}


def test_in_a_large_library_the_section_of_the_page_being_read_opens_and_is_scrolled_to(make_tree, qtbot):
    tree = make_tree(nested_large_library(), height=300)
    assert not tree.item_for("last").isExpanded()
    with qtbot.assertNotEmitted(tree.pageChosen):
        tree.show_current("last/inner/deep")
    assert tree.item_for("last").isExpanded() and tree.item_for("last/inner").isExpanded()
    assert not any(item.isExpanded() for item in sections(tree) if item.text(0).startswith("Part"))
    assert tree.currentItem() is tree.item_for("last/inner/deep")
    qtbot.waitUntil(lambda: is_in_view(tree, "last/inner/deep"))
    assert not is_in_view(tree, HOME_ID)


def test_reopening_a_large_library_keeps_only_the_current_section_open(make_tree):
    """As after a kiosk's reset: the sections a reader opened close again, except the one being read."""
    tree = make_tree(nested_large_library())
    for part in ("part-0", "part-3", "part-7"):
        tree.item_for(part).setExpanded(True)
    tree.show_current("part-3/page-2")
    tree.open_sections()
    assert [item.text(0) for item in sections(tree) if item.isExpanded()] == ["Part 3"]
    assert tree.currentItem() is tree.item_for("part-3/page-2")


def test_reopening_a_small_library_opens_the_sections_a_reader_closed(make_tree, qtbot):
    tree = make_tree()
    tree.show_current("help-now")
    tree.item_for("basics").setExpanded(False)
    tree.item_for("treatment").setExpanded(False)
    with qtbot.assertNotEmitted(tree.pageChosen):
        tree.open_sections()
    assert all(item.isExpanded() for item in sections(tree))
    assert tree.currentItem() is tree.item_for("help-now")


# The page being read

def test_the_page_being_read_is_marked_without_being_chosen_again(make_tree, qtbot):
    tree = make_tree()
    with qtbot.assertNotEmitted(tree.pageChosen):
        tree.show_current("basics/second")
    assert tree.currentItem() is tree.item_for("basics/second")
    assert tree.selectedItems() == [tree.item_for("basics/second")]


def test_a_section_page_shows_the_pages_under_it(make_tree):
    tree = make_tree()
    tree.item_for("basics").setExpanded(False)
    tree.show_current("basics")
    assert tree.item_for("basics").isExpanded()
    assert is_in_view(tree, "basics/first")


def test_a_page_not_in_the_list_leaves_no_row_marked(make_tree, qtbot):
    """A glossary entry or a missing page: the list does not pretend another page is being read."""
    tree = make_tree()
    tree.show_current("basics/first")
    with qtbot.assertNotEmitted(tree.pageChosen):
        tree.show_current("glossary/tms")
    assert tree.currentItem() is None
    assert tree.selectedItems() == []


def test_the_page_being_read_is_marked_before_the_list_is_shown(qtbot):
    """The window marks the start page before it is on screen: its section is open when it shows."""
    tree = TopicTree()
    qtbot.addWidget(tree)
    tree.set_topics(HOME, nested_large_library())
    tree.show_current("last/inner/deep")
    assert tree.item_for("last/inner").isExpanded()
    tree.show()
    qtbot.waitExposed(tree)
    qtbot.waitUntil(lambda: is_in_view(tree, "last/inner/deep"))


# Choosing a page

def test_clicking_a_topic_chooses_it(make_tree, qtbot):
    tree = make_tree()
    tree.show_current("basics/first")
    with qtbot.waitSignal(tree.pageChosen, timeout=1000) as chosen:
        click(qtbot, tree, "help-now")
    assert chosen.args == ["help-now"]
    assert tree.currentItem() is tree.item_for("help-now")


def test_clicking_the_page_being_read_does_not_open_it_again(make_tree, qtbot):
    tree = make_tree()
    tree.show_current("basics/first")
    with qtbot.assertNotEmitted(tree.pageChosen):
        click(qtbot, tree, "basics/first")
    assert tree.currentItem() is tree.item_for("basics/first")


def test_clicking_a_topic_after_a_glossary_entry_chooses_it(make_tree, qtbot):
    tree = make_tree()
    tree.show_current("glossary/tms")
    assert tree.currentItem() is None
    with qtbot.waitSignal(tree.pageChosen, timeout=1000) as chosen:
        click(qtbot, tree, "basics/second")
    assert chosen.args == ["basics/second"]


def test_the_arrow_keys_choose_each_page_they_move_to(make_tree, qtbot):
    tree = make_tree()
    tree.show_current("basics/first")
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    def press(key: Qt.Key, expected: str) -> None:
        with qtbot.waitSignal(tree.pageChosen, timeout=1000) as chosen:
            qtbot.keyClick(tree, key)
        assert chosen.args == [expected], key
        assert tree.currentItem() is tree.item_for(expected)

    for key, expected in [(Qt.Key.Key_Down, "basics/second"), (Qt.Key.Key_Down, "basics/more"),
                          (Qt.Key.Key_Down, "basics/more/deep"), (Qt.Key.Key_Up, "basics/more")]:
        press(key, expected)
    with qtbot.assertNotEmitted(tree.pageChosen):
        qtbot.keyClick(tree, Qt.Key.Key_Left)
    assert not tree.item_for("basics/more").isExpanded(), "Left on an open section closes it"
    for key, expected in [(Qt.Key.Key_Left, "basics"), (Qt.Key.Key_End, "help-now"), (Qt.Key.Key_Home, HOME_ID)]:
        press(key, expected)


def test_moving_to_a_page_then_pressing_enter_opens_it_once(make_tree, qtbot):
    """Enter on the page the arrow keys already opened does not open it a second time (one step
    back in the history, not two)."""
    tree = make_tree()
    tree.show_current("basics/first")
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    chosen: list[str] = []
    tree.pageChosen.connect(chosen.append)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.keyClick(tree, Qt.Key.Key_Enter)
    assert chosen == ["basics/second"]


def test_the_arrow_keys_open_a_closed_section_in_a_large_library(make_tree, qtbot):
    tree = make_tree(nested_large_library())
    tree.show_current("part-0/page-8")
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    assert not tree.item_for("part-1").isExpanded()
    with qtbot.waitSignal(tree.pageChosen, timeout=1000) as chosen:
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert chosen.args == ["part-1"]
    with qtbot.assertNotEmitted(tree.pageChosen):
        qtbot.keyClick(tree, Qt.Key.Key_Right)
    assert tree.item_for("part-1").isExpanded()
    with qtbot.waitSignal(tree.pageChosen, timeout=1000) as chosen:
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert chosen.args == ["part-1/page-0"]


# Width and wrapping

def row_height(tree: TopicTree, page_id: str) -> int:
    return tree.visualItemRect(tree.item_for(page_id)).height()


def test_a_long_title_wraps_onto_more_lines_when_the_list_is_narrowed_and_back_when_widened(make_tree, qtbot):
    tree = make_tree(width=900)
    one_line = row_height(tree, "help-now")
    qtbot.waitUntil(lambda: row_height(tree, "treatment/course") == one_line)
    tree.resize(max(tree.minimumWidth(), 220), tree.height())
    qtbot.waitUntil(lambda: row_height(tree, "treatment/course") >= 3 * one_line - 10)
    assert row_height(tree, "help-now") == one_line, "a short title stays on one line"
    tree.resize(900, tree.height())
    qtbot.waitUntil(lambda: row_height(tree, "treatment/course") == one_line)


def test_the_list_is_never_narrower_than_its_longest_word_at_any_text_size(make_tree, qtbot):
    word = "Antidepressants"
    nodes = (TreeNode(page("a", "A", section=True), (
        TreeNode(page("a/b", "B", section=True), (TreeNode(page("a/b/c", f"Why {word} help")),)),)),)
    tree = make_tree(nodes)
    normal = QFont(tree.font())
    narrowest = tree.minimumWidth()
    larger = QFont(normal)
    larger.setPointSizeF(normal.pointSizeF() * 2.5)
    tree.setFont(larger)
    assert tree.minimumWidth() > narrowest, "larger text widens the list"
    tree.resize(tree.minimumWidth(), tree.height())
    qtbot.waitUntil(lambda: tree.width() == tree.minimumWidth())
    deep = tree.indexFromItem(tree.item_for("a/b/c"))
    assert tree.fontMetrics().horizontalAdvance(word) <= tree.itemDelegate().text_width(deep), \
        "the longest word, three levels in, fits whole on its line"
    tree.setFont(normal)
    assert tree.minimumWidth() == narrowest, "back to normal text, the list may be as narrow as before"


def test_a_row_without_words_does_not_stop_the_list_being_fitted(make_tree):
    tree = make_tree((TreeNode(page("blank", "")), TreeNode(page("word", "Word"))))
    assert tree.item_for("blank").text(0) == ""
    assert tree.minimumWidth() > tree.fontMetrics().horizontalAdvance("Word")


def test_words_joined_by_a_no_break_space_are_kept_whole_as_one_word(make_tree, qtbot):
    """A clinic's title may hold a no-break space ("120\u00a0per\u00a0cent", typed by a word processor,
    or before "?" in French): Qt never breaks a line there, so the list must fit the whole run."""
    title = "A dose of 120\u00a0per\u00a0cent\u202fof\u00a0threshold"
    tree = make_tree((TreeNode(page("dose", title)),))
    large = QFont(tree.font())
    large.setPointSizeF(large.pointSizeF() * 2)
    tree.setFont(large)
    tree.resize(tree.minimumWidth(), tree.height())
    qtbot.waitUntil(lambda: tree.width() == tree.minimumWidth())
    width = tree.itemDelegate().text_width(tree.indexFromItem(tree.item_for("dose")))
    laid_out = tree.fontMetrics().boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), title)
    assert laid_out.width() <= width, "no part of the title is cut off at the right"
