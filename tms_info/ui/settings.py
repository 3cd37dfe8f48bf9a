"""The reader's preferences, kept in an INI file in the user's settings folder.

The file is read and written here, not by QSettings: QSettings turns a `@Variant(...)` value back into
an object as it reads a group, and a 40-byte value can make it allocate without bound and abort every
start. Here every value is text, a number or bytes, read with bounds; a settings file that is damaged,
hand-edited or written by another version gives the defaults for what it cannot supply, never an
exception. The format stays the one QSettings writes, so files from earlier versions keep their values.
"""
from __future__ import annotations

import logging
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from tms_info.content.style import DEFAULT_TEXT_SIZE, TEXT_SIZES

if TYPE_CHECKING:
    from tms_info.reading_session import ReadingSession

log = logging.getLogger(__name__)

ORGANIZATION = "tms-info"
APPLICATION = "tms-info"

MAX_FILE_BYTES = 256 * 1024
MAX_BLOB_BYTES = 64 * 1024  # a window's geometry or layout is well under 2 KB
MAX_TEXT_CHARS = 200  # a page id, a theme's name
MAX_SAVED_PAGES = 1000
MAX_RECENT_PAGES = 100
_ID_SEPARATOR = "\n"  # page ids are file paths without their order prefixes: never a line break

SettingValue = str | int | bytes | list[str] | None


def settings_path() -> Path:
    """Where QSettings would keep this app's INI file (QSettings.setPath moves it, as tests do).
    Asked of QSettings under another name, so that QSettings itself never opens the real file."""
    probe = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION + "-path")
    return Path(probe.fileName()).with_name(APPLICATION + ".ini")


def open_settings() -> SettingsFile:
    return SettingsFile(settings_path())


class MemorySettings:
    """Settings that live only as long as the window: a kiosk writes nothing to disk."""

    def __init__(self) -> None:
        self._values: dict[str, object] = {}

    def value(self, key: str) -> object:
        return self._values.get(key)

    def setValue(self, key: str, value: object) -> None:
        self._values[key] = value

    def sync(self) -> None:
        pass

    def status(self) -> QSettings.Status:
        return QSettings.Status.NoError

    def fileName(self) -> str:
        return ""


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            '"': '"', "?": "?", "'": "'", "\\": "\\"}
_WRITE_ESCAPES = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v",
                  '"': '\\"', "\\": "\\\\"}
_HEX = re.compile(r"[0-9a-fA-F]{1,8}")
_OCTAL = re.compile(r"[0-7]{1,11}")
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as QSettings reads lines: not at U+2028 and the like


def unescape(text: str) -> str | list[str]:
    """A value as QSettings writes it: C escapes, double quotes, and commas between list items."""
    if not any(char in text for char in '\\",'):
        return text
    items: list[str] = []
    current: list[str] = []
    quoted = False
    index = 0
    while index < len(text):
        char = text[index]
        index += 1
        if char == "\\":
            if index >= len(text):
                break
            char = text[index]
            index += 1
            number = None
            if char in _ESCAPES:
                current.append(_ESCAPES[char])
            elif char in "xX" and (match := _HEX.match(text, index)):
                number, index = int(match.group(), 16), match.end()
            elif char in "01234567":
                match = _OCTAL.match(text, index - 1)
                number, index = int(match.group(), 8), match.end()
            if number is not None:
                current.append(chr(number) if number <= 0x10FFFF else "\ufffd")
        elif char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            items.append("".join(current))
            current = []
            while index < len(text) and text[index] == " ":
                index += 1
        else:
            current.append(char)
    if items:
        return [*items, "".join(current)]
    return "".join(current)


def _escape_text(text: str, raw_above_ascii: bool = True) -> str:
    out: list[str] = []
    hex_before = False
    for char in text:
        code = ord(char)
        if char in _WRITE_ESCAPES:
            out.append(_WRITE_ESCAPES[char])
            hex_before = False
        elif code < 0x20 or code == 0x7F or (code > 0x7F and not raw_above_ascii) \
                or (hex_before and char in _HEX_DIGITS):
            out.append(f"\\x{code:x}")
            hex_before = True
        else:
            out.append(char)
            hex_before = False
    escaped = "".join(out)
    if any(char in text for char in ";,=") or text[:1] == " " or text[-1:] == " ":
        escaped = f'"{escaped}"'
    return escaped


