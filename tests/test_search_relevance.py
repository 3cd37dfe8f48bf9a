"""Relevance on the bundled library: questions typed the way worried people type them, each with
the page that must be among the first three results."""
from __future__ import annotations

import pytest

from tms_info.content.library import Library
from tms_info.content.search import SearchIndex
from tms_info.locations import bundled_content_root

QUERIES = [
    ("does it hurt", "safety/side-effects"),
    ("can i drive after", "safety/hearing-driving-work"),
    ("how many sessions", "treatment/schedule"),
    ("insurance", "practical/cost-and-insurance"),
    ("how much does it cost", "practical/cost-and-insurance"),
    ("teenager", "special-groups/young-people"),
    ("my son is 16 can he have tms", "special-groups/young-people"),
    ("bipolar", "special-groups/bipolar-depression"),
    ("shock therapy", "is-tms-for-me/comparing-treatments"),
    ("bipolar deppression", "special-groups/bipolar-depression"),
    ("deppression in teenagers", "special-groups/young-people"),
    ("sesions per week", "treatment/schedule"),
    ("sied effects", "safety/side-effects"),
    ("insurence", "practical/cost-and-insurance"),
    ("my deppression came back", "after-treatment/relapse-warning-signs"),
    ("transcranal magnetic", "about/what-is-tms"),
    ("maintainance", "after-treatment/maintenance-and-rescue"),
    ("what is tms", "about/what-is-tms"),
    ("how does it work", "about/how-it-works"),
    ("is it safe", "safety/side-effects"),
    ("seizure risk", "safety/seizure-risk"),
    ("will it come back", "after-treatment/relapse-warning-signs"),
    ("how long does it last", "after-treatment/how-long-it-lasts"),
    ("earplugs loud", "safety/hearing-driving-work"),
    ("i have a metal plate in my head", "is-tms-for-me/who-should-not-have-it"),
    ("pacemaker", "is-tms-for-me/who-should-not-have-it"),
    ("first appointment", "treatment/first-visit"),
    ("motor threshold", "treatment/first-visit"),
    ("what to bring", "treatment/getting-ready"),
    ("theta burst", "newer-approaches/theta-burst"),
    ("3 minute treatment", "newer-approaches/theta-burst"),
    ("accelerated", "newer-approaches/accelerated-tms"),
    ("saint stanford", "newer-approaches/accelerated-tms"),
    ("mri guided", "newer-approaches/personalised-targeting"),
    ("does tms work", "evidence/does-it-work"),
    ("remission", "evidence/response-and-remission"),
    ("real world results", "evidence/real-world-results"),
    ("with antidepressants", "is-tms-for-me/alone-or-with-medicine"),
    ("tms or pills", "is-tms-for-me/alone-or-with-medicine"),
    ("how does tms compare with ect", "is-tms-for-me/comparing-treatments"),
    ("pregnant", "special-groups/older-adults-and-pregnancy"),
    ("elderly", "special-groups/older-adults-and-pregnancy"),
    ("questions for my doctor", "practical/questions-to-ask"),
    ("memory loss", "safety/hearing-driving-work"),
    ("suicidal", "help-now"),
    ("headache", "safety/side-effects"),
    ("who can have tms", "is-tms-for-me/who-is-it-for"),
    ("sham", "evidence/the-big-trials"),
    ("what do doctors say", "evidence/clinicians-and-trials"),
    ("rescue sessions", "after-treatment/maintenance-and-rescue"),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.open(Library.load([bundled_content_root()]))


def test_there_are_enough_queries():
    assert len(QUERIES) >= 30


@pytest.mark.parametrize(("query", "page"), QUERIES)
def test_the_right_page_is_in_the_top_three(index, query, page):
    top = [hit.id for hit in index.search(query, limit=10).hits if hit.kind == "article"][:3]
    assert page in top, f"{query!r}: {top}"
