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


def choose_language(*choices: str | None) -> str:
    """The first of `choices` (most binding first: the command line, the reader's choice, the
    clinic's, the system's) that names a language we have; English if none does."""
    for choice in choices:
        language = known_language(choice)
        if language is not None:
            return language
    return DEFAULT_LANGUAGE


def translated_roots(folder: Path, language: str) -> tuple[Path, ...]:
    """The folders of one content folder to load for a reader of `language`, English first and the
    translation laid over it, so an untranslated page shows in English.

    A folder with language subfolders (`en/`, `es/`) gives those; any other folder is all in one
    language and is given as it is."""
    if not any((folder / code).is_dir() for code in LANGUAGES):
        return (folder,)
    wanted = dict.fromkeys((DEFAULT_LANGUAGE, language))
    return tuple(folder / code for code in wanted if (folder / code).is_dir())


def system_language() -> str | None:
    """The language the system's locale names (LC_ALL, LC_MESSAGES, LANG, then Python's locale),
    for the command line; the window asks QLocale.system() instead."""
    import locale
    import os

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(name):
            return os.environ[name]
    try:
        return locale.getlocale()[0]
    except ValueError:
        return None
