"""The app's own icons (resources/icons/*.svg), drawn in the colours of the theme in use.

One set drawn for the app, in one line weight, instead of whatever the platform style offers.
The files draw in `currentColor`; each theme colours them here, so the same icons read in light,
dark and high contrast, and the window gives them again when the theme changes. Each icon is drawn
at the size a button asks for, when it asks: nothing is drawn ahead for sizes never shown.
"""
from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QIcon, QIconEngine, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from tms_info.content.style import Theme
from tms_info.locations import resources_root

NAMES = ("home", "back", "forward", "star", "star-filled", "print", "help-now")

# The Help now button's text colour in each theme (tms_info.ui.theme.HELP_NOW_STYLES), so its icon matches.
HELP_NOW_COLOURS = {"light": "#7a2a12", "dark": "#ffe3d9", "high-contrast": "#ffff00"}
# Unavailable buttons (Back on the first page): dimmer, yet still seen on the theme's background.
DISABLED_COLOURS = {"light": "#78808a", "dark": "#7d8590", "high-contrast": "#b0b0b0"}


@cache
def _svg(name: str) -> str:
    return (resources_root() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


@cache
def _pixmap(name: str, colour: str, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("currentColor", colour).encode("utf-8")))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return QPixmap.fromImage(image)


class _ThemedIconEngine(QIconEngine):
    def __init__(self, name: str, colour: str, disabled: str, checked_name: str) -> None:
        super().__init__()
        self._parts = (name, colour, disabled, checked_name)

    def _drawn(self, side: float, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        name, colour, disabled, checked_name = self._parts
        return _pixmap(checked_name if state == QIcon.State.On else name,
                       disabled if mode == QIcon.Mode.Disabled else colour, max(1, round(side)))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self._drawn(min(size.width(), size.height()), mode, state)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        pixmap = QPixmap(self._drawn(min(size.width(), size.height()) * scale, mode, state))
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(rect, self._drawn(min(rect.width(), rect.height()) * scale, mode, state))

    def clone(self) -> QIconEngine:
        return _ThemedIconEngine(*self._parts)


def themed_icon(name: str, colour: str, disabled: str | None = None, checked_name: str | None = None) -> QIcon:
    """The icon `name` in `colour`; `disabled`, the colour it has when its action cannot be used;
    `checked_name`, the drawing it shows while its action is checked (a filled star)."""
    return QIcon(_ThemedIconEngine(name, colour, disabled or colour, checked_name or name))


def apply_icons(actions: dict[str, QAction], theme: Theme) -> None:
    """Gives each action its icon in `theme`'s colours: `actions` maps an icon's name to its action
    ("star" for the save action, which shows the filled star while the page is saved)."""
    disabled = DISABLED_COLOURS.get(theme.name, theme.muted)
    for name, action in actions.items():
        colour = HELP_NOW_COLOURS.get(theme.name, theme.text) if name == "help-now" else theme.text
        action.setIcon(themed_icon(name, colour, disabled, "star-filled" if name == "star" else None))
