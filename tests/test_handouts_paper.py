"""Handouts as a clinic hands them out, read back from the PDF: 12-point text in the bundled font
that copies and reads aloud cleanly, tables and writing space that stay whole on a page, no
screen instructions, the clinic's contact box, and no last page with only a few lines on it."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import READER_CONTENT
from helpers import write
from pypdf import PdfReader
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPdfWriter, QTextDocument, QTextTable

from tms_info import handouts, pagination
from tms_info.content.library import Library
from tms_info.content.render import Renderer
from tms_info.locations import bundled_content_root

LIGATURES = re.compile("[\ufb00-\ufb06]")
FOOTER_START = {"en": "TMS Information:", "es": "Información sobre la EMT:"}
SOURCES = {"en": "Sources", "es": "Fuentes"}


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def plain(text: str) -> str:
    return " ".join(text.split())


def body_lines(text: str, language: str = "en") -> list[str]:
    """A page's lines above its footer."""
    return [line for line in text.split(FOOTER_START[language], maxsplit=1)[0].splitlines() if line.strip()]


def text_sizes(path: Path, page: int = 0) -> dict[str, float]:
    """Each run of text on a page and its size in points, as a PDF reader sizes it."""
    sizes: dict[str, float] = {}

    def visit(text, matrix, text_matrix, font, size):
        if text.strip():
            sizes[plain(text)] = round(size * abs(matrix[3]) * abs(text_matrix[3]), 2)

    PdfReader(str(path)).pages[page].extract_text(visitor_text=visit)
    return sizes


@pytest.fixture(scope="module")
def bundled() -> Library:
    return Library.load([bundled_content_root()])


def write_handout(library: Library, page_id: str, target: Path, **clinic) -> list[str]:
    handouts.write_pdf(Renderer(library), library.page(page_id), target, **clinic)
    return page_texts(target)


def test_body_text_is_12_points_in_the_bundled_font(qapp, bundled, tmp_path):
    target = tmp_path / "safety.pdf"
    write_handout(bundled, "safety/side-effects", target)
    sizes = text_sizes(target)
    body = next(size for text, size in sizes.items() if text.startswith("These are usually mild"))
    title = sizes["What side effects can TMS cause?"]
    footer = next(size for text, size in sizes.items() if "not medical advice" in text)
    assert body == 12
    assert title >= 18 and 8.5 <= footer < body, "the title stands out; the footer is smaller but readable"
    fonts = {str(font) for page in PdfReader(str(target)).pages
             for font in (page["/Resources"]["/Font"][name]["/BaseFont"] for name in page["/Resources"]["/Font"])}
    assert fonts and all("AtkinsonHyperlegible" in font for font in fonts), fonts


def test_copied_or_read_aloud_text_has_no_ligatures_and_whole_words(qapp, bundled, tmp_path):
    texts = write_handout(bundled, "safety/side-effects", tmp_path / "safety.pdf")
    text = "\n".join(texts)
    assert not LIGATURES.findall(text), "“fi”, “ff” and “fl” are letters, not one symbol"
    assert "side effects" in plain(text) and "first week" in plain(text)
    for heading in ("Which side effects are common?", "What is my next step?", "Sources"):
        assert heading in plain(text), f"{heading!r} is split: a heading's first letter read as a word of its own"


def test_a_table_row_is_never_split_across_pages(qapp, tmp_path):
    rows = "\n".join(f"| Row {n} begins | Short | " + "A sentence long enough to wrap onto another line. " * (1 + n % 5)
                     + f"Row {n} ends. |" for n in range(40))  # rows of 1 to 6 lines: some reach the foot of a page
    write(tmp_path / "clinic" / "01-basics" / "09-table.md",
          "---\ntitle: A long table\nsummary: Many rows.\nreviewed: 2026-11-25\n---\n"
          "Some words before the table.\n\n| Name | Short | End |\n|---|---|---|\n" + rows)
    library = Library.load([READER_CONTENT], local_roots=[tmp_path / "clinic"])
    texts = [plain(text) for text in write_handout(library, "basics/table", tmp_path / "table.pdf")]
    assert len(texts) >= 3
    for n in range(40):
        starts = [number for number, text in enumerate(texts) if f"Row {n} begins" in text]
        ends = [number for number, text in enumerate(texts) if f"Row {n} ends" in text]
        assert len(starts) == len(ends) == 1 and starts == ends, f"row {n} is on pages {starts} and {ends}"
    assert all(text.count("Name Short End") == 1 for text in texts), "the header is repeated on each page"


def test_the_side_effects_table_stays_with_its_heading_and_rows_whole(qapp, bundled, tmp_path):
    texts = [plain(text) for text in write_handout(bundled, "safety/side-effects", tmp_path / "safety.pdf")]
    table_page = next(text for text in texts if "Side effect How common? What can help" in text)
    assert "Which side effects are common? Most side effects happen" in table_page
    for row in ("Headache Common. In trials", "Feeling light-headed"):
        assert row in table_page
    assert "Tell staff. You can rest before you leave." in table_page


def test_a_table_after_a_heading_at_the_foot_of_a_page_goes_over_with_it(qapp):
    document = QTextDocument()
    document.setHtml("".join(f"<p>Line {n}.</p>" for n in range(14)) + "<h2>A table</h2><p>It shows this:</p>"
                     "<table><thead><tr><th>Head</th></tr></thead>"
                     + "".join(f"<tr><td>Row {n}</td></tr>" for n in range(4)) + "</table>")
    document.setPageSize(QSizeF(300, 100_000))
    heading = document.findBlock(document.toPlainText().index("A table"))
    cut = pagination.span(document, heading)[1] + 30  # the heading and its sentence fit on page 1, the table not
    document.setPageSize(QSizeF(300, cut))
    pagination.paginate(document, cut)
    table = next(frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable))
    assert cut <= pagination.span(document, heading)[0] < pagination.span(document, table)[0] < 2 * cut


