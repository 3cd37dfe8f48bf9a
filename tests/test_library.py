"""Loading content: ids, front matter, the topic tree, and bad files that must not stop the rest."""
from __future__ import annotations

import logging
import subprocess
import sys
from datetime import date

import pytest
from conftest import READER_CONTENT
from helpers import write

from tms_info.content.library import Library
from tms_info.content.model import HOME_ID, page_id_for
from tms_info.locations import bundled_content_root


@pytest.mark.parametrize(("path", "expected"), [
    ("01-about/02-how-it-works.md", "about/how-it-works"),
    ("01-about/index.md", "about"),
    ("index.md", HOME_ID),
    ("90-help-now.md", "help-now"),
    ("about/no-prefix.md", "about/no-prefix"),
    ("02_treatment/10-schedule.md", "treatment/schedule"),
])
def test_ids_come_from_paths_without_order_prefixes(path, expected):
    assert page_id_for(path) == expected


def test_front_matter_becomes_page_fields():
    library = Library.load([READER_CONTENT])
    page = library.page("basics/first")
    assert page.title == "First article"
    assert page.summary == "An article with every kind of link."
    assert page.reviewed == date(2026, 11, 20)
    assert page.evidence == "moderate"
    assert [source.citation for source in page.sources] == [
        "O'Reardon JP, et al. 2007. A multisite randomized controlled trial. Biological Psychiatry."]
    assert page.body.lstrip().startswith("!!! key-points")
    assert library.problems == []


def test_tree_follows_numeric_prefixes():
    library = Library.load([READER_CONTENT])
    top = [node.page.id for node in library.tree()]
    assert top == ["basics", "help-now"]
    assert [node.page.id for node in library.tree()[0].children] == ["basics/first", "basics/second", "basics/checklist"]
    assert library.breadcrumb("basics/second")[0].title == "Basics"


def test_glossary_terms_load_with_aliases_and_links():
    library = Library.load([READER_CONTENT])
    tms = library.term("tms")
    assert tms.term == "TMS"
    assert tms.aliases == ("transcranial magnetic stimulation",)
    assert tms.see_also == ("rtms",)
    assert tms.articles == ("basics/first",)
    assert [term.term for term in library.terms_a_to_z()] == ["deep TMS", "relapse", "rTMS", "TMS"]




GOOD = "---\ntitle: Fine\n---\nBody.\n"


@pytest.mark.parametrize(("content", "reason"), [
    ("---\ntitle: [unclosed\n---\nBody\n", "front matter is broken"),
    (b"---\ntitle: Caf\xe9\n---\n", "not UTF-8"),
    ("", "empty"),
    ("Just text, no front matter.\n", "front matter missing"),
    ("---\ntitle: Never closed\n", "not closed"),
    ("---\nsummary: no title\n---\nBody\n", "needs 'title'"),
    ("---\n- a list\n---\nBody\n", "key: value"),
])
def test_a_malformed_article_is_skipped_with_a_warning_naming_it(tmp_path, caplog, content, reason):
    write(tmp_path / "01-topic" / "01-bad.md", content)
    write(tmp_path / "01-topic" / "02-good.md", GOOD)
    library = Library.load([tmp_path])
    assert library.page("topic/bad") is None
    assert library.page("topic/good").title == "Fine"
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "01-bad.md" in warnings[0] and reason in warnings[0]
    caplog.clear()


def test_a_wrong_optional_field_is_reported_and_the_page_still_loads(tmp_path, caplog):
    write(tmp_path / "a.md", "---\ntitle: A\nreviewed: last year\nsources: 42\nevidence: great\n---\nBody\n")
    page = Library.load([tmp_path]).page("a")
    assert page.title == "A" and page.reviewed is None and page.sources == () and page.evidence is None
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "'reviewed'" in messages and "'sources'" in messages and "'evidence'" in messages
    caplog.clear()


def test_a_later_root_replaces_a_page_with_the_same_id(tmp_path):
    write(tmp_path / "01-basics" / "05-first.md", "---\ntitle: The clinic's own first article\n---\nOurs.\n")
    library = Library.load([READER_CONTENT, tmp_path])
    assert library.page("basics/first").title == "The clinic's own first article"
    assert library.page("basics/second").title == "Second article"


def test_two_files_with_one_id_keep_the_first(tmp_path, caplog):
    write(tmp_path / "01-x.md", "---\ntitle: One\n---\n")
    write(tmp_path / "02-x.md", "---\ntitle: Two\n---\n")
    assert Library.load([tmp_path]).page("x").title == "One"
    assert "already used" in caplog.text
    caplog.clear()


def test_a_folder_without_index_is_still_a_section(tmp_path):
    write(tmp_path / "03-after-treatment" / "01-relapse.md", "---\ntitle: Relapse\n---\n")
    library = Library.load([tmp_path])
    assert library.page("after-treatment").title == "After treatment"
    assert library.tree()[0].children[0].page.id == "after-treatment/relapse"


def test_a_missing_content_folder_is_reported_not_fatal(tmp_path, caplog):
    library = Library.load([tmp_path / "nowhere", READER_CONTENT])
    assert library.page("basics/first") is not None
    assert "content folder not found" in caplog.text
    caplog.clear()


def test_bundled_content_loads_cleanly():
    library = Library.load([bundled_content_root()])
    assert library.problems == []
    assert library.page(HOME_ID) is not None
    assert library.page("help-now") is not None
    articles = [p for p in library.pages.values() if not p.is_section and p.id not in (HOME_ID, "help-now")]
    assert len(articles) >= 3
    assert {"rtms", "atms", "relapse"} <= set(library.terms)
    assert len(library.terms) >= 12


def test_the_core_never_imports_qt():
    code = ("import sys; import tms_info.content.render, tms_info.content.library, tms_info.content.links, "
            "tms_info.history, tms_info.cli; "
            "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_front_matter_with_aliases_is_refused_and_the_rest_loads(tmp_path, caplog):
    (tmp_path / "01-bomb.md").write_text("---\ntitle: &a Bomb\nsummary: *a\n---\nText.\n", encoding="utf-8")
    (tmp_path / "02-fine.md").write_text("---\ntitle: Fine\nsummary: A page.\n---\nText.\n", encoding="utf-8")
    library = Library.load([tmp_path])
    assert library.page("bomb") is None and library.page("fine") is not None
    assert any("aliases" in problem.message and problem.line == 2 for problem in library.problems)
    caplog.clear()
