"""The languages the library can be read in, and how a folder or a setting names one.

A language is a content folder (`resources/content/es/`), a translation file for the window, and
its own search words; adding one is data, not code: its code and name go in LANGUAGES.
"""
from __future__ import annotations

from pathlib import Path

DEFAULT_LANGUAGE = "en"
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}  # code -> the language's own name


def known_language(code: object) -> str | None:
    """'es', 'ES', 'es_MX' or 'es-419' -> 'es'; None for anything that names no language we have."""
    if not isinstance(code, str):
        return None
    base = code.strip().replace("-", "_").split("_")[0].lower()
    return base if base in LANGUAGES else None


def folder_language(folder: Path) -> str | None:
    """The language a content folder is written in, when its name says it ('en', 'es')."""
    return folder.name if folder.name in LANGUAGES else None
