"""Turns pages and glossary terms into the HTML the reader shows (and handouts will print).

The page frame (title, summary, evidence note, sources, "Last reviewed") is built here from the
front matter, so every article ends the same way whatever its author wrote.
"""
from __future__ import annotations

import logging
from html import escape
from typing import TYPE_CHECKING

from tms_info.content.i18n import QT_TRANSLATE_NOOP, format_day, translate
from tms_info.content.library import Library
from tms_info.content.links import article_href, term_href
from tms_info.content.model import HELP_NOW_ID, HOME_ID, Page, Source, Term

if TYPE_CHECKING:  # Markdown is loaded only when a page must be converted
    from tms_info.content.markdown_ext import Converter, Picture

log = logging.getLogger(__name__)

# A page longer than this (in characters of Markdown) takes more than a moment to render (about
# 3.5 ms a kilobyte on a 2-core clinic machine): the window renders it on a worker thread.
LONG_PAGE_CHARS = 16_000

EVIDENCE_NOTES = {
    "strong": QT_TRANSLATE_NOOP("Page", "Strong evidence: many good studies agree."),
    "moderate": QT_TRANSLATE_NOOP(
        "Page", "Moderate evidence: good studies, but results vary or some questions are still open."),
    "mixed": QT_TRANSLATE_NOOP("Page", "Mixed results: some studies found an effect and others did not."),
    "low": QT_TRANSLATE_NOOP(
        "Page", "Low certainty: the studies had no comparison group, or few people, so the true effect is unclear."),
    "early": QT_TRANSLATE_NOOP("Page", "Early research: few or small studies so far."),
}


def failure_reason(error: Exception) -> str:
    """Why a page could not be rendered, in words for the person who wrote it."""
    from tms_info.content.markdown_ext import RenderRefused

    if isinstance(error, RecursionError):
        return "it nests lists, quotes, boxes or emphasis too deeply inside each other"
    if isinstance(error, RenderRefused):
        return str(error)
    return f"{type(error).__name__}: {error}"


