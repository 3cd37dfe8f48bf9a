"""Relevance in Spanish, measured on the bundled library read in Spanish: queries typed the way
people type them (tests/fixtures/search_queries_es.yaml), each with the pages that answer it, and the
Spanish crisis phrasings (crisis_queries_es.yaml), for which Help now must come first. A query
counts as found when one of its pages is among the first three articles.

A query whose pages are not translated yet is skipped (and counted as skipped in the report): the
translation is being written, and this test must not fail because a page is still in English.

`python tests/test_search_relevance_es.py` prints recall@3 and the mean reciprocal rank of each set,
the figures the README gives."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from relevance import measure, rank_of

FIXTURES = Path(__file__).parent / "fixtures"
SETS = yaml.safe_load((FIXTURES / "search_queries_es.yaml").read_text(encoding="utf-8"))
CRISIS = [str(query) for query in yaml.safe_load((FIXTURES / "crisis_queries_es.yaml").read_text(encoding="utf-8"))["crisis"]]
# The least each set must reach (on the pages translated so far); what it reaches is in the README.
# Each query of `equipo` and `natural` must find its page; `preguntas` (written without looking at
# the Spanish pages) is held to its set's figure only, as `asked` is in English.
RECALL_AT_3 = {"equipo": 0.9, "natural": 0.85, "preguntas": 0.7, "crisis": 1.0}


def open_index():
    from tms_info.content.library import Library
    from tms_info.content.search import SearchIndex
    from tms_info.locations import bundled_content_roots

    return SearchIndex.open(Library.load(bundled_content_roots("es"), language="es"))


def translated(index, expected: list[str]) -> bool:
    """Every page the query expects is there in Spanish."""
    return all((page := index.library.page(page_id)) is not None and page.language == "es" for page_id in expected)


def spanish_figures(index) -> dict[str, tuple[int, int, float, float]]:
    """For each set: queries measured, queries skipped (pages not translated yet), recall@3 and MRR."""
    return measure(index, SETS, CRISIS, lambda expected: translated(index, expected))


@pytest.fixture(scope="module")
def index():
    return open_index()


def test_there_are_enough_queries():
    assert sum(map(len, SETS.values())) >= 60 and len(CRISIS) >= 40


def test_every_expected_page_exists_in_english_at_least(index):
    pages = set(index.library.pages)
    assert [page for items in SETS.values() for item in items for page in item["expect"] if page not in pages] == []


@pytest.mark.parametrize("item", SETS["equipo"] + SETS["natural"], ids=lambda item: str(item["query"]))
def test_the_right_page_is_in_the_top_three(index, item):
    if not translated(index, item["expect"]):
        pytest.skip("not translated yet: " + ", ".join(item["expect"]))
    rank = rank_of(index, str(item["query"]), item["expect"])
    assert rank is not None and rank <= 3, [hit.id for hit in index.search(str(item["query"])).hits[:4]]


def test_each_set_reaches_its_recall(index):
    for name, (measured, _skipped, recall, _) in spanish_figures(index).items():
        if measured:
            assert recall >= RECALL_AT_3[name], (name, recall)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent.parent))
    print(f"{'set':<8} {'queries':>7} {'skipped':>8} {'recall@3':>9} {'MRR':>6}")
    found_index = open_index()
    for name, (count, skipped, recall, mrr) in spanish_figures(found_index).items():
        print(f"{name:<8} {count:>7} {skipped:>8} {recall:>9.2f} {mrr:>6.2f}")
    if "-v" in sys.argv:
        for items in SETS.values():
            for item in items:
                rank = rank_of(found_index, str(item["query"]), item["expect"])
                if rank is None or rank > 3:
                    hits = [hit.id for hit in found_index.search(str(item["query"])).hits if hit.kind == "article"][:3]
                    print(f"  missed: {item['query']!r} -> {hits} (expected {item['expect']}, rank {rank})")
