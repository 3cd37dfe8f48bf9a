"""The reader's preferences, kept with QSettings.

Every value is checked on the way in: a settings file that is damaged, hand-edited or written by
another version gives the defaults for what it cannot supply, never an exception.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QSettings

from tms_info.content.style import DEFAULT_TEXT_SIZE, TEXT_SIZES

log = logging.getLogger(__name__)

ORGANIZATION = "tms-info"
APPLICATION = "tms-info"


def open_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


class MemorySettings:
    """Settings that live only as long as the window: a kiosk writes nothing to disk."""

    def __init__(self) -> None:
        self._values: dict[str, object] = {}

    def value(self, key: str) -> object:
        return self._values.get(key)

    def setValue(self, key: str, value: object) -> None:  # noqa: N802 (QSettings' name)
        self._values[key] = value

    def sync(self) -> None:
        pass

    def status(self) -> QSettings.Status:
        return QSettings.Status.NoError

    def fileName(self) -> str:  # noqa: N802
        return ""


class Preferences:
    def __init__(self, settings: QSettings | MemorySettings) -> None:
        self._settings = settings
        if settings.status() != QSettings.Status.NoError:
            log.info("settings file %s could not be read; using defaults", settings.fileName())

    def _raw(self, key: str) -> object:
        try:
            return self._settings.value(key)
        except Exception:  # a value Qt cannot turn back into a Python object
            log.info("setting %s could not be read; using the default", key)
            return None

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._raw(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/state", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/splitter", value)

    def text_size_or(self, default: int = DEFAULT_TEXT_SIZE) -> int:
        value = self._raw("reading/textSize")
        try:
            size = int(str(value))
        except (TypeError, ValueError):
            return default
        return size if size in TEXT_SIZES else default

    @property
    def text_size(self) -> int:
        return self.text_size_or()

    @text_size.setter
    def text_size(self, value: int) -> None:
        self._settings.setValue("reading/textSize", int(value))

    @property
    def theme(self) -> str:
        value = self._raw("reading/theme")
        return value if isinstance(value, str) else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._settings.setValue("reading/theme", value)

    @property
    def last_page(self) -> str | None:
        value = self._raw("reading/lastPage")
        return value if isinstance(value, str) and value else None

    @last_page.setter
    def last_page(self, value: str) -> None:
        self._settings.setValue("reading/lastPage", value)

    def _ids(self, key: str) -> list[str]:
        value = self._raw(key)
        if isinstance(value, str):
            value = [value]
        return [item for item in value if isinstance(item, str) and item] if isinstance(value, list) else []

    @property
    def saved_pages(self) -> list[str]:
        return self._ids("pages/saved")

    @saved_pages.setter
    def saved_pages(self, value: list[str]) -> None:
        self._settings.setValue("pages/saved", list(value))

    @property
    def recent_pages(self) -> list[str]:
        return self._ids("pages/recent")

    @recent_pages.setter
    def recent_pages(self, value: list[str]) -> None:
        self._settings.setValue("pages/recent", list(value))

    def sync(self) -> None:
        self._settings.sync()
