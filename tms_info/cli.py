"""The command line: `tms-info` opens the window; options choose the first page.

Qt is imported only when the window is needed, so `--version` and `--help` answer at once.
"""
from __future__ import annotations

import argparse
import logging
import sys

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
    return parser


def main(argv: list[str] | None = None) -> int:
    options = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    from tms_info.ui.app import run

    return run(options.open_page)
