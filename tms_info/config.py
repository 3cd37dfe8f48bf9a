"""The clinic's configuration file: its name, its own content folders, kiosk mode and the rest.

An INI file at a system-wide place (one per OS, below), or the file named by TMS_INFO_CONFIG or
`--config`. Read with configparser: plain Python, no Qt. A value of the wrong type or an unknown
key never stops the app: that setting keeps its default and the problem is reported, once.
"""
from __future__ import annotations

import configparser
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from tms_info.content.languages import DEFAULT_LANGUAGE, LANGUAGES, known_language, translated_roots
from tms_info.content.style import DEFAULT_TEXT_SIZE, TEXT_SIZES

SECTION = "clinic"
DEFAULT_IDLE_SECONDS = 180
MAX_IDLE_SECONDS = 86_400
DEFAULT_EXIT_KEYS = "Ctrl+Alt+Shift+Q"
CONTENT_ENV = "TMS_INFO_CONTENT_DIR"
CONFIG_ENV = "TMS_INFO_CONFIG"
KEYS = {
    "name": "the clinic's name, shown in the window title, the toolbar and on handouts",
    "phone": "the clinic's phone number, printed on handouts under the clinic's name",
    "content_dirs": "folders of the clinic's own pages, one per line",
    "kiosk": "yes or no: run full screen for a waiting room",
    "idle_timeout": "seconds without use before a kiosk starts afresh (30 to 86400)",
    "exit_keys": "the key combination that closes a kiosk: two or more of Ctrl, Alt, Shift, Meta and a letter, "
                 "digit or F-key, e.g. Ctrl+Alt+Shift+Q",
    "language": "the language the app starts in: " + ", ".join(LANGUAGES) + " (else the system's)",
    "text_size": "the starting text size in percent: " + ", ".join(map(str, TEXT_SIZES)),
}
_PHONE = re.compile(r"^(?=(?:\D*\d){3})[+0-9 ().\-/]{3,32}$")  # 3 or more digits and the usual separators
_KEY_COMBINATION = re.compile(r"^((Ctrl|Alt|Shift|Meta)\+){2,}([A-Za-z0-9]|F([1-9]|1[0-2]))$")


def system_config_path() -> Path:
    """Where a clinic's IT puts the file on each system."""
    if sys.platform.startswith("win"):
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "tms-info" / "tms-info.ini"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/tms-info/tms-info.ini")
    return Path("/etc/tms-info/tms-info.ini")


@dataclass(frozen=True)
class Config:
    clinic_name: str | None = None
    clinic_phone: str | None = None
    content_dirs: tuple[Path, ...] = ()
    kiosk: bool = False
    idle_timeout: int = DEFAULT_IDLE_SECONDS
    exit_keys: str = DEFAULT_EXIT_KEYS
    language: str | None = None  # None: the reader's choice, else the system's
    text_size: int = DEFAULT_TEXT_SIZE
    source: Path | None = None
    problems: tuple[str, ...] = field(default=())

    @property
    def folder_language(self) -> str:
        """The language of a clinic folder without language subfolders: the clinic's, else English."""
        return self.language or DEFAULT_LANGUAGE


def _split_paths(value: str) -> tuple[Path, ...]:
    parts = [p.strip() for line in value.splitlines() for p in line.split(os.pathsep)]
    return tuple(Path(p).expanduser() for p in parts if p)


def read_config(path: Path | None = None) -> Config:
    """The configuration from `path`, else TMS_INFO_CONFIG, else the system-wide file; the
    defaults if there is none. Problems are collected in `problems`, never raised."""
    if path is None:
        path = Path(os.environ[CONFIG_ENV]) if os.environ.get(CONFIG_ENV) else system_config_path()
    if not path.exists():
        explicit = path != system_config_path()
        return Config(problems=(f"{path}: configuration file not found",) if explicit else ())
    problems: list[str] = []
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with open(path, encoding="utf-8-sig") as file:  # Notepad and PowerShell 5 write a BOM
            parser.read_file(file)
    except (OSError, UnicodeDecodeError, configparser.Error) as error:
        reason = getattr(error, "strerror", None) or str(error).splitlines()[0]
        return Config(source=path, problems=(f"{path}: cannot be read ({reason}); using the standard settings",))
    if not parser.has_section(SECTION):
        return Config(source=path, problems=(f"{path}: no [{SECTION}] section; using the standard settings",))
    for other in parser.sections():
        if other != SECTION:
            problems.append(f"{path}: unknown section [{other}] ignored")
    values = parser[SECTION]
    for key in values:
        if key not in KEYS:
            problems.append(f"{path}: unknown key '{key}' ignored (known keys: {', '.join(KEYS)})")

    config = Config(source=path)

    def wrong(key: str, raw: str) -> None:
        problems.append(f"{path}: '{key} = {raw}' is not valid: expected {KEYS[key]}; using the default")

    if values.get("name", "").strip():
        config = replace(config, clinic_name=values["name"].strip())
    if "phone" in values:
        phone = values["phone"].strip()
        if _PHONE.match(phone):
            config = replace(config, clinic_phone=phone)
        else:
            wrong("phone", values["phone"])
    if "content_dirs" in values:
        config = replace(config, content_dirs=_split_paths(values["content_dirs"]))
    if "kiosk" in values:
        try:
            config = replace(config, kiosk=values.getboolean("kiosk"))
        except ValueError:
            wrong("kiosk", values["kiosk"])
    if "idle_timeout" in values:
        try:
            seconds = int(values["idle_timeout"])
            if not 30 <= seconds <= MAX_IDLE_SECONDS:
                raise ValueError
            config = replace(config, idle_timeout=seconds)
        except ValueError:
            wrong("idle_timeout", values["idle_timeout"])
    if "exit_keys" in values:
        keys = values["exit_keys"].strip()
        if _KEY_COMBINATION.match(keys):
            config = replace(config, exit_keys=keys)
        else:
            wrong("exit_keys", keys)
    if "language" in values:
        if known_language(values["language"]):
            config = replace(config, language=known_language(values["language"]))
        else:
            wrong("language", values["language"])
    if "text_size" in values:
        try:
            size = int(values["text_size"].strip().rstrip("%"))
            if size not in TEXT_SIZES:
                raise ValueError
            config = replace(config, text_size=size)
        except ValueError:
            wrong("text_size", values["text_size"])
    return replace(config, problems=tuple(problems))


def content_dirs_from_environment() -> tuple[Path, ...]:
    return _split_paths(os.environ.get(CONTENT_ENV, ""))



def clinic_content_dirs(config: Config, given: Sequence[Path] = ()) -> list[Path]:
    """A clinic's own folders in the order they are laid over the bundled content (a page in a later
    folder replaces the same page in an earlier one): the configuration file's `content_dirs`, then
    TMS_INFO_CONTENT_DIR's, then those `given` on the command line. The window and every command
    of `tms-info` take their folders from here."""
    return [*config.content_dirs, *content_dirs_from_environment(), *given]


def library_roots(config: Config, given: Sequence[Path], language: str) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """The folders of the library a reader of `language` gets on this computer: the bundled ones
    (English, the translation laid over it) and the clinic's (each folder's language subfolders,
    or the folder itself). The window and every command read these."""
    from tms_info.locations import bundled_content_roots

    local = tuple(root for folder in clinic_content_dirs(config, given) for root in translated_roots(folder, language))
    return bundled_content_roots(language), local
