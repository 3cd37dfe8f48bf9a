"""Recognising a search that speaks of a crisis, so that Help now comes first.

The words are content, not code: `crisis-words.yaml` in each content root lists the phrases
(reviewed like an article), and a clinic's root can add its own. A phrase is a row of slots; a
slot is one word or several alternatives joined by "/" ("kill myself/himself/herself"). The query
is matched as people type it: any case, without apostrophes ("cant"), with hyphens or without
("self-harm", "self harm"), with a typo in a longer word ("sucidal"), and with a word or two
between the words of a phrase ("i just want to die"). A file may also list words that are `not
typos`: words a slip away from a crisis word that mean something else ("hacerle", beside
"hacerme"), taken as they are typed.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from tms_info.content.spelling import allowed_slips, deletions, edit_distance
from tms_info.content.yaml_text import read_each_root

log = logging.getLogger(__name__)

CRISIS_WORDS_FILE = "crisis-words.yaml"
MAX_PHRASES = 2000
MAX_QUERY_WORDS = 60
MAX_GAP = 2  # words a person may put between the words of a phrase
_APOSTROPHES = re.compile(r"['’‘`´]")
_WORD = re.compile(r"\w+", re.UNICODE)


def crisis_words_of(text: str) -> list[str]:
    """Lower-case words without accents, apostrophes dropped ("can't" -> "cant"), hyphens split."""
    decomposed = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", text.casefold()))
    return _WORD.findall("".join(ch for ch in decomposed if not unicodedata.combining(ch)))


@dataclass(frozen=True)
class CrisisWords:
    """The crisis phrases of a library: each phrase a tuple of slots, each slot a set of words."""

    phrases: tuple[tuple[frozenset[str], ...], ...] = ()
    exact: frozenset[str] = frozenset()  # words never read as a typo of a crisis word

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(word for phrase in self.phrases for slot in phrase for word in slot)

    def matches(self, query: str) -> bool:
        """True if the query holds any crisis phrase."""
        words = self._spelled(crisis_words_of(query)[:MAX_QUERY_WORDS])
        return any(_holds(words, phrase) for word in set(words) for phrase in self._starting_with.get(word, ()))

    @cached_property
    def _starting_with(self) -> dict[str, list[tuple[frozenset[str], ...]]]:
        """The phrases by each word their first place allows: only those can match a query."""
        table: dict[str, list[tuple[frozenset[str], ...]]] = {}
        for phrase in self.phrases:
            for word in phrase[0]:
                table.setdefault(word, []).append(phrase)
        return table

    @cached_property
    def _by_deletion(self) -> dict[str, set[str]]:
        table: dict[str, set[str]] = {}
        for known in self.vocabulary:
            for variant in deletions(known, allowed_slips(known)):
                table.setdefault(variant, set()).add(known)
        return table

    def _spelled(self, words: list[str]) -> list[str]:
        """Each word, or the crisis word it is a typo of (one slip in a word of 4-7 letters, two
        in a longer one)."""
        spelled = []
        for word in words:
            allowed = allowed_slips(word)
            if word not in self.vocabulary and word not in self.exact and allowed:
                close = {known for variant in deletions(word, allowed) for known in self._by_deletion.get(variant, ())
                         if allowed_slips(known) and edit_distance(word, known) <= allowed}
                spelled.append(min(close, key=lambda known: (edit_distance(word, known), known)) if close else word)
                continue
            spelled.append(word)
        return spelled


def _holds(words: list[str], phrase: tuple[frozenset[str], ...]) -> bool:
    """The phrase's slots in order, each within MAX_GAP words of the one before."""
    reachable = {index for index, word in enumerate(words) if word in phrase[0]}
    for slot in phrase[1:]:
        reachable = {index for index, word in enumerate(words) if word in slot
                     and any(0 < index - before <= MAX_GAP + 1 for before in reachable)}
        if not reachable:
            return False
    return bool(reachable)


def parse_phrase(text: str) -> tuple[frozenset[str], ...]:
    """ "kill myself/himself" -> ({"kill"}, {"myself", "himself"}); hyphens split a word in two."""
    slots: list[frozenset[str]] = []
    for slot in text.split():
        alternatives = [crisis_words_of(alternative) for alternative in slot.split("/")]
        if any(len(words) > 1 for words in alternatives):  # "self-harm" is two slots, "selfharm" one
            if len(alternatives) > 1:
                raise ValueError(f"'{slot}': a word with a hyphen cannot have alternatives")
            slots += [frozenset({word}) for word in alternatives[0]]
        elif any(alternatives):
            slots.append(frozenset(words[0] for words in alternatives if words))
    return tuple(slots)


def load_crisis_words(roots: Iterable[Path], problems: list[str] | None = None) -> CrisisWords:
    """The phrases of every root's crisis-words.yaml together. A broken file is reported (logged,
    and added to `problems`) and skipped; the others still count."""
    found = read_each_root(roots, CRISIS_WORDS_FILE, _phrases_of, log, problems)
    phrases = [phrase for listed, _ in found for phrase in listed]
    return CrisisWords(tuple(dict.fromkeys(phrases)), frozenset(word for _, exact in found for word in exact))


def _phrases_of(data: object) -> tuple[list[tuple[frozenset[str], ...]], set[str]]:
    listed = data.get("phrases") if isinstance(data, dict) else None
    if not isinstance(listed, list) or not all(isinstance(item, str) for item in listed):
        raise ValueError("it should have 'phrases:' followed by a list of phrases, one a line")
    exact = data.get("not typos", [])
    if not isinstance(exact, list) or not all(isinstance(item, str) for item in exact):
        raise ValueError("'not typos:' should be followed by a list of words, one a line")
    if len(listed) + len(exact) > MAX_PHRASES:
        raise ValueError(f"it has more than {MAX_PHRASES} phrases and words")
    return [phrase for phrase in map(parse_phrase, listed) if phrase], \
        {word for item in exact for word in crisis_words_of(item)}
