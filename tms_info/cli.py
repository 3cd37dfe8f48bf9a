"""The command line: `tms-info` opens the window; `check` validates content; `search` searches it;
`export` saves PDF handouts.

Every command reads the content the window shows (clinic_content: the configuration file, then
TMS_INFO_CONTENT_DIR, then --content-dir). Qt is imported only when the window is needed, so
`--version`, `--help` and `check` answer at once and work on a machine with no display.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tms_info import APP_NAME, __version__
from tms_info.content.languages import LANGUAGES, choose_language, known_language, system_language

if TYPE_CHECKING:
    from tms_info.config import Config
    from tms_info.content.library import Library

log = logging.getLogger(__name__)
SIGPIPE_STATUS = 128 + 13  # what a shell reports for a program ended by SIGPIPE, as `yes | head -1`


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tms-info",
        description=f"{APP_NAME}: offline, plain-language information about transcranial magnetic "
                    "stimulation (TMS) for depression. It never connects to the internet.",
        epilog="In a crisis, call your local emergency number (911 in the US, 999 in the UK, 112 in the EU), "
               "or in the US call or text 988.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--open", metavar="ARTICLE_ID", dest="open_page",
                        help="open this page first, for example about/what-is-tms")
    _content_dirs(parser, "add a clinic's own pages from this folder (repeatable; also TMS_INFO_CONTENT_DIR)",
                  in_command=False)
    parser.add_argument("--kiosk", action="store_true",
                        help="waiting-room mode: full screen, starts afresh when idle, writes nothing to disk")
    _config_file(parser, in_command=False)
    _language(parser, in_command=False)
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    check = commands.add_parser(
        "check", help="check the content for problems (front matter, links, pictures, reading level)",
        description="Check articles and glossary terms and print each problem as path:line: message. "
                    "Exit status 1 if there are errors. Ends with a table of words and reading grade.")
    _content_dirs(check, "check a clinic's content folder, laid over the bundled content (repeatable)")
    _config_file(check)
    _language(check)
    search = commands.add_parser(
        "search", help="search the articles and the glossary",
        description="Print the pages and glossary terms that match QUERY, best first.")
    search.add_argument("query", metavar="QUERY", nargs="+", help="what to look for, in everyday words")
    search.add_argument("--json", action="store_true", help="print a JSON list instead of text")
    search.add_argument("--limit", metavar="N", type=_positive, default=10, help="at most N results (default 10)")
    _content_dirs(search, "also search a clinic's content folder (repeatable)")
    _config_file(search)
    _language(search)
    export = commands.add_parser(
        "export", help="save articles as PDF handouts",
        description="Save one article, or all of them, as PDF handouts with sources, review date and page numbers.")
    export.add_argument("page", metavar="ARTICLE_ID", nargs="?", help="the article to save, e.g. about/what-is-tms")
    export.add_argument("--all", action="store_true", help="save every article, one PDF each, into the folder -o names")
    export.add_argument("-o", "--output", metavar="PATH", type=Path, required=True,
                        help="the PDF file to write (or, with --all, the folder)")
    _content_dirs(export, "also export a clinic's own pages from this folder (repeatable)")
    _config_file(export)
    _language(export)
    return parser


@dataclass(frozen=True)
class ClinicContent:
    """What the window would show on this computer: the bundled content in the reader's language
    with the clinic's folders laid on top, and the configuration they came from."""

    config: Config
    roots: tuple[Path, ...]
    local: tuple[Path, ...]
    language: str = "en"

    def library(self) -> Library:
        from tms_info.content.library import Library

        return Library.load(self.roots, local_roots=self.local, language=self.language,
                            unlabelled_language=self.config.folder_language)


class BadInput(Exception):
    """Something named on the command line that cannot be used: one line, exit status 2."""


def clinic_content(options: argparse.Namespace) -> ClinicContent:
    """The one way every command finds its content, the window's way (tms_info.ui.app): the
    configuration file (--config, else TMS_INFO_CONFIG, else the system-wide file), then the folders
    of its `content_dirs`, TMS_INFO_CONTENT_DIR and --content-dir, in that order.

    A file or folder named on the command line must exist (BadInput). As in the window, problems in
    the configuration and in the folders it or the environment names do not stop a command: they are
    in `config.problems` and the library's problems."""
    from tms_info.config import library_roots, read_config

    if options.config is not None and not options.config.exists():
        raise BadInput(f"{options.config}: no such configuration file")
    for folder in options.content_dirs:
        if not folder.is_dir():
            raise BadInput(f"{folder}: no such folder")
    config = read_config(options.config)
    language = choose_language(options.language, config.language, system_language())
    return ClinicContent(config, *library_roots(config, options.content_dirs, language), language)



def _log_problems(content: ClinicContent) -> None:
    for problem in content.config.problems:
        log.warning("%s", problem)


def run_export(page_id: str | None, everything: bool, output: Path, content: ClinicContent) -> int:
    if everything == bool(page_id):
        print("tms-info export: give one ARTICLE_ID, or --all", file=sys.stderr)
        return 2
    from PySide6.QtGui import QGuiApplication

    from tms_info.content.render import Renderer
    from tms_info.handouts import HandoutError, export_all, write_pdf

    _log_problems(content)
    clinic = content.config.clinic_name
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    from tms_info.ui.translation import install_language

    install_language(content.language)
    library = content.library()
    try:
        if everything:
            written = export_all(library, output, clinic, content.config.clinic_phone)
            print(f"Saved {len(written)} handouts in {output}")
            return 0
        page = library.page(page_id)
        if page is None:
            print(f"tms-info export: there is no page called '{page_id}'", file=sys.stderr)
            return 2
        pages = write_pdf(Renderer(library, clinic), page, output, clinic=clinic, phone=content.config.clinic_phone)
        print(f"Saved {output} ({pages} page{'s' * (pages != 1)})")
        return 0
    except HandoutError as error:
        print(f"tms-info export: {error}", file=sys.stderr)
        return 1
    finally:
        del app


