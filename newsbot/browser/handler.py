"""scrapy-playwright's download handler, shared by http and https.

Scrapy builds one handler per URL scheme, and each scrapy-playwright handler starts its own
Playwright driver (a Node.js process) when the engine starts. This one is built once per
crawler and serves both schemes, so a crawl runs one driver and, at most, one browser.
Requests without ``meta["playwright"]`` still go over plain HTTP (Scrapy's HTTP/1.1 handler).
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from scrapy.crawler import Crawler
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler  # type: ignore[import-untyped]

_SHARED: WeakKeyDictionary[Crawler, SharedPlaywrightDownloadHandler] = WeakKeyDictionary()


class SharedPlaywrightDownloadHandler(ScrapyPlaywrightDownloadHandler):
    lazy = False

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._newsbot_closed = False

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
