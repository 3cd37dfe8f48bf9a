"""Search: FTS5 ranking, stemming, prefixes while typing, lay words, misspellings, hostile input,
and the on-disk cache that is reused, rebuilt when content changes, and never a reason to fail."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tms_info.content.library import Library
from tms_info.content.plaintext import read_html
from tms_info.content.render import Renderer
from tms_info.content.search import SearchIndex, indexed_sections, load_lay_words
from tms_info.content.spelling import edit_distance
from tms_info.locations import bundled_content_root

PAGES = {
    "01-treatment/01-schedule.md": ("How many sessions?", "A course has many sessions.",
                                    "Most people have a session each weekday.\n\n## How long is a course?\n\n"
                                    "A course lasts four to six weeks.\n\n## Driving\n\nYou can drive home after."),
    "01-treatment/02-feel.md": ("What a session feels like", "Tapping and clicks.",
                                "The coil taps your scalp. Some people feel discomfort at first.\n\n"
                                "## Side effects\n\nHeadache is the most common side effect.\n\n"
                                "## Depression and mood\n\nYour mood may lift slowly."),
    "02-other/01-ect.md": ("Electroconvulsive therapy", "Another treatment.",
                           "ECT needs anesthesia. It works well for severe depression.\n\n"
                           "## Memory\n\nSome people have memory problems after ECT."),
    "02-other/02-young.md": ("Young people", "Teenagers and TMS.",
                             "Few trials have studied adolescents.\n\n## Cost\n\nInsurance rules differ."),
    "02-other/03-later.md": ("After treatment", "When symptoms return.",
                             "A relapse means depression returns. Maintenance sessions may help."),
}
TERMS = {
    "ect": ("ECT", "[electroconvulsive therapy]", "A treatment that passes a small electric current through the brain."),
    "relapse": ("relapse", "[relapses]", "When depression comes back after getting better."),
}
LAY_WORDS = "shock therapy: [ECT, electroconvulsive therapy]\nteenager: [young people, adolescents]\n" \
            "come back: [relapse]\npay: [cost, insurance]\n"


def make_content(root: Path, extra: str = "") -> Path:
    for relative, (title, summary, body) in PAGES.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: {title}\nsummary: {summary}\n---\n{body}{extra}\n", encoding="utf-8")
    (root / "glossary").mkdir(exist_ok=True)
    for term_id, (name, aliases, short) in TERMS.items():
        (root / "glossary" / f"{term_id}.md").write_text(
            f"---\nterm: {name}\naliases: {aliases}\nshort: {short}\n---\n{short}\n", encoding="utf-8")
    (root / "lay-words.yaml").write_text(LAY_WORDS, encoding="utf-8")
    return root


@pytest.fixture
def content(tmp_path) -> Path:
    return make_content(tmp_path / "content")


@pytest.fixture
def index(content) -> SearchIndex:
    return SearchIndex.open(Library.load([content]))


def ids(results) -> list[str]:
    return [hit.id for hit in results.hits]


def test_stemming_finds_other_forms_of_a_word(index):
    assert "treatment/schedule" in ids(index.search("session"))
    assert "treatment/schedule" in ids(index.search("driving"))


def test_a_title_match_ranks_above_a_body_match(index):
    assert ids(index.search("sessions"))[0] == "treatment/schedule"


def test_prefixes_match_while_typing(index):
    assert "other/young" in ids(index.search("adol", typing=True))
    assert "other/young" in ids(index.search("teenagers and adol", typing=True))
    assert index.search("adol", typing=False).hits == ()


def test_the_best_section_of_a_page_is_the_one_opened(index):
    hit = index.search("headache").hits[0]
    assert (hit.id, hit.anchor, hit.heading) == ("treatment/feel", "side-effects", "Side effects")
    assert "<b>Headache</b>" in hit.snippet_html and "Headache" in hit.snippet
    drive = index.search("drive").hits[0]
    assert (drive.id, drive.anchor) == ("treatment/schedule", "driving")


def test_lay_words_find_the_words_articles_use(index):
    assert set(ids(index.search("shock therapy"))[:2]) == {"ect", "other/ect"}
    assert "other/young" in ids(index.search("teenager"))
    assert "other/later" in ids(index.search("will it come back"))
    assert "other/young" in ids(index.search("how much will I pay"))


@pytest.mark.parametrize(("typed", "meant", "page"), [
    ("deppression", "depression", "treatment/feel"),
    ("anesthisia", "anesthesia", "other/ect"),
    ("maintainance", "maintenance", "other/later"),
    ("headahce", "headache", "treatment/feel"),
])
def test_misspellings_find_the_right_page_and_say_so(index, typed, meant, page):
    results = index.search(typed)
    assert results.corrections == {typed: meant}
    assert page in ids(results)
    assert meant in results.message


def test_glossary_hits_show_the_definition(index):
    hit = next(h for h in index.search("electroconvulsive").hits if h.kind == "term")
    assert hit.id == "ect" and hit.title == "ECT" and "electric current" in hit.snippet


@pytest.mark.parametrize("query", [
    '"', '"unbalanced', "*", "^", "-", "tms*", "^start", "-minus", "NEAR(a b)", "a AND", "OR", "NOT",
    "(", ")", "((session", "title:coil", "col:", "a:b:c", "'", "\\", "%", "_", ";DROP TABLE docs;--",
    "x" * 5000, "session " * 300, "😀", "депрессия", "抑郁症", "é", "\x00", "   ", "",
])
def test_hostile_queries_never_raise(index, query):
    results = index.search(query, typing=True)
    assert isinstance(results.hits, tuple)
    assert isinstance(results.message, str)


def test_stop_words_only_gives_a_friendly_no_results(index):
    results = index.search("how do i do it")
    assert results.hits == ()
    assert results.message.startswith("No results")


def test_one_unknown_word_does_not_hide_the_others(index):
    assert set(ids(index.search("relapse qqqqqzzz"))[:2]) == {"relapse", "other/later"}


def test_edit_distance_counts_swaps_as_one():
    assert edit_distance("headahce", "headache") == 1
    assert edit_distance("deppression", "depression") == 1
    assert edit_distance("maintainance", "maintenance") == 2


def test_sections_use_the_renderers_anchors():
    library = Library.load([bundled_content_root()])
    renderer = Renderer(library)
    for page in library.pages.values():
        anchors = read_html(renderer.page_html(page)).ids
        for section in indexed_sections(renderer.markdown_to_html(page.body, page)):
            assert section.anchor is None or section.anchor in anchors, (page.id, section.anchor)


# ----- the cache ------------------------------------------------------------------------------

def test_a_second_open_uses_the_cache_without_rebuilding(content, tmp_path, monkeypatch):
    library = Library.load([content])
    first = SearchIndex.open(library, tmp_path / "cache")
    assert first.location.endswith(".sqlite") and Path(first.location).is_file()
    first.close()
    monkeypatch.setattr(SearchIndex, "_build", lambda *a: pytest.fail("rebuilt although nothing changed"))
    second = SearchIndex.open(library, tmp_path / "cache")
    assert second.location == first.location
    assert "treatment/schedule" in ids(second.search("sessions"))


def test_two_content_setups_used_in_turn_keep_their_own_index(content, tmp_path, monkeypatch):
    clinic = tmp_path / "clinic"
    (clinic / "01-ours").mkdir(parents=True)
    (clinic / "01-ours" / "01-parking.md").write_text("---\ntitle: Parking\nsummary: Where to park.\n---\nThe car park.\n")
    alone, with_clinic = Library.load([content]), Library.load([content], local_roots=[clinic])
    first = SearchIndex.open(alone, tmp_path / "cache")
    second = SearchIndex.open(with_clinic, tmp_path / "cache")
    assert first.location != second.location and Path(first.location).is_file() and Path(second.location).is_file()
    monkeypatch.setattr(SearchIndex, "_build", lambda *a: pytest.fail("rebuilt although nothing changed"))
    assert SearchIndex.open(alone, tmp_path / "cache").location == first.location
    assert "ours/parking" in ids(SearchIndex.open(with_clinic, tmp_path / "cache").search("car park"))


def test_a_rebuild_renders_only_the_pages_that_changed(content, tmp_path, monkeypatch):
    SearchIndex.open(Library.load([content]), tmp_path / "cache").close()
    page = content / "01-treatment" / "02-feel.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## Tingling\n\nSome people feel tingling.\n",
                    encoding="utf-8")
    rendered: list[str] = []
    real = Renderer.markdown_to_html
    monkeypatch.setattr(Renderer, "markdown_to_html",
                        lambda self, text, content, *a, **k: rendered.append(content.id) or real(self, text, content, *a, **k))
    index = SearchIndex.open(Library.load([content]), tmp_path / "cache")
    assert rendered == ["treatment/feel"]
    hit = index.search("tingling").hits[0]
    assert (hit.id, hit.anchor) == ("treatment/feel", "tingling")
    assert "treatment/schedule" in ids(index.search("driving"))
    assert len(list((tmp_path / "cache").glob("search-*.sqlite"))) == 1


def test_changed_content_rebuilds_the_index(content, tmp_path):
    first = SearchIndex.open(Library.load([content]), tmp_path / "cache")
    (content / "02-other" / "04-new.md").write_text("---\ntitle: Pregnancy\nsummary: New.\n---\nA new page.\n")
    second = SearchIndex.open(Library.load([content]), tmp_path / "cache")
    assert second.location != first.location
    assert ids(second.search("pregnancy")) == ["other/new"]
    assert len(list((tmp_path / "cache").glob("search-*.sqlite"))) == 1, "the old index is removed"


def test_a_corrupt_cache_is_rebuilt(content, tmp_path):
    library = Library.load([content])
    location = Path(SearchIndex.open(library, tmp_path / "cache").location)
    location.write_bytes(b"this is not a database" * 100)
    index = SearchIndex.open(library, tmp_path / "cache")
    assert "treatment/schedule" in ids(index.search("sessions"))


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root can write to a read-only folder")
def test_an_unwritable_cache_folder_keeps_the_index_in_memory(content, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        index = SearchIndex.open(Library.load([content]), cache)
    finally:
        cache.chmod(stat.S_IRWXU)
    assert index.location == ":memory:" and "treatment/schedule" in ids(index.search("sessions"))


def test_a_cache_path_that_is_a_file_keeps_the_index_in_memory(content, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    index = SearchIndex.open(Library.load([content]), blocker)
    assert index.location == ":memory:" and "treatment/schedule" in ids(index.search("sessions"))


def test_a_broken_lay_words_file_is_reported_and_search_still_works(content, caplog):
    (content / "lay-words.yaml").write_text("shock therapy: [unclosed\n")
    index = SearchIndex.open(Library.load([content]))
    assert "lay-words.yaml" in caplog.text
    caplog.clear()
    assert "treatment/schedule" in ids(index.search("sessions"))


# ----- the command line -----------------------------------------------------------------------

def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tms_info", "search", *args], capture_output=True, text=True,
                          timeout=60)


def test_cli_search_prints_ranked_results(content):
    result = run_cli("--content-dir", str(content), "how", "many", "sessions")
    assert result.returncode == 0
    assert result.stdout.startswith("1. ") and "[treatment/schedule" in result.stdout.splitlines()[0]


def test_cli_search_json(content):
    result = run_cli("--json", "--limit", "3", "--content-dir", str(content), "electroconvulsive")
    hits = json.loads(result.stdout)
    assert 1 <= len(hits) <= 3
    assert {"id", "title", "kind", "snippet"} <= set(hits[0])
    assert {hit["kind"] for hit in hits} <= {"article", "term"}


def test_cli_search_marks_the_clinics_own_pages(content):
    lines = [line for line in run_cli("--limit", "20", "--content-dir", str(content), "electroconvulsive").stdout
             .splitlines() if line[:1].isdigit()]
    assert any("[other/ect" in line and line.endswith("(from your clinic)") for line in lines)
    assert any("(from your clinic)" not in line for line in lines), "the bundled pages are not marked"
    hits = json.loads(run_cli("--json", "--limit", "20", "--content-dir", str(content), "electroconvulsive").stdout)
    assert {hit["id"]: hit["from_clinic"] for hit in hits}["other/ect"] is True
    assert False in {hit["from_clinic"] for hit in hits}


def test_cli_search_with_nothing_found_suggests_topics():
    result = run_cli("qqqzzzxxx")
    assert result.returncode == 0 and "No results" in result.stdout and "Topics:" in result.stdout


def test_cli_search_rejects_a_bad_limit():
    result = run_cli("--limit", "0", "tms")
    assert result.returncode == 2 and "must be 1 or more" in result.stderr


# ----- the index is built from the page the reader sees ------------------------------------------

def _one_page(root: Path, body: str) -> SearchIndex:
    make_content(root)
    (root / "01-treatment" / "09-extra.md").write_text(f"---\ntitle: Getting there\nsummary: Travel.\n---\n{body}",
                                                        encoding="utf-8")
    return SearchIndex.open(Library.load([root]))


def test_a_heading_after_an_identical_smaller_one_opens_at_its_own_place(tmp_path):
    index = _one_page(tmp_path, "### Parking\n\nAsk at the desk.\n\n## Parking\n\nThe car park behind the clinic is free.\n")
    hit = index.search("car park behind").hits[0]
    assert (hit.id, hit.heading) == ("treatment/extra", "Parking")
    anchors = read_html(Renderer(index.library).page_html(index.library.page("treatment/extra"))).ids
    assert hit.anchor == "parking_1" and hit.anchor in anchors


def test_a_setext_heading_is_indexed_and_opened(tmp_path):
    index = _one_page(tmp_path, "Intro text.\n\nBus routes\n----------\n\nThe number nine bus stops outside.\n")
    hit = index.search("bus").hits[0]
    assert (hit.id, hit.anchor, hit.heading) == ("treatment/extra", "bus-routes", "Bus routes")


def test_snippets_hold_no_checklist_marks_and_keep_table_cells_apart(tmp_path):
    index = _one_page(tmp_path, "## Checklist\n\n- [ ] Ask about the parking fee\n- [x] Bring earplugs\n\n"
                                "## Timetable\n\n| Week | Visits |\n|---|---|\n| First | Weekdays |\n")
    checklist = index.search("parking fee").hits[0]
    assert "Ask about the parking fee" in checklist.snippet
    assert not any(mark in checklist.snippet for mark in ("[ ]", "[x]", "☐", "☑"))
    table = index.search("weekdays").hits[0]
    assert table.anchor == "timetable" and "FirstWeekdays" not in table.snippet and "VisitsFirst" not in table.snippet


def test_the_checker_compares_the_index_with_the_page(tmp_path, monkeypatch):
    from tms_info.content import check as check_module
    from tms_info.content import search as search_module

    make_content(tmp_path)
    real = search_module.indexed_sections
    monkeypatch.setattr(search_module, "indexed_sections",
                        lambda html: [*real(html), search_module.IndexedSection("nowhere", "Driving", "")])
    messages = [finding.message for finding in check_module.check([tmp_path]).findings]
    assert any("open this page at '#nowhere'" in message for message in messages)


# ----- questions in people's own words -----------------------------------------------------------

def test_filler_words_do_not_sink_a_good_match(index):
    hit = index.search("can i drive home after treatment").hits[0]
    assert (hit.id, hit.anchor) == ("treatment/schedule", "driving")


def test_a_word_every_page_has_is_not_needed_for_a_match(tmp_path):
    index = SearchIndex.open(Library.load([make_content(tmp_path, extra="\n\nThis page is about treatment.")]))
    assert ids(index.search("headache treatment"))[0] == "treatment/feel"
    assert ids(index.search("memory treatment"))[0] == "other/ect"


def test_a_page_opens_at_the_section_with_the_most_of_the_words(index):
    hit = index.search("memory after treatment").hits[0]
    assert (hit.id, hit.anchor) == ("other/ect", "memory")


def test_pages_with_most_of_the_words_come_when_none_has_all(index):
    results = index.search("headache anesthesia insurance")
    assert {"treatment/feel", "other/ect", "other/young"} <= set(ids(results))


def test_a_page_with_every_word_ranks_above_one_with_a_title_match_on_one_word(index):
    assert ids(index.search("relapse maintenance"))[0] == "other/later"


# ----- a search that works on every machine --------------------------------------------------------

@pytest.mark.parametrize("folder", ["a#b", "what?", "100%", "with space", "café"])
def test_a_cache_path_with_any_characters_is_reused(content, tmp_path, folder):
    cache = tmp_path / folder / "cache"
    first = SearchIndex.open(Library.load([content]), cache)
    assert Path(first.location).is_file() and "treatment/schedule" in ids(first.search("sessions"))
    second = SearchIndex.open(Library.load([content]), cache)
    assert second.location == first.location and Path(second.location).is_file()
    assert "treatment/schedule" in ids(second.search("sessions"))


def test_typos_are_corrected_on_an_sqlite_without_the_trigram_tokenizer(content, monkeypatch):
    import sqlite3

    class NoTrigram(sqlite3.Connection):
        def _refuse(self, sql: str) -> None:
            if "trigram" in sql:
                raise sqlite3.OperationalError("no such tokenizer: trigram")

        def execute(self, sql, *args):
            self._refuse(sql)
            return super().execute(sql, *args)

        def executescript(self, sql):
            self._refuse(sql)
            return super().executescript(sql)

    real = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: real(*a, factory=NoTrigram, **k))
    index = SearchIndex.open(Library.load([content]))
    results = index.search("sesions")
    assert results.corrections == {"sesions": "sessions"} and ids(results)[0] == "treatment/schedule"


@pytest.mark.parametrize(("text", "reason"), [
    ("a: &x [tms, tms]\nb: &y [*x, *x]\nc: [*y, *y]\n", "aliases"),
    ("words: [" + "tms, " * 60000 + "]\n", "larger than"),
])
def test_a_lay_words_file_that_could_grow_is_refused(content, caplog, text, reason):
    (content / "lay-words.yaml").write_text(text, encoding="utf-8")
    problems: list[str] = []
    assert load_lay_words([content], problems) == {}
    assert len(problems) == 1 and reason in problems[0]
    caplog.clear()
