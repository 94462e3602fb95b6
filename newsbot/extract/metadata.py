"""Standard metadata a page may carry: JSON-LD, OpenGraph / article / Dublin Core meta tags
and microdata ``itemprop``.

Everything is read in a handful of XPath passes (one over ``<meta>``, one over the JSON-LD
scripts, one over ``itemprop``), so a 300 KB page costs little.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from parsel import Selector

from newsbot.text_repair import repair

ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "SatiricalArticle",
        "WebPage",
    }
)
PUBLISHER_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Corporation"})

# <meta name|property|itemprop> that carry a publication time, best first
PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "published-date",
    "article.published",
    "article_date_original",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date.created",
    "dc.date",
    "date",
    "originalpublicationdate",
    "displaydate",
)
MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "og:modified_time",
    "datemodified",
    "lastmod",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
)
_PUBLISHED_RANK = {name: i for i, name in enumerate(PUBLISHED_META)}
_MODIFIED_RANK = {name: i for i, name in enumerate(MODIFIED_META)}
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]+\s+|\s+::\s+")


@dataclass
class PageMetadata:
    title: str | None = None  # JSON-LD headline, else og:title
    published: list[tuple[str, str]] = field(default_factory=list)  # (slot, text), best first
    modified: list[tuple[str, str]] = field(default_factory=list)
    section: str | None = None
    keywords: list[str] = field(default_factory=list)
    language: str | None = None
    titles: list[str] = field(default_factory=list)  # every title the metadata gives
    html_title: str | None = None  # <title>, site-name suffix removed
    description: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    author: str | None = None
    locale: str | None = None
    article_body: str | None = None  # JSON-LD articleBody as given (its line breaks kept)


def _objects(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    if depth > 8:
        return []
    if isinstance(data, list):
        return [o for item in data for o in _objects(item, depth + 1)]
    if isinstance(data, dict):
        found = [data]
        graph = data.get("@graph")
        if isinstance(graph, (list, dict)):
            found.extend(_objects(graph, depth + 1))
        main = data.get("mainEntity")
        if isinstance(main, dict):
            found.extend(_objects(main, depth + 1))
        return found
    return []


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    return set()


def _text(value: Any) -> str | None:
    """A string value, or the first string of a list, or ``name`` of an object."""
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        if "&" in value:  # JSON-LD written HTML-escaped ("Biden&#8217;s"), as many CMSs do
            value = html.unescape(value)
        value = " ".join(repair(value).split())  # (mojibake: newsbot/text_repair.py)
        return value or None
    return None


def _resolved(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """A JSON-LD reference (``{"@id": ...}``) replaced by the object it names in the page."""
    if isinstance(value, list):
        return [_resolved(v, by_id) for v in value[:10]]
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return by_id.get(value["@id"], value)
    return value


def _names(value: Any) -> str | None:
    """Author names: one name, or several joined with commas."""
    items = value if isinstance(value, list) else [value]
    names = [n for n in (_text(i) for i in items[:10]) if n]
    return ", ".join(dict.fromkeys(names)) if names else None


def _read_jsonld(selector: Selector, meta: PageMetadata) -> None:
    for script in selector.xpath('//script[@type="application/ld+json"]/text()').getall()[:20]:
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        objects = _objects(data)
        by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
        for obj in objects:
            kinds = _types(obj)
            if kinds & PUBLISHER_TYPES and not meta.site_name:
                meta.site_name = _text(obj.get("name"))
            if not kinds & ARTICLE_TYPES:
                continue
            headline = _text(obj.get("headline")) or (
                _text(obj.get("name")) if "WebPage" not in kinds else None
            )
            if headline and headline not in meta.titles:
                meta.titles.append(headline)
                if not meta.title:
                    meta.title = headline
            published = _text(obj.get("datePublished")) or _text(obj.get("dateCreated"))
            if published:
                meta.published.append(("jsonld", published))
            modified = _text(obj.get("dateModified"))
            if modified:
                meta.modified.append(("jsonld", modified))
            section = _text(obj.get("articleSection"))
            if section and not meta.section:
                meta.section = section
            keywords = obj.get("keywords")
            if isinstance(keywords, str):
                meta.keywords = [k.strip() for k in keywords.split(",") if k.strip()]
            elif isinstance(keywords, list):
                meta.keywords = [k.strip() for k in keywords if isinstance(k, str) and k.strip()]
            if not meta.author:
                meta.author = _names(_resolved(obj.get("author"), by_id))
            publisher = _resolved(obj.get("publisher"), by_id)
            if isinstance(publisher, dict) and not meta.site_name:
                meta.site_name = _text(publisher.get("name"))
            if not meta.description:
                meta.description = _text(obj.get("description"))
            if not meta.language:
                meta.language = _text(obj.get("inLanguage"))
            body = obj.get("articleBody")
            if isinstance(body, str) and len(body) > len(meta.article_body or ""):
                meta.article_body = body


def _read_meta_tags(selector: Selector, meta: PageMetadata) -> None:
    published: list[tuple[int, str]] = []
    modified: list[tuple[int, str]] = []
    values: dict[str, str] = {}
    for tag in selector.xpath("//meta[@content]"):
        key = tag.attrib.get("property") or tag.attrib.get("name") or tag.attrib.get("itemprop")
        content = " ".join(repair(tag.attrib.get("content") or "").split())
        if not key or not content:
            continue
        key = key.strip().lower()
        values.setdefault(key, content)
        rank = _PUBLISHED_RANK.get(key)
        if rank is not None:
            published.append((rank, content))
        rank = _MODIFIED_RANK.get(key)
        if rank is not None:
            modified.append((rank, content))
    meta.published.extend(("meta", text) for _, text in sorted(published, key=lambda p: p[0]))
    meta.modified.extend(("meta", text) for _, text in sorted(modified, key=lambda p: p[0]))
    for key in ("og:title", "twitter:title", "dc.title", "title"):
        value = values.get(key)
        if value and value not in meta.titles:
            meta.titles.append(value)
    if not meta.title:
        meta.title = values.get("og:title")
    meta.site_name = meta.site_name or values.get("og:site_name") or values.get("application-name")
    meta.description = values.get("og:description") or values.get("description") or meta.description
    meta.author = meta.author or values.get("author") or values.get("article:author")
    meta.locale = values.get("og:locale")
    if not meta.section:
        meta.section = values.get("article:section")


def _read_markup_times(selector: Selector, meta: PageMetadata) -> None:
    """Microdata ``itemprop`` (attribute ``content`` or ``datetime``). A bare ``<time
    datetime>`` may belong to any teaser on the page: readers take it near the title."""
    for node in selector.xpath(
        '//*[@itemprop="datePublished" or @itemprop="dateModified" or @itemprop="dateCreated"]'
        "[not(self::meta)]"
    )[:10]:
        value = node.attrib.get("datetime") or node.attrib.get("content")
        if not value:
            value = " ".join("".join(node.xpath(".//text()").getall()).split())
        if not value:
            continue
        if node.attrib.get("itemprop") == "dateModified":
            meta.modified.append(("itemprop", value.strip()))
        else:
            meta.published.append(("itemprop", value.strip()))


def _site_suffix_removed(title: str, site_name: str | None) -> str:
    """``<title>`` without the site name around it: "Vote delayed | The Daily" -> "Vote delayed"."""
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    if site_name:
        folded = site_name.casefold()
        kept = [p for p in parts if p.casefold() != folded and folded not in p.casefold()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    return max(parts, key=len)


def read_metadata(selector: Selector) -> PageMetadata:
    meta = PageMetadata()
    _read_jsonld(selector, meta)
    _read_meta_tags(selector, meta)
    _read_markup_times(selector, meta)
    title = selector.xpath("//head/title/text() | /html/title/text()").get()
    if title and title.strip():
        meta.html_title = _site_suffix_removed(" ".join(repair(title).split()), meta.site_name)
        if meta.html_title not in meta.titles:
            meta.titles.append(meta.html_title)
    canonical = selector.xpath('//link[@rel="canonical"]/@href').get() or ""
    meta.canonical_url = canonical.strip() or None
    lang = selector.xpath("/html/@lang").get() or meta.language or meta.locale
    meta.language = lang.replace("_", "-").split("-")[0].strip().lower() or None if lang else None
    return meta
