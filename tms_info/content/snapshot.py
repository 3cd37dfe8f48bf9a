"""A snapshot of the loaded library and the pages rendered last time, so the next start reads
one file instead of parsing every article's front matter and loading Markdown.

It is keyed by a signature of every content file (name, size, time of change) and of the app's
version: change, add or remove any file and the snapshot no longer matches, so it is not used.
A snapshot that cannot be read or written is simply not used: the content is loaded as usual.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Iterable
from pathlib import Path

from tms_info import __version__
from tms_info.content.library import Library

log = logging.getLogger(__name__)

FILE_NAME = "content-snapshot.pickle"
FORMAT = 1


def signature(roots: Iterable[Path], local_roots: Iterable[Path], *settings: object) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{settings!r}".encode())
    for kind, group in (("roots", roots), ("local", local_roots)):
        for root in group:
            digest.update(f"\0{kind}\0{root}".encode())
            for folder, subfolders, files in os.walk(root):
                subfolders.sort()
                for name in sorted(files):
                    path = os.path.join(folder, name)
                    try:
                        status = os.stat(path)
                    except OSError:
                        continue
                    digest.update(f"\0{os.path.relpath(path, root)}\0{status.st_size}\0{status.st_mtime_ns}".encode())
    return digest.hexdigest()


def load(cache_dir: Path | None, key: str) -> tuple[Library, dict[str, str]] | None:
    """The library and rendered pages saved under `key`, or None."""
    if cache_dir is None:
        return None
    try:
        with open(Path(cache_dir) / FILE_NAME, "rb") as file:
            stored_key, library, pages = pickle.load(file)
    except FileNotFoundError:
        return None
    except Exception as error:  # damaged, or from another version: load the content instead
        log.info("content snapshot not used (%s)", error)
        return None
    return (library, pages) if stored_key == key and isinstance(library, Library) else None


def save(cache_dir: Path | None, key: str, library: Library, pages: dict[str, str]) -> None:
    if cache_dir is None:
        return
    folder = Path(cache_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".snapshot-", dir=folder)
        with os.fdopen(handle, "wb") as file:
            pickle.dump((key, library, pages), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, folder / FILE_NAME)
    except OSError as error:
        log.info("content snapshot not saved (%s)", error)
        try:
            os.unlink(temporary)
        except (OSError, UnboundLocalError):
            pass
