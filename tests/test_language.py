"""Reading in Spanish (issue 16): choosing the language, the Spanish library laid over English with
a notice on pages not translated yet, the checker's Spanish rules, the command line's --language,
and a window that switches language at once, at the same page."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import write

from tms_info.cli import main
from tms_info.content.check import check
from tms_info.content.languages import choose_language, known_language, translated_roots
from tms_info.content.library import Library
from tms_info.content.render import Renderer
from tms_info.locations import bundled_content_roots

SESSION = "treatment/what-a-session-is-like"


@pytest.fixture(autouse=True)
def english_afterwards():
    """A command run in-process in Spanish installs the Spanish words; the next test gets English."""
    yield
    from tms_info.content import i18n

    i18n.install(None)
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        from tms_info.ui.translation import install_language

        install_language("en")
UNTRANSLATED = "This page is not translated into your language yet"


def page(title: str, body: str, **fields: str) -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return f"---\ntitle: {title}\nsummary: One sentence.\n{extra}---\n{body}\n"


@pytest.mark.parametrize(("choices", "expected"), [
    (("es", "en", "en"), "es"),             # the command line first
    ((None, "es", "en"), "es"),             # then the reader's choice
    ((None, None, "es", "en_US"), "es"),    # then the clinic's
    ((None, None, None, "es_MX"), "es"),    # then the system's
    ((None, None, None, "de_DE"), "en"),    # a language we do not have: English
    (("xx", None, None, "es_ES.UTF-8"), "es"),
])
def test_the_language_is_the_first_choice_that_names_one(choices, expected):
    assert choose_language(*choices) == expected


def test_language_codes_are_read_leniently():
    assert [known_language(code) for code in ("ES", "es-419", "es_MX.UTF-8", "en", "fr", "", None, 3)] == [
        "es", "es", "es", "en", None, None, None, None]


def test_a_folder_with_language_folders_gives_english_then_the_translation(tmp_path):
    (tmp_path / "both" / "en").mkdir(parents=True)
    (tmp_path / "both" / "es").mkdir()
    (tmp_path / "one").mkdir()
    assert translated_roots(tmp_path / "both", "es") == (tmp_path / "both" / "en", tmp_path / "both" / "es")
    assert translated_roots(tmp_path / "both", "en") == (tmp_path / "both" / "en",)
    assert translated_roots(tmp_path / "one", "es") == (tmp_path / "one",)


def test_the_bundled_library_reads_in_spanish_under_the_same_ids():
    english = Library.load(bundled_content_roots("en"))
    spanish = Library.load(bundled_content_roots("es"), language="es")
    assert spanish.pages.keys() == english.pages.keys()
    assert spanish.terms.keys() == english.terms.keys()
    assert spanish.page(SESSION).title == "¿Cómo es una sesión de EMT?"
    assert all(p.language == "es" for p in spanish.pages.values())
    # every page keeps its English sources; Ayuda ahora adds those of its Spanish-language lines
    assert all(p.sources == english.page(p.id).sources for p in spanish.pages.values() if p.id != "help-now")
    assert set(english.page("help-now").sources) < set(spanish.page("help-now").sources)
    assert all(p.evidence == english.page(p.id).evidence for p in spanish.pages.values())


def test_a_clinic_page_only_in_english_is_shown_with_a_notice_in_a_spanish_session(tmp_path):
    write(tmp_path / "en" / "parking.md", page("Parking", "Park behind the clinic."))
    write(tmp_path / "en" / "hours.md", page("Hours", "We open at eight."))
    write(tmp_path / "es" / "hours.md", page("Horario", "Abrimos a las ocho."))
    library = Library.load(bundled_content_roots("es"), translated_roots(tmp_path, "es"), language="es")
    renderer = Renderer(library)
    assert library.page("hours").title == "Horario" and UNTRANSLATED not in renderer.page_html(library.page("hours"))
    assert library.page("parking").language == "en" and UNTRANSLATED in renderer.page_html(library.page("parking"))
    english = Library.load(bundled_content_roots("en"), translated_roots(tmp_path, "en"))
    assert UNTRANSLATED not in Renderer(english).page_html(english.page("parking"))


def test_a_single_clinic_folder_is_in_the_clinics_language(tmp_path):
    write(tmp_path / "horario.md", page("Horario", "Abrimos a las ocho."))
    library = Library.load(bundled_content_roots("es"), [tmp_path], language="es", unlabelled_language="es")
    assert UNTRANSLATED not in Renderer(library).page_html(library.page("horario"))


def spanish_copy(tmp_path: Path, english_reviewed: str, translated_from: str | None, body: str) -> Path:
    english = "Plain words about the clinic. " * 60
    fields = {"reviewed": "2026-11-30", "sources": "\n  - title: A source"}
    write(tmp_path / "en" / "visit.md", page("Visit", english, **{**fields, "reviewed": english_reviewed}))
    spanish_fields = dict(fields, **({"translated_from": translated_from} if translated_from else {}))
    write(tmp_path / "es" / "visit.md", page("Visita", body, **spanish_fields))
    return tmp_path / "es" / "visit.md"


EASY_SPANISH = "Usted se sienta en una silla. La sesión es corta. No duele mucho. " * 40
HARD_SPANISH = ("La neuroestimulación transcraneal electromagnética repetitiva proporciona modificaciones "
                "neurofisiológicas considerablemente heterogéneas, independientemente de características "
                "sociodemográficas, farmacológicas y psicopatológicas. ") * 20


def findings_for(tmp_path: Path, path: Path) -> list[str]:
    report = check([*translated_roots(tmp_path, "es")], only_under=[tmp_path], today=date(2026, 12, 1), language="es")
    return [f"{'' if f.error else 'warning: '}{f.message}" for f in report.findings if f.path == path]


def test_check_measures_spanish_pages_on_the_inflesz_scale(tmp_path):
    path = spanish_copy(tmp_path, "2026-11-30", "2026-11-30", HARD_SPANISH)
    assert any(message.startswith("INFLESZ") and "below 55" in message for message in findings_for(tmp_path, path))
    path = spanish_copy(tmp_path, "2026-11-30", "2026-11-30", EASY_SPANISH)
    assert not any("INFLESZ" in message for message in findings_for(tmp_path, path))


def test_check_warns_when_the_english_page_was_reviewed_after_the_translation(tmp_path):
    path = spanish_copy(tmp_path, "2026-12-01", "2026-11-30", EASY_SPANISH)
    assert "warning: translation out of date: the English page was reviewed on 2026-12-01, after the review " \
           "this translation follows (2026-11-30)" in findings_for(tmp_path, path)
    path = spanish_copy(tmp_path, "2026-11-30", None, EASY_SPANISH)
    assert any("needs 'translated_from'" in message for message in findings_for(tmp_path, path))
    path = spanish_copy(tmp_path, "2026-11-30", "2026-11-30", EASY_SPANISH)
    assert not any("translat" in message for message in findings_for(tmp_path, path))


def test_the_bundled_spanish_library_passes_check_with_the_spanish_reading_rule(capsys):
    assert main(["check", "--language", "es"]) == 0
    out = capsys.readouterr().out
    assert "INFLESZ" in out and "0 errors" in out
    median = float(out.split("INFLESZ")[1].split("median")[1].split()[0])
    assert median >= 65


@pytest.mark.parametrize("argv", [["--language", "es", "search", "cuanto dura una sesion"],
                                  ["search", "cuanto dura una sesion", "--language", "es"]])
def test_search_from_the_command_line_in_spanish(argv, qapp, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert main(argv) == 0  # (qapp: the command makes a QCoreApplication for its translator if none exists)
    out = capsys.readouterr().out
    first_three = [line for line in out.splitlines() if line[:2] in ("1.", "2.", "3.")]
    assert any(f"[{SESSION}" in line for line in first_three)  # "¿Cómo es una sesión de EMT?"
    assert main([*argv[:-1], "zzzzqqq"] if argv[0] == "--language" else ["search", "zzzzqqq", "--language", "es"]) == 0
    assert "No hay resultados." in capsys.readouterr().out


def test_an_unknown_language_on_the_command_line_falls_back_to_english_with_one_notice(capsys, monkeypatch,
                                                                                       tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert main(["--language", "xx", "search", "session", "--limit", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("there is no language 'xx'; using English") == 1
    assert "session" in captured.out.lower()


def test_export_in_spanish_makes_a_spanish_handout(qapp, tmp_path, capsys, monkeypatch):
    from pypdf import PdfReader

    from tms_info.ui.translation import install_language

    monkeypatch.setenv("HOME", str(tmp_path))
    target = tmp_path / "sesion.pdf"
    try:
        assert main(["export", SESSION, "--language", "es", "-o", str(target)]) == 0
    finally:
        install_language("en")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    assert "¿Cómo es una sesión de EMT?" in text
    assert "Revisado: 30 de noviembre de 2026" in text
    assert "Last reviewed" not in text and "Sources" not in text and "Página 1 de" in text


def test_check_reports_broken_crisis_and_search_word_files(tmp_path, capsys):
    write(tmp_path / "crisis-words.yaml", "phrases: 7\n")
    write(tmp_path / "search-words.yaml", "stop words: {a: 1}\n")
    assert main(["check", "--content-dir", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'crisis-words.yaml'}:1: skipped: it should have 'phrases:'" in out
    assert f"{tmp_path / 'search-words.yaml'}:1: skipped: 'stop words:' should be followed by words" in out


def test_the_spanish_glossary_is_in_dictionary_order_whatever_the_accents():
    names = [term.term for term in Library.load(bundled_content_roots("es"), language="es").terms_a_to_z()]
    assert names.index("células piramidales") < names.index("corteza")
    assert names.index("cíngulo subgenual") < names.index("corteza")
