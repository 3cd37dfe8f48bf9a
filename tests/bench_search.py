"""Search benchmark: index build, cached open and query latency, on the bundled library and on
1,000 generated articles of about 800 words. Not a test: run it by hand and read the table.

    .venv/bin/python tests/bench_search.py

The baseline, measured in the same run on the same index, is a bare FTS5 MATCH of the same whole
words: the difference is what lay words, the typo fallback, the title pass and sections cost.
Targets (issues 4 and 13): p95 at most 5 ms on the bundled content and 20 ms on 1,000 articles; a
rebuild after one page changed at most 3 s for 1,000 articles; cached open at most 50 ms. The first
build ever renders every page (the index is built from the page the reader sees) and is reported.
The Spanish row is the bundled library read in Spanish (en/ with es/ laid over it, stemmed with
Snowball before FTS5), with queries made of its own words, in the same run as the English row.
"""
from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tms_info.content.library import Library
from tms_info.content.search import SearchIndex, words_of
from tms_info.locations import bundled_content_root, resources_root

QUERY_COUNT = 200
SYNTHETIC_ARTICLES = 1000
WORDS_PER_ARTICLE = 800


def vocabulary(language: str = "en") -> list[str]:
    library = Library.load(spanish_roots(Path(bundled_content_root()).parent) if language == "es"
                           else [bundled_content_root()], language=language)
    words = [w for page in library.pages.values() for w in words_of(page.body) if w.isalpha() and len(w) > 2]
    return words


def generate(folder: Path, words: list[str], rng: random.Random) -> None:
    for number in range(SYNTHETIC_ARTICLES):
        section = folder / f"{number // 50:02d}-section-{number // 50}"
        section.mkdir(parents=True, exist_ok=True)
        paragraphs, count = [], 0
        while count < WORDS_PER_ARTICLE:
            if count and count % 160 < 12:
                paragraphs.append(f"## {' '.join(rng.choices(words, k=4)).capitalize()}?")
            sentence_words = rng.choices(words, k=rng.randint(8, 16))
            paragraphs.append(" ".join(sentence_words).capitalize() + ".")
            count += len(sentence_words)
        title = " ".join(rng.choices(words, k=5)).capitalize()
        (section / f"{number % 50:02d}-article-{number}.md").write_text(
            f"---\ntitle: {title}\nsummary: {' '.join(rng.choices(words, k=12))}.\nreviewed: 2026-11-25\n"
            f"sources: ['Generated for the benchmark.']\n---\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


def misspell(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:] if rng.random() < 0.5 else word[:i] + word[i + 1:]


def queries(words: list[str], rng: random.Random) -> list[tuple[str, bool]]:
    long_words = [w for w in set(words) if len(w) >= 6]
    mixed: list[tuple[str, bool]] = []
    for number in range(QUERY_COUNT):
        kind = number % 4
        if kind == 0:
            mixed.append((rng.choice(words), False))
        elif kind == 1:
            mixed.append((" ".join(rng.choices(words, k=rng.randint(2, 4))), False))
        elif kind == 2:
            mixed.append((rng.choice(long_words)[: rng.randint(3, 5)], True))
        else:
            mixed.append((misspell(rng.choice(long_words), rng), False))
    return mixed


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def spanish_roots(content: Path) -> list[Path]:
    return [content / "en", content / "es"]


def measure(name: str, roots: list[Path], mixed: list[tuple[str, bool]], cache: Path, language: str = "en") -> dict[str, float]:
    library = Library.load(roots, language=language)
    shutil.rmtree(cache, ignore_errors=True)
    start = time.perf_counter()
    SearchIndex.open(library, cache).close()
    build = time.perf_counter() - start
    opens = []
    for _ in range(5):
        start = time.perf_counter()
        index = SearchIndex.open(library, cache)
        opens.append(time.perf_counter() - start)
        index.close()
    index = SearchIndex.open(library, cache)
    latencies, baseline = [], []
    for query, typing in mixed:
        start = time.perf_counter()
        index.search(query, 10, typing=typing)
        latencies.append(time.perf_counter() - start)
    for query, _ in mixed[::4]:
        expression = " ".join(f'"{w}"' for w in words_of(query))
        start = time.perf_counter()
        index._db.execute("SELECT ref FROM pages WHERE pages MATCH ? ORDER BY rank LIMIT 10", (expression,)).fetchall()
        baseline.append(time.perf_counter() - start)
    index.close()
    changed = next(path for path in sorted(roots[-1].rglob("*.md")) if path.name != "index.md" and "glossary" not in path.parts)
    original = changed.read_text(encoding="utf-8")
    changed.write_text(original + "\n\nOne more sentence, added for the benchmark.\n", encoding="utf-8")
    try:
        library = Library.load(roots, language=language)
        start = time.perf_counter()
        SearchIndex.open(library, cache).close()
        rebuild = time.perf_counter() - start
    finally:
        changed.write_text(original, encoding="utf-8")
    return {
        "pages": len(library.pages), "build_s": build, "rebuild_s": rebuild, "open_ms": statistics.median(opens) * 1000,
        "p50_ms": percentile(latencies, 0.5) * 1000, "p95_ms": percentile(latencies, 0.95) * 1000,
        "base_p50_ms": percentile(baseline, 0.5) * 1000, "base_p95_ms": percentile(baseline, 0.95) * 1000,
    }


def main() -> int:
    rng = random.Random(2026)
    words = vocabulary()
    mixed = queries(words, rng)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        generate(folder / "synthetic", words, rng)
        shutil.copytree(resources_root(), folder / "resources")  # the rebuild changes a page: of a copy
        content = folder / "resources" / "content"
        spanish_queries = queries(vocabulary("es"), rng)
        rows = [("bundled", measure("bundled", [content / "en"], mixed, folder / "cache-bundled")),
                ("bundled, es", measure("bundled-es", spanish_roots(content), spanish_queries, folder / "cache-es", "es")),
                ("1,000 articles", measure("synthetic", [folder / "synthetic"], mixed, folder / "cache-synthetic"))]
    targets = {"bundled": (5.0, None), "bundled, es": (5.0, None), "1,000 articles": (20.0, 3.0)}
    print(f"{'content':<16}{'pages':>7}{'build s':>9}{'rebuild s':>10}{'open ms':>9}{'p50 ms':>8}{'p95 ms':>8}"
          f"{'FTS5 p50':>10}{'FTS5 p95':>10}  verdict")
    for name, row in rows:
        p95_target, build_target = targets[name]
        ok = row["p95_ms"] <= p95_target and row["open_ms"] <= 50 and (build_target is None or row["rebuild_s"] <= build_target)
        print(f"{name:<16}{row['pages']:>7}{row['build_s']:>9.2f}{row['rebuild_s']:>10.2f}{row['open_ms']:>9.1f}{row['p50_ms']:>8.2f}"
              f"{row['p95_ms']:>8.2f}{row['base_p50_ms']:>10.2f}{row['base_p95_ms']:>10.2f}  {'meets targets' if ok else 'MISSES a target'}")
    print(f"({QUERY_COUNT} queries: whole words, several words, prefixes while typing, misspellings; "
          "FTS5 = a bare MATCH of the whole-word queries on the same index; rebuild = after one page changed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
