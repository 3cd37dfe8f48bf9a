"""Recall@3 and mean reciprocal rank of search, measured the same way for every language's
relevance test: a query counts as found when one of its pages is among the first three articles
(glossary entries, shown beside them, are not counted); for a crisis phrasing, Help now must be first."""
from __future__ import annotations

from collections.abc import Callable


def rank_of(index, query: str, expected: list[str]) -> int | None:
    """The place (1, 2, ...) of the first expected page among the articles found, or None."""
    articles = [hit.id for hit in index.search(query, limit=10).hits if hit.kind == "article"]
    return next((place for place, page in enumerate(articles, start=1) if page in expected), None)


def measure(index, sets: dict[str, list[dict]], crisis: list[str],
            counted: Callable[[list[str]], bool] = lambda expected: True) -> dict[str, tuple[int, int, float, float]]:
    """For each set and the crisis phrasings: queries measured, queries left out (whose pages are
    not `counted`), recall@3 and mean reciprocal rank."""
    figures = {}
    for name, items in [*sets.items(), ("crisis", [{"query": q, "expect": ["help-now"]} for q in crisis])]:
        measured = [item for item in items if counted(item["expect"])]
        ranks = [rank_of(index, str(item["query"]), item["expect"]) for item in measured]
        if name == "crisis":  # first, not just among the first three
            ranks = [rank if rank == 1 else None for rank in ranks]
        found = sum(1 for rank in ranks if rank is not None and rank <= 3)
        count = max(len(ranks), 1)
        figures[name] = (len(ranks), len(items) - len(measured), found / count,
                         sum(1 / rank for rank in ranks if rank) / count)
    return figures
