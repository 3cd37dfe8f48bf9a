"""`tms-info check` finds every class of content problem, with its file and line, and passes the
bundled library."""
from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import FIXTURES

from tms_info.content.check import check, flesch_kincaid_grade
from tms_info.locations import bundled_content_root

BROKEN = FIXTURES / "broken"


@pytest.fixture(scope="module")
def findings() -> set[tuple[str, int, str]]:
    report = check([BROKEN])
    return {(str(f.path.relative_to(BROKEN)), f.line, f.message) for f in report.findings if f.error}


def has(findings, path: str, line: int, fragment: str) -> bool:
    return any(p == path and n == line and fragment in m for p, n, m in findings)


@pytest.mark.parametrize(("path", "line", "fragment"), [
    ("01-topic/01-no-summary.md", 1, "needs 'summary'"),
    ("01-topic/01-no-summary.md", 1, "needs 'reviewed'"),
    ("01-topic/01-no-summary.md", 1, "needs 'sources'"),
    ("01-topic/02-bad-links.md", 7, "page that does not exist: 99-nowhere.md"),
    ("01-topic/02-bad-links.md", 9, "part of a page that does not exist: 03-target.md#no-such-part"),
    ("01-topic/02-bad-links.md", 11, "glossary term that does not exist: ../glossary/nothing.md"),
    ("01-topic/02-bad-links.md", 13, "not https: http://example.org/plain"),
    ("01-topic/02-bad-links.md", 13, "refuse this link: mailto:someone@example.org"),
    ("01-topic/04-pictures.md", 7, "picture not found: ../images/missing-chart.svg"),
    ("01-topic/04-pictures.md", 9, "no alt text"),
    ("01-topic/05-raw-html.md", 9, "<script> is not allowed"),
    ("01-topic/05-raw-html.md", 11, "<iframe> is not allowed"),
    ("01-topic/05-raw-html.md", 13, "event attribute 'onclick'"),
    ("01-topic/05-raw-html.md", 15, "<details> cannot be shown"),
    ("01-topic/06-hard-to-read.md", 7, "reading grade"),
    ("01-topic/07-same-title.md", 2, "title 'Target' is also used"),
    ("01-topic/08-unknown-key.md", 3, "unknown front matter key 'sumary'"),
    ("01-topic/09-broken-front-matter.md", 4, "front matter is broken"),
    ("01-topic/10-not-utf8.md", 1, "not UTF-8"),
    ("01-topic/12-dup.md", 1, "id 'topic/dup' is already used"),
    ("glossary/unused.md", 1, "'zebra crossing' is never used"),
    ("glossary/bad-refs.md", 3, "'short' has 31 words"),
    ("glossary/bad-refs.md", 4, "see_also names an unknown term: no-such-term"),
    ("glossary/bad-refs.md", 5, "articles names an unknown page: topic/no-such-page"),
    ("glossary/bad-refs.md", 7, "page that does not exist: ../01-topic/99-gone.md"),
    ("glossary/good.md", 2, "name 'good term' is also used by the term 'clash'"),
    ("01-topic/13-mixed-denominators.md", 7, "different denominators in one sentence (1 in 7, 1 in 20)"),
    ("glossary/frequencies.md", 5, "different denominators in one sentence (1 in 7, 1 in 20)"),
    ("02-figures/index.md", 5, "gives figures ('45%') but has no 'sources'"),
    ("01-topic/15-source-fields.md", 10, "'doi' should look like 10.1234/abc: doi.org/10.1000/xyz"),
    ("01-topic/15-source-fields.md", 12, "'pmid' should be digits only: PMC12345"),
    ("01-topic/15-source-fields.md", 13, "'url' should start with https://"),
    ("01-topic/15-source-fields.md", 1, "'sources' item '4' should be a 'title' (text) with optional"),
])
def test_each_problem_is_found_where_it_is(findings, path, line, fragment):
    assert has(findings, path, line, fragment), sorted(f for f in findings if f[0] == path)


def test_good_links_and_pictures_are_not_reported(findings):
    assert not any("a-real-part" in message or ("present.svg" in message and "not found" in message)
                   for _, _, message in findings)
    assert not any(path == "01-topic/03-target.md" for path, _, _ in findings)


