"""The plain objects content is made of: pages (articles and section pages) and glossary terms.

Ids are derived from paths and never from titles, so bookmarks, links and `--open` keep working
when a title is reworded or a file is renumbered.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

HOME_ID = "home"
HELP_NOW_ID = "help-now"
GLOSSARY_FOLDER = "glossary"
EVIDENCE_LEVELS = ("strong", "moderate", "mixed", "low", "early")

_ORDER_PREFIX = re.compile(r"^(\d+)[-_ ]+")


def split_order(name: str) -> tuple[int | None, str]:
    """'02-how-it-works' -> (2, 'how-it-works'); a name without a prefix has no order."""
    match = _ORDER_PREFIX.match(name)
    if match:
        return int(match.group(1)), name[match.end():]
    return None, name


def page_id_for(relative_path: PurePosixPath | str) -> str:
    """The stable id of the page stored at a path relative to a content root.

    `01-about/02-how-it-works.md` -> `about/how-it-works`; `01-about/index.md` -> `about`;
    the root `index.md` is the home page.
    """
    parts = [split_order(part)[1] for part in PurePosixPath(relative_path).parts]
    if not parts:
        return HOME_ID
    last = parts.pop()
    if last.endswith(".md"):
        last = last[: -len(".md")]
    if last != "index":
        parts.append(last)
    return "/".join(parts) or HOME_ID


def parent_id_of(page_id: str) -> str:
    """The section a page belongs to: '' for the top level (and for home itself)."""
    if page_id == HOME_ID or "/" not in page_id:
        return ""
    return page_id.rsplit("/", 1)[0]


@dataclass(frozen=True)
class Source:
    """One published source of a page's facts, as its front matter gives it.

    A source written as one line of text (the older form, still accepted for clinics' pages) has
    only `title`, which then holds the whole line.
    """

    title: str
    authors: str = ""
    year: int | None = None
    published_in: str = ""  # the journal, or the publisher of a report or web page
    doi: str = ""
    pmid: str = ""
    url: str = ""
    funder: str = ""

    @property
    def citation(self) -> str:
        """The source as one line of plain text: authors (year). Title. Journal."""
        if self.is_single_line:
            return self.title
        head = " ".join(part for part in (self.authors, f"({self.year})" if self.year else "") if part)
        parts = [part.rstrip(".") for part in (head, self.title, self.published_in) if part]
        if self.funder:
            parts.append(f"Funded by {self.funder.rstrip('.')}")
        return ". ".join(parts) + "."

    @property
    def is_single_line(self) -> bool:
        return not (self.authors or self.year or self.published_in)

    @property
    def link(self) -> str:
        """Where the source can be read: its DOI, PubMed record or web address; empty if none."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return self.url


@dataclass(frozen=True)
class Page:
    """An article, or a section's introduction page (its folder's index.md)."""

    id: str
    title: str
    body: str
    source: Path
    relative: str = ""
    body_line: int = 1
    summary: str = ""
    reviewed: date | None = None
    evidence: str | None = None
    sources: tuple[Source, ...] = ()
    order: int | None = None
    is_section: bool = False
    local: bool = False  # from a clinic's own folder, not the reviewed library
    language: str = "en"
    translated_from: date | None = None  # the English page's `reviewed` this translation follows

    @property
    def parent_id(self) -> str:
        return parent_id_of(self.id)

    @property
    def sort_key(self) -> tuple[int, str]:
        return (self.order if self.order is not None else 10_000, self.title.casefold())


@dataclass(frozen=True)
class Term:
    """A glossary entry: the words it is known by, a one-sentence tooltip and an explanation."""

    id: str
    term: str
    short: str
    body: str
    source: Path
    body_line: int = 1
    aliases: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    local: bool = False
    language: str = "en"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class TreeNode:
    """One row of the topic tree: a page and, for a section, the rows under it."""

    page: Page
    children: tuple[TreeNode, ...] = ()
