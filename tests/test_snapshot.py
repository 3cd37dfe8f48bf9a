"""The start-up snapshot: reused while the content is unchanged, ignored as soon as any content
file changes, and never a reason to fail."""
from __future__ import annotations

import os
import shutil

import pytest
from conftest import READER_CONTENT

from tms_info.content import snapshot
from tms_info.content.library import Library
from tms_info.content.render import Renderer


@pytest.fixture
def content(tmp_path):
    (tmp_path / "shared").mkdir()
    return shutil.copytree(READER_CONTENT, tmp_path / "content")


def test_an_unchanged_library_comes_back_with_its_rendered_pages(content, tmp_path):
    key = snapshot.signature([content], [])
    library = Library.load([content])
    renderer = Renderer(library)
    html = renderer.page_html(library.page("basics/first"))
    snapshot.save(tmp_path / "cache", key, library, renderer.rendered_pages())
    loaded, pages = snapshot.load(tmp_path / "cache", snapshot.signature([content], []))
    assert loaded.page("basics/first").title == "First article" and loaded.term("tms").term == "TMS"
    assert loaded.pages == library.pages and loaded.terms == library.terms, "every field, paths included"
    assert loaded.page("basics/first").source.read_text(encoding="utf-8").startswith("---")
    assert pages == {"basics/first": html}
    assert Renderer(loaded, known_pages=pages).page_html(loaded.page("basics/first")) == html


@pytest.mark.parametrize("change", ["edit", "add", "remove", "clinic", "linked folder"])
def test_any_change_to_the_content_makes_the_snapshot_unused(content, tmp_path, change):
    key = snapshot.signature([content], [])
    snapshot.save(tmp_path / "cache", key, Library.load([content]), {})
    article = content / "01-basics" / "02-second.md"
    if change == "edit":
        article.write_text(article.read_text() + "\nOne more line.\n")
        os.utime(article, ns=(article.stat().st_atime_ns, article.stat().st_mtime_ns + 10**9))
    elif change == "add":
        (content / "01-basics" / "09-new.md").write_text("---\ntitle: New\n---\n")
    elif change == "remove":
        article.unlink()
    elif change == "linked folder":  # a link inside the content folder is followed
        (content / "_shared").mkdir()
        (content / "01-basics" / "shared").symlink_to(content / "_shared", target_is_directory=True)
        key = snapshot.signature([content], [])
        snapshot.save(tmp_path / "cache", key, Library.load([content]), {})
        (content / "_shared" / "03-third.md").write_text("---\ntitle: Third\n---\nMore.\n")
    new_key = snapshot.signature([content], [tmp_path / "clinic"] if change == "clinic" else [])
    assert new_key != key
    assert snapshot.load(tmp_path / "cache", new_key) is None


def test_a_damaged_snapshot_is_ignored(tmp_path, caplog):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / snapshot.FILE_NAME).write_bytes(b"\x80\x04 not a pickle")
    assert snapshot.load(tmp_path / "cache", "key") is None
    assert "not used" in caplog.text


def test_an_unwritable_cache_is_not_an_error(content, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    snapshot.save(blocker, "key", Library.load([content]), {})
    assert snapshot.load(blocker, "key") is None
    assert snapshot.load(None, "key") is None
