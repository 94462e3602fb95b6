"""Entries whose link is a permanent link the site redirects to the article (Optimizely's
`/link/<guid>.aspx`: blind site 78; DataLife Engine's `/index.php?newsid=<n>`: site 79;
Tilda's `/tpost/<id>-<slug>`: site 80; a builder's title slug or blog post: sites 83, 84):
where each leads is asked before the entries are used, so a related list names the article,
not the link.

Each link is asked once a run, without following its redirects (a 3xx answer has no body):
its ``Location`` is read, up to ``MAX_HOPS`` times, until it is an article's address. A link
that answers with a page (200) leads where that page's canonical link says, or, with none,
where its share buttons all say (Odoo: site 84). A link that leads nowhere known is dropped
from the entries and counted.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from collections.abc import Awaitable, Callable
from urllib.parse import unquote, urljoin

from scrapy import Request
from scrapy.http import Response

from newsbot.extract.entries import UNRESOLVED, Entry
from newsbot.profiles import SiteProfile

MAX_HOPS = 3
_CANONICAL_BYTES = 65536  # the head, where a page's canonical link is
_REDIRECTS = (301, 302, 303, 307, 308)


async def resolved_entries(
    entries: list[Entry],
    profile: SiteProfile,
    download: Callable[[Request], Awaitable[Response]],
    known: dict[str, asyncio.Future[tuple[str, str, str] | None]],
    count: Callable[[str], None],
) -> list[Entry]:
    """``entries`` with each unresolved one given the article its link leads to (or left
    out); ``known``: the links asked this run (or being asked: two pages read at once that
    link one permanent link ask it once), and where they led."""
    if not any(e.article_id.startswith(UNRESOLVED) for e in entries):
        return entries
    out: list[Entry] = []
    seen = {e.article_id for e in entries if not e.article_id.startswith(UNRESOLVED)}
    for entry in entries:
        if not entry.article_id.startswith(UNRESOLVED):
            out.append(entry)
            continue
        link = entry.url
        if link not in known:
            known[link] = asyncio.ensure_future(_asked(link, profile, download, count))
        target = await known[link]
        if target is None or target[0] in seen:
            continue
        seen.add(target[0])
        out.append(
            dataclasses.replace(entry, article_id=target[0], url=target[1], language=target[2])
        )
    return out


async def _asked(
    link: str,
    profile: SiteProfile,
    download: Callable[[Request], Awaitable[Response]],
    count: Callable[[str], None],
) -> tuple[str, str, str] | None:
    target = await _leads_to(link, profile, download)
    count("links/resolved" if target else "links/unresolved")
    return target


async def _leads_to(
    link: str, profile: SiteProfile, download: Callable[[Request], Awaitable[Response]]
) -> tuple[str, str, str] | None:
    """``(id, address, language)`` of the article ``link`` redirects to, or None."""
    url = link
    for _ in range(MAX_HOPS):
        request = Request(
            url,
            dont_filter=True,
            meta={"dont_redirect": True, "handle_httpstatus_list": list(_REDIRECTS)},
        )
        try:
            response = await download(request)
        except Exception:  # a link that cannot be asked leads nowhere known
            return None
        location = response.headers.get(b"Location")
        if response.status == 200:
            # the link answers with the article itself (Tilda's feed-post address: blind
            # site 80): the page's canonical link names it, or (none given) its share
            # buttons do (Odoo's blog copy: blind site 84)
            url = _canonical(response) or _shared_address(response, profile) or ""
            found = profile.article_id(url) if url else None
            return (found[0], profile.article_url(url), found[1]) if found else None
        if response.status not in _REDIRECTS or not location:
            return None
        url = urljoin(url, location.decode("latin-1").strip())
        found = profile.article_id(url)
        if found:
            return found[0], profile.article_url(url), found[1]
    return None


_CANONICAL = re.compile(rb"<link\b[^>]*\brel=[\"']?canonical[\"']?[^>]*>", re.I)
_HREF = re.compile(rb"\bhref=[\"']?([^\"'\s>]+)", re.I)


def _canonical(response: Response) -> str | None:
    """The absolute address a page's ``<link rel="canonical">`` gives, or None."""
    body = getattr(response, "body", b"") or b""
    tag = _CANONICAL.search(body[:_CANONICAL_BYTES])
    href = _HREF.search(tag.group(0)) if tag else None
    if href is None:
        return None
    return urljoin(response.url, href.group(1).decode("utf-8", "replace").strip())


# a share button's link carries the page's own address: `facebook.com/sharer/sharer.php?u=`,
# `twitter.com/intent/tweet?text=...&url=`, LinkedIn's `shareArticle?url=`
_SHARE_LINK = re.compile(
    rb"href=[\"'][^\"']*?(?:sharer|share|intent/tweet|shareArticle|sharing)[^\"']*?"
    rb"[?&;](?:u|url)=([^\"'&\s]+)"
    # or a share widget's attribute (`data-share-url="https://.../en/article/..."`,
    # ShareThis's `data-url`, AddThis's `addthis:url`: a copy-link button, blind site 88)
    rb"|\b(?:data-share-?url|data-url|addthis:url)=[\"']([^\"'\s]+)",
    re.I,
)


def _shared_address(response: Response, profile: SiteProfile) -> str | None:
    """The article address a page's share buttons name, when they all name one (a page
    with no canonical link)."""
    body = getattr(response, "body", b"") or b""
    found: dict[str, str] = {}  # article id -> the first address naming it
    for m in _SHARE_LINK.finditer(body):
        raw = m.group(1) or m.group(2)
        url = unquote(raw.decode("utf-8", "replace").replace("&amp;", "&")).strip()
        named = profile.article_id(url)
        if named:
            found.setdefault(named[0], url)
    return next(iter(found.values())) if len(found) == 1 else None
