"""What every newsbot spider does with a page it could not fetch or read: count it, log it
with its URL and reason, and go on; and with the damage found in a page's bytes."""

from __future__ import annotations

from typing import Any

from twisted.python.failure import Failure

from newsbot.decoding import Decoded
from newsbot.middlewares.failures import failure_kind
from newsbot.outcome import record_sample
from newsbot.spiders.requests import article_failed, article_of
from newsbot.stats import Stats


class PageFailures:
    """Mixed into a ``scrapy.Spider``: stats under ``newsbot/`` and the failure log lines."""

    crawler: Any
    logger: Any

    def _stat(self, key: str, count: int = 1) -> None:
        Stats(getattr(self, "crawler", None)).inc(key, count)

    def _unparseable(self, url: str, reason: str) -> None:
        self._stat("pages/unparseable")
        record_sample(self.crawler.stats if self.crawler else None, "pages/unparseable", url)
        self.logger.warning("Could not parse %s: %s", url, reason)

    def _text_damage(self, url: str, decoded: Decoded) -> None:
        """Count and log (once per page) what was wrong with a page's bytes."""
        if not decoded.damaged:
            return
        self._stat("text/damaged_pages")
        if decoded.corrected:
            self._stat("text/charset_corrected")
        for key, count in (
            ("invalid_bytes", decoded.invalid_bytes),
            ("nul_bytes", decoded.nul_chars),
            ("control_chars", decoded.control_chars),
        ):
            if count:
                self._stat(f"text/{key}", count)
                self._stat(f"text/pages_with_{key}")
        self.logger.info("Text damage in %s: %s", url, decoded.describe())

    def _failed(self, failure: Failure) -> Any:
        """Count and log a request that failed (HTTP error, timeout...); return the request."""
        request = failure.request  # type: ignore[attr-defined]
        kind = failure_kind(failure.value)  # issue 7: http_503, timeout, too_large...
        self._stat("pages/failed")
        self._stat(f"pages/failed/{kind}")
        record_sample(
            self.crawler.stats if self.crawler else None, f"pages/failed/{kind}", request.url
        )
        self.logger.warning("Failed %s: %s", request.url, kind)
        if self.crawler is not None and article_of(request) is not None:
            self.crawler.signals.send_catch_log(article_failed, request=request, kind=kind)
        return request
