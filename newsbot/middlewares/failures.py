"""One short name per kind of failed page, for ``newsbot/pages/failed/<kind>`` stats.

A crawler on the open web meets many exception types for a few kinds of trouble; the
stats and the run summary group them by what an operator can act on.
"""

from __future__ import annotations

import re
from typing import Any

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    NotSupported,
    ResponseDataLossError,
    UnsupportedURLSchemeError,
)
from twisted.internet import error as net_error
from twisted.web._newclient import ResponseFailed

_TIMEOUTS = (DownloadTimeoutError, net_error.TimeoutError, TimeoutError)
_DNS = (CannotResolveHostError, net_error.DNSLookupError)
_REFUSED = (DownloadConnectionRefusedError, net_error.ConnectionRefusedError)
_RESET = (
    ResponseDataLossError,
    ResponseFailed,
    net_error.ConnectionLost,
    net_error.ConnectionDone,
    ConnectionResetError,
    ConnectionAbortedError,
    BrokenPipeError,
)
_DECODING = (UnicodeError, EOFError, OSError)  # gzip/zlib/brotli decompression errors
_SNAKE = re.compile(r"(?<!^)(?=[A-Z])")


def failure_kind(failure_or_exc: Any) -> str:
    """``http_503``, ``timeout``, ``dns``, ``connection_refused``, ``connection_reset``,
    ``too_large``, ``redirect_loop``, ``robots``, ``offsite``, ``unsupported_scheme``,
    ``decoding``, ``ignored`` or the exception's class name in snake case."""
    exc = getattr(failure_or_exc, "value", failure_or_exc)
    response = getattr(exc, "response", None)
    if response is not None and getattr(response, "status", None) is not None:
        return f"http_{response.status}"
    message = str(exc)
    if isinstance(exc, IgnoreRequest):
        if "max redirections" in message or "redirect loop" in message:
            return "redirect_loop"
        if "DOWNLOAD_MAXSIZE" in message or "max size" in message:
            return "too_large"
        if "robots.txt" in message:
            return "robots"
        if "offsite" in message:
            return "offsite"
        return "ignored"
    if isinstance(exc, DownloadCancelledError) or "max size" in message:
        return "too_large"
    if isinstance(exc, _TIMEOUTS):
        return "timeout"
    if isinstance(exc, _DNS):
        return "dns"
    if isinstance(exc, _REFUSED):
        return "connection_refused"
    if isinstance(exc, _RESET):
        return "connection_reset"
    if isinstance(exc, (NotSupported, UnsupportedURLSchemeError)):
        return "unsupported_scheme"
    if isinstance(exc, DownloadFailedError):
        return "download_failed"
    if isinstance(exc, _DECODING):
        return "decoding"
    return _SNAKE.sub("_", type(exc).__name__).lower()
