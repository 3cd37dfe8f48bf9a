"""Crisis first: a query that speaks of suicide, self-harm, overdose or not being able to go on puts
Help now at the top of the results, in the window's search and on the command line, and ordinary
medical questions never do. The phrases are content (crisis-words.yaml), tested here."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tms_info.content.crisis import CRISIS_WORDS_FILE, load_crisis_words
from tms_info.content.library import Library
from tms_info.content.search import SearchIndex
from tms_info.locations import bundled_content_root

QUERIES = yaml.safe_load((FIXTURES / "crisis_queries.yaml").read_text(encoding="utf-8"))
CRISIS = [str(query) for query in QUERIES["crisis"]]
ORDINARY = [str(query) for query in QUERIES["ordinary"]]


@pytest.fixture(scope="module")
def crisis_words():
    return load_crisis_words([bundled_content_root()])


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.open(Library.load([bundled_content_root()]))


def test_there_are_enough_phrasings_of_each_kind():
    assert len(set(CRISIS)) >= 60 and len(set(ORDINARY)) >= 30


@pytest.mark.parametrize("query", CRISIS)
def test_a_crisis_query_is_recognised(crisis_words, query):
    assert crisis_words.matches(query)


@pytest.mark.parametrize("query", ORDINARY)
def test_an_ordinary_question_is_not_taken_for_a_crisis(crisis_words, query):
    assert not crisis_words.matches(query)


@pytest.mark.parametrize("query", CRISIS)
def test_help_now_comes_first_for_every_crisis_query(index, query):
    results = index.search(query)
    assert results.crisis and results.hits[0].id == "help-now" and results.hits[0].crisis
    assert [hit.id for hit in results.hits].count("help-now") == 1


@pytest.mark.parametrize("query", ORDINARY)
def test_ordinary_results_have_no_crisis_result(index, query):
    results = index.search(query)
    assert not results.crisis and not any(hit.crisis for hit in results.hits)


def test_the_other_results_follow_help_now(index):
    results = index.search("suicidal thoughts and tms side effects")
    assert results.hits[0].id == "help-now"
    assert "safety/side-effects" in [hit.id for hit in results.hits[1:]]


def test_help_now_comes_first_while_typing_too(index):
    assert index.search("i want to di", typing=True).crisis is False  # not yet a phrase
    assert index.search("i want to die", typing=True).hits[0].id == "help-now"


def test_a_clinic_adds_its_own_phrases(tmp_path):
    (tmp_path / CRISIS_WORDS_FILE).write_text("phrases:\n  - lost all hope/hopes\n", encoding="utf-8")
    words = load_crisis_words([bundled_content_root(), tmp_path])
    assert words.matches("i have lost all hope") and words.matches("i want to die")
    assert not load_crisis_words([bundled_content_root()]).matches("i have lost all hope")


@pytest.mark.parametrize(("text", "reason"), [
    ("phrases: [&a suicide, *a, *a]\n", "aliases"),
    ("phrases: suicide\n", "a list of phrases"),
    ("- suicide\n", "a list of phrases"),
    ("phrases: [[nested]]\n", "a list of phrases"),
    ("phrases: [unclosed\n", "skipped"),
])
def test_a_broken_file_is_reported_and_the_bundled_phrases_still_work(tmp_path, caplog, text, reason):
    (tmp_path / CRISIS_WORDS_FILE).write_text(text, encoding="utf-8")
    problems: list[str] = []
    words = load_crisis_words([bundled_content_root(), tmp_path], problems)
    assert len(problems) == 1 and reason in problems[0] and str(tmp_path) in problems[0]
    assert words.matches("i want to die")
    assert CRISIS_WORDS_FILE in caplog.text
    caplog.clear()


def test_an_oversized_file_is_refused(tmp_path, caplog):
    (tmp_path / CRISIS_WORDS_FILE).write_text("phrases:\n" + "  - some words here\n" * 20000, encoding="utf-8")
    problems: list[str] = []
    load_crisis_words([tmp_path], problems)
    assert problems and "larger than" in problems[0]
    caplog.clear()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400))
def test_any_file_a_clinic_writes_loads_or_is_reported(tmp_path_factory, caplog, text):
    folder = tmp_path_factory.mktemp("crisis")
    (folder / CRISIS_WORDS_FILE).write_text(text, encoding="utf-8")
    problems: list[str] = []
    words = load_crisis_words([folder], problems)
    words.matches(text[:200])  # never raises, whatever the phrases are
    assert len(problems) == sum(CRISIS_WORDS_FILE in record.getMessage() for record in caplog.records)
    caplog.clear()


@settings(max_examples=200, deadline=None)
@given(query=st.text(max_size=300))
def test_any_query_is_answered(crisis_words, query):
    assert crisis_words.matches(query) in (True, False)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tms_info", "search", *args], capture_output=True, text=True,
                          timeout=60)


def test_the_command_line_prints_help_now_first():
    result = _cli("my", "son", "wants", "to", "die")
    assert result.returncode == 0
    assert "[help-now" in result.stdout.splitlines()[0]


def test_the_json_marks_the_crisis_result():
    hits = json.loads(_cli("--json", "cant", "go", "on").stdout)
    assert hits[0]["id"] == "help-now" and hits[0]["crisis"] is True
    assert all(hit["crisis"] is False for hit in hits[1:])
    assert json.loads(_cli("--json", "seizure", "risk").stdout)[0]["crisis"] is False


def test_the_bundled_phrases_load_without_problems():
    problems: list[str] = []
    words = load_crisis_words([bundled_content_root()], problems)
    assert problems == [] and len(words.phrases) >= 60


def test_the_spanish_help_page_gives_a_crisis_line_for_each_country_it_names_not_only_an_emergency_number():
    library = Library.load([bundled_content_root("es")], language="es")
    sections = {part.split(":**", 1)[0]: part for part in library.page("help-now").body.split("\n**En ")[1:]}
    lines = {"Estados Unidos": "**988**", "México": "**800 911 2000**", "España": "**024**",
             "Bogotá (Colombia)": "**106**", "el Reino Unido": "**116 123**"}
    assert set(lines) <= set(sections), sorted(sections)
    for country, line in lines.items():
        assert line in sections[country], f"{country}: no crisis line {line}"
