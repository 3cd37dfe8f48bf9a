"""Handouts on paper and in PDF: what a clinic hands out must carry the title, the pictures, the
sources, the review date, page numbers and the disclaimer, and a failed save must leave nothing."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import READER_CONTENT
from helpers import click_link, write
from pypdf import PdfReader
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextDocument, QTextTable
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QMessageBox

from tms_info import handouts, pagination
from tms_info.content.library import Library
from tms_info.content.render import Renderer
from tms_info.locations import bundled_content_root
from tms_info.ui.main_window import MainWindow


def pdf_text(path: Path) -> tuple[int, str]:
    """The number of pages and the text, with the PDF's spacing (tabs between words) made plain."""
    reader = PdfReader(str(path))
    return len(reader.pages), " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def library() -> Library:
    return Library.load([READER_CONTENT])


def test_a_pdf_handout_has_everything_a_clinic_hands_out(qapp, library, tmp_path):
    target = tmp_path / "first.pdf"
    pages = handouts.write_pdf(Renderer(library), library.page("basics/first"), target, clinic="Riverside Clinic")
    count, text = pdf_text(target)
    assert pages == count >= 2
    assert "First article" in text and "Riverside Clinic" in text
    assert "O'Reardon JP, et al. 2007" in text.replace("’", "'")
    assert text.index("Last reviewed: 20 November 2026") < text.index("First article"), "on top, seen at once"
    assert f"Page 1 of {count}" in text and f"Page {count} of {count}" in text
    assert "not medical advice" in text and "988" in text
    assert "Where the coil sits" in text, "the picture's caption is printed with it"
    assert "Get help now" not in text and "›" not in text, "no links that cannot be followed on paper"
    assert not list(tmp_path.glob("*.part")), "no temporary file left behind"


def test_paragraphs_and_headings_are_not_cut_at_a_page_break(qapp, tmp_path):
    """A paragraph is easier to follow on one page, and a heading belongs with its text. No line
    may be in the PDF's text twice either: screen readers, search and copying read that text,
    even where the printed page does not show it (Qt draws a line above each page, clipped)."""
    paragraphs = []
    for number in range(60):
        if number % 15 == 10:
            paragraphs.append(f"## Part {number}")  # two headings in a row stay together too
        if number % 5 == 0:
            paragraphs.append(f"### Heading number {number} here")
        paragraphs.append(f"Sentence {number} says something plain about the handout, long enough to wrap "
                          "onto a second line of the printed page, and now and then onto a third one too.")
    write(tmp_path / "clinic" / "01-basics" / "09-long.md",
          "---\ntitle: A long page\nsummary: Many lines.\nreviewed: 2026-11-25\n---\n" + "\n\n".join(paragraphs))
    library = Library.load([READER_CONTENT], local_roots=[tmp_path / "clinic"])
    target = tmp_path / "long.pdf"
    pages = handouts.write_pdf(Renderer(library), library.page("basics/long"), target)
    _, text = pdf_text(target)
    assert pages >= 3
    repeated = [number for number in range(60) if text.count(f"Sentence {number} says") != 1]
    compact = text.replace(" ", "")  # pypdf splits some bold words: "H eading"
    repeated += [number for number in range(0, 60, 5) if compact.count(f"Headingnumber{number}here") != 1]
    assert not repeated, f"in the PDF's text more or less than once: {repeated}"
    for number, page in enumerate(PdfReader(str(target)).pages[:-1], start=1):
        body = " ".join(page.extract_text().split()).split("TMS Information: A long page.")[0]
        assert body.rstrip().endswith("too."), f"page {number} ends inside a paragraph or with a heading"


@pytest.mark.parametrize("headings", [["A heading"], ["A part", "A heading"]])
def test_a_heading_at_the_foot_of_a_page_goes_over_with_its_text(qapp, headings):
    document = QTextDocument()
    document.setHtml("".join(f"<p>Line {n}.</p>" for n in range(12)) +
                     "".join(f"<h{level}>{text}</h{level}>" for level, text in enumerate(headings, start=2)) +
                     "<p>Its text.</p>")
    document.setPageSize(QSizeF(400, 100_000))
    blocks = [document.findBlock(document.toPlainText().index(text)) for text in headings]
    cut = pagination.span(document, blocks[-1])[1] + 4
    document.setPageSize(QSizeF(400, cut))  # the headings fit on page 1, the text does not
    pagination.keep_paragraphs_whole(document, cut)
    assert all(cut <= pagination.span(document, block)[0] < 2 * cut for block in blocks), "page 2 starts with them"
    assert document.pageCount() == 2


