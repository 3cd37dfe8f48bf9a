"""Search in Spanish: its own index, with accents folded (que = qué), Spanish stems (sesiones =
sesión), Spanish lay words and typo tolerance, the Spanish crisis vocabulary putting Help now first,
and English and Spanish indexes cached side by side without ever serving each other.

The libraries are small tmp_path folders (en/ and es/, the same file names), so that these tests do
not depend on how far the translators have got; the Spanish word files are the bundled ones."""
from __future__ import annotations

import shutil
import sqlite3
import unicodedata
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st
from test_search import make_content

from tms_info.content.crisis import crisis_words_of, load_crisis_words
from tms_info.content.library import Library
from tms_info.content.search import SearchIndex, content_key, library_language, load_lay_words
from tms_info.content.search_language import (
    ENGLISH_STOP_WORDS,
    SEARCH_WORDS_FILE,
    SearchLanguage,
    Stemmer,
    fold,
    search_language,
)
from tms_info.locations import bundled_content_root

SPANISH = {
    "01-treatment/01-schedule.md": (
        "¿Cuántas sesiones voy a necesitar?", "Un ciclo tiene muchas sesiones.",
        "La mayoría de las personas tiene una sesión cada día entre semana.\n\n## ¿Cuánto dura un ciclo?\n\n"
        "Un ciclo dura de cuatro a seis semanas.\n\n## Manejar\n\nPuede manejar a casa después."),
    "01-treatment/02-feel.md": (
        "¿Qué se siente en una sesión?", "Golpecitos y clics.",
        "La bobina da golpecitos en el cuero cabelludo. Algunas personas sienten molestias al principio.\n\n"
        "## Efectos secundarios\n\nEl dolor de cabeza es el efecto secundario más frecuente.\n\n"
        "## Depresión y ánimo\n\nSu ánimo puede mejorar poco a poco."),
    "02-other/01-ect.md": (
        "Terapia electroconvulsiva", "Otro tratamiento.",
        "La TEC necesita anestesia. Funciona bien en la depresión grave.\n\n## Memoria\n\n"
        "Algunas personas tienen problemas de memoria después de la TEC."),
    "02-other/02-young.md": (
        "Los jóvenes", "Adolescentes y EMT.",
        "Pocos ensayos han estudiado a los adolescentes y jóvenes.\n\n## Costo\n\nLas reglas del seguro médico cambian."),
    # 02-other/03-later.md is not translated: it stays English
}
HELP_NOW = {"en": ("Help now", "If you may be in danger.", "Call 988."),
            "es": ("Ayuda ahora", "Si usted puede estar en peligro.", "Llame o envíe un texto al 988.")}


def make_spanish(root: Path) -> Path:
    for relative, (title, summary, body) in SPANISH.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: \"{title}\"\nsummary: \"{summary}\"\n---\n{body}\n", encoding="utf-8")
    (root / "glossary").mkdir(exist_ok=True)
    (root / "glossary" / "ect.md").write_text(
        "---\nterm: TEC\naliases: [terapia electroconvulsiva]\nshort: Un tratamiento con una corriente eléctrica.\n---\n"
        "Un tratamiento que pasa una pequeña corriente eléctrica por el cerebro.\n", encoding="utf-8")
    for name in ("lay-words.yaml", "crisis-words.yaml"):
        shutil.copy(bundled_content_root("es") / name, root / name)
    return root


def add_help_now(root: Path, language: str) -> None:
    title, summary, body = HELP_NOW[language]
    (root / "90-help-now.md").write_text(f"---\ntitle: {title}\nsummary: {summary}\n---\n{body}\n", encoding="utf-8")


@pytest.fixture
def folders(tmp_path) -> tuple[Path, Path]:
    english, spanish = make_content(tmp_path / "en"), make_spanish(tmp_path / "es")
    add_help_now(english, "en")
    add_help_now(spanish, "es")
    return english, spanish


@pytest.fixture
def index(folders) -> SearchIndex:
    return SearchIndex.open(Library.load(folders, language="es"))


def ids(results) -> list[str]:
    return [hit.id for hit in results.hits]


# ----- accents, stems and snippets --------------------------------------------------------------

