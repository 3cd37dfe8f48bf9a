"""Full-text search over pages, section by section, and glossary terms, on SQLite FTS5.

Each language has its own index. English uses the `porter unicode61` tokenizer (as Qt Assistant
does); another language's words are folded and stemmed with Snowball before they go into FTS5 (and
a query's words the same way), while the text a person sees in snippets stays as written: the FTS5
tables are external-content tables over the original text (search_language.py). Titles and
headings are weighted over body text in bm25. On top of FTS5: lay words and synonyms kept as content
(`lay-words.yaml` in a content root), prefix matching while typing, and a spelling fallback that
looks up close words of the index's own vocabulary through a trigram table.

The index is cached on disk, keyed by the content folders, the language and a hash of the
content, and rebuilt when the content changes;
a cache that cannot be read or written is rebuilt, or kept in memory, and never stops a search.
"""
from __future__ import annotations

import hashlib
import html
import json
import logging
import math
import os
import re
import sqlite3
import tempfile
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from difflib import get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from tms_info.content.crisis import CrisisWords, load_crisis_words
from tms_info.content.i18n import translate
from tms_info.content.library import Library
from tms_info.content.model import HELP_NOW_ID, HOME_ID, Page, Term
from tms_info.content.plaintext import HtmlText, read_html
from tms_info.content.search_language import SearchLanguage, fold, language_roots, search_language
from tms_info.content.spelling import edit_distance
from tms_info.content.yaml_text import read_each_root

if TYPE_CHECKING:  # Markdown is loaded only to build an index
    from tms_info.content.render import Renderer

log = logging.getLogger(__name__)

SCHEMA_VERSION = "9"
MAX_CACHED_SETUPS = 4  # content set-ups whose indexes are kept side by side
LAY_WORDS_FILE = "lay-words.yaml"
MAX_QUERY_WORDS = 12
MAX_WORD_LENGTH = 40
TITLE_WEIGHT, HEADING_WEIGHT, BODY_WEIGHT = 10.0, 4.0, 1.0
SECTION_PAGE_WEIGHT = 0.6  # a section's introduction ranks below the articles it lists
CANDIDATES = 60  # pages that hold any of the words, re-ranked by how many of them they hold
COMMON_SHARE = 0.5  # a word in more than this share of pages is not needed for a match
ROWS_PER_PAGE = 1000  # rowids between two pages are left for the first page's sections
_MARK_START, _MARK_END = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)
_fold = fold


