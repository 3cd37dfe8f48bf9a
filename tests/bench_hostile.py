"""Hostile-content benchmark (issue 14's budgets): run it by hand and read the table (about a minute).

    .venv/bin/python tests/bench_hostile.py

Every figure is set beside a baseline measured in the same run, each in its own process with its
home, settings and cache folders in a temporary folder:
- `tms-info check` on a clinic folder with one 5 MB page: at most 3x checking the bundled content
  alone (a page at the size limit, library.MAX_PAGE_BYTES, is reported too: it is really rendered).
- Opening the largest page the limit allows (ordinary prose: headings, paragraphs, lists, a table)
  in the window, once it is at rest (search index built): its text in the view within 2 s, and no
  gap longer than 100 ms between the ticks of a 10 ms timer on the UI thread. The longest bundled
  article, opened the same way, and the idle window are the baseline.
- Peak memory (ru_maxrss at the first paint, as bench_startup.py measures it) with one hostile file
  in a clinic folder: at most 150 MiB more than the bundled content alone. The lay-words bomb only
  counts once search runs, so `tms-info search` is measured with it too. Each child runs under a
  4 GiB address-space limit and a time-out, so that a regression ends in a MISSED row, not a
  frozen machine.
"""
from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from tms_info.content.library import MAX_PAGE_BYTES  # noqa: E402

CHECK_ROUNDS = 2
FIVE_MB = 5 * 1024 * 1024
ADDRESS_SPACE_LIMIT = 4 * 1024**3
CHILD_TIMEOUT = 60
FIRST_TEXT = "This long page was written for the benchmark."
LAST_TEXT = "Here the long page ends."

# Opens pages in a window at rest and reports, as one JSON line, when each page's first words were
# in the view and the longest gap between the ticks of a 10 ms timer while it opened.
OPEN_CHILD = r'''
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication
from tms_info.content.library import Library
from tms_info.locations import bundled_content_root
from tms_info.ui.main_window import MainWindow
from tms_info.ui.settings import Preferences, open_settings

clinic, settings_folder, pages = Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
app = QApplication(sys.argv[:1])
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_folder)
library = Library.load([bundled_content_root()], local_roots=[clinic])
window = MainWindow(library, Preferences(open_settings()), None)
window.resize(1200, 800)
window.show()
window.start()

ticks = []
ticker = QTimer()
ticker.setTimerType(Qt.TimerType.PreciseTimer)
ticker.setInterval(10)
ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
ticker.start()

def run_until(condition, most):
    """Runs the event loop until condition() (checked every 20 ms) or `most` seconds; the time it held."""
    loop, found, deadline = QEventLoop(), [None], time.perf_counter() + most
    def check():
        if found[0] is None and condition():
            found[0] = time.perf_counter()
        if found[0] is not None or time.perf_counter() > deadline:
            loop.quit()
    checker = QTimer()
    checker.timeout.connect(check)
    checker.start(20)
    loop.exec()
    checker.stop()
    return found[0]

def longest_gap(since, until):
    before = [t for t in ticks if t < since][-1:]
    inside = before + [t for t in ticks if since <= t <= until]
    return max((b - a for a, b in zip(inside, inside[1:])), default=until - since)

def in_view(text):
    cursor = window.view.document().find(text)
    return not cursor.isNull() and window.view.viewport().rect().contains(window.view.cursorRect(cursor).center())

index_ready = run_until(lambda: window.index_loader.index is not None or window.index_loader.error is not None, 30)
idle_start = time.perf_counter()
run_until(lambda: False, 0.5)
results = {"index_ready": index_ready is not None, "idle_gap": longest_gap(idle_start, time.perf_counter())}
for page_id, first, last in pages:
    started = time.perf_counter()
    window.open_page(page_id)
    shown = run_until(lambda: in_view(first), 30)
    whole = not window.view.document().find(last).isNull() if shown is not None else False
    run_until(lambda: False, 0.5)  # layout and painting that follow the text
    results[page_id] = {"appeared": None if shown is None else shown - started, "whole": whole,
                        "gap": longest_gap(started, time.perf_counter()), "title": window.windowTitle()}
from tms_info.content.render import Renderer
for page_id, _, _ in pages:  # the share of the Markdown rendering, by a fresh renderer (no cache)
    started = time.perf_counter()
    Renderer(library).page_html(library.page(page_id))
    results[page_id]["render"] = time.perf_counter() - started
print("open-result " + json.dumps(results), flush=True)
'''

# Runs the command line in-process and prints its peak memory, for `tms-info search`.
PEAK_CHILD = r'''
import resource, sys
from tms_info.cli import main
try:
    status = main(sys.argv[1:])
finally:
    sys.stdout.flush()
print(f"peak-kib {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
sys.exit(status)
'''