@pytest.mark.parametrize(("typed", "written"), [("depresion", "depresión"), ("animo", "ánimo"),
                                                ("JOVENES", "jóvenes"), ("sesion", "sesión")])
def test_accents_and_case_do_not_matter(index, typed, written):
    assert ids(index.search(typed)) == ids(index.search(written)) != []


def test_a_question_typed_without_accents_finds_its_page_by_title(index):
    assert ids(index.search("que se siente en una sesion"))[0] == "treatment/feel"
    assert ids(index.search("cuantas sesiones voy a necesitar"))[0] == "treatment/schedule"


@pytest.mark.parametrize(("typed", "page"), [("sesiones", "treatment/schedule"), ("semana", "treatment/schedule"),
                                             ("estudios", "other/young"), ("efecto secundario", "treatment/feel"),
                                             ("memorias", "other/ect"), ("molestia", "treatment/feel")])
def test_spanish_stems_find_other_forms_of_a_word(index, typed, page):
    assert page in ids(index.search(typed))


def test_the_snippet_shows_the_words_as_written_with_the_match_marked(index):
    hit = next(hit for hit in index.search("depresion grave").hits if hit.kind == "article")
    assert hit.id == "other/ect" and "en la <b>depresión</b> <b>grave</b>" in hit.snippet_html
    assert "depresion" not in hit.snippet  # never the folded or stemmed form
    section = index.search("dolor de cabeza").hits[0]
    assert (section.id, section.heading) == ("treatment/feel", "Efectos secundarios")
    assert "El <b>dolor de cabeza</b> es el efecto secundario más frecuente." in section.snippet_html


def test_an_unfinished_word_matches_while_typing(index):
    assert "other/young" in ids(index.search("adolesc", typing=True))
    assert "treatment/schedule" in ids(index.search("cuantas sesione", typing=True))


def test_a_page_not_translated_yet_is_found_in_english(index):
    assert index.library.page("other/later").language == "en"
    assert "other/later" in ids(index.search("relapse"))


def test_spanish_stop_and_question_words_come_from_the_language_folder(index):
    assert index.language.code == "es" and index.language.stemmer == "spanish"
    assert {"el", "la", "que", "para", "es"} <= index.language.stop_words
    assert {"que", "como", "cuanto", "cuando"} <= index.language.question_words
    english = SearchIndex.open(Library.load([index.library.roots[0]]))
    assert english.language.stop_words == ENGLISH_STOP_WORDS and english.language.tokenizer.startswith("porter")


# ----- lay words and typos ----------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "page"), [
    ("terapia de choque", "other/ect"), ("electroshock", "other/ect"), ("electrochoque", "other/ect"),
    ("duele?", "treatment/feel"), ("me va a doler", "treatment/feel"),
    ("mi hijo", "other/young"), ("mi hija de 15", "other/young"), ("adolescente", "other/young"),
    ("cuánto cuesta", "other/young"), ("cuanto cuesta", "other/young"), ("precio", "other/young"),
])
def test_spanish_lay_words_find_the_words_the_articles_use(index, typed, page):
    assert page in ids(index.search(typed))[:3]


def test_lay_words_are_those_of_the_library_language(folders):
    spanish = SearchIndex.open(Library.load(folders, language="es"))
    assert "terapia de choque" in spanish.lay_words and "shock therapy" not in spanish.lay_words
    english = SearchIndex.open(Library.load(folders[:1]))
    assert "shock therapy" in english.lay_words and "terapia de choque" not in english.lay_words


@pytest.mark.parametrize(("typed", "meant", "page"), [("seciones", "sesiones", "treatment/schedule"),
                                                      ("golpesitos", "golpecitos", "treatment/feel"),
                                                      ("anestecia", "anestesia", "other/ect")])
def test_misspellings_find_the_right_page_and_say_so(index, typed, meant, page):
    results = index.search(typed)
    assert results.corrections == {typed: meant} and page in ids(results)


# ----- crisis -----------------------------------------------------------------------------------

QUERIES = yaml.safe_load((FIXTURES / "crisis_queries_es.yaml").read_text(encoding="utf-8"))
CRISIS = [str(query) for query in QUERIES["crisis"]]
ORDINARY = [str(query) for query in QUERIES["ordinary"]]


