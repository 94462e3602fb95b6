"""Crawl logic shared by every aggregator: listings, article pages, related articles.

Site knowledge comes from the profile named by ``profile_name``; this module only decides
what to fetch next and turns pages into raw items for the pipelines.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from functools import cached_property
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.http import HtmlResponse, JsonResponse, Response, TextResponse, XmlResponse
from twisted.python.failure import Failure

from newsbot.browser.config import resolve_mode
from newsbot.browser.needs import has_script
from newsbot.extract.article import ArticlePage
from newsbot.extract.entries import UNRESOLVED, Entry
from newsbot.extract.text import fold
from newsbot.memory import DEFAULT_MMAP_THRESHOLD, return_big_blocks
from newsbot.spiders.anchors import response_anchor
from newsbot.spiders.hosts import HostPolicy, in_domains
from newsbot.spiders.permalinks import resolved_entries
from newsbot.spiders.requests import (
    ARTICLE,
    EXTRA_HINTS,
    KIND,
    OLDER_THAN_SINCE,
    SITE,
    PageKind,
    article_meta,
    article_of,
)
from newsbot.spiders.site import SiteSpider
from newsbot.stats import ARTICLES_SCHEDULED, SKIPPED_MAX_ARTICLES
from newsbot.timestamps import to_iso_z
from newsbot.usage import check_numeric_settings
from newsbot.workers.pool import TaskFailed, WorkerPool, WorkersUnavailable, crawl_workers
from newsbot.workers.tasks import read_bytes

# Listing pages up to this size are read in the crawl process, not queued for a worker.
LISTING_READ_HERE_BYTES = 512 * 1024


class PageBytes(NamedTuple):
    """``read_bytes``'s arguments for one page (its profile apart)."""

    body: bytes
    content_type: str | None
    kind: str
    url: str
    selector_type: str | None
    anchor: datetime


