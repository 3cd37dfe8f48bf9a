"""How the app looks: the bundled typeface, semibold headings, roomy lines, boxes with a coloured
bar, glossary words told from page links by more than colour, the app's own icons, captions under
their pictures and sources without brackets."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontInfo, QIcon, QRawFont, QTextCursor
from PySide6.QtWidgets import QApplication

from tms_info.content.library import Library
from tms_info.content.render import Renderer
from tms_info.content.style import DARK, FONT_FAMILY, THEMES, contrast_ratio
from tms_info.fonts import install_fonts
from tms_info.locations import bundled_content_roots, resources_root
from tms_info.ui import icons
from tms_info.ui.theme import palette_for

OBJECT = "\ufffc"


def blocks(document) -> list:
    block, found = document.begin(), []
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def char_format_at(document, text: str):
    cursor = document.find(text)
    assert not cursor.isNull(), f"{text!r} is not on the page"
    probe = QTextCursor(document)
    probe.setPosition(cursor.selectionStart() + 1)
    return probe.charFormat()


# ----- the typeface ---------------------------------------------------------------------------

def test_the_bundled_font_is_installed_with_its_licence_and_reads_spanish(qapp):
    assert install_fonts() == FONT_FAMILY
    assert {"Regular", "Italic", "SemiBold", "Bold"} <= set(QFontDatabase.styles(FONT_FAMILY))
    assert "SIL Open Font License" in (resources_root() / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    raw = QRawFont.fromFont(QFont(FONT_FAMILY))
    assert all(raw.supportsCharacter(ord(character)) for character in "áéíóúñü¿¡“”…’")


def test_the_application_uses_the_font_at_the_size_the_system_gives(qapp):
    from tms_info.ui.app import create_application

    before = QApplication.font()
    try:
        app = create_application()
        assert QFontInfo(app.font()).family() == FONT_FAMILY
        assert app.font().pointSizeF() == before.pointSizeF() and app.font().pixelSize() == before.pixelSize()
    finally:
        QApplication.setFont(before)


def test_article_text_is_in_the_font_with_semibold_headings_and_lines_one_and_a_half_apart(window):
    install_fonts()
    window.open_page("basics/first")
    document = window.view.document()
    heading = char_format_at(document, "First article")
    assert heading.fontWeight() == QFont.Weight.DemiBold
    assert QFontInfo(heading.font()).family() == FONT_FAMILY
    paragraph = next(block for block in blocks(document) if block.text().startswith("rTMS is a kind of TMS"))
    assert QFontInfo(paragraph.charFormat().font()).family() == FONT_FAMILY
    assert paragraph.blockFormat().lineHeightType() == 1  # proportional
    assert paragraph.blockFormat().lineHeight() == 150


# ----- boxes and links ------------------------------------------------------------------------

@pytest.mark.parametrize("theme_name", ["light", "dark", "high-contrast"])
def test_a_box_has_a_tinted_fill_and_a_coloured_bar_on_its_left_only(window, theme_name):
    window.set_theme(theme_name)
    theme = THEMES[theme_name]
    document = window.view.document()
    cursor = document.find("Deep TMS uses a different coil")
    table = cursor.currentTable()
    assert table is not None, "the key points are in a box"
    cell = table.cellAt(cursor).format().toTableCellFormat()
    assert cell.leftBorder() >= 4
    assert cell.leftBorderBrush().color() == QColor(theme.key_border)
    assert cell.topBorder() == cell.rightBorder() == cell.bottomBorder() == 0
    assert cell.background().color() == QColor(theme.key_bg)


def test_the_bar_of_every_box_stands_out_from_the_page_and_from_its_fill():
    for theme in THEMES.values():
        for fill, bar in (("key_bg", "key_border"), ("evidence_bg", "evidence_border"),
                          ("care_bg", "care_border"), ("crisis_bg", "crisis_border")):
            assert contrast_ratio(getattr(theme, bar), theme.background) >= 3, (theme.name, bar)
            if theme.name != "high-contrast":  # there the fill is the page's black and the bar white
                assert contrast_ratio(getattr(theme, bar), getattr(theme, fill)) >= 3, (theme.name, bar)


def test_glossary_words_have_a_dotted_underline_and_page_links_a_solid_one(window):
    document = window.view.document()
    term = char_format_at(document, "rTMS")
    assert term.anchorHref().startswith("glossary:") and term.underlineStyle() == term.UnderlineStyle.DotLine
    assert term.toolTip(), "the glossary word still shows its meaning when pointed at"
    page_link = next(char_format_at(document, text) for text in ("later part", "Later part", "second")
                     if not document.find(text).isNull() and char_format_at(document, text).isAnchor())
    assert page_link.anchorHref().startswith("article:")
    assert page_link.underlineStyle() == page_link.UnderlineStyle.SingleUnderline


# ----- icons ----------------------------------------------------------------------------------

def _coloured_share(icon: QIcon, colour: str, mode: QIcon.Mode = QIcon.Mode.Normal,
                    state: QIcon.State = QIcon.State.Off) -> float:
    image = icon.pixmap(QSize(24, 24), mode, state).toImage()
    target, drawn, matching = QColor(colour), 0, 0
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > 200:
                drawn += 1
                matching += max(abs(pixel.red() - target.red()), abs(pixel.green() - target.green()),
                                abs(pixel.blue() - target.blue())) <= 24
    return matching / drawn if drawn else 0.0


def test_every_icon_of_the_set_is_drawn_in_the_colour_asked_for(qapp):
    for name in icons.NAMES:
        assert (resources_root() / "icons" / f"{name}.svg").is_file()
        assert _coloured_share(icons.themed_icon(name, "#ff0000"), "#ff0000") > 0.9, name


@pytest.mark.parametrize("theme_name", ["light", "dark", "high-contrast"])
def test_the_toolbar_icons_follow_the_theme(window, theme_name):
    window.set_theme(theme_name)
    theme = THEMES[theme_name]
    for action in (window.action("home"), window.action("save"), window.action("print")):
        assert _coloured_share(action.icon(), theme.text) > 0.9, action.text()
    window_colour = palette_for(theme).window().color().name()
    assert contrast_ratio(theme.text, window_colour) >= 4.5
    assert contrast_ratio(icons.DISABLED_COLOURS[theme_name], window_colour) >= 3
    assert contrast_ratio(icons.HELP_NOW_COLOURS[theme_name], {"light": "#fbe3da", "dark": "#5a2a1c",
                                                               "high-contrast": "#000000"}[theme_name]) >= 4.5


def test_the_star_is_filled_while_the_page_is_saved(window):
    icon = window.action("save").icon()
    empty = icon.pixmap(QSize(24, 24), QIcon.Mode.Normal, QIcon.State.Off).toImage()
    filled = icon.pixmap(QSize(24, 24), QIcon.Mode.Normal, QIcon.State.On).toImage()

    def inked(image) -> int:
        return sum(image.pixelColor(x, y).alpha() > 200 for y in range(image.height()) for x in range(image.width()))

    assert inked(filled) > 1.5 * inked(empty)


# ----- pictures and sources -------------------------------------------------------------------

@pytest.mark.parametrize("language", ["en", "es"])
def test_each_caption_on_how_tms_works_sits_right_under_its_picture(qapp, language):
    from PySide6.QtGui import QTextDocument

    library = Library.load(bundled_content_roots(language), language=language)
    document = QTextDocument()
    html = Renderer(library).page_html(library.page("about/how-it-works"))
    document.setHtml(html)
    found = blocks(document)
    pictures = [index for index, block in enumerate(found) if OBJECT in block.text()]
    assert len(pictures) == 2
    for index in pictures:
        assert found[index].text().strip() == OBJECT
        caption = found[index + 1].text()
        assert caption.strip() and OBJECT not in caption and caption in html
    assert [kind for kind in re.findall(r'class="(figure|caption)"', html)] == ["figure", "caption"] * 2


def test_no_source_in_the_library_is_shown_with_its_year_in_brackets():
    for language in ("en", "es"):
        library = Library.load(bundled_content_roots(language), language=language)
        renderer = Renderer(library)
        for page in library.pages.values():
            if page.sources:
                html = renderer.page_html(page)
                listed = html[html.index('<h2 id="sources">'):]
                assert not re.search(r"\((1[89]|20)\d\d\)", listed), page.id


def test_dark_theme_text_keeps_its_contrast():
    for name in ("text", "heading", "muted", "link", "term"):
        assert contrast_ratio(getattr(DARK, name), DARK.background) >= 4.5


def test_icons_are_drawn_sharp_at_the_size_and_scale_a_screen_asks_for(qapp):
    icon = icons.themed_icon("home", "#ff0000")
    for scale in (1.0, 1.5, 2.0):
        pixmap = icon.pixmap(QSize(20, 20), scale)
        assert pixmap.width() == round(20 * scale) and pixmap.devicePixelRatio() == scale
    assert _coloured_share(icon, "#ff0000") > 0.9
