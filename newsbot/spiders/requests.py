"""Every request the spiders make is classified once; the kind carries its priority.

The request contract (what middlewares and extensions may rely on, for any spider)
------------------------------------------------------------------------------------
Every request a newsbot spider makes carries ``request.meta["newsbot_kind"]``, a
:class:`PageKind` value, and, when the spider crawls a registered site,
``request.meta["newsbot_site"]``: the name of the site's profile (components that need
site knowledge, e.g. the browser middleware, take the site from it). An article request
(kind ``article`` or ``related``) also carries
``request.meta["newsbot_article"]``, a dict made by :func:`article_meta`:

``id``
    the article's id on its aggregator;
``depth``
    0 for an article on a listing (or given as a start URL), ``n`` for one found ``n``
    related hops away. Before the callback ``depth`` is set to the depth the page is
    parsed at (lower when a shorter path turned up meanwhile, up to the callback's first
    output: the callback reads it before outputting anything), and lowered again if a
    shorter path turns up later and the article's related entries are followed from there:
    after the callback, ``depth < related_depth`` means "its related articles were
    followed";
``hint``
    what the listing or related entry said about the article (``title``, ``source``,
    ``age``... plus ``slot``: ``listing`` or ``related``, and ``anchor``: the time its ages
    are relative to), or ``None`` (a start URL);
``found_via``
    ``{"kind": "listing" | "related" | "start", "url": referring page}``, copied into the
    item. ``found_via[EXPAND_ONLY]`` marks a request made again only to follow the
    article's related entries: its item is not exported again;
``follows_related``
    True when the article's own page leads to its related articles (a republisher such as
    Daily8) and ``depth`` is written back as above: only then does "were its related
    articles followed?" mean anything, and depth upgrades (asking for an article again at
    depth 0) apply. False or absent (a river: related articles come from story pages).
``older_than_since``
    present (True) when the entry's own age says the article is older than ``-a since``:
    it is not fetched for this entry, which still counts as a sighting of an article
    already scheduled (its hint, a shorter path);
``extra_hints``
    set on the response's meta before the callback (``newsbot.middlewares.articles``):
    what other listings or related entries said about the article (at most a few).

For ``follows_related`` requests the per-run crawl state lives in a spider middleware
(``newsbot.middlewares.articles.ArticleStateMiddleware``), as Scrapy keeps ``depth`` in
``DepthMiddleware``: the spider yields a request for every entry it reads, and items;
the middleware schedules each article once, drops related entries beyond
``related_depth`` (kept, to follow them if a shorter path turns up), and before the
callback sets ``depth`` to the depth the page is parsed at and adds ``extra_hints``.

The spider's callback for an article request reads these from ``response.meta``; a
middleware may therefore re-issue an article request with ``request.replace(meta=...)``
(``with_article``) and the spider treats it as it would its own.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

KIND = "newsbot_kind"
# sent (``request=``, ``kind=``) when a spider gives up on an article request it could not
# fetch: the seen-store then does not record the page that led to it as expanded
article_failed = object()
SITE = "newsbot_site"  # the site (its profile's name) whose crawl made the request
ARTICLE = "newsbot_article"
EXPAND_ONLY = "newsbot_expand_only"  # in found_via: fetched again only to follow related
OLDER_THAN_SINCE = "older_than_since"  # in newsbot_article: the entry's age is too old
EXTRA_HINTS = "extra_hints"  # in newsbot_article: other sightings, for the callback


class PageKind(str, Enum):
    """What a page is, decided when the request is made, never re-decided."""

    LISTING = "listing"  # a start listing or one of its further pages
    ARTICLE = "article"  # an article found on a listing or given as a start URL
    RELATED = "related"  # an article found as a related entry of another article

    @property
    def priority(self) -> int:
        # Articles first, so a crawl streams items out instead of queueing pages in memory;
        # deeper related hops after the articles that led to them.
        return {"listing": 0, "article": 20, "related": 10}[self.value]


def article_meta(
    article_id: str,
    depth: int,
    hint: dict[str, Any] | None,
    found_via: dict[str, Any],
    *,
    follows_related: bool = False,
) -> dict[str, Any]:
    """The ``newsbot_article`` meta of an article request (see the module's docstring)."""
    return {
        "id": article_id,
        "depth": depth,
        "hint": hint,
        "found_via": found_via,
        "follows_related": follows_related,
    }


def follows_related(article: dict[str, Any] | None) -> bool:
    """The article's page leads to its related articles (depth upgrades apply)."""
    return bool(article and article.get("follows_related"))


def article_of(message: Any) -> dict[str, Any] | None:
    """The ``newsbot_article`` meta of a request or response, or None (not an article)."""
    try:
        meta = message.meta
    except AttributeError:  # a response without a request (e.g. built in a test)
        return None
    found = meta.get(ARTICLE)
    return found if isinstance(found, dict) else None


def expand_only(request: Any, url: str | None = None, depth: int = 0) -> Any:
    """A copy of an article request at ``depth`` (a listing's: 0), made only to follow its
    related entries (its item is not exported again), past the duplicate filter."""
    article = article_of(request) or {}
    found_via = {**(article.get("found_via") or {}), EXPAND_ONLY: True}
    # only the contract's keys: what other middlewares added (retries, redirects, the
    # browser's page) is decided afresh for the new request
    kept = {k: v for k, v in article.items() if k not in (EXTRA_HINTS, OLDER_THAN_SINCE)}
    meta = {
        KIND: request.meta.get(KIND),
        ARTICLE: {**kept, "depth": depth, "found_via": found_via},
    }
    if SITE in request.meta:
        meta[SITE] = request.meta[SITE]
    return request.replace(url=url or request.url, meta=meta, dont_filter=True)


def is_expand_only(found_via: Any) -> bool:
    return bool(isinstance(found_via, dict) and found_via.get(EXPAND_ONLY))
