"""A page that cannot be fetched is one log line, not a screen of traceback.

Scrapy's robots.txt middleware logs a failed robots.txt download with its traceback
(``Error downloading <GET ...>: Connection was refused ...`` and two chained tracebacks). The
message already names the cause; for network errors (refused, unresolved host, timeout,
cancelled or broken download) this filter keeps the message and drops the traceback. Other
exceptions keep theirs: they are bugs to report.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import exceptions as scrapy_errors
from twisted.internet import error as twisted_errors

NETWORK_ERRORS = (
    scrapy_errors.CannotResolveHostError,
    scrapy_errors.DownloadCancelledError,
    scrapy_errors.DownloadConnectionRefusedError,
    scrapy_errors.DownloadFailedError,
    scrapy_errors.DownloadTimeoutError,
    scrapy_errors.ResponseDataLossError,
    twisted_errors.ConnectError,
    twisted_errors.DNSLookupError,
    twisted_errors.TimeoutError,
    ConnectionError,
)
LOGGERS = ("scrapy.downloadermiddlewares.robotstxt",)


class NetworkErrorsInOneLine(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, NETWORK_ERRORS) or isinstance(
            getattr(error, "__cause__", None), NETWORK_ERRORS
        ):
            record.exc_info = None
            record.exc_text = None
        return True


_FILTER = NetworkErrorsInOneLine()


class OneLineNetworkErrors:
    """Installs the filter on the loggers that print such tracebacks (once per process)."""

    @classmethod
    def from_crawler(cls, crawler: Any) -> OneLineNetworkErrors:
        for name in LOGGERS:
            target = logging.getLogger(name)
            if _FILTER not in target.filters:
                target.addFilter(_FILTER)
        return cls()
