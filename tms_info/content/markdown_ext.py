"""Python-Markdown extensions for the app's articles.

- GlossaryExtension links the first use of each glossary term in a page to its entry.
- InternalLinkExtension turns relative links to .md files into page and glossary links.
- CalloutExtension turns admonitions (`!!! key-points "Key points"`) into boxes QTextBrowser can
  draw with a tinted fill and a coloured left bar (a one-cell table: it draws borders on tables only).
- FigureExtension resolves pictures next to the Markdown file and gives a lone picture a caption
  taken from its title.
- TimeLimitExtension ends a conversion that takes too long (RenderTimeout).

Nothing here recurses over the tree: a page's nesting is up to its author, and Python's stack is not.
They work on the parsed element tree, after inline parsing, the way markdown's own abbr extension does.
"""
from __future__ import annotations

import logging
import math
import posixpath
import re
import time
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.htmlparser import HTMLExtractor
from markdown.preprocessors import HtmlBlockPreprocessor
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from tms_info.content.links import article_href, term_href, tick_href
from tms_info.content.model import GLOSSARY_FOLDER, Term, page_id_for

if TYPE_CHECKING:  # nh3 and the picture check are loaded only when a page is converted
    from tms_info.content.safe_html import Refusal, Sanitiser

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


@dataclass(frozen=True)
class _Tail:
    """Work left for after a child's subtree: the child, then the links in its tail, go into `children`."""

    child: etree.Element
    children: list[etree.Element]


@dataclass(frozen=True)
class _NewChildren:
    element: etree.Element
    children: list[etree.Element]


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
        self._link(root, matcher, linked)
        self.extension.linked = linked - self.extension.skip_terms

    def _link(self, root: etree.Element, matcher: GlossaryMatcher, linked: set[str]) -> None:
        """Visits the text in document order (an element's text, each child's subtree, that child's
        tail) with a stack of its own, so a deeply nested page cannot exhaust Python's; each element
        gets its new children in one step, so the work grows with the page and not its square."""
        stack: list[etree.Element | _Tail | _NewChildren] = [root]
        while stack:
            item = stack.pop()
            if isinstance(item, _Tail):
                item.children.append(item.child)
                if item.child.tail and not isinstance(item.child.tail, AtomicString):
                    item.child.tail, links = self._split(item.child.tail, matcher, linked)
                    item.children.extend(links)
                continue
            if isinstance(item, _NewChildren):
                if len(item.children) != len(item.element):
                    item.element[:] = item.children
                continue
            element = item
            if element.tag in _NO_GLOSSARY_LINKS or CALLOUT_TITLE_CLASS in element.get("class", ""):
                continue
            children: list[etree.Element] = []
            if element.text and not isinstance(element.text, AtomicString):
                element.text, children = self._split(element.text, matcher, linked)
            stack.append(_NewChildren(element, children))
            for child in reversed(element):
                stack.append(_Tail(child, children))
                stack.append(child)

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
            word = etree.SubElement(link, "span")  # carries the dotted underline: Qt keeps an anchor's own solid
            word.text = AtomicString(match.group(0))
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
    """`<div class="admonition key-points">` -> a one-cell table with class `callout key-points`, its
    cell `callout-body key-points` (the stylesheet gives it a tinted fill and a coloured left bar).

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
        for parent in _post_order(root):  # a block inside another is unwrapped before the outer one
            if any(self._kind(child) in MEDIUM_BLOCKS for child in parent):
                self._unwrap_blocks(parent)
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                kind = self._kind(child)
                if kind is None:
                    continue
                table = etree.Element("table", {"class": f"callout {kind}", "width": "100%",
                                                "cellspacing": "0", "cellpadding": "14"})
                cell = etree.SubElement(etree.SubElement(table, "tr"), "td", {"class": f"callout-body {kind}"})
                for content in list(child):
                    if content.get("class") == "admonition-title":
                        content.set("class", CALLOUT_TITLE_CLASS)
                    cell.append(content)
                table.tail = child.tail
                parent[index] = table

    def _unwrap_blocks(self, parent: etree.Element) -> None:
        """Puts each block's own paragraphs in its place, or nothing if the block is not kept."""
        children: list[etree.Element] = []
        for child in parent:
            kind = self._kind(child)
            if kind not in MEDIUM_BLOCKS:
                children.append(child)
                continue
            if MEDIUM_BLOCKS[kind] == self.extension.medium:
                children += [content for content in child if content.get("class") != "admonition-title"]
            if child.tail and child.tail.strip():
                if children:
                    children[-1].tail = (children[-1].tail or "") + child.tail
                else:
                    parent.text = (parent.text or "") + child.tail
        parent[:] = children


