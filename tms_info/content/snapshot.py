"""A snapshot of the loaded library and the pages rendered last time, so the next start reads
one file instead of parsing every article's front matter and loading Markdown.

It is keyed by a signature of every content file (name, size, time of change), of the app's
version and of the app's own code: change, add or remove any of them and the snapshot no longer
matches, so it is not used. The file holds data only (JSON): its first line is the key, compared
before anything else is read, and the rest is read with a size bound and checked field by field.
A snapshot that cannot be read or written is simply not used: the content is loaded as usual.
"""
from __future__ import annotations

import json
import logging
import os
import stat
import sys
import tempfile
import time
import zlib
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import BinaryIO

from tms_info import __version__
from tms_info.content.library import Library, Problem, walk_folders
from tms_info.content.model import Page, Source, Term

log = logging.getLogger(__name__)

FILE_NAME = "content-snapshot.json"
OLD_FILE_NAMES = ("content-snapshot.pickle",)  # earlier versions' snapshots: removed, never read
FORMAT = 3  # 3: the language of the folders named for none (Library.unlabelled_language)
MAX_BYTES = 64 * 2**20  # the bundled library's is 0.3 MB, with 1,000 more articles 6 MB
MAX_KEY_BYTES = 4 * 2**20  # about 70 bytes a content file
MAX_INDEX_BYTES = 8 * 2**20
MAX_HASHED_CODE_BYTES = 64 * 1024
STALE_SECONDS = 3600
_TEMPORARY_PREFIX = ".snapshot-"
_PACKAGE = Path(__file__).parent.parent


def code_fingerprint(package: Path = _PACKAGE) -> str:
    """The app's own modules: each .py file's name, size and time of change, and a checksum of
    their text, so that an edit keeping both size and time is seen too (about 1 ms). A frozen app
    has no .py files: its executable stands for them."""
    parts: list[str] = []
    checksum = 0
    prefix = len(str(package)) + 1
    folders = [str(package)]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
            for entry in entries:
                if entry.name.endswith(".py"):
                    status = entry.stat()
                    parts.append(f"{entry.path[prefix:]}\t{status.st_size}\t{status.st_mtime_ns}")
                    if status.st_size <= MAX_HASHED_CODE_BYTES:
                        with open(entry.path, "rb") as file:
                            checksum = zlib.crc32(file.read(MAX_HASHED_CODE_BYTES), checksum)
                elif entry.name != "__pycache__" and entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
        except OSError:
            continue
    if not parts:
        try:
            status = os.stat(sys.executable)
            parts.append(f"{sys.executable}\t{status.st_size}\t{status.st_mtime_ns}")
        except OSError:
            pass
    return f"{checksum:08x}\0" + "\0".join(parts)


def signature(roots: Iterable[Path], local_roots: Iterable[Path], *settings: object) -> str:
    """Every content file's name, size and time of change, as one string, with the app's version
    and code. (Not a digest: comparing the text itself is exact, and hashlib would load OpenSSL on
    every start.) The folders are walked as the library walks them."""
    parts = [f"{FORMAT}", __version__, code_fingerprint(), repr(settings)]
    for kind, group in (("roots", roots), ("local", local_roots)):
        for root in group:
            parts += [kind, str(root)]
            for folder, names in walk_folders(root):
                relative = os.path.relpath(folder, root)
                for name in names:
                    try:
                        status = os.stat(os.path.join(folder, name))
                    except OSError:
                        continue
                    parts.append(f"{relative}/{name}\t{status.st_size}\t{status.st_mtime_ns}")
    return "\0".join(parts)


# The file: a line with the format and the key; a line of JSON with every page, term and problem
# as a list of its fields (below); then the texts (pages' and terms' Markdown, rendered pages) as
# one UTF-8 text, each field giving where its part starts and ends. Long texts are kept out of the
# JSON so that loading is about as quick as unpickling was.

_OPTIONAL = (str, type(None))
_PAGE_KINDS = frozenset((list, str, str, int, int, str, str, int, str, reviewed, evidence, list, order, bool, bool,
                         str, translated)
                        for reviewed in _OPTIONAL for evidence in _OPTIONAL for order in (int, type(None))
                        for translated in _OPTIONAL)
