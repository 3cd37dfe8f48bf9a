"""A clinic folder with no language subfolders is in the clinic's language (`language =` in its
configuration, else English) for search as it is for the pages: its lay words and search words act
in that language's index only, whatever language the reader chose; the start-up snapshot keeps that
language, and `check` reads the folder's word files in it too.

The libraries are small tmp_path folders: en/ and es/ (labelled, as the bundled ones are) and a
clinic folder named for no language."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_search import make_content
from test_search_es import make_spanish

from tms_info.cli import ClinicContent
from tms_info.config import Config
from tms_info.content import snapshot
from tms_info.content.check import Checker
from tms_info.content.library import Library
from tms_info.content.search import SearchIndex
from tms_info.content.search_language import SEARCH_WORDS_FILE, language_roots

CLINIC_PAGES = {
    "en": ("parking.md", "Parking", "Where to leave your car.", "Park behind the clinic in the staff lot."),
    "es": ("estacionamiento.md", "Estacionamiento", "Dónde dejar el coche.", "Estacione detrás de la clínica."),
}
# A word no page uses, that the clinic's lay words send to its page; and a stop word of its own.
LAY_WORD = {"en": "automobile", "es": "carro"}
CLINIC_PAGE = {"en": "parking", "es": "estacionamiento"}
STOP_WORD = {"en": "clinic", "es": "clinica"}


def make_clinic(root: Path, language: str) -> Path:
    name, title, summary, body = CLINIC_PAGES[language]
    root.mkdir(parents=True)
    (root / name).write_text(f"---\ntitle: {title}\nsummary: {summary}\n---\n{body}\n", encoding="utf-8")
    (root / "lay-words.yaml").write_text(f"{LAY_WORD[language]}: [{title.lower()}]\n", encoding="utf-8")
    (root / SEARCH_WORDS_FILE).write_text(f"stop words: [{STOP_WORD[language]}]\n", encoding="utf-8")
    return root


@pytest.fixture
def bundled(tmp_path) -> tuple[Path, Path]:
    return make_content(tmp_path / "en"), make_spanish(tmp_path / "es")


def library_for(bundled: tuple[Path, Path], clinic: Path, reader: str, clinic_language: str | None) -> Library:
    """The library the window and the command line load: the clinic's configuration decides the
    language of its unlabelled folder (Config.folder_language)."""
    roots = bundled[:1] if reader == "en" else bundled
    return ClinicContent(Config(language=clinic_language), roots, (clinic,), reader).library()


def ids(results) -> list[str]:
    return [hit.id for hit in results.hits]


def acts(index: SearchIndex, language: str) -> bool:
    """Whether the clinic's words of `language` act in the index: its lay word finds its page, and
    its stop word is one."""
    lay = CLINIC_PAGE[language] in ids(index.search(LAY_WORD[language]))
    stop = STOP_WORD[language] in index.language.stop_words
    assert lay == stop, "the folder's two word files are read together or not at all"
    return lay


# ----- the rule -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("language", "unlabelled", "expected"), [
    ("es", "en", ["es"]), ("en", "en", ["en", "clinic"]), ("es", "es", ["es", "clinic"]), ("en", "es", ["en"])])
def test_an_unlabelled_folder_is_read_in_its_own_language_not_the_readers(tmp_path, language, unlabelled, expected):
    roots = [tmp_path / "en", tmp_path / "es", tmp_path / "clinic"]
    assert [root.name for root in language_roots(roots, language, unlabelled)] == expected


# ----- search -----------------------------------------------------------------------------------------

def test_an_english_clinic_folders_words_do_not_act_in_a_spanish_session(bundled, tmp_path):
    clinic = make_clinic(tmp_path / "clinic", "en")
    spanish = SearchIndex.open(library_for(bundled, clinic, "es", None))
    assert spanish.library.page("parking").language == "en"  # the loader's rule
    assert not acts(spanish, "en") and LAY_WORD["en"] not in spanish.lay_words
    assert "terapia de choque" in spanish.lay_words  # the Spanish words still act
    english = SearchIndex.open(library_for(bundled, clinic, "en", None))
    assert acts(english, "en")


def test_a_spanish_clinics_unlabelled_folder_has_its_words_act_in_spanish_only(bundled, tmp_path):
    clinic = make_clinic(tmp_path / "clinic", "es")
    spanish = SearchIndex.open(library_for(bundled, clinic, "es", "es"))
    assert spanish.library.page("estacionamiento").language == "es"
    assert acts(spanish, "es")
    english = SearchIndex.open(library_for(bundled, clinic, "en", "es"))
    assert english.library.page("estacionamiento").language == "es"
    assert not acts(english, "es") and english.language.stop_words >= {"the", "and"}


def test_the_clinics_language_changes_the_cached_index(bundled, tmp_path):
    """The same folders, read for the same reader, with the clinic's language changed: the index
    answers for the folders it now reads, never from the other set-up's cache."""
    clinic = make_clinic(tmp_path / "clinic", "es")
    as_english = SearchIndex.open(library_for(bundled, clinic, "es", "en"), tmp_path / "cache")
    as_spanish = SearchIndex.open(library_for(bundled, clinic, "es", "es"), tmp_path / "cache")
    assert as_english.location != as_spanish.location
    assert not acts(as_english, "es") and acts(as_spanish, "es")


