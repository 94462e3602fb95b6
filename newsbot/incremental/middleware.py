"""Incremental runs, the crawl side: a spider middleware over the request contract.

It reads only what every newsbot spider puts on its article requests
(``request.meta["newsbot_article"]``: id, depth, hint, found_via; see
``newsbot/spiders/requests.py``), so it works for any spider that follows that contract,
and never calls into the spider:

- an article request whose listing or related entry shows the same title and source as
  when the seen-store last recorded the article is dropped (``skipped/seen``), unless its
  page leads to its related articles (``follows_related``), this run would follow them
  (``depth < related_depth``) and the last did not;
- depth upgrades another process made necessary (``newsbot.distributed.expansion``: other
  workers of a Redis crawl, or the run a ``JOBDIR`` resume continues): when a listing
  shows an article that was fetched elsewhere without following its related, or an
  article is parsed without following its related while a listing showed it elsewhere,
  the article is asked for again at depth 0, "expand only" (its related articles are
  followed; its item is not exported twice: ``IncrementalPipeline``). Only for requests
  with ``follows_related``.

The seen-store and its lifecycle (recovery, claims, the commit once every export is
durable) belong to the extension :class:`newsbot.extensions.incremental.IncrementalRuns`,
found with ``crawler.get_extension``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from scrapy import Request
from scrapy.exceptions import NotConfigured

from newsbot.extensions.context import run_context
from newsbot.extensions.incremental import IncrementalRuns
from newsbot.incremental.hashing import listing_fingerprint
from newsbot.spiders.requests import article_of, expand_only, follows_related, is_expand_only
from newsbot.stats import Stats


class IncrementalMiddleware:
    def __init__(self, crawler: Any, runs: IncrementalRuns) -> None:
        self.runs = runs
        self.stats = Stats(crawler)
        self.related_depth = run_context(crawler).related_depth

    @classmethod
    def from_crawler(cls, crawler: Any) -> IncrementalMiddleware:
        runs = crawler.get_extension(IncrementalRuns)
        if runs is None:
            raise NotConfigured("the IncrementalRuns extension is off")
        return cls(crawler, runs)

    async def process_spider_output(
        self, response: Any, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        async for output in result:
            if not isinstance(output, Request):
                yield output
                parsed = self._parsed(response, output)
                if parsed is None:
                    continue
                self.runs.expansions.parsed_at(parsed[0], response.url, parsed[1])
                again = self._parsed_unexpanded(response, *parsed)
                if again is not None:
                    yield again
                continue
            article = article_of(output)
            if article is None or is_expand_only(article.get("found_via")):
                yield output
                continue
            again = self._listed(output, article)
            if again is not None:
                yield again
            if self._seen_unchanged(article):
                self.stats.inc("skipped/seen")
                continue
            yield output

    def _would_expand(self, depth: Any) -> bool:
        return isinstance(depth, int) and depth < self.related_depth

    def _seen_unchanged(self, article: dict[str, Any]) -> bool:
        """The store has the article and its entry shows nothing new."""
        hint = article.get("hint")
        if not hint:
            return False
        record = self.runs.seen(str(article.get("id")))
        if record is None or record.fingerprint is None:
            return False
        if record.fingerprint != listing_fingerprint(hint):
            return False
        if (
            follows_related(article)
            and self._would_expand(article.get("depth"))
            and not record.expanded
        ):
            return False  # fetch it: its related articles were not followed last time
        self.runs.touch(record)
        return True

    def _listed(self, request: Request, article: dict[str, Any]) -> Request | None:
        """A listing shows the article: if it was fetched elsewhere without following its
        related, fetch it again to follow them. Likewise an article a stopped run of this
        JOBDIR job parsed deeper than this request finds it."""
        if not follows_related(article) or not self.related_depth:
            return None
        depth = article.get("depth")
        if not self._would_expand(depth):
            return None
        article_id = str(article.get("id"))
        url = None
        if depth == 0 and article.get("hint"):
            url = self.runs.expansions.listed(article_id)
        url = self.runs.expansions.closer(article_id, depth) or url
        if not url:
            return None
        self.stats.inc("incremental/depth_upgrades")
        return expand_only(request, url, depth)

    def _parsed(self, response: Any, item: Any) -> tuple[str, int] | None:
        """The id of the article the spider parsed from ``response`` and the depth it
        parsed it at; None for an expand-only refetch or a page outside related crawls."""
        article = article_of(response)
        if not follows_related(article) or is_expand_only(article.get("found_via")):
            return None
        depth = article.get("depth")
        article_id = item.get("id") if hasattr(item, "get") else None
        if not article_id or not isinstance(depth, int):
            return None
        return str(article_id), depth

    def _parsed_unexpanded(self, response: Any, article_id: str, depth: int) -> Request | None:
        """An article page was parsed without following its related: if a listing showed
        it elsewhere, fetch it again to follow them."""
        if self._would_expand(depth) or not self.runs.expansions.fetched_unexpanded(
            article_id, response.url
        ):
            return None
        self.runs.mark_expanded(article_id)
        self.stats.inc("incremental/depth_upgrades")
        return expand_only(response.request)
