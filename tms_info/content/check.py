"""The content checker behind `tms-info check`: everything an author or a clinic can get wrong,
reported as `path:line: message`, before a reader ever sees it.

It renders every page with the app's own renderer, so it checks what readers will get: links as
the app resolves them, pictures as the app finds them, glossary terms as the app links them.
"""
from __future__ import annotations

import bisect
import functools
import logging
import os
import re
import statistics
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from tms_info.content.languages import folder_language
from tms_info.content.library import ContentError, Library, read_front_matter, read_page, read_page_bytes
from tms_info.content.links import LinkKind, classify
from tms_info.content.markdown_ext import Picture
from tms_info.content.model import HELP_NOW_ID, HOME_ID, Page, Source, Term
from tms_info.content.plaintext import HtmlText, read_html
from tms_info.content.render import Renderer, failure_reason

MAX_GRADE = 8.0
MAX_MEDIAN_GRADE = 7.0
MAX_SHORT_WORDS = 25
MIN_ARTICLE_WORDS = 300
MAX_ARTICLE_WORDS = 1200
WORDS_PER_ENGLISH_WORD = {"en": 1.0, "es": 1.2}  # a translation takes more words to say the same
REVIEW_AFTER_MONTHS = 18

DOI = re.compile(r"^10\.\d{4,9}/\S+$")
PMID = re.compile(r"^\d{1,9}$")
# "14 in 100", "1 out of 3", "one in five": a figure given as a natural frequency
_WORD_NUMBERS = "one|two|three|four|five|six|seven|eight|nine|ten"
NATURAL_FREQUENCY = re.compile(
    rf"\b(\d[\d,]*|{_WORD_NUMBERS})\s+(?:in|out of|de cada)\s+(?:every\s+)?(\d[\d,]*|{_WORD_NUMBERS})\b", re.IGNORECASE)
# figures that need a source: percentages, natural frequencies, "N of N", decimals
FIGURE = re.compile(r"\b\d[\d.,]*\s*(?:%|percent\b|por ciento\b)"
                    r"|\b\d+\s+(?:in|out of|of|de cada|de)\s+\d+\b|\b\d+\.\d+\b",
                    re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

PAGE_KEYS = {"title", "summary", "reviewed", "evidence", "sources", "translated_from"}
# Spanish pages: the INFLESZ scale of Szigriszt-Pazos's index (higher is easier; 55 "normal",
# 65 "fairly easy"), as Spanish health services measure patient leaflets
MIN_INFLESZ = 55.0
MIN_MEDIAN_INFLESZ = 65.0
TERM_KEYS = {"term", "aliases", "short", "see_also", "articles"}


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    message: str
    error: bool = True

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {'' if self.error else 'warning: '}{self.message}"


@dataclass(frozen=True)
class Readability:
    page: Page
    words: int
    grade: float  # the US school grade of an English page; the INFLESZ score of a Spanish one

    @property
    def spanish(self) -> bool:
        return self.page.language == "es"


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    readability: list[Readability] = field(default_factory=list)
    reading_level_skipped: bool = False  # textstat (the `check` extra) is not installed

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.error]

    @property
    def median_grade(self) -> float | None:
        grades = [row.grade for row in self.readability if not row.spanish]
        return statistics.median(grades) if grades else None

    @property
    def median_inflesz(self) -> float | None:
        scores = [row.grade for row in self.readability if row.spanish]
        return statistics.median(scores) if scores else None

    def table(self) -> str:
        blocks = []
        for spanish, heading, median in ((False, "Grade", self.median_grade), (True, "INFLESZ", self.median_inflesz)):
            chosen = [row for row in self.readability if row.spanish == spanish]
            if not chosen:
                continue
            rows = [("Article" + (" (es)" if spanish else ""), "Words", heading)]
            rows += [(row.page.id, str(row.words), f"{row.grade:.1f}") for row in chosen]
            width = max(len(row[0]) for row in rows)
            lines = [f"{name:<{width}}  {words:>5}  {grade:>{7 if spanish else 5}}" for name, words, grade in rows]
            lines.insert(1, "-" * len(lines[0]))
            lines.append(f"{'median':<{width}}  {'':>5}  {median:>{7 if spanish else 5}.1f}")
            blocks.append("\n".join(lines))
        return "\n\n".join(blocks)


def reading_level_available() -> bool:
    """Whether textstat is installed: it measures reading level and comes with `pip install
    tms-info[check]`, so that a patient's install does not carry its 18 MB."""
    import importlib.util

    return importlib.util.find_spec("textstat") is not None


def inflesz(text: str) -> float:
    """Szigriszt-Pazos's readability of a Spanish text (syllables from pyphen's bundled
    dictionaries, so offline); read on the INFLESZ scale."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import textstat
    textstat.set_lang("es")
    try:
        return float(textstat.szigriszt_pazos(text))
    finally:
        textstat.set_lang("en_US")


def flesch_kincaid_grade(text: str) -> float:
    """US school grade of a text; textstat's count of syllables uses the bundled CMU dictionary,
    so this works offline (textstat 0.7.9 and later download data at the first call)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import textstat
    return float(textstat.flesch_kincaid_grade(text))


def _line_of(path: Path, needle: str, default: int = 1) -> int:
    """The first line of the file that holds `needle`; each file is read once per check
    (Checker.run empties the caches), so the work grows with the file, not with its problems."""
    line = _first_line(path, needle)
    return default if line is None else line


@functools.lru_cache(maxsize=8192)
def _first_line(path: Path, needle: str) -> int | None:
    lines = _file_lines(path)
    if lines is None:
        return None
    text, starts = lines
    position = text.find(needle)
    return None if position < 0 else bisect.bisect_right(starts, position)


@functools.lru_cache(maxsize=64)
def _file_lines(path: Path) -> tuple[str, list[int]] | None:
    """A content file's text and the offset where each of its lines starts."""
    try:
        text = read_page_bytes(path).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError, ContentError):
        return None
    starts, offset = [], 0
    for line in text.splitlines(keepends=True):
        starts.append(offset)
        offset += len(line)
    return text, starts


def _forget_files() -> None:
    _first_line.cache_clear()
    _file_lines.cache_clear()


@dataclass(frozen=True)
class _Rendered:
    """What rendering one page's Markdown showed: its HTML, links, pictures and linked terms."""

    body_html: str
    links: list[tuple[str, str]]
    pictures: list[Picture]
    linked_terms: set[str]

    @functools.cached_property
    def parsed(self) -> HtmlText:
        """The HTML read back (its text, tags, anchors and links), once for all the checks."""
        return read_html(self.body_html)


class Checker:
    def __init__(self, library: Library, only_under: Sequence[Path] = (), today: date | None = None) -> None:
        self.library = library
        self.today = today or date.today()
        self.renderer = Renderer(library)
        self.only_under = [folder.resolve() for folder in only_under]
        self.report = Report()
        self._anchors: dict[str, set[str]] = {}

    def _mine(self, path: Path) -> bool:
        if not self.only_under:
            return True
        resolved = path.resolve()
        return any(resolved.is_relative_to(folder) for folder in self.only_under)

    def add(self, path: Path, line: int, message: str, error: bool = True) -> None:
        if self._mine(path):
            self.report.findings.append(Finding(path, line, message, error))

    def _render(self, markdown: str, page_or_term: Page | Term) -> _Rendered | None:
        """What the page shows, or None (reported) if it cannot be rendered."""
        try:
            html = self.renderer.markdown_to_html(markdown, page_or_term)
        except Exception as error:  # any failure of Markdown or its extensions, RecursionError included
            self.add(page_or_term.source, page_or_term.body_line, f"cannot be rendered: {failure_reason(error)}")
            return None
        return _Rendered(html, self.renderer.last_links, self.renderer.last_pictures,
                         self.renderer.last_linked_terms)

    def run(self) -> Report:
        _forget_files()
        try:
            return self._run()
        finally:
            _forget_files()

    def _run(self) -> Report:
        self.report.reading_level_skipped = not reading_level_available()
        for problem in self.library.problems:
            self.add(problem.path, problem.line, problem.message, error=not problem.warning)
        markdown_log = logging.getLogger("tms_info.content.markdown_ext")
        level = markdown_log.level
        markdown_log.setLevel(logging.ERROR)  # missing pictures are reported below, with their line
        try:
            pages = sorted(self.library.pages.values(), key=lambda page: str(page.source))
            terms = sorted(self.library.terms.values(), key=lambda term: str(term.source))
            rendered_pages = {page.id: self._render(page.body, page) for page in pages}
            rendered_terms = {term.id: self._render(term.body, term) for term in terms}
            # a page that cannot be rendered is reported once, above, and its body checked no further
            self._anchors = {page.id: read_html(self.renderer.page_html(page)).ids
                             for page in pages if rendered_pages[page.id]}
        finally:
            markdown_log.setLevel(level)
        used_terms: set[str] = set()
        for page in pages:
            self._check_page_fields(page)
            self._check_translation(page)
            self._check_sources(page)
            rendered = rendered_pages[page.id]
            if rendered is None:
                continue
            used_terms |= rendered.linked_terms
            self._check_rendered(page.source, page.body_line, rendered)
            self._check_figures(page, rendered)
            self._check_index_anchors(page, rendered)
            if not page.is_section and not self.report.reading_level_skipped:
                self._measure(page, rendered)
        self._check_titles(pages)
        for term in terms:
            self._check_term(term)
            rendered = rendered_terms[term.id]
            if rendered is None:
                continue
            used_terms |= rendered.linked_terms
            self._check_rendered(term.source, term.body_line, rendered)
            self._check_denominators(term.source, term.body_line, f"{term.short}\n{rendered.parsed.text}")
        self._check_term_names(terms)
        for term in terms:
            if term.id not in used_terms and rendered_terms[term.id]:
                self.add(term.source, 1, f"glossary term '{term.term}' is never used in any page")
        self._check_search_files()
        self._check_median()
        return self.report

    def _check_search_files(self) -> None:
        """The search files of each folder (lay words, crisis words, a language's search words) read
        as search reads them; each problem is reported with its file."""
        from tms_info.content.crisis import CRISIS_WORDS_FILE, load_crisis_words
        from tms_info.content.search import LAY_WORDS_FILE, load_lay_words
        from tms_info.content.search_language import SEARCH_WORDS_FILE, search_language

        readers = ((LAY_WORDS_FILE, load_lay_words), (CRISIS_WORDS_FILE, load_crisis_words),
                   (SEARCH_WORDS_FILE, lambda roots, problems: search_language(
                       folder_language(roots[0]) or self.library.unlabelled_language, roots, problems=problems,
                       unlabelled_language=self.library.unlabelled_language)))
        quiet = [logging.getLogger(name) for name in ("tms_info.content.search", "tms_info.content.crisis",
                                                      "tms_info.content.search_language")]
        levels = [logger.level for logger in quiet]
        for logger in quiet:
            logger.setLevel(logging.ERROR)  # reported below, with the file
        try:
            for root in self.library.roots:
                for name, read in readers:
                    problems: list[str] = []
                    read([root], problems)
                    for problem in problems:
                        self.add(root / name, 1, problem.split(": ", 1)[1])
        finally:
            for logger, level in zip(quiet, levels, strict=False):
                logger.setLevel(level)

    # ----- front matter ---------------------------------------------------------------------

    @staticmethod
    def _front_matter(path: Path) -> dict:
        try:
            return read_front_matter(path)[0]
        except Exception:  # already reported by the library as it loaded
            return {}

    def _check_page_fields(self, page: Page) -> None:
        if page.source.is_dir():
            return
        meta = self._front_matter(page.source)
        for key in sorted(set(meta) - PAGE_KEYS):
            self.add(page.source, _line_of(page.source, f"{key}:"), f"unknown front matter key '{key}'")
        if not page.summary:
            self.add(page.source, 1, "front matter needs 'summary': one plain sentence")
        elif len(re.findall(r"[.!?](?:\s|$)", page.summary)) > 1:
            self.add(page.source, _line_of(page.source, "summary:"), "'summary' should be one sentence")
        if page.is_section or page.id == HOME_ID:
            return
        if page.reviewed is None:
            self.add(page.source, 1, "front matter needs 'reviewed': the date it was last checked, e.g. 2026-11-25")
        if not page.sources:
            self.add(page.source, 1, "front matter needs 'sources': a list of where the facts come from")

    def _check_sources(self, page: Page) -> None:
        if page.reviewed is not None:
            months = (self.today.year - page.reviewed.year) * 12 + self.today.month - page.reviewed.month
            if months > REVIEW_AFTER_MONTHS or (months == REVIEW_AFTER_MONTHS and self.today.day > page.reviewed.day):
                self.add(page.source, _line_of(page.source, "reviewed:"),
                         f"due for review: last reviewed {page.reviewed.isoformat()}, "
                         f"more than {REVIEW_AFTER_MONTHS} months ago", error=False)
        for source in page.sources:
            self._check_source(page.source, source)

    def _check_source(self, path: Path, source: Source) -> None:
        line = _line_of(path, source.title[:40])
        if source.doi and not DOI.match(source.doi):
            self.add(path, _line_of(path, source.doi, line), f"'doi' should look like 10.1234/abc: {source.doi}")
        if source.pmid and not PMID.match(source.pmid):
            self.add(path, _line_of(path, source.pmid, line), f"'pmid' should be digits only: {source.pmid}")
        if source.url and not source.url.startswith("https://"):
            self.add(path, _line_of(path, source.url, line), f"'url' should start with https://: {source.url}")
        if source.year is not None and not 1800 <= source.year <= self.today.year + 1:
            self.add(path, _line_of(path, "year:", line), f"'year' is not a plausible year: {source.year}")
        if "[" in source.title or "]" in source.title:
            self.add(path, line, "a source should give its published title, not a description in [brackets]",
                     error=False)

    def _check_figures(self, page: Page, rendered: _Rendered) -> None:
        text = f"{page.summary}\n{rendered.parsed.text}"
        self._check_denominators(page.source, page.body_line, text)
        figure = FIGURE.search(text)
        if figure and not page.sources:
            self.add(page.source, _line_of(page.source, figure.group(0), page.body_line),
                     f"the page gives figures ('{figure.group(0)}') but has no 'sources' to say where they come from")

    def _check_denominators(self, path: Path, body_line: int, text: str) -> None:
        """Two natural frequencies in one sentence must share their denominator: "14 in 100 and
        5 in 100" can be compared at a glance, "1 in 7 and 1 in 20" cannot."""
        for sentence in _SENTENCE_END.split(text):
            figures = NATURAL_FREQUENCY.findall(sentence)
            if len({_number(of).casefold() for _, of in figures}) > 1:
                written = [f"{count} in {of}" for count, of in figures]
                self.add(path, _line_of(path, figures[0][0] + " ", body_line),
                         "figures with different denominators in one sentence (" + ", ".join(written)
                         + "): give both over the same number, such as '14 in 100 and 5 in 100'")

    def _check_index_anchors(self, page: Page, rendered: _Rendered) -> None:
        """Search opens a page at the heading it found the words under: that place must exist on
        the page the reader sees."""
        from tms_info.content.search import indexed_sections

        for section in indexed_sections(rendered.parsed):
            if section.anchor and section.anchor not in self._anchors.get(page.id, set()):
                self.add(page.source, _line_of(page.source, section.heading, page.body_line),
                         f"search would open this page at '#{section.anchor}', which the page does not have")

    def _check_titles(self, pages: list[Page]) -> None:
        seen: dict[str, Page] = {}
        for page in pages:
            first = seen.setdefault(page.title.casefold(), page)
            if first is not page:
                self.add(page.source, _line_of(page.source, "title:"),
                         f"the title '{page.title}' is also used by {first.source}")

    # ----- links, pictures, HTML ------------------------------------------------------------

    def _check_rendered(self, source: Path, body_line: int, rendered: _Rendered) -> None:
        for written, resolved in rendered.links:
            link = classify(resolved)
            line = _line_of(source, written, body_line)
            if link.kind is LinkKind.TERM:
                if self.library.term(link.target) is None:
                    self.add(source, line, f"link to a glossary term that does not exist: {written}")
            elif self.library.page(link.target) is None:
                self.add(source, line, f"link to a page that does not exist: {written}")
            elif link.anchor and link.anchor not in self._anchors.get(link.target, set()):
                self.add(source, line, f"link to a part of a page that does not exist: {written}")
        for picture in rendered.pictures:
            line = _line_of(source, picture.src, body_line)
            wrong_case = case_mismatch(source.parent, picture.src)
            if wrong_case:
                self.add(source, line, f"picture's letter case differs from the file's ({wrong_case}): it shows on "
                                       f"Windows and macOS but is missing on Linux: {picture.src}")
            elif not picture.found:
                self.add(source, line, f"picture not found: {picture.src}")
            elif picture.problem:
                self.add(source, line, f"picture not shown ({picture.problem}): {picture.src}")
            if not picture.alt.strip():
                self.add(source, line, f"picture has no alt text for people who cannot see it: {picture.src}")
        # what the allowlist of tms_info.content.safe_html left out of the page (raw HTML, pictures)
        for refusal in self.renderer.converter.figures.refused.get(source, ()):
            self.add(source, _line_of(source, refusal.written, body_line), refusal.message)
        parsed = rendered.parsed
        for href in parsed.hrefs:
            link = classify(href)
            if link.kind is LinkKind.EXTERNAL and not href.lower().startswith("https://"):
                self.add(source, _line_of(source, href, body_line), f"external link is not https: {href}")
            elif link.kind is LinkKind.REFUSED:
                self.add(source, _line_of(source, href, body_line), f"the app will refuse this link: {href}")

    # ----- glossary -------------------------------------------------------------------------

    def _check_term(self, term: Term) -> None:
        meta = self._front_matter(term.source)
        for key in sorted(set(meta) - TERM_KEYS):
            self.add(term.source, _line_of(term.source, f"{key}:"), f"unknown front matter key '{key}'")
        words = len(term.short.split())
        if words > MAX_SHORT_WORDS:
            self.add(term.source, _line_of(term.source, "short:"),
                     f"'short' has {words} words; the tooltip allows {MAX_SHORT_WORDS}")
        if not term.body.strip():
            self.add(term.source, term.body_line, "the term has no explanation below its front matter")
        for other in term.see_also:
            if self.library.term(other) is None:
                self.add(term.source, _line_of(term.source, "see_also:"), f"see_also names an unknown term: {other}")
        for page_id in term.articles:
            if self.library.page(page_id) is None:
                self.add(term.source, _line_of(term.source, "articles:"), f"articles names an unknown page: {page_id}")

    def _check_term_names(self, terms: list[Term]) -> None:
        owners: dict[str, Term] = {}
        for term in terms:
            for name in term.names:
                owner = owners.setdefault(" ".join(name.split()).casefold(), term)
                if owner is not term:
                    self.add(term.source, _line_of(term.source, name),
                             f"the name '{name}' is also used by the term '{owner.id}'")

    # ----- reading level --------------------------------------------------------------------

    def _measure(self, page: Page, rendered: _Rendered) -> None:
        text = rendered.parsed.text
        if page.language == "es":
            words = len(re.findall(r"[^\W_]+", text))
            score = inflesz(text) if words else 100.0
            if self._mine(page.source):
                self.report.readability.append(Readability(page, words, score))
            if score < MIN_INFLESZ:
                self.add(page.source, page.body_line,
                         f"INFLESZ {score:.1f} is below {MIN_INFLESZ:g} ('normal'): try shorter sentences and words")
            self._check_length(page, words)
            return
        words = len(re.findall(r"[A-Za-z0-9’']+", text))
        grade = flesch_kincaid_grade(text) if words else 0.0
        if self._mine(page.source):
            self.report.readability.append(Readability(page, words, grade))
        if grade > MAX_GRADE:
            self.add(page.source, page.body_line,
                     f"reading grade {grade:.1f} is above {MAX_GRADE:g}: try shorter sentences and everyday words")
        self._check_length(page, words)

    def _check_length(self, page: Page, words: int) -> None:
        scale = WORDS_PER_ENGLISH_WORD.get(page.language, 1.0)
        low, high = round(MIN_ARTICLE_WORDS * scale), round(MAX_ARTICLE_WORDS * scale)
        if page.id not in (HOME_ID, HELP_NOW_ID) and not low <= words <= high:
            self.add(page.source, page.body_line, f"{words} words; an article should have {low}-{high}", error=False)

    def _check_median(self) -> None:
        median = self.report.median_grade
        if median is not None and median > MAX_MEDIAN_GRADE:
            first = next(row for row in self.report.readability if not row.spanish)
            self.add(first.page.source, 1,
                     f"the median reading grade of these articles is {median:.1f}, above {MAX_MEDIAN_GRADE:g}")
        median = self.report.median_inflesz
        if median is not None and median < MIN_MEDIAN_INFLESZ:
            first = next(row for row in self.report.readability if row.spanish)
            self.add(first.page.source, 1, f"the median INFLESZ of these Spanish articles is {median:.1f}, "
                                          f"below {MIN_MEDIAN_INFLESZ:g} ('fairly easy')")

    def _check_translation(self, page: Page) -> None:
        """A translated page says which review of the English page it follows; a later English
        review means the translation may be out of date."""
        original = self._english_original(page)
        if original is None:
            return
        try:
            reviewed = read_page(original, Path(page.relative), []).reviewed  # its own problems are its own check's
        except (ContentError, OSError):
            return
        if page.translated_from is None:
            self.add(page.source, 1, "front matter needs 'translated_from': the English page's 'reviewed' date "
                                     "this translation follows", error=False)
        elif reviewed is not None and reviewed > page.translated_from:
            self.add(page.source, _line_of(page.source, "translated_from:"),
                     f"translation out of date: the English page was reviewed on {reviewed.isoformat()}, after the "
                     f"review this translation follows ({page.translated_from.isoformat()})", error=False)

    def _english_original(self, page: Page) -> Path | None:
        if page.language == "en" or (page.is_section and page.source.is_dir()):
            return None
        for root in self.library.roots:
            if folder_language(root) == page.language and page.source.is_relative_to(root):
                original = root.parent / "en" / page.relative
                return original if original.is_file() else None
        return None


def _number(written: str) -> str:
    words = _WORD_NUMBERS.split("|")
    lowered = written.casefold().replace(",", "")
    return str(words.index(lowered) + 1) if lowered in words else lowered


def case_mismatch(folder: Path, src: str) -> str | None:
    """Where a relative picture path's letter case differs from the names on disk ("Coil.svg, the
    file is coil.svg"), checked name by name so it is found on every system, not only on Linux."""
    if not src or "://" in src or src.startswith(("/", "data:", "#")) or ":" in src.split("/", maxsplit=1)[0]:
        return None
    for part in PurePosixPath(src.split("#", maxsplit=1)[0].split("?", maxsplit=1)[0]).parts:
        if part in (".", ""):
            continue
        if part == "..":
            folder = folder.parent
            continue
        try:
            names = os.listdir(folder)
        except OSError:
            return None
        if part not in names:
            match = next((name for name in names if name.casefold() == part.casefold()), None)
            return f"{part}, the file is {match}" if match else None
        folder = folder / part
    return None


def check(roots: Iterable[Path], only_under: Sequence[Path] = (), today: date | None = None,
          language: str = "en", unlabelled_language: str = "en") -> Report:
    """Checks the library made of `roots` for a reader of `language`, reading folders named for no
    language as `unlabelled_language` (the clinic's, as the window does); with `only_under`,
    reports only files in those folders."""
    library = Library.load(roots, language=language, unlabelled_language=unlabelled_language)
    return Checker(library, only_under, today).run()
