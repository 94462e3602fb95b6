"""A ``JOBDIR`` that cannot be written fails the run in one line, not with tracebacks and
exit 0.

Scrapy writes a job's state to its ``JOBDIR`` as the crawl goes: every request queued (the
disk queue), every request seen (the duplicate filter's ``requests.seen``), and at the end
the queue's state and the spider's. On a full disk those writes raised inside the engine:
tracebacks ("Error while processing requests from start()", "Scheduler close failure"),
the crawl ended "shutdown" with nothing exported, exit 0 and every health check passed, and
the ``-O`` target was replaced by an empty file.

:class:`JobdirScheduler` (Scrapy's scheduler, the default here) catches the first such
``OSError``, says once which ``JOBDIR`` and why, and fails the run as a failed export does
(:meth:`newsbot.feeds.AtomicFileFeedStorage.fail`): the crawl stops, each export's ``.part``
is discarded (an existing ``-O`` target stays as it was), nothing is recorded in the
seen-store, and the exit status is 3. :class:`JobdirSpiderState` does the same for the
spider's state written at the end.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.core.scheduler import Scheduler
from scrapy.extensions.feedexport import FeedExporter
from scrapy.extensions.spiderstate import SpiderState

from newsbot.feeds import stop_failed_export

logger = logging.getLogger(__name__)

JOBDIR_FAILED_STAT = "newsbot/jobdir/failed"


def fail_jobdir(crawler: Any, jobdir: str | None, error: OSError) -> None:
    """Say once why the ``JOBDIR`` cannot be written, and fail every export of the run."""
    stats = getattr(crawler, "stats", None)
    if stats is not None and stats.get_value(JOBDIR_FAILED_STAT):
        return
    reason = error.strerror or str(error)
    logger.error(
        "JOBDIR %s cannot be written: %s. The crawl stops and its exports are discarded "
        "(an existing -O target is kept as it was); free space or give another -s JOBDIR, "
        "then run the same command again.",
        jobdir,
        reason,
    )
    if stats is not None:
        stats.set_value(JOBDIR_FAILED_STAT, 1)
    exporter = crawler.get_extension(FeedExporter) if crawler is not None else None
    failed = False
    for slot in list(getattr(exporter, "slots", ()) or ()):
        fail = getattr(slot.storage, "fail", None)
        if fail is not None:  # each records the failed export and stops the crawl
            fail(OSError(error.errno, f"its JOBDIR {jobdir} cannot be written: {reason}"))
            failed = True
    if not failed:  # no export to fail: the run fails all the same
        stop_failed_export(crawler, f"JOBDIR {jobdir}: {reason}", reason="jobdir_failed")


class JobdirScheduler(Scheduler):
    def enqueue_request(self, request: Any) -> bool:
        return bool(self._guarded(super().enqueue_request, request, failed=False))

    def next_request(self) -> Any:
        return self._guarded(super().next_request)  # a disk queue's pop rewrites its file

    def has_pending_requests(self) -> bool:
        if self.crawler is not None and self.crawler.stats.get_value(JOBDIR_FAILED_STAT):
            return False  # the run is failing: nothing more is handed out
        return super().has_pending_requests()

    def close(self, reason: str) -> Any:
        return self._guarded(super().close, reason)

    def _guarded(self, call: Any, *args: Any, failed: Any = None) -> Any:
        """``call(*args)``; an ``OSError`` of the JOBDIR fails the run and gives ``failed``."""
        try:
            return call(*args)
        except OSError as exc:
            if not self.dqdir:
                raise
            fail_jobdir(self.crawler, self._jobdir(), exc)
            return failed

    def _jobdir(self) -> str | None:
        settings = getattr(self.crawler, "settings", None)
        return settings.get("JOBDIR") if settings is not None else self.dqdir


class JobdirSpiderState(SpiderState):
    """Scrapy's spider state in the ``JOBDIR``, written at the end: a full disk is one line
    and a failed run, not a traceback from a signal handler."""

    crawler: Any = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> JobdirSpiderState:
        state = super().from_crawler(crawler)
        state.crawler = crawler
        return state

    def spider_closed(self, spider: Any) -> None:
        try:
            super().spider_closed(spider)
        except OSError as exc:
            fail_jobdir(self.crawler, self.jobdir, exc)