def test_a_table_keeps_its_heading_header_and_first_row_together(qapp):
    document = QTextDocument()
    document.setHtml("".join(f"<p>Line {n}.</p>" for n in range(12)) + "<h2>A table</h2>"
                     "<table><thead><tr><th>Side effect</th></tr></thead>"
                     "<tr><td>" + "A first row long enough to take more than one line. " * 3 + "</td></tr>"
                     "<tr><td>A second row.</td></tr></table>")
    document.setPageSize(QSizeF(300, 100_000))
    document.pageCount()  # laid out on one long page, to find where the lines fall
    table = next(frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable))
    first_row = table.cellAt(1, 0).firstCursorPosition().block()
    cut = pagination.span(document, first_row)[0] + first_row.layout().lineAt(2).y() + 2
    document.setPageSize(QSizeF(300, cut))  # the page ends after the first row's second line
    pagination.keep_paragraphs_whole(document, cut)
    heading = document.findBlock(document.toPlainText().index("A table"))
    assert pagination.span(document, heading)[0] >= cut, "the heading starts page 2"
    assert cut <= pagination.span(document, table)[0] and pagination.span(document, table)[1] < 2 * cut


@pytest.mark.parametrize("where", ["missing folder", "folder is a file"])
def test_an_unwritable_target_says_why_and_leaves_nothing(qapp, library, tmp_path, where):
    if where == "missing folder":
        target = tmp_path / "no-such-folder" / "x.pdf"
    else:
        (tmp_path / "blocker").write_text("a file, not a folder")
        target = tmp_path / "blocker" / "x.pdf"
    with pytest.raises(handouts.HandoutError) as error:
        handouts.write_pdf(Renderer(library), library.page("basics/first"), target)
    assert "does not exist" in str(error.value) or "cannot" in str(error.value)
    assert sorted(p.name for p in tmp_path.iterdir()) in ([], ["blocker"])


def test_a_full_disk_leaves_no_half_written_file(qapp, library, tmp_path, monkeypatch):
    target = tmp_path / "x.pdf"
    target.write_bytes(b"%PDF- the old handout")

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(handouts.os, "replace", disk_full)
    with pytest.raises(handouts.HandoutError, match="No space left"):
        handouts.write_pdf(Renderer(library), library.page("basics/first"), target)
    assert target.read_bytes() == b"%PDF- the old handout", "the old file is kept whole"
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window("basics/checklist")


def test_the_checklist_prints_with_its_ticks(window, qtbot, tmp_path):
    click_link(qtbot, window.view, "☐")
    target = tmp_path / "checklist.pdf"
    window.save_pdf(str(target))
    _, text = pdf_text(target)
    assert text.count("☑") == 2 and text.count("☐") == 1
    assert "Saved" in window.statusBar().currentMessage()


def test_saving_a_pdf_to_a_missing_folder_shows_a_clear_message(window, tmp_path, monkeypatch):
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: messages.append((title, text)))
    window.save_pdf(str(tmp_path / "gone" / "x.pdf"))
    assert messages and messages[0][0] == "Could not save the PDF" and "does not exist" in messages[0][1]
    assert not (tmp_path / "gone").exists()


def test_printing_sends_the_handout_to_the_chosen_printer(window, tmp_path, monkeypatch):
    target = tmp_path / "printed.pdf"

    def accept(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    window.print_page()
    count, text = pdf_text(target)
    assert "Questions to ask" in text and f"Page 1 of {count}" in text
    assert "printer" in window.statusBar().currentMessage()


def test_cancelling_the_print_dialog_prints_nothing(window, monkeypatch):
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QPrintDialog.DialogCode.Rejected)
    window.print_page()
    assert window.statusBar().currentMessage() == ""


def run_export(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "tms_info", "export", *args], capture_output=True, text=True,
                          timeout=300, env=env)


def test_cli_exports_one_article(tmp_path):
    result = run_export("about/what-is-tms", "-o", str(tmp_path / "what.pdf"))
    assert result.returncode == 0 and "Saved" in result.stdout
    _, text = pdf_text(tmp_path / "what.pdf")
    page = Library.load([bundled_content_root()]).page("about/what-is-tms")
    assert "What is TMS?" in text and page.sources[0].title in " ".join(text.split()) and "Page 1 of" in text


def test_cli_exports_everything_into_a_folder(tmp_path):
    result = run_export("--all", "-o", str(tmp_path / "handouts"))
    assert result.returncode == 0
    written = sorted(p.name for p in (tmp_path / "handouts").iterdir())
    assert "about-what-is-tms.pdf" in written and "help-now.pdf" in written and len(written) >= 30
    assert not [name for name in written if not name.endswith(".pdf")]


@pytest.mark.parametrize(("args", "code", "message"), [
    (["about/what-is-tms", "-o", "/no/such/folder/x.pdf"], 1, "does not exist"),
    (["no/such-page", "-o", "x.pdf"], 2, "no page called"),
    (["-o", "x.pdf"], 2, "give one ARTICLE_ID, or --all"),
])
def test_cli_export_errors_are_clear(args, code, message):
    result = run_export(*args)
    assert result.returncode == code and message in result.stderr


def test_the_questions_handout_has_lines_to_write_on():
    library = Library.load([bundled_content_root()])
    page = library.page("practical/questions-to-ask")
    renderer = Renderer(library)
    paper, screen = renderer.handout_html(page), renderer.page_html(page)
    own = paper.index("Your own questions")
    assert paper[own:paper.index("How strong is the evidence?", own)].count("<hr") >= 6
    assert "<hr" not in screen and "lines here to write your own questions" in screen
    assert "lines here to write" not in paper and "click the box" not in paper