@pytest.fixture(scope="module")
def crisis_words():
    return load_crisis_words([bundled_content_root("en"), bundled_content_root("es")])


def test_there_are_enough_spanish_phrasings_of_each_kind():
    assert len(set(CRISIS)) >= 40 and len(set(ORDINARY)) >= 20


@pytest.mark.parametrize("query", CRISIS)
def test_a_spanish_crisis_query_is_recognised(crisis_words, query):
    assert crisis_words.matches(query)


@pytest.mark.parametrize("query", ORDINARY)
def test_an_ordinary_spanish_question_is_not_taken_for_a_crisis(crisis_words, query):
    assert not crisis_words.matches(query)


@pytest.mark.parametrize("query", ["quiero morir", "¡No puedo más!", "¿me quiero matar?", "hacerme daño",
                                   "QUIERO SUICIDARME", "no quiero vivir", "quitarme la vida"])
def test_help_now_comes_first_in_a_spanish_library(index, query):
    results = index.search(query)
    assert results.crisis and results.hits[0].id == "help-now" and results.hits[0].title == "Ayuda ahora"


def test_an_ordinary_spanish_question_has_no_crisis_result(index):
    results = index.search("me duele la cabeza después de la sesión")
    assert not results.crisis and ids(results)[0] == "treatment/feel"


@pytest.mark.parametrize(("typed", "words"), [("¿No puedo más?", ["no", "puedo", "mas"]),
                                              ("¡Hacerme DAÑO!", ["hacerme", "dano"]),
                                              ("acción, pingüino", ["accion", "pinguino"])])
def test_crisis_matching_reads_spanish_as_typed(typed, words):
    assert crisis_words_of(typed) == words


def test_words_listed_as_not_typos_are_taken_as_typed(tmp_path):
    (tmp_path / "crisis-words.yaml").write_text("phrases:\n  - hacerme dano\nnot typos:\n  - hacerle\n", encoding="utf-8")
    words = load_crisis_words([tmp_path])
    assert words.matches("hacerme daño") and words.matches("acerme daño")  # a slip is forgiven
    assert not words.matches("¿puede hacerle daño al bebé?")


def test_a_broken_not_typos_list_is_reported_and_skipped(tmp_path, caplog):
    (tmp_path / "crisis-words.yaml").write_text("phrases: [suicidio]\nnot typos: hacerle\n", encoding="utf-8")
    problems: list[str] = []
    assert load_crisis_words([tmp_path], problems).phrases == ()
    assert "not typos" in problems[0] and "not typos" in caplog.text
    caplog.clear()


# ----- the cache: one index per language ----------------------------------------------------------

def test_english_and_spanish_indexes_live_side_by_side(folders, tmp_path, monkeypatch):
    english, spanish = Library.load(folders[:1]), Library.load(folders, language="es")
    first = SearchIndex.open(english, tmp_path / "cache")
    second = SearchIndex.open(spanish, tmp_path / "cache")
    assert first.location != second.location and len(list((tmp_path / "cache").glob("search-*.sqlite"))) == 2
    monkeypatch.setattr(SearchIndex, "_build", lambda *a, **k: pytest.fail("rebuilt although nothing changed"))
    again_en, again_es = SearchIndex.open(english, tmp_path / "cache"), SearchIndex.open(spanish, tmp_path / "cache")
    assert (again_en.location, again_es.location) == (first.location, second.location)
    assert again_en.search("side effects").hits[0].heading == "Side effects"
    assert again_es.search("efectos secundarios").hits[0].heading == "Efectos secundarios"


def test_a_language_change_never_serves_the_other_languages_index(folders, tmp_path):
    as_spanish = Library.load(folders, language="es")
    as_english = Library.load(folders, language="en")  # the same folders, the other language
    spanish = SearchIndex.open(as_spanish, tmp_path / "cache")
    english = SearchIndex.open(as_english, tmp_path / "cache")
    assert spanish.location != english.location
    assert (spanish.language.code, english.language.code) == ("es", "en")
    tokenizers = [sqlite3.connect(index.location).execute("SELECT sql FROM sqlite_master WHERE name = 'pages'").fetchone()[0]
                  for index in (spanish, english)]
    assert "porter" not in tokenizers[0] and "porter" in tokenizers[1]
    lay = load_lay_words(folders)
    assert content_key(as_spanish, lay, library_language(as_spanish)) != content_key(as_spanish, lay, SearchLanguage())
    # switching back finds the Spanish index as it was, and it answers in Spanish
    again = SearchIndex.open(Library.load(folders, language="es"), tmp_path / "cache")
    assert again.location == spanish.location and again.search("sesiones").hits[0].title.startswith("¿Cuántas")