_SOURCE_FIELDS = ("title", "authors", "year", "published_in", "doi", "pmid", "url", "funder")
_SOURCE_KINDS = frozenset((list, str, str, year, str, str, str, str, str) for year in (int, type(None)))
_TERM_KINDS = frozenset({(list, str, str, str, int, int, str, int, list, list, list, bool, str)})
_PROBLEM_KINDS = frozenset({(list, str, int, str)})
_RENDERED_KINDS = frozenset({(list, str, int, int)})
_PARTS = frozenset({"roots", "language", "unlabelled_language", "pages", "terms", "problems", "rendered"})


class _NotASnapshot(ValueError):
    pass


class _Texts:
    """The texts part of the file, as it is written and as it is read back: one UTF-8 text, decoded
    at once (a thousand small decodes take six times as long), each field pointing to its part."""

    def __init__(self, data: bytes = b"") -> None:
        self.parts: list[str] = []
        self.size = 0
        self._whole = data.decode("utf-8")

    def add(self, text: str) -> tuple[int, int]:
        self.parts.append(text)
        self.size += len(text)
        return self.size - len(text), self.size

    def text(self, start: int, end: int) -> str:
        if not 0 <= start <= end <= len(self._whole):
            raise _NotASnapshot("a text outside the file")
        return self._whole[start:end]


def _rows(value: object, kinds: frozenset[tuple[type, ...]], what: str) -> list[list]:
    if type(value) is not list or not {(type(row), *map(type, row)) for row in value} <= kinds:
        raise _NotASnapshot(f"{what} are not lists of the expected fields")
    return value


def _all_text(value: list) -> tuple[str, ...]:
    if not all(type(item) is str for item in value):
        raise _NotASnapshot("a list of words holds something other than text")
    return tuple(value)


def _made(cls: type, fields: dict) -> object:
    """A frozen dataclass from checked fields, set as unpickling sets them (twice as quick as
    calling the class: the start makes a thousand pages with one)."""
    made = object.__new__(cls)
    made.__dict__.update(fields)
    return made


def _page(row: list, texts: _Texts) -> Page:
    (page_id, title, body_start, body_end, source, relative, body_line, summary, reviewed, evidence, sources,
     order, is_section, local, language, translated_from) = row
    return _made(Page, {
        "id": page_id, "title": title, "body": texts.text(body_start, body_end), "source": Path(source),
        "relative": relative, "body_line": body_line, "summary": summary,
        "reviewed": None if reviewed is None else date.fromisoformat(reviewed), "evidence": evidence,
        "sources": tuple(_made(Source, dict(zip(_SOURCE_FIELDS, item, strict=False))) for item in sources),
        "order": order, "is_section": is_section, "local": local, "language": language,
        "translated_from": None if translated_from is None else date.fromisoformat(translated_from)})


def _term(row: list, texts: _Texts) -> Term:
    term_id, term, short, body_start, body_end, source, body_line, aliases, see_also, articles, local, language = row
    return _made(Term, {
        "id": term_id, "term": term, "short": short, "body": texts.text(body_start, body_end),
        "source": Path(source), "body_line": body_line, "aliases": _all_text(aliases),
        "see_also": _all_text(see_also), "articles": _all_text(articles), "local": local, "language": language})


def to_data(library: Library, pages: dict[str, str]) -> tuple[dict, bytes]:
    """The library and rendered pages as JSON-ready lists and the texts they point into."""
    texts = _Texts()
    index = {
        "roots": [str(root) for root in library.roots],
        "language": library.language,
        "unlabelled_language": library.unlabelled_language,
        "pages": [[page.id, page.title, *texts.add(page.body), str(page.source), page.relative, page.body_line,
                   page.summary, page.reviewed.isoformat() if page.reviewed is not None else None,
                   page.evidence,
                   [[getattr(source, name) for name in _SOURCE_FIELDS] for source in page.sources],
                   page.order, page.is_section, page.local, page.language,
                   page.translated_from.isoformat() if page.translated_from is not None else None]
                  for page in library.pages.values()],
        "terms": [[term.id, term.term, term.short, *texts.add(term.body), str(term.source), term.body_line,
                   list(term.aliases), list(term.see_also), list(term.articles), term.local, term.language]
                  for term in library.terms.values()],
        "problems": [[str(problem.path), problem.line, problem.message] for problem in library.problems],
        "rendered": [[page_id, *texts.add(html)] for page_id, html in pages.items()],
    }
    return index, "".join(texts.parts).encode("utf-8")