def test_a_clinic_folder_is_checked_on_top_of_the_bundled_content(tmp_path):
    page = tmp_path / "01-our-clinic.md"
    page.write_text("---\ntitle: Our clinic\nsummary: Where we are.\nreviewed: 2026-11-20\nsources: [Us.]\n---\n"
                    "Read [what a session is like](treatment/what-a-session-is-like.md) and about rTMS.\n"
                    "See [a page we forgot](treatment/gone.md).\n")
    report = check([bundled_content_root(), tmp_path], only_under=[tmp_path])
    messages = [str(f) for f in report.errors]
    assert messages == [f"{page}:8: link to a page that does not exist: treatment/gone.md"]
    assert [row.page.id for row in report.readability] == ["our-clinic"]


def test_the_bundled_library_passes_the_checker():
    result = subprocess.run([sys.executable, "-m", "tms_info", "check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 errors" in result.stdout
    assert "Article" in result.stdout and "Grade" in result.stdout and "median" in result.stdout


def test_the_command_fails_and_names_the_problems_in_a_broken_folder():
    result = subprocess.run([sys.executable, "-m", "tms_info", "check", "--content-dir", str(BROKEN)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert f"{BROKEN / '01-topic' / '02-bad-links.md'}:7: link to a page that does not exist" in result.stdout
    assert "topic/hard-to-read" in result.stdout and "about/what-is-tms" not in result.stdout


def test_a_missing_folder_is_a_clear_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "tms_info", "check", "--content-dir", str(tmp_path / "nope")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "no such folder" in result.stderr


def test_the_reading_grade_is_computed_without_any_network():
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = refuse; socket.create_connection = refuse; socket.getaddrinfo = refuse\n"
        "from tms_info.content.check import flesch_kincaid_grade\n"
        "grade = flesch_kincaid_grade('Neuronavigation helps clinicians aim the coil. It takes a few minutes.')\n"
        "assert 5 < grade < 15, grade\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_plain_writing_scores_lower_than_jargon():
    plain = "TMS uses a magnet. You sit in a chair. It takes about forty minutes. You stay awake."
    jargon = ("Repetitive transcranial magnetic stimulation demonstrated statistically significant antidepressant "
              "efficacy in pharmacoresistant major depressive disorder.")
    assert flesch_kincaid_grade(plain) < 4 < 12 < flesch_kincaid_grade(jargon)


def test_the_same_denominator_twice_is_not_reported(findings):
    assert not any(path == "01-topic/13-mixed-denominators.md" and line == 9 for path, line, _ in findings)


def test_an_old_review_and_a_bracketed_source_are_warnings(caplog):
    from datetime import date

    report = check([BROKEN], today=date(2026, 11, 30))
    warnings = {(str(f.path.relative_to(BROKEN)), f.line, f.message) for f in report.findings if not f.error}
    assert has(warnings, "01-topic/14-due-for-review.md", 4, "due for review: last reviewed 2024-01-15")
    assert has(warnings, "01-topic/15-source-fields.md", 14, "published title, not a description in [brackets]")
    assert not any("due for review" in m for p, _, m in warnings if p != "01-topic/14-due-for-review.md")
    assert not any("due for review" in f.message for f in check([BROKEN], today=date(2025, 7, 15)).findings)
    assert any("'sources' item '4'" in record.getMessage() for record in caplog.records)  # also logged
    caplog.clear()


def test_check_without_textstat_says_the_reading_level_was_skipped_and_how_to_get_it(monkeypatch, capsys):
    from tms_info.cli import main
    from tms_info.content import check as check_module

    monkeypatch.setattr(check_module, "reading_level_available", lambda: False)
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "Reading level not measured: it needs textstat. Install it with: pip install 'tms-info[check]'" in out
    assert "Grade" not in out and "0 errors" in out


def test_check_reports_a_picture_whose_letter_case_differs_from_the_file(tmp_path):
    """Found on Windows and macOS, missing on Linux: reported the same on every system."""
    from helpers import write

    from tms_info.content.check import check

    write(tmp_path / "pictures" / "coil.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    page = write(tmp_path / "visit.md", "---\ntitle: Visit\nsummary: One sentence.\n---\n"
                                        "![The coil](Pictures/Coil.svg)\n\n![The coil again](pictures/coil.svg)\n")
    report = check([tmp_path], only_under=[tmp_path])
    messages = [f.message for f in report.findings if f.path == page]
    assert any("letter case differs from the file's (Pictures, the file is pictures)" in m for m in messages)
    assert not any(m.endswith(": pictures/coil.svg") for m in messages)
