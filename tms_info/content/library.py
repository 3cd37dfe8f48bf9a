"""Loads pages and glossary terms from one or more content roots into plain objects.

The bundled content is the first root; a clinic's folder can be another, laid on top: a page or
term with the same id in a later root replaces the earlier one. A file that cannot be read is
skipped with a warning naming it, so one bad file never keeps the rest from loading.
"""
from __future__ import annotations

import logging
import os
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from tms_info.content.languages import DEFAULT_LANGUAGE, folder_language
from tms_info.content.model import (
    EVIDENCE_LEVELS,
    GLOSSARY_FOLDER,
    HOME_ID,
    Page,
    Source,
    Term,
    TreeNode,
    page_id_for,
    split_order,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    """Something wrong with a content file, with where it is; a warning is something the app works
    around that the author should still know about."""

    path: Path
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentError(Exception):
    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line


# eight times the longest bundled article; a page at the limit renders on a worker thread and takes
# the window's own thread under 0.1 s to show
MAX_PAGE_BYTES = 96 * 1024
MAX_FOLDER_DEPTH = 16
"""The largest page or glossary file read: over 20 times the longest article (11 KB), and small
enough that a page of ordinary text this long renders in about half a second. (Some odd pages take
Python-Markdown longer whatever their size: markdown_ext's time limit stops those.)"""


def _size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


def read_page_bytes(path: Path) -> bytes:
    """A page file's bytes, if it is a regular file of at most MAX_PAGE_BYTES (opened without
    waiting, so a pipe named like a page cannot hang the start)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise ContentError("not a regular file")
        data = file.read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        raise ContentError(f"the file is {_size_text(max(status.st_size, len(data)))}, more than the "
                           f"{_size_text(MAX_PAGE_BYTES)} a page may be: split it into shorter pages")
    return data


def read_front_matter(path: Path) -> tuple[dict, str, int]:
    """Split a Markdown file into its YAML front matter, its body and the body's first line."""
    try:
        text = read_page_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ContentError(f"not UTF-8 text (byte {error.start})") from None
    if not text.strip():
        raise ContentError("the file is empty")
    lines = text.splitlines(keepends=True)
    if lines[0].rstrip() != "---":
        raise ContentError("front matter missing: the file must start with a line '---'")
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            break
    else:
        raise ContentError("front matter not closed: add a line '---' after it")
    import yaml  # here, not at the top: a start from the content snapshot does not need it

    from tms_info.content.yaml_text import load_yaml

    try:
        meta = load_yaml("".join(lines[1:index]))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(error, "problem", None) or "not valid YAML"
        raise ContentError(f"front matter is broken: {reason}", line) from None
    if not isinstance(meta, dict):
        raise ContentError("front matter must be a list of 'key: value' lines")
    return meta, "".join(lines[index + 1:]), index + 2


SOURCE_FIELDS = frozenset({"authors", "year", "title", "journal", "publisher", "doi", "pmid", "url", "funder"})


class _Fields:
    """Typed access to front matter; a wrong optional value is reported and left out."""

    def __init__(self, meta: dict, path: Path, problems: list[Problem]) -> None:
        self.meta, self.path, self.problems = meta, path, problems

    def _wrong(self, key: str, expected: str) -> None:
        problem = Problem(self.path, 1, f"'{key}' should be {expected}; ignored")
        self.problems.append(problem)
        log.warning("%s", problem)

    def required_text(self, key: str) -> str:
        value = self.meta.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ContentError(f"front matter needs '{key}' (text)")
        return value.strip()

    def text(self, key: str) -> str:
        value = self.meta.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self._wrong(key, "text")
            return ""
        return value.strip()

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.meta.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self._wrong(key, "a list of text items")
            return ()
        return tuple(item.strip() for item in value if item.strip())

    def sources(self, key: str) -> tuple[Source, ...]:
        """Each source as fields (authors, year, title, journal or publisher, doi, pmid, url,
        funder), or as one line of text."""
        value = self.meta.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            value = [value]
        found = []
        for number, item in enumerate(value, start=1):
            if isinstance(item, str) and item.strip():
                found.append(Source(title=item.strip()))
                continue
            if not isinstance(item, dict):
                self._wrong(f"{key}' item '{number}", "text, or fields such as 'title' and 'year'")
                continue
            unknown = sorted(str(name) for name in item if name not in SOURCE_FIELDS)
            texts = {name: item.get(name) for name in SOURCE_FIELDS if name != "year"}
            year = item.get("year")
            if unknown or not isinstance(item.get("title"), str) or not item["title"].strip() \
                    or not all(v is None or (isinstance(v, (str, int)) and not isinstance(v, bool))
                               for v in texts.values()) \
                    or not (year is None or (isinstance(year, int) and not isinstance(year, bool))):
                self._wrong(f"{key}' item '{number}",
                            "a 'title' (text) with optional " + ", ".join(sorted(SOURCE_FIELDS - {"title"}))
                            + (f" (not {', '.join(unknown)})" if unknown else "")
                            + "; 'year' a number")
                continue
            text = {name: str(v).strip() for name, v in texts.items() if v is not None}
            found.append(Source(title=text["title"], authors=text.get("authors", ""), year=year,
                                published_in=text.get("journal") or text.get("publisher", ""),
                                doi=text.get("doi", ""), pmid=text.get("pmid", ""), url=text.get("url", ""),
                                funder=text.get("funder", "")))
        return tuple(found)

    def day(self, key: str) -> date | None:
        value = self.meta.get(key)
        if value is None or (isinstance(value, date) and not hasattr(value, "hour")):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self._wrong(key, "a date such as 2026-11-20")
        return None

    def choice(self, key: str, allowed: Sequence[str]) -> str | None:
        value = self.meta.get(key)
        if value is None:
            return None
        if isinstance(value, str) and value.strip().lower() in allowed:
            return value.strip().lower()
        self._wrong(key, "one of " + ", ".join(allowed))
        return None


def _without_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _title_from_folder(name: str) -> str:
    return split_order(name)[1].replace("-", " ").replace("_", " ").strip().capitalize()


class Library:
    """All pages and glossary terms, by id, and the topic tree derived from them."""

    def __init__(self, pages: dict[str, Page], terms: dict[str, Term], problems: list[Problem],
                 roots: tuple[Path, ...] = (), language: str = DEFAULT_LANGUAGE,
                 unlabelled_language: str = DEFAULT_LANGUAGE) -> None:
        self.roots = roots
        self.language = language  # what the reader chose; a page not translated yet keeps its own
        # the language of the roots named for none ('en', 'es'): their pages, and search their word files
        self.unlabelled_language = unlabelled_language
        self.pages = pages
        self.terms = terms
        self.problems = problems
        self._children: dict[str, tuple[Page, ...]] = {}
        by_parent: dict[str, list[Page]] = {}
        for page in pages.values():
            if page.id != HOME_ID:
                by_parent.setdefault(page.parent_id, []).append(page)
        for parent, children in by_parent.items():
            self._children[parent] = tuple(sorted(children, key=lambda page: page.sort_key))

    @classmethod
    def load(cls, roots: Iterable[Path], local_roots: Iterable[Path] = (), language: str = DEFAULT_LANGUAGE,
             unlabelled_language: str = DEFAULT_LANGUAGE) -> Library:
        """The library of `roots` (the reviewed content), with `local_roots` (a clinic's own
        folders) laid on top; pages and terms from those are marked `local`.

        A root named for a language ('en', 'es') holds pages in that language; any other root's
        pages are taken to be in `unlabelled_language`. `language` is the reader's choice: roots
        come in the order English, then the translation laid over it, so an untranslated page
        shows in English."""
        pages: dict[str, Page] = {}
        terms: dict[str, Term] = {}
        problems: list[Problem] = []
        sections: dict[str, Page] = {}
        roots, local_roots = tuple(Path(r) for r in roots), tuple(Path(r) for r in local_roots)
        for root in roots + local_roots:
            root_pages, root_terms, root_sections = _load_root(
                root, problems, local=root in local_roots, language=folder_language(root) or unlabelled_language)
            pages.update(root_pages)
            terms.update(root_terms)
            for section_id, section in root_sections.items():
                sections.setdefault(section_id, section)
        for section_id, section in sections.items():  # only where no root has an index.md for it
            pages.setdefault(section_id, section)
        return cls(pages, terms, problems, roots + local_roots, language, unlabelled_language)

    def page(self, page_id: str) -> Page | None:
        return self.pages.get(page_id)

    def term(self, term_id: str) -> Term | None:
        return self.terms.get(term_id)

    def children(self, section_id: str) -> tuple[Page, ...]:
        return self._children.get(section_id, ())

    def tree(self, section_id: str = "") -> tuple[TreeNode, ...]:
        return tuple(TreeNode(page, self.tree(page.id) if page.is_section else ())
                     for page in self.children(section_id))

    def terms_a_to_z(self) -> list[Term]:
        """In dictionary order, where an accent does not move a word ("células" before "corteza")."""
        return sorted(self.terms.values(), key=lambda term: (_without_accents(term.term.casefold()), term.term))

    def breadcrumb(self, page_id: str) -> list[Page]:
        """The sections above a page, outermost first."""
        crumbs: list[Page] = []
        page = self.pages.get(page_id)
        while page is not None and page.parent_id:
            page = self.pages.get(page.parent_id)
            if page is not None:
                crumbs.insert(0, page)
        return crumbs


def walk_folders(root: Path | str, enter: Callable[[str], bool] = lambda name: True,
                 refused: Callable[[str, str], None] | None = None) -> Iterator[tuple[str, list[str]]]:
    """Each folder below a root, with the names of its files, in name order. Linked folders are
    followed, once each, and linked files kept, only where the link stays inside the root: a link
    out of it (to '/', to someone's home folder) is left out and given to `refused` with where it
    leads. A subfolder whose name `enter` refuses is left out (and not reported), and so is anything
    more than MAX_FOLDER_DEPTH folders down (no topic list is that deep; the topic tree is built by
    recursion over it)."""
    base = os.path.realpath(root)
    inside = base if base.endswith(os.sep) else base + os.sep
    seen: set[str] = set()
    stack = [(os.fspath(root), 0)]
    while stack:
        folder, depth = stack.pop()
        real = os.path.realpath(folder)
        if real in seen:
            continue
        seen.add(real)
        subfolders: list[str] = []
        names: list[str] = []
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_symlink() or getattr(entry, "is_junction", bool)():  # a Windows junction too
                        target = os.path.realpath(entry.path)
                        if target != base and not target.startswith(inside):
                            if refused is not None and enter(entry.name):
                                refused(entry.path, target)
                            continue
                    try:
                        is_folder = entry.is_dir()
                    except OSError:
                        is_folder = False
                    if not is_folder:
                        names.append(entry.name)
                    elif enter(entry.name) and depth < MAX_FOLDER_DEPTH:
                        subfolders.append(entry.name)
        except OSError:
            continue
        yield folder, sorted(names)
        stack.extend((os.path.join(folder, name), depth + 1) for name in sorted(subfolders, reverse=True))


def _is_content_name(name: str) -> bool:
    return not name.startswith((".", "_"))


def _walk(root: Path, problems: list[Problem] | None = None) -> tuple[list[Path], list[Path]]:
    """Markdown files, and folders that hold some, below a root; names starting with '.' or '_'
    are left out, and so are links that lead out of the root (each one reported in `problems`)."""

    def refuse(path: str, target: str) -> None:
        problem = Problem(Path(path), 1, f"a link to {target}, outside the content folder {root}: not followed "
                          "(to show that folder, name it in content_dirs)", warning=True)
        log.warning("%s", problem)
        if problems is not None:
            problems.append(problem)

    files: list[Path] = []
    folders: list[Path] = []
    for folder, names in walk_folders(root, _is_content_name, refuse):
        found = [Path(folder) / name for name in names if name.endswith(".md") and _is_content_name(name)]
        files += found
        if found and Path(folder) != root:
            for parent in [Path(folder), *Path(folder).parents]:
                if parent == root:
                    break
                if parent not in folders:
                    folders.append(parent)
    return files, sorted(folders)


def _load_root(root: Path, problems: list[Problem], local: bool = False, language: str = DEFAULT_LANGUAGE,
               ) -> tuple[dict[str, Page], dict[str, Term], dict[str, Page]]:
    """Pages, terms, and the section pages a folder without an index.md stands for."""
    pages: dict[str, Page] = {}
    terms: dict[str, Term] = {}
    if not root.is_dir():
        problem = Problem(root, 1, "content folder not found" if not root.exists() else "not a folder")
        problems.append(problem)
        log.warning("%s", problem)
        return pages, terms, {}

    if not os.access(root, os.R_OK | os.X_OK):
        problem = Problem(root, 1, "content folder cannot be read (permission denied)")
        problems.append(problem)
        log.warning("%s", problem)
        return pages, terms, {}

    def skip(path: Path, error: ContentError) -> None:
        problem = Problem(path, error.line, f"skipped: {error}")
        problems.append(problem)
        log.warning("%s", problem)

    markdown_files, folders = _walk(root, problems)
    for path in markdown_files:
        relative = path.relative_to(root)
        try:
            if relative.parts[0] == GLOSSARY_FOLDER:
                if len(relative.parts) == 2:
                    term = _read_term(path, problems, language)
                    terms[term.id] = replace(term, local=local) if local else term
                continue
            page = read_page(path, relative, problems, language)
        except ContentError as error:
            skip(path, error)
            continue
        except OSError as error:
            skip(path, ContentError(f"cannot be read ({error.strerror})"))
            continue
        if page.id in pages:
            skip(path, ContentError(f"the id '{page.id}' is already used by {pages[page.id].source.name}"))
            continue
        pages[page.id] = replace(page, local=local) if local else page

    sections: dict[str, Page] = {}
    for folder in folders:
        relative = folder.relative_to(root)
        if relative.parts[0] == GLOSSARY_FOLDER:
            continue
        section_id = page_id_for(relative / "index.md")
        sections.setdefault(section_id, Page(
            id=section_id, title=_title_from_folder(folder.name), body="", source=folder,
            relative=(relative / "index.md").as_posix(),
            order=split_order(folder.name)[0], is_section=True, local=local, language=language))
    return pages, terms, sections


def read_page(path: Path, relative: Path, problems: list[Problem], language: str = DEFAULT_LANGUAGE) -> Page:
    """The page stored at `path` (`relative` to its content root); what is wrong in it goes to `problems`."""
    meta, body, body_line = read_front_matter(path)
    fields = _Fields(meta, path, problems)
    is_section = relative.name == "index.md"
    order_source = relative.parent.name if is_section else relative.stem
    return Page(
        id=page_id_for(relative.as_posix()),
        title=fields.required_text("title"),
        body=body,
        source=path,
        relative=relative.as_posix(),
        body_line=body_line,
        summary=fields.text("summary"),
        reviewed=fields.day("reviewed"),
        evidence=fields.choice("evidence", EVIDENCE_LEVELS),
        sources=fields.sources("sources"),
        order=split_order(order_source)[0],
        is_section=is_section and relative.parent != Path("."),
        language=language,
        translated_from=fields.day("translated_from"),
    )


def _read_term(path: Path, problems: list[Problem], language: str = DEFAULT_LANGUAGE) -> Term:
    meta, body, body_line = read_front_matter(path)
    fields = _Fields(meta, path, problems)
    return Term(
        id=path.stem.lower(),
        term=fields.required_text("term"),
        short=fields.required_text("short"),
        body=body,
        source=path,
        body_line=body_line,
        aliases=fields.texts("aliases"),
        see_also=fields.texts("see_also"),
        articles=fields.texts("articles"),
        language=language,
    )
