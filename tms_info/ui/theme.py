"""Colours for the whole window: light, dark and high contrast, or whatever the system uses.

The article's own colours come from the same Theme (tms_info.content.style), so the page and the
window around it always match, and the page is re-rendered when the theme changes.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QToolTip

from tms_info.content.style import DARK, HIGH_CONTRAST, LIGHT, THEMES, Theme
from tms_info.reading_session import SYSTEM_THEME

SYSTEM = SYSTEM_THEME
CHOICES = {  # the names are translated where they are shown, under the context "Theme"
    SYSTEM: QT_TRANSLATE_NOOP("Theme", "Follow the system"), "light": QT_TRANSLATE_NOOP("Theme", "Light"),
    "dark": QT_TRANSLATE_NOOP("Theme", "Dark"), "high-contrast": QT_TRANSLATE_NOOP("Theme", "High contrast"),
}


def resolve(choice: str, system_scheme: Qt.ColorScheme | None = None) -> Theme:
    """The theme a choice stands for; 'system' follows the desktop's light or dark setting (as
    just announced, or as the style hints say now)."""
    if choice in THEMES:
        return THEMES[choice]
    scheme = system_scheme if system_scheme is not None else QGuiApplication.styleHints().colorScheme()
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def palette_for(theme: Theme) -> QPalette:
    palette = QPalette()
    window = {"light": "#eef0f3", "dark": "#2a2e33", "high-contrast": "#000000"}[theme.name]

    highlight = {"light": "#2f6fb3", "dark": "#3d7fc4", "high-contrast": "#ffff00"}[theme.name]
    highlighted_text = "#000000" if theme is HIGH_CONTRAST else "#ffffff"
    roles = {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.background, QPalette.ColorRole.AlternateBase: window,
        QPalette.ColorRole.Text: theme.text, QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: theme.text, QPalette.ColorRole.ToolTipBase: theme.background,
        QPalette.ColorRole.ToolTipText: theme.text, QPalette.ColorRole.Highlight: highlight,
        QPalette.ColorRole.HighlightedText: highlighted_text, QPalette.ColorRole.Link: theme.link,
        QPalette.ColorRole.LinkVisited: theme.link, QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.BrightText: theme.heading,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor(theme.muted)
    disabled.setAlphaF(0.6)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    if theme is HIGH_CONTRAST:
        palette.setColor(QPalette.ColorRole.Light, QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.Mid, QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.Dark, QColor("#ffffff"))
    return palette


FOCUS_COLOURS = {"light": "#0b4a8f", "dark": "#ffd166", "high-contrast": "#00ffff"}
"""The focus ring's colour: at least 3:1 against the window and the page in each theme, and
unlike the colour of a selected row, so the ring is not taken for a selection."""

def _high_contrast_parts() -> dict[str, QPalette]:
    """Fusion draws the frames of fields and lists and the scroll-bar handles in shades of the window
    colour, which vanish on pure black: in high contrast they get colours of their own, by class. (A style sheet
    would do it too, but an application style sheet fixes every widget's font where it was, and
    the text size must be able to change.)"""
    scroll_bar = palette_for(HIGH_CONTRAST)
    for role, colour in ((QPalette.ColorRole.Button, "#ffffff"), (QPalette.ColorRole.ButtonText, "#000000"),
                         (QPalette.ColorRole.Window, "#000000"), (QPalette.ColorRole.Light, "#ffffff"),
                         (QPalette.ColorRole.Midlight, "#ffffff"), (QPalette.ColorRole.Mid, "#ffffff"),
                         (QPalette.ColorRole.Dark, "#ffffff"), (QPalette.ColorRole.Shadow, "#ffffff")):
        scroll_bar.setColor(role, QColor(colour))
    field = palette_for(HIGH_CONTRAST)
    field.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))  # Fusion's frame: a shade of it
    return {"QScrollBar": scroll_bar, "QLineEdit": field, "QAbstractItemView": field}


def apply(theme: Theme) -> None:
    app = QApplication.instance()
    if app.style().name().lower() != "fusion":
        app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(palette_for(theme))  # which also drops the palettes of single classes
    if theme is HIGH_CONTRAST:
        for class_name, palette in _high_contrast_parts().items():
            app.setPalette(palette, class_name)


class _ApplicationLook:
    """The colours and the text size are the application's, as menus, tooltips and dialogs are windows
    of their own that would not take a window's. The window that set them owns them: when it closes,
    the system's come back, unless another window (the same page in another language) took them over."""

    def __init__(self) -> None:
        self._system: tuple[QPalette, QFont] | None = None
        self._owner: int | None = None

    def take(self, owner: QObject) -> None:
        if self._system is None:
            app = QApplication.instance()
            self._system = (QPalette(app.palette()), QFont(app.font()))
        self._owner = id(owner)

    def release(self, owner: QObject) -> None:
        if self._owner != id(owner) or self._system is None:
            return
        palette, font = self._system
        QApplication.setPalette(palette)
        QApplication.setFont(font)
        QToolTip.setFont(font)
        self._owner = None


application_look = _ApplicationLook()


def apply_focus_rings(theme: Theme) -> None:
    """The focus rings in `theme`'s colour (made the first time, once the first page is painted:
    nobody has moved the focus before that)."""
    from tms_info.ui import focus_ring

    focus_ring.install(QColor(FOCUS_COLOURS[theme.name]))


HELP_NOW_STYLES = {
    "light": "background-color: #fbe3da; color: #7a2a12; border: 1px solid #d9957d;",
    "dark": "background-color: #5a2a1c; color: #ffe3d9; border: 1px solid #c97b62;",
    "high-contrast": "background-color: #000000; color: #ffff00; border: 2px solid #ffff00;",
}