def prose_page(size: int, words: list[str], rng: random.Random, title: str) -> str:
    """A page of ordinary prose just under `size` bytes: headings, paragraphs with some bold and
    italic words, bulleted and numbered lists and a table, first and last sentences known."""

    def sentence(low: int = 8, high: int = 18) -> str:
        chosen = rng.choices(words, k=rng.randint(low, high))
        if rng.random() < 0.3:
            chosen[rng.randrange(len(chosen))] = f"**{rng.choice(words)}**"
        if rng.random() < 0.2:
            chosen[rng.randrange(len(chosen))] = f"*{rng.choice(words)}*"
        return " ".join(chosen).capitalize() + "."

    head = (f"---\ntitle: {title}\nsummary: A long page of ordinary prose, for the benchmark.\n"
            f"reviewed: 2026-11-30\nsources: ['Generated for the benchmark.']\n---\n{FIRST_TEXT}\n\n")
    end = f"{LAST_TEXT}\n"
    blocks: list[str] = []
    used = len(head.encode()) + len(end.encode())
    number = 0
    while True:
        kind = number % 12
        if kind == 0:
            block = f"## {' '.join(rng.choices(words, k=4)).capitalize()}"
        elif kind == 4:
            block = "\n".join(f"- {sentence(4, 10)}" for _ in range(5))
        elif kind == 7:
            block = "\n".join(f"{item}. {sentence(4, 10)}" for item in range(1, 5))
        elif kind == 10:
            rows = [f"| {rng.choice(words)} | {sentence(3, 6)} | {rng.randint(1, 99)} |" for _ in range(8)]
            block = "\n".join(["| Word | What it means | Sessions |", "| --- | --- | --- |", *rows])
        else:
            block = " ".join(sentence() for _ in range(rng.randint(3, 6)))
        cost = len(block.encode()) + 2
        if used + cost > size:
            break
        blocks.append(block)
        used += cost
        number += 1
    text = head + "".join(block + "\n\n" for block in blocks) + end
    assert len(text.encode()) <= size, len(text.encode())
    return text


def use_bomb_svg(levels: int = 8, copies: int = 10) -> str:
    groups = ['<g id="l0"><rect width="1" height="1"/></g>']
    for level in range(1, levels + 1):
        groups.append(f'<g id="l{level}">' + f'<use href="#l{level - 1}"/>' * copies + "</g>")
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><defs>' + "".join(groups)
            + f'</defs><use href="#l{levels}"/></svg>\n')


def alias_bomb_yaml(levels: int = 10, copies: int = 10) -> str:
    lines = ["lol: &a0 [" + ", ".join(["lol"] * copies) + "]"]
    for level in range(1, levels):
        lines.append(f"lol{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * copies) + "]")
    return "\n".join(lines) + "\n"


def small_page(title: str, body: str) -> str:
    return (f"---\ntitle: {title}\nsummary: A page for the benchmark.\nreviewed: 2026-11-30\n"
            f"sources: ['Generated for the benchmark.']\n---\n{body}\n")


def hostile_folders(folder: Path, words: list[str]) -> dict[str, tuple[Path, str | None]]:
    """Each hostile clinic folder, and the page to open with --open (None: the app's own choice)."""
    rng = random.Random(14)
    made: dict[str, tuple[Path, str | None]] = {}

    def clinic(name: str, files: dict[str, str | bytes], open_page: str | None) -> None:
        root = folder / f"clinic-{len(made)}"
        for relative, data in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data.encode() if isinstance(data, str) else data)
        made[name] = (root, open_page)

    clinic("5 MB page", {"huge.md": prose_page(FIVE_MB, words, rng, "Huge page")}, "huge")
    clinic("page at the size limit", {"long.md": prose_page(MAX_PAGE_BYTES, words, rng, "Long page")}, "long")
    clinic("SVG <use> bomb", {"pictures/bomb.svg": use_bomb_svg(), "bomb.md": small_page(
        "Picture bomb", "A picture: ![Ten to the eighth copies](pictures/bomb.svg)")}, "bomb")
    zero_page = small_page("Endless picture", "![Endless zeros](/dev/zero)\n\n"
                           '<img src="file:///dev/zero" alt="Raw zeros">\n\n![Linked zeros](pictures/zero.png)')
    clinic("picture is /dev/zero", {"zero.md": zero_page}, "zero")
    (made["picture is /dev/zero"][0] / "pictures").mkdir()
    (made["picture is /dev/zero"][0] / "pictures" / "zero.png").symlink_to("/dev/zero")
    clinic("lay-words.yaml alias bomb", {"lay-words.yaml": alias_bomb_yaml(),
                                         "words.md": small_page("Words", "Magnet therapy and lol.")}, None)
    return made


