"""How the code is put together: commands as data that all lead somewhere, a kiosk that is a policy
plus a timer rather than checks inside the window, and no import cycles anywhere in the package."""
from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from tms_info.ui import actions
from tms_info.ui.kiosk import Kiosk
from tms_info.ui.policy import KIOSK

PACKAGE = Path(__file__).resolve().parents[1] / "tms_info"


def test_every_command_runs_something_on_the_window_and_is_in_a_menu(window):
    in_menus = {entry for _menu, _title, entries in actions.MENUS for entry in entries}
    for command in actions.COMMANDS:
        assert command.id in in_menus, f"{command.id} cannot be reached from the menus"
        if command.slot:
            target = window
            for name in command.slot.split("."):
                target = getattr(target, name)
            assert callable(target), command.slot
        else:
            assert command.id in actions.PANELS, f"{command.id} does nothing"
    assert set(actions.TOOLBAR) - {actions.SEPARATOR} <= {command.id for command in actions.COMMANDS}
    assert set(KIOSK.hidden_commands) <= {command.id for command in actions.COMMANDS}


def test_the_panel_commands_follow_their_panels(window, qtbot):
    glossary = window.action("glossary")
    window.glossary_dock.close()
    assert not glossary.isChecked(), "closed by its own button: the menu shows it closed"
    glossary.trigger()
    assert window.glossary_dock.isVisible() and glossary.isChecked()


def test_a_personal_window_has_no_kiosk_and_allows_everything(window):
    assert Kiosk.of(window) is None
    assert window.action("pdf").isVisible() and window.action("quit").isEnabled()


def test_a_kiosk_that_has_ended_no_longer_watches_the_application(qtbot, make_kiosk):
    window = make_kiosk(idle_timeout=60)
    kiosk = Kiosk.of(window)
    qtbot.waitUntil(lambda: kiosk._watching)  # from the first paint on
    kiosk.leave()
    assert not kiosk.idle.isActive()
    kiosk.leaving = False  # were it still listening, the key below would restart its timer
    QApplication.sendEvent(window.view, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier))
    assert not kiosk.idle.isActive(), "a key pressed after the kiosk ended starts no fresh start"


def _imports(path: Path) -> set[str]:
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("tms_info") and name != module}


def test_no_module_of_the_package_imports_one_that_imports_it_back():
    """Type-checking and function-level imports count too: a cycle is a cycle to a reader."""
    modules = {".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__"): p
               for p in PACKAGE.rglob("*.py")}
    graph = {name: {i for i in _imports(path) if i in modules and i != "tms_info"} for name, path in modules.items()}
    cycles = []

    def visit(name: str, trail: list[str]) -> None:
        for imported in graph[name]:
            if imported in trail:
                cycles.append([*trail[trail.index(imported):], imported])
            elif len(trail) < 40:
                visit(imported, [*trail, imported])

    for name in graph:
        visit(name, [name])
    assert not cycles, f"import cycles: {cycles[:3]}"


_FIRST_PAINT = """
import os, sys
from PySide6.QtCore import QTimer
from tms_info.ui import app as app_module

app = app_module.create_application()
from pathlib import Path
window = app_module.create_window("basics/first", [Path(sys.argv[1])])
later = ("tms_info.ui.article_accessibility", "tms_info.ui.focus_ring", "tms_info.ui.kiosk", "tms_info.ui.paper",
         "tms_info.ui.dialogs", "tms_info.content.search", "tms_info.handouts", "PySide6.QtPrintSupport",
         "tms_info.ui.glossary_panel", "tms_info.ui.my_pages")
print("BEFORE", *[name for name in later if name in sys.modules], flush=True)
from PySide6.QtGui import QAccessible
print("EARLY", type(QAccessible.queryAccessibleInterface(window.view)).__name__, flush=True)  # as AT-SPI may ask

def after():
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QFocusFrame
    interface = QAccessible.queryAccessibleInterface(window.view)
    print("AFTER", type(interface).__name__, bool(window.findChildren(QFocusFrame) or app.findChildren(QFocusFrame)),
          "tms_info.ui.focus_ring" in sys.modules, window.panels.built, flush=True)
    app.exit(0)

window.view.firstPainted.connect(lambda: QTimer.singleShot(50, after))
sys.exit(app.exec())
"""


def test_the_first_paint_loads_only_what_it_shows_and_the_rest_comes_right_after(tmp_path):
    """Screen-reader structure, focus rings, the panels' contents, search, paper and the kiosk are not
    needed to show the first page; the first three are there a moment after it (tests/bench_startup.py
    measures how long)."""
    import os
    import subprocess
    import sys

    from conftest import READER_CONTENT

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "TMS_INFO_CONFIG": str(tmp_path / "none.ini")}
    (tmp_path / "none.ini").write_text("[clinic]\n", encoding="utf-8")
    child = subprocess.run([sys.executable, "-c", _FIRST_PAINT, str(READER_CONTENT)], env=env, capture_output=True,
                           text=True, timeout=60, cwd=PACKAGE.parent)
    lines = {line.split()[0]: line.split()[1:] for line in child.stdout.splitlines() if line[:1].isupper()}
    assert lines.get("BEFORE") == [], child.stdout + child.stderr
    assert lines.get("EARLY") == ["ArticleAccessible"], "a screen reader asking at once gets the page's structure"
    assert lines.get("AFTER", [""])[0] == "ArticleAccessible", "and so it does later"
    assert lines["AFTER"][2] == "True", "the focus rings are there"
    assert lines["AFTER"][3] == "True", "the glossary and My pages are built"


def test_the_colours_and_text_size_a_window_set_go_when_it_closes(make_window):
    before_font, before_base = QApplication.font(), QApplication.palette().base().color().name()
    window = make_window()
    window.set_theme("dark")
    window.larger_text()
    assert QApplication.palette().base().color().name() != before_base
    assert QApplication.font() != before_font
    window.close()
    assert QApplication.palette().base().color().name() == before_base, "the system's colours are back"
    assert QApplication.font() == before_font, "and its text size"


def test_a_window_that_took_over_the_look_keeps_it_when_the_first_closes(make_window):
    first = make_window()
    second = make_window()  # as when the reader changes language: the new window opens, then the old closes
    second.set_theme("high-contrast")
    first.close()
    assert QApplication.palette().base().color().name() == "#000000"
