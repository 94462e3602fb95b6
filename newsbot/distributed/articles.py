"""Which URL each article of a distributed crawl was first exported from, shared by its
workers.

The workers share one queue and one duplicate filter, so they never fetch the same URL
twice; but the same article can have two URLs (a mirror host the operator did not name with
``-a mirror_hosts``), and each worker's own duplicate check sees only its items (ops round 9:
104 lines for 103 articles). The first URL of each article id is kept in Redis for the
crawl (under the crawl's prefix: cleared with its duplicate filter): an item whose id came
first from another URL is a duplicate. The same URL again is not: it is a page fetched once
more because the worker that had it died, and its article must still be exported.
"""

from __future__ import annotations

from typing import Any

from newsbot.distributed.connection import connect


def article_urls_key(spider: str) -> str:
    return f"newsbot:{spider}:crawl:article_urls"


class SharedArticleUrls:
    def __init__(self, url: str, spider: str, timeout: float | None = None) -> None:
        self.server = connect(url, timeout)
        self.key = article_urls_key(spider)

    def first_url(self, article_id: str, url: str) -> str:
        """The URL the article was first seen at in this crawl (``url`` if this is it)."""
        if self.server.hsetnx(self.key, article_id, url):
            return url
        found: Any = self.server.hget(self.key, article_id)
        if found is None:  # cleared meanwhile (a new crawl): this one is the first
            self.server.hset(self.key, article_id, url)
            return url
        return found.decode() if isinstance(found, bytes) else str(found)