def _post_order(root: etree.Element) -> Iterator[etree.Element]:
    """Every element below `root` after all of its own children, without recursion (a page's
    nesting is up to its author)."""
    stack: list[tuple[etree.Element, bool]] = [(root, False)]
    while stack:
        element, children_done = stack.pop()
        if children_done:
            yield element
            continue
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))


class CalloutExtension(Extension):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.medium = "screen"  # or "paper"

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(CalloutTreeprocessor(md, self), "callouts", 9)


class FigureTreeprocessor(Treeprocessor):
    """Resolves every picture to a file URL, after checking it may be drawn (a regular file in the
    page's content folder or the app's resources, small enough, and a picture Qt can draw in a
    moment); a picture that may not is replaced by its alt text in a box. A paragraph holding only
    a picture becomes a figure with its title as the caption underneath."""

    def __init__(self, md: Markdown, extension: FigureExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        self.extension.begin(self._content_root())
        refused: dict[etree.Element, str] = {}
        for image in root.iter("img"):
            written = image.get("src", "")
            try:
                resolved = self.extension.resolve(written)
            except ValueError as reason:
                found = str(reason) != NOT_FOUND
                if found:
                    log.warning("%s: picture not shown (%s): %s", self.extension.source_file, reason, written)
                else:
                    log.warning("%s: picture not found: %s", self.extension.source_file, written)
                self.extension.pictures.append(Picture(written, image.get("alt", ""), found, str(reason)))
                refused[image] = str(reason)
                continue
            self.extension.pictures.append(Picture(written, image.get("alt", ""), found=True))
            image.set("src", resolved)
        for parent in list(root.iter()):
            children: list[etree.Element] = []
            for child in parent:
                children.extend(self._figure(child, refused))
            if len(children) != len(parent) or any(a is not b for a, b in zip(children, parent, strict=False)):
                parent[:] = children

    @staticmethod
    def _figure(child: etree.Element, refused: dict[etree.Element, str]) -> list[etree.Element]:
        """What takes the place of `child`: a lone picture's paragraph becomes a figure and its
        caption; a picture that is not shown, its alt text in a box."""
        from tms_info.content.safe_html import refused_placeholder

        if child in refused:
            box = etree.fromstring(refused_placeholder(child.get("alt", "")))
            box.tail = child.tail
            return [box]
        if child.tag != "p" or len(child) != 1 or child[0].tag != "img":
            return [child]
        image = child[0]
        if (child.text or "").strip() or (image.tail or "").strip():
            return [child]
        if image in refused:
            box = etree.fromstring(refused_placeholder(image.get("alt", ""), inline=False))
            box.tail = child.tail
            return [box]
        child.set("class", "figure")
        child.set("align", "center")
        caption = image.attrib.pop("title", "")
        if not caption:
            return [child]
        caption_paragraph = etree.Element("p", {"class": "caption", "align": "center"})
        caption_paragraph.text = caption
        caption_paragraph.tail = child.tail
        child.tail = None
        return [child, caption_paragraph]

    def _content_root(self) -> Path:
        """The content folder the page belongs to: its file less the path it has in the library."""
        source = self.extension.source_file
        depth = max(1, len(Path(self.extension.relative).parts))
        return source.parents[depth - 1] if depth <= len(source.parents) else source.parent


class SanitisePostprocessor(Postprocessor):
    """The page's HTML through the allowlist (tms_info.content.safe_html): what Qt cannot show, or
    must not load, never reaches it. Raw HTML pictures are resolved and checked as Markdown ones are."""

    def __init__(self, md: Markdown, extension: FigureExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        from tms_info.content.safe_html import Sanitiser, dropped_markup

        if self.extension.sanitiser is None:
            self.extension.sanitiser = Sanitiser(self.extension.resolve)
        clean, refused = self.extension.sanitiser.clean(text)
        for refusal in refused:
            log.warning("%s: %s", self.extension.source_file, refusal.message)
        raw = "".join(block for block in self.md.htmlStash.rawHtmlBlocks if isinstance(block, str))
        if raw:
            refused = dropped_markup(raw) + refused
        if refused:
            self.extension.refused[self.extension.source_file] = refused
        else:
            self.extension.refused.pop(self.extension.source_file, None)
        return clean


NOT_FOUND = "not found"


@dataclass(frozen=True)
class Picture:
    src: str
    alt: str
    found: bool
    problem: str = ""  # why it is not shown, when it is not


class FigureExtension(Extension):
    """`pictures` keeps each Markdown picture of the last page, and `refused` what the last
    conversion of each file left out (pictures, raw HTML), for the checker."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.source_file = Path("index.md")
        self.relative = "index.md"  # the file's path inside its content folder
        self.pictures: list[Picture] = []
        self.refused: dict[Path, list[Refusal]] = {}
        self.sanitiser: Sanitiser | None = None  # made at the first page converted
        self._folders: tuple[Path, ...] = ()
        self._approved: set[str] = set()

    def reset(self) -> None:
        self.pictures = []
        self._approved = set()

    def begin(self, content_root: Path) -> None:
        from tms_info.content.safe_html import allowed_folders

        self._folders = allowed_folders([content_root])
        self._approved = set()

    def resolve(self, src: str) -> str:
        """The file URL a picture is drawn from; ValueError with the reason it is not drawn."""
        from tms_info.content.safe_html import path_of, read_picture

        if src in self._approved:
            return src
        parts = urlsplit(src)
        if parts.scheme == "file":
            path = path_of(src)
        elif parts.scheme or parts.netloc:
            raise ValueError("only pictures in the content folders are shown")
        elif not parts.path:
            raise ValueError(NOT_FOUND)
        else:
            path = self.source_file.parent / unquote(parts.path)
        if path is None:
            raise ValueError("only pictures in the content folders are shown")
        if not self._folders:
            self.begin(self.source_file.parent)
        _data, problem = read_picture(path, self._folders)
        if problem:
            raise ValueError(problem)
        resolved = path.resolve().as_uri()
        self._approved.add(resolved)
        return resolved

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(FigureTreeprocessor(md, self), "figures", 9.5)
        md.postprocessors.register(SanitisePostprocessor(md, self), "sanitise", 1)


RENDER_SECONDS = 2.0
MAX_TABLE_NESTING = 4
_TABLE_TAG = re.compile(r"<(/?)table\b", re.IGNORECASE)


class RenderRefused(Exception):
    """A page the app will not show; the message says why, in words for the person who wrote it."""


class RenderTimeout(RenderRefused):
    """A page took longer to convert than a reader can be kept waiting."""


def check_table_nesting(html: str) -> None:
    """Refuses tables more deeply inside each other than MAX_TABLE_NESTING: the reader's time to lay
    them out doubles with each level (20 boxes inside each other take Qt 20 s). Boxes are tables,
    and raw HTML can hold its own, so this reads the finished HTML."""
    depth = 0
    for tag in _TABLE_TAG.finditer(html):
        depth = max(depth - 1, 0) if tag.group(1) else depth + 1
        if depth > MAX_TABLE_NESTING:
            raise RenderRefused(f"it puts boxes or tables more than {MAX_TABLE_NESTING} deep inside each other")


class TimeLimitExtension(Extension):
    """Stops a conversion that runs past its deadline with RenderTimeout.

    A few inputs make Python-Markdown's own work grow with the square of their length (10,000
    '[' take half a minute: each one looks for its closing bracket to the end of the text). Every
    step of its parsers checks the clock, so such a page fails in about `seconds` instead. It must
    be the last extension, to see every processor the others registered."""

    def __init__(self, seconds: float = RENDER_SECONDS, **kwargs) -> None:
        super().__init__(**kwargs)
        self.seconds = seconds
        self.deadline = math.inf

    def start(self) -> None:
        self.deadline = time.monotonic() + self.seconds

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise RenderTimeout(f"it takes longer than {self.seconds:g} s to prepare")

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(_TimedHtmlBlockPreprocessor(md, self), "html_block", 20)  # Markdown's own place
        for registry, step in ((md.preprocessors, "run"), (md.parser.blockprocessors, "test"),
                               (md.parser.blockprocessors, "run"), (md.inlinePatterns, "handleMatch"),
                               (md.treeprocessors, "run"), (md.postprocessors, "run")):
            for processor in registry:
                setattr(processor, step, self._timed(getattr(processor, step)))

    def _timed(self, step):
        def timed(*args, **kwargs):
            self.check()
            return step(*args, **kwargs)
        return timed


class _TimedHtmlExtractor(HTMLExtractor):
    """Python-Markdown's reader of raw HTML, checking the clock after each tag (10,000 unclosed
    '<a ' take seconds on Python's HTML parser before 3.13.4: each one is read to the end)."""

    def __init__(self, md: Markdown, time_limit: TimeLimitExtension) -> None:
        self.time_limit = time_limit
        super().__init__(md)

    def updatepos(self, i: int, j: int) -> int:
        self.time_limit.check()
        return super().updatepos(i, j)


class _TimedHtmlBlockPreprocessor(HtmlBlockPreprocessor):
    def __init__(self, md: Markdown, time_limit: TimeLimitExtension) -> None:
        super().__init__(md)
        self.time_limit = time_limit

    def run(self, lines: list[str]) -> list[str]:  # as Python-Markdown's own, with the timed reader
        parser = _TimedHtmlExtractor(self.md, self.time_limit)
        parser.feed("\n".join(lines))
        parser.close()
        return "".join(parser.cleandoc).split("\n")


class Converter:
    """The app's Markdown set-up: the standard extensions the articles use and the app's own.

    A conversion that fails leaves Python-Markdown's state half-way (its inline processor then
    skips every later page's emphasis and links), so its Markdown is made afresh after one; the
    app's own extensions, and what they gathered, stay."""

    def __init__(self, terms: Iterable[Term], external_as_text: bool = False) -> None:
        self.glossary = GlossaryExtension(terms=terms)
        self.links = InternalLinkExtension(external_as_text=external_as_text)
        self.figures = FigureExtension()
        self.checklist = ChecklistExtension()
        self.callouts = CalloutExtension()
        self.time_limit = TimeLimitExtension()
        self._build()

    def _build(self) -> None:
        from markdown.extensions.admonition import AdmonitionExtension
        from markdown.extensions.attr_list import AttrListExtension
        from markdown.extensions.footnotes import FootnoteExtension
        from markdown.extensions.sane_lists import SaneListExtension
        from markdown.extensions.tables import TableExtension
        from markdown.extensions.toc import TocExtension

        self.markdown = Markdown(
            extensions=[  # instances, not names: naming them makes markdown scan every installed package
                TableExtension(), AttrListExtension(), FootnoteExtension(), AdmonitionExtension(),
                SaneListExtension(), TocExtension(),
                self.checklist, self.callouts, self.figures, self.links, self.glossary, self.time_limit,
            ],
            output_format="html",
        )

    def convert(self, text: str, source: Path, relative: str, toggled: frozenset[int] = frozenset(),
                skip_term: str | None = None, for_paper: bool = False) -> str:
        self.markdown.reset()
        self.checklist.toggled = toggled
        self.callouts.medium = "paper" if for_paper else "screen"
        self.figures.source_file, self.figures.relative = source, relative
        self.links.current = relative
        if skip_term:
            self.glossary.skip_terms = {skip_term}
        self.time_limit.start()
        try:
            html = self.markdown.convert(text)
        except BaseException:
            self._build()
            raise
        check_table_nesting(html)
        return html
