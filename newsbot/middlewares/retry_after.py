"""Retries that honour ``Retry-After``.

Scrapy's ``RetryMiddleware`` retries 429 and 5xx responses at once, whatever the server
asked for. This subclass keeps its settings (``RETRY_TIMES``, ``RETRY_HTTP_CODES``,
``RETRY_PRIORITY_ADJUST``, ``dont_retry``/``max_retry_times`` meta) and, when a retried
response carries ``Retry-After`` (seconds or an HTTP date), waits
``min(Retry-After, NEWSBOT_RETRY_AFTER_MAX)`` seconds before handing the retry back to
the scheduler. The wait is asynchronous: other downloads go on meanwhile.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

from newsbot import settings as defaults
from newsbot.stats import Stats, key

if TYPE_CHECKING:
    from scrapy.http import Request, Response
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait; ``None`` when absent or unreadable."""
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1", "replace")
    text = value.strip()
    if not text:
        return None
    if text.isdigit():
        return float(text)
    try:
        number = float(text)
    except ValueError:
        number = None
    if number is not None:
        return max(0.0, number) if number == number and number != float("inf") else None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return max(0.0, (when - now).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """Drop-in replacement for ``scrapy.downloadermiddlewares.retry.RetryMiddleware``."""

    def __init__(self, settings: BaseSettings):
        super().__init__(settings)
        self.max_wait = settings.getfloat(
            "NEWSBOT_RETRY_AFTER_MAX", defaults.NEWSBOT_RETRY_AFTER_MAX
        )

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        asked = retry_after_seconds(response.headers.get(b"Retry-After"))
        if asked:
            wait = min(asked, self.max_wait)
            Stats(self.crawler).inc("retry_after/count")
            stats = self.crawler.stats
            if stats is not None:
                stats.max_value(key("retry_after/max_wait"), wait)
            logger.info(
                "Waiting %.1fs (Retry-After: %s) before retrying %s",
                wait,
                response.headers.get(b"Retry-After", b"").decode("latin-1", "replace"),
                request.url,
            )
            await sleep(wait)
        return retry
