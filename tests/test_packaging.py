"""The app as installed: the command line, the README's commands, and an installed copy that
finds its content from any folder."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tms_info import __version__

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def test_version_and_help_answer_without_opening_a_window():
    version = run(sys.executable, "-m", "tms_info", "--version")
    assert version.returncode == 0 and version.stdout.strip() == f"tms-info {__version__}"
    help_text = run(sys.executable, str(ROOT / "main.py"), "--help")
    assert help_text.returncode == 0
    assert "--open ARTICLE_ID" in help_text.stdout and "988" in help_text.stdout


def test_an_unknown_option_is_a_clear_error():
    result = run(sys.executable, "-m", "tms_info", "--bogus")
    assert result.returncode == 2 and "unrecognized arguments: --bogus" in result.stderr


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(python3 -m venv .+)\n```", readme)
    assert len(commands) == 2, "README should give exactly two set-up commands"
    assert "tms-info" in commands[0] and "pytest" in commands[1]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_an_installed_copy_finds_its_content_from_any_folder(tmp_path):
    target = tmp_path / "site"
    install = run(sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(ROOT))
    if install.returncode != 0:
        pytest.fail(f"pip could not install the project:\n{install.stderr[-2000:]}")
    script = (
        "import tms_info.locations as l, tms_info.content.library as lib, tms_info.content.render as r\n"
        f"root = l.resources_root(); assert str(root).startswith({str(target)!r}), root\n"
        "library = lib.Library.load([l.bundled_content_root()])\n"
        "html = r.Renderer(library).page_html(library.page('about/what-is-tms'))\n"
        "assert 'Last reviewed' in html and 'glossary:' in html and not library.problems\n"
        "import tms_info.content.style as s; assert 'font-size' in s.stylesheet()\n"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run(sys.executable, "-c", script, cwd=elsewhere, env={"PYTHONPATH": str(target), "PATH": ""})
    assert result.returncode == 0, result.stderr
    resources = target / "tms_info" / "resources"
    assert (resources / "translations" / "tms_info_es.qm").is_file()  # compiled from the .ts by the build
    assert (resources / "content" / "es" / "90-help-now.md").is_file()
    assert any((resources / "fonts").glob("*.ttf"))
    assert not (resources / "screenshots").exists()  # the README's picture is not part of the app
    licences = {path.name for path in target.glob("tms_info-*.dist-info/licenses/**/*") if path.is_file()}
    assert {"LICENSE", "OFL.txt"} <= licences


def test_the_sdist_holds_everything_to_run_the_tests(tmp_path):
    import tarfile

    built = run(sys.executable, "-m", "build", "--sdist", "--outdir", str(tmp_path), str(ROOT))
    if built.returncode != 0:
        pytest.fail(f"the sdist could not be built:\n{built.stderr[-2000:]}")
    (sdist,) = tmp_path.glob("tms_info-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {".ci/run", "LICENSE", "README.md", "main.py", "pyproject.toml", "tests/conftest.py",
            "resources/translations/tms_info_es.ts", "tms_info/translations_build.py"} <= names
    assert "tests/fixtures/reader/index.md" in names or any(name.startswith("tests/fixtures/") for name in names)


def test_linux_desktop_integration_files_are_complete():
    import configparser
    import xml.etree.ElementTree as ElementTree

    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str
    desktop.read(ROOT / "resources" / "desktop" / "org.tmsinfo.TmsInfo.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Exec"] == "tms-info" and entry["Icon"] == "tms-info"
    metainfo = ElementTree.parse(ROOT / "resources" / "desktop" / "org.tmsinfo.TmsInfo.metainfo.xml").getroot()
    assert metainfo.findtext("id") == "org.tmsinfo.TmsInfo"
    assert metainfo.find("launchable").text == "org.tmsinfo.TmsInfo.desktop"
    assert metainfo.find("releases/release").get("version") == __version__


def test_the_icon_comes_in_every_size(qapp):
    from PySide6.QtGui import QImage

    assert (ROOT / "resources" / "icons" / "tms-info.svg").read_text().startswith("<svg")
    for size in (16, 24, 32, 48, 64, 128, 256):
        image = QImage(str(ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "tms-info.png"))
        assert (image.width(), image.height()) == (size, size)


@pytest.mark.parametrize(("platform", "suffix"), [("win32", ".ico"), ("darwin", ".icns")])
def test_the_windows_and_macos_builds_have_their_program_icon(qapp, platform, suffix):
    from PySide6.QtGui import QImage

    from tms_info.freeze import platform_icon

    icon = platform_icon(platform)
    assert icon is not None and icon.suffix == suffix and icon.is_file()
    image = QImage(str(icon))
    assert not image.isNull() and image.width() >= 256
