"""Scrapy's ``MetaRefreshMiddleware``, reading only the head of a big page.

Scrapy's looks for ``<meta http-equiv="refresh">`` in the first 4,096 characters of
``response.text``, but ``response.text`` decodes the whole body and keeps the result on the
response: for an 8 MiB page, a second 8-32 MiB copy held until the page is parsed. This one
gives Scrapy's logic a copy of the response cut to its first ``HEAD_BYTES`` bytes (4,096
characters take at most 16 KiB in UTF-8), so the decision is the same and the page is
decoded once, in the worker that reads it.

Most pages hold no ``refresh`` at all: those are passed on at once, without decoding even
their head (Scrapy decodes every page's text for this; an article page's text is otherwise
only decoded in the worker that reads it).
"""

from __future__ import annotations

from typing import Any

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse, Request, Response

HEAD_BYTES = 16 * 1024
# the word as ASCII-compatible encodings and UTF-16 write it (lower-cased bytes)
_REFRESH = (b"refresh", "refresh".encode("utf-16-le"), "refresh".encode("utf-16-be"))


class HeadOnlyMetaRefreshMiddleware(MetaRefreshMiddleware):
    def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Any = None
    ) -> Request | Response:
        if not isinstance(response, HtmlResponse):
            return super().process_response(request, response)
        start = response.body[:HEAD_BYTES].lower()
        if not any(word in start for word in _REFRESH):
            return response  # no <meta http-equiv="refresh"> can be in it
        if len(response.body) <= HEAD_BYTES:
            return super().process_response(request, response)
        # not response.replace(): it reads response.encoding, which, when the response
        # declares none, decodes the whole body to guess one
        head = type(response)(
            url=response.url,
            status=response.status,
            headers=response.headers,
            body=response.body[:HEAD_BYTES],
            request=response.request,
        )
        outcome = super().process_response(request, head)
        return response if outcome is head else outcome
