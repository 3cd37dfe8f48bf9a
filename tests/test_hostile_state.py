"""What the app keeps between starts (settings, the start-up snapshot, the cache folder) and what a
clinic folder links to, when someone has tampered with them: the app still starts, shows only the
content folders' own pages, runs no code from its cache, and a kiosk forgets what was copied."""
from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES, READER_CONTENT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tms_info.content import snapshot
from tms_info.content.check import check
from tms_info.content.library import Library, Problem, walk_folders
from tms_info.content.model import Page, Source, Term
from tms_info.content.style import TEXT_SIZES
from tms_info.ui.settings import (
    MAX_SAVED_PAGES,
    MAX_TEXT_CHARS,
    MAX_FILE_BYTES,
    Preferences,
    SettingsFile,
    unescape,
)

HOSTILE = FIXTURES / "hostile" / "state"
ROOT = Path(__file__).resolve().parent.parent


def preferences_from(path: Path) -> Preferences:
    return Preferences(SettingsFile(path))


# ----- finding 5: settings ------------------------------------------------------------------------

def test_a_settings_value_that_made_qt_abort_no_longer_stops_the_start(tmp_path):
    """The 40-byte value of the report, in the real settings file of a real start."""
    config_home = tmp_path / "config"
    (config_home / "tms-info").mkdir(parents=True)
    shutil.copy(HOSTILE / "pages-variant.ini", config_home / "tms-info" / "tms-info.ini")
    (tmp_path / "none.ini").write_text("[clinic]\n")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMS_INFO_EXIT_AFTER_FIRST_PAINT": "1",
                   "XDG_CONFIG_HOME": str(config_home), "XDG_CACHE_HOME": str(tmp_path / "cache"),
                   "TMS_INFO_CONFIG": str(tmp_path / "none.ini")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py")], capture_output=True, text=True,
                            env=environment, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "first-paint" in result.stdout


@pytest.mark.parametrize("fixture", ["pages-variant.ini", "disguised-variants.ini"])
def test_values_qt_would_turn_into_objects_give_the_defaults_and_keep_the_rest(fixture):
    preferences = preferences_from(HOSTILE / fixture)
    assert preferences.saved_pages == []
    assert preferences.recent_pages in ([], ["basics/first"])
    assert preferences.last_page is None
    assert preferences.theme in ("dark", "system")
    if fixture == "pages-variant.ini":
        assert (preferences.text_size, preferences.theme) == (115, "dark"), "the good values are kept"


def test_page_lists_are_plain_text_and_come_back_as_they_were(tmp_path):
    path = tmp_path / "tms-info.ini"
    preferences = preferences_from(path)
    preferences.saved_pages = ["basics/first", "clinic/a, b", "@odd", "ünïcode/päge"]
    preferences.recent_pages = []
    preferences.text_size = 130
    preferences.geometry = bytes(range(256))
    preferences.sync()
    text = path.read_text(encoding="utf-8")
    assert "@Variant" not in text and "saved=" in text
    again = preferences_from(path)
    assert again.saved_pages == ["basics/first", "clinic/a, b", "@odd", "ünïcode/päge"]
    assert again.recent_pages == [] and again.text_size == 130
    assert again.geometry.data() == bytes(range(256))


def test_a_settings_file_from_an_earlier_version_keeps_its_values(tmp_path):
    path = tmp_path / "tms-info.ini"
    path.write_text('[pages]\nsaved="clinic/a, b", basics/first\nrecent=basics/second\n'
                    '[window]\ngeometry="@ByteArray(\\x1\\xd9\\xd0\\xcb\\0\\x3,)"\n')
    preferences = preferences_from(path)
    assert preferences.saved_pages == ["clinic/a, b", "basics/first"]
    assert preferences.recent_pages == ["basics/second"]
    assert preferences.geometry.data() == b"\x01\xd9\xd0\xcb\x00\x03,"


