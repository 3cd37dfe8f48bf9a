"""The command line: `tms-info` opens the window; `check` validates content; `search` searches it;
`export` saves PDF handouts.

Qt is imported only when the window is needed, so `--version`, `--help` and `check` answer at once
and work on a machine with no display.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from tms_info import APP_NAME, __version__


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
    parser.add_argument("--config", metavar="FILE", type=Path,
                        help="read the clinic configuration from FILE instead of the system-wide file")
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    check = commands.add_parser(
        "check", help="check the content for problems (front matter, links, pictures, reading level)",
        description="Check articles and glossary terms and print each problem as path:line: message. "
                    "Exit status 1 if there are errors. Ends with a table of words and reading grade.")
    _content_dirs(check, "check a clinic's content folder, laid over the bundled content (repeatable)")
    search = commands.add_parser(
        "search", help="search the articles and the glossary",
        description="Print the pages and glossary terms that match QUERY, best first.")
    search.add_argument("query", metavar="QUERY", nargs="+", help="what to look for, in everyday words")
    search.add_argument("--json", action="store_true", help="print a JSON list instead of text")
    search.add_argument("--limit", metavar="N", type=_positive, default=10, help="at most N results (default 10)")
    _content_dirs(search, "also search a clinic's content folder (repeatable)")
    export = commands.add_parser(
        "export", help="save articles as PDF handouts",
        description="Save one article, or all of them, as PDF handouts with sources, review date and page numbers.")
    export.add_argument("page", metavar="ARTICLE_ID", nargs="?", help="the article to save, e.g. about/what-is-tms")
    export.add_argument("--all", action="store_true", help="save every article, one PDF each, into the folder -o names")
    export.add_argument("-o", "--output", metavar="PATH", type=Path, required=True,
                        help="the PDF file to write (or, with --all, the folder)")
    return parser


def run_export(page_id: str | None, everything: bool, output: Path) -> int:
    if everything == bool(page_id):
        print("tms-info export: give one ARTICLE_ID, or --all", file=sys.stderr)
        return 2
    from PySide6.QtGui import QGuiApplication

    from tms_info.content.library import Library
    from tms_info.content.render import Renderer
    from tms_info.handouts import HandoutError, export_all, write_pdf
    from tms_info.locations import bundled_content_root

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    library = Library.load([bundled_content_root()])
    try:
        if everything:
            written = export_all(library, output)
            print(f"Saved {len(written)} handouts in {output}")
            return 0
        page = library.page(page_id)
        if page is None:
            print(f"tms-info export: there is no page called '{page_id}'", file=sys.stderr)
            return 2
        pages = write_pdf(Renderer(library), page, output)
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


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def run_search(query: str, limit: int, as_json: bool, content_dirs: list[Path]) -> int:
    import json

    from tms_info.content.library import Library
    from tms_info.content.search import SearchIndex
    from tms_info.locations import bundled_content_root

    library = Library.load([bundled_content_root()], local_roots=content_dirs)
    results = SearchIndex.open(library).search(query, limit)
    if as_json:
        print(json.dumps([hit.as_dict() for hit in results.hits], ensure_ascii=False, indent=2))
        return 0
    if results.message:
        print(results.message)
    for number, hit in enumerate(results.hits, start=1):
        target = hit.id + (f"#{hit.anchor}" if hit.anchor else "")
        print(f"{number}. {hit.title}  [{target}]" + ("  (from your clinic)" if hit.local else ""))
        if hit.where:
            print(f"   {hit.where}")
        print(f"   {hit.snippet}")
    if not results.hits and results.suggestions:
        names = [library.term(term_id).term for term_id in results.suggestions]
        print("Glossary words close to what you typed: " + ", ".join(names))
    if not results.hits:
        print("Topics: " + ", ".join(node.page.title for node in library.tree()))
    return 0


def run_check(content_dirs: list[Path]) -> int:
    from tms_info.content.check import check
    from tms_info.locations import bundled_content_root

    for folder in content_dirs:
        if not folder.is_dir():
            print(f"tms-info check: {folder}: no such folder", file=sys.stderr)
            return 2
    report = check([bundled_content_root(), *content_dirs], only_under=content_dirs)
    for finding in sorted(report.findings, key=lambda f: (str(f.path), f.line)):
        print(finding)
    if report.readability:
        print()
        print(report.table())
    errors, warnings = len(report.errors), len(report.findings) - len(report.errors)
    print()
    print(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    options = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    options.content_dirs = [*options.content_dirs, *getattr(options, "command_content_dirs", [])]
    if options.command == "check":
        logging.basicConfig(level=logging.ERROR, format="%(levelname)s: %(message)s")
        return run_check(options.content_dirs)
    if options.command == "export":
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
        return run_export(options.page, options.all, options.output)
    if options.command == "search":
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
        return run_search(" ".join(options.query), options.limit, options.json, options.content_dirs)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    from tms_info.ui.app import run

    return run(options.open_page, options.content_dirs, options.kiosk, options.config)
