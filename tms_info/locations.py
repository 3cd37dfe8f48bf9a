"""Where the bundled resources are, in a checkout and in an installed copy alike.

An installed wheel carries them inside the package (tms_info/resources); a checkout keeps them
at the top level (resources/). importlib.resources finds the first, the checkout path the second.
"""
from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path


@cache
def resources_root() -> Path:
    installed = files("tms_info") / "resources"
    if isinstance(installed, Path) and installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("the app's resources folder is missing: reinstall tms-info")


def bundled_content_root(language: str = "en") -> Path:
    return resources_root() / "content" / language


def styles_dir() -> Path:
    return resources_root() / "styles"


def icon_path() -> Path:
    return resources_root() / "icons" / "tms-info.svg"
