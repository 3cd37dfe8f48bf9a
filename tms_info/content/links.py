"""What a clicked link means: another page, a glossary entry, a spot on this page, the web, or
something the app refuses to open. Rendered pages only ever contain these forms:

    article:ID#anchor    a page of the library      glossary:ID    a glossary entry
    #anchor              a spot on the same page    app:back       the Back button
    tick:N               a box of a checklist       https://...    a web page, opened in the system browser after asking
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from urllib.parse import unquote

ARTICLE_SCHEME = "article"
GLOSSARY_SCHEME = "glossary"
APP_SCHEME = "app"
TICK_SCHEME = "tick"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


class LinkKind(Enum):
    ARTICLE = "article"
    TERM = "term"
    ANCHOR = "anchor"
    BACK = "back"
    TICK = "tick"
    EXTERNAL = "external"
    REFUSED = "refused"


@dataclass(frozen=True)
class Link:
    kind: LinkKind
    target: str = ""
    anchor: str | None = None


def article_href(page_id: str, anchor: str | None = None) -> str:
    return f"{ARTICLE_SCHEME}:{page_id}" + (f"#{anchor}" if anchor else "")


def term_href(term_id: str) -> str:
    return f"{GLOSSARY_SCHEME}:{term_id}"


def tick_href(number: int) -> str:
    return f"{TICK_SCHEME}:{number}"


def classify(href: str) -> Link:
    href = href.strip()
    if href.startswith("#"):
        return Link(LinkKind.ANCHOR, anchor=unquote(href[1:]))
    match = _SCHEME.match(href)
    if not match:
        return Link(LinkKind.REFUSED, href)
    scheme, rest = match.group(1).lower(), href[match.end():]
    if scheme == ARTICLE_SCHEME:
        target, _, anchor = rest.partition("#")
        return Link(LinkKind.ARTICLE, unquote(target).strip("/"), unquote(anchor) or None)
    if scheme == GLOSSARY_SCHEME:
        return Link(LinkKind.TERM, unquote(rest))
    if scheme == APP_SCHEME and rest == "back":
        return Link(LinkKind.BACK)
    if scheme == TICK_SCHEME and rest.isdigit():
        return Link(LinkKind.TICK, rest)
    if scheme in ("http", "https") and rest.startswith("//") and len(rest) > 2:
        return Link(LinkKind.EXTERNAL, href)
    return Link(LinkKind.REFUSED, href)
