"""scrapy-playwright's download handler, shared by http and https.

Scrapy builds one handler per URL scheme, and each scrapy-playwright handler starts its own
Playwright driver (a Node.js process) when the engine starts. This one is built once per
crawler and serves both schemes, so a crawl runs one driver and, at most, one browser.
Requests without ``meta["playwright"]`` still go over plain HTTP (Scrapy's HTTP/1.1 handler).

A rendered page has ``NEWSBOT_BROWSER_PAGE_TIMEOUT`` seconds in all (300: navigation,
settling and 50 "more" clicks of 5 s each fit in it): a browser killed under the crawl left
its pages waiting forever, and the crawl with them, its graceful stop too (ops round 6).
Past the bound the page fails (``BrowserPageTimeout``) and the browser middleware fetches it
plainly; the abandoned rendering is cancelled and not waited for.
"""

from __future__ import annotations

import asyncio
from typing import Any
from weakref import WeakKeyDictionary

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler  # type: ignore[import-untyped]

from newsbot import settings as defaults

_SHARED: WeakKeyDictionary[Crawler, SharedPlaywrightDownloadHandler] = WeakKeyDictionary()


class BrowserPageTimeout(TimeoutError):
    """The browser gave no page within ``NEWSBOT_BROWSER_PAGE_TIMEOUT``."""


class SharedPlaywrightDownloadHandler(ScrapyPlaywrightDownloadHandler):
    lazy = False

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._newsbot_closed = False
        self.page_timeout = crawler.settings.getfloat(
            "NEWSBOT_BROWSER_PAGE_TIMEOUT", defaults.NEWSBOT_BROWSER_PAGE_TIMEOUT
        )

    async def _download_request(self, request: Request, spider: Spider | None = None) -> Response:
        work = asyncio.ensure_future(super()._download_request(request, spider))
        done, _ = await asyncio.wait({work}, timeout=self.page_timeout)
        if work in done:
            return work.result()
        work.cancel()  # its clean-up may wait on the dead browser too: not awaited here
        work.add_done_callback(_forget)
        raise BrowserPageTimeout(
            f"the browser gave no page within NEWSBOT_BROWSER_PAGE_TIMEOUT "
            f"({self.page_timeout:g}s); it may have died"
        )

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any):
        handler = _SHARED.get(crawler)
        if handler is None:
            handler = _SHARED[crawler] = cls(crawler)
        return handler

    async def close(self) -> None:
        if self._newsbot_closed:  # closed once, though registered for two schemes
            return
        self._newsbot_closed = True
        await super().close()


def _forget(work: asyncio.Future[Any]) -> None:
    """Retrieve an abandoned rendering's outcome (no 'never retrieved' warning)."""
    if not work.cancelled():
        work.exception()
