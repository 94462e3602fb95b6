"""Crawl logic for headline rivers (``kind = "river"`` profiles; ``../shared/reference/river.md``).

A river lists headlines that link to the publishers' own pages, grouped into stories. The
spider reads the river's listing pages (and their further pages) and story pages, follows each
headline to the publisher (through the river's redirects and consent pages: Scrapy follows the
redirects, the profile names the consent pages and their "Continue" labels), and reads the
publisher's page with the generic article reader (:mod:`newsbot.publisher`).

Records: ``url`` is the publisher's canonical URL (else the URL after redirects), ``id`` the MD5
of that normalized URL (:func:`newsbot.publisher.page_id`: stable across runs, and two entries
that reach the same article, whatever link they used, give one record), ``source`` the outlet
as the river names it, ``related`` the ids of the other articles of its story (the story page's
entries), ``found_via`` the river page whose entry led to it (``listing``; ``related`` for an
article only a story page lists).

Related ids are ids of publisher pages, known only once each page is fetched (a ``/r/123``
link says nothing of where it leads). So an article's record waits until the river's listing
and story pages scheduled so far are read and every article of its story has been fetched or
has failed; river pages go before articles (higher priority), so records wait briefly. What
still waits when the crawl runs dry goes out with the related ids known then.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.utils.defer import deferred_from_coro
from twisted.python.failure import Failure

from newsbot.distributed.quota import crawl_quota
from newsbot.extract.page import page_selector
from newsbot.extract.river import RiverEntry, RiverRules, continue_link, read_river_page
from newsbot.profiles import SiteProfile
from newsbot.publisher import normalized_url, page_id
from newsbot.spiders.aggregator import selector_type
from newsbot.spiders.anchors import response_anchor
from newsbot.spiders.publisher_pages import read_publisher_page
from newsbot.spiders.requests import ARTICLE, KIND, SITE, PageKind
from newsbot.spiders.river_ledger import LocalLedger, RedisLedger
from newsbot.spiders.site import SiteSpider
from newsbot.timestamps import to_iso_z
from newsbot.workers.pool import WorkerPool, crawl_workers

# River pages first: an article's record waits for the story pages that name its siblings.
PRIORITY = {"listing": 40, "story": 30, "article": 20, "related": 10}
META_KEYS = (KIND, ARTICLE, SITE)
MAX_HOPS = 3  # consent/interstitial pages between a headline and its publisher


def river_rules(
    profile: SiteProfile, start_urls: list[str], extra_hosts: tuple[str, ...] = ()
) -> RiverRules:
    """The river's hosts, patterns and labels from its profile (and the crawl's start URLs)."""
    raw = profile.raw
    urls, river = raw.get("urls", {}), raw.get("river", {})

    def patterns(value: Any) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for p in ([value] if isinstance(value, str) else value or ()))

    hosts = {d.lower() for d in profile.allowed_domains}
    hosts |= {urlsplit(u).netloc.lower() for u in start_urls if urlsplit(u).netloc}
    hosts |= {h.lower() for h in extra_hosts}
    story = urls.get("story")
    return RiverRules(
        hosts=frozenset(hosts),
        listing=profile.listing_patterns,
        story=re.compile(story) if story else None,
        redirects=patterns(urls.get("redirect")),
        redirect_params=tuple(urls.get("redirect_params", ("u", "url"))),
        interstitials=patterns(urls.get("interstitial")),
        story_labels=frozenset(_fold(s) for s in river.get("story_labels", ())),
        pagination_labels=profile.pagination_labels,
        continue_labels=frozenset(_fold(s) for s in river.get("continue_labels", ())),
        min_headline_words=int(river.get("min_headline_words", 3)),
        timezone=profile.timezone,
        day_first=profile.day_first,
    )


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


class HeadlineRiverSpider(SiteSpider):
    """Any headline river, from its profile (``profile_name``)."""

    def __init__(self, name: str | None = None, **kwargs: Any) -> None:
        super().__init__(name, **kwargs)
        self.rules = river_rules(self.profile, self.start_urls, tuple(self.args.mirror_hosts))
        self.follow_listings = bool(self.profile.raw.get("river", {}).get("follow_listings"))
        # publishers are anywhere: the river decides what is followed, not an offsite list
        self.allowed_domains: list[str] = []
        self.started_at = self.now()
        self.workers: WorkerPool | None = None
        # stories, links and their articles: shared by the workers of a distributed crawl
        self.ledger: LocalLedger = LocalLedger()
        # link key (the publisher URL when the link says it, else the link) -> what this
        # process saw of it: where it was found, what the entries said
        self.links: dict[str, dict[str, Any]] = {}
        self.held: dict[str, dict[str, Any]] = {}  # article id -> record waiting for related
        self.held_hints: dict[str, list[dict[str, Any]]] = {}  # article id -> its entries
        self.emitted: set[str] = set()
        self.articles_scheduled = 0
        # max_articles over the whole crawl (stopped and resumed runs, workers): set at open
        self.quota: Any = None

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> HeadlineRiverSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider._on_opened, signal=signals.spider_opened)
        crawler.signals.connect(spider._on_closed, signal=signals.spider_closed)
        return spider

    def _on_closed(self, spider: scrapy.Spider, reason: str) -> None:
        if spider is self and self.held:
            # not exported: the next run (with JOBDIR too: river pages and headlines are
            # never filtered as seen requests) finds and fetches them again
            self.logger.warning(
                "River: %d record(s) still waited for their stories at close (%s); the next "
                "run fetches them again",
                len(self.held),
                reason,
            )

    def _on_opened(self, spider: scrapy.Spider) -> None:
        """The crawl's worker pool, if any (the extensions exist from now on); a
        distributed crawl (its scheduler says so) shares the ledger through Redis."""
        if spider is self:
            self.workers = crawl_workers(self.crawler)
            self.quota = crawl_quota(self.crawler)
        scheduler = getattr(self.crawler.engine, "scheduler", None)
        prefix = getattr(getattr(scheduler, "keys", None), "crawl_prefix", None)
        server = getattr(scheduler, "server", None)
        if spider is self and prefix and server is not None:
            self.ledger = RedisLedger(server, prefix)
            self.logger.info("River ledger shared through Redis (%s*)", prefix)

    # -- river pages -------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_urls:
            request = self._page_request(url, "listing", {"listing": url, "page": 1})
            if request is not None:
                yield request

    def _page_request(
        self, url: str, kind: str, cb_kwargs: dict[str, Any]
    ) -> scrapy.Request | None:
        if not self.ledger.page_new(url):
            return None
        callback = self.parse_listing_page if kind == "listing" else self.parse_story_page
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.on_page_error,
            priority=PRIORITY[kind],
            cb_kwargs=cb_kwargs,
            dont_filter=True,  # the ledger decides; a filtered request would never call back
            meta={
                KIND: PageKind.LISTING.value,
                "newsbot_river_page": kind,
                SITE: self.profile.name,
            },
        )

    async def parse(self, response: Response, **kwargs: Any) -> AsyncIterator[Any]:
        """A page given without a callback (``scrapy parse URL``): a publisher's article (or
        the river's consent page on the way to one), a story page, or a listing."""
        url = response.url
        if self.rules.is_outlink(url):
            callback = self.parse_article_page(response, link=url)
        elif self.rules.is_story(url):
            callback = self.parse_story_page(response, story=self.rules.story_key(url))
        else:
            callback = self.parse_listing_page(response)
        async for output in callback:
            yield output

    def _river_page(self, response: Response) -> tuple[datetime, Any]:
        anchor = response_anchor(response, self.now())
        if not isinstance(response, TextResponse):
            self._unparseable(response.url, "not a text response")
            return anchor, None
        try:
            selector = page_selector(response.text, response.url, selector_type(response))
            return anchor, read_river_page(selector, response.url, self.rules, anchor)
        except Exception as exc:  # a broken page must never stop the crawl
            self._unparseable(response.url, f"{type(exc).__name__}: {exc}")
            return anchor, None

    async def parse_listing_page(
        self, response: Response, listing: str | None = None, page: int = 1
    ) -> AsyncIterator[Any]:
        """A river page (the front page, a topic): a request for each headline's article or
        story page, and for the next page (``scrapy check river`` ran 0 contracts and said
        OK: ops round 8).

        @site_url /
        @returns items 0 0
        @returns requests 2
        """
        listing = listing or response.url
        anchor, parsed = self._river_page(response)
        if parsed is not None:
            self._stat("listing/pages")
            if not parsed.entries:
                self._stat("listing/empty")
                self.logger.info("Listing page with no entries: %s", response.url)
            fresh = 0
            for entry in parsed.entries:
                fresh += not self._old(entry, anchor)
                found_via = {"kind": "listing", "url": response.url}
                for request in self._follow(entry, found_via, 0, anchor):
                    yield request
            if self.args.related_depth >= 1:
                for url in parsed.stories:
                    story = self.rules.story_key(url)
                    request = self._page_request(url, "story", {"story": story})
                    if request is not None:
                        yield request
            if self.follow_listings and page == 1 and listing in self.start_urls:
                for url in parsed.listings:
                    request = self._page_request(url, "listing", {"listing": url, "page": 1})
                    if request is not None:
                        yield request
            for request in self._next_page(parsed, listing, page, fresh):
                yield request
        self.ledger.page_done()  # after its entries' clusters are in the ledger
        for item in self._release():
            yield item

    def _next_page(self, parsed: Any, listing: str, page: int, fresh: int) -> Iterator[Any]:
        if self.since is not None and parsed.entries and not fresh:
            self.logger.info("Stopping %s at page %d: nothing newer than since", listing, page)
            return
        if self._enough_articles():
            self._stat("listing/stopped_max_articles")
            return
        if page >= self.crawler.settings.getint("NEWSBOT_MAX_PAGES", self.profile.max_pages):
            self._stat("listing/page_limit")
            return
        for url in parsed.next_pages[:1]:
            request = self._page_request(url, "listing", {"listing": listing, "page": page + 1})
            if request is not None:
                yield request

    async def parse_story_page(self, response: Response, story: str = "") -> AsyncIterator[Any]:
        story = story or self.rules.story_key(response.url)
        anchor, parsed = self._river_page(response)
        if parsed is not None:
            self._stat("river/story_pages")
            keys: list[str] = []
            for entry in parsed.entries:
                key = self._key(entry.url)
                if key not in keys:
                    keys.append(key)
                    self.ledger.associate(key, story)
            self.ledger.set_story(story, keys)
            for entry in parsed.entries:
                found_via = {"kind": "related", "url": response.url}
                for request in self._follow(entry, found_via, 1, anchor):
                    yield request
        self.ledger.page_done()  # after the story's links are in the ledger
        for item in self._release():
            yield item

    def on_page_error(self, failure: Failure) -> Iterator[Any]:
        self.ledger.page_done()
        self._failed(failure)
        yield from self._release()

    # -- headlines -----------------------------------------------------------------------------
    def _key(self, url: str) -> str:
        """What identifies a headline link before it is fetched: the publisher URL when the
        link says it (directly or in a redirect's query), else the link itself."""
        target = self.rules.target(url)
        return normalized_url(target) if target else url

    def _enough_articles(self) -> bool:
        limit = self.args.max_articles
        if limit is None:
            return False
        return self.articles_scheduled >= limit or bool(getattr(self.quota, "full", False))

    def _follow(
        self, entry: RiverEntry, found_via: dict[str, str], depth: int, anchor: datetime
    ) -> Iterator[scrapy.Request]:
        key = self._key(entry.url)
        if entry.story and self.args.related_depth >= 1:
            # shown in a story's cluster: its record waits for that story's page
            self.ledger.associate(key, self.rules.story_key(entry.story))
        slot = found_via["kind"]
        hint = {**entry.hint(), "slot": slot, "anchor": to_iso_z(anchor)}
        state = self.links.get(key)
        if state is not None:
            if found_via["kind"] == "listing" and state["found_via"]["kind"] != "listing":
                state["found_via"], state["depth"] = found_via, 0
            if len(state["hints"]) < 3:
                state["hints"].append(hint)
            return
        state = {"found_via": found_via, "depth": depth, "hints": [hint]}
        self.links[key] = state
        if not self.ledger.link_new(key):
            return  # another worker follows it (a distributed crawl)
        if self._old(entry, anchor):
            self._stat("skipped/older_than_since")
            self.ledger.resolve(key, None)
            return
        if self._enough_articles() or (self.quota is not None and not self.quota.take(key)):
            self._stat("skipped/max_articles")
            self.ledger.resolve(key, None)
            return
        self.articles_scheduled += 1
        self._stat("articles/scheduled")
        kind = PageKind.ARTICLE if depth == 0 else PageKind.RELATED
        yield scrapy.Request(
            entry.url,
            callback=self.parse_article_page,
            errback=self.on_article_error,
            priority=PRIORITY[kind.value],
            cb_kwargs={"link": key, "hops": 0},
            dont_filter=True,  # two links may redirect to one page: each must call back
            meta={
                SITE: self.profile.name,
                KIND: kind.value,
                ARTICLE: {
                    # provisional: the record's id comes from the page's canonical URL
                    "id": page_id(key),
                    "depth": depth,
                    "hint": hint,
                    "found_via": found_via,
                },
            },
        )

    # -- publisher pages ---------------------------------------------------------------------
    async def parse_article_page(
        self, response: Response, link: str | None = None, hops: int = 0
    ) -> AsyncIterator[Any]:
        link = link or response.url
        if isinstance(response, TextResponse) and self.rules.on_river(response.url):
            # a consent or interstitial page of the river: go on to the article
            for request in self._go_on(response, link, hops):
                yield request
            return
        item = None
        if isinstance(response, HtmlResponse):
            item = await self._read(response, link)
        else:
            kind = response.headers.get(b"Content-Type", b"").decode("latin-1") or "no type"
            self._unparseable(response.url, f"not an HTML page ({kind})")
        if item is None:
            self.ledger.resolve(link, None)
        else:
            self._stat("river/article_pages")
            self._take(link, item, response.meta.get("newsbot_article") or {})
        for output in self._release():
            yield output

    def _go_on(self, response: TextResponse, link: str, hops: int) -> Iterator[scrapy.Request]:
        selector = page_selector(response.text, response.url, selector_type(response))
        target = continue_link(selector, response.url, self.rules) if hops < MAX_HOPS else None
        if target is None:
            self._unparseable(response.url, "a river page where an article was expected")
            self.ledger.resolve(link, None)
            return
        self._stat("river/interstitials")
        request = response.request
        meta: dict[str, Any] = {"newsbot_kind": PageKind.ARTICLE.value}
        if request is not None:
            meta.update({k: request.meta[k] for k in META_KEYS if k in request.meta})
        yield scrapy.Request(
            target,
            callback=self.parse_article_page,
            errback=self.on_article_error,
            priority=request.priority if request is not None else PRIORITY["article"],
            cb_kwargs={"link": link, "hops": hops + 1},
            dont_filter=True,
            meta=meta,  # the headline's, not the consent page's download meta
        )

    async def _read(self, response: HtmlResponse, link: str) -> dict[str, Any] | None:
        found_via = (response.meta.get("newsbot_article") or {}).get("found_via") or {
            "kind": "start",
            "url": link,
        }
        return await read_publisher_page(self, response, found_via)

    def _take(self, link: str, item: dict[str, Any], carried: dict[str, Any]) -> None:
        """A publisher page read: complete its record with what the river says, hold it."""
        article_id = item["id"]
        self.ledger.resolve(link, article_id)
        self.ledger.add_key_of(article_id, link)
        state = self._state(link, carried)
        held = self.held.get(article_id)
        if held is not None:  # another entry reached the same article: one record
            self._stat("river/same_article_again")
            if held["found_via"]["kind"] != "listing" and state["found_via"]["kind"] == "listing":
                held["found_via"] = state["found_via"]
            held["time_candidates"].extend(self._age_candidates(state))
            return
        if article_id in self.emitted or not self.ledger.claim(article_id, link):
            self._stat("river/same_article_again")  # its record comes from another link
            return
        item["aggregator"] = self.profile.name
        item["found_via"] = state["found_via"]
        item["time_candidates"] = [*item.get("time_candidates", []), *self._age_candidates(state)]
        self.held[article_id] = item
        # the link's entries, read again when the record goes out: an entry seen after the
        # page (a story page read later) may be the first to name the outlet
        self.held_hints[article_id] = state["hints"]

    def _state(self, link: str, carried: dict[str, Any]) -> dict[str, Any]:
        """What is known of a link: this process's entries, else what its request carries
        (a request queued by another worker, or by a stopped run)."""
        state = self.links.get(link)
        if state is not None:
            return state
        hint = carried.get("hint")
        return {
            "found_via": carried.get("found_via") or {"kind": "start", "url": link},
            "hints": [hint] if isinstance(hint, dict) else [],
        }

    @staticmethod
    def _age_candidates(state: dict[str, Any]) -> list[dict[str, str]]:
        return [
            {"text": h["age"], "slot": h["slot"], "anchor": h["anchor"]}
            for h in state.get("hints", [])
            if h.get("age")
        ]

    def on_article_error(self, failure: Failure) -> Iterator[Any]:
        request = self._failed(failure)
        link = (request.cb_kwargs or {}).get("link")
        if link:
            self.ledger.resolve(link, None)
        yield from self._release()

    # -- related ids and release -------------------------------------------------------------
    def _related(self, article_id: str, force: bool) -> list[str] | None:
        """The ids of the other articles of its stories; None while one is unknown."""
        stories = sorted(self.ledger.stories_of(self.ledger.keys_of(article_id)))
        keys: list[str] = []
        for story_keys in self.ledger.story_keys(stories).values():
            keys.extend(k for k in story_keys if k not in keys)
        resolved = self.ledger.resolved(keys)
        if not force and len(resolved) < len(keys):
            return None
        related: list[str] = []
        for key in keys:
            other = resolved.get(key)
            if other is None and not self.rules.on_river(key):
                # never fetched (a middleware skipped it as seen and unchanged): the link
                # names the publisher's page, whose id its request carried
                other = page_id(key)
            if other and other != article_id and other not in related:
                related.append(other)
        return related

    def _release(self, force: bool = False) -> Iterator[dict[str, Any]]:
        if not self.held or (not force and self.ledger.pages_pending() > 0):
            return
        for article_id in list(self.held):
            # another release (a callback's, the idle one) may have sent it while this one
            # waited at a yield: Scrapy reads callbacks' output lazily
            if article_id not in self.held:
                continue
            related = self._related(article_id, force)
            if related is None:
                continue
            item = self.held.pop(article_id)
            item["related"] = related
            hints = self.held_hints.pop(article_id, [])
            # the outlet as the river names it; the publisher's own name only when no entry
            # names it
            item["source"] = next(
                (h["source"] for h in hints if h.get("source")), item.get("source")
            )
            item["title"] = item.get("title") or next(
                (h["title"] for h in hints if h.get("title")), None
            )
            self.emitted.add(article_id)
            yield item

    def _on_idle(self, spider: scrapy.Spider) -> None:
        """Nothing left to fetch here: what still waits goes to the item pipelines now, with
        the related ids known (the engine stays open while they are processed)."""
        if spider is not self or not self.held:
            return
        scraper = self.crawler.engine.scraper
        ready = list(self._release())
        scheduler = getattr(self.crawler.engine, "scheduler", None)
        others = getattr(scheduler, "others_at_work", None)
        if self.held and not (callable(others) and others()):
            # nobody will resolve the rest: out with the related ids known now
            self._stat("river/released_at_idle", len(self.held))
            ready += self._release(force=True)
        for item in ready:
            deferred_from_coro(scraper.start_itemproc_async(item, response=None))
        raise DontCloseSpider  # looked at again once those items are through


class RiverSpider(HeadlineRiverSpider):
    """The headline river of ``settings/river.toml``."""

    name = "river"
    profile_name = "river"