def environment_in(folder: Path) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "none.ini").write_text("[clinic]\n")
    return {**os.environ, "HOME": str(folder), "XDG_CONFIG_HOME": str(folder / "config"),
            "XDG_CACHE_HOME": str(folder / "cache"), "XDG_DATA_HOME": str(folder / "data"),
            "XDG_STATE_HOME": str(folder / "state"), "TMS_INFO_CONFIG": str(folder / "none.ini"),
            "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}


def limited() -> None:  # in the child, before it runs
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))


def run_child(command: list[str], environment: dict[str, str], timeout: float = CHILD_TIMEOUT
              ) -> tuple[float, subprocess.CompletedProcess | None]:
    """Seconds taken and the finished process (None if it ran past the time-out)."""
    started = time.perf_counter()
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=timeout,
                                preexec_fn=limited, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - started, None
    return time.perf_counter() - started, result


def outcome(result: subprocess.CompletedProcess | None) -> str:
    if result is None:
        return f"ran past {CHILD_TIMEOUT} s"
    if "Traceback" in result.stderr:
        return "traceback: " + result.stderr.strip().splitlines()[-1][:60]
    if result.returncode < 0:
        return f"killed by signal {-result.returncode}"
    summary = [line for line in result.stdout.splitlines() if line.endswith(("warnings", "warning"))]
    return summary[-1] if summary else f"exit status {result.returncode}"


def bench_check(folders: dict[str, tuple[Path, str | None]], scratch: Path) -> list[tuple[str, float, str]]:
    cases = {"bundled content alone": None, "5 MB page": folders["5 MB page"][0],
             "page at the size limit": folders["page at the size limit"][0]}
    times: dict[str, list[float]] = {name: [] for name in cases}
    results: dict[str, str] = {}
    for number in range(CHECK_ROUNDS):  # in turn, so that a slower moment falls on all of them alike
        for case, (name, clinic) in enumerate(cases.items()):
            command = [sys.executable, "-m", "tms_info", "check"] + (["--content-dir", str(clinic)] if clinic else [])
            seconds, result = run_child(command, environment_in(scratch / f"check-{number}-{case}"))
            times[name].append(seconds)
            results[name] = outcome(result)
    return [(name, statistics.median(found), results[name]) for name, found in times.items()]


def bench_open(folders: dict[str, tuple[Path, str | None]], scratch: Path) -> dict:
    from tms_info.content.library import Library
    from tms_info.locations import bundled_content_root

    bundled = Library.load([bundled_content_root()])
    longest = max((page for page in bundled.pages.values() if page.id != "glossary"), key=lambda page: len(page.body))
    pages = [[longest.id, longest.title, longest.title], ["long", FIRST_TEXT, LAST_TEXT]]
    environment = environment_in(scratch / "open")
    command = [sys.executable, "-c", OPEN_CHILD, str(folders["page at the size limit"][0]),
               str(scratch / "open" / "settings"), json.dumps(pages)]
    _, result = run_child(command, environment, timeout=120)
    line = next((out for out in (result.stdout if result else "").splitlines() if out.startswith("open-result ")), None)
    if line is None:
        raise SystemExit(f"the window benchmark did not finish: {outcome(result)}\n{result.stderr if result else ''}")
    found = json.loads(line[len("open-result "):])
    found["longest_bundled"] = longest.id
    return found


def first_paint_peak(arguments: list[str], environment: dict[str, str]) -> tuple[int | None, str]:
    """Peak memory (KiB) at the app's first paint, or None and why there was none."""
    environment = {**environment, "TMS_INFO_EXIT_AFTER_FIRST_PAINT": "1"}
    _, result = run_child([sys.executable, str(ROOT / "main.py"), *arguments], environment)
    line = next((out for out in (result.stdout if result else "").splitlines() if out.startswith("first-paint ")), None)
    if line is None:
        return None, outcome(result)
    return int(line.split()[2]), "painted"


def search_peak(arguments: list[str], environment: dict[str, str]) -> tuple[int | None, str]:
    _, result = run_child([sys.executable, "-c", PEAK_CHILD, "search", "magnet therapy", *arguments], environment)
    line = next((out for out in (result.stdout if result else "").splitlines() if out.startswith("peak-kib ")), None)
    if line is None:
        return None, outcome(result)
    hits = sum(1 for out in result.stdout.splitlines() if out.strip() and not out.startswith("peak-kib "))
    return int(line.split()[1]), f"{hits} lines of results"


