"""What a river crawl knows about its stories and links, in memory or shared through Redis.

A river record's related ids are the ids of the publisher pages its story's links lead to,
known only once those pages are fetched, perhaps by another worker of a distributed crawl.
The ledger holds, for one crawl: which river pages were scheduled and how many are still
unread, which link led to which article id, which links a story page (or a story's cluster on
a listing) shows, and which links reached each article. :class:`LocalLedger` keeps it in
memory (one process); :class:`RedisLedger` in Redis under the crawl's own prefix, which the
distributed scheduler clears when a crawl starts afresh and when its last worker is done.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

FAILED = ""  # a link whose page failed or was skipped: resolved, to no article


class LocalLedger:
    def __init__(self) -> None:
        self.pages: set[str] = set()
        self.pending = 0
        self.links: dict[str, str] = {}
        self.stories: dict[str, list[str]] = {}
        self.stories_of_key: dict[str, set[str]] = {}
        self.keys_of_id: dict[str, set[str]] = {}
        self.owners: dict[str, str] = {}
        self.followed: set[str] = set()

    def link_new(self, key: str) -> bool:
        """True the first time a headline link is followed (by any worker)."""
        if key in self.followed:
            return False
        self.followed.add(key)
        return True

    def claim(self, article_id: str, key: str) -> bool:
        """True when the record of ``article_id`` is made from the page ``key`` led to: the
        first link to reach it, or that same link again (its request re-queued after a
        worker died). Another link to the same article makes no second record."""
        return self.owners.setdefault(article_id, key) == key

    def page_new(self, url: str) -> bool:
        """True (and one more page pending) the first time ``url`` is scheduled."""
        if url in self.pages:
            return False
        self.pages.add(url)
        self.pending += 1
        return True

    def page_done(self) -> None:
        self.pending -= 1

    def pages_pending(self) -> int:
        return self.pending

    def resolve(self, key: str, article_id: str | None) -> None:
        self.links[key] = article_id or FAILED

    def resolved(self, keys: Iterable[str]) -> dict[str, str]:
        return {k: self.links[k] for k in keys if k in self.links}

    def add_key_of(self, article_id: str, key: str) -> None:
        self.keys_of_id.setdefault(article_id, set()).add(key)

    def keys_of(self, article_id: str) -> set[str]:
        return set(self.keys_of_id.get(article_id, ()))

    def associate(self, key: str, story: str) -> None:
        self.stories_of_key.setdefault(key, set()).add(story)

    def stories_of(self, keys: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for key in keys:
            found |= self.stories_of_key.get(key, set())
        return found

    def set_story(self, story: str, keys: list[str]) -> None:
        self.stories[story] = list(keys)

    def story_keys(self, stories: Iterable[str]) -> dict[str, list[str]]:
        """The links of each story whose page was read (others are left out)."""
        return {s: self.stories[s] for s in stories if s in self.stories}


class RedisLedger(LocalLedger):
    """The same ledger in Redis, shared by every worker of one distributed crawl."""

    def __init__(self, server: Any, prefix: str) -> None:
        super().__init__()
        self.server = server
        self.prefix = prefix

    def _k(self, name: str) -> str:
        return f"{self.prefix}river:{name}"

    def link_new(self, key: str) -> bool:
        return bool(self.server.sadd(self._k("followed"), key))

    def claim(self, article_id: str, key: str) -> bool:
        self.server.hsetnx(self._k("owners"), article_id, key)
        return _text(self.server.hget(self._k("owners"), article_id)) == key

    def page_new(self, url: str) -> bool:
        if not self.server.sadd(self._k("pages"), url):
            return False
        self.server.incr(self._k("pending"))
        return True

    def page_done(self) -> None:
        self.server.decr(self._k("pending"))

    def pages_pending(self) -> int:
        return int(self.server.get(self._k("pending")) or 0)

    def resolve(self, key: str, article_id: str | None) -> None:
        self.server.hset(self._k("links"), key, article_id or FAILED)

    def resolved(self, keys: Iterable[str]) -> dict[str, str]:
        keys = list(keys)
        if not keys:
            return {}
        values = self.server.hmget(self._k("links"), keys)
        return {k: _text(v) for k, v in zip(keys, values, strict=True) if v is not None}

    def add_key_of(self, article_id: str, key: str) -> None:
        self.server.sadd(self._k(f"keys:{article_id}"), key)

    def keys_of(self, article_id: str) -> set[str]:
        return {_text(v) for v in self.server.smembers(self._k(f"keys:{article_id}"))}

    def associate(self, key: str, story: str) -> None:
        self.server.sadd(self._k(f"stories-of:{key}"), story)

    def stories_of(self, keys: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for key in keys:
            found |= {_text(v) for v in self.server.smembers(self._k(f"stories-of:{key}"))}
        return found

    def set_story(self, story: str, keys: list[str]) -> None:
        self.server.hset(self._k("stories"), story, json.dumps(keys))

    def story_keys(self, stories: Iterable[str]) -> dict[str, list[str]]:
        stories = list(stories)
        if not stories:
            return {}
        values = self.server.hmget(self._k("stories"), stories)
        return {s: json.loads(v) for s, v in zip(stories, values, strict=True) if v is not None}


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)
