"""Python-Markdown extensions for the app's articles.

- GlossaryExtension links the first use of each glossary term in a page to its entry.
- InternalLinkExtension turns relative links to .md files into page and glossary links.
- CalloutExtension turns admonitions (`!!! key-points "Key points"`) into boxes QTextBrowser can
  draw with a border (a one-cell table: it draws borders on tables only).
- FigureExtension resolves pictures next to the Markdown file and gives a lone picture a caption
  taken from its title.

They work on the parsed element tree, after inline parsing, the way markdown's own abbr extension does.
"""
from __future__ import annotations

import logging
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from tms_info.content.links import article_href, term_href, tick_href
from tms_info.content.model import GLOSSARY_FOLDER, Term, page_id_for

log = logging.getLogger(__name__)

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_NO_GLOSSARY_LINKS = _HEADINGS | {"a", "code", "pre", "abbr", "sup", "script", "style", "img"}
CALLOUT_TITLE_CLASS = "callout-title"


class GlossaryMatcher:
    """One pattern of every name of every term, longest first, and the way back to the term.

    Case rules: a name written all in lower case matches in any case ("relapse", "Relapse");
    a name with capitals matches as written, except that its first letter may be capitalised
    at the start of a sentence ("deep TMS", "Deep TMS"; but "TMS" never matches "tms").
    A plural "s" is accepted on names ending in a lower-case letter ("coils", "sessions").
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms: dict[str, Term] = {}
        self._by_name: dict[str, str] = {}
        for term in terms:
            self.terms[term.id] = term
            for name in term.names:
                self._by_name.setdefault(self._key(name), term.id)
        names = sorted({name for term in self.terms.values() for name in term.names}, key=len, reverse=True)
        alternatives = "|".join(self._pattern(name) for name in names if name.strip())
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])") if alternatives else None

    @staticmethod
    def _key(text: str) -> str:
        return " ".join(text.split()).casefold()

    @staticmethod
    def _pattern(name: str) -> str:
        words = [re.escape(word) for word in name.split()]
        body = r"\s+".join(words)
        if name[-1].islower() and not name.endswith("s"):
            body += "s?"
        if name == name.lower():
            return f"(?i:{body})"
        first = name[0]
        if first.islower():
            return f"[{first}{first.upper()}]{body[1:]}"
        return body

    def term_for(self, text: str) -> Term | None:
        key = self._key(text)
        term_id = self._by_name.get(key)
        if term_id is None and key.endswith("s"):
            term_id = self._by_name.get(key[:-1])
        return self.terms.get(term_id) if term_id else None


class GlossaryTreeprocessor(Treeprocessor):
    """Wraps the first use of each term in a link to its glossary entry, in document order."""

    def __init__(self, md: Markdown, extension: GlossaryExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        matcher = self.extension.matcher
        if matcher.pattern is None:
            return
        linked: set[str] = set(self.extension.skip_terms)
        self._walk(root, matcher, linked)
        self.extension.linked = linked - self.extension.skip_terms

    def _walk(self, element: etree.Element, matcher: GlossaryMatcher, linked: set[str]) -> None:
        if element.tag in _NO_GLOSSARY_LINKS or CALLOUT_TITLE_CLASS in element.get("class", ""):
            return
        if element.text and not isinstance(element.text, AtomicString):
            element.text, links = self._split(element.text, matcher, linked)
            for index, link in enumerate(links):
                element.insert(index, link)
        for child in list(element):
            self._walk(child, matcher, linked)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail, links = self._split(child.tail, matcher, linked)
                position = list(element).index(child) + 1
                for offset, link in enumerate(links):
                    element.insert(position + offset, link)

    @staticmethod
    def _split(text: str, matcher: GlossaryMatcher, linked: set[str]) -> tuple[str, list[etree.Element]]:
        """The text before the first link, and the links, each carrying the text after it as its tail."""
        head, links, start = text, [], 0
        for match in matcher.pattern.finditer(text):
            term = matcher.term_for(match.group(0))
            if term is None or term.id in linked:
                continue
            linked.add(term.id)
            link = etree.Element("a", {"href": term_href(term.id), "title": term.short, "class": "term"})
            link.text = AtomicString(match.group(0))
            if links:
                links[-1].tail = text[start:match.start()]
            else:
                head = text[:match.start()]
            links.append(link)
            start = match.end()
        if links:
            links[-1].tail = text[start:]
        return head, links


class GlossaryExtension(Extension):
    """Glossary linking; `skip_terms` leaves a term unlinked (a glossary entry never links to itself)."""

    def __init__(self, terms: Iterable[Term] = (), **kwargs) -> None:
        super().__init__(**kwargs)
        self.matcher = GlossaryMatcher(terms)
        self.skip_terms: set[str] = set()
        self.linked: set[str] = set()

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "glossary_links", 7)

    def reset(self) -> None:
        self.skip_terms = set()
        self.linked = set()


class InternalLinkTreeprocessor(Treeprocessor):
    """`../treatment/02-session.md#risks` -> `article:treatment/session#risks`;
    `../glossary/rtms.md` -> `glossary:rtms`. Paths are relative to the page's own file."""

    def __init__(self, md: Markdown, extension: InternalLinkExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            parts = urlsplit(href)
            if parts.scheme in ("http", "https") and self.extension.external_as_text:
                link.tag = "span"
                link.attrib.clear()
                link.set("class", "address")
                link.append(etree.Element("span"))
                link[-1].text = AtomicString(f" ({href})")
                continue
            if parts.scheme or parts.netloc or not parts.path.endswith(".md"):
                continue
            resolved = resolve_relative_link(self.extension.current, unquote(parts.path), parts.fragment or None)
            self.extension.rewritten.append((href, resolved))
            link.set("href", resolved)


def resolve_relative_link(from_relative: str, target: str, anchor: str | None = None) -> str:
    """The app link for a relative .md link written in the file at `from_relative`."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_relative), target))
    if joined.startswith("../") or joined == "..":
        return article_href(joined, anchor)  # outside the content: shows "page not found"
    parts = joined.split("/")
    if len(parts) == 2 and parts[0] == GLOSSARY_FOLDER:
        return term_href(parts[1][: -len(".md")].lower())
    return article_href(page_id_for(joined), anchor)


class InternalLinkExtension(Extension):
    """`rewritten` keeps (as written, as resolved) for each link of the last page, for the checker.
    With `external_as_text` (a kiosk), a link to a website becomes its text and its address."""

    def __init__(self, external_as_text: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.current = "index.md"
        self.external_as_text = external_as_text
        self.rewritten: list[tuple[str, str]] = []

    def reset(self) -> None:
        self.rewritten = []

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(InternalLinkTreeprocessor(md, self), "internal_links", 8)


TICKED, UNTICKED = "☑", "☐"
_TASK = re.compile(r"^\[( |x|X)\]\s+")


class ChecklistTreeprocessor(Treeprocessor):
    """`- [ ] question` becomes a list item with a box a reader can tick: a link, so it works by
    mouse and keyboard alike, and prints as ☐ or ☑. `- [x]` starts ticked; `toggled` holds the
    numbers of the boxes the reader has changed."""

    def __init__(self, md: Markdown, extension: ChecklistExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        number = 0
        for listing in root.iter("ul"):
            for item in listing.findall("li"):
                holder = item[0] if len(item) and item[0].tag == "p" and not (item.text or "").strip() else item
                match = _TASK.match(holder.text or "")
                if not match:
                    continue
                ticked = (match.group(1) != " ") != (number in self.extension.toggled)
                box = etree.Element("a", {"href": tick_href(number), "class": "tick",
                                          "title": "Ticked. Click to untick." if ticked else "Click to tick."})
                box.text = AtomicString(TICKED if ticked else UNTICKED)
                box.tail = " " + holder.text[match.end():]
                holder.text = None
                holder.insert(0, box)
                listing.set("class", "checklist")
                number += 1


class ChecklistExtension(Extension):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.toggled: frozenset[int] = frozenset()

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(ChecklistTreeprocessor(md, self), "checklist", 9.8)


MEDIUM_BLOCKS = {"screen-only": "screen", "print-only": "paper"}


class CalloutTreeprocessor(Treeprocessor):
    """`<div class="admonition key-points">` -> a one-cell table with class `callout key-points`.

    `!!! screen-only ""` and `!!! print-only ""` are not boxes: their text is shown as it is on the
    medium it is meant for (screen or paper) and left out of the other."""

    def __init__(self, md: Markdown, extension: CalloutExtension) -> None:
        super().__init__(md)
        self.extension = extension

    @staticmethod
    def _kind(element: etree.Element) -> str | None:
        classes = element.get("class", "").split()
        if element.tag != "div" or "admonition" not in classes:
            return None
        return next((name for name in classes if name != "admonition"), "note")

    def run(self, root: etree.Element) -> None:
        while medium_block := next(((parent, child) for parent in root.iter() for child in parent
                                    if self._kind(child) in MEDIUM_BLOCKS), None):
            parent, block = medium_block
            self._unwrap(parent, block, keep=MEDIUM_BLOCKS[self._kind(block)] == self.extension.medium)
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                kind = self._kind(child)
                if kind is None:
                    continue
                table = etree.Element("table", {"class": f"callout {kind}", "width": "100%",
                                                "cellspacing": "0", "cellpadding": "14"})
                cell = etree.SubElement(etree.SubElement(table, "tr"), "td")
                for content in list(child):
                    if content.get("class") == "admonition-title":
                        content.set("class", CALLOUT_TITLE_CLASS)
                    cell.append(content)
                table.tail = child.tail
                parent.remove(child)
                parent.insert(index, table)

    @staticmethod
    def _unwrap(parent: etree.Element, block: etree.Element, keep: bool) -> None:
        """Puts the block's own paragraphs in its place, or nothing if the block is not kept."""
        index = list(parent).index(block)
        kept = [c for c in block if c.get("class") != "admonition-title"] if keep else []
        if block.tail and block.tail.strip():
            holder = kept[-1] if kept else (parent[index - 1] if index else None)
            if holder is None:
                parent.text = (parent.text or "") + block.tail
            else:
                holder.tail = (holder.tail or "") + block.tail
        parent.remove(block)
        for offset, content in enumerate(kept):
            parent.insert(index + offset, content)


class CalloutExtension(Extension):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.medium = "screen"  # or "paper"

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(CalloutTreeprocessor(md, self), "callouts", 9)


class FigureTreeprocessor(Treeprocessor):
    """Resolves every picture to a file URL; a paragraph holding only a picture becomes a figure
    with its title as the caption underneath."""

    def __init__(self, md: Markdown, extension: FigureExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        for image in root.iter("img"):
            written = image.get("src", "")
            resolved = self._resolve(written)
            self.extension.pictures.append(Picture(written, image.get("alt", ""), found=resolved != written))
            image.set("src", resolved)
        for parent in root.iter():
            for index, paragraph in enumerate(list(parent)):
                if paragraph.tag != "p" or len(paragraph) != 1 or paragraph[0].tag != "img":
                    continue
                image = paragraph[0]
                if (paragraph.text or "").strip() or (image.tail or "").strip():
                    continue
                paragraph.set("class", "figure")
                paragraph.set("align", "center")
                caption = image.attrib.pop("title", "")
                if caption:
                    caption_paragraph = etree.Element("p", {"class": "caption", "align": "center"})
                    caption_paragraph.text = caption
                    caption_paragraph.tail = paragraph.tail
                    paragraph.tail = None
                    parent.insert(index + 1, caption_paragraph)

    def _resolve(self, src: str) -> str:
        parts = urlsplit(src)
        if parts.scheme or not parts.path:
            return src
        source = self.extension.source_file
        path = (source.parent / unquote(parts.path)).resolve()
        if not path.is_file():
            log.warning("%s: picture not found: %s", source, src)
            return src
        return path.as_uri()


@dataclass(frozen=True)
class Picture:
    src: str
    alt: str
    found: bool


class FigureExtension(Extension):
    """`pictures` keeps each picture of the last page, for the checker."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.source_file = Path("index.md")
        self.pictures: list[Picture] = []

    def reset(self) -> None:
        self.pictures = []

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(FigureTreeprocessor(md, self), "figures", 9.5)


class Converter:
    """The app's Markdown set-up: the standard extensions the articles use and the app's own."""

    def __init__(self, terms: Iterable[Term], external_as_text: bool = False) -> None:
        from markdown.extensions.admonition import AdmonitionExtension
        from markdown.extensions.attr_list import AttrListExtension
        from markdown.extensions.footnotes import FootnoteExtension
        from markdown.extensions.sane_lists import SaneListExtension
        from markdown.extensions.tables import TableExtension
        from markdown.extensions.toc import TocExtension

        self.glossary = GlossaryExtension(terms=terms)
        self.links = InternalLinkExtension(external_as_text=external_as_text)
        self.figures = FigureExtension()
        self.checklist = ChecklistExtension()
        self.callouts = CalloutExtension()
        self.markdown = Markdown(
            extensions=[  # instances, not names: naming them makes markdown scan every installed package
                TableExtension(), AttrListExtension(), FootnoteExtension(), AdmonitionExtension(),
                SaneListExtension(), TocExtension(),
                self.checklist, self.callouts, self.figures, self.links, self.glossary,
            ],
            output_format="html",
        )

    def convert(self, text: str, source: Path, relative: str, toggled: frozenset[int] = frozenset(),
                skip_term: str | None = None, for_paper: bool = False) -> str:
        self.markdown.reset()
        self.checklist.toggled = toggled
        self.callouts.medium = "paper" if for_paper else "screen"
        self.figures.source_file = source
        self.links.current = relative
        if skip_term:
            self.glossary.skip_terms = {skip_term}
        return self.markdown.convert(text)