@pytest.mark.parametrize(("line", "check"), [
    ("[pages]\nsaved=" + "\\n".join(["page"] * (MAX_SAVED_PAGES + 1)),
     lambda p: p.saved_pages == []),
    ("[pages]\nsaved=" + "x" * (MAX_TEXT_CHARS + 1), lambda p: p.saved_pages == []),
    ("[pages]\nrecent=" + ", ".join(["a"] * 5000), lambda p: p.recent_pages == []),
    ("[reading]\ntextSize=1, 2", lambda p: p.text_size == 100),
    ("[reading]\ntextSize=" + "9" * 5000, lambda p: p.text_size == 100),
    ("[reading]\ntheme=" + "d" * 10_000, lambda p: p.theme == "system"),
    ("[reading]\nlastPage=" + "p" * 10_000, lambda p: p.last_page is None),
    ("[window]\ngeometry=@ByteArray(" + "x" * 70_000 + ")", lambda p: p.geometry is None),
    ("[window]\nstate=@Rect(0 0 1 1)", lambda p: p.window_state is None),
])
def test_a_value_of_the_wrong_type_or_size_gives_the_default(tmp_path, line, check):
    path = tmp_path / "tms-info.ini"
    path.write_text(line + "\n")
    assert check(preferences_from(path))


def test_a_huge_or_strange_settings_file_is_not_read_and_is_kept_aside(tmp_path):
    path = tmp_path / "tms-info.ini"
    path.write_text("[reading]\ntheme=dark\n" + ";" * MAX_FILE_BYTES)
    preferences = preferences_from(path)
    assert preferences.theme == "system"
    preferences.theme = "light"
    preferences.sync()
    assert preferences_from(path).theme == "light"
    assert (tmp_path / "tms-info.ini.damaged").stat().st_size > MAX_FILE_BYTES, "nothing is lost"
    fifo = tmp_path / "fifo.ini"
    os.mkfifo(fifo)
    assert preferences_from(fifo).saved_pages == [], "a pipe is never waited on"


_SETTING_KEYS = ["pages/saved", "pages/recent", "reading/textSize", "reading/theme", "reading/lastPage",
                 "window/geometry", "window/state", "window/splitter"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.dictionaries(st.sampled_from(_SETTING_KEYS),
                              st.text(st.sampled_from('ab@,"\\=;x0159VariantByte() \t\u00e9\u2028'), max_size=60)),
       garbage=st.binary(max_size=40))
def test_any_settings_text_gives_values_of_the_right_type(tmp_path, values, garbage):
    path = tmp_path / "tms-info.ini"
    sections: dict[str, list[str]] = {}
    for key, value in values.items():
        section, name = key.split("/")
        sections.setdefault(section, []).append(f"{name}={value}")
    path.write_bytes(garbage + "".join(f"\n[{s}]\n" + "\n".join(lines) for s, lines in sections.items()).encode())
    preferences = preferences_from(path)
    assert all(isinstance(page, str) and page for page in preferences.saved_pages + preferences.recent_pages)
    assert preferences.text_size in TEXT_SIZES
    assert isinstance(preferences.theme, str) and len(preferences.theme) <= MAX_TEXT_CHARS
    assert preferences.last_page is None or isinstance(preferences.last_page, str)
    for blob in (preferences.geometry, preferences.window_state, preferences.splitter_state):
        assert blob is None or 0 < blob.size() <= 64 * 1024


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ids=st.lists(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"),
                            min_size=1, max_size=40), max_size=20),
       blob=st.binary(min_size=1, max_size=200))
def test_any_page_ids_and_window_layout_come_back_unchanged(tmp_path, ids, blob):
    path = tmp_path / "tms-info.ini"
    preferences = preferences_from(path)
    preferences.saved_pages = ids
    preferences.splitter_state = blob
    preferences.sync()
    again = preferences_from(path)
    assert again.saved_pages == ids
    assert again.splitter_state.data() == blob


def test_unescape_reads_qt_escapes_quotes_and_lists():
    assert unescape(r'"a, b", c\x41\101\n') == ["a, b", "cAA\n"]
    assert unescape("plain") == "plain"


# ----- finding 6: links out of a content folder ---------------------------------------------------

@pytest.fixture
def linked_content(tmp_path) -> Path:
    content = shutil.copytree(READER_CONTENT, tmp_path / "content")
    private = tmp_path / "private"
    private.mkdir()
    (private / "diary.md").write_text("---\ntitle: My private diary\n---\nNobody should read this.\n")
    (content / "01-basics" / "notes").symlink_to(private, target_is_directory=True)
    (content / "01-basics" / "09-diary.md").symlink_to(private / "diary.md")
    (content / "everything").symlink_to("/", target_is_directory=True)
    (content / "01-basics" / "again").symlink_to(content / "01-basics", target_is_directory=True)  # a loop
    return content


