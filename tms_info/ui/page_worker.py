"""Renders long pages on Qt's thread pool, so the window keeps painting while Markdown works.

Each long page is rendered by a renderer of its own (a Markdown converter is not shared between
threads); the result is handed to the window's renderer, which then has the page as if it had
rendered it, and `pageRendered` says so in the UI thread.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from tms_info.content.model import Page
from tms_info.content.render import Renderer
from tms_info.ui.pool_job import PoolJob


class PageWorker(QObject):
    pageRendered = Signal(str)  # the page's id: the window's renderer now has it

    def __init__(self, renderer: Renderer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._renderer = renderer
        self._jobs: dict[tuple[str, frozenset[int]], PoolJob[Renderer]] = {}

    def render(self, page: Page, toggled: frozenset[int]) -> None:
        """Starts rendering the page, unless it is already being rendered."""
        key = (page.id, toggled)
        if key in self._jobs:
            return
        worker = self._renderer.sibling()

        def render_page() -> Renderer:
            worker.page_html(page, toggled)  # never raises: a failure becomes the calm failure page
            return worker

        job = self._jobs[key] = PoolJob(render_page, f"{page.source}: this page could not be rendered")
        job.succeeded.connect(lambda: self._rendered(key, job))
        job.finished.connect(lambda: self._jobs.pop(key, None))
        self.destroyed.connect(job.abandon)
        job.start()

    def is_rendering(self, page_id: str) -> bool:
        return any(key[0] == page_id for key in self._jobs)

    def _rendered(self, key: tuple[str, frozenset[int]], job: PoolJob[Renderer]) -> None:
        worker = job.take()
        if worker is not None:
            self._renderer.adopt(*key, worker)
            self.pageRendered.emit(key[0])
