"""The app's own typeface, Atkinson Hyperlegible Next (SIL Open Font License, resources/fonts/OFL.txt).

It was drawn for readers with low vision, and bundling it means the screen and the handouts look,
and paginate, the same on every computer whatever fonts the system has. QtGui only, so the handout
writer can use it without a window.
"""
from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QFontDatabase

from tms_info.content.style import FONT_FAMILY
from tms_info.locations import resources_root

log = logging.getLogger(__name__)

FAMILY = FONT_FAMILY


@cache
def install_fonts() -> str:
    """Registers the bundled font files with Qt (once) and returns the family to ask for. If none
    can be read, the family of the system's general font, so that text still shows."""
    families: set[str] = set()
    folder = resources_root() / "fonts"
    for path in sorted(folder.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id == -1:
            log.warning("The font file %s could not be read; the system's font is used instead", path)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    return FAMILY if FAMILY in families else QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