def test_links_out_of_a_content_folder_are_not_followed_and_are_reported(linked_content, caplog):
    started = time.perf_counter()
    library = Library.load([linked_content])
    assert time.perf_counter() - started < 5, "the file system is not walked"
    assert not any("private" in page.title.lower() or "diary" in page.id for page in library.pages.values())
    assert not any(page.source.is_relative_to(linked_content.parent / "private") for page in library.pages.values())
    refused = {problem.path.name: problem.message for problem in library.problems}
    assert set(refused) == {"notes", "09-diary.md", "everything"}
    assert "outside the content folder" in refused["everything"] and "not followed" in refused["everything"]
    assert library.page("basics/first") is not None
    assert not any("again" in page.id for page in library.pages.values()), "a loop is walked once"
    assert "outside the content folder" in caplog.text
    caplog.clear()


def test_check_names_each_link_out_of_the_content_folder(linked_content, caplog):
    report = check([linked_content])
    messages = {(finding.path.name, finding.message) for finding in report.findings}
    assert any(name == "everything" and "outside the content folder" in message for name, message in messages)
    assert any(name == "notes" and "not followed" in message for name, message in messages)
    assert all(not finding.error for finding in report.findings if "not followed" in finding.message)
    caplog.clear()


def test_a_folder_nested_deeper_than_any_topic_list_is_left_out(tmp_path):
    content = shutil.copytree(READER_CONTENT, tmp_path / "content")
    deep = content.joinpath(*[f"{n:02d}-level" for n in range(1, 40)])
    deep.mkdir(parents=True)
    (deep / "01-bottom.md").write_text("---\ntitle: Bottom\nsummary: Deep down.\n---\nText.\n")
    library = Library.load([content])
    assert not any(page.title == "Bottom" for page in library.pages.values())
    assert library.tree() and library.page("basics/first") is not None


def test_links_inside_the_content_folder_are_still_followed(tmp_path):
    content = shutil.copytree(READER_CONTENT, tmp_path / "content")
    (content / "_shared").mkdir()
    (content / "_shared" / "05-shared.md").write_text("---\ntitle: Shared page\n---\nShared.\n")
    (content / "01-basics" / "shared").symlink_to(content / "_shared", target_is_directory=True)
    library = Library.load([content])
    assert library.page("basics/shared/shared").title == "Shared page"
    assert library.problems == []


def test_the_snapshot_key_ignores_what_a_refused_link_leads_to(linked_content, tmp_path):
    key = snapshot.signature([linked_content], [])
    (tmp_path / "private" / "more.md").write_text("---\ntitle: More\n---\n")
    assert snapshot.signature([linked_content], []) == key
    names = [name for _, names in walk_folders(linked_content) for name in names]
    assert "09-diary.md" not in names


# ----- finding 8: the start-up snapshot -----------------------------------------------------------

@pytest.fixture
def reader_library() -> Library:
    return Library.load([READER_CONTENT])


def test_a_pickle_in_the_cache_is_never_unpickled(tmp_path, reader_library, caplog):
    cache = tmp_path / "cache"
    cache.mkdir()
    payload = (HOSTILE / "sys-exit.pickle").read_bytes()  # unpickling it calls sys.exit(3)
    for name in ("content-snapshot.pickle", snapshot.FILE_NAME):
        (cache / name).write_bytes(payload)
    key = snapshot.signature([READER_CONTENT], [])
    assert snapshot.load(cache, key) is None
    (cache / snapshot.FILE_NAME).write_bytes(json.dumps([snapshot.FORMAT, key]).encode() + b"\n" + payload)
    assert snapshot.load(cache, key) is None, "the right key, then not JSON"
    assert "not used" in caplog.text
    caplog.clear()
    snapshot.save(cache, key, reader_library, {})
    assert not (cache / "content-snapshot.pickle").exists(), "an earlier version's snapshot is removed"
    assert snapshot.load(cache, key) is not None


def test_the_key_is_checked_before_the_rest_is_read(tmp_path, reader_library, monkeypatch):
    cache = tmp_path / "cache"
    key = snapshot.signature([READER_CONTENT], [])
    snapshot.save(cache, "another key", reader_library, {})
    decoded = []
    monkeypatch.setattr(snapshot, "from_data", lambda *parts: decoded.append(parts))
    assert snapshot.load(cache, key) is None and decoded == []