def _to_text(value: SettingValue) -> str:
    if isinstance(value, bytes):
        return _escape_text("@ByteArray(" + value.decode("latin-1") + ")", raw_above_ascii=False)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"a setting is text, a number or bytes, not {type(value).__name__}")
    text = str(value)
    return _escape_text("@" + text if text.startswith("@") else text)


def _from_text(raw: str) -> SettingValue:
    """Text, bytes or a list of text; None for QSettings' other forms (objects, points, sizes)."""
    value = unescape(raw)
    if isinstance(value, list):
        return None if any(item.startswith("@") and not item.startswith("@@") for item in value) \
            else [item[1:] if item.startswith("@@") else item for item in value]
    if value.startswith("@@"):
        return value[1:]
    if value.startswith("@ByteArray(") and value.endswith(")"):
        return value[len("@ByteArray("):-1].encode("latin-1", errors="replace")
    return None if value.startswith("@") else value


def _section_and_name(key: str) -> tuple[str, str]:
    section, _, name = key.rpartition("/")
    return section or "General", name


def _read_file(path: Path) -> tuple[dict[str, str], str | None]:
    """Each key's value as the file writes it, and why the file could not be used (None if it could)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return {}, None
    except OSError as error:
        return {}, error.strerror or str(error)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            return {}, "not a regular file"
        if status.st_size > MAX_FILE_BYTES:
            return {}, f"larger than {MAX_FILE_BYTES // 1024} KB"
        with os.fdopen(descriptor, "rb") as file:
            descriptor = -1
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return {}, error.strerror or str(error)
    finally:
        if descriptor >= 0:
            os.close(descriptor)
    if len(data) > MAX_FILE_BYTES:
        return {}, f"larger than {MAX_FILE_BYTES // 1024} KB"
    values: dict[str, str] = {}
    section = "General"
    for raw_line in _LINE_BREAK.split(data.decode("utf-8", errors="replace")):
        line = raw_line.strip(" \t")
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        name, equals, raw = line.partition("=")
        if equals and name.strip():
            name = name.strip(" \t")
            values[name if section == "General" else f"{section}/{name}"] = raw.strip(" \t")
    return values, None


class SettingsFile:
    """The settings file, held in memory and written back whole, through a temporary file, on sync().
    Keys this version does not know are written back as they were."""

    def __init__(self, path: Path) -> None:
        self._path = Path(path)
        self._changed: dict[str, str] = {}
        self._unsaved_reason: str | None = None  # why the last write failed, said once, not at every change
        self._stored, problem = _read_file(self._path)
        self._damaged = problem is not None
        if problem:
            log.info("settings file %s not used (%s); using defaults", self._path, problem)

    def value(self, key: str) -> SettingValue:
        raw = self._changed.get(key, self._stored.get(key))
        return None if raw is None else _from_text(raw)

    def setValue(self, key: str, value: SettingValue) -> None:
        raw = _to_text(value)
        if key in self._changed or self._stored.get(key) != raw:  # the same value again: nothing to write
            self._changed[key] = raw

    def status(self) -> QSettings.Status:
        return QSettings.Status.FormatError if self._damaged else QSettings.Status.NoError

    def fileName(self) -> str:
        return str(self._path)

    def sync(self) -> None:
        """Writes the changed values over what the file holds now (another window may have written
        it meanwhile). The window calls it as the reader's choices change, so that a logout, shutdown
        or crash loses none. A file that could not be used is kept beside it as `.damaged`."""
        if not self._changed:
            return
        stored, problem = _read_file(self._path)
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            if problem is not None:
                os.replace(self._path, self._path.with_name(self._path.name + ".damaged"))
            values = {**stored, **self._changed}
            sections: dict[str, list[str]] = {}
            for key, raw in values.items():
                section, name = _section_and_name(key)
                sections.setdefault(section, []).append(f"{name}={raw}\n")
            text = "".join(f"[{section}]\n" + "".join(sorted(lines)) + "\n"
                           for section, lines in sorted(sections.items(), key=lambda item: item[0] != "General"))
            handle, temporary = tempfile.mkstemp(prefix=f".{self._path.name}-", suffix=".tmp", dir=self._path.parent)
            try:
                with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
                    file.write(text)
                os.replace(temporary, self._path)
            except OSError:
                os.unlink(temporary)
                raise
        except OSError as error:
            reason = str(error.strerror or error)
            (log.info if reason == self._unsaved_reason else log.warning)(
                "settings not saved to %s (%s)", self._path, reason)
            self._unsaved_reason = reason
            return
        self._stored, self._changed, self._damaged, self._unsaved_reason = values, {}, False, None


class Preferences:
    def __init__(self, settings: SettingsFile | MemorySettings) -> None:
        self._settings = settings

    def _raw(self, key: str) -> object:
        try:
            return self._settings.value(key)
        except Exception:
            log.info("setting %s could not be read; using the default", key)
            return None

    def _text(self, key: str) -> str | None:
        value = self._raw(key)
        return value if isinstance(value, str) and 0 < len(value) <= MAX_TEXT_CHARS else None

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._raw(key)
        if isinstance(value, QByteArray):
            value = value.data()
        return QByteArray(value) if isinstance(value, bytes) and 0 < len(value) <= MAX_BLOB_BYTES else None

    def _set_bytes(self, key: str, value: QByteArray | bytes) -> None:
        self._settings.setValue(key, value.data() if isinstance(value, QByteArray) else bytes(value))

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._set_bytes("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._set_bytes("window/state", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._set_bytes("window/splitter", value)

    def text_size_or(self, default: int = DEFAULT_TEXT_SIZE) -> int:
        value = self._raw("reading/textSize")
        if isinstance(value, str) and len(value) <= 8 and value.strip().isdigit():
            value = int(value)
        return value if isinstance(value, int) and not isinstance(value, bool) and value in TEXT_SIZES else default

    @property
    def text_size(self) -> int:
        return self.text_size_or()

    @text_size.setter
    def text_size(self, value: int) -> None:
        self._settings.setValue("reading/textSize", int(value))

    @property
    def theme(self) -> str:
        return self._text("reading/theme") or "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._settings.setValue("reading/theme", value)

    @property
    def language(self) -> str | None:
        """The language the reader chose in View > Language; None until they choose one (and for
        any value that names no language the app has)."""
        from tms_info.content.languages import known_language

        return known_language(self._text("reading/language"))

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue("reading/language", value)

    @property
    def last_page(self) -> str | None:
        return self._text("reading/lastPage")

    @last_page.setter
    def last_page(self, value: str) -> None:
        self._settings.setValue("reading/lastPage", value)

    def _ids(self, key: str, limit: int) -> list[str]:
        """Page ids, one a line (earlier versions: QSettings' list). Too many, or one too long,
        and the list is not used."""
        value = self._raw(key)
        if isinstance(value, str) and len(value) <= limit * (MAX_TEXT_CHARS + 1):
            value = value.split(_ID_SEPARATOR)
        if not isinstance(value, list) or len(value) > limit \
                or not all(isinstance(item, str) and len(item) <= MAX_TEXT_CHARS for item in value):
            if value is not None:
                log.info("setting %s is not a list of up to %d page ids; not used", key, limit)
            return []
        return [item for item in value if item]

    def _set_ids(self, key: str, value: list[str], limit: int) -> None:
        ids = [item for item in value if item and len(item) <= MAX_TEXT_CHARS and _ID_SEPARATOR not in item]
        self._settings.setValue(key, _ID_SEPARATOR.join(ids[:limit]))

    @property
    def saved_pages(self) -> list[str]:
        return self._ids("pages/saved", MAX_SAVED_PAGES)

    @saved_pages.setter
    def saved_pages(self, value: list[str]) -> None:
        self._set_ids("pages/saved", value, MAX_SAVED_PAGES)

    @property
    def recent_pages(self) -> list[str]:
        return self._ids("pages/recent", MAX_RECENT_PAGES)

    @recent_pages.setter
    def recent_pages(self, value: list[str]) -> None:
        self._set_ids("pages/recent", value, MAX_RECENT_PAGES)

    def save_reading(self, session: ReadingSession) -> None:
        """Writes the reader's choices and pages at once, not only on close: logout, shutdown or a
        crash loses none of them."""
        self.text_size = session.text_size
        self.theme = session.theme_choice
        self.saved_pages = session.reading.saved
        self.recent_pages = session.reading.recent
        self.sync()

    def sync(self) -> None:
        self._settings.sync()
