"""What the window may do on this computer.

A person's own computer allows everything. A waiting-room kiosk hides the commands that write files or
close the app, never opens websites, prints only on paper and keeps its panels where they are. The
window is given one policy and asks it; a new restriction is one field here, not a check in the window.
(The kiosk's timers, exit keys and full screen are tms_info.ui.kiosk's.)
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WindowPolicy:
    hidden_commands: frozenset[str] = frozenset()  # ids of tms_info.ui.actions.COMMANDS not offered
    writes_files: bool = True  # PDFs and printing to a file
    opens_websites: bool = True  # a link to a website opens in the browser, after asking
    panels_movable: bool = True  # panels may float and close, the toolbar may be hidden
    keeps_layout: bool = True  # the window's place and panels, and the page, are kept for the next start


PERSONAL = WindowPolicy()
KIOSK = WindowPolicy(hidden_commands=frozenset({"pdf", "quit", "save", "my_pages"}), writes_files=False,
                     opens_websites=False, panels_movable=False, keeps_layout=False)
"""A kiosk: every visitor gets the clinic's layout, whatever the last one did with the panels."""
