"""The build step that compiles the window's translations: each resources/translations/*.ts
(the source kept in the repository) becomes a .qm beside it, with pyside6-lrelease, when the
package is built or installed (`pip install .` and `pip install -e .` alike).

A hatchling build hook (pyproject.toml, [tool.hatch.build.hooks.custom]); not part of the app.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def lrelease_command() -> list[str]:
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    return [sys.executable, "-c", "from PySide6.scripts.pyside_tool import lrelease; lrelease()"]


def compile_translations(folder: Path) -> list[Path]:
    made = []
    for source in sorted(folder.glob("*.ts")):
        target = source.with_suffix(".qm")
        subprocess.run([*lrelease_command(), "-silent", str(source), "-qm", str(target)], check=True)
        made.append(target)
    return made


class TranslationsHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        compile_translations(Path(self.root) / "resources" / "translations")
