"""The command line: `tms-info` opens the window; `tms-info check` validates content.

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
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    check = commands.add_parser(
        "check", help="check the content for problems (front matter, links, pictures, reading level)",
        description="Check articles and glossary terms and print each problem as path:line: message. "
                    "Exit status 1 if there are errors. Ends with a table of words and reading grade.")
    check.add_argument("--content-dir", metavar="DIR", type=Path, action="append", default=[],
                       help="check a clinic's content folder, laid over the bundled content (repeatable)")
    return parser


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
    if options.command == "check":
        logging.basicConfig(level=logging.ERROR, format="%(levelname)s: %(message)s")
        return run_check(options.content_dir)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    from tms_info.ui.app import run

    return run(options.open_page)
