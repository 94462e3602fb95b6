"""Spider contracts for ``scrapy check``, with URLs taken from the crawl's own start URL.

Scrapy's ``@url`` needs a fixed URL in the docstring, but the replica runs on a port chosen at
start and the real site's articles come and go. These contracts resolve a path against the
origin of the spider's first start URL (``-a start_urls=...``, else the profile's):

- ``@site_url /en``: that path on the site (a listing).
- ``@first_article_of /en``: the first article linked from that listing, read when the
  check starts (one plain HTTP GET, as the spider would read it).

``scrapy check daily8 -a start_urls=http://127.0.0.1:8008/en`` checks the callbacks against a
replica started with ``python -m newsbot.replica serve --port 8008``; without ``-a`` they run
against the real site.
"""

from __future__ import annotations

import urllib.request
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

from parsel import Selector
from scrapy.contracts import Contract

from newsbot.workers.tasks import read_with

FETCH_TIMEOUT = 20


def site_origin(spider: Any) -> str:
    """``scheme://host[:port]`` of the spider's first start URL."""
    urls = list(getattr(spider, "start_urls", None) or [])
    if not urls:
        raise ValueError("the spider has no start URL to take the site from")
    parts = urlsplit(urls[0])
    return f"{parts.scheme}://{parts.netloc}"


class _SiteContract(Contract):
    """Keeps the spider whose callback it checks (the bound method's ``__self__``)."""

    def __init__(self, method: Any, *args: Any) -> None:
        super().__init__(method, *args)
        self.spider = getattr(method, "__self__", None)


class SiteUrlContract(_SiteContract):
    """``@site_url /path``: the request goes to that path on the crawled site."""

    name = "site_url"

    def adjust_request_args(self, args: dict[str, Any]) -> dict[str, Any]:
        args["url"] = urljoin(site_origin(self.spider), self.args[0])
        return args


class FirstArticleContract(_SiteContract):
    """``@first_article_of /listing``: the request goes to the listing's first article."""

    name = "first_article_of"

    def adjust_request_args(self, args: dict[str, Any]) -> dict[str, Any]:
        spider = self.spider
        listing = urljoin(site_origin(spider), self.args[0])
        request = urllib.request.Request(listing, headers={"User-Agent": _user_agent(spider)})
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:  # noqa: S310
            html = response.read().decode("utf-8", "replace")
        page = read_with(
            Selector(text=html, base_url=listing),
            "listing",
            listing,
            spider.profile,
            datetime.now(timezone.utc),
        )
        if not page.entries:
            raise ValueError(f"{listing} links to no article")
        args["url"] = page.entries[0].url
        return args


def _user_agent(spider: Any) -> str:
    crawler = getattr(spider, "crawler", None)
    settings = getattr(crawler, "settings", None)
    return str(settings.get("USER_AGENT")) if settings is not None else "newsbot"
