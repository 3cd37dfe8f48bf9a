"""Reading the YAML that people write (front matter, lay words, crisis words) the one safe way.

libyaml's safe loader where PyYAML has it (about eight times quicker than the Python one), and
never an anchor or alias: with them a few lines can name each other until they fill the memory.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import yaml

T = TypeVar("T")

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_FILE_BYTES = 256 * 1024  # a word list many times longer than the bundled ones


def load_yaml(text: str) -> object:
    """The data in `text`; yaml.YAMLError (with the line in `problem_mark`) if it is not valid YAML
    or uses an anchor or alias."""
    if "&" not in text and "*" not in text:  # no anchor or alias can be written without one of them
        return yaml.load(text, Loader=_LOADER)
    for token in yaml.scan(text, Loader=_LOADER):
        if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
            raise yaml.MarkedYAMLError(problem="anchors and aliases (&name, *name) are not allowed",
                                       problem_mark=token.start_mark)
    return yaml.load(text, Loader=_LOADER)


def read_yaml_file(path: Path) -> object:
    """The data in a YAML file of words; ValueError if it is larger than MAX_FILE_BYTES."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValueError(f"the file is larger than {MAX_FILE_BYTES // 1024} KB")
    return load_yaml(path.read_text(encoding="utf-8"))


def read_each_root(roots: Iterable[Path], file_name: str, parse: Callable[[object], T], log: logging.Logger,
                   problems: list[str] | None = None) -> list[T]:
    """`parse` applied to the data of `file_name` in each root that has one, in the roots' order. A
    file that cannot be read, or that `parse` refuses with ValueError, is reported (logged, and
    added to `problems`) and skipped; the others still count."""
    found = []
    for root in roots:
        path = Path(root) / file_name
        if not path.is_file():
            continue
        try:
            found.append(parse(read_yaml_file(path) or {}))
        except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError) as error:
            log.warning("%s: skipped: %s", path, error)
            if problems is not None:
                problems.append(f"{path}: skipped: {' '.join(str(error).split())}")
    return found