# ----- the start-up snapshot -------------------------------------------------------------------------

@pytest.mark.parametrize("clinic_language", ["en", "es"])
def test_the_snapshot_keeps_the_language_of_unlabelled_folders(bundled, tmp_path, clinic_language):
    clinic = make_clinic(tmp_path / "clinic", "es")
    library = library_for(bundled, clinic, "es", clinic_language)
    snapshot.save(tmp_path / "cache", "key", library, {})
    loaded, _ = snapshot.load(tmp_path / "cache", "key")
    assert (loaded.language, loaded.unlabelled_language) == ("es", clinic_language)
    assert acts(SearchIndex.open(loaded), "es") == (clinic_language == "es")


def write_snapshot(cache: Path, header: list, index: dict, texts: bytes) -> None:
    cache.mkdir(exist_ok=True)
    (cache / snapshot.FILE_NAME).write_bytes(
        json.dumps(header).encode() + b"\n" + json.dumps(index).encode() + b"\n" + texts)


@pytest.mark.parametrize("kind", ["without the field", "older format", "not text"])
def test_a_snapshot_without_the_folders_language_is_not_used(bundled, tmp_path, caplog, kind):
    index, texts = snapshot.to_data(Library.load(bundled, language="es"), {})
    header = [snapshot.FORMAT, "key"]
    if kind == "older format":
        header = [2, "key"]
        del index["unlabelled_language"]
    elif kind == "without the field":
        del index["unlabelled_language"]
    else:
        index["unlabelled_language"] = ["es"]
    write_snapshot(tmp_path / "cache", header, index, texts)
    assert snapshot.load(tmp_path / "cache", "key") is None
    assert "content snapshot not used" in caplog.text


# ----- check ------------------------------------------------------------------------------------------

def test_check_reads_an_unlabelled_folders_search_words_in_the_clinics_language(tmp_path):
    clinic = make_clinic(tmp_path / "clinic", "es")
    (clinic / SEARCH_WORDS_FILE).write_text("stop words: {el: 1}\n", encoding="utf-8")
    library = Library.load([clinic], language="en", unlabelled_language="es")
    report = Checker(library).run()
    assert any(finding.path == clinic / SEARCH_WORDS_FILE for finding in report.findings)


def test_check_reads_an_unlabelled_clinic_folder_in_the_clinics_language(tmp_path, capsys):
    """`tms-info check` with `language = es` measures a Spanish clinic's pages as Spanish, as the window reads them."""
    pytest.importorskip("textstat")
    from tms_info.cli import main

    clinic = make_clinic(tmp_path / "clinic", "es")
    config = tmp_path / "clinic.ini"
    config.write_text("[clinic]\nlanguage = es\n", encoding="utf-8")
    main(["check", "--config", str(config), "--content-dir", str(clinic)])
    spanish = capsys.readouterr().out
    config.write_text("[clinic]\n", encoding="utf-8")
    main(["check", "--config", str(config), "--content-dir", str(clinic)])
    english = capsys.readouterr().out
    assert "Article (es)     Words  INFLESZ" in spanish, "measured with the Spanish reading-ease formula"
    assert "INFLESZ" not in english and "Grade" in english, "a clinic without `language =` writes in English"