# ----- the language's words are data -------------------------------------------------------------

def test_a_third_language_is_a_folder_and_a_file(tmp_path):
    folder = tmp_path / "xx"
    folder.mkdir()
    (folder / SEARCH_WORDS_FILE).write_text("stop words: le la les de\nquestion words: [quoi, où]\n", encoding="utf-8")
    language = search_language("xx", [folder])
    assert language.stop_words == {"le", "la", "les", "de"} and language.question_words == {"quoi", "ou"}
    assert language.stemmer is None and not language.tokenizer.startswith("porter")


@pytest.mark.parametrize("text", ["stop words: {el: 1}\n", "- el\n- la\n", "stop words: " + "el " * 6000 + "\n"])
def test_a_broken_search_words_file_is_reported_and_skipped(tmp_path, caplog, text):
    folder = tmp_path / "es"
    folder.mkdir()
    (folder / SEARCH_WORDS_FILE).write_text(text, encoding="utf-8")
    problems: list[str] = []
    language = search_language("es", [folder], problems=problems)
    assert language.stop_words == frozenset() and len(problems) == 1 and SEARCH_WORDS_FILE in problems[0]
    caplog.clear()


def test_the_bundled_spanish_word_files_are_sound():
    problems: list[str] = []
    folder = bundled_content_root("es")
    assert search_language("es", [folder], problems=problems).stop_words
    assert len(load_lay_words([folder], problems)) >= 100
    assert len(load_crisis_words([folder], problems).phrases) >= 50
    assert problems == []


LETTERS = "abcdeéíóúüñÑÁZ0129½ﬁ_-¿?¡! \u0301"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=LETTERS, max_size=60))
def test_stemmed_text_keeps_every_word_in_its_place(text):
    """The index holds the stems and shows the text as written: both must have the same words in
    the same order, or a snippet would mark the wrong word."""
    stemmer = Stemmer("spanish")
    normal = unicodedata.normalize("NFC", text)
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    tokens = []
    for value in (normal, stemmer.text(text)):
        db.execute("DELETE FROM t")
        db.execute("INSERT INTO t(x) VALUES (?)", (value,))
        tokens.append([term for term, in db.execute("SELECT term FROM v ORDER BY offset")])
    assert len(tokens[0]) == len(tokens[1])
    assert all(stem == stemmer(fold(word)) or stem == word for word, stem in zip(tokens[0], tokens[1], strict=False))


def test_stems_are_kept_in_the_index_so_opening_and_rebuilding_stem_only_new_words(folders, tmp_path, monkeypatch):
    import snowballstemmer

    made: list[str] = []
    real = snowballstemmer.stemmer

    class Counting:
        def __init__(self, algorithm):
            self._stemmer = real(algorithm)

        def stemWord(self, word):
            made.append(word)
            return self._stemmer.stemWord(word)

    monkeypatch.setattr(snowballstemmer, "stemmer", Counting)
    SearchIndex.open(Library.load(folders, language="es"), tmp_path / "cache").close()
    assert len(made) > 100
    made.clear()
    SearchIndex.open(Library.load(folders, language="es"), tmp_path / "cache").search("sesiones")
    assert made == [], "a cached index stems nothing again"
    page = folders[1] / "01-treatment" / "02-feel.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## Hormigueo\n\nAlgunas personas sienten hormigueo.\n",
                    encoding="utf-8")
    index = SearchIndex.open(Library.load(folders, language="es"), tmp_path / "cache")
    assert set(made) <= {"hormigueo", "algunas", "personas", "sienten"}
    assert index.search("hormigueos").hits[0].heading == "Hormigueo"
