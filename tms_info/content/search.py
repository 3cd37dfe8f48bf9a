"""Full-text search over pages, section by section, and glossary terms, on SQLite FTS5.

The index uses the `porter unicode61` tokenizer (as Qt Assistant does), with titles and headings
weighted over body text in bm25. On top of FTS5: lay words and synonyms kept as content
(`lay-words.yaml` in a content root), prefix matching while typing, and a spelling fallback that
looks up close words of the index's own vocabulary through a trigram table.

The index is cached on disk, keyed by a hash of the content, and rebuilt when the content changes;
a cache that cannot be read or written is rebuilt, or kept in memory, and never stops a search.
"""
from __future__ import annotations

import hashlib
import html
import logging
import os
import re
import sqlite3
import tempfile
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify, unique

from tms_info.content.library import Library
from tms_info.content.model import HOME_ID, Page

log = logging.getLogger(__name__)

SCHEMA_VERSION = "5"
LAY_WORDS_FILE = "lay-words.yaml"
MAX_QUERY_WORDS = 12
MAX_WORD_LENGTH = 40
TITLE_WEIGHT, HEADING_WEIGHT, BODY_WEIGHT = 10.0, 4.0, 1.0
SECTION_PAGE_WEIGHT = 0.6  # a section's introduction ranks below the articles it lists
ROWS_PER_PAGE = 1000  # rowids between two pages are left for the first page's sections
_MARK_START, _MARK_END = "\x02", "\x03"

STOP_WORDS = frozenset("""
a about after again all also am an and any are as at be been before being but by can could did do does doing
done during each for from get gets getting go going had has have having he her here him his how i if in into is
it its itself just me more most much my no nor not of off on once only or other our out over own same she should
so some such than that the their them then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your yours yourself many lot lots really thing
things want know tell please need
""".split())

QUESTION_WORDS = frozenset({"who", "what", "when", "where", "why", "how", "which"})

_WORD = re.compile(r"\w+", re.UNICODE)


def _fold(text: str) -> str:
    """Lower case without accents: how unicode61 with remove_diacritics sees a word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words_of(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


# ----- what goes into the index -----------------------------------------------------------------

_ADMONITION = re.compile(r'^\s*!!!\s*[\w-]+(?:\s+"(.*?)")?\s*$')
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*?(?:\s+\"([^\"]*)\")?\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_MARKUP = re.compile(r"[*_`#>|~]+|^\s*[-+]\s+|^\s*\d+\.\s+", re.MULTILINE)
_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")
_CUSTOM_ID = re.compile(r"\s*\{:?[^}]*#([\w-]+)[^}]*\}\s*$")  # attr_list: ## Bus routes {#bus}


def _plain(markdown_text: str) -> str:
    text = _IMAGE.sub(lambda m: f"{m.group(1)} {m.group(2) or ''}", markdown_text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    return " ".join(_MARKUP.sub(" ", text).split())


@dataclass(frozen=True)
class IndexedSection:
    anchor: str | None
    heading: str
    text: str


def page_sections(body: str) -> list[IndexedSection]:
    """A page's Markdown split at its `##` headings, as plain text, with the anchors the renderer's
    toc extension gives those headings. Reading the Markdown (not rendered HTML) keeps indexing
    1,000 articles within a few seconds."""
    sections: list[tuple[str | None, str, list[str]]] = [(None, "", [])]
    used_ids: set[str] = set()
    fenced = False
    for line in body.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        heading = None if fenced else _HEADING.match(line)
        if heading:
            text = heading.group(1)
            custom = _CUSTOM_ID.search(text)
            title = _plain(text[:custom.start()] if custom else text)
            anchor = custom.group(1) if custom else unique(slugify(html.unescape(title), "-"), used_ids)
            sections.append((anchor, title, []))
            continue
        admonition = _ADMONITION.match(line)
        sections[-1][2].append(admonition.group(1) or "" if admonition else line)
    return [IndexedSection(anchor, heading, _plain("\n".join(lines)))
            for anchor, heading, lines in sections if anchor or "".join(lines).strip()]


def load_lay_words(roots: Iterable[Path], problems: list[str] | None = None) -> dict[str, tuple[str, ...]]:
    """Lay words and their alternatives from each root's lay-words.yaml; a later root adds to and
    overrides an earlier one. A broken file is reported (logged, and added to `problems`) and skipped."""
    table: dict[str, tuple[str, ...]] = {}
    for root in roots:
        path = Path(root) / LAY_WORDS_FILE
        if not path.is_file():
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            if not isinstance(data, dict):
                raise ValueError("it should be a list of 'lay words: [article words]' lines")
            for lay, alternatives in data.items():
                if isinstance(alternatives, str):
                    alternatives = [alternatives]
                if not isinstance(lay, str) or not isinstance(alternatives, list):
                    raise ValueError(f"the entry {lay!r} should be 'words: [other words]'")
                key = " ".join(words_of(lay))
                if key:
                    table[key] = tuple(" ".join(words_of(str(a))) for a in alternatives if words_of(str(a)))
        except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError) as error:
            log.warning("%s: skipped: %s", path, error)
            if problems is not None:
                problems.append(f"{path}: skipped: {' '.join(str(error).split())}")
    return table


def content_key(library: Library, lay_words: dict[str, tuple[str, ...]]) -> str:
    """A hash of everything the index is built from."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for page in sorted(library.pages.values(), key=lambda p: p.id):
        digest.update("\0".join((page.id, page.title, page.summary, page.body, *library_place(library, page))).encode())
    for term in sorted(library.terms.values(), key=lambda t: t.id):
        digest.update("\0".join((term.id, term.term, term.short, term.body, *term.aliases)).encode())
    digest.update(repr(sorted(lay_words.items())).encode())
    return digest.hexdigest()


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

    @property
    def where(self) -> str:
        """Where the words were found, as a reader would say it: "Glossary", or "Section › Heading";
        empty for the opening of a page outside any section, such as the home page."""
        if self.kind == "term":
            return "Glossary"
        return " › ".join(part for part in (self.place, self.heading) if part)

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "kind": self.kind, "section": self.place,
                "anchor": self.anchor, "heading": self.heading, "snippet": self.snippet,
                "from_clinic": self.local}


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: tuple[SearchHit, ...] = ()
    corrections: dict[str, str] = field(default_factory=dict)
    highlight_words: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()  # glossary term ids close to what was typed

    @property
    def message(self) -> str:
        if self.hits:
            if self.corrections:
                return "Showing results for " + ", ".join(f"“{new}”" for new in self.corrections.values())
            return ""
        if not words_of(self.query):
            return ""
        return "No results. Try fewer or simpler words, or pick a topic from the list."


