"""Rendering: the page frame from front matter, links rewritten for the app, pictures and boxes."""
from __future__ import annotations

import pytest
from conftest import READER_CONTENT

from tms_info.content.library import Library
from tms_info.content.markdown_ext import resolve_relative_link
from tms_info.content.i18n import format_day
from tms_info.content.render import Renderer
from tms_info.locations import bundled_content_root


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.load([READER_CONTENT])


@pytest.fixture
def first_html(library) -> str:
    return Renderer(library).page_html(library.page("basics/first"))


def test_the_page_ends_with_sources_and_the_review_date(first_html):
    sources = first_html.index('<h2 id="sources">Sources</h2>')
    assert "O&#x27;Reardon JP, et al. 2007." in first_html[sources:]
    assert first_html.rstrip().endswith("<p class=\"reviewed\">Last reviewed: 20 November 2026</p>")
    assert first_html.index("<h1>First article</h1>") < first_html.index("Key points") < sources


def test_the_evidence_level_is_stated_near_the_top(first_html):
    assert first_html.index("Moderate evidence") < first_html.index("Key points")


def test_relative_md_links_become_app_links(first_html):
    assert 'href="article:basics/second#later-part"' in first_html
    assert 'href="article:basics/missing"' in first_html
    assert 'href="https://example.org/tms"' in first_html


@pytest.mark.parametrize(("source", "target", "expected"), [
    ("01-about/01-what.md", "../02-treatment/01-session.md", "article:treatment/session"),
    ("01-about/01-what.md", "../treatment/session.md", "article:treatment/session"),
    ("01-about/01-what.md", "02-how.md", "article:about/how"),
    ("01-about/01-what.md", "../index.md", "article:home"),
    ("01-about/01-what.md", "index.md", "article:about"),
    ("01-about/01-what.md", "../glossary/rtms.md", "glossary:rtms"),
    ("index.md", "../../etc/secret.md", "article:../../etc/secret.md"),
])
def test_link_resolution(source, target, expected):
    assert resolve_relative_link(source, target) == expected


def test_headings_get_anchors_for_links(library):
    html = Renderer(library).page_html(library.page("basics/second"))
    assert '<h2 id="later-part">Later part</h2>' in html


def test_a_lone_picture_becomes_a_captioned_figure_with_a_file_url(first_html):
    picture = (READER_CONTENT / "images" / "dot.svg").resolve().as_uri()
    assert f'src="{picture}"' in first_html
    assert 'alt="A coil held near the left temple"' in first_html
    assert '<p align="center" class="caption">Where the coil sits</p>' in first_html


def test_a_missing_picture_is_logged(tmp_path, caplog):
    (tmp_path / "a.md").write_text("---\ntitle: A\n---\n![A chart](gone.png)\n")
    library = Library.load([tmp_path])
    Renderer(library).page_html(library.page("a"))
    assert "picture not found: gone.png" in caplog.text and "a.md" in caplog.text
    caplog.clear()


def test_callouts_become_bordered_boxes(first_html):
    assert '<table cellpadding="14" cellspacing="0" class="callout key-points" width="100%">' in first_html
    assert '<p class="callout-title">Key points</p>' in first_html


def test_section_pages_list_their_articles(library):
    html = Renderer(library).page_html(library.page("basics"))
    assert '<a href="article:basics/first">First article</a><br>An article with every kind of link.' in html


def test_text_from_front_matter_is_escaped(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: <script>alert(1)</script>\nsources: ['<b>x</b>']\n---\n")
    html = Renderer(Library.load([tmp_path])).page_html(Library.load([tmp_path]).page("a"))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_not_found_page_offers_a_way_back():
    html = Renderer(Library({}, {}, [])).not_found_html("about/gone")
    assert "Page not found" in html and "about/gone" in html
    assert 'href="app:back"' in html and 'href="article:home"' in html


def test_dates_read_the_same_everywhere():
    from datetime import date
    assert format_day(date(2026, 1, 5)) == "5 January 2026"


def test_every_bundled_page_and_term_renders_without_warnings():
    library = Library.load([bundled_content_root()])
    renderer = Renderer(library)
    for page in library.pages.values():
        assert "<h1>" in renderer.page_html(page)
    for term in library.terms.values():
        assert term.term in renderer.term_html(term)


def _one_page_library(tmp_path, front: str, body: str) -> Library:
    (tmp_path / "01-page.md").write_text(f"---\ntitle: A page\nsummary: One page.\nreviewed: 2026-11-20\n{front}---\n{body}",
                                         encoding="utf-8")
    return Library.load([tmp_path])


def test_structured_sources_read_as_a_reference_with_a_link(tmp_path):
    library = _one_page_library(tmp_path, (
        "sources:\n"
        "  - authors: Liu B, Zhang Y, et al.\n    year: 2014\n"
        "    title: 'Repetitive transcranial magnetic stimulation as an augmentative strategy for treatment-resistant depression'\n"
        "    journal: BMC Psychiatry\n    doi: 10.1186/1471-244X-14-342\n    funder: a public grant\n"
        "  - title: A report without a link\n    publisher: NICE\n    year: 2015\n"
        "  - Written on one line. 2020.\n"
        "  - authors: Liu B, Zhang Y, et al.\n    year: 2014\n    title: 'A trial of TMS (rTMS) for depression'\n"
        "    journal: BMC Psychiatry\n    doi: 10.1186/1471-244X-14-342\n    funder: a public grant\n"), "Text.\n")
    html = Renderer(library).page_html(library.page("page"))
    sources = html[html.index('<h2 id="sources">'):]
    assert ("<li>Liu B, Zhang Y, et al. Repetitive transcranial magnetic stimulation as an augmentative "
            "strategy for treatment-resistant depression. BMC Psychiatry, 2014. Funded by a public grant. "
            '<a href="https://doi.org/10.1186/1471-244X-14-342">doi:10.1186/1471-244X-14-342</a></li>') in sources
    assert "<li>A report without a link. NICE, 2015.</li>" in sources
    assert "<li>Written on one line. 2020.</li>" in sources
    assert ("<li>Liu B, Zhang Y, et al. A trial of TMS (rTMS) for depression. BMC Psychiatry, 2014. "
            "Funded by a public grant. "
            '<a href="https://doi.org/10.1186/1471-244X-14-342">doi:10.1186/1471-244X-14-342</a></li>') in sources
    # a title's own brackets stay; no year, nor anything else, is put in brackets
    assert "[" not in sources and "(" not in sources.replace("(rTMS)", "") and library.problems == []


def test_screen_only_text_stays_off_paper_and_print_only_text_off_screen(tmp_path):
    library = _one_page_library(tmp_path, "sources: [A source.]\n", (
        "Shared text.\n\n"
        '!!! screen-only ""\n    Click the box to tick it.\n\n'
        '!!! print-only ""\n    Write your own questions on the lines below.\n\n'
        "Closing text.\n"))
    renderer = Renderer(library)
    screen = renderer.page_html(library.page("page"))
    paper = renderer.handout_html(library.page("page"))
    assert "Click the box" in screen and "Click the box" not in paper
    assert "Write your own questions" in paper and "Write your own questions" not in screen
    for html in (screen, paper):
        assert "Shared text." in html and "Closing text." in html
        assert "admonition" not in html and "callout" not in html  # plain text, not a box
