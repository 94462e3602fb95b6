"""``scrapy crawl article``: any site's article pages, given by URL, read as a person sees them.

    scrapy crawl article -a start_urls=https://example.com/a,https://example.org/b
    scrapy crawl article -a urls_file=urls.txt      # one URL a line; blank lines, # comments

No site profile: each page is read by the generic reader (:mod:`newsbot.publisher`), its
records have ``aggregator`` null, ``found_via`` ``{"kind": "start", "url": <given URL>}`` and
the same pipelines and JSONL export as the aggregator spiders. Redirects are followed; the
record's ``url`` and ``id`` come from the page's canonical URL when it declares one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timezone
from typing import Any

import scrapy
from scrapy import signals
from scrapy.http import HtmlResponse, Response
from twisted.python.failure import Failure

from newsbot.spiders.arguments import (
    PAGE_ARGUMENTS,
    PageArguments,
    check_names,
    parse_page_arguments,
)
from newsbot.spiders.failures import PageFailures
from newsbot.spiders.publisher_pages import read_publisher_page
from newsbot.spiders.requests import KIND, PageKind
from newsbot.workers.pool import WorkerPool, crawl_workers


class ArticleSpider(PageFailures, scrapy.Spider):
    name = "article"

    def __init__(
        self,
        name: str | None = None,
        *,
        start_urls: str | None = None,
        urls_file: str | None = None,
        max_articles: object = None,
        fresh: object = False,
        **kwargs: Any,
    ) -> None:
        # an unknown (misspelt) -a name is an error before anything else: `-a url_file=...`
        # must not be reported as "no URL given"
        check_names(kwargs, PAGE_ARGUMENTS)
        super().__init__(name, **kwargs)
        self.args: PageArguments = parse_page_arguments(
            start_urls=start_urls, urls_file=urls_file, max_articles=max_articles, fresh=fresh
        )
        urls = list(self.args.start_urls)
        self.start_urls = urls[: self.args.max_articles] if self.args.max_articles else urls
        typed = {"start_urls": start_urls, "urls_file": urls_file,
                 "max_articles": max_articles, "fresh": fresh}  # fmt: skip
        # the -a arguments as typed, for an export path's placeholders (newsbot.feeds)
        self.given_arguments = {
            k: str(v) for k, v in typed.items() if v is not None and v is not False
        }
        self.workers: WorkerPool | None = None  # set at spider_opened (use_workers)

    @staticmethod
    def now() -> datetime:
        return datetime.now(timezone.utc)

    @property
    def since(self) -> None:
        return None  # every given page is wanted, whatever its age

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> ArticleSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.use_workers, signal=signals.spider_opened)
        return spider

    def use_workers(self) -> None:
        """At ``spider_opened``: read pages in the crawl's worker pool, if any."""
        self.workers = crawl_workers(self.crawler)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_urls:
            self._stat("articles/scheduled")  # "articles found", for the health checks
            yield scrapy.Request(
                url,
                callback=self.parse_article_page,
                errback=self.on_error,
                priority=PageKind.ARTICLE.priority,
                cb_kwargs={"found_via": {"kind": "start", "url": url}},
                meta={KIND: PageKind.ARTICLE.value},
            )

    async def parse_article_page(
        self, response: Response, found_via: dict[str, str] | None = None
    ) -> AsyncIterator[dict[str, Any]]:
        found_via = found_via or {"kind": "start", "url": response.url}  # `scrapy parse -c`
        if not isinstance(response, HtmlResponse):
            kind = response.headers.get(b"Content-Type", b"").decode("latin-1") or "no type"
            self._unparseable(response.url, f"not an HTML page ({kind})")
            return
        item = await read_publisher_page(self, response, found_via)
        if item is not None:
            self._stat("article/pages")
            yield item

    async def parse(self, response: Response, **kwargs: Any) -> AsyncIterator[dict[str, Any]]:
        """``scrapy parse --spider article URL`` (no ``-c``): the page as an article."""
        async for item in self.parse_article_page(response, kwargs.get("found_via")):
            yield item

    def on_error(self, failure: Failure) -> None:
        self._failed(failure)
