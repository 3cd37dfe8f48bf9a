"""Reading rendered HTML back as plain text: for the reading grade, for the search index (one entry
per section of a page) and for the checker's look at tags, anchors and links."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote", "pre", "br"}
_SECTION_HEADINGS = {"h2", "h3"}
_SKIPPED_CLASSES = {"tick"}  # a checklist's box: ☐ or ☑, not words


@dataclass
class TextSection:
    """The text under one heading; the part before the first heading has no anchor or heading."""

    anchor: str | None
    heading: str
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


class HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[TextSection] = [TextSection(None, "")]
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self._heading: list[str] | None = None
        self._skipping: str | None = None  # the tag whose text is left out

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        values = dict(attrs)
        for name in ("id", "name"):
            if values.get(name):
                self.ids.add(values[name])
        if tag == "a" and values.get("href") is not None:
            self.hrefs.append(values["href"])
        if tag in _BLOCKS:
            self._end_sentence()
        if tag in _SECTION_HEADINGS:
            self.sections.append(TextSection(values.get("id"), ""))
            self._heading = []
        if self._skipping is None and _SKIPPED_CLASSES & set((values.get("class") or "").split()):
            self._skipping = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._skipping:
            self._skipping = None
        if tag in _SECTION_HEADINGS and self._heading is not None:
            self.sections[-1].heading = " ".join("".join(self._heading).split())
            self._heading = None
        if tag in _BLOCKS:
            self._end_sentence()

    def handle_data(self, data: str) -> None:
        if self._skipping is not None:
            return
        self.sections[-1].parts.append(data)
        if self._heading is not None:
            self._heading.append(data)

    def _end_sentence(self) -> None:
        """Headings and list items rarely end with a full stop, but they end a sentence."""
        parts = self.sections[-1].parts
        text = "".join(parts[-3:]).rstrip()
        if text and text[-1] not in ".!?:;":
            parts.append(".")
        parts.append(" ")

    @property
    def text(self) -> str:
        return " ".join(section.text for section in self.sections if section.text)


def read_html(html: str) -> HtmlText:
    reader = HtmlText()
    reader.feed(html)
    reader.close()
    return reader
