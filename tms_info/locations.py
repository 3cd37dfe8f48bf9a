"""Where the bundled resources are, in a checkout and in an installed copy alike.

An installed wheel (and the frozen build) carries them inside the package (tms_info/resources); a
checkout keeps them at the top level (resources/). They are found beside this file rather than
through importlib.resources: Qt opens pictures, icons and styles by file path, so the app needs
them as real files anyway, and importlib.resources took ~6 ms of every start to say the same.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_root() -> Path:
    package = Path(__file__).resolve().parent
    for candidate in (package / "resources", package.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the app's resources folder is missing: reinstall tms-info")


def bundled_content_root(language: str = "en") -> Path:
    return resources_root() / "content" / language


def bundled_content_roots(language: str = "en") -> tuple[Path, ...]:
    """The bundled library for a reader of `language`: English, with its translation laid over it."""
    from tms_info.content.languages import translated_roots

    return translated_roots(resources_root() / "content", language)


def translations_dir() -> Path:
    """The window's compiled translations (.qm), made from resources/translations/*.ts at install."""
    return resources_root() / "translations"


def styles_dir() -> Path:
    return resources_root() / "styles"


def icon_path() -> Path:
    return resources_root() / "icons" / "tms-info.svg"
