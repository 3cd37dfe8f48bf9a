"""Every command of `tms-info` reads the same content as the window: the bundled library with the
clinic's folders from the configuration file, TMS_INFO_CONTENT_DIR and --content-dir laid on top.
And the command line ends quietly when its reader goes away, and answers bad input in one line.

Each test runs `python -m tms_info` in a subprocess with a home, cache and configuration of its own
in tmp_path: nothing here reads or writes the real home folder or the system-wide configuration.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import write

WORD = "zorblefrump"  # in no bundled page, whatever their wording becomes


def clinic_page(folder: Path, title: str = "Parking at our clinic", name: str = "01-visiting-us.md") -> Path:
    return write(folder / "01-our-clinic" / name,
                 f"---\ntitle: {title}\nsummary: Where to park.\n---\nThe {WORD} car park is behind the building.\n")


@pytest.fixture
def clinic(tmp_path) -> Path:
    folder = tmp_path / "clinic"
    clinic_page(folder)
    return folder


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    """An environment of the test's own: a home, XDG folders and an empty configuration file in
    tmp_path (so the system-wide file is never read), and no clinic folders."""
    home = tmp_path / "home"
    folders = {name: home / sub for name, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache"),
                                                  ("XDG_DATA_HOME", ".local/share"), ("XDG_RUNTIME_DIR", "run"))}
    for folder in folders.values():
        folder.mkdir(parents=True, mode=0o700)
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("TMS_INFO_", "XDG_"))}
    environment.update({key: str(value) for key, value in folders.items()})
    environment.update(HOME=str(home), USERPROFILE=str(home), APPDATA=str(home / "AppData"),
                       LOCALAPPDATA=str(home / "AppData"), QT_QPA_PLATFORM="offscreen",
                       TMS_INFO_CONFIG=str(write(tmp_path / "empty.ini", "[clinic]\n")))
    return environment


def tms_info(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tms_info", *args], capture_output=True, text=True, timeout=300,
                          env=env)


def config_file(tmp_path: Path, *folders: Path, name: str = "Riverside Clinic") -> Path:
    lines = "".join(f"\n    {folder}" for folder in folders)
    return write(tmp_path / "tms-info.ini", f"[clinic]\nname = {name}\ncontent_dirs ={lines}\n")


def hit_ids(result: subprocess.CompletedProcess) -> list[str]:
    assert result.returncode == 0, result.stderr
    return [hit["id"] for hit in json.loads(result.stdout)]


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


# ----- one way to find the clinic's folders ------------------------------------------------------

def test_the_folders_come_in_the_windows_order(monkeypatch, tmp_path):
    from tms_info.config import Config, clinic_content_dirs

    monkeypatch.setenv("TMS_INFO_CONTENT_DIR", os.pathsep.join([str(tmp_path / "env1"), str(tmp_path / "env2")]))
    config = Config(content_dirs=(tmp_path / "conf",))
    assert clinic_content_dirs(config, [tmp_path / "cli"]) == [
        tmp_path / "conf", tmp_path / "env1", tmp_path / "env2", tmp_path / "cli"]


# ----- search ------------------------------------------------------------------------------------

def test_search_finds_a_clinic_page_named_in_the_configuration_file(env, tmp_path, clinic):
    env["TMS_INFO_CONFIG"] = str(config_file(tmp_path, clinic))
    result = tms_info(env, "search", WORD)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("1. Parking at our clinic  [our-clinic/visiting-us]  (from your clinic)")


def test_search_finds_a_clinic_page_given_with_config(env, tmp_path, clinic):
    path = config_file(tmp_path, clinic)
    for args in (["--config", str(path), "search", WORD], ["search", WORD, "--config", str(path)]):
        assert hit_ids(tms_info(env, *args, "--json")) == ["our-clinic/visiting-us"], args


def test_search_finds_a_clinic_page_named_in_TMS_INFO_CONTENT_DIR(env, clinic):
    env["TMS_INFO_CONTENT_DIR"] = str(clinic)
    result = tms_info(env, "search", "--json", WORD)
    assert hit_ids(result) == ["our-clinic/visiting-us"]
    assert json.loads(result.stdout)[0]["from_clinic"] is True


def test_a_later_folder_replaces_a_page_as_in_the_window(env, tmp_path, clinic):
    """The configuration's folder, then TMS_INFO_CONTENT_DIR's, then --content-dir: the last one wins."""
    from_env, from_command = tmp_path / "from-env", tmp_path / "from-command"
    clinic_page(from_env, "Parking (from the environment)")
    clinic_page(from_command, "Parking (from the command line)")
    env["TMS_INFO_CONFIG"] = str(config_file(tmp_path, clinic))
    env["TMS_INFO_CONTENT_DIR"] = str(from_env)
    result = tms_info(env, "search", "--json", WORD)
    assert [hit["title"] for hit in json.loads(result.stdout)] == ["Parking (from the environment)"]
    result = tms_info(env, "search", "--json", "--content-dir", str(from_command), WORD)
    assert [hit["title"] for hit in json.loads(result.stdout)] == ["Parking (from the command line)"]


def test_search_piped_to_head_ends_quietly(env, tmp_path):
    """`tms-info search ... | head -1`: more results than a pipe holds, and a reader that leaves
    after the first line. No BrokenPipeError traceback; the status a shell gives for SIGPIPE."""
    folder = tmp_path / "many"
    for number in range(400):
        write(folder / "01-many" / f"{number:03d}-page-{number}.md",
              f"---\ntitle: {WORD} page {number} {'with a long title ' * 12}\nsummary: A page.\n---\n"
              f"The {WORD} is here, page {number}. {'More words about it. ' * 10}\n")
    with subprocess.Popen([sys.executable, "-m", "tms_info", "search", "--content-dir", str(folder), "--limit",
                           "1000", WORD], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True) as process:
        first = process.stdout.readline()
        process.stdout.close()
        errors = process.stderr.read()
        status = process.wait(timeout=120)
    assert first.startswith("1. ") and WORD in first.casefold()
    assert errors == "", errors
    assert status in (0, 141)


# ----- export ------------------------------------------------------------------------------------

def test_export_saves_a_clinic_page_given_with_content_dir(env, tmp_path, clinic):
    for number, args in enumerate((["export", "--content-dir", str(clinic)], ["--content-dir", str(clinic), "export"])):
        target = tmp_path / f"parking-{number}.pdf"
        result = tms_info(env, *args, "our-clinic/visiting-us", "-o", str(target))
        assert result.returncode == 0 and result.stderr == "", result.stderr
        assert "Saved" in result.stdout
        assert f"The {WORD} car park is behind the building." in pdf_text(target), args


def test_export_saves_a_clinic_page_from_the_configuration_with_the_clinics_name(env, tmp_path, clinic):
    env["TMS_INFO_CONFIG"] = str(config_file(tmp_path, clinic))
    target = tmp_path / "parking.pdf"
    result = tms_info(env, "export", "our-clinic/visiting-us", "-o", str(target))
    assert result.returncode == 0 and result.stderr == "", result.stderr
    text = pdf_text(target)
    assert f"The {WORD} car park" in text and "Riverside Clinic" in text


def test_export_finds_a_clinic_page_named_in_TMS_INFO_CONTENT_DIR(env, tmp_path, clinic):
    env["TMS_INFO_CONTENT_DIR"] = str(clinic)
    result = tms_info(env, "export", "our-clinic/visiting-us", "-o", str(tmp_path / "parking.pdf"))
    assert result.returncode == 0, result.stderr
    assert f"The {WORD} car park" in pdf_text(tmp_path / "parking.pdf")


# ----- check -------------------------------------------------------------------------------------

def test_check_checks_the_clinic_folder_named_in_the_configuration(env, tmp_path, clinic):
    write(clinic / "01-our-clinic" / "02-broken.md", "---\ntitle: Broken\nsummary: A link.\n---\n[x](99-nowhere.md)\n")
    env["TMS_INFO_CONFIG"] = str(config_file(tmp_path, clinic))
    result = tms_info(env, "check")
    assert result.returncode == 1
    assert f"{clinic / '01-our-clinic' / '02-broken.md'}:5: link to a page that does not exist" in result.stdout
    assert "about/what-is-tms" not in result.stdout, "with a clinic folder, only its files are reported"


def test_check_counts_a_broken_configuration_and_a_missing_folder_as_errors(env, tmp_path):
    env["TMS_INFO_CONFIG"] = str(write(tmp_path / "broken.ini", "[clinic]\nkiosk = perhaps\n"))
    env["TMS_INFO_CONTENT_DIR"] = str(tmp_path / "gone")
    result = tms_info(env, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "'kiosk = perhaps' is not valid" in result.stdout
    assert f"{tmp_path / 'gone'}:1: content folder not found" in result.stdout


# ----- bad input ---------------------------------------------------------------------------------

@pytest.mark.parametrize("command", [["search", "tms"], ["export", "about/what-is-tms", "-o", "x.pdf"], ["check"]])
@pytest.mark.parametrize(("option", "message"), [("--content-dir", "no such folder"),
                                                 ("--config", "no such configuration file")])
def test_a_missing_file_or_folder_on_the_command_line_is_one_clear_line(env, tmp_path, command, option, message):
    missing = tmp_path / "nope"
    result = tms_info(env, *command, option, str(missing))
    assert result.returncode == 2
    assert result.stderr == f"tms-info {command[0]}: {missing}: {message}\n"


@pytest.mark.parametrize("text", ["not an ini file", "[clinic\nname = x", "[clinic]\ncontent_dirs = {gone}\n"])
def test_search_goes_on_after_a_broken_configuration_and_says_so_in_one_line(env, tmp_path, clinic, text):
    env["TMS_INFO_CONFIG"] = str(write(tmp_path / "broken.ini", text.format(gone=tmp_path / "gone")))
    env["TMS_INFO_CONTENT_DIR"] = str(clinic)
    result = tms_info(env, "search", "--json", WORD)
    assert hit_ids(result) == ["our-clinic/visiting-us"]
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("WARNING: ") and "Traceback" not in result.stderr
    assert str(tmp_path / ("gone" if "gone" in text else "broken.ini")) in lines[0]