def words_of(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


def _grams(word: str) -> set[str]:
    """The word's runs of three letters: close spellings share most of them. (A plain table, not
    FTS5's trigram tokenizer, which SQLite before 3.34 does not have.)"""
    return {word[i:i + 3] for i in range(len(word) - 2)}


def _read_only_uri(path: Path) -> str:
    """A file URI that SQLite reads as this path, whatever characters it holds ("#", "?", "%")."""
    return path.absolute().as_uri() + "?mode=ro"


# ----- what goes into the index -----------------------------------------------------------------

@dataclass(frozen=True)
class IndexedSection:
    anchor: str | None
    heading: str
    text: str


def indexed_sections(body_html: str | HtmlText) -> list[IndexedSection]:
    """A rendered page (its HTML, or that HTML already read) split at its headings (h2 and h3), as
    plain text, with the anchors the page the reader sees has: the index is built from the same
    HTML the view shows."""
    parsed = read_html(body_html) if isinstance(body_html, str) else body_html
    sections = []
    for section in parsed.sections:
        text = section.text
        if section.heading and text.startswith(section.heading):
            text = text[len(section.heading):].lstrip(". ")
        if section.anchor or text:
            sections.append(IndexedSection(section.anchor, section.heading, text))
    return sections


def load_lay_words(roots: Iterable[Path], problems: list[str] | None = None) -> dict[str, tuple[str, ...]]:
    """Lay words and their alternatives from each root's lay-words.yaml; a later root adds to and
    overrides an earlier one. A broken file is reported (logged, and added to `problems`) and skipped."""
    table: dict[str, tuple[str, ...]] = {}
    for entries in read_each_root(roots, LAY_WORDS_FILE, _lay_words_of, log, problems):
        table.update(entries)
    return table


def _lay_words_of(data: object) -> dict[str, tuple[str, ...]]:
    if not isinstance(data, dict):
        raise ValueError("it should be a list of 'lay words: [article words]' lines")
    entries: dict[str, tuple[str, ...]] = {}
    for lay, listed in data.items():
        alternatives = [listed] if isinstance(listed, str) else listed
        if not isinstance(lay, str) or not isinstance(alternatives, list):
            raise ValueError(f"the entry {lay!r} should be 'words: [other words]'")
        key = " ".join(words_of(lay))
        if key:
            entries[key] = tuple(" ".join(words_of(str(a))) for a in alternatives if words_of(str(a)))
    return entries


def library_language(library: Library) -> SearchLanguage:
    """The search words and stemmer of the language the library is read in."""
    from tms_info.locations import bundled_content_root

    code = library.language
    return search_language(code, library.roots, bundled_content_root(code),
                           unlabelled_language=library.unlabelled_language)


def content_key(library: Library, lay_words: dict[str, tuple[str, ...]], language: SearchLanguage | None = None) -> str:
    """A hash of everything the index is built from."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    digest.update((language or SearchLanguage()).key.encode())
    for page in sorted(library.pages.values(), key=lambda p: p.id):
        digest.update("\0".join((page.id, page.title, page.summary, page.body, *library_place(library, page))).encode())
    for term in sorted(library.terms.values(), key=lambda t: t.id):
        digest.update("\0".join((term.id, term.term, term.short, term.body, *term.aliases)).encode())
    digest.update(repr(sorted(lay_words.items())).encode())
    return digest.hexdigest()


def setup_key(library: Library) -> str:
    """Which content folders the index is for: each set-up (the bundled content alone, or with a
    clinic's folders) keeps its own cached index, so that two set-ups used in turn do not delete
    each other's; and each language its own, so that English and Spanish are never served each
    other's index."""
    folders = "\0".join([library.language, *(str(Path(root).absolute()) for root in library.roots)])
    return hashlib.sha256(folders.encode()).hexdigest()[:8]


def _source_key(content: Page | Term) -> str:
    """What a page's or term's indexed text is made from: its Markdown, where it lies (links and
    pictures are resolved from there), and the way this version indexes."""
    where = content.relative if isinstance(content, Page) else f"glossary/{content.id}"
    return hashlib.sha256(f"{SCHEMA_VERSION}\0{where}\0{content.body}".encode()).hexdigest()


def _earlier_renders(path: Path) -> dict[str, list[IndexedSection]]:
    """The sections of each page in the set-up's previous index, by source key; nothing if there is
    none or it cannot be read. (The cache is data, read as data and checked.)"""
    setup = path.name.split("-")[1]
    found: dict[str, list[IndexedSection]] = {}
    for earlier in path.parent.glob(f"search-{setup}-*.sqlite"):
        if earlier == path:
            continue
        try:
            connection = sqlite3.connect(_read_only_uri(earlier), uri=True)
            try:
                rows = connection.execute("SELECT source, sections FROM rendered").fetchall()
            finally:
                connection.close()
        except sqlite3.Error:
            continue
        for source, stored in rows:
            try:
                sections = [IndexedSection(anchor, heading, text) for anchor, heading, text in json.loads(stored)]
            except (TypeError, ValueError):
                continue
            if all((s.anchor is None or isinstance(s.anchor, str)) and isinstance(s.heading, str)
                   and isinstance(s.text, str) for s in sections):
                found[source] = sections
    return found


def _earlier_stems(path: Path) -> list[tuple[object, object]]:
    """The word stems the set-up's previous index kept (same language: the set-up names it), so that
    a rebuild stems only words it has not seen; checked as they are learnt (Stemmer.learn)."""
    setup = path.name.split("-")[1]
    found: list[tuple[object, object]] = []
    for earlier in path.parent.glob(f"search-{setup}-*.sqlite"):
        if earlier != path:
            try:
                connection = sqlite3.connect(_read_only_uri(earlier), uri=True)
                try:
                    found += connection.execute("SELECT word, stem FROM stems LIMIT 50000").fetchall()
                finally:
                    connection.close()
            except sqlite3.Error:
                continue
    return found


def _remove_old_indexes(path: Path) -> None:
    """Removes the set-up's earlier indexes (its content has changed since), indexes named the way
    older versions named them, and, past MAX_CACHED_SETUPS, the indexes built longest ago."""
    setup = path.name.split("-")[1]
    others = []
    for old in path.parent.glob("search-*.sqlite"):
        parts = old.name.removesuffix(".sqlite").split("-")
        if old == path:
            continue
        if len(parts) != 3 or parts[1] == setup:
            old.unlink(missing_ok=True)
        else:
            others.append(old)
    others.sort(key=lambda old: old.stat().st_mtime, reverse=True)
    for old in others[MAX_CACHED_SETUPS - 1:]:
        old.unlink(missing_ok=True)


def _sections_or_none(renderer: Renderer, content: Page | Term) -> list[IndexedSection]:
    """The sections of a page as the reader sees them; none for a page that cannot be rendered (the
    reader gets a calm note there, and search still finds it by its title and summary)."""
    try:
        return indexed_sections(renderer.markdown_to_html(content.body, content))
    except Exception as error:
        log.info("%s: indexed by its title only: it cannot be rendered (%s)", content.source, error)
        return []


def library_place(library: Library, page: Page) -> tuple[str, ...]:
    return tuple(crumb.title for crumb in library.breadcrumb(page.id))


# ----- results ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class SearchHit:
    kind: str  # "article" or "term"
    id: str
    title: str
    place: str
    anchor: str | None
    heading: str
    snippet: str  # plain text
    snippet_html: str  # matched words in <b>
    score: float
    local: bool = False  # written by the clinic, not part of the reviewed library
    crisis: bool = False  # the Help now page, put first because the query speaks of a crisis

    @property
    def where(self) -> str:
        """Where the words were found, as a reader would say it: "Glossary", or "Section › Heading";
        empty for the opening of a page outside any section, such as the home page."""
        if self.kind == "term":
            return translate("Search", "Glossary")
        return " › ".join(part for part in (self.place, self.heading) if part)

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "kind": self.kind, "section": self.place,
                "anchor": self.anchor, "heading": self.heading, "snippet": self.snippet,
                "from_clinic": self.local, "crisis": self.crisis}


class _Row(NamedTuple):
    rowid: int
    kind: str
    ref: str
    place: str
    title: str
    score: float  # bm25: lower is better


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: tuple[SearchHit, ...] = ()
    corrections: dict[str, str] = field(default_factory=dict)
    highlight_words: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()  # glossary term ids close to what was typed

    @property
    def crisis(self) -> bool:
        """The query speaks of suicide, self-harm or not being able to go on: Help now comes first."""
        return bool(self.hits) and self.hits[0].crisis

    @property
    def message(self) -> str:
        if self.hits:
            if self.corrections:
                words = ", ".join(f"“{new}”" for new in self.corrections.values())
                return translate("Search", "Showing results for {words}").format(words=words)
            return ""
        if not words_of(self.query):
            return ""
        return translate("Search", "No results. Try fewer or simpler words, or pick a topic from the list.")


# ----- the index --------------------------------------------------------------------------------

class SearchIndex:
    def __init__(self, connection: sqlite3.Connection, library: Library, lay_words: dict[str, tuple[str, ...]],
                 location: str, crisis_words: CrisisWords | None = None,
                 language: SearchLanguage | None = None) -> None:
        self._db = connection
        self.library = library
        self.language = language or library_language(library)
        self._stemmer = self.language.new_stemmer()
        if self._stemmer is not None:
            try:
                self._stemmer.learn(connection.execute("SELECT word, stem FROM stems LIMIT 50000"))
            except sqlite3.Error:
                pass
        self.lay_words = lay_words
        # A stemmed language finds a lay phrase by its stems too ("adolescentes", "mi hija").
        self._lay_by_key = {self._lay_key(key.split()): alternatives for key, alternatives in lay_words.items()}
        # Crisis words are those of every folder: a Spanish reader who types in English is heard too.
        self.crisis_words = crisis_words if crisis_words is not None else load_crisis_words(library.roots)
        self.location = location  # the cache file, or ":memory:"
        self._lay_max = max((len(key.split()) for key in lay_words), default=1)
        self._counts: dict[str, int] = {}
        try:
            self._row_count = connection.execute("SELECT count(*) FROM pages").fetchone()[0]
        except sqlite3.Error:
            self._row_count = 0

    # building and opening

    @classmethod
    def open(cls, library: Library, cache_dir: Path | None = None) -> SearchIndex:
        """The cached index for this content if there is a good one, else a new one (saved to the
        cache when it can be)."""
        language = library_language(library)
        lay_words = load_lay_words(language_roots(library.roots, language.code, library.unlabelled_language))
        key = content_key(library, lay_words, language)
        if cache_dir is not None:
            path = Path(cache_dir) / f"search-{setup_key(library)}-{key[:20]}.sqlite"
            cached = cls._open_cached(path, key)
            if cached is not None:
                return cls(cached, library, lay_words, str(path), language=language)
            saved = cls._build_to_file(library, lay_words, key, path, language)
            if saved is not None:
                return cls(saved, library, lay_words, str(path), language=language)
        memory = sqlite3.connect(":memory:", check_same_thread=False)
        return cls(cls._build(memory, library, lay_words, key, language=language), library, lay_words, ":memory:",
                   language=language)

    @staticmethod
    def _open_cached(path: Path, key: str) -> sqlite3.Connection | None:
        if not path.is_file():
            return None
        try:
            connection = sqlite3.connect(_read_only_uri(path), uri=True, check_same_thread=False)
            stored = connection.execute("SELECT value FROM meta WHERE name = 'key'").fetchone()
            connection.execute("SELECT count(*) FROM pages WHERE pages MATCH 'tms'").fetchone()
            connection.execute("SELECT count(*) FROM sections WHERE sections MATCH 'tms'").fetchone()
            if stored and stored[0] == key:
                return connection
            connection.close()
        except sqlite3.Error as error:
            log.info("search cache %s unusable (%s); rebuilding", path, error)
        try:
            path.unlink()
        except OSError:
            pass
        return None

    @classmethod
    def _build_to_file(cls, library: Library, lay_words: dict, key: str, path: Path,
                       language: SearchLanguage) -> sqlite3.Connection | None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            earlier = _earlier_renders(path)
            stems = _earlier_stems(path) if language.stems_before_fts5 else []
            _remove_old_indexes(path)
            for stale in path.parent.glob(".search-*.tmp"):  # left by a build the app quit during
                if time.time() - stale.stat().st_mtime > 3600:
                    stale.unlink(missing_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".search-", suffix=".tmp", dir=path.parent)
            os.close(handle)
            connection = sqlite3.connect(temporary)
            cls._build(connection, library, lay_words, key, earlier, language, stems)
            connection.close()
            os.replace(temporary, path)
            return sqlite3.connect(_read_only_uri(path), uri=True, check_same_thread=False)
        except (OSError, sqlite3.Error) as error:
            log.info("search cache %s cannot be written (%s); keeping the index in memory", path, error)
            try:
                os.unlink(temporary)
            except (OSError, UnboundLocalError):
                pass
            return None

    @staticmethod
    def _build(db: sqlite3.Connection, library: Library, lay_words: dict, key: str,
               earlier: dict[str, list[IndexedSection]] | None = None,
               language: SearchLanguage | None = None,
               earlier_stems: Iterable[tuple[object, object]] = ()) -> sqlite3.Connection:
        """A new index in `db`. Rendering every page is most of the work: a page whose text has not
        changed since the `earlier` index takes its sections from there.

        `pages` and `sections` are FTS5 tables over the text as written (pages_text, sections_text),
        which their snippets show; what FTS5 indexes is that text stemmed word for word when the
        language is stemmed before FTS5, and the text itself when FTS5's tokenizer stems it."""
        language = language or SearchLanguage()
        stemmer = language.new_stemmer()
        if stemmer is not None:
            stemmer.learn(earlier_stems)
        indexed = stemmer.text if stemmer is not None else (lambda text: text)
        shown = (lambda text: unicodedata.normalize("NFC", text)) if stemmer is not None else (lambda text: text)
        tokenizer = language.tokenizer
        db.executescript(f"""
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE pages_text(rowid INTEGER PRIMARY KEY, title, heading, body, kind, ref, place, weight);
            CREATE VIRTUAL TABLE pages USING fts5(
                title, heading, body, kind UNINDEXED, ref UNINDEXED, place UNINDEXED, weight UNINDEXED,
                content = 'pages_text', content_rowid = 'rowid', tokenize = '{tokenizer}', prefix = '2 3');
            CREATE VIRTUAL TABLE headings USING fts5(text, tokenize = '{tokenizer}');
            CREATE TABLE sections_text(rowid INTEGER PRIMARY KEY, heading, body, anchor);
            CREATE VIRTUAL TABLE sections USING fts5(
                heading, body, anchor UNINDEXED,
                content = 'sections_text', content_rowid = 'rowid', tokenize = '{tokenizer}', prefix = '2 3');
            CREATE TABLE words(word TEXT PRIMARY KEY, uses INTEGER) WITHOUT ROWID;
            CREATE TABLE word_grams(gram TEXT, word TEXT, PRIMARY KEY (gram, word)) WITHOUT ROWID;
            CREATE TABLE rendered(source TEXT PRIMARY KEY, sections TEXT) WITHOUT ROWID;
            CREATE TABLE stems(word TEXT PRIMARY KEY, stem TEXT) WITHOUT ROWID;
            INSERT INTO meta VALUES ('key', '{key}'), ('schema', '{SCHEMA_VERSION}');
        """)
        # Pages and terms are ranked in `pages`; a page's sections, which say where to open it,
        # have the rowids just after their page's (page rowid + 1, + 2, ...).
        from tms_info.content.render import Renderer  # Markdown is loaded only to build an index

        renderer = Renderer(library)
        earlier = earlier or {}
        rendered: dict[str, list[IndexedSection]] = {}

        def sections_of(content: Page | Term) -> list[IndexedSection]:
            source = _source_key(content)
            if source not in rendered:
                rendered[source] = earlier[source] if source in earlier else _sections_or_none(renderer, content)
            return rendered[source]

        page_rows: list[tuple[int, str, str, str, str, str, str, float]] = []
        section_rows: list[tuple[int, str, str, str | None]] = []
        for number, page in enumerate(p for p in library.pages.values() if p.id != HOME_ID):
            rowid = (number + 1) * ROWS_PER_PAGE
            sections = sections_of(page)[: ROWS_PER_PAGE - 1]
            page_rows.append((rowid, shown(page.title), shown(" ".join(s.heading for s in sections)),
                              shown(" ".join([page.summary, *(s.text for s in sections)])), "article", page.id,
                              " › ".join(library_place(library, page)),
                              SECTION_PAGE_WEIGHT if page.is_section else 1.0))
            section_rows += [(rowid + 1 + i, shown(s.heading), shown(s.text), s.anchor) for i, s in enumerate(sections)]
        first_term = (len(page_rows) + 1) * ROWS_PER_PAGE
        for number, term in enumerate(library.terms.values()):
            page_rows.append((first_term + number * ROWS_PER_PAGE, shown(term.term), shown(" ".join(term.aliases)),
                              shown(" ".join([term.short, *(s.text for s in sections_of(term))])),
                              "term", term.id, "Glossary", 1.0))
        db.executemany("INSERT INTO pages_text(rowid, title, heading, body, kind, ref, place, weight) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", page_rows)
        db.executemany("INSERT INTO pages(rowid, title, heading, body, kind, ref, place, weight) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       ((rowid, indexed(title), indexed(heading), indexed(body), *rest)
                        for rowid, title, heading, body, *rest in page_rows))
        db.executemany("INSERT INTO sections_text(rowid, heading, body, anchor) VALUES (?, ?, ?, ?)", section_rows)
        db.executemany("INSERT INTO sections(rowid, heading, body, anchor) VALUES (?, ?, ?, ?)",
                       ((rowid, indexed(heading), indexed(body), anchor)
                        for rowid, heading, body, anchor in section_rows))
        db.executemany("INSERT INTO headings(rowid, text) VALUES (?, ?)",
                       ((row[0], indexed(f"{row[1]} {row[2]}")) for row in page_rows))
        rows = [row[1:4] for row in page_rows]
        counts: dict[str, int] = {}
        for row in rows:
            for word in words_of(" ".join(row)):
                if len(word) >= 3 and not word.isdigit():
                    counts[word] = counts.get(word, 0) + 1
        db.executemany("INSERT INTO rendered VALUES (?, ?)", (
            (source, json.dumps([[s.anchor, s.heading, s.text] for s in sections], ensure_ascii=False))
            for source, sections in rendered.items()))
        db.executemany("INSERT INTO words VALUES (?, ?)", counts.items())
        if stemmer is not None:  # kept, so that opening the index need not stem the lay words again
            for phrase in [*lay_words, *(alt for alternatives in lay_words.values() for alt in alternatives)]:
                for word in phrase.split():
                    stemmer(word)
            db.executemany("INSERT INTO stems VALUES (?, ?)", stemmer.known.items())
        db.executemany("INSERT OR IGNORE INTO word_grams VALUES (?, ?)",
                       ((gram, word) for word in counts for gram in _grams(word)))
        db.execute("INSERT INTO pages(pages) VALUES ('optimize')")
        db.execute("INSERT INTO sections(sections) VALUES ('optimize')")
        db.execute("INSERT INTO headings(headings) VALUES ('optimize')")
        db.commit()
        return db

    def close(self) -> None:
        self._db.close()

    # searching

    def search(self, query: str, limit: int = 10, typing: bool = False) -> SearchResults:
        """Ranked results for what a person typed. `typing` treats the last word as unfinished.
        A query that speaks of a crisis gets the Help now page first, the other results after it."""
        results = self._search(query, limit, typing)
        if self.crisis_words.matches(query):
            return self._help_first(results, limit)
        return results

    def _search(self, query: str, limit: int, typing: bool) -> SearchResults:
        words = [word[:MAX_WORD_LENGTH] for word in words_of(query)][:MAX_QUERY_WORDS]
        if not words:
            return SearchResults(query)
        last_is_prefix = typing and not query[-1:].isspace()
        groups, corrections = self._groups(words, last_is_prefix)
        if not groups:
            return SearchResults(query, suggestions=self._suggest(words))
        highlight = tuple(dict.fromkeys(alt for group in groups for alt, _ in group))
        typed = set(words)
        parts = ["(" + " OR ".join(self._fts(alt, prefix) for alt, prefix in group) + ")" for group in groups]
        title_rows = sorted(  # the title with the fewest words beyond those typed first
            self._rank(self._title_expression(words, last_is_prefix), limit),
            key=lambda row: (len(set(words_of(row.title)) - typed), row.score))
        rows = list({row.rowid: row for row in title_rows + self._rank_by_words(parts, limit)}.values())
        hits = [self._hit(row, " OR ".join(parts)) for row in rows[:limit]]
        if hits:
            return SearchResults(query, tuple(hits), corrections, highlight)
        return SearchResults(query, (), corrections, highlight, self._suggest(words))

    def _help_first(self, results: SearchResults, limit: int) -> SearchResults:
        page = self.library.page(HELP_NOW_ID)
        if page is None:
            return results
        help_now = SearchHit("article", page.id, page.title, "", None, "", page.summary, html.escape(page.summary),
                             float("inf"), local=page.local, crisis=True)
        others = tuple(hit for hit in results.hits if (hit.kind, hit.id) != ("article", HELP_NOW_ID))
        return replace(results, hits=(help_now, *others)[:max(limit, 1)], suggestions=())

    def _title_expression(self, words: list[str], last_is_prefix: bool) -> str | None:
        """Pages whose title holds every word typed, question words included: people often type a
        page's own question ("how does it work", "who can have tms")."""
        last = len(words) - 1
        title_words = [(word, last_is_prefix and position == last) for position, word in enumerate(words)
                       if word in self.language.question_words
                       or (word not in self.language.stop_words and len(word) >= 2)]
        if len(title_words) < 2:
            return None
        return "title : (" + " AND ".join(self._fts(word, prefix) for word, prefix in title_words) + ")"

    def _groups(self, words: list[str], last_is_prefix: bool) -> tuple[list[list[tuple[str, bool]]], dict[str, str]]:
        """Each group is what one typed word (or lay phrase) may match: (words, as a prefix)."""
        groups: list[list[tuple[str, bool]]] = []
        corrections: dict[str, str] = {}
        index = 0
        while index < len(words):
            for size in range(min(self._lay_max, len(words) - index), 0, -1):
                phrase = " ".join(words[index:index + size])
                lay = self._lay_by_key.get(self._lay_key(words[index:index + size]))
                if lay is not None:
                    alternatives = [(phrase, False)] if phrase not in self.language.stop_words else []
                    groups.append(alternatives + [(alt, False) for alt in lay])
                    index += size
                    break
            else:
                word = words[index]
                index += 1
                if word in self.language.stop_words or (len(word) == 1 and not word.isdigit()):
                    continue
                prefix = last_is_prefix and index == len(words) and len(word) >= 2
                if self._matches(word, prefix):
                    groups.append([(word, prefix)])
                    continue
                corrected = self._correct(word, prefix)
                if corrected:
                    corrections[word] = corrected
                    groups.append([(corrected, prefix and corrected.startswith(word))])
                else:
                    groups.append([(word, prefix)])
        return groups, corrections

    def _fts(self, alternative: str, prefix: bool) -> str:
        """A word or phrase as an FTS5 string, in the words the index holds: stemmed here when the
        language is stemmed before FTS5 (an unfinished last word as the part it shares with its stem)."""
        if self._stemmer is not None:
            words = words_of(alternative)
            stems = [self._stemmer(word) for word in words[:-1]]
            if words:
                stems.append(self._stemmer.prefix(words[-1]) if prefix else self._stemmer(words[-1]))
            alternative = " ".join(stems)
        return '"' + alternative.replace('"', "") + '"' + ("*" if prefix else "")

    def _lay_key(self, words: list[str]) -> str:
        """How a lay phrase is looked up: its words, or their stems in a stemmed language."""
        if self._stemmer is None:
            return " ".join(words)
        return " ".join(self._stemmer(word) for word in words)

    def _rank_by_words(self, parts: list[str], limit: int) -> list[_Row]:
        """Pages that hold every word that carries meaning first, then the others that hold any of
        them, each group in bm25 order with a lift for words in a title or heading. A word found in
        most pages ("treatment", in this library) carries little meaning and is left out, unless
        every word typed is such a word."""
        total = max(self._row_count, 1)
        found_in = [self._count(part) for part in parts]
        meaningful = [(part, math.log(1 + (total - count + 0.5) / (count + 0.5)))
                      for part, count in zip(parts, found_in, strict=False) if count <= COMMON_SHARE * total] \
            or [(part, 1.0) for part in parts]
        words = [part for part, _ in meaningful]
        candidates = {row.rowid: row for row in self._rank(" AND ".join(words), CANDIDATES)}
        with_all = set(candidates)
        if len(candidates) < CANDIDATES and len(words) > 1:  # room for pages with only some of the words
            for row in self._rank(" OR ".join(words), CANDIDATES):
                candidates.setdefault(row.rowid, row)
        if not candidates:
            return []
        in_headings = self._in_headings(words, candidates)
        weights = [weight for _, weight in meaningful]
        # bm25 over any of the words, raised by the share of the query's weight found in the page's
        # title and headings: headings are the questions a page answers.
        return sorted(candidates.values(), key=lambda row: (
            row.rowid not in with_all,
            row.score * (1 + sum(weights[i] for i in in_headings[row.rowid]) / sum(weights))))

    def _in_headings(self, parts: list[str], candidates: dict[int, _Row]) -> dict[int, set[int]]:
        """For each candidate, which of the parts its title or headings hold (from `headings`, a
        small table of titles and headings only, quick to look up even for a common word)."""
        matched: dict[int, set[int]] = {rowid: set() for rowid in candidates}
        rowids = ",".join(map(str, candidates))
        for index, part in enumerate(parts):
            try:
                for (rowid,) in self._db.execute(
                        f"SELECT rowid FROM headings WHERE headings MATCH ? AND rowid IN ({rowids})", (part,)):
                    matched[rowid].add(index)
            except sqlite3.Error as error:
                log.info("search for %r failed: %s", part, error)
        return matched

    def _count(self, expression: str) -> int:
        """How many pages and terms match: kept, since a person types the same words again and again."""
        if expression not in self._counts:
            try:
                self._counts[expression] = self._db.execute(
                    "SELECT count(*) FROM pages WHERE pages MATCH ?", (expression,)).fetchone()[0]
            except sqlite3.Error:
                self._counts[expression] = 0
            if len(self._counts) > 5000:
                self._counts.clear()
        return self._counts[expression]

    def _matches(self, word: str, prefix: bool) -> bool:
        try:
            return self._db.execute("SELECT 1 FROM pages WHERE pages MATCH ? LIMIT 1",
                                    (self._fts(word, prefix),)).fetchone() is not None
        except sqlite3.Error:
            return False

    def _correct(self, word: str, prefix: bool) -> str | None:
        """The closest word of the index's vocabulary, for a word that matches nothing."""
        if len(word) < 4 or word.isdigit():
            return None
        grams = sorted(_grams(word))
        allowed = 1 if len(word) < 6 else 2 if len(word) < 10 else 3
        try:
            candidates = self._db.execute(
                "SELECT w.word, w.uses FROM word_grams g JOIN words w ON w.word = g.word "
                f"WHERE g.gram IN ({','.join('?' * len(grams))}) AND length(g.word) BETWEEN ? AND ? "
                "GROUP BY g.word ORDER BY count(*) DESC LIMIT 40",
                [*grams, len(word) - allowed, len(word) + allowed + (8 if prefix else 0)]).fetchall()
            # Short words with two letters swapped share no three letters in a row ("sied", "side"):
            # words that start with the same two letters are candidates too.
            if len(word) < 6:
                candidates += self._db.execute(
                    "SELECT word, uses FROM words WHERE word >= ? AND word < ? AND length(word) BETWEEN ? AND ?",
                    (word[:2], word[:2] + "\uffff", len(word) - allowed, len(word) + allowed)).fetchall()
        except sqlite3.Error:
            return None
        best: tuple[int, int, str] | None = None
        for candidate, uses in candidates:
            distance = edit_distance(word, candidate)
            if prefix and len(candidate) > len(word):
                distance = min(distance, edit_distance(word, candidate[:len(word)]))
            if distance <= allowed and (best is None or (distance, -uses) < best[:2]):
                best = (distance, -uses, candidate)
        return best[2] if best else None

    def _rank(self, expression: str | None, limit: int) -> list[_Row]:
        """Pages and terms ranked by bm25 over their whole text."""
        if expression is None:
            return []
        try:
            return [_Row(*row) for row in self._db.execute(
                f"SELECT rowid, kind, ref, place, title, "
                f"bm25(pages, {TITLE_WEIGHT}, {HEADING_WEIGHT}, {BODY_WEIGHT}) * weight AS score "
                "FROM pages WHERE pages MATCH ? ORDER BY score LIMIT ?", (expression, limit))]
        except sqlite3.Error as error:
            log.info("search for %r failed: %s", expression, error)
            return []

    def _hit(self, row: _Row, words: str) -> SearchHit:
        """A result, opened at the section of its page that best matches the words (a heading
        counts most: headings are the questions the page answers)."""
        snippet = f"'{_MARK_START}', '{_MARK_END}', '…', 16)"
        section = None
        try:
            if row.kind == "article":
                section = self._db.execute(
                    f"SELECT anchor, heading, snippet(sections, 1, {snippet} FROM sections "
                    f"WHERE sections MATCH ? AND rowid > ? AND rowid < ? "
                    f"ORDER BY bm25(sections, {HEADING_WEIGHT}, {BODY_WEIGHT}) LIMIT 1",
                    (words, row.rowid, row.rowid + ROWS_PER_PAGE)).fetchone()
            if section is None:
                marked = self._db.execute(f"SELECT snippet(pages, 2, {snippet} FROM pages WHERE pages MATCH ? "
                                          "AND rowid = ?", (words, row.rowid)).fetchone()
                section = (None, "", marked[0] if marked else "")
        except sqlite3.Error as error:
            log.info("search for %r failed: %s", words, error)
            section = (None, "", "")
        anchor, heading, marked = section
        plain = marked.replace(_MARK_START, "").replace(_MARK_END, "")
        html_snippet = html.escape(marked).replace(_MARK_START, "<b>").replace(_MARK_END, "</b>")
        content = self.library.term(row.ref) if row.kind == "term" else self.library.page(row.ref)
        return SearchHit(row.kind, row.ref, row.title, row.place, anchor, heading, plain, html_snippet, -row.score,
                         local=bool(content and content.local))

    def _suggest(self, words: list[str]) -> tuple[str, ...]:
        names = {_fold(name): term.id for term in self.library.terms.values() for name in term.names}
        found: list[str] = []
        for word in words:
            for name in get_close_matches(word, list(names), n=3, cutoff=0.7):
                if names[name] not in found:
                    found.append(names[name])
        return tuple(found[:5])
