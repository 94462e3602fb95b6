"""Fewer downloads at once from a site whose pages are big: a bound on the bytes in flight.

Scrapy downloads up to ``CONCURRENT_REQUESTS_PER_DOMAIN`` pages of a site at once, whatever
they weigh. On loopback or a fast link, 16 pages of 8 MiB arrive together and wait, whole,
for the spider and the workers (which take one big page at a time): measured with
``python -m benchmarks.memory`` (100 articles of 7.9 MiB), the crawl process peaked at 283 MB
with 16 at once and 191 MB with 4, in the same time, because the workers set the pace.

This extension keeps an estimate of each download slot's page size and lowers the slot's
concurrency to ``NEWSBOT_DOWNLOAD_BUDGET // estimate`` (at least 1, never above what the slot
was given). The estimate follows a bigger page at once (its ``Content-Length`` as soon as the
headers arrive, its decoded size when the response is done) and decays by a fifth per smaller
page, so a few big pages cost a few narrow moments and a site of small pages keeps its
concurrency (32 MiB over 290 KB pages is 113 at once, above any slot's limit). Downloads
already under way finish; the bound applies to the ones that start after.

The bound is per slot (per site), like Scrapy's own concurrency: a crawl of several sites of
big pages holds a budget for each.
"""

from __future__ import annotations

from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured

from newsbot import settings as defaults
from newsbot.usage import numeric_setting

DECAY = 0.8  # the estimate's share kept on a smaller page
WARMUP = 4  # downloads at once from a slot until this many of its pages have been seen


class PageSizes:
    """Each slot's page-size estimate and the concurrency it allows (pure; no Scrapy)."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.estimates: dict[str, float] = {}
        self.pages: dict[str, int] = {}  # pages of each slot downloaded whole

    def seen(self, slot: str, size: int, whole: bool = True) -> None:
        """A page of ``size`` bytes from ``slot`` (``whole``: downloaded, not only its
        headers): a bigger page sets the estimate, a smaller one lowers it by ``DECAY``, not
        below the page's own size."""
        before = self.estimates.get(slot, 0.0)
        self.estimates[slot] = max(float(size), before * DECAY)
        if whole:
            self.pages[slot] = self.pages.get(slot, 0) + 1

    def concurrency(self, slot: str, limit: int) -> int:
        """How many downloads ``slot`` may run at once: ``limit`` unless its pages are big,
        and at most ``WARMUP`` until that many of its pages have told their size."""
        if self.pages.get(slot, 0) < WARMUP:
            limit = min(limit, WARMUP)
        estimate = self.estimates.get(slot, 0.0)
        if estimate <= 0:
            return limit
        return max(1, min(limit, int(self.budget // estimate)))


class DownloadBudget:
    def __init__(self, crawler: Any, budget: int) -> None:
        self.crawler = crawler
        self.sizes = PageSizes(budget)
        self._limits: dict[str, int] = {}  # slot key -> the concurrency Scrapy gave it
        self._total: int | None = None  # CONCURRENT_REQUESTS as Scrapy read it

    @classmethod
    def from_crawler(cls, crawler: Any) -> DownloadBudget:
        budget = int(
            numeric_setting(
                crawler.settings.get, "NEWSBOT_DOWNLOAD_BUDGET", defaults.NEWSBOT_DOWNLOAD_BUDGET
            )
        )
        if budget == 0:
            raise NotConfigured("NEWSBOT_DOWNLOAD_BUDGET is 0: Scrapy's concurrency as set")
        ext = cls(crawler, budget)
        crawler.signals.connect(ext.request_reached_downloader, signals.request_reached_downloader)
        crawler.signals.connect(ext.headers_received, signal=signals.headers_received)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        return ext

    def _downloader(self) -> Any:
        return getattr(getattr(self.crawler, "engine", None), "downloader", None)

    def _narrow(self, request: Any) -> None:
        downloader = self._downloader()
        key = request.meta.get("download_slot")
        slots = getattr(downloader, "slots", None)
        if key is None or slots is None or key not in slots:
            return
        slot = slots[key]
        allowed = self.sizes.concurrency(key, self._limits.setdefault(key, slot.concurrency))
        if allowed == slot.concurrency:
            return
        slot.concurrency = allowed
        # Scrapy takes requests from the scheduler while fewer than CONCURRENT_REQUESTS are
        # in the downloader, queued in a slot or not: past a narrowed slot's limit they would
        # queue there and be fetched one after another while the spider still holds the
        # earlier pages. The total follows the sum of the live slots' limits.
        if self._total is None:
            self._total = downloader.total_concurrency
        total = sum(
            self.sizes.concurrency(k, self._limits.setdefault(k, s.concurrency))
            for k, s in slots.items()
        )
        downloader.total_concurrency = min(self._total, total) if self._total else total

    def request_reached_downloader(self, request: Any, spider: Any = None) -> None:
        # a slot Scrapy made again after it idled starts at its full concurrency
        self._narrow(request)

    def headers_received(self, headers: Any, body_length: int, request: Any, **_: Any) -> None:
        key = request.meta.get("download_slot")
        if key is not None and body_length and body_length > 0:
            self.sizes.seen(key, body_length, whole=False)
            self._narrow(request)

    def response_received(self, response: Any, request: Any, spider: Any = None) -> None:
        key = request.meta.get("download_slot")
        if key is not None:
            self.sizes.seen(key, len(response.body))
            self._narrow(request)
