"""The words the core puts on a page ("Sources", "Last reviewed"), in the reader's language.

The core never imports Qt, but its words are translated by the same file as the window's: the
window and the command line install Qt's translator here (`install`). pyside6-lupdate finds the
core's words by their calls, `translate("Context", "text")` and `QT_TRANSLATE_NOOP("Context", "text")`,
as it finds the window's. Without a translator installed, every word is the English source.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

Translate = Callable[[str, str], str]
_ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December")  # not strftime: Qt sets the C locale to the system's


def _untranslated(context: str, text: str) -> str:
    return text


def _english_day(day: date) -> str:
    return f"{day.day} {_ENGLISH_MONTHS[day.month - 1]} {day.year}"


_state: dict[str, Callable] = {"translate": _untranslated, "format_day": _english_day}


def install(translate: Translate | None, format_day: Callable[[date], str] | None = None) -> None:
    """Makes `translate` (Qt's QCoreApplication.translate, with the reader's translator loaded) and
    `format_day` (QLocale's) the core's; None goes back to English."""
    _state["translate"] = translate or _untranslated
    _state["format_day"] = format_day or _english_day


def translate(context: str, text: str) -> str:
    """`text` in the installed language; the English text where it has no translation."""
    return _state["translate"](context, text) or text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a word for translation where it is defined; it is translated where it is used."""
    return text


def format_day(day: date) -> str:
    """A date as the reader's language writes it: 25 November 2026; 25 de noviembre de 2026."""
    return _state["format_day"](day)
