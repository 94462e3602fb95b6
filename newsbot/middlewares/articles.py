"""Which articles a run fetches, at what depth: a spider middleware over the request contract.

Scrapy's ``DepthMiddleware`` keeps a request's depth in ``request.meta`` and drops what
lies beyond ``DEPTH_LIMIT``; this does the same for articles and their related articles,
from what every article request carries (``meta["newsbot_article"]``, see
``newsbot/spiders/requests.py``), for requests whose article page leads to its related
articles (``follows_related``: a republisher such as Daily8; a river's related articles
come from story pages and its spider keeps its own links). The spider yields a request
for every article entry it reads (a listing's entries at depth 0, an article's related
entries at its depth + 1) and items; this middleware, per run:

- schedules an article once (by id), counts ``articles/scheduled`` and stops scheduling
  at ``max_articles`` (``skipped/max_articles``), counted over the whole crawl (its stopped
  and resumed runs, its workers: :mod:`newsbot.distributed.quota`); an entry the spider marked
  ``older_than_since`` is not fetched (``skipped/older_than_since``) but, for an article
  already scheduled, still counts as a sighting below;
- drops related entries beyond ``related_depth``, keeping them (without page text) for
  the articles parsed at depth > 0: when a shorter path to such an article turns up (a
  listing, a closer article), its related entries are followed from the closer depth
  (and their own, recursively), and the depth in its ``newsbot_article`` meta is lowered;
- when an article not yet parsed is found closer, passes the closer request on (the
  duplicate filter drops it while the first is on its way; the incremental middleware
  learns of the shorter path);
- keeps up to ``MAX_EXTRA_HINTS`` distinct hints from other sightings of an article not
  yet parsed and hands them to its callback in ``newsbot_article["extra_hints"]``, with
  ``depth`` set to the depth it is parsed at (``process_spider_input``). Until the
  callback's first output (its page may be read in a worker meanwhile) a shorter path
  lowers that ``depth`` in place, so the callback reads the shortest; one found later is
  caught up after its output (its related entries followed from there);
- keeps up to ``MAX_SPARE_ADDRESSES`` other addresses an article not yet parsed was linked
  at (``/en/article/<id>`` and ``/en/article/<id>/index.html``): when its request fails
  for good at one (a 404 behind a broken link spelling: ``article_failed``), the next is
  fetched (``articles/fetched_elsewhere``); one first seen after every address failed is
  fetched when seen.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any

from itemadapter import ItemAdapter
from scrapy import Request

from newsbot.distributed.quota import crawl_quota
from newsbot.extensions.context import run_context
from newsbot.spiders.requests import (
    ARTICLE,
    EXTRA_HINTS,
    KIND,
    OLDER_THAN_SINCE,
    SITE,
    article_failed,
    article_of,
    follows_related,
    is_expand_only,
)
from newsbot.stats import Stats

logger = logging.getLogger(__name__)

# Hints kept per article besides the one its request carries.
MAX_EXTRA_HINTS = 3
# Other addresses kept per article not yet parsed, to fetch if its first one fails.
MAX_SPARE_ADDRESSES = 2
# Failures another address of the same article may not have: the page is not at that
# address (404, 410, 400...), loops or is refused there. Not a server that is down or
# overloaded (429, 503, timeouts, refused connections), which every address shares.
_NOT_AT_THIS_ADDRESS = ("redirect_loop", "too_large")
_SERVER_WIDE = ("http_429", "http_503")

# What a related entry beyond the depth limit is kept as, one flat tuple (a third of a
# dict's size): URL, id, older than since, the hint's keys (one shared tuple) or None, and
# the hint's values.
Kept = tuple[Any, ...]


class _Unexpanded:
    """An article parsed at depth > 0: its related entries, to follow if found closer."""

    __slots__ = ("article", "template", "found_via", "entries", "followed")

    def __init__(self, article: dict[str, Any]) -> None:
        self.article = article  # its response's newsbot_article meta (depth lowered here)
        self.template: Request | None = None  # how its related requests are made
        self.found_via: dict[str, Any] | None = None
        # its related entries (followed or not), kept to ask for them from a shorter path
        self.entries: tuple[Kept, ...] = ()
        self.followed = False  # its related entries were followed when it was read


class ArticleStateMiddleware:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        context = run_context(crawler)
        self.related_depth = context.related_depth
        self.max_articles = context.max_articles
        self.quota = crawl_quota(crawler)
        self.stats = Stats(crawler)
        self.scheduled: set[str] = set()
        self.depth: dict[str, int] = {}  # the shortest depth each article was found at
        self.pending_hints: dict[str, list[dict[str, Any]]] = {}  # scheduled, not parsed
        self.unexpanded: dict[str, _Unexpanded] = {}
        # articles whose callback has not output anything yet (their page is being read,
        # e.g. in a worker): a shorter path found meanwhile lowers their depth in place
        self.reading: dict[str, list[dict[str, Any]]] = {}
        # one request per (callback, errback, priority, kind): re-expanded requests are
        # made from it, so a kept entry holds no request of its own
        self.templates: dict[tuple[Any, ...], Request] = {}
        self.hint_keys: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple per key set
        # scheduled, no record made yet: the addresses asked for, others it was linked at,
        # and those whose every address asked for failed
        self.asked: dict[str, tuple[str, ...]] = {}
        self.spare: dict[str, list[Request]] = {}
        self.failed_everywhere: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Any) -> ArticleStateMiddleware:
        middleware = cls(crawler)
        crawler.signals.connect(middleware.article_failed, signal=article_failed)
        return middleware

    def article_failed(self, request: Request, kind: str) -> None:
        """An article's request failed for good: fetch it at another address it was linked
        at, if any (else one seen later is fetched when seen)."""
        article = article_of(request)
        if article is None or not follows_related(article):
            return
        article_id = str(article.get("id"))
        if article_id not in self.asked or not _elsewhere_may_help(kind):
            return
        spare = self.spare.get(article_id)
        if not spare:
            self.failed_everywhere.add(article_id)  # a later sighting is fetched when seen
            return
        retry = spare.pop(0)
        if not spare:
            del self.spare[article_id]
        self.asked[article_id] += (retry.url,)
        self.stats.inc("articles/fetched_elsewhere")
        logger.info(
            "Article %s failed at %s (%s): fetching it at %s", article_id, request.url, kind,
            retry.url,
        )  # fmt: skip
        self.crawler.engine.crawl(retry)

    # -- Scrapy hooks --------------------------------------------------------------------
    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for output in start:
            for request in self._requests(output):
                yield request

    def process_spider_input(self, response: Any) -> None:
        """Before the callback: the depth the article is parsed at, and its extra hints."""
        article = article_of(response)
        if not follows_related(article) or article is None:
            return
        article_id = str(article.get("id"))
        article.pop(EXTRA_HINTS, None)
        extra = self.pending_hints.get(article_id)
        if extra is not None:
            # the list itself: sightings while the page is read (e.g. in a worker) count
            article[EXTRA_HINTS] = extra
        depth = article.get("depth", 0)
        if not isinstance(depth, int):
            return
        depth = min(depth, self.depth.get(article_id, depth))
        self.depth.setdefault(article_id, depth)  # e.g. requests resumed from JOBDIR
        article["depth"] = depth
        self.reading.setdefault(article_id, []).append(article)

    async def process_spider_output(
        self, response: Any, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        parent = article_of(response)
        if not follows_related(parent):
            parent = None
        parsed: _Unexpanded | None = None
        parsed_id: str | None = None
        kept: list[Kept] = []
        made = False  # the callback made its record (not an error page's errback)
        try:
            async for output in result:
                if parent is not None:
                    self._read(parent)  # the callback has read its depth by its first output
                if not isinstance(output, Request):
                    made = made or ItemAdapter.is_item(output)
                    # only an article read at depth > 0 keeps its related entries (one read
                    # at depth 0 has followed them all, from the shortest path there is)
                    if (
                        parent is not None
                        and parsed is None
                        and _deeper_than_listing(parent)
                        and ItemAdapter.is_item(output)
                    ):
                        adapter = ItemAdapter(output)
                        if adapter.get("id"):
                            parsed, parsed_id = _Unexpanded(parent), str(adapter.get("id"))
                    yield output
                    continue
                article = article_of(output)
                depth = article.get("depth") if follows_related(article) and article else None
                if parsed is not None and article is not None and isinstance(depth, int):
                    # every related entry is kept, followed or not: a shorter path later
                    # asks for it again at the shorter depth (an article the duplicate
                    # filter or the seen-store turned away this run still gets its own
                    # related followed from there)
                    if parsed.template is None:
                        parsed.template = self._template(output)
                        parsed.found_via = article.get("found_via")
                    kept.append(self._kept(output, article))
                if article is not None and isinstance(depth, int) and depth > self.related_depth:
                    # beyond the limit: a sighting only; kept for a shorter path later
                    self._sighted(str(article.get("id")), article.get("hint"))
                    continue
                for request in self._requests(output):
                    yield request
        finally:
            if parent is not None:
                self._read(parent)
                self._done_with(str(parent.get("id")), made)
        if parent is None or parsed is None or parsed_id is None:
            return
        depth = parent["depth"]  # the depth it was parsed at (> 0: _deeper_than_listing)
        parsed.entries = tuple(kept)
        parsed.followed = depth < self.related_depth
        self.unexpanded[parsed_id] = parsed
        closer = self.depth.get(parsed_id, depth)
        if closer < depth:  # a shorter path turned up while the page was parsed
            for request in self._expand(parsed_id, closer):
                yield request

    # -- scheduling ----------------------------------------------------------------------
    def _requests(self, output: Any) -> Iterator[Any]:
        """What goes on for one output of the spider (or of a re-expansion)."""
        article = article_of(output) if isinstance(output, Request) else None
        if not follows_related(article) or article is None:
            yield output
            return
        if is_expand_only(article.get("found_via")):
            yield output
            return
        article_id = str(article.get("id"))
        depth = article.get("depth", 0)
        older = bool(article.pop(OLDER_THAN_SINCE, False))
        known_depth = self.depth.get(article_id)
        if known_depth is not None:
            self._sighted(article_id, article.get("hint"))
            if self._elsewhere(article_id, output):
                yield output  # every address it was asked at failed: this one now
                return
            if isinstance(depth, int) and depth < known_depth:
                self.depth[article_id] = depth
                for reading in self.reading.get(article_id, ()):
                    reading["depth"] = min(reading.get("depth", depth), depth)
                if article_id in self.unexpanded:
                    yield from self._expand(article_id, depth)
                else:
                    # not parsed here (yet): asked for again at the shorter depth; the
                    # duplicate filter drops it when the first request is on its way, and
                    # middlewares learn of the shorter path (newsbot.incremental.middleware)
                    yield output
            return
        if older:
            self.stats.inc("skipped/older_than_since")
            return
        if article_id in self.scheduled:
            return
        if self.max_articles is not None and not self.quota.take(article_id):
            self.stats.inc("skipped/max_articles")
            return
        self.scheduled.add(article_id)
        self.stats.inc("articles/scheduled")  # "articles found", for the health checks
        self.pending_hints[article_id] = []
        self.asked[article_id] = (output.url,)
        self.depth[article_id] = depth if isinstance(depth, int) else 0
        yield output

    def _elsewhere(self, article_id: str, request: Request) -> bool:
        """A sighting of an article not yet parsed at an address not asked for: kept as a
        spare; True when it is to be fetched now (every address asked for failed)."""
        asked = self.asked.get(article_id)
        if asked is None or request.url in asked:
            return False
        if article_id in self.failed_everywhere:
            self.failed_everywhere.discard(article_id)
            self.asked[article_id] = (*asked, request.url)
            self.stats.inc("articles/fetched_elsewhere")
            logger.info(
                "Article %s failed at %s: fetching it at %s", article_id, asked[-1], request.url
            )
            return True
        spare = self.spare.setdefault(article_id, [])
        if len(spare) < MAX_SPARE_ADDRESSES and all(s.url != request.url for s in spare):
            spare.append(request)
        return False

    def _done_with(self, article_id: str, made: bool) -> None:
        """Its callback ran. With a record made, what was kept for it goes. Without (an
        error page's errback, a page that could not be read), its hints stay for a fetch
        at another address."""
        if not made:
            return
        self.pending_hints.pop(article_id, None)
        self.asked.pop(article_id, None)
        self.spare.pop(article_id, None)
        self.failed_everywhere.discard(article_id)

    def _expand(self, article_id: str, depth: int) -> Iterator[Request]:
        """Follow the related entries of an article already parsed, now at ``depth``."""
        stored = self.unexpanded.get(article_id)
        if stored is None:
            return
        if depth == 0:
            del self.unexpanded[article_id]
        if depth >= self.related_depth:
            return
        stored.article["depth"] = min(depth, stored.article.get("depth", depth))
        if stored.template is None:
            return
        for entry in stored.entries:
            known_depth = self.depth.get(entry[1])
            if known_depth is not None and known_depth <= depth + 1:
                continue  # nothing changes for it (its hint was kept when first followed)
            if known_depth is None and stored.followed:
                continue  # followed then and not scheduled (a filter, max_articles): still so
            # parsed here: its own related are followed from the shorter depth; scheduled
            # and not parsed here (on its way, or turned away by the duplicate filter or
            # the seen-store): asked for again, for the middlewares after this one
            yield from self._requests(_request(stored, entry, depth + 1))

    def _read(self, article: dict[str, Any]) -> None:
        """The callback has read the article's depth: no more lowering it in place."""
        article_id = str(article.get("id"))
        reading = self.reading.get(article_id)
        if reading is None:
            return
        for n, held in enumerate(reading):
            if held is article:
                del reading[n]
                break
        if not reading:
            del self.reading[article_id]

    def _sighted(self, article_id: str, hint: Any) -> None:
        """Keep what another listing or related entry says about an article not yet parsed.

        A few distinct hints are enough (an article related to hundreds of others would
        otherwise hold hundreds of copies of the same title and age in memory).
        """
        hints = self.pending_hints.get(article_id)
        if hints is None or len(hints) >= MAX_EXTRA_HINTS or not isinstance(hint, dict):
            return
        key = _hint_key(hint)
        if any(key == _hint_key(held) for held in hints):
            return
        hints.append(hint)

    def _kept(self, request: Request, article: dict[str, Any]) -> Kept:
        hint = article.get("hint")
        head = (request.url, str(article.get("id")), bool(article.get(OLDER_THAN_SINCE)))
        if not isinstance(hint, dict):
            return (*head, None)
        keys = tuple(hint)
        keys = self.hint_keys.setdefault(keys, keys)
        return (*head, keys, *hint.values())

    def _template(self, request: Request) -> Request:
        meta = {k: request.meta[k] for k in (KIND, SITE) if k in request.meta}
        if request.cb_kwargs:  # its own: not shared
            return request.replace(meta=meta)
        key = (request.callback, request.errback, request.priority, *meta.items())
        template = self.templates.get(key)
        if template is None:
            template = self.templates[key] = request.replace(meta=meta)
        return template


def _elsewhere_may_help(kind: str) -> bool:
    if kind.startswith("http_"):
        return kind not in _SERVER_WIDE
    return kind in _NOT_AT_THIS_ADDRESS


def _deeper_than_listing(article: dict[str, Any]) -> bool:
    depth = article.get("depth")
    return isinstance(depth, int) and depth > 0


def _hint_key(hint: dict[str, Any]) -> tuple[Any, ...]:
    return (hint.get("age"), hint.get("age_datetime"), hint.get("source"), hint.get("anchor"))


def _request(stored: _Unexpanded, entry: Kept, depth: int) -> Request:
    """A kept related entry's request, now at ``depth``."""
    assert stored.template is not None
    url, article_id, older, keys, *values = entry
    hint = None if keys is None else dict(zip(keys, values, strict=True))
    article: dict[str, Any] = {
        "id": article_id,
        "depth": depth,
        "hint": hint,
        "found_via": dict(stored.found_via or {}),
        "follows_related": True,
    }
    if older:
        article[OLDER_THAN_SINCE] = True
    meta = {**stored.template.meta, ARTICLE: article}
    return stored.template.replace(url=url, meta=meta)
