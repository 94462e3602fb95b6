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

import json
from pathlib import Path
from typing import Any

from newsbot.atomic import write_atomically
from newsbot.distributed.connection import connect

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
    def __init__(self, url: str, spider: str, timeout: float | None = None) -> None:
        self.server = connect(url, timeout)
        self.keys = list(expansion_keys(spider))
        self._listed = self.server.register_script(LISTED)
        self._fetched = self.server.register_script(FETCHED)

    def listed(self, article_id: str) -> str | None:
        url: Any = self._listed(keys=self.keys, args=[article_id])
        return url.decode() if isinstance(url, bytes) else url

    def fetched_unexpanded(self, article_id: str, url: str) -> bool:
        return bool(self._fetched(keys=self.keys, args=[article_id, url]))

    def parsed_at(self, article_id: str, url: str, depth: int) -> None:
        """Not shared between workers: a closer path to an article another worker parsed
        at depth > 0 is not followed up (only a listing's, above)."""

    def closer(self, article_id: str, depth: int) -> str | None:
        return None

    def close(self) -> None:
        self.server.close()


class LocalExpansions:
    """The same bookkeeping in memory, for one process and the runs of one ``JOBDIR`` job.

    A stopped job keeps it in the JOBDIR (:meth:`save`) and the run that resumes it starts
    from it (:meth:`load`): an article the stopped run fetched as a related entry, then shown
    by a listing the resumed run reads, is fetched again to follow its related (the
    duplicate filter, kept in the JOBDIR too, would drop the listing's request)."""

    def __init__(self, track_depths: bool = False) -> None:
        self.on_listing: set[str] = set()
        self.unexpanded: dict[str, str] = {}
        # with related_depth >= 2 in a JOBDIR job: the depth (> 0) and URL each article was
        # parsed at, this run's and the stopped runs' (whose closer paths this run follows up)
        self.track_depths = track_depths
        self.depths: dict[str, tuple[int, str]] = {}
        self.earlier: dict[str, tuple[int, str]] = {}

    @classmethod
    def load(cls, path: Path, track_depths: bool = False) -> LocalExpansions:
        """What :meth:`save` wrote; ``OSError`` or ``ValueError`` if it cannot be read."""
        data = json.loads(path.read_text(encoding="utf-8"))
        state = cls(track_depths)
        try:
            listed, unexpanded = data["listed"], data["unexpanded"]
            depths = data.get("depths", {})
            if not isinstance(listed, list):
                raise TypeError("listed")
            state.on_listing = {str(i) for i in listed}
            state.unexpanded = {str(i): str(url) for i, url in unexpanded.items()}
            state.earlier = {str(i): (int(d), str(url)) for i, (d, url) in depths.items()}
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise ValueError(f"{path}: not a saved expansion state ({exc!r})") from exc
        return state

    def save(self, path: Path) -> None:
        depths = dict(self.earlier)
        for article_id, (depth, url) in self.depths.items():
            if article_id not in depths or depth < depths[article_id][0]:
                depths[article_id] = (depth, url)
        data = {"listed": sorted(self.on_listing), "unexpanded": self.unexpanded}
        data["depths"] = {i: list(v) for i, v in sorted(depths.items())}
        write_atomically(path, [json.dumps(data, sort_keys=True).encode("utf-8")])

    def parsed_at(self, article_id: str, url: str, depth: int) -> None:
        if self.track_depths and depth > 0:
            known = self.depths.get(article_id)
            if known is None or depth < known[0]:
                self.depths[article_id] = (depth, url)

    def closer(self, article_id: str, depth: int) -> str | None:
        """An article a stopped run of the job parsed deeper than ``depth``: its URL, once
        (this run's own closer paths are the article middleware's)."""
        known = self.earlier.get(article_id)
        if known is None or depth >= known[0]:
            return None
        self.earlier[article_id] = (depth, known[1])
        return known[1]

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
