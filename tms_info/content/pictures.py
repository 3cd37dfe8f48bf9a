"""Checking a picture before Qt draws it: an SVG is a program for the renderer, and a 2 KB file of
`<use>` elements that repeat each other can keep the window busy for minutes or show a file from
anywhere on the machine.

An SVG is read with expat as a stream of elements, with no entity declarations and no file or
network fetched, and refused when it is too large, too deep, would draw too many elements once
every `<use>` is expanded (counted once per element, with the count of each reference kept), or
points at anything but itself (`#id`) or an embedded raster picture (`data:image/png`...).
Pictures in other formats are decoded by Qt, which caps what it allocates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.parsers import expat

MAX_PICTURE_BYTES = 2 * 1024 * 1024  # the largest bundled picture is under 40 KB
# What Qt draws, every <use> expanded: one for each element and one more for each 40 characters of
# path data or text (a use of a long path costs what the path costs). The bundled pictures cost at most
# ~1,000; at 5,000 Qt draws a picture in about a quarter of a second on a 2020s laptop.
MAX_SVG_ELEMENTS = 5_000
_CHARACTERS_PER_STEP = 40
MAX_SVG_DEPTH = 64
MAX_PICTURE_SIDE = 4000  # pixels, for SVG (drawn at its own size first) and raster pictures alike
MAX_PICTURE_PIXELS = 4000 * 4000
_SLOW_TAGS = {"filter": "SVG filters (blur and the like) are not drawn"}

_XLINK_HREF = "http://www.w3.org/1999/xlink href"
_EMBEDDED_RASTER = re.compile(r"^data:image/(png|jpeg|jpg|gif|bmp|webp)[;,]", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.IGNORECASE)
_LENGTH = re.compile(r"^\s*([0-9.eE+-]+)\s*(px|pt|pc|mm|cm|in|em|ex|%)?\s*$")
_PIXELS_PER = {"px": 1, "pt": 4 / 3, "pc": 16, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96, "em": 16, "ex": 8}


class PictureRefused(ValueError):
    """The picture breaks one of the bounds above; the message says which, in plain words."""


def looks_like_svg(data: bytes, name: str = "") -> bool:
    if name.lower().endswith((".svg", ".svgz")):
        return True
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg")) or b"<svg" in head


def picture_problem(data: bytes, name: str = "") -> str | None:
    """Why the picture in `data` (read from a file called `name`) must not be drawn; None if it may."""
    if len(data) > MAX_PICTURE_BYTES:
        return f"the picture is larger than {MAX_PICTURE_BYTES // (1024 * 1024)} MB"
    if name.lower().endswith(".svgz") or data[:2] == b"\x1f\x8b":
        return "compressed SVG (.svgz) is not supported: save it as plain .svg"
    if not looks_like_svg(data, name):
        return _raster_problem(data)
    try:
        check_svg(data)
    except PictureRefused as refused:
        return str(refused)
    return None


def _raster_problem(data: bytes) -> str | None:
    """A raster picture whose header gives more pixels than the cap: a small file can hold a huge one."""
    size = _raster_size(data)
    if size and (max(size) > MAX_PICTURE_SIDE * 4 or size[0] * size[1] > MAX_PICTURE_PIXELS):
        return f"the picture is {size[0]:,} by {size[1]:,} pixels; at most {MAX_PICTURE_PIXELS:,} pixels are drawn"
    return None


def _raster_size(data: bytes) -> tuple[int, int] | None:
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return int.from_bytes(data[6:8], "little"), int.from_bytes(data[8:10], "little")
    if data[:2] == b"\xff\xd8":  # JPEG: the first start-of-frame segment holds the size
        position = 2
        while position + 9 <= len(data) and data[position] == 0xFF:
            marker = data[position + 1]
            length = int.from_bytes(data[position + 2:position + 4], "big")
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                return (int.from_bytes(data[position + 7:position + 9], "big"),
                        int.from_bytes(data[position + 5:position + 7], "big"))
            position += 2 + length
    return None


@dataclass
class _Node:
    parent: int
    reference: str | None = None  # the id a <use> repeats
    children: list[int] = field(default_factory=list)
    cost: int = 1


class _SvgReader:
    def __init__(self) -> None:
        self.nodes: list[_Node] = []
        self.ids: dict[str, int] = {}
        self.open: list[int] = []
        self.in_style = False
        self.cost = 0

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if len(self.open) >= MAX_SVG_DEPTH:
            raise PictureRefused(f"the SVG nests elements more than {MAX_SVG_DEPTH} deep")
        tag = name.rpartition(" ")[2]
        parent = self.open[-1] if self.open else -1
        index = len(self.nodes)
        if tag in _SLOW_TAGS:
            raise PictureRefused(_SLOW_TAGS[tag])
        node = _Node(parent)
        shape = attributes.get("d", "") or attributes.get("points", "")
        if shape:
            node.cost += len(shape) // _CHARACTERS_PER_STEP
        self.cost += node.cost
        if self.cost > MAX_SVG_ELEMENTS:
            raise PictureRefused(f"the SVG would draw more than {MAX_SVG_ELEMENTS:,} elements")
        self.nodes.append(node)
        if parent >= 0:
            self.nodes[parent].children.append(index)
        self.open.append(index)
        if "id" in attributes:
            self.ids.setdefault(attributes["id"], index)
        if index == 0:
            self._check_size(attributes)
        href = attributes.get("href", attributes.get(_XLINK_HREF))
        if href is not None and tag != "a":
            href = href.strip()
            if href.startswith("#"):
                if tag == "use":
                    node.reference = href[1:]
            elif not _EMBEDDED_RASTER.match(href):
                raise PictureRefused(f"the SVG refers to something outside itself: <{tag}> {href[:80]}")
        for value in attributes.values():
            self._check_css(value)
        self.in_style = tag == "style"

    def end(self, _name: str) -> None:
        self.open.pop()
        self.in_style = False

    def text(self, data: str) -> None:
        if self.open and len(data) >= _CHARACTERS_PER_STEP:
            steps = len(data) // _CHARACTERS_PER_STEP
            self.nodes[self.open[-1]].cost += steps
            self.cost += steps
            if self.cost > MAX_SVG_ELEMENTS:
                raise PictureRefused(f"the SVG would draw more than {MAX_SVG_ELEMENTS:,} elements")
        if self.in_style:
            if "@import" in data.lower():
                raise PictureRefused("the SVG's style imports another file")
            self._check_css(data)

    @staticmethod
    def _check_css(value: str) -> None:
        if "url(" not in value.lower():
            return
        for target in _CSS_URL.findall(value):
            if not target.startswith("#"):
                raise PictureRefused(f"the SVG refers to something outside itself: url({target[:80]})")

    @staticmethod
    def _check_size(attributes: dict[str, str]) -> None:
        for side in ("width", "height"):
            match = _LENGTH.match(attributes.get(side, ""))
            if match and match.group(2) != "%":
                try:
                    pixels = float(match.group(1)) * _PIXELS_PER.get(match.group(2) or "px", 1)
                except ValueError:
                    continue
                if pixels > MAX_PICTURE_SIDE:
                    raise PictureRefused(f"the SVG is {pixels:,.0f} pixels {'wide' if side == 'width' else 'high'}; "
                                         f"at most {MAX_PICTURE_SIDE:,} are drawn")

    def drawn(self) -> int:
        """How many elements are drawn once every <use> is expanded; refuses a <use> that repeats
        itself. Each element is counted once and its count kept (iterative: no Python recursion)."""
        counts: list[int | None] = [None] * len(self.nodes)
        visiting = [False] * len(self.nodes)
        for start in range(len(self.nodes)):
            if counts[start] is not None:
                continue
            stack = [start]
            while stack:
                index = stack[-1]
                node = self.nodes[index]
                target = self.ids.get(node.reference) if node.reference is not None else None
                pending = [child for child in node.children if counts[child] is None]
                if target is not None and counts[target] is None:
                    pending.append(target)
                if pending and not visiting[index]:
                    visiting[index] = True
                    for other in pending:
                        if visiting[other]:
                            raise PictureRefused("the SVG has a <use> that repeats itself")
                    stack.extend(pending)
                    continue
                if pending:  # visited, and still waiting: only a loop can leave it so
                    raise PictureRefused("the SVG has a <use> that repeats itself")
                stack.pop()
                visiting[index] = False
                if counts[index] is not None:
                    continue
                total = node.cost + sum(counts[child] for child in node.children)
                if target is not None:
                    total += counts[target]
                if total > MAX_SVG_ELEMENTS:
                    raise PictureRefused(f"the SVG would draw more than {MAX_SVG_ELEMENTS:,} elements "
                                         "once its <use> copies are counted")
                counts[index] = total
        return counts[0] if counts else 0


def check_svg(data: bytes) -> int:
    """What drawing the SVG in `data` costs (elements, and steps of long paths and texts, with every
    <use> expanded); raises PictureRefused past a bound."""
    if len(data) > MAX_PICTURE_BYTES:
        raise PictureRefused(f"the picture is larger than {MAX_PICTURE_BYTES // (1024 * 1024)} MB")
    reader = _SvgReader()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def no_entities(*_args: object) -> None:
        raise PictureRefused("the SVG declares entities (<!ENTITY>), which are not allowed")

    parser.EntityDeclHandler = no_entities
    parser.ExternalEntityRefHandler = lambda *_args: 0  # never fetch a DTD or an entity file
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.text
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise PictureRefused(f"the SVG is not valid XML: {expat.ErrorString(error.code)} "
                             f"(line {error.lineno})") from None
    if not reader.nodes:
        raise PictureRefused("the SVG has no elements")
    return reader.drawn()
