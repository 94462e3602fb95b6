"""Shared bookkeeping so an article found "as related" still gets its related followed
when a listing shows it, whichever worker saw what.

The spider follows an article once, at the depth it was first found. With one process the
request priorities make that the listing depth; with several workers (or after a resume)
an article can be fetched as a related entry (its related articles not followed) by one
worker while another finds it on a listing and the duplicate filter drops that request.
Two atomic scripts on two Redis keys settle it, whoever comes second acting:

- ``listed(id)``: a worker saw the article on a listing. If a worker already fetched it
  without following its related, returns that article's URL: the caller fetches it again
  at depth 0 (``expand only``: its related are followed, the item is not exported twice).
- ``fetched_unexpanded(id, url)``: a worker fetched it without following its related. True
  when a listing already showed it: the caller follows its related from the page it has.
"""

from __future__ import annotations

from typing import Any

LISTED = """
redis.call('SADD', KEYS[1], ARGV[1])
local url = redis.call('HGET', KEYS[2], ARGV[1])
if url then redis.call('HDEL', KEYS[2], ARGV[1]) end
return url
"""

FETCHED = """
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 1 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 0
"""


def expansion_keys(spider: str) -> tuple[str, str]:
    return f"newsbot:{spider}:listed", f"newsbot:{spider}:unexpanded"


class RedisExpansions:
    def __init__(self, url: str, spider: str) -> None:
        import redis

        self.server = redis.Redis.from_url(url)
        self.keys = list(expansion_keys(spider))
        self._listed = self.server.register_script(LISTED)
        self._fetched = self.server.register_script(FETCHED)

    def listed(self, article_id: str) -> str | None:
        url: Any = self._listed(keys=self.keys, args=[article_id])
        return url.decode() if isinstance(url, bytes) else url

    def fetched_unexpanded(self, article_id: str, url: str) -> bool:
        return bool(self._fetched(keys=self.keys, args=[article_id, url]))

    def close(self) -> None:
        self.server.close()


class LocalExpansions:
    """The same bookkeeping in memory, for one process (a resume from ``JOBDIR`` needs it:
    requests queued by the stopped run carry their old depth, unknown to the new process)."""

    def __init__(self) -> None:
        self.on_listing: set[str] = set()
        self.unexpanded: dict[str, str] = {}

    def listed(self, article_id: str) -> str | None:
        self.on_listing.add(article_id)
        return self.unexpanded.pop(article_id, None)

    def fetched_unexpanded(self, article_id: str, url: str) -> bool:
        if article_id in self.on_listing:
            return True
        self.unexpanded[article_id] = url
        return False

    def close(self) -> None:
        self.unexpanded.clear()
