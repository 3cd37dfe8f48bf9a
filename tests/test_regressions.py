"""Bugs found by reviewing the app as patients, clinicians and clinic IT would use it; each test
keeps one of them fixed."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from conftest import READER_CONTENT
from helpers import text_is_in_view, write
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QFileDialog

from tms_info.config import DEFAULT_EXIT_KEYS, read_config
from tms_info.content.check import check
from tms_info.content.library import Library
from tms_info.content.render import Renderer
from tms_info.content.search import SearchIndex
from tms_info.locations import bundled_content_root
from tms_info.ui.kiosk import Kiosk
from tms_info.ui.main_window import MainWindow


@pytest.fixture
def kiosk(make_kiosk) -> MainWindow:
    return make_kiosk("basics/first", exit_keys="Ctrl+Shift+D")


# ----- kiosk ----------------------------------------------------------------------------------

def test_a_kiosk_print_dialog_cannot_print_to_a_file(kiosk, monkeypatch):
    seen = {}

    def look(dialog):
        seen["print to file"] = dialog.testOption(QPrintDialog.PrintDialogOption.PrintToFile)
        return QPrintDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", look)
    kiosk.print_page()
    assert seen == {"print to file": False}


def test_the_idle_reset_leaves_nothing_to_find_undo_or_hide(kiosk, qtbot):
    glossary_at_start = kiosk.glossary_dock.isVisibleTo(kiosk)
    kiosk.glossary_dock.setVisible(not glossary_at_start)
    kiosk.find_bar.open_bar()
    qtbot.keyClicks(kiosk.find_bar.field, "suicide")
    qtbot.keyClicks(kiosk.search.field, "bipolar pregnancy")
    qtbot.keyClicks(kiosk.panels.glossary.filter_box, "mania")
    kiosk.toolbar.hide()
    Kiosk.of(kiosk).start_afresh()
    kiosk.find_bar.open_bar()
    assert kiosk.find_bar.field.text() == ""
    for field in (kiosk.search.field, kiosk.panels.glossary.filter_box):
        field.undo()
        assert field.text() == "", "Ctrl+Z must not bring back the last person's words"
    assert kiosk.toolbar.isVisibleTo(kiosk) and kiosk.toolbar.help_button.isVisibleTo(kiosk)
    assert kiosk.glossary_dock.isVisibleTo(kiosk) == glossary_at_start, "panels come back as they were"
    assert not kiosk.toolbar.toggleViewAction().isEnabled()


def test_exit_keys_that_clash_with_a_shortcut_fall_back_to_the_default(kiosk, qtbot, caplog):
    messages = " ".join(record.getMessage() for record in caplog.get_records("setup"))
    assert "already a shortcut" in messages and DEFAULT_EXIT_KEYS in messages
    qtbot.waitUntil(kiosk.isActiveWindow)
    qtbot.keySequence(kiosk, QKeySequence(DEFAULT_EXIT_KEYS))
    assert not kiosk.isVisible()


# ----- configuration --------------------------------------------------------------------------

def test_a_configuration_saved_with_a_bom_is_read(tmp_path):
    path = tmp_path / "tms-info.ini"
    path.write_bytes("\ufeff[clinic]\nname = Riverside\nkiosk = yes\n".encode("utf-8"))
    config = read_config(path)
    assert config.kiosk and config.clinic_name == "Riverside" and not config.problems


@pytest.mark.parametrize("line", ["idle_timeout = 9999999", "exit_keys = F6", "exit_keys = Ctrl+K"])
def test_values_that_would_stop_or_trap_a_kiosk_are_refused(tmp_path, line):
    config = read_config(write(tmp_path / "tms-info.ini", f"[clinic]\n{line}\n"))
    assert config.problems and "not valid" in config.problems[0]
    assert (config.idle_timeout, config.exit_keys) == (180, DEFAULT_EXIT_KEYS)


# ----- content --------------------------------------------------------------------------------

def test_replacing_one_bundled_page_keeps_its_section(tmp_path):
    clinic = write(tmp_path / "clinic" / "01-about" / "01-what-is-tms.md", "---\ntitle: Ours\n---\nOurs.\n").parents[1]
    library = Library.load([bundled_content_root()], local_roots=[clinic])
    section = library.page("about")
    assert section.title == "About TMS" and section.body.strip() and not section.local
    assert library.page("about/what-is-tms").local


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need special rights on Windows")
def test_a_linked_folder_is_followed(tmp_path):  # inside the content folder (issue 14: never out of it)
    real = write(tmp_path / "content" / "_shared" / "01-visiting.md", "---\ntitle: Visiting\n---\nCome in.\n").parent
    (tmp_path / "content" / "05-our-clinic").symlink_to(real, target_is_directory=True)
    library = Library.load([tmp_path / "content"])
    assert [n.page.id for n in library.tree()[0].children] == ["our-clinic/visiting"]


def test_the_checker_reports_a_broken_lay_words_file(tmp_path):
    folder = tmp_path / "clinic"
    write(folder / "lay-words.yaml", "shock therapy: [unclosed\n")
    report = check([bundled_content_root(), folder], only_under=[folder])
    assert [f.path.name for f in report.errors] == ["lay-words.yaml"]


def test_search_opens_a_heading_with_its_own_id(tmp_path):
    folder = tmp_path / "clinic"
    write(folder / "01-travel.md", "---\ntitle: Getting here\n---\nIntro.\n\n## Bus routes {#bus}\n\nThe 42 bus stops here.\n")
    library = Library.load([folder])
    hit = SearchIndex.open(library).search("bus routes").hits[0]
    assert hit.anchor == "bus" and 'id="bus"' in Renderer(library).page_html(library.page("travel"))


def test_a_page_with_a_missing_picture_is_not_kept_for_the_next_start(tmp_path):
    folder = tmp_path / "content"
    write(folder / "a.md", "---\ntitle: A\n---\n![A map](images/map.png)\n")
    write(folder / "b.md", "---\ntitle: B\n---\nNo pictures.\n")
    library = Library.load([folder])
    renderer = Renderer(library)
    import logging
    logging.getLogger("tms_info.content.markdown_ext").disabled = True
    try:
        renderer.page_html(library.page("a"))
    finally:
        logging.getLogger("tms_info.content.markdown_ext").disabled = False
    renderer.page_html(library.page("b"))
    assert set(renderer.rendered_pages()) == {"b"}


def test_temporary_files_of_an_interrupted_index_build_are_cleaned_up(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    stale = cache / ".search-abandoned.tmp"
    stale.write_bytes(b"x" * 1000)
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    SearchIndex.open(Library.load([READER_CONTENT]), cache)
    assert not stale.exists()


# ----- the window -----------------------------------------------------------------------------

def test_find_next_goes_through_every_match(make_window, qtbot):
    window = make_window("basics/first")
    window.find_bar.open_bar()
    qtbot.keyClicks(window.find_bar.field, "paragraph")
    counts = []
    for _ in range(5):
        window.find_bar.find_next()
        counts.append(window.find_bar.count.text())
    assert counts == ["2 of 40", "3 of 40", "4 of 40", "5 of 40", "6 of 40"]


def test_back_after_a_text_size_change_returns_to_the_same_part(make_window):
    window = make_window("basics/second")
    window.view.go_to_anchor("later-part")
    window.larger_text()
    window.larger_text()
    assert text_is_in_view(window.view, "Here is the later part")
    window.open_page("basics/first")
    window.go_back()
    assert text_is_in_view(window.view, "Here is the later part")


def test_pressing_home_again_does_not_pile_up_history(make_window, qtbot):
    window = make_window("basics/first")
    for _ in range(3):
        window.action("home").trigger()
    window.go_back()
    assert window.windowTitle().startswith("First article")


def test_save_as_pdf_asks_for_a_name_that_will_end_in_pdf(make_window, monkeypatch):
    window = make_window("basics/first")
    seen = {}

    def look(dialog):
        seen["suffix"], seen["mode"] = dialog.defaultSuffix(), dialog.acceptMode()
        return QFileDialog.DialogCode.Rejected

    monkeypatch.setattr(QFileDialog, "exec", look)
    window.save_pdf()
    assert seen == {"suffix": "pdf", "mode": QFileDialog.AcceptMode.AcceptSave}


# ----- files and the command line -------------------------------------------------------------

def test_a_pdf_cut_short_by_a_full_disk_is_not_saved(tmp_path):
    target = tmp_path / "old.pdf"
    target.write_bytes(b"%PDF- the good old handout")
    script = (
        "import resource, sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication(['x', '-platform', 'offscreen'])\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (8000, 8000))\n"
        "import signal; signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "from tms_info import handouts\n"
        "from tms_info.content.library import Library\n"
        "from tms_info.content.render import Renderer\n"
        "from tms_info.locations import bundled_content_root\n"
        "library = Library.load([bundled_content_root()])\n"
        "try:\n"
        f"    handouts.write_pdf(Renderer(library), library.page('about/what-is-tms'), __import__('pathlib').Path({str(target)!r}))\n"
        "    print('saved')\n"
        "except handouts.HandoutError as error:\n"
        "    print('refused:', error)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.stdout.startswith("refused:") and "disk full" in result.stdout, result.stdout + result.stderr
    assert target.read_bytes() == b"%PDF- the good old handout"
    assert [p.name for p in tmp_path.iterdir()] == ["old.pdf"]


def test_content_dir_before_the_command_counts_too(tmp_path):
    folder = tmp_path / "clinic"
    write(folder / "01-bad.md", "---\ntitle: Bad\nsummary: A link to nowhere.\n---\n[x](99-nowhere.md)\n")
    for args in (["--content-dir", str(folder), "check"], ["check", "--content-dir", str(folder)]):
        result = subprocess.run([sys.executable, "-m", "tms_info", *args], capture_output=True, text=True, timeout=120)
        assert result.returncode == 1 and "99-nowhere.md" in result.stdout, args