def bench_memory(folders: dict[str, tuple[Path, str | None]], scratch: Path) -> list[tuple[str, int | None, str, int | None]]:
    """Rows of (what, peak KiB, how it ended, baseline KiB)."""
    rows = []
    baseline, how = first_paint_peak([], environment_in(scratch / "memory-bundled"))
    rows.append(("app, bundled content alone", baseline, how, None))
    for name, (clinic, open_page) in folders.items():
        arguments = ["--content-dir", str(clinic)] + (["--open", open_page] if open_page else [])
        peak, how = first_paint_peak(arguments, environment_in(scratch / f"memory-{len(rows)}"))
        rows.append((f"app + {name}" + (f" (--open {open_page})" if open_page else ""), peak, how, baseline))
    search_baseline, how = search_peak([], environment_in(scratch / "search-bundled"))
    rows.append(("tms-info search, bundled content alone", search_baseline, how, None))
    peak, how = search_peak(["--content-dir", str(folders["lay-words.yaml alias bomb"][0])],
                            environment_in(scratch / "search-bomb"))
    rows.append(("tms-info search + lay-words.yaml alias bomb", peak, how, search_baseline))
    return rows


def main() -> int:
    import bench_search

    began = time.perf_counter()
    words = bench_search.vocabulary()
    with tempfile.TemporaryDirectory() as temporary:
        scratch = Path(temporary)
        folders = hostile_folders(scratch / "clinics", words)
        checks = bench_check(folders, scratch)
        opened = bench_open(folders, scratch)
        memory = bench_memory(folders, scratch)

    def row(name: str, value: str, target: str, ok: bool | None, note: str = "") -> None:
        verdict = "" if ok is None else "ok" if ok else "MISSED"
        print(f"{name:<60}{value:>20}  {target:<22}{verdict:<8}{note}")

    print(f"page size limit: MAX_PAGE_BYTES = {MAX_PAGE_BYTES:,} bytes; "
          f"5 MB page = {FIVE_MB:,} bytes of prose\n")
    print(f"{'measure':<60}{'value':>20}  {'target':<22}{'verdict':<8}outcome")
    print("1. tms-info check")
    base = checks[0][1]
    for name, seconds, how in checks:
        if name == "bundled content alone":
            row(f"  {name}", f"{seconds:.2f} s", "(baseline)", None, how)
        else:
            target = "<= 3x baseline" if name == "5 MB page" else "(reported)"
            row(f"  + {name}", f"{seconds:.2f} s ({seconds / base:.2f}x)", target,
                seconds <= 3 * base if name == "5 MB page" else None, how)

    print("2. opening the largest page the limit allows (window at rest)")
    row("  idle window: longest tick gap", f"{opened['idle_gap'] * 1000:.0f} ms", "(baseline)", None,
        "" if opened["index_ready"] else "search index not ready after 30 s")
    print(f"  (longest bundled article: {opened['longest_bundled']})")
    longest = opened[opened["longest_bundled"]]
    row("  longest bundled article: text in view",
        f"{longest['appeared'] * 1000:.0f} ms" if longest["appeared"] is not None else "never", "(baseline)", None)
    row("    of which Markdown rendering", f"{longest['render'] * 1000:.0f} ms", "", None)
    row("    longest tick gap", f"{longest['gap'] * 1000:.0f} ms", "(baseline)", None)
    big = opened["long"]
    appeared = big["appeared"]
    row(f"  page at the limit ({MAX_PAGE_BYTES // 1024} KB): text in view",
        f"{appeared * 1000:.0f} ms" if appeared is not None else "never", "<= 2000 ms",
        appeared is not None and appeared <= 2.0,
        ("whole page in the view's document" if big["whole"] else "END OF PAGE MISSING") + f"; title {big['title'][:30]!r}")
    row("    of which Markdown rendering (on a worker thread)", f"{big['render'] * 1000:.0f} ms", "", None)
    row("    longest tick gap (UI thread blocked)", f"{big['gap'] * 1000:.0f} ms", "<= 100 ms", big["gap"] <= 0.1)

    print("3. peak memory (ru_maxrss at first paint; search: at exit)")
    for name, peak, how, baseline in memory:
        if peak is None:
            row(f"  {name}", "no figure", "<= +150 MiB", False, how)
        elif baseline is None:
            row(f"  {name}", f"{peak / 1024:.1f} MiB", "(baseline)", None, how)
        else:
            extra = (peak - baseline) / 1024
            row(f"  {name}", f"{peak / 1024:.1f} MiB ({extra:+.1f})", "<= +150 MiB", extra <= 150, how)
    print(f"\n(whole run {time.perf_counter() - began:.0f} s; check times are medians of {CHECK_ROUNDS} rounds; "
          f"children limited to {ADDRESS_SPACE_LIMIT // 1024**3} GiB of address space and {CHILD_TIMEOUT} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
