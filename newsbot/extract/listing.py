"""A listing page: its entries and the links that load more of them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlsplit

from lxml import etree
from parsel import Selector

from newsbot.extract.blocks import page_layout
from newsbot.extract.entries import Entry, parse_entries
from newsbot.extract.page import link_base
from newsbot.extract.text import AgeReader, safe_urljoin
from newsbot.profiles import SiteProfile


@dataclass
class ListingPage:
    entries: list[Entry] = field(default_factory=list)
    next_pages: list[str] = field(default_factory=list)


def next_page_links(
    selector: Selector, url: str, profile: SiteProfile, page_url: str | None = None
) -> list[str]:
    """Links to more entries: ``rel=next`` or a link labelled "Load more", "Next"...

    Only links that stay on the listing's own host (or go to one of the site's own domains,
    as a copy's pages do when they link by the site's full address: WordPress's ``siteurl``)
    and are not article pages count. ``url`` is what the links resolve against (the page's
    ``<base href>``), ``page_url`` the page's own address when that differs.
    """
    page_url = page_url or url
    host = urlsplit(page_url).netloc
    found: list[str] = []
    root = selector.root  # lxml directly: a Selector per anchor cost more than the rest
    hrefs = [
        str(h) for h in root.xpath('//link[@rel="next"]/@href | //a[contains(@rel, "next")]/@href')
    ]
    for anchor in root.iter("a"):
        href = anchor.get("href")
        if href is None:
            continue
        text = " ".join("".join(anchor.itertext()).split())
        label = text or anchor.get("aria-label") or anchor.get("title") or ""
        # `Next Page →` (WordPress's Query Loop draws its arrow in a span): the label
        # without the arrow, unless the arrow is the whole label (`»`, `›`)
        bare = _ARROWS.sub("", label) or label
        # `Next 10 items »` (Plone's batching: blind site 74): the label without its count
        counted = _COUNTED.sub(r"\1", bare)
        if label and any(profile.is_pagination_label(x) for x in (label, bare, counted)):
            hrefs.append(href)
    if not hrefs:
        hrefs = _form_next(root, profile)
    if not hrefs:
        hrefs = _numbered_next(selector, page_url, url)
    for href in hrefs:
        target = safe_urljoin(url, href.strip())  # "" for non-http(s) or broken hrefs
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https"):
            continue
        if parts.netloc != host and not profile.owns_host(parts.hostname or ""):
            continue
        if profile.article_id(target) or target == page_url or target in found:
            continue
        found.append(target)
    return found


def _form_next(root: etree._Element, profile: SiteProfile) -> list[str]:
    """A next page asked for by a form (`<form method=get action="/en"><input type=hidden
    name=page value=2><button>Load more</button>`, site 55): the address its button sends
    the browser to, as a link relative to the page."""
    found: list[str] = []
    for form in root.iter("form"):
        if (form.get("method") or "get").strip().lower() != "get":
            continue
        buttons = [*form.iter("button"), *form.iterfind(".//input[@type='submit']")]
        labels = [" ".join("".join(b.itertext()).split()) or b.get("value") or "" for b in buttons]
        if not any(label and profile.is_pagination_label(label) for label in labels):
            continue
        fields = [
            (i.get("name") or "", i.get("value") or "")
            for i in form.iter("input")
            if i.get("name") and (i.get("type") or "text").lower() in ("hidden", "text", "number")
        ]
        if not fields:
            continue  # a search box's button, not a page's
        action = (form.get("action") or "").strip().split("?", 1)[0]
        found.append(f"{action}?{urlencode(fields)}")
    return found


_PAGE_PARAMS = ("page", "p", "pg", "paged")
# a parameter named for its list's page: WordPress's Query Loop `query-1-page`, Webflow's
# `9f2c1a_page`
_LIST_PAGE_PARAM = re.compile(r"^[\w-]{1,40}[-_]page$")
_COUNTED = re.compile(
    r"^\s*(\w+)\s+\d{1,3}\s+(?:items?|results?|posts?|articles?|stories|entries|news)\s*$", re.I
)
_ARROWS = re.compile(r"^[\s→←›‹»«▸▶>]+|[\s→←›‹»«▸▶>]+$")


def _page_number(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    for name in _PAGE_PARAMS:
        values = query.get(name)
        if values and values[0].isdigit():
            return name, int(values[0])
    for name, values in query.items():
        if _LIST_PAGE_PARAM.match(name) and values[0].isdigit():
            return name, int(values[0])
    return "", 1


def _numbered_next(selector: Selector, url: str, base: str) -> list[str]:
    """Numbered pagination without a label: the link to page N+1 of the same path (``url``
    the page's, ``base`` what its links resolve against)."""
    name, current = _page_number(url)
    path = urlsplit(url).path
    for href in selector.xpath("//a/@href").getall():
        target = safe_urljoin(base, href.strip())
        if urlsplit(target).path != path:
            continue
        other, number = _page_number(target)
        if other and (not name or other == name) and number == current + 1:
            return [target]
    return []


def parse_listing(
    selector: Selector, url: str, profile: SiteProfile, read_age: AgeReader
) -> ListingPage:
    layout = page_layout(selector.root)
    links_from = link_base(selector.root, url)
    return ListingPage(
        entries=parse_entries(layout.blocks, links_from, profile, read_age, layout.tags),
        next_pages=next_page_links(selector, links_from, profile, page_url=url),
    )