class AggregatorSpider(SiteSpider):
    """A republisher (Daily8): its own article pages carry the article and its related."""

    def __init__(self, name: str | None = None, **kwargs: Any) -> None:
        super().__init__(name, **kwargs)
        seed_hosts = [urlsplit(u).hostname or "" for u in self.start_urls]
        self.allowed_domains = sorted({*self.profile.allowed_domains, *filter(None, seed_hosts)})
        site = self.profile.allowed_domains
        # started on none of the site's hosts: a copy of it (staging, a snapshot on loopback)
        on_copy = bool(site) and not any(in_domains(h, site) for h in seed_hosts if h)
        self.hosts = HostPolicy(
            self.allowed_domains,
            [*self.profile.mirror_hosts, *self.args.mirror_hosts],
            self.profile.canonical_host or "",
            copy_of=site if on_copy else (),
        )
        # which articles are scheduled, at what depth, their extra hints and re-following
        # related entries: newsbot.middlewares.articles (the request contract)
        self.workers: WorkerPool | None = None  # set at spider_opened (use_workers)
        self.mmap_threshold = DEFAULT_MMAP_THRESHOLD
        # permanent links asked this run, and the article each led to (spiders.permalinks)
        self.permalinks: dict[str, asyncio.Future[tuple[str, str, str] | None]] = {}

    # -- helpers -------------------------------------------------------------------------
    def canonical_url(self, url: str, referrer: str) -> str:
        """Article URLs on a mirror host are rewritten to the host the crawl came from."""
        return self.hosts.canonical_url(url, referrer)

    # -- start ---------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_urls:
            found = self.profile.article_id(url)
            if found:
                if self._fetchable(url):
                    found_via = {"kind": "start", "url": url}
                    article = article_meta(found[0], 0, None, found_via, follows_related=True)
                    yield self._request(url, PageKind.ARTICLE, article)
                else:
                    self._offsite(url)
                continue
            yield scrapy.Request(
                url,
                callback=self.parse_listing_page,
                errback=self.on_error,
                priority=PageKind.LISTING.priority,
                cb_kwargs={"listing": url, "page": 1},
                meta={KIND: PageKind.LISTING.value, SITE: self.profile.name},
            )

    # -- reading pages -------------------------------------------------------------------
    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> AggregatorSpider:
        check_numeric_settings(crawler.settings.get)  # before the engine starts (-s values)
        spider = super().from_crawler(crawler, *args, **kwargs)
        # big pages: freed buffers go back to the system (newsbot/memory.py; issue 11)
        threshold = crawler.settings.getint("NEWSBOT_MMAP_THRESHOLD", DEFAULT_MMAP_THRESHOLD)
        return_big_blocks(threshold)
        spider.mmap_threshold = threshold
        crawler.signals.connect(spider.use_workers, signal=signals.spider_opened)
        return spider

    def use_workers(self) -> None:
        """At ``spider_opened`` (the extensions exist, the workers are not started yet):
        read pages in the crawl's worker pool, if any, handing it what they need."""
        self.workers = crawl_workers(self.crawler)
        if self.workers is not None:
            self.workers.provide("mmap_threshold", self.mmap_threshold)
            self.workers.provide("profile", self.profile)

    def _page(self, response: TextResponse, kind: str) -> PageBytes:
        """What ``read_bytes`` reads a page from, here or in a worker: its bytes, not a
        decoded copy (up to four times the bytes for non-Latin text), and ages anchored at
        the response's ``Date``."""
        anchor = response_anchor(response, self.now())
        return PageBytes(
            response.body,
            content_type(response),
            kind,
            response.url,
            selector_type(response),
            anchor,
        )

    def _read(self, response: TextResponse, kind: str) -> tuple[datetime, Any]:
        """The page read in this process.

        A page that cannot be read is counted and logged with its URL and reason; it never
        stops the crawl.
        """
        page = self._page(response, kind)
        try:
            parsed, decoded = read_bytes(*page, self.profile)
        except Exception as exc:  # a broken page must never stop the crawl
            self._unparseable(response.url, f"{type(exc).__name__}: {exc}")
            return page.anchor, None
        self._text_damage(response.url, decoded)
        return page.anchor, parsed

    async def _read_page(self, response: TextResponse, kind: str) -> tuple[datetime, Any]:
        """``_read``, in a parse worker when there are any (the crawl goes on meanwhile);
        the worker has the profile already (``use_workers``)."""
        workers = self.workers
        if workers is None or not workers.active:
            return self._read(response, kind)
        if kind == "listing" and len(response.body) <= LISTING_READ_HERE_BYTES:
            # a listing's next page is known only once it is read: on the crawl's critical
            # path, it does not wait behind the article pages queued for the worker
            return self._read(response, kind)
        if workers.share(len(response.body)):  # the workers are behind: read it here
            return self._read(response, kind)
        page = self._page(response, kind)
        try:
            parsed, decoded = await workers.run(read_bytes, *page)
        except WorkersUnavailable:  # none left to take it: read it here
            return self._read(response, kind)
        except TaskFailed as exc:
            self._unparseable(response.url, str(exc))
            return page.anchor, None
        except Exception as exc:  # raised by the extractors in the worker, as in _read
            self._unparseable(response.url, f"{type(exc).__name__}: {exc}")
            return page.anchor, None
        self._text_damage(response.url, decoded)
        return page.anchor, parsed

    # -- listings ------------------------------------------------------------------------
    async def parse(self, response: Response, **kwargs: Any) -> AsyncIterator[Any]:
        """A page given without a callback (``scrapy parse URL``): an article or a listing."""
        if self.profile.article_id(response.url):
            callback = self.parse_article_page(response)
        else:
            callback = self.parse_listing_page(response)
        async for output in callback:
            yield output

    @cached_property
    def browser_mode(self) -> str:
        """The run's browser mode (``never`` unless the profile or NEWSBOT_BROWSER says)."""
        settings = getattr(self, "settings", None)  # a spider built without a crawler has none
        return resolve_mode(settings.get("NEWSBOT_BROWSER") if settings else None, self.profile)

    async def parse_listing_page(
        self, response: Response, listing: str | None = None, page: int = 1
    ) -> AsyncIterator[Any]:
        """A listing page: a request for each article it lists, and one for its next page.

        @site_url /en
        @returns items 0 0
        @returns requests 2
        """
        listing = listing or response.url
        if not isinstance(response, TextResponse):
            self._unparseable(response.url, "not a text response")
            return
        anchor, parsed = await self._read_page(response, "listing")
        if parsed is not None:
            parsed.entries = await self._resolved(parsed.entries)
        for output in self._listing_outputs(response, listing, page, anchor, parsed):
            yield output

    def _listing_outputs(
        self, response: Response, listing: str, page: int, anchor: datetime, parsed: Any
    ) -> Iterator[Any]:
        if parsed is None:
            return
        self._stat("listing/pages")
        if not parsed.entries:
            self._stat("listing/empty")
            self.logger.info("Listing page with no entries: %s", response.url)
            if self.browser_mode == "never" and has_script(response.selector):
                self._stat("listing/empty_with_script")
        fresh_entries = 0
        for entry in parsed.entries:
            if not self._old(entry, anchor):
                fresh_entries += 1
            yield from self._follow(entry, PageKind.ARTICLE, response.url, anchor, depth=0)
        if self.since is not None and parsed.entries and not fresh_entries:
            self.logger.info("Stopping %s at page %d: nothing newer than since", listing, page)
            return
        if self._enough_articles():
            self._stat("listing/stopped_max_articles")
            self.logger.info(
                "Stopping %s at page %d: max_articles=%d articles scheduled",
                listing,
                page,
                self.args.max_articles,
            )
            return
        if page >= self.crawler.settings.getint("NEWSBOT_MAX_PAGES", self.profile.max_pages):
            self._stat("listing/page_limit")
            return
        for url in parsed.next_pages[:1]:
            yield scrapy.Request(
                self.canonical_url(url, response.url),
                callback=self.parse_listing_page,
                errback=self.on_error,
                priority=PageKind.LISTING.priority,
                cb_kwargs={"listing": listing, "page": page + 1},
                meta={KIND: PageKind.LISTING.value, SITE: self.profile.name},
            )

    # -- articles ------------------------------------------------------------------------
    async def parse_article_page(self, response: Response) -> AsyncIterator[Any]:
        """An article page: its raw item, and requests for its related articles.

        Its depth, hint and referrer come from ``response.meta["newsbot_article"]``
        (newsbot/spiders/requests.py); a page without it is a start page at depth 0.

        @first_article_of /en
        @returns items 1 1
        @returns requests 1
        @scrapes id url aggregator title body_blocks language time_candidates crawled_at related
        """
        article = article_of(response)
        if article is None:
            found = self.profile.article_id(response.url)
            article = article_meta(
                found[0] if found else "",
                0,
                None,
                {"kind": "start", "url": response.url},
                follows_related=True,
            )
            if response.request is not None:  # a response built without one: a test
                response.meta[ARTICLE] = article
        anchor, page = None, None
        if isinstance(response, TextResponse) and self.profile.article_id(response.url):
            anchor, page = await self._read_page(response, "article")
            if page is not None:
                page.related = await self._resolved(page.related)
        for output in self._article_outputs(response, article, anchor, page):
            yield output

    def _article_outputs(
        self,
        response: Response,
        article: dict[str, Any],
        anchor: datetime | None,
        page: ArticlePage | None,
    ) -> Iterator[Any]:
        hint = article.get("hint")
        found_via = article.get("found_via") or {"kind": "start", "url": response.url}
        depth = article.get("depth", 0)
        found = self.profile.article_id(response.url)
        article_id = found[0] if found else None
        # the depth it is parsed at and what other entries said of it: set by
        # newsbot.middlewares.articles before this callback (the request contract)
        hints = [hint] if hint else []
        hints.extend(article.get(EXTRA_HINTS) or ())
        if not isinstance(response, TextResponse) or found is None or article_id is None:
            self._unparseable(response.url, "not an article page")
            return
        if page is None or anchor is None:
            return
        yield self._item(response, article_id, found[1], page, hints, anchor, found_via)
        # every related entry: the middleware drops those beyond related_depth (and keeps
        # them, to follow them if a shorter path to this article turns up)
        for entry in page.related:
            if entry.article_id != article_id:
                yield from self._follow(entry, PageKind.RELATED, response.url, anchor, depth + 1)

    def _item(
        self,
        response: Response,
        article_id: str,
        language: str,
        page: ArticlePage,
        hints: list[dict[str, Any]],
        anchor: datetime,
        found_via: dict[str, str],
    ) -> dict[str, Any]:
        def first(field: str) -> Any:
            return next((h[field] for h in hints if h.get(field)), None)

        times: list[dict[str, str]] = []
        crawled = to_iso_z(anchor)
        if page.age:
            times.append({"text": page.age, "slot": "header", "anchor": crawled})
        if page.age_datetime:
            times.append(
                {
                    "text": page.age_datetime,
                    "slot": "header_datetime",
                    "anchor": crawled,
                    "printed": page.age,  # what the reader sees beside it (None: nothing)
                }
            )
        for slot, text in page.metadata.published:
            times.append({"text": text, "slot": slot, "anchor": crawled})
        for hint in hints:
            where = {"slot": hint["slot"], "anchor": hint["anchor"]}
            if hint.get("age"):
                times.append({"text": hint["age"], **where})
            if hint.get("age_datetime"):
                times.append({"text": hint["age_datetime"], **where, "printed": hint.get("age")})
        related: list[str] = []
        for entry in page.related:
            if entry.article_id != article_id and entry.article_id not in related:
                related.append(entry.article_id)
        category = page.category or first("category") or page.metadata.section
        source = page.source or first("source")
        if source and category and fold(source) == fold(category):
            # blind site 34b: an entry showing only its category (`General`) gave it as the
            # source too; a line that names the category is not the outlet
            source = None
        return {
            "id": article_id,
            "url": self.canonical_url(response.url, found_via.get("url", response.url)),
            "aggregator": self.profile.name,
            "source": source,
            "title": page.title or first("title"),
            "body_blocks": page.body_blocks,
            "figure_captions": page.figure_captions,
            "category": category,
            "hashtags": page.hashtags,
            "language": language or page.metadata.language,
            "time_candidates": times,
            "crawled_at": crawled,
            "related": related,
            "found_via": found_via,
        }

    # -- following ------------------------------------------------------------------------
    def _hint(self, entry: Entry, slot: str, anchor: datetime) -> dict[str, Any]:
        return {**entry.hint(), "slot": slot, "anchor": to_iso_z(anchor)}

    def _follow(
        self, entry: Entry, kind: PageKind, referrer: str, anchor: datetime, depth: int
    ) -> Iterator[scrapy.Request]:
        """The request for an article entry found at ``depth`` (0 = on a listing).

        Whether it is fetched (once per article, within ``related_depth`` and
        ``max_articles``) is decided by newsbot.middlewares.articles, which also counts it
        as a sighting of an article already scheduled.
        """
        url = self.canonical_url(entry.url, referrer)
        if not self._fetchable(url):  # issue 7: a link we won't fetch changes nothing
            if depth <= self.args.related_depth:  # beyond it, it would not be followed
                self._offsite(url)
            return
        slot = "listing" if kind is PageKind.ARTICLE else "related"
        found_via = {"kind": slot, "url": referrer}
        hint = self._hint(entry, slot, anchor)
        article = article_meta(entry.article_id, depth, hint, found_via, follows_related=True)
        if self._old(entry, anchor):
            article[OLDER_THAN_SINCE] = True  # a sighting only (the request contract)
        yield self._request(url, kind, article)

    async def _resolved(self, entries: list[Entry]) -> list[Entry]:
        """``entries`` with those linked by a permanent link given the article it leads to."""
        if not any(e.article_id.startswith(UNRESOLVED) for e in entries):
            return entries  # most pages: nothing to ask
        try:
            engine = self.crawler.engine  # (Scrapy raises until the crawl has started)
        except (AttributeError, RuntimeError):
            engine = None
        if engine is None:  # a page read without a crawl (a test): such entries are left out
            return [e for e in entries if not e.article_id.startswith(UNRESOLVED)]
        return await resolved_entries(
            entries, self.profile, engine.download_async, self.permalinks, self._stat
        )

    def _offsite(self, url: str) -> None:
        self._stat("skipped/offsite")
        self.logger.debug("Not following %s: not http(s) on an allowed host", url)

    def _request(self, url: str, kind: PageKind, article: dict[str, Any]) -> scrapy.Request:
        """An article request, with the meta of the request contract (spiders/requests.py)."""
        return scrapy.Request(
            url,
            callback=self.parse_article_page,
            errback=self.on_error,
            priority=kind.priority,
            meta={KIND: kind.value, ARTICLE: article, SITE: self.profile.name},
        )

    def _enough_articles(self) -> bool:
        """``max_articles`` articles are scheduled (counted by newsbot.middlewares.articles):
        no more listing pages."""
        limit = self.args.max_articles
        stats = getattr(getattr(self, "crawler", None), "stats", None)
        if limit is None or stats is None:
            return False
        # refused one: the crawl's quota is full (scheduled by a stopped run or other workers)
        return (
            stats.get_value(ARTICLES_SCHEDULED, 0) >= limit
            or stats.get_value(SKIPPED_MAX_ARTICLES, 0) > 0
        )

    def _fetchable(self, url: str) -> bool:
        """http(s) on an allowed host (or a subdomain), as Scrapy's offsite filter decides."""
        return self.hosts.fetchable(url)

    # -- failures ------------------------------------------------------------------------
    def on_error(self, failure: Failure) -> None:
        self._failed(failure)


def content_type(response: Response) -> str | None:
    """The response's ``Content-Type`` header as text, or None."""
    raw = response.headers.get(b"Content-Type")
    return raw.decode("latin-1") if raw else None


def selector_type(response: TextResponse) -> str | None:
    """The selector type Scrapy's ``response.selector`` would use for this response."""
    if isinstance(response, XmlResponse):
        return "xml"
    if isinstance(response, JsonResponse):
        return "json"
    if isinstance(response, HtmlResponse):
        return "html"
    return None