def _content_dirs(parser: argparse.ArgumentParser, help_text: str, in_command: bool = True) -> None:
    """--content-dir, on the main parser and on a command; both places count (`tms-info --content-dir X
    check` and `tms-info check --content-dir X` alike)."""
    parser.add_argument("--content-dir", metavar="DIR", type=Path, action="append",
                        default=argparse.SUPPRESS if in_command else [],
                        dest="command_content_dirs" if in_command else "content_dirs", help=help_text)


def _config_file(parser: argparse.ArgumentParser, in_command: bool = True) -> None:
    """--config, on the main parser and on a command; the command's wins."""
    parser.add_argument("--config", metavar="FILE", type=Path,
                        default=argparse.SUPPRESS if in_command else None,
                        dest="command_config" if in_command else "config",
                        help="read the clinic configuration from FILE instead of TMS_INFO_CONFIG or the "
                             "system-wide file")


def _language(parser: argparse.ArgumentParser, in_command: bool = True) -> None:
    """--language, on the main parser and on a command; the command's wins."""
    parser.add_argument("--language", metavar="CODE", default=argparse.SUPPRESS if in_command else None,
                        dest="command_language" if in_command else "language",
                        help="the language to use: " + ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
                             + "; else the configuration file's, else the system's")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def run_search(query: str, limit: int, as_json: bool, content: ClinicContent) -> int:
    import json

    from tms_info.content.search import SearchIndex

    from tms_info.content.i18n import translate

    _log_problems(content)
    if content.language != "en":  # the words around the results, in the reader's language
        from PySide6.QtCore import QCoreApplication

        from tms_info.ui.translation import install_language

        app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])  # noqa: F841 - translators need one
        install_language(content.language)
    library = content.library()
    results = SearchIndex.open(library).search(query, limit)
    if as_json:
        print(json.dumps([hit.as_dict() for hit in results.hits], ensure_ascii=False, indent=2))
        return 0
    if results.message:
        print(results.message)
    for number, hit in enumerate(results.hits, start=1):
        target = hit.id + (f"#{hit.anchor}" if hit.anchor else "")
        print(f"{number}. {hit.title}  [{target}]" + (translate("Search", "  (from your clinic)") if hit.local else ""))
        if hit.where:
            print(f"   {hit.where}")
        print(f"   {hit.snippet}")
    if not results.hits and results.suggestions:
        names = [library.term(term_id).term for term_id in results.suggestions]
        print(translate("Search", "Glossary words close to what you typed: {words}").format(words=", ".join(names)))
    if not results.hits:
        topics = ", ".join(node.page.title for node in library.tree())
        print(translate("Search", "Topics: {topics}").format(topics=topics))
    return 0


def run_check(content: ClinicContent) -> int:
    """Checks what the window would show; with clinic folders, reports only their files. A problem in
    the configuration file counts as an error here."""
    from tms_info.content.check import check

    for problem in content.config.problems:
        print(problem)
    report = check([*content.roots, *content.local], only_under=content.local, language=content.language,
                   unlabelled_language=content.config.folder_language)
    for finding in sorted(report.findings, key=lambda f: (str(f.path), f.line)):
        print(finding)
    if report.readability:
        print()
        print(report.table())
    if report.reading_level_skipped:
        print()
        print("Reading level not measured: it needs textstat. Install it with: pip install 'tms-info[check]'")
    errors = len(report.errors) + len(content.config.problems)
    warnings = len(report.findings) - len(report.errors)
    print()
    print(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    return 1 if errors else 0


def _run_command(options: argparse.Namespace) -> int:
    content = clinic_content(options)
    if options.command == "check":
        return run_check(content)
    if options.command == "export":
        return run_export(options.page, options.all, options.output, content)
    return run_search(" ".join(options.query), options.limit, options.json, content)


def main(argv: list[str] | None = None) -> int:
    options = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    options.content_dirs = [*options.content_dirs, *getattr(options, "command_content_dirs", [])]
    options.config = getattr(options, "command_config", options.config)
    options.language = getattr(options, "command_language", options.language)
    if options.language is not None and known_language(options.language) is None:
        print(f"tms-info: there is no language '{options.language}'; using English", file=sys.stderr)
        options.language = "en"
    if options.command is None:
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
        from tms_info.ui.app import run

        return run(options.open_page, options.content_dirs, options.kiosk, options.config, options.language)
    # check reports the library's problems itself, as path:line: message
    logging.basicConfig(level=logging.ERROR if options.command == "check" else logging.WARNING,
                        format="%(levelname)s: %(message)s")
    try:
        status = _run_command(options)
        sys.stdout.flush()  # here, so that a closed pipe is seen here and not at exit
        return status
    except BadInput as error:
        print(f"tms-info {options.command}: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`tms-info search x | head -1`): stop quietly. Python's advice (the
        # signal module's "Note on SIGPIPE"): point stdout at devnull so the flush at exit is silent.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return SIGPIPE_STATUS
