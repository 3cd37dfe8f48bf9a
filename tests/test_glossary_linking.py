"""Glossary linking: the first use of each term links to its entry, longest name first, never in
headings, links or code, with case rules that fit acronyms and ordinary words."""
from __future__ import annotations

import re
from pathlib import Path

from tms_info.content.library import Library
from tms_info.content.model import Page, Term
from tms_info.content.render import Renderer


def term(term_id: str, name: str, *aliases: str) -> Term:
    return Term(id=term_id, term=name, short=f"Short meaning of {name}.", body=f"About {name}.",
                source=Path(f"/content/glossary/{term_id}.md"), aliases=aliases)


TERMS = [
    term("tms", "TMS", "transcranial magnetic stimulation"),
    term("deep-tms", "deep TMS"),
    term("rtms", "rTMS", "repetitive TMS"),
    term("relapse", "relapse"),
    term("coil", "coil"),
    term("ect", "ECT", "electroconvulsive therapy"),
]


def render(markdown: str) -> str:
    library = Library({}, {t.id: t for t in TERMS}, [])
    page = Page(id="a", title="A", body=markdown, source=Path("/content/a.md"), relative="a.md")
    return Renderer(library).markdown_to_html(markdown, page)


def links(html: str) -> list[tuple[str, str]]:
    """(term id, linked text) for each glossary link, in order."""
    return re.findall(r'<a class="term" href="glossary:([\w-]+)" title="[^"]*"><span>([^<]+)</span></a>', html)


def test_longest_name_wins():
    assert links(render("Some clinics offer deep TMS.")) == [("deep-tms", "deep TMS")]
    assert links(render("We used repetitive TMS here.")) == [("rtms", "repetitive TMS")]


def test_only_the_first_use_of_a_term_is_linked_whatever_name_it_goes_by():
    html = render("TMS is safe. TMS is quick.\n\nTranscranial magnetic stimulation again.")
    assert links(html) == [("tms", "TMS")]


def test_each_term_is_linked_once_in_document_order():
    html = render("A coil gives TMS.\n\n- then relapse\n- and a coil\n\nECT differs from rTMS.")
    assert links(html) == [("coil", "coil"), ("tms", "TMS"), ("relapse", "relapse"), ("ect", "ECT"), ("rtms", "rTMS")]


def test_no_links_in_headings_links_or_code():
    html = render("## What is TMS?\n\n[TMS clinics](https://example.org) use `TMS` and\n\n    TMS code\n\nTMS at last.")
    assert links(html) == [("tms", "TMS")]
    assert "<h2" in html and 'What is TMS?</h2>' in html
    assert '>TMS</span></a> at last' in html


def test_case_rules():
    assert links(render("Relapse is common.")) == [("relapse", "Relapse")]
    assert links(render("RELAPSE in capitals.")) == [("relapse", "RELAPSE")]
    assert links(render("Deep TMS starts a sentence.")) == [("deep-tms", "Deep TMS")]
    assert links(render("Lower-case tms and ect are not the acronyms.")) == []


def test_plurals_and_word_boundaries():
    assert links(render("Two coils.")) == [("coil", "coils")]
    assert links(render("A coiled spring and rTMSx and xTMS.")) == []


def test_the_link_carries_the_short_meaning_as_its_tooltip():
    assert 'title="Short meaning of relapse."' in render("A relapse.")


def test_a_glossary_entry_does_not_link_to_itself_but_links_others():
    library = Library({}, {t.id: t for t in TERMS}, [])
    rtms = Term(id="rtms", term="rTMS", short="s", body="rTMS is a form of TMS.", source=Path("/g/rtms.md"))
    html = Renderer(library).markdown_to_html(rtms.body, rtms)
    assert links(html) == [("tms", "TMS")]
