"""HTTP cache storages that keep rendered pages apart from plain ones.

Scrapy's cache keys a response by the request fingerprint (method, URL, body), so a page
fetched plainly and the same page rendered in Chromium share one entry: in auto mode, the
render asked for because the plain page was empty would be answered by that very plain page
from the cache. These storages (Scrapy's two, unchanged otherwise) add the render flag
(``meta["playwright"]``) to the key. Rendered pages are cached, apart, because the
development cache exists to replay a crawl without fetching again, and a render is the most
expensive fetch there is. With any other storage, the browser add-on turns caching off for
rendered requests (``dont_cache``) rather than risk a plain answer.
"""

from __future__ import annotations

import hashlib
from typing import Any

from scrapy import Request
from scrapy.extensions import httpcache

RENDERED_SALT = b"\x00newsbot:rendered"
# Scrapy's storages, by the names settings use, and their render-aware replacements.
SCRAPY_STORAGES = {
    "scrapy.extensions.httpcache.FilesystemCacheStorage": (
        "newsbot.browser.cache.FilesystemCacheStorage"
    ),
    "scrapy.extensions.httpcache.DbmCacheStorage": "newsbot.browser.cache.DbmCacheStorage",
}


def rendered(request: Request) -> bool:
    return bool(request.meta.get("playwright"))


class RenderAwareFingerprinter:
    """The crawl's fingerprinter, with rendered requests keyed apart."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def fingerprint(self, request: Request) -> bytes:
        plain = self.inner.fingerprint(request)
        if rendered(request):
            return hashlib.sha1(plain + RENDERED_SALT).digest()
        return plain


class _RenderedApart:
    _fingerprinter: Any

    def open_spider(self, spider: Any) -> None:
        super().open_spider(spider)  # type: ignore[misc]
        self._fingerprinter = RenderAwareFingerprinter(self._fingerprinter)


class FilesystemCacheStorage(_RenderedApart, httpcache.FilesystemCacheStorage):
    pass


class DbmCacheStorage(_RenderedApart, httpcache.DbmCacheStorage):
    pass


def storage_path(value: Any) -> str:
    if isinstance(value, type):
        return f"{value.__module__}.{value.__qualname__}"
    return str(value or "")


def render_aware_storage(value: Any) -> str | None:
    """Our replacement for the configured storage, or None when it is not one of Scrapy's
    (or already ours)."""
    path = storage_path(value)
    if path in SCRAPY_STORAGES.values():
        return path
    return SCRAPY_STORAGES.get(path)
