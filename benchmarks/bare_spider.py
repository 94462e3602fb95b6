"""The baseline for the speed benchmark: a plain Scrapy spider that fetches the pages newsbot
fetches and does nothing else.

It starts from the same listings, follows their next-page link and the article links on them,
and the article links on article pages up to ``related_depth`` hops, with the same request
priorities as newsbot (articles first). It yields no items: no extraction, no pipelines, no
export. Run it with Scrapy's defaults plus the same concurrency, robots.txt and no cache::

    python -m benchmarks.bare_spider http://127.0.0.1:8008/en --related-depth 2 \\
        --stats stats.json
"""

from __future__ import annotations

import argparse
import json
import re
from typing import Any
from urllib.parse import urlsplit

import scrapy

ARTICLE = re.compile(r"^(?:/en)?/article/[0-9a-f]{32}/?$")
NEXT_LABELS = {"load more", "next", "more", "older"}
PRIORITY = {"listing": 0, "article": 20, "related": 10}


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, start: str = "", related_depth: int | str = 1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [u for u in start.split(",") if u]
        self.related_depth = int(related_depth)
        self.allowed_domains = sorted({urlsplit(u).hostname or "" for u in self.start_urls})
        self.scheduled: set[str] = set()
        self.article_pages = 0

    async def start(self):
        for url in self.start_urls:
            yield scrapy.Request(url, callback=self.parse_listing, priority=PRIORITY["listing"])

    def _article(self, response, href: str, depth: int, kind: str):
        url = response.urljoin(href)
        if url in self.scheduled or not ARTICLE.match(urlsplit(url).path):
            return None
        self.scheduled.add(url)
        return scrapy.Request(
            url, callback=self.parse_article, priority=PRIORITY[kind], cb_kwargs={"depth": depth}
        )

    def parse_listing(self, response):
        for href in response.css("a::attr(href)").getall():
            request = self._article(response, href, 0, "article")
            if request is not None:
                yield request
        for anchor in response.css("a"):
            label = " ".join(anchor.css("::text").getall()).strip().casefold()
            if label in NEXT_LABELS:
                yield scrapy.Request(
                    response.urljoin(anchor.attrib.get("href", "")),
                    callback=self.parse_listing,
                    priority=PRIORITY["listing"],
                )
                break

    def parse_article(self, response, depth: int):
        self.article_pages += 1
        if depth >= self.related_depth:
            return
        for href in response.css("a::attr(href)").getall():
            request = self._article(response, href, depth + 1, "related")
            if request is not None:
                yield request

    def closed(self, reason: str) -> None:
        self.crawler.stats.set_value("bare/article_pages", self.article_pages)


SETTINGS = {
    # the same fetching as newsbot's `test` environment: concurrency, robots.txt, no cache
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "ROBOTSTXT_OBEY": True,
    "HTTPCACHE_ENABLED": False,
    "AUTOTHROTTLE_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "INFO",
    "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
}


def main(argv: list[str] | None = None) -> int:
    from scrapy.crawler import CrawlerProcess

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("start", help="comma-separated listing URLs")
    parser.add_argument("--related-depth", type=int, default=1)
    parser.add_argument("--stats", help="write Scrapy's final stats here (JSON)")
    parser.add_argument("-s", dest="settings", action="append", default=[], help="NAME=VALUE")
    args = parser.parse_args(argv)
    settings = dict(SETTINGS)
    for pair in args.settings:
        key, _, value = pair.partition("=")
        settings[key] = value
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, start=args.start, related_depth=args.related_depth)
    process.start()
    if args.stats:
        stats = {k: v for k, v in crawler.stats.get_stats().items()}
        with open(args.stats, "w", encoding="utf-8") as handle:
            json.dump(stats, handle, default=str, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
