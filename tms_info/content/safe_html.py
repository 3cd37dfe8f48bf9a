"""What clinic content may make Qt read and draw: the HTML it keeps and the files it opens.

Qt's rich text reads whatever a page names: `<img src="/dev/zero">` until memory runs out, a FIFO
for ever, `<link>` style sheets and `url(...)` from anywhere, and a `<style>` restyles the app's
own page parts. So the HTML of every page is passed through an allowlist (nh3, the Python binding
of the Ammonia sanitiser) that keeps what Qt can show, and every resource is read here, the one
way: a regular file under an allowed folder, no larger than a cap, and (for a picture) one that
passes the picture check. Anything else is refused unread, with one log line.

No Qt here: the views, the handouts and the checker share these rules.
"""
from __future__ import annotations

import logging
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tms_info.content.pictures import MAX_PICTURE_BYTES, picture_problem

log = logging.getLogger(__name__)

MAX_RESOURCE_BYTES = MAX_PICTURE_BYTES

# Qt's "Supported HTML Subset" less the document-level tags (a page is a fragment).
KEPT_TAGS = frozenset({
    "a", "address", "b", "big", "blockquote", "br", "center", "cite", "code", "dd", "dfn", "div", "dl",
    "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "nobr", "ol",
    "p", "pre", "s", "samp", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "tt", "u", "ul", "var",
})
REMOVED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "title"})
_CELL = {"align", "valign", "width", "height", "bgcolor", "colspan", "rowspan", "nowrap"}
KEPT_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title", "align", "dir", "lang", "style"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "font": {"color", "size", "face"},
    "ol": {"type", "start"},
    "ul": {"type"},
    "li": {"value"},
    "table": {"border", "bgcolor", "cellspacing", "cellpadding", "width", "height"},
    "td": _CELL,
    "th": _CELL,
    "tr": {"valign", "bgcolor"},
}
# links are followed only by the app's own router (tms_info.content.links), which refuses all but its
# own forms and https with a message to the reader; these are kept so that message is shown
LINK_SCHEMES = frozenset({"article", "glossary", "app", "tick", "https", "http", "mailto", "tel", "file", "data",
                          "javascript", "ftp"})
# never shown, and named in `check`: what can read a file, run code, or restyle the app's own page parts
UNSAFE_TAGS = frozenset({"script", "style", "link", "meta", "base", "iframe", "frame", "frameset", "object", "embed",
                         "applet", "form", "input", "button", "textarea", "select", "svg", "math", "template"})
# a style attribute that could name a file or hide a word from this check is dropped whole
_RISKY_STYLE = re.compile(r"url|image|@|\\|expression|behavior|binding", re.IGNORECASE)
_REFUSED_SRC = "refused:"
_REFUSED_IMG = re.compile(r'<img\b[^>]*?\ssrc="refused:(\d+)"[^>]*>')
_IMG_WITHOUT_SRC = re.compile(r'<img\b(?![^>]*\ssrc=)[^>]*>')


@dataclass(frozen=True)
class Refusal:
    """Something a page asked for that is not shown: `written` as the author wrote it (to find
    its line), and why."""

    written: str
    message: str


# ----- resources ------------------------------------------------------------------------------

def _within(path: Path, folders: Iterable[Path]) -> bool:
    return any(path.is_relative_to(folder) for folder in folders)


def allowed_folders(roots: Iterable[Path]) -> tuple[Path, ...]:
    from tms_info.locations import resources_root

    return tuple(dict.fromkeys(Path(root).resolve() for root in (*roots, resources_root())))


def path_of(location: str) -> Path | None:
    """The local file a `file:` URL or an absolute path names; None for anything else."""
    parts = urlsplit(location)
    if parts.scheme == "file" and parts.netloc in ("", "localhost"):
        return Path(unquote(parts.path))
    if not parts.scheme and location.startswith("/"):
        return Path(unquote(parts.path))
    return None


def resource_problem(path: Path, folders: Iterable[Path] | None) -> str | None:
    """Why the file at `path` must not be read (without opening it); None if it may. `folders`
    None: any folder (a view not told its content folders; pages resolve pictures before)."""
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "not found"
    if folders is not None and not _within(resolved, folders):
        return "outside the content folders"
    try:
        status = os.stat(resolved)
    except OSError:
        return "not found"
    if not stat.S_ISREG(status.st_mode):
        return "not a regular file"
    if status.st_size > MAX_RESOURCE_BYTES:
        return f"larger than {MAX_RESOURCE_BYTES // (1024 * 1024)} MB"
    return None


# a picture's verdict, kept while its file is unchanged: a page shown again is not checked again
_VERDICTS: dict[tuple[str, int, int, int], str | None] = {}
_UNKNOWN = object()