class Renderer:
    """One Markdown converter, reused for every page, made when first needed; rendered pages are
    kept, since content does not change while the app runs, and can be handed over from a
    previous run (`known_pages`) so a start need not load Markdown at all."""

    def __init__(self, library: Library, clinic_name: str | None = None, external_links: bool = True,
                 known_pages: dict[str, str] | None = None) -> None:
        """`clinic_name` labels a clinic's own pages; without `external_links` (a kiosk), links to
        websites are shown as plain text with their address."""
        self.library = library
        self.clinic_name = clinic_name
        self.external_links = external_links
        self._converter: Converter | None = None
        self._incomplete: set[str] = set()  # pages with a missing picture: never handed to the next run
        self._failed: set[str] = set()  # pages that could not be rendered: shown as a short note instead
        self._pages: dict[tuple[str, frozenset[int]], str] = {
            (page_id, frozenset()): html for page_id, html in (known_pages or {}).items()}

    def sibling(self) -> Renderer:
        """A renderer with the same settings and no shared state, for another thread (a Markdown
        converter holds the state of the page it converts)."""
        return Renderer(self.library, self.clinic_name, self.external_links)

    def is_slow(self, page: Page, toggled: frozenset[int] = frozenset()) -> bool:
        """Whether showing the page means rendering a long one now (not already rendered)."""
        return (page.id, toggled) not in self._pages and len(page.body) > LONG_PAGE_CHARS

    def adopt(self, page_id: str, toggled: frozenset[int], other: Renderer) -> None:
        """Takes a page `other` (a sibling) rendered, as if this renderer had rendered it."""
        key = (page_id, toggled)
        if key in other._pages:
            self._pages[key] = other._pages[key]
        for mine, theirs in ((self._failed, other._failed), (self._incomplete, other._incomplete)):
            if page_id in theirs:
                mine.add(page_id)

    @property
    def converter(self) -> Converter:
        if self._converter is None:
            from tms_info.content.markdown_ext import Converter

            self._converter = Converter(self.library.terms.values(), external_as_text=not self.external_links)
        return self._converter

    def markdown_to_html(self, text: str, page_or_term: Page | Term, toggled: frozenset[int] = frozenset(),
                         for_paper: bool = False) -> str:
        if isinstance(page_or_term, Page):
            return self.converter.convert(text, page_or_term.source, page_or_term.relative or "index.md", toggled,
                                          for_paper=for_paper)
        return self.converter.convert(text, page_or_term.source, f"glossary/{page_or_term.id}.md", toggled,
                                      skip_term=page_or_term.id)

    def rendered_pages(self) -> dict[str, str]:
        """The pages rendered so far (without ticks), to hand to the next run."""
        return {page_id: html for (page_id, toggled), html in self._pages.items()
                if not toggled and page_id not in self._incomplete and page_id not in self._failed}

    def opening_html(self, page: Page) -> str:
        """What shows for the moment a long page takes to render."""
        opening = escape(translate("Page", "Opening this page…"))
        return f'<h1>{escape(page.title)}</h1><p class="summary">{opening}</p>'

    def failed(self, page_id: str) -> bool:
        """Whether the page could not be rendered (so far): a reader got "could not be shown"."""
        return page_id in self._failed

    def can_show(self, page: Page) -> bool:
        """Renders the page (kept for when it is opened) and says whether that worked."""
        self.page_html(page)
        return not self.failed(page.id)

    @property
    def last_links(self) -> list[tuple[str, str]]:
        """Each link of the last Markdown converted: (as written, as the app resolves it)."""
        return list(self.converter.links.rewritten)

    @property
    def last_pictures(self) -> list[Picture]:
        return list(self.converter.figures.pictures)

    @property
    def last_linked_terms(self) -> set[str]:
        return set(self.converter.glossary.linked)

    def page_html(self, page: Page, toggled: frozenset[int] = frozenset()) -> str:
        """The page as the reader sees it; `toggled` are the boxes of its checklist that are toggled."""
        key = (page.id, toggled)
        cached = self._pages.get(key)
        if cached is None:
            try:
                cached = self._page_html(page, toggled)
            except Exception as error:  # any failure of Markdown or its extensions, RecursionError included
                cached = self._failed_html(page, error)
            self._pages[key] = cached
        return cached

    def handout_html(self, page: Page, toggled: frozenset[int] = frozenset(), clinic: str | None = None) -> str:
        """The page for paper: no navigation links; on top, the clinic's name when there is one and the
        date the page was last reviewed, where a reader sees at once how current the handout is."""
        reviewed = (" · " + translate("Page", "Last reviewed: {date}").format(date=format_day(page.reviewed))
                    if page.reviewed else "")
        name = translate("Page", "TMS Information")
        line = (clinic + " · " if clinic else "") + name + reviewed
        header = f'<p class="handout-header">{escape(line)}</p>'
        try:
            return header + self._page_html(page, toggled, for_paper=True)
        except Exception as error:
            return self._failed_html(page, error)

    def _page_html(self, page: Page, toggled: frozenset[int], for_paper: bool = False) -> str:
        parts = []
        crumbs = self.library.breadcrumb(page.id)
        if crumbs and not for_paper:
            trail = " › ".join(f'<a href="{article_href(c.id)}">{escape(c.title)}</a>' for c in crumbs)
            parts.append(f'<p class="breadcrumb">{trail}</p>')
        parts.append(f"<h1>{escape(page.title)}</h1>")
        if page.local:
            parts.append(self._local_note())
        if page.language != self.library.language:
            parts.append(f'<p class="local-note">{escape(self._untranslated_note())}</p>')
        if page.summary:
            parts.append(f'<p class="summary">{escape(page.summary)}</p>')
        if page.evidence:
            question = escape(translate("Page", "How strong is the evidence?"))
            note = escape(translate("Page", EVIDENCE_NOTES[page.evidence]))
            parts.append(f'<p class="evidence-level"><b>{question}</b> {note}</p>')
        parts.append(self.markdown_to_html(page.body, page, toggled, for_paper))
        if not all(picture.found for picture in self.last_pictures):
            self._incomplete.add(page.id)
        if page.is_section:
            parts.append(self._section_list(page))
        if page.id not in (HOME_ID, HELP_NOW_ID) and self.library.page(HELP_NOW_ID) and not for_paper:
            question = escape(translate("Page", "Feeling unsafe or in crisis?"))
            help_now = escape(translate("Page", "Get help now"))
            link = f'<a href="{article_href(HELP_NOW_ID)}">{help_now}</a>'
            parts.append(f'<p class="help-reminder">{question} {link}.</p>')
        if page.sources:
            items = "".join(f"<li>{self._source_html(source)}</li>" for source in page.sources)
            heading = escape(translate("Page", "Sources"))
            parts.append(f'<h2 id="sources">{heading}</h2><ol class="sources">{items}</ol>')
        if page.reviewed and not for_paper:
            reviewed = translate("Page", "Last reviewed: {date}").format(date=format_day(page.reviewed))
            parts.append(f'<p class="reviewed">{escape(reviewed)}</p>')
        return "\n".join(parts)

    @staticmethod
    def _source_text(source: Source) -> str:
        """Authors. Title. Journal, year. Funded by someone.: as a reader meets a reference on a
        health website, with no brackets to read past."""
        if source.is_single_line:
            return source.citation
        where = ", ".join(part for part in (source.published_in.rstrip("."), str(source.year or "")) if part)
        parts = [part.rstrip(".") for part in (source.authors, source.title, where) if part]
        if source.funder:
            parts.append(translate("Page", "Funded by {funder}").format(funder=source.funder.rstrip(".")))
        return ". ".join(parts) + "."

    @classmethod
    def _source_html(cls, source: Source) -> str:
        text = escape(cls._source_text(source))
        if not source.link:
            return text
        label = f"doi:{source.doi}" if source.doi else f"PMID {source.pmid}" if source.pmid else source.url
        return f'{text} <a href="{escape(source.link)}">{escape(label)}</a>'

    def _section_list(self, section: Page) -> str:
        children = self.library.children(section.id)
        if not children:
            return ""
        items = "".join(
            f'<li><a href="{article_href(child.id)}">{escape(child.title)}</a>'
            + (f"<br>{escape(child.summary)}" if child.summary else "") + "</li>"
            for child in children
        )
        heading = escape(translate("Page", "In this section"))
        return f'<h2 id="in-this-section">{heading}</h2><ul class="section-list">{items}</ul>'

    def _local_note(self, entry: bool = False) -> str:
        who = escape(self.clinic_name) if self.clinic_name else escape(translate("Page", "your clinic"))
        text = (translate("Page", "This entry was written by {who}, not by the TMS Information team, and is not "
                                  "part of its reviewed library.") if entry else
                translate("Page", "This page was written by {who}, not by the TMS Information team, and is not "
                                  "part of its reviewed library."))
        title = translate("Page", "From {who}.")
        return f'<p class="local-note"><b>{title.format(who=who)}</b> {escape(text).format(who=who)}</p>'

    @staticmethod
    def _untranslated_note() -> str:
        return translate("Page", "This page is not translated into your language yet, so it is shown in English.")

    def term_html(self, term: Term) -> str:
        parts = [f"<h2>{escape(term.term)}</h2>", f'<p class="definition">{escape(term.short)}</p>']
        if term.local:
            parts.append(self._local_note(entry=True))
        if term.aliases:
            also = translate("Page", "Also called:")
            parts.append(f'<p class="aliases">{escape(also)} {escape(", ".join(term.aliases))}</p>')
        try:
            parts.append(self.markdown_to_html(term.body, term))
        except Exception as error:
            log.error("%s: this glossary entry could not be shown: %s", term.source, failure_reason(error),
                      exc_info=error)
            rest = translate("Page", "The rest of this entry could not be shown. Staff: the details are in the log.")
            parts.append(f"<p>{escape(rest)}</p>")
        see_also = [self.library.term(term_id) for term_id in term.see_also]
        links = [f'<a href="{term_href(t.id)}">{escape(t.term)}</a>' for t in see_also if t]
        if links:
            see_also_title = escape(translate("Page", "See also:"))
            parts.append(f'<p class="see-also"><b>{see_also_title}</b> {", ".join(links)}</p>')
        pages = [self.library.page(page_id) for page_id in term.articles]
        items = "".join(f'<li><a href="{article_href(p.id)}">{escape(p.title)}</a></li>' for p in pages if p)
        if items:
            more = escape(translate("Page", "Read more:"))
            parts.append(f'<p class="related-title"><b>{more}</b></p><ul class="related">{items}</ul>')
        return "\n".join(parts)

    def _failed_html(self, page: Page, error: Exception) -> str:
        """A calm note in place of a page that could not be rendered; the details go to the log."""
        log.error("%s: this page could not be shown: %s", page.source, failure_reason(error), exc_info=error)
        self._failed.add(page.id)
        home = escape(translate("Page", "Go to the home page"))
        links = [f'<li><a href="{article_href(HOME_ID)}">{home}</a></li>']
        if self.library.page(HELP_NOW_ID):
            help_now = escape(translate("Page", "Get help now"))
            links.append(f'<li><a href="{article_href(HELP_NOW_ID)}">{help_now}</a></li>')
        what = translate("Page", "Something in the page “{title}” could not be prepared for reading. The other "
                                 "pages are not affected.").format(title=page.title)
        heading = escape(translate("Page", "This page could not be shown"))
        staff = escape(translate("Page", "Staff: the details are in the log."))
        return (f'<h1>{heading}</h1><p class="summary">{escape(what)}</p><p>{staff}</p>'
                f'<ul class="section-list">{"".join(links)}</ul>')

    def not_found_html(self, page_id: str) -> str:
        what = translate("Page", "We could not find the page “{page}”. It may have been moved or removed.")
        heading = escape(translate("Page", "Page not found"))
        back = escape(translate("Page", "Go back to the page you were reading"))
        home = escape(translate("Page", "Go to the home page"))
        return (f'<h1>{heading}</h1><p class="summary">{escape(what.format(page=page_id))}</p>'
                f'<ul class="section-list"><li><a href="app:back">{back}</a></li>'
                f'<li><a href="{article_href(HOME_ID)}">{home}</a></li></ul>')