# ----- the index --------------------------------------------------------------------------------

class SearchIndex:
    def __init__(self, connection: sqlite3.Connection, library: Library, lay_words: dict[str, tuple[str, ...]],
                 location: str) -> None:
        self._db = connection
        self.library = library
        self.lay_words = lay_words
        self.location = location  # the cache file, or ":memory:"
        self._lay_max = max((len(key.split()) for key in lay_words), default=1)

    # building and opening

    @classmethod
    def open(cls, library: Library, cache_dir: Path | None = None) -> SearchIndex:
        """The cached index for this content if there is a good one, else a new one (saved to the
        cache when it can be)."""
        lay_words = load_lay_words(library.roots)
        key = content_key(library, lay_words)
        if cache_dir is not None:
            path = Path(cache_dir) / f"search-{key[:20]}.sqlite"
            cached = cls._open_cached(path, key)
            if cached is not None:
                return cls(cached, library, lay_words, str(path))
            saved = cls._build_to_file(library, lay_words, key, path)
            if saved is not None:
                return cls(saved, library, lay_words, str(path))
        return cls(cls._build(sqlite3.connect(":memory:", check_same_thread=False), library, lay_words, key),
                   library, lay_words, ":memory:")

    @staticmethod
    def _open_cached(path: Path, key: str) -> sqlite3.Connection | None:
        if not path.is_file():
            return None
        try:
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
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
    def _build_to_file(cls, library: Library, lay_words: dict, key: str, path: Path) -> sqlite3.Connection | None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            for old in path.parent.glob("search-*.sqlite"):
                if old != path:
                    old.unlink(missing_ok=True)
            for stale in path.parent.glob(".search-*.tmp"):  # left by a build the app quit during
                if time.time() - stale.stat().st_mtime > 3600:
                    stale.unlink(missing_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".search-", suffix=".tmp", dir=path.parent)
            os.close(handle)
            connection = sqlite3.connect(temporary)
            cls._build(connection, library, lay_words, key)
            connection.close()
            os.replace(temporary, path)
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        except (OSError, sqlite3.Error) as error:
            log.info("search cache %s cannot be written (%s); keeping the index in memory", path, error)
            try:
                os.unlink(temporary)
            except (OSError, UnboundLocalError):
                pass
            return None

    @staticmethod
    def _build(db: sqlite3.Connection, library: Library, lay_words: dict, key: str) -> sqlite3.Connection:
        db.executescript(f"""
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT);
            CREATE VIRTUAL TABLE pages USING fts5(
                title, heading, body, kind UNINDEXED, ref UNINDEXED, place UNINDEXED, weight UNINDEXED,
                tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');
            CREATE VIRTUAL TABLE sections USING fts5(
                heading, body, anchor UNINDEXED,
                tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');
            CREATE TABLE words(word TEXT PRIMARY KEY, uses INTEGER) WITHOUT ROWID;
            CREATE VIRTUAL TABLE word_grams USING fts5(word, tokenize = 'trigram');
            INSERT INTO meta VALUES ('key', '{key}'), ('schema', '{SCHEMA_VERSION}');
        """)
        # Pages and terms are ranked in `pages`; a page's sections, which say where to open it,
        # have the rowids just after their page's (page rowid + 1, + 2, ...).
        page_rows: list[tuple[int, str, str, str, str, str, str, float]] = []
        section_rows: list[tuple[int, str, str, str | None]] = []
        for number, page in enumerate(p for p in library.pages.values() if p.id != HOME_ID):
            rowid = (number + 1) * ROWS_PER_PAGE
            sections = page_sections(page.body)[: ROWS_PER_PAGE - 1]
            page_rows.append((rowid, page.title, " ".join(s.heading for s in sections),
                              " ".join([page.summary, *(s.text for s in sections)]), "article", page.id,
                              " › ".join(library_place(library, page)),
                              SECTION_PAGE_WEIGHT if page.is_section else 1.0))
            section_rows += [(rowid + 1 + i, s.heading, s.text, s.anchor) for i, s in enumerate(sections)]
        first_term = (len(page_rows) + 1) * ROWS_PER_PAGE
        for number, term in enumerate(library.terms.values()):
            page_rows.append((first_term + number * ROWS_PER_PAGE, term.term, " ".join(term.aliases),
                              f"{term.short} {_plain(term.body)}", "term", term.id, "Glossary", 1.0))
        db.executemany("INSERT INTO pages(rowid, title, heading, body, kind, ref, place, weight) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", page_rows)
        db.executemany("INSERT INTO sections(rowid, heading, body, anchor) VALUES (?, ?, ?, ?)", section_rows)
        rows = [row[1:4] for row in page_rows]
        counts: dict[str, int] = {}
        for row in rows:
            for word in words_of(" ".join(row)):
                if len(word) >= 3 and not word.isdigit():
                    counts[word] = counts.get(word, 0) + 1
        db.executemany("INSERT INTO words VALUES (?, ?)", counts.items())
        db.executemany("INSERT INTO word_grams(word) VALUES (?)", ((word,) for word in counts))
        db.execute("INSERT INTO pages(pages) VALUES ('optimize')")
        db.execute("INSERT INTO sections(sections) VALUES ('optimize')")
        db.commit()
        return db

    def close(self) -> None:
        self._db.close()

    # searching

    def search(self, query: str, limit: int = 10, typing: bool = False) -> SearchResults:
        """Ranked results for what a person typed. `typing` treats the last word as unfinished."""
        words = [word[:MAX_WORD_LENGTH] for word in words_of(query)][:MAX_QUERY_WORDS]
        if not words:
            return SearchResults(query)
        groups, corrections = self._groups(words, typing and not query[-1:].isspace())
        if not groups:
            return SearchResults(query, suggestions=self._suggest(words))
        highlight = tuple(dict.fromkeys(alt for group in groups for alt, _ in group))
        typed = set(words)
        expressions = self._expressions(groups)
        title_hits = sorted(  # the title with the fewest words beyond those typed first
            self._run(self._title_expression(words, typing and not query[-1:].isspace()), limit, expressions[-1]),
            key=lambda hit: (len(set(words_of(hit.title)) - typed), -hit.score))
        for expression in expressions:
            hits = self._run(expression, limit)
            if hits or title_hits:
                seen = {(hit.kind, hit.id) for hit in title_hits}
                ranked = title_hits + [hit for hit in hits if (hit.kind, hit.id) not in seen]
                return SearchResults(query, tuple(ranked[:limit]), corrections, highlight)
        return SearchResults(query, (), corrections, highlight, self._suggest(words))

    def _title_expression(self, words: list[str], last_is_prefix: bool) -> str | None:
        """Pages whose title holds every word typed, question words included: people often type a
        page's own question ("how does it work", "who can have tms")."""
        last = len(words) - 1
        title_words = [(word, last_is_prefix and position == last) for position, word in enumerate(words)
                       if word in QUESTION_WORDS or (word not in STOP_WORDS and len(word) >= 2)]
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
                if phrase in self.lay_words:
                    alternatives = [(phrase, False)] if phrase not in STOP_WORDS else []
                    groups.append(alternatives + [(alt, False) for alt in self.lay_words[phrase]])
                    index += size
                    break
            else:
                word = words[index]
                index += 1
                if word in STOP_WORDS or (len(word) == 1 and not word.isdigit()):
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

    @staticmethod
    def _fts(alternative: str, prefix: bool) -> str:
        return '"' + alternative.replace('"', "") + '"' + ("*" if prefix else "")

    def _expressions(self, groups: list[list[tuple[str, bool]]]) -> list[str]:
        parts = ["(" + " OR ".join(self._fts(alt, prefix) for alt, prefix in group) + ")" for group in groups]
        expressions = [" AND ".join(parts)]
        if len(parts) > 1:
            expressions.append(" OR ".join(parts))
        return expressions

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
        grams = {word[i:i + 3] for i in range(len(word) - 2)}
        query = " OR ".join(f'"{gram}"' for gram in grams)
        try:
            candidates = self._db.execute(
                "SELECT w.word, w.uses FROM word_grams g JOIN words w ON w.word = g.word "
                "WHERE word_grams MATCH ? ORDER BY rank LIMIT 40", (query,)).fetchall()
            # Short words with two letters swapped share no three letters in a row ("sied", "side"):
            # words that start with the same two letters are candidates too.
            candidates += self._db.execute(
                "SELECT word, uses FROM words WHERE word >= ? AND word < ? AND length(word) BETWEEN ? AND ?",
                (word[:2], word[:2] + "\uffff", len(word) - 2, len(word) + 2)).fetchall()
        except sqlite3.Error:
            return None
        allowed = 1 if len(word) < 6 else 2 if len(word) < 10 else 3
        best: tuple[int, int, str] | None = None
        for candidate, uses in candidates:
            distance = edit_distance(word, candidate)
            if prefix and len(candidate) > len(word):
                distance = min(distance, edit_distance(word, candidate[:len(word)]))
            if distance <= allowed and (best is None or (distance, -uses) < best[:2]):
                best = (distance, -uses, candidate)
        return best[2] if best else None

    def _run(self, expression: str | None, limit: int, section_expression: str | None = None) -> list[SearchHit]:
        """Pages and terms ranked by their whole text; each page opened at its best section (the
        one that best matches `section_expression`, by default the same words)."""
        if expression is None:
            return []
        section_expression = section_expression or expression
        snippet = f"'{_MARK_START}', '{_MARK_END}', '…', 16)"
        try:
            ranked = self._db.execute(
                f"SELECT rowid, kind, ref, place, title, "
                f"bm25(pages, {TITLE_WEIGHT}, {HEADING_WEIGHT}, {BODY_WEIGHT}) * weight AS score "
                "FROM pages WHERE pages MATCH ? ORDER BY score LIMIT ?", (expression, limit)).fetchall()
            hits = []
            for rowid, kind, ref, place, title, score in ranked:
                section = self._db.execute(
                    f"SELECT anchor, heading, snippet(sections, 1, {snippet} FROM sections "
                    f"WHERE sections MATCH ? AND rowid > ? AND rowid < ? "
                    f"ORDER BY bm25(sections, {HEADING_WEIGHT}, {BODY_WEIGHT}) LIMIT 1",
                    (section_expression, rowid, rowid + ROWS_PER_PAGE)).fetchone() if kind == "article" else None
                if section is None:
                    marked = self._db.execute(f"SELECT snippet(pages, 2, {snippet} FROM pages WHERE pages MATCH ? "
                                              "AND rowid = ?", (section_expression, rowid)).fetchone()
                    marked = marked[0] if marked else ""
                    section = (None, "", marked)
                anchor, heading, marked = section
                plain = marked.replace(_MARK_START, "").replace(_MARK_END, "")
                html_snippet = html.escape(marked).replace(_MARK_START, "<b>").replace(_MARK_END, "</b>")
                content = self.library.term(ref) if kind == "term" else self.library.page(ref)
                hits.append(SearchHit(kind, ref, title, place, anchor, heading, plain, html_snippet, -score,
                                      local=bool(content and content.local)))
            return hits
        except sqlite3.Error as error:
            log.info("search for %r failed: %s", expression, error)
            return []

    def _suggest(self, words: list[str]) -> tuple[str, ...]:
        names = {_fold(name): term.id for term in self.library.terms.values() for name in term.names}
        found: list[str] = []
        for word in words:
            for name in get_close_matches(word, list(names), n=3, cutoff=0.7):
                if names[name] not in found:
                    found.append(names[name])
        return tuple(found[:5])


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, with a swap of two neighbouring letters counted as one edit."""
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        previous2, previous = previous, current
    return previous[-1]