def read_picture(path: Path, folders: Iterable[Path] | None) -> tuple[bytes | None, str | None]:
    """The bytes of a picture that may be drawn, or None and why not. The file is opened without
    blocking and checked again once open, so a file swapped for a FIFO or a device is not read."""
    problem = resource_problem(path, folders)
    if problem:
        return None, problem
    try:
        descriptor = os.open(path.resolve(), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None, "cannot be opened"
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            return None, "not a regular file"
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            data = file.read(MAX_RESOURCE_BYTES + 1)
    except OSError:
        return None, "cannot be read"
    finally:
        os.close(descriptor)
    key = (str(path), status.st_ino, status.st_mtime_ns, status.st_size)
    problem = _VERDICTS.get(key, _UNKNOWN)
    if problem is _UNKNOWN:
        problem = picture_problem(data, path.name)
        if len(_VERDICTS) >= 256:
            _VERDICTS.clear()
        _VERDICTS[key] = problem
    return (None, problem) if problem else (data, None)


def load_resource(location: str, roots: Iterable[Path] | None) -> bytes | None:
    """What a view, a tooltip or a handout may load for `location` (a file URL or path), or None
    (logged once) when the rules above refuse it. `roots`: the content folders (the app's own
    resources are always allowed); None when the caller was not told them."""
    path = path_of(location)
    if path is None:
        log.warning("resource refused (only pictures in the content folders are shown): %s", location[:200])
        return None
    data, problem = read_picture(path, None if roots is None else allowed_folders(roots))
    if problem:
        log.warning("picture not shown (%s): %s", problem, path)
    return data


# ----- HTML -----------------------------------------------------------------------------------

def plain_label(text: str) -> str:
    """`text` for a tooltip or label that Qt may read as rich text: shown as written, never as
    markup that loads a picture."""
    if "<" not in text and "&" not in text:
        return text
    return f"<p>{escape(text, quote=False)}</p>"


def refused_placeholder(alt: str, inline: bool = True) -> str:
    """What is shown in place of a picture that is not drawn: its alt text, in brackets in a line of
    text or in a box on its own line. Why it is not drawn is for the log and `check`, not the reader."""
    words = escape(alt.strip() or "A picture")
    note = "(This picture cannot be shown.)"
    if inline:
        return f'<span class="picture-refused">[{words} {note}]</span>'
    return (f'<table class="picture-refused" border="1" cellspacing="0" cellpadding="12" width="100%">'
            f"<tr><td>{words}<br /><small>{note}</small></td></tr></table>")


def _alt(tag: str) -> str:
    alt = re.search(r'\salt="([^"]*)"', tag)
    return unescape(alt.group(1)) if alt else ""


class Sanitiser:
    """The allowlist over one page's HTML. `resolve_picture(src)` gives the URL a picture is shown
    from, or raises ValueError with the reason it is not shown."""

    def __init__(self, resolve_picture: Callable[[str], str]) -> None:
        import nh3

        self._resolve_picture = resolve_picture
        self._refused: list[tuple[str, str]] = []
        self._cleaner = nh3.Cleaner(
            tags=set(KEPT_TAGS), clean_content_tags=set(REMOVED_WITH_CONTENT), attributes=KEPT_ATTRIBUTES,
            attribute_filter=self._attribute, url_schemes=set(LINK_SCHEMES), link_rel=None, strip_comments=True)

    def _attribute(self, tag: str, name: str, value: str) -> str | None:
        if name == "style" and _RISKY_STYLE.search(value):
            return None
        if tag == "img" and name == "src":
            try:
                return self._resolve_picture(value)
            except ValueError as reason:
                self._refused.append((value, str(reason)))
                return f"{_REFUSED_SRC}{len(self._refused) - 1}"
        return value

    def clean(self, html: str) -> tuple[str, list[Refusal]]:
        """The HTML Qt is given, and each picture refused on the way (pictures in Markdown are
        checked before, by the figure step)."""
        self._refused = []
        clean = self._cleaner.clean(html)
        refused = self._refused
        if refused:
            def placeholder(match: re.Match) -> str:
                return refused_placeholder(_alt(match.group(0)))
            clean = _REFUSED_IMG.sub(placeholder, clean)
            clean = clean.replace(f'src="{_REFUSED_SRC}', 'src="')  # any the pattern missed: nothing to load
        if "<img" in clean:
            clean = _IMG_WITHOUT_SRC.sub(lambda match: refused_placeholder(_alt(match.group(0))), clean)
        return clean, [Refusal(written, f"picture not shown ({reason}): {written}") for written, reason in refused]


def sanitise(html: str) -> str:
    """`html` with only what the app shows: Qt's tags, the attributes our pages use, no `<style>`,
    `<link>`, `<script>`, event attributes or style that names a file, and no picture from a
    relative or non-file address (pictures are resolved before this, in the Markdown step)."""
    def only_files(src: str) -> str:
        if urlsplit(src).scheme != "file":
            raise ValueError("only pictures in the content folders are shown")
        return src

    return Sanitiser(only_files).clean(html)[0]


def dropped_markup(html: str) -> list[Refusal]:
    """Each tag and attribute of `html` the allowlist will drop, once each, for the checker."""
    from html.parser import HTMLParser

    found: dict[str, Refusal] = {}

    class Reader(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag not in KEPT_TAGS:
                key = f"<{tag}"
                how = ("is not allowed: it is removed" if tag in UNSAFE_TAGS
                       else "cannot be shown by the app: only its text is kept")
                found.setdefault(key, Refusal(key, f"raw HTML <{tag}> {how}"))
                return
            kept = KEPT_ATTRIBUTES["*"] | KEPT_ATTRIBUTES.get(tag, set())
            for name, value in attrs:
                if name.startswith("on"):
                    found.setdefault(name, Refusal(
                        name, f"raw HTML event attribute '{name}' is not allowed: it is removed"))
                elif name not in kept:
                    found.setdefault(f"{tag} {name}", Refusal(
                        name, f"raw HTML attribute '{name}' on <{tag}> is removed"))
                elif name == "style" and _RISKY_STYLE.search(value or ""):
                    found.setdefault(f"style {value}", Refusal(value or "style",
                                     "raw HTML style that names a file (url, image, @import) is removed"))

    reader = Reader(convert_charrefs=True)
    reader.feed(html)
    reader.close()
    return list(found.values())
