"""A publisher's own article page as a raw newsbot item, free of Scrapy.

The generic ``article`` spider exports these; an aggregator whose entries link to the
publishers' pages (a headline river) reads those pages with the same function and fills in
what it knows besides (``aggregator``, ``found_via``, ``related``).

The page is read by :func:`newsbot.extract.reader.read_article`; this module turns what it
read into the item the pipelines take: a stable id from the canonical URL, the source from
the page's own metadata or else its host, and the page's time as a candidate that the time
pipeline reads against ``crawled_at`` (the response's ``Date``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from parsel import Selector

from newsbot.decoding import Decoded, decode_page
from newsbot.extract.page import page_selector
from newsbot.extract.reader import read_article
from newsbot.timestamps import to_iso_z
from newsbot.url_variants import is_tracking

DEFAULT_PORTS = {"http": 80, "https": 443}


def normalized_url(url: str) -> str:
    """``url`` with scheme and host in lower case, no default port, no fragment and no
    tracking parameters: the same article page whichever link led to it."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not is_tracking(k)]
    query = parts.query if len(kept) == len(pairs) else urlencode(kept)
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def canonical_page_url(declared: str | None, url: str) -> str:
    """The page's declared canonical URL (``<link rel=canonical>``, ``og:url``) resolved
    against ``url``, when it is an http(s) URL; else ``url`` itself. Normalized.

    A canonical URL that is a site's home page while the page is not is a template default,
    not this article's address (taken as it is, every article of the site would share one id).
    """
    if declared and declared.strip():
        try:
            resolved = urljoin(url, declared.strip())
            parts = urlsplit(resolved)
            home = parts.path.strip("/") == "" and not parts.query
            page_is_home = urlsplit(url).path.strip("/") == ""
            if parts.scheme in ("http", "https") and parts.hostname and (not home or page_is_home):
                return normalized_url(resolved)
        except ValueError:  # e.g. a broken IPv6 host
            pass
    return normalized_url(url)


def page_id(canonical_url: str) -> str:
    """A stable 32-hex id for a publisher page: the MD5 of its normalized canonical URL."""
    return hashlib.md5(normalized_url(canonical_url).encode("utf-8")).hexdigest()


def host_name(url: str) -> str | None:
    """The host as a reader names a site: ``www.example.com`` -> ``example.com``."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def language_code(value: str | None) -> str | None:
    """``en-GB``, ``en_US``, ``EN`` -> ``en``; None for nothing usable."""
    if not value:
        return None
    code = value.split(",")[0].strip().replace("_", "-").split("-")[0].lower()
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


def publisher_item(
    selector: Selector,
    url: str,
    *,
    anchor: datetime,
    found_via: dict[str, str],
    chrome_labels: Iterable[str] = (),
    content_language: str | None = None,
) -> dict[str, Any]:
    """The raw item for the article page at ``url`` (after redirects), read at ``anchor``.

    Fields the pipelines complete: ``body_blocks`` (cleaned into ``body``) and
    ``time_candidates`` (read into ``published_at``/``published_raw``/``published_precision``).
    Raises whatever the reader raises on a page it cannot read; the caller counts it.
    """
    read = read_article(selector, url, chrome_labels=chrome_labels)
    canonical = canonical_page_url(read.canonical_url, url)
    crawled = to_iso_z(anchor)
    # every place the page states its time (JSON-LD, meta, <time datetime>, a date line):
    # the time pipeline keeps the best one; published_raw alone when the reader gives no more
    stated = getattr(read, "published_candidates", None) or (
        [("published", read.published_raw)] if read.published_raw else []
    )
    times = [{"text": text, "slot": slot, "anchor": crawled} for slot, text in stated if text]
    site_name = (read.site_name or "").strip()
    section = getattr(read, "section", None)
    return {
        "id": page_id(canonical),
        "url": canonical,
        "aggregator": None,
        "source": site_name or host_name(canonical),
        "title": read.title,
        "body_blocks": list(read.body_blocks),
        "category": section.strip() if isinstance(section, str) and section.strip() else None,
        "hashtags": [],
        "language": language_code(read.language) or language_code(content_language),
        "time_candidates": times,
        "crawled_at": crawled,
        "related": [],
        "found_via": found_via,
    }


def read_publisher_text(
    text: str,
    url: str,
    selector_type: str | None,
    anchor: datetime,
    found_via: dict[str, str],
    content_language: str | None = None,
) -> dict[str, Any]:
    """:func:`publisher_item` on a page given as text (a worker process's task, and the
    spider's own reading: the selector keeps the text of absurdly deep nesting)."""
    selector = page_selector(text, url, selector_type)
    return publisher_item(
        selector, url, anchor=anchor, found_via=found_via, content_language=content_language
    )


def read_publisher_bytes(
    body: bytes,
    content_type: str | None,
    url: str,
    selector_type: str | None,
    anchor: datetime,
    found_via: dict[str, str],
    content_language: str | None = None,
) -> tuple[dict[str, Any], Decoded]:
    """:func:`read_publisher_text` on the page's bytes as served, decoded as the aggregator
    spiders decode theirs (:func:`newsbot.decoding.decode_page`: a charset the bytes
    contradict is corrected, stray bytes and control characters counted); the damage found
    is returned beside the item, without the text."""
    decoded = decode_page(body, content_type)
    item = read_publisher_text(
        decoded.text, url, selector_type, anchor, found_via, content_language
    )
    return item, replace(decoded, text="")
