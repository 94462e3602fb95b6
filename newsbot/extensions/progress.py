"""Progress while crawling: a log line every ``NEWSBOT_PROGRESS_INTERVAL`` seconds, and a live
bar (tqdm) when stderr is a terminal.

It replaces Scrapy's ``LogStats``, which logs once when the spider opens (everything still 0)
and then every ``LOGSTATS_INTERVAL`` (60 s): a 25 s crawl showed only "Crawled 0 pages
(at 0 pages/min), scraped 0 items", a 92 s crawl one more line.

Both read the stats on a timer (nothing runs per page or per item), so they cost the crawl
nothing measurable: a bar refresh is ~50 µs, twice a second.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

from newsbot import settings as defaults
from newsbot import stats as names
from newsbot.exitcodes import UsageError
from newsbot.extensions.context import run_context

logger = logging.getLogger(__name__)

BAR_REFRESH = 0.5  # seconds between two refreshes of the bar
BAR_MODES = ("auto", "on", "off")
MIN_INTERVAL = 0.1  # seconds: progress lines more often than this flood the log


def bar_wanted(mode: str, stream: Any) -> bool:
    """``auto``: only when ``stream`` is a terminal (never in a log file, cron or CI)."""
    if mode == "on":
        return True
    if mode == "off":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Counts:
    """What the progress shows, read from the crawl's stats."""

    def __init__(self, stats: Any) -> None:
        self.stats = stats

    def read(self) -> dict[str, int]:
        get = self.stats.get_value
        enqueued = get("scheduler/enqueued", 0)
        dequeued = get("scheduler/dequeued", 0)
        # the drops the run's report counts (by reason): not Scrapy's item_dropped_count,
        # which also counts an incremental run's unchanged articles (ops round 9: "174
        # dropped" while the report said "Dropped 1")
        prefix = names.DROPPED + "/"
        dropped = sum(v for k, v in self.stats.get_stats().items() if k.startswith(prefix) and v)
        return {
            "pages": get("response_received_count", 0),
            "articles": get("item_scraped_count", 0),
            "dropped": dropped,
            "failed": get(names.PAGES_FAILED, 0),
            "waiting": max(0, enqueued - dequeued),
        }


def progress_line(now: dict[str, int], before: dict[str, int], seconds: float) -> str:
    """``Progress: 1,234 pages (61.7/s), 1,100 articles exported (55.0/s), ...``."""

    def rate(key: str) -> str:
        per_second = (now[key] - before[key]) / seconds if seconds > 0 else 0.0
        return f"{per_second:.1f}/s"

    return (
        f"Progress: {now['pages']:,} pages ({rate('pages')}), "
        f"{now['articles']:,} articles exported ({rate('articles')}), "
        f"{now['dropped']:,} dropped, {now['failed']:,} failed, {now['waiting']:,} requests waiting"
    )


class LogAboveBar:
    """Log lines written to the bar's terminal are printed above the bar, not through it.

    The handlers (Scrapy's, with its level and format) stay as they are; only their
    ``emit`` is wrapped in tqdm's ``external_write_mode`` (clear the bar, write, redraw).
    """

    def __init__(self, tqdm_class: Any, stream: Any) -> None:
        self.tqdm_class = tqdm_class
        self.stream = stream
        self.wrapped: list[tuple[logging.Handler, Any]] = []

    def install(self) -> None:
        for handler in logging.root.handlers:
            if getattr(handler, "stream", None) is not self.stream:
                continue
            emit = handler.emit

            def emit_above(record: logging.LogRecord, emit: Any = emit) -> None:
                with self.tqdm_class.external_write_mode(file=self.stream):
                    emit(record)

            handler.emit = emit_above  # type: ignore[method-assign]
            self.wrapped.append((handler, emit))

    def uninstall(self) -> None:
        for handler, emit in self.wrapped:
            handler.emit = emit  # type: ignore[method-assign]
        self.wrapped.clear()


class Progress:
    def __init__(self, crawler: Any, interval: float, bar_mode: str) -> None:
        self.crawler = crawler
        self.interval = interval
        self.bar_mode = bar_mode
        self.counts: Counts | None = None
        self.previous: dict[str, int] = {}
        self.previous_at = 0.0
        self.tasks: list[Any] = []
        self.bar: Any = None
        self.redirect: Any = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> Progress:
        settings = crawler.settings
        raw = settings.get("NEWSBOT_PROGRESS_INTERVAL", defaults.NEWSBOT_PROGRESS_INTERVAL)
        try:
            interval = float(raw)
        except (TypeError, ValueError):
            raise UsageError(
                f"NEWSBOT_PROGRESS_INTERVAL={raw!r}: not a number of seconds; expected e.g. 10"
                " (0: no progress lines)"
            ) from None
        if 0 < interval < MIN_INTERVAL:  # ops round 9: 0.001 wrote ~300 lines a second
            raise UsageError(
                f"NEWSBOT_PROGRESS_INTERVAL={raw!r}: under {MIN_INTERVAL:g} second floods the "
                f"log; expected 0 (no progress lines) or {MIN_INTERVAL:g} and more, e.g. 10"
            )
        mode = str(settings.get("NEWSBOT_PROGRESS_BAR", defaults.NEWSBOT_PROGRESS_BAR))
        mode = mode.strip().lower()
        if mode in ("1", "true", "yes"):
            mode = "on"
        elif mode in ("0", "false", "no", ""):
            mode = "off"
        if mode not in BAR_MODES:
            raise UsageError(
                f"NEWSBOT_PROGRESS_BAR={mode!r}: expected one of: auto (when stderr is a "
                "terminal), on, off"
            )
        if interval <= 0 and mode == "off":
            raise NotConfigured("no progress wanted")
        ext = cls(crawler, interval, mode)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Any) -> None:
        self.counts = Counts(self.crawler.stats)
        self.previous = self.counts.read()
        self.previous_at = time.monotonic()
        if self.interval > 0:
            task = create_looping_call(self.log)
            task.start(self.interval, now=False)
            self.tasks.append(task)
        if bar_wanted(self.bar_mode, sys.stderr):
            self._open_bar(spider)

    def log(self) -> None:
        assert self.counts is not None
        now, at = self.counts.read(), time.monotonic()
        logger.info(progress_line(now, self.previous, at - self.previous_at))
        self.previous, self.previous_at = now, at

    # -- the bar -----------------------------------------------------------------------------
    def _open_bar(self, spider: Any) -> None:
        from tqdm import tqdm

        limit = run_context(self.crawler).max_articles
        self.bar = tqdm(
            total=limit,
            desc=spider.name,
            unit=" articles",
            file=sys.stderr,
            dynamic_ncols=True,
            mininterval=BAR_REFRESH,
            leave=True,
        )
        self.redirect = LogAboveBar(tqdm, sys.stderr)
        self.redirect.install()
        task = create_looping_call(self.refresh_bar)
        task.start(BAR_REFRESH, now=False)
        self.tasks.append(task)

    def refresh_bar(self) -> None:
        if self.bar is None or self.counts is None:
            return
        now = self.counts.read()
        self.bar.set_postfix_str(
            f"{now['pages']:,} pages, {now['failed']:,} failed, {now['waiting']:,} waiting",
            refresh=False,
        )
        self.bar.update(now["articles"] - self.bar.n)

    def spider_closed(self, spider: Any, reason: str) -> None:
        for task in self.tasks:
            if task.running:
                task.stop()
        self.tasks.clear()
        if self.bar is not None:
            self.refresh_bar()
            self.bar.close()
            self.bar = None
        if self.redirect is not None:
            self.redirect.uninstall()
            self.redirect = None
