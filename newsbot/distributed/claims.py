"""What this worker claimed, and the fence that keeps a stale worker's results out of exports.

A worker that stops answering (a long GC pause, a suspended VM, SIGSTOP) for longer than
``NEWSBOT_REDIS_WORKER_TIMEOUT`` looks dead: another worker puts its claims back in the queue
and crawls them again. When the stale worker comes back it still has the pages it fetched
under those claims, possibly already written to its ``.part`` export.

The ledger remembers, for every claim token this worker popped, the URL and the article ids
its response produced. Before the export gets its final name
(:class:`newsbot.distributed.storage.FencedFileFeedStorage`), :meth:`ClaimLedger.settle`
acks every claim in one atomic Redis script, which succeeds only if each token is still this
worker's. A token that is not (it was handed to another worker) is lost: the lines of its
articles are removed from the open exports, the worker logs what it gave up, and it tries
again. Once the script has acked, no other worker can take those requests, so every article
is in exactly one finished export whatever the timing.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from itemadapter import ItemAdapter
from scrapy import signals

from newsbot import settings as defaults
from newsbot.distributed.connection import connect, timeout_of
from newsbot.distributed.joining import check_same_crawl
from newsbot.distributed.queue import CLAIM_META, SETTLE, CrawlKeys
from newsbot.distributed.reach import check_reachable
from newsbot.outcome import export_failed
from newsbot.spiders.arguments import worker_arguments
from newsbot.stats import Stats

logger = logging.getLogger(__name__)


@dataclass
class Claim:
    url: str
    ids: list[str] = field(default_factory=list)  # exported
    dropped_ids: list[str] = field(default_factory=list)  # by a pipeline (e.g. a duplicate)


@dataclass
class OpenExport:
    path: Path
    handle: IO[bytes]
    line_based: bool  # JSON Lines without post-processing: lines can be removed


def drop_lines(export: OpenExport, ids: set[str]) -> int:
    """Remove the JSON lines whose ``id`` is in ``ids`` from an export still being written."""
    export.handle.flush()
    kept: list[bytes] = []
    dropped = 0
    for line in export.path.read_bytes().splitlines(keepends=True):
        try:
            record = json.loads(line)
        except ValueError:
            record = None
        if isinstance(record, dict) and record.get("id") in ids:
            dropped += 1
            continue
        kept.append(line)
    if dropped:
        export.handle.seek(0)
        export.handle.truncate()
        export.handle.write(b"".join(kept))
        export.handle.flush()
        os.fsync(export.handle.fileno())
    return dropped


def _check_same_crawl(crawler: Any, url: str) -> None:
    """A worker whose -a arguments differ from the crawl in progress is refused (one line)."""
    import redis

    spider = getattr(crawler, "spider", None)
    if spider is None:
        return
    settings = crawler.settings
    queue_key = str(settings.get("SCHEDULER_QUEUE_KEY") or "%(spider)s:requests")
    server = connect(url, timeout_of(settings))
    try:
        check_same_crawl(
            server,
            spider.name,
            queue_key % {"spider": spider.name},
            worker_arguments(
                getattr(spider, "args", None), settings.getint("NEWSBOT_MAX_PAGES", 0) or None
            ),
            settings.getfloat(
                "NEWSBOT_REDIS_WORKER_TIMEOUT", defaults.NEWSBOT_REDIS_WORKER_TIMEOUT
            ),
        )
    except redis.RedisError:
        pass  # the scheduler meets the same server next and says what is wrong
    finally:
        server.close()


class ClaimLedger:
    """Extension (distributed mode only): claims of this worker and the settle fence."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.claims: dict[str, Claim] = {}
        self.lost: set[str] = set()
        self.release: set[str] = set()  # claimed, never downloaded: back to the queue
        self.exports: list[OpenExport] = []
        self.server: Any = None
        self.keys: CrawlKeys | None = None
        self.settled = False

    @classmethod
    def from_crawler(cls, crawler: Any) -> ClaimLedger:
        url = str(crawler.settings.get("NEWSBOT_REDIS_URL") or "")
        if url:  # the add-on that enables the ledger sets it: a crawl about to start
            check_reachable(url)
            _check_same_crawl(crawler, url)
        ledger = cls(crawler)
        crawler.signals.connect(ledger.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ledger.item_dropped, signal=signals.item_dropped)
        return ledger

    def bind(self, server: Any, keys: CrawlKeys, queue_key: str) -> None:
        self.server = server
        self.keys = keys
        self.queue_key = queue_key
        self._settle = server.register_script(SETTLE)

    # -- bookkeeping -----------------------------------------------------------------------
    def _stat(self, name: str, count: int = 1) -> None:
        Stats(self.crawler, "distributed/").inc(name, count)

    def claimed(self, request: Any, token: str, taken_over: bool) -> None:
        self.claims[token] = Claim(request.url)
        self._stat("claimed")
        if taken_over:
            self._stat("taken_over")

    def refused(self) -> None:
        self._stat("refused")

    def _claim_of(self, item: Any, response: Any) -> tuple[Claim | None, str | None]:
        request = getattr(response, "request", None)
        token = request.meta.get(CLAIM_META) if request is not None else None
        article_id = ItemAdapter(item).get("id")
        claim = self.claims.get(token) if token else None
        return claim, (str(article_id) if article_id is not None else None)

    def item_scraped(self, item: Any, response: Any, spider: Any) -> None:
        claim, article_id = self._claim_of(item, response)
        if claim is not None and article_id is not None:
            claim.ids.append(article_id)

    def item_dropped(self, item: Any, response: Any, exception: Any, spider: Any) -> None:
        # A worker that gets back a request it lost may fetch the article again and drop it
        # as a duplicate of the line exported under the lost claim: that line then stays.
        claim, article_id = self._claim_of(item, response)
        if claim is not None and article_id is not None:
            claim.dropped_ids.append(article_id)

    def register_export(self, path: Path, handle: IO[bytes], line_based: bool) -> None:
        self.exports.append(OpenExport(path, handle, line_based))

    # -- the fence -------------------------------------------------------------------------
    def run_failed(self) -> bool:
        """An export of this run failed, or Redis went away: nothing may be acked."""
        stats = self.crawler.stats.get_stats() if self.crawler.stats is not None else {}
        return export_failed(stats)

    def settle(self) -> None:
        """Ack this worker's claims, removing from open exports what lost claims produced.

        Call with every item written (the crawl has closed) and before any export gets its
        final name. Raises when Redis cannot be reached: the exports are then not finished
        and the claims stay, to be crawled again by another worker.
        """
        if self.settled or self.server is None or self.keys is None:
            return
        if self.run_failed():
            raise RuntimeError("this run failed: its claims are not acked")
        release = sorted(self.release - self.lost)
        while True:
            ack = [t for t in self.claims if t not in self.lost and t not in self.release]
            lost = self._settle(
                keys=[self.keys.workers, self.keys.claims, self.queue_key,
                      self.keys.wake],
                args=[len(ack), *ack, *release],
            )  # fmt: skip
            if not lost:
                break
            self.give_up({t.decode() if isinstance(t, bytes) else str(t) for t in lost})
            release = [t for t in release if t not in self.lost]
        self.settled = True
        self._stat("finished", len(ack))
        if release:
            self._stat("released", len(release))
        logger.info(
            "Distributed crawl: acked %d claimed request(s) of %s; %d never downloaded went "
            "back to the queue; %d lost to other workers",
            len(ack),
            self.keys.worker,
            len(release),
            len(self.lost),
        )

    def give_up(self, tokens: set[str]) -> None:
        tokens -= self.lost
        if not tokens:
            return
        self.lost |= tokens
        ids = {i for t in tokens for i in self.claims[t].ids if t in self.claims}
        held = {  # articles also fetched under a claim still held: their line stays
            i
            for t, claim in self.claims.items()
            if t not in self.lost
            for i in (*claim.ids, *claim.dropped_ids)
        }
        ids -= held
        dropped = 0
        for export in self.exports:
            if export.line_based:
                dropped += drop_lines(export, ids)
            elif ids:
                logger.error(
                    "Distributed crawl: %s is not JSON Lines; cannot remove the %d article(s) "
                    "of lost claims from it: they may be exported twice",
                    export.path,
                    len(ids),
                )
        self._stat("lost", len(tokens))
        self._stat("items_given_up", len(ids))
        logger.warning(
            "Distributed crawl: lost the claim of %d request(s): this worker was silent longer "
            "than NEWSBOT_REDIS_WORKER_TIMEOUT and other workers took them over. Gave up %d "
            "article(s) (%d export line(s) removed):",
            len(tokens),
            len(ids),
            dropped,
        )
        for token in sorted(tokens, key=int):
            claim = self.claims.get(token)
            if claim is None:
                continue
            given_up = [i for i in claim.ids if i in ids]
            if given_up:
                outcome = "gave up article(s) " + ", ".join(given_up)
            elif claim.ids:
                outcome = "nothing given up (fetched again under a claim it still holds)"
            else:
                outcome = "nothing given up (no article from it)"
            logger.warning("Distributed crawl: lost claim %s of %s: %s", token, claim.url, outcome)
