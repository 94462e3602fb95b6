"""``max_articles`` for the whole crawl: every worker of a distributed crawl, every run of a
``JOBDIR`` job.

A run counts the articles it schedules; a crawl may be more than one run. A job stopped and
resumed from its ``JOBDIR`` would count from zero again, and so would each worker of a Redis
crawl, a worker restarted among them included: ``-a max_articles=40`` gave 67 over a stop
and a resume. The quota holds the ids of the articles the crawl scheduled:

- :class:`LocalQuota`: in memory; a stopped job keeps it in its ``JOBDIR`` (:meth:`save`)
  and the run that resumes it starts from it (:meth:`load`);
- :class:`RedisQuota`: a set under the crawl's prefix in Redis (cleared when a new crawl
  starts and when its last worker is done), taken from by an atomic script, so two workers
  never both take the last place.

``take(id)`` says whether an article may be scheduled: it is counted already, or there is
room and it now is. Without a limit everything may be, and nothing is kept.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from newsbot.atomic import write_atomically
from newsbot.distributed.connection import connect

logger = logging.getLogger(__name__)

TAKE = """
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 1 end
if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('SADD', KEYS[1], ARGV[1])
return 1
"""


def quota_key(spider: str) -> str:
    """Under the crawl's prefix (``newsbot:<spider>:crawl:``): cleared with the crawl."""
    return f"newsbot:{spider}:crawl:scheduled"


class LocalQuota:
    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.taken: set[str] = set()

    def take(self, article_id: str) -> bool:
        if self.limit is None or article_id in self.taken:
            return True
        if len(self.taken) >= self.limit:
            return False
        self.taken.add(article_id)
        return True

    @property
    def full(self) -> bool:
        return self.limit is not None and len(self.taken) >= self.limit

    @classmethod
    def load(cls, path: Path, limit: int | None) -> LocalQuota:
        """What :meth:`save` wrote; ``OSError`` or ``ValueError`` if it cannot be read."""
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("scheduled"), list):
            raise ValueError(f"{path}: not a saved article quota")
        quota = cls(limit)
        quota.taken = {str(i) for i in data["scheduled"]}
        return quota

    def save(self, path: Path) -> None:
        data = {"max_articles": self.limit, "scheduled": sorted(self.taken)}
        write_atomically(path, [json.dumps(data).encode("utf-8")])

    def close(self) -> None:
        pass


class RedisQuota:
    def __init__(self, url: str, spider: str, limit: int | None, timeout: float | None = None):
        self.limit = limit
        self.server = connect(url, timeout)
        self.key = quota_key(spider)
        self._take = self.server.register_script(TAKE)
        self.full = False
        self.local = LocalQuota(limit)  # while Redis cannot be asked
        self.warned = False

    def take(self, article_id: str) -> bool:
        if self.limit is None:
            return True
        import redis

        try:
            allowed = bool(self._take(keys=[self.key], args=[article_id, self.limit]))
        except redis.RedisError as exc:
            if not self.warned:
                self.warned = True
                logger.warning(
                    "Distributed crawl: could not count an article against max_articles in "
                    "Redis (%s); this worker counts its own until Redis answers",
                    exc,
                )
            return self.local.take(article_id)
        self.local.take(article_id)
        if not allowed:
            self.full = True
        return allowed

    def close(self) -> None:
        self.server.close()


def crawl_quota(crawler: Any) -> Any:
    """The quota of ``crawler``'s crawl (kept by the incremental runs extension), or a quota
    of this run alone when that extension is off."""
    from newsbot.extensions.context import run_context
    from newsbot.extensions.incremental import IncrementalRuns

    runs = crawler.get_extension(IncrementalRuns)
    if runs is not None:
        return runs.quota
    return LocalQuota(run_context(crawler).max_articles)