def from_data(index: object, data: bytes) -> tuple[Library, dict[str, str]]:
    """The library and rendered pages from `to_data`'s form; _NotASnapshot if anything is amiss."""
    if not isinstance(index, dict) or set(index) != _PARTS:
        raise _NotASnapshot("not the parts of a snapshot")
    texts = _Texts(data)
    page_rows = _rows(index["pages"], _PAGE_KINDS, "pages")
    _rows([source for row in page_rows for source in row[10]], _SOURCE_KINDS, "sources")
    pages = {row[0]: _page(row, texts) for row in page_rows}
    terms = {row[0]: _term(row, texts) for row in _rows(index["terms"], _TERM_KINDS, "terms")}
    problems = [Problem(Path(path), line, message)
                for path, line, message in _rows(index["problems"], _PROBLEM_KINDS, "problems")]
    rendered = {page_id: texts.text(start, end)
                for page_id, start, end in _rows(index["rendered"], _RENDERED_KINDS, "rendered pages")}
    if not rendered.keys() <= pages.keys():
        raise _NotASnapshot("a rendered page that is not in the library")
    roots = index["roots"]
    if not isinstance(roots, list) or not all(type(root) is str for root in roots):
        raise _NotASnapshot("the content folders are not text")
    if type(index["language"]) is not str or type(index["unlabelled_language"]) is not str:
        raise _NotASnapshot("the language is not text")
    return Library(pages, terms, problems, tuple(map(Path, roots)), index["language"],
                   index["unlabelled_language"]), rendered


def _open_regular(path: Path) -> tuple[BinaryIO, int]:
    """The file for reading, and its size, if it is a regular file (never a pipe or a device that
    would block) of at most MAX_BYTES."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise _NotASnapshot("not a regular file")
        if status.st_size > MAX_BYTES:
            raise _NotASnapshot(f"larger than {MAX_BYTES // 2**20} MiB")
        return os.fdopen(descriptor, "rb"), status.st_size
    except BaseException:
        os.close(descriptor)
        raise


def load(cache_dir: Path | None, key: str) -> tuple[Library, dict[str, str]] | None:
    """The library and rendered pages saved under `key`, or None."""
    if cache_dir is None:
        return None
    try:
        file, size = _open_regular(Path(cache_dir) / FILE_NAME)
        with file:
            header = file.readline(MAX_KEY_BYTES)
            if not header.endswith(b"\n"):
                raise _NotASnapshot("no key on its first line")
            stored = json.loads(header)
            if not isinstance(stored, list) or len(stored) != 2 or stored[0] != FORMAT:
                raise _NotASnapshot("not this version's format")
            if stored[1] != key:
                return None
            line = file.readline(MAX_INDEX_BYTES)
            if not line.endswith(b"\n"):
                raise _NotASnapshot(f"no list of pages of at most {MAX_INDEX_BYTES // 2**20} MiB")
            index = json.loads(line)
            texts = file.read(max(0, size - file.tell()))
        return from_data(index, texts)
    except FileNotFoundError:
        return None
    except Exception as error:  # damaged, or not a snapshot: load the content instead
        log.info("content snapshot not used (%s)", error)
        return None


def _remove_leftovers(folder: Path) -> None:
    """Temporaries left by a start that was quit or killed while saving, and older snapshots."""
    now = time.time()
    for path in folder.glob(_TEMPORARY_PREFIX + "*"):
        try:
            if now - path.lstat().st_mtime > STALE_SECONDS:
                path.unlink()
        except OSError:
            pass
    for name in OLD_FILE_NAMES:
        try:
            (folder / name).unlink()
        except OSError:
            pass


def save(cache_dir: Path | None, key: str, library: Library, pages: dict[str, str]) -> None:
    if cache_dir is None:
        return
    folder = Path(cache_dir)
    temporary = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(folder)
        index, texts = to_data(library, pages)
        data = b"".join((json.dumps([FORMAT, key]).encode(), b"\n",
                         json.dumps(index, ensure_ascii=False, separators=(",", ":"), check_circular=False)
                         .encode("utf-8"), b"\n", texts))
        if len(data) > MAX_BYTES:
            log.info("content snapshot not saved (larger than %d MiB)", MAX_BYTES // 2**20)
            return
        handle, temporary = tempfile.mkstemp(prefix=_TEMPORARY_PREFIX, suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, folder / FILE_NAME)
        temporary = None
    except (OSError, ValueError) as error:
        log.info("content snapshot not saved (%s)", error)
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass
