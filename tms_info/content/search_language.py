"""What search needs to know about the language it searches: its stop words and question words,
and how its words are stemmed.

The words are data: `search-words.yaml` in the language's content folder (resources/content/es/),
to which a clinic's folder in that language may add. The stemmer is one line of STEMMERS: English
keeps FTS5's own porter tokenizer; any other language's words are stemmed with Snowball before they
go into FTS5, and the words of a query the same way. A third language is a folder with that file
and a line here.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tms_info.content.languages import DEFAULT_LANGUAGE, folder_language
from tms_info.content.yaml_text import read_each_root

log = logging.getLogger(__name__)

SEARCH_WORDS_FILE = "search-words.yaml"
FTS5_PORTER = "fts5-porter"
# The stemmer of each language: FTS5_PORTER is FTS5's own tokenizer (English only); any other name
# is a Snowball algorithm (snowballstemmer.algorithms()). A language not listed is not stemmed.
STEMMERS: dict[str, str] = {"en": FTS5_PORTER, "es": "spanish"}
MAX_LISTED_WORDS = 5000
MAX_LISTED_WORD_LENGTH = 40

# English keeps its words here (the file may add to them): the index for English is built as it
# always was, and a clinic's English folder needs no file of its own.
ENGLISH_STOP_WORDS = frozenset("""
a about after again all also am an and any are as at be been before being but by can could did do does doing
done during each for from get gets getting go going had has have having he her here him his how i if in into
is it its itself just me more most much my no nor not of off on once only or other our out over own same she
should so some such than that the their them then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yours yourself many lot
lots really thing things want know tell please need make makes made happen happens happened like sure actually
""".split())
ENGLISH_QUESTION_WORDS = frozenset({"who", "what", "when", "where", "why", "how", "which"})

# A token as FTS5's unicode61 tokenizer sees one: letters, digits (Unicode categories L* and N*) and
# combining marks, which unicode61 keeps inside a word. The marks listed are those of text in Latin,
# Greek and Cyrillic letters; a language written in another script adds its own here.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_TOKEN = re.compile(rf"(?:[^\W_]|[{_MARKS}])+", re.UNICODE)


def fold(text: str) -> str:
    """Lower case without accents ("Depresión" -> "depresion", "niño" -> "nino"): how unicode61
    with remove_diacritics sees a word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class Stemmer:
    """A Snowball stemmer for one language, with the stems it has made kept (a library has a few
    thousand words). Not shared between threads: each user makes its own."""

    def __init__(self, algorithm: str) -> None:
        import snowballstemmer  # only a language that needs it pays for the import

        self._stemmer = snowballstemmer.stemmer(algorithm)
        self._known: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        """The stem of a folded word ("sesiones" -> "sesion"); words are folded before they are
        stemmed, so that "recaida" typed without its accent stems as "recaída" in a page does."""
        stem = self._known.get(word)
        if stem is None:
            stem = self._stemmer.stemWord(word) or word
            if len(self._known) < 50_000:
                self._known[word] = stem
        return stem

    @property
    def known(self) -> dict[str, str]:
        """The stems made so far, by folded word: an index keeps them, to be read back with `learn`."""
        return dict(self._known)

    def learn(self, pairs: Iterable[tuple[object, object]]) -> None:
        """Takes stems made before (read from an index: checked, as all cached data is)."""
        for word, stem in pairs:
            if isinstance(word, str) and isinstance(stem, str) and _TOKEN.fullmatch(stem) and len(self._known) < 50_000:
                self._known[word] = stem

    def text(self, text: str) -> str:
        """The text with each token replaced by its folded stem, token for token, so that the
        positions FTS5 finds in the stemmed text are those of the words in the original text (its
        snippets mark the original). A token that would not stay one token is kept as it is."""
        def stemmed(match: re.Match[str]) -> str:
            stem = self(fold(match.group()))
            return stem if _TOKEN.fullmatch(stem) else match.group()
        return _TOKEN.sub(stemmed, unicodedata.normalize("NFC", text))

    def prefix(self, word: str) -> str:
        """What an unfinished word may be looked up as, as a prefix of stems: the part the word
        and its stem share ("sesione" -> "sesion", "depre" -> "depr")."""
        stem = self(word)
        shared = 0
        for a, b in zip(word, stem, strict=False):
            if a != b:
                break
            shared += 1
        return word[:shared] if shared >= 2 else word


@dataclass(frozen=True)
class SearchLanguage:
    code: str = DEFAULT_LANGUAGE
    stop_words: frozenset[str] = ENGLISH_STOP_WORDS
    question_words: frozenset[str] = ENGLISH_QUESTION_WORDS
    stemmer: str | None = FTS5_PORTER  # a STEMMERS value, or None: not stemmed

    @property
    def tokenizer(self) -> str:
        if self.stemmer == FTS5_PORTER:
            return "porter unicode61 remove_diacritics 2"
        return "unicode61 remove_diacritics 2"

    @property
    def stems_before_fts5(self) -> bool:
        return self.stemmer not in (None, FTS5_PORTER)

    def new_stemmer(self) -> Stemmer | None:
        """A stemmer to apply before FTS5 (None when FTS5 stems, or nothing does)."""
        return Stemmer(self.stemmer) if self.stems_before_fts5 and self.stemmer else None

    @property
    def key(self) -> str:
        """Everything about the language that changes an index, for the cache key."""
        return "\0".join((self.code, str(self.stemmer), *sorted(self.stop_words), "\1", *sorted(self.question_words)))


def language_roots(roots: Iterable[Path], language: str, unlabelled_language: str) -> list[Path]:
    """The content folders written in `language`: those named for it, and, when it is
    `unlabelled_language`, those named for no language. The rule is the loader's (Library.load): a
    clinic's single folder is in the clinic's language, whatever language it is read in."""
    return [Path(root) for root in roots if (folder_language(Path(root)) or unlabelled_language) == language]


def search_language(language: str, roots: Iterable[Path], bundled: Path | None = None,
                    problems: list[str] | None = None, unlabelled_language: str | None = None) -> SearchLanguage:
    """The search words of `language`: those of the `bundled` folder for it (resources/content/es),
    and those the language's `roots` add. English starts from its own words, kept in code.

    A root named for no language is in `unlabelled_language` (a library's `unlabelled_language`);
    without one, the roots are taken to be the language's own."""
    unlabelled = language if unlabelled_language is None else unlabelled_language
    folders = ([bundled] if bundled is not None else []) + language_roots(roots, language, unlabelled)
    unique = list(dict.fromkeys(folder.absolute() for folder in folders))
    stop = set(ENGLISH_STOP_WORDS) if language == "en" else set()
    questions = set(ENGLISH_QUESTION_WORDS) if language == "en" else set()
    for listed_stop, listed_questions in read_each_root(unique, SEARCH_WORDS_FILE, _search_words_of, log, problems):
        stop |= listed_stop
        questions |= listed_questions
    return SearchLanguage(language, frozenset(stop), frozenset(questions), STEMMERS.get(language))


def _search_words_of(data: object) -> tuple[set[str], set[str]]:
    if not isinstance(data, dict):
        raise ValueError("it should have 'stop words:' and 'question words:', each followed by words")
    found = []
    for name in ("stop words", "question words"):
        listed = data.get(name, [])
        if isinstance(listed, str):
            listed = listed.split()
        if not isinstance(listed, list) or not all(isinstance(word, str) for word in listed):
            raise ValueError(f"'{name}:' should be followed by words (a list, or words separated by spaces)")
        if len(listed) > MAX_LISTED_WORDS:
            raise ValueError(f"'{name}:' lists more than {MAX_LISTED_WORDS} words")
        found.append({word for text in listed for word in _TOKEN.findall(fold(text))
                      if len(word) <= MAX_LISTED_WORD_LENGTH})
    return found[0], found[1]
