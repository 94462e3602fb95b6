"""newsbot's atomic file exports, fenced: in distributed mode an export gets its final name
only after :meth:`newsbot.distributed.claims.ClaimLedger.settle` has acked this worker's
claims (and removed from the open exports whatever lost claims produced)."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from newsbot.atomic import discard
from newsbot.distributed.claims import ClaimLedger
from newsbot.feeds import LINE_FORMATS, AtomicFileFeedStorage


class FencedFileFeedStorage(AtomicFileFeedStorage):
    def __init__(
        self, uri: str, *, feed_options: dict[str, Any] | None = None, crawler: Any = None
    ) -> None:
        super().__init__(uri, feed_options=feed_options)
        options = feed_options or {}
        self.line_based = options.get("format") in LINE_FORMATS and not options.get(
            "postprocessing"
        )
        self.crawler = crawler
        self.ledger: ClaimLedger | None = None  # extensions are not all built yet here

    @classmethod
    def from_crawler(
        cls, crawler: Any, uri: str, *, feed_options: dict[str, Any] | None = None
    ) -> FencedFileFeedStorage:
        return cls(uri, feed_options=feed_options, crawler=crawler)

    def open(self, spider: Any) -> IO[bytes]:
        handle = super().open(spider)
        if self._handle is None or self._temporary is None:
            return handle  # the export failed to open (said once): nothing to fence
        if self.crawler is not None:
            self.ledger = self.crawler.get_extension(ClaimLedger)
        if self.ledger is not None:  # the file itself: the ledger rewrites it in place
            self.ledger.register_export(Path(self._temporary), self._handle, self.line_based)
        return handle

    def store(self, file: IO[bytes]) -> None:
        if self.ledger is not None and self.error is None:
            if self.ledger.run_failed():
                # never ack for a run that failed (a seen-store or Redis that went away,
                # another export): its articles are in no finished export, and its claims,
                # left in Redis, are crawled again (ops round 5: acked, 50 articles lost).
                # The failure was said and recorded where it happened: only the .part goes.
                self.error = OSError("this run failed; its claims stay in Redis")
                if self._temporary is not None:
                    discard(self._handle, self._temporary)
                    self._handle = None
            else:
                self.ledger.settle()  # raises if Redis is away: the export stays a .part
        return super().store(file)