def test_the_key_holds_the_version_and_the_apps_own_code(tmp_path, monkeypatch):
    package = tmp_path / "package"
    (package / "content").mkdir(parents=True)
    module = package / "content" / "render.py"
    module.write_text("HEADING = '<h1>'\n")
    (package / "__init__.py").write_text("")
    before = snapshot.code_fingerprint(package)
    status = module.stat()
    module.write_text("HEADING = '<h2>'\n")  # the same size ...
    os.utime(module, ns=(status.st_atime_ns, status.st_mtime_ns))  # ... and the same time
    assert module.stat().st_size == status.st_size and module.stat().st_mtime_ns == status.st_mtime_ns
    assert snapshot.code_fingerprint(package) != before
    key = snapshot.signature([READER_CONTENT], [])
    monkeypatch.setattr(snapshot, "__version__", "99.0")
    assert snapshot.signature([READER_CONTENT], []) != key
    monkeypatch.undo()
    monkeypatch.setattr(snapshot, "code_fingerprint", lambda: "other code")
    assert snapshot.signature([READER_CONTENT], []) != key


def test_the_code_fingerprint_is_quick():
    snapshot.code_fingerprint()
    started = time.perf_counter()
    for _ in range(10):
        snapshot.code_fingerprint()
    assert (time.perf_counter() - started) / 10 < 0.05  # about 1 ms; generous for a busy machine


def test_the_snapshot_layout_has_every_field_of_the_model():
    """A field added to the model must be added to the snapshot too (snapshot.py)."""
    assert [f.name for f in dataclasses.fields(Page)] == [
        "id", "title", "body", "source", "relative", "body_line", "summary", "reviewed", "evidence", "sources",
        "order", "is_section", "local", "language", "translated_from"]
    assert [f.name for f in dataclasses.fields(Term)] == [
        "id", "term", "short", "body", "source", "body_line", "aliases", "see_also", "articles", "local",
        "language"]
    assert tuple(f.name for f in dataclasses.fields(Source)) == snapshot._SOURCE_FIELDS


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_SOURCES = st.builds(Source, title=_TEXT, authors=_TEXT, year=st.none() | st.integers(-10**6, 10**6),
                     published_in=_TEXT, doi=_TEXT, pmid=_TEXT, url=_TEXT, funder=_TEXT)
_PAGES = st.builds(Page, id=_TEXT, title=_TEXT, body=_TEXT, source=st.just(Path("/c/01-a/b.md")), relative=_TEXT,
                   body_line=st.integers(1, 10**6), summary=_TEXT, reviewed=st.none() | st.dates(),
                   evidence=st.none() | _TEXT, sources=st.lists(_SOURCES, max_size=3).map(tuple),
                   order=st.none() | st.integers(0, 10**6), is_section=st.booleans(), local=st.booleans(),
                   language=st.sampled_from(["en", "es"]), translated_from=st.none() | st.dates())
