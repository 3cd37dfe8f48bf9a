"""The tests cannot touch the machine: every place the app writes (its cache, its start-up snapshot,
its search index, its settings) is inside the session's own home folder (tests/conftest.py)."""
from __future__ import annotations

from pathlib import Path

from conftest import REAL_HOME, SESSION_HOME


def inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def test_the_cache_and_the_settings_are_in_the_sessions_home(qapp):
    from tms_info.ui.app import cache_dir
    from tms_info.ui.settings import settings_path

    assert inside(cache_dir(), SESSION_HOME) and not inside(cache_dir(), REAL_HOME)
    assert not inside(settings_path(), REAL_HOME)


def test_a_window_writes_its_index_and_snapshot_in_the_sessions_home(qtbot):
    from tms_info.ui.app import cache_dir, create_window

    window = create_window(language="en")
    qtbot.addWidget(window)
    window.show()
    window.start_search_index()
    qtbot.waitUntil(lambda: window.search.index is not None, timeout=30_000)
    written = [path for path in cache_dir().rglob("*") if path.is_file()]
    assert any(path.suffix == ".sqlite" for path in written)
    assert all(inside(path, SESSION_HOME) for path in written)
    assert not inside(cache_dir(), REAL_HOME)
