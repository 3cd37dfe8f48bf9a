"""How far apart two spellings are: the one measure search and crisis matching both use for typos."""
from __future__ import annotations


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, with a swap of two neighbouring letters counted as one edit."""
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        previous2, previous = previous, current
    return previous[-1]



def deletions(word: str, most: int) -> set[str]:
    """The word with up to `most` letters left out: two words within `most` edits of each other
    share at least one of these (SymSpell's idea), so a few dictionary look-ups find close words."""
    found, edge = {word}, {word}
    for _ in range(most):
        edge = {variant[:i] + variant[i + 1:] for variant in edge for i in range(len(variant))}
        found |= edge
    return found


def allowed_slips(word: str) -> int:
    """Typos forgiven in a word: none under 4 letters, one up to 7, two in a longer word."""
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2