_TERMS = st.builds(Term, id=_TEXT, term=_TEXT, short=_TEXT, body=_TEXT, source=st.just(Path("/c/glossary/t.md")),
                   body_line=st.integers(1, 10**6), aliases=st.lists(_TEXT, max_size=3).map(tuple),
                   see_also=st.lists(_TEXT, max_size=2).map(tuple), articles=st.lists(_TEXT, max_size=2).map(tuple),
                   local=st.booleans(), language=st.sampled_from(["en", "es"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pages=st.lists(_PAGES, max_size=4), terms=st.lists(_TERMS, max_size=3), html=_TEXT)
def test_any_library_comes_back_from_the_snapshot_unchanged(tmp_path, pages, terms, html):
    by_id = {page.id: page for page in pages}
    library = Library(by_id, {term.id: term for term in terms}, [Problem(Path("/c/x.md"), 3, "a problem")],
                      (Path("/c"),), "es")
    rendered = {page_id: html for page_id in list(by_id)[:1]}
    snapshot.save(tmp_path / "cache", "key", library, rendered)
    loaded, pages_back = snapshot.load(tmp_path / "cache", "key")
    assert loaded.pages == library.pages and loaded.terms == library.terms
    assert loaded.problems == library.problems and loaded.roots == library.roots
    assert loaded.language == "es"
    assert pages_back == rendered
    assert all(isinstance(page.reviewed, (date, type(None))) for page in loaded.pages.values())


@pytest.fixture(scope="module")
def saved_snapshot(tmp_path_factory) -> bytes:
    cache = tmp_path_factory.mktemp("cache")
    library = Library.load([READER_CONTENT])
    snapshot.save(cache, "key", library, {"basics/first": "<p>First</p>"})
    return (cache / snapshot.FILE_NAME).read_bytes()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_damaged_snapshot_is_never_a_reason_to_fail(tmp_path, saved_snapshot, data, caplog):
    damaged = bytearray(saved_snapshot)
    header = saved_snapshot.index(b"\n") + 1
    for _ in range(data.draw(st.integers(1, 4))):
        where = data.draw(st.integers(header, len(damaged) - 1))
        damaged[where] = data.draw(st.integers(0, 255))
    cut = data.draw(st.none() | st.integers(header, len(damaged)))
    (tmp_path / snapshot.FILE_NAME).write_bytes(bytes(damaged[:cut]))
    loaded = snapshot.load(tmp_path, "key")
    if loaded is not None:
        library, rendered = loaded
        assert all(isinstance(page, Page) and isinstance(page.title, str) and isinstance(page.source, Path)
                   for page in library.pages.values())
        assert all(isinstance(html, str) for html in rendered.values())
    caplog.clear()


@pytest.mark.parametrize("text", [
    '{"roots": [], "pages": [["id", 1]], "terms": [], "problems": [], "rendered": []}',
    '{"roots": [], "pages": [], "terms": [], "problems": [], "rendered": [["gone", 0, 0]]}',
    '{"roots": [], "pages": [], "terms": [], "problems": [], "rendered": [], "more": 1}',
    "[" * 100_000,
    '{"roots": [' + "1" * 5000 + "]}",
])
def test_a_snapshot_with_the_right_key_and_wrong_data_is_not_used(tmp_path, text, caplog):
    (tmp_path / snapshot.FILE_NAME).write_text(json.dumps([snapshot.FORMAT, "key"]) + "\n" + text + "\n")
    assert snapshot.load(tmp_path, "key") is None
    assert "not used" in caplog.text
    caplog.clear()


def test_a_snapshot_past_its_size_limits_is_not_read(tmp_path, caplog):
    path = tmp_path / snapshot.FILE_NAME
    header = json.dumps([snapshot.FORMAT, "key"]) + "\n"
    path.write_text(header + "[" + "0," * (snapshot.MAX_INDEX_BYTES // 2) + "0]\n")
    assert snapshot.load(tmp_path, "key") is None
    with open(path, "w") as file:
        file.write(header)
        file.truncate(snapshot.MAX_BYTES + 1)  # sparse: nothing is written
    assert snapshot.load(tmp_path, "key") is None
    assert caplog.text.count("not used") == 2
    caplog.clear()


def test_a_snapshot_that_is_a_pipe_is_not_waited_on(tmp_path, caplog):
    os.mkfifo(tmp_path / snapshot.FILE_NAME)
    assert snapshot.load(tmp_path, "key") is None
    caplog.clear()


# ----- finding 9: temporaries in the cache, the kiosk's clipboard ---------------------------------

def test_temporaries_left_by_a_killed_start_are_removed(tmp_path, reader_library):
    cache = tmp_path / "cache"
    cache.mkdir()
    stale, fresh = cache / ".snapshot-killed.tmp", cache / ".snapshot-writing-now.tmp"
    for path in (stale, fresh):
        path.write_bytes(b"x" * 1000)
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    snapshot.save(cache, "key", reader_library, {})
    assert not stale.exists() and fresh.exists(), "another start may be writing the fresh one"
    assert sorted(path.name for path in cache.iterdir()) == sorted([fresh.name, snapshot.FILE_NAME])


def test_a_failed_save_leaves_no_temporary(tmp_path, reader_library, monkeypatch, caplog):
    def full_disk(*_):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(snapshot.os, "replace", full_disk)
    snapshot.save(tmp_path, "key", reader_library, {})
    assert list(tmp_path.iterdir()) == []
    assert "not saved" in caplog.text
    caplog.clear()


def test_the_kiosk_forgets_what_the_last_reader_copied(make_kiosk):
    from PySide6.QtGui import QClipboard, QGuiApplication

    from tms_info.ui.kiosk import Kiosk

    window = make_kiosk(idle_timeout=60)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("my phone number 555 0100")
    if clipboard.supportsSelection():
        clipboard.setText("my address", QClipboard.Mode.Selection)
    assert clipboard.text() == "my phone number 555 0100"
    Kiosk.of(window).idle.timeout.emit()
    assert clipboard.text() == ""
    assert clipboard.text(QClipboard.Mode.Selection) == ""