SCREEN_WORDS = re.compile(r"mouse|ratón|\bclick (the|it|on)\b|haga clic|press Tab|pulse Tab|\bA\+|botón|botones"
                          r"|on screen|en la pantalla|works offline|funciona sin conexión|File menu|menú Archivo",
                          re.IGNORECASE)


def spanish_library() -> Library:
    return Library.load([bundled_content_root(), bundled_content_root().parent / "es"], language="es")


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_sentence_meant_for_the_screen_reaches_paper(language):
    library = spanish_library() if language == "es" else Library.load([bundled_content_root()])
    renderer = Renderer(library)
    found = {page.id: SCREEN_WORDS.findall(renderer.handout_html(page)) for page in library.pages.values()}
    assert not {page: words for page, words in found.items() if words}
    assert SCREEN_WORDS.search(renderer.page_html(library.page("home"))), "the screen still says how to use it"


def test_the_questions_handout_has_lines_to_write_on_kept_together(qapp, bundled, tmp_path):
    document = handouts.handout_document(Renderer(bundled), bundled.page("practical/questions-to-ask"),
                                         clinic="Riverside Clinic")
    writer = QPdfWriter(str(tmp_path / "questions.pdf"))
    writer.setResolution(handouts.DOTS_PER_INCH)
    handouts.paint_pages(document, writer, "footer")
    page_height = document.pageSize().height()
    lines = [item for item in pagination.root_items(document) if pagination.is_ruled(item)]
    tops = [pagination.span(document, line)[1] for line in lines]
    heading = next(item for item in pagination.root_items(document)
                   if not isinstance(item, QTextTable) and item.text() == "Your own questions")
    assert len(lines) >= 6
    assert all(34 <= below - above <= 49 for above, below in pairwise(tops)), "9 to 13 mm apart, to write on"
    assert len({int(y // page_height) for y in [*tops, pagination.span(document, heading)[0]]}) == 1, \
        "the lines are on one page, under their heading"


@pytest.mark.parametrize(("phone", "expected"), [("(555) 010-0199", "Phone: (555) 010-0199"), (None, None)])
def test_the_clinics_name_and_phone_number_are_in_a_box(qapp, bundled, tmp_path, phone, expected):
    texts = write_handout(bundled, "safety/side-effects", tmp_path / "safety.pdf", clinic="Riverside Clinic",
                          phone=phone)
    text = plain(" ".join(texts))
    assert "Your clinic Riverside Clinic" in text
    assert (expected in text) if expected else "Phone:" not in text
    assert text.index("Your clinic") < text.rindex("Sources"), "before the sources, where a reader still looks"


def test_without_a_clinic_there_is_no_clinic_box(qapp, bundled, tmp_path):
    assert "Your clinic" not in plain(" ".join(write_handout(bundled, "safety/side-effects", tmp_path / "x.pdf")))


def export_all(language: str, folder: Path) -> list[Path]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "tms_info", "export", "--all", "--language", language,
                             "-o", str(folder)], capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    return sorted(folder.glob("*.pdf"))


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_handout_ends_on_a_proper_page(language, tmp_path):
    """Not a last page with a few lines, or only a few sources, on it; nor an empty one. Only the
    last page is read back: reading every page of every handout takes pypdf half a minute."""
    library = spanish_library() if language == "es" else Library.load([bundled_content_root()])
    last_sources = {page.id.replace("/", "-") + ".pdf": page.sources[-1].title
                    for page in library.pages.values() if page.sources}
    problems = []
    for path in export_all(language, tmp_path):
        reader = PdfReader(str(path))
        text = reader.pages[-1].extract_text()
        if path.name in last_sources and plain(last_sources[path.name])[:30] not in plain(text).replace("’", "'"):
            problems.append(f"{path.name}: does not end with its last source")
        if len(reader.pages) == 1:
            continue
        last = body_lines(text, language)
        only_sources = bool(last) and re.match(r"\d+\.", last[0]) and not any(
            line.strip() == SOURCES[language] for line in last)
        if len(last) < 8 or (only_sources and len(last) < 14):
            problems.append(f"{path.name}: the last page holds only {len(last)} lines: {last[:2]}")
    assert not problems
    texts = page_texts(tmp_path / "safety-side-effects.pdf")
    assert not LIGATURES.search("".join(texts))
    assert not re.search(r"(^|\n)(¿|[B-DF-HJ-NP-TV-XZ])\n[A-Za-zÁÉÍÓÚáéíóúñ]", "\n".join(texts)), \
        "no word split after its first letter"


def test_a_long_footer_is_printed_whole(qapp, bundled, tmp_path):
    """The footer takes as many lines as it needs: a clinic's long name, or a longer language."""
    clinic = "The Riverside Community Mental Health and Neuromodulation Clinic of the North Valley Hospitals"
    texts = write_handout(bundled, "safety/hearing-driving-work", tmp_path / "hearing.pdf", clinic=clinic)
    for number, page in enumerate(PdfReader(str(tmp_path / "hearing.pdf")).pages, start=1):
        assert plain(texts[number - 1]).count("999 or 116 123 (UK), 112 (EU).") == 1
        assert min(baselines(page)) >= 14 * 72 / 25.4, f"page {number}'s footer runs into the margin, cut off"


def baselines(page) -> list[float]:
    """How high above the foot of the page each run of text on it sits, in points."""
    found: list[float] = []

    def visit(text, matrix, text_matrix, font, size):
        if text.strip():
            found.append(text_matrix[5] * matrix[3] + matrix[5])

    page.extract_text(visitor_text=visit)
    return found
