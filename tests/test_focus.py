"""Keyboard and focus: a strong focus ring in every theme, F6 through the parts on the screen only,
and high contrast that shows scroll-bar handles and the Back and Forward icons."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QAccessible, QColor, QIcon, QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QListWidget,
    QPushButton,
    QStyle,
    QStyleOptionSlider,
    QVBoxLayout,
)

from tms_info.content.style import THEMES, contrast_ratio
from tms_info.ui import theme as theming
from tms_info.ui.focus_ring import RING_PX, FocusRings


def ring():
    rings = QApplication.instance().findChild(FocusRings)
    assert rings is not None, "no focus ring"
    return rings.ring


def focus(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    QApplication.processEvents()


def ring_pixels(window, widget) -> list[QColor]:
    """The colours just inside the widget's left, top, right and bottom edges, as drawn."""
    image = window.grab().toImage()
    top_left = widget.mapTo(window, QPoint(0, 0))
    x, y, w, h = top_left.x(), top_left.y(), widget.width(), widget.height()
    points = [(x + 1, y + h // 2), (x + w // 2, y + 1), (x + w - 2, y + h // 2), (x + w // 2, y + h - 2),
              (x + RING_PX - 1, y + h // 2)]
    ratio = image.devicePixelRatio()
    return [QColor(image.pixel(round(px * ratio), round(py * ratio))) for px, py in points]


@pytest.mark.parametrize("name", ["light", "dark", "high-contrast"])
def test_every_kind_of_control_shows_a_strong_ring_in_the_themes_colour(make_window, qtbot, name):
    window = make_window()
    window.set_theme(name)
    window.glossary_dock.show()
    window.find_bar.open_bar()
    colour = QColor(theming.FOCUS_COLOURS[name])
    controls = [window.tree, window.view, window.search.field, window.panels.glossary.term_list,
                window.panels.glossary.filter_box, window.find_bar.close_button, window.find_bar.field]
    for control in controls:
        focus(qtbot, control)
        assert ring().isVisible() and ring().widget() is control
        assert ring().mapToGlobal(QPoint(0, 0)) == control.mapToGlobal(QPoint(0, 0))
        assert ring().size() == control.size()
        assert all(pixel == colour for pixel in ring_pixels(window, control)), control.objectName()


def test_checkboxes_and_buttons_in_a_dialog_show_the_ring_too(make_window, qtbot):
    window = make_window()
    dialog = QDialog(window)
    box, button = QCheckBox("Remember me"), QPushButton("Close")
    layout = QVBoxLayout(dialog)
    layout.addWidget(box)
    layout.addWidget(button)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    for control in (box, button):
        focus(qtbot, control)
        assert ring().isVisible() and ring().widget() is control
        assert ring().parentWidget() is dialog
        colour = QColor(theming.FOCUS_COLOURS[window.theme.name])
        assert all(pixel == colour for pixel in ring_pixels(dialog, control))
    dialog.reject()


def test_the_ring_is_two_to_three_pixels_and_clear_against_every_theme():
    assert 2 <= RING_PX <= 3
    window_colours = {"light": "#eef0f3", "dark": "#2a2e33", "high-contrast": "#000000"}
    for name, theme in THEMES.items():
        ring_colour = theming.FOCUS_COLOURS[name]
        assert contrast_ratio(ring_colour, theme.background) >= 3, name
        assert contrast_ratio(ring_colour, window_colours[name]) >= 3, name


def test_the_ring_follows_the_focus_and_leaves_with_it(make_window, qtbot):
    window = make_window()
    focus(qtbot, window.tree)
    assert ring().widget() is window.tree
    focus(qtbot, window.view)
    assert ring().widget() is window.view and ring().isVisible()
    focus(qtbot, window.search.field)
    assert ring().widget() is window.search.field
    window.view.clearFocus()
    window.search.field.clearFocus()  # nothing has the focus: no ring anywhere
    QApplication.processEvents()
    assert QApplication.focusWidget() is None and not ring().isVisible()


def test_a_screen_reader_never_meets_the_ring(make_window, qtbot):
    window = make_window()
    focus(qtbot, window.tree)
    seen = []

    def walk(interface, depth=0):
        if interface is None or depth > 12:
            return
        seen.append(interface.object())
        for index in range(interface.childCount()):
            walk(interface.child(index), depth + 1)

    walk(QAccessible.queryAccessibleInterface(window))
    assert ring() not in seen and len(seen) > 10


# ----- F6 ----------------------------------------------------------------------------------

def press_f6(qtbot, times: int, backwards: bool = False) -> list:
    visited = []
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6,
                       Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier)
        visited.append(QApplication.focusWidget())
    return visited


def test_f6_skips_the_glossary_behind_my_pages_and_reaches_my_pages(make_window, qtbot):
    window = make_window()
    window.glossary_dock.show()
    window.my_pages_dock.show()
    window.my_pages_dock.raise_()  # My pages on top, the glossary behind it
    QApplication.processEvents()
    assert window.glossary_dock.isVisible()  # Qt still calls it visible: the reason for the check
    focus(qtbot, window.tree)
    visited = press_f6(qtbot, 4)
    assert window.panels.glossary.filter_box not in visited
    assert visited[1] is window.panels.my_pages.focus_target() and window.panels.my_pages.isAncestorOf(visited[1])
    assert visited == [window.view, visited[1], window.search.field, window.tree]
    qtbot.keyClicks(visited[1], "abc")
    assert window.panels.glossary.filter_box.text() == ""
    assert press_f6(qtbot, 1, backwards=True) == [window.search.field]


def test_f6_reaches_both_panels_when_both_are_on_the_screen(make_window, qtbot):
    window = make_window()
    window.glossary_dock.show()
    window.my_pages_dock.show()
    window.removeDockWidget(window.my_pages_dock)  # out of the glossary's tabs, under it
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.my_pages_dock, Qt.Orientation.Vertical)
    window.my_pages_dock.show()
    QApplication.processEvents()
    focus(qtbot, window.view)
    visited = press_f6(qtbot, 3)
    assert visited[0] is window.panels.glossary.filter_box
    assert window.panels.my_pages.isAncestorOf(visited[1])
    assert visited[2] is window.search.field


def test_f6_skips_closed_panels(make_window, qtbot):
    window = make_window()
    window.glossary_dock.hide()
    window.my_pages_dock.hide()
    focus(qtbot, window.tree)
    assert press_f6(qtbot, 3) == [window.view, window.search.field, window.tree]


def test_f6_from_inside_a_panel_goes_on_to_the_next_area(make_window, qtbot):
    window = make_window()
    window.glossary_dock.show()
    window.glossary_dock.raise_()
    QApplication.processEvents()
    focus(qtbot, window.panels.glossary.term_list)  # in the glossary, not in its filter
    assert press_f6(qtbot, 1) == [window.search.field]


# ----- high contrast ----------------------------------------------------------------------------

def brightness(colour: QColor) -> float:
    return (colour.redF() + colour.greenF() + colour.blueF()) / 3


def test_high_contrast_scroll_bar_handles_can_be_seen(make_window, qtbot):
    window = make_window()
    window.set_theme("high-contrast")
    page_list = QListWidget(window)
    page_list.addItems([f"Row {n}" for n in range(200)])
    page_list.setGeometry(10, 10, 200, 300)
    page_list.show()
    QApplication.processEvents()
    bar = page_list.verticalScrollBar()
    assert bar.isVisible()
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    handle = bar.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                        QStyle.SubControl.SC_ScrollBarSlider, bar)
    image = bar.grab().toImage()
    centre = handle.center() * image.devicePixelRatio()
    assert brightness(QColor(image.pixel(centre))) > 0.8  # a white handle on black
    groove = QPoint(bar.width() // 2, min(bar.height() - 4, handle.bottom() + 20)) * image.devicePixelRatio()
    assert brightness(QColor(image.pixel(groove))) < 0.2


@pytest.mark.parametrize("part", ["topics", "terms", "search field"])
def test_high_contrast_lists_and_fields_have_a_frame_that_can_be_seen(window, part):
    """On pure black, Fusion's frames (a shade of the window colour) vanished: the topic list ran into
    the article with nothing between them."""
    window.set_theme("high-contrast")
    widget = {"topics": window.tree, "terms": window.panels.glossary.term_list,
              "search field": window.search.field}[part]
    QApplication.processEvents()
    image = widget.grab().toImage()
    ratio = image.devicePixelRatio()
    left_edge = [QColor(image.pixel(0, round(y * ratio))) for y in range(widget.height() // 3, widget.height() // 2)]
    assert min(brightness(colour) for colour in left_edge) > 0.5, "a light frame on black"


def visible_share(icon: QIcon, mode: QIcon.Mode) -> float:
    """How bright the drawn part of an icon is, 0 to 1 (its transparent part left out)."""
    image = icon.pixmap(QSize(20, 20), mode).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    drawn = [QColor.fromRgba(image.pixel(x, y)) for x in range(image.width()) for y in range(image.height())]
    drawn = [colour for colour in drawn if colour.alphaF() > 0.5]
    assert drawn, "the icon draws nothing"
    return sum(brightness(colour) for colour in drawn) / len(drawn)


@pytest.mark.parametrize("name", ["high-contrast", "dark"])
def test_back_and_forward_icons_stand_out_on_a_dark_window(make_window, name):
    window = make_window()
    window.set_theme(name)
    for action in (window.action("back"), window.action("forward")):
        assert visible_share(action.icon(), QIcon.Mode.Normal) > 0.7, action.text()
        assert visible_share(action.icon(), QIcon.Mode.Disabled) > 0.3, action.text()  # dimmer, still seen


# ----- after you move on ----------------------------------------------------------------------

@pytest.fixture
def searchable(make_window, qtbot, tmp_path):
    window = make_window("home", tmp_path / "cache")
    window.start_search_index()  # a no-op if the first paint started it: the state is checked, not a signal
    qtbot.waitUntil(lambda: window.index_loader.index is not None, timeout=10_000)
    return window


def type_search(qtbot, window, text: str) -> None:
    window.search.focus()
    qtbot.keyClicks(window.search.field, text)
    qtbot.waitUntil(lambda: window.search.popup.isVisible() and window.search.list.count() > 0, timeout=3000)


def test_opening_a_result_empties_the_search_box_and_keeps_the_words_marked(searchable, qtbot):
    window = searchable
    type_search(qtbot, window, "later part")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.windowTitle().startswith("Second article")
    assert window.search.field.text() == "" and not window.search.popup.isVisible()
    marked = [s.cursor.selectedText().lower() for s in window.view.extraSelections()]
    assert "later" in marked


def test_moving_on_from_the_search_box_lets_go_of_the_query(searchable, qtbot):
    window = searchable
    type_search(qtbot, window, "sessions")
    focus(qtbot, window.tree)
    assert window.search.field.text() == "" and not window.search.popup.isVisible()
    qtbot.keySequence(window.search.field, "Ctrl+Z")
    assert window.search.field.text() == ""


def test_moving_on_from_the_glossary_lets_go_of_the_filter(make_window, qtbot):
    window = make_window()
    window.glossary_dock.show()
    window.glossary_dock.raise_()
    glossary = window.panels.glossary
    focus(qtbot, glossary.filter_box)
    qtbot.keyClicks(glossary.filter_box, "rel")
    qtbot.keyClick(glossary.filter_box, Qt.Key.Key_Return)
    assert glossary.current_term_id == "relapse"
    assert len(glossary._visible_items()) == 1
    focus(qtbot, window.view)
    assert glossary.filter_box.text() == ""
    assert len(glossary._visible_items()) == glossary.term_list.count()  # the whole list again
    assert glossary.term_list.currentItem().text() == "relapse"  # the last term still marked
    assert "relapse" in glossary.entry.toPlainText().lower()


def test_a_word_opened_from_the_article_clears_an_old_filter(make_window, qtbot):
    window = make_window()
    window.glossary_dock.show()
    window.panels.glossary.filter_box.setText("rel")
    focus(qtbot, window.view)
    window.show_term("deep-tms")
    assert window.panels.glossary.filter_box.text() == ""
    assert len(window.panels.glossary._visible_items()) == window.panels.glossary.term_list.count()
    assert window.panels.glossary.current_term_id == "deep-tms"
