"""Pure decisions: does a page, as plain HTTP gave it, lack what a browser could fill in?

Auto mode asks this of every plainly fetched page, whatever the site, from what the page
shows rather than from knowledge of the site:

- a listing with no link to an article page (``no_article_links``);
- an article page without a readable title (``no_title``) or body (``no_body``), as the
  project's own article reader (:func:`newsbot.extract.article.parse_article`) reads it;
- an article page whose "Related Articles" block is there but holds no entry
  (``empty_related``);
- a part the profile marks as filled by script that came back empty (``script_filled``).

A page read without a site profile (the ``article`` spider's publisher pages) is asked only
for a title and a body, as the generic reader (:func:`newsbot.extract.reader.read_article`)
reads it.

A page that carries no script cannot gain anything from a browser, so the first three are
only reasons when the page carries executable script: a plain page that is simply empty (an
article without a body) is never rendered.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from urllib.parse import urljoin

from parsel import Selector

from newsbot.extract.ages import age_reader
from newsbot.extract.article import ArticlePage, parse_article
from newsbot.extract.blocks import page_blocks
from newsbot.extract.reader import read_article
from newsbot.extract.script_data import shows_a_body
from newsbot.extract.text import fold
from newsbot.profiles import SiteProfile

# The script types a browser runs; anything else (JSON-LD, templates) is data.
SCRIPT_TYPES = frozenset(
    {
        "",
        "text/javascript",
        "application/javascript",
        "application/x-javascript",
        "text/ecmascript",
        "application/ecmascript",
        "module",
    }
)
# A readable body has at least one paragraph-like block (script_data.shows_a_body): a
# "Loading..." line, a cookie notice or a footer line is not one.
# Listings and articles are remembered apart: a host may build its listings by script
# while serving complete article pages, or the other way round.
PAGE_GROUPS = {"listing": "listing", "article": "article", "related": "article"}
_ANCHOR = datetime(2000, 1, 1, tzinfo=timezone.utc)  # ages are only looked for, not used


def page_group(kind: str | None) -> str:
    return PAGE_GROUPS.get(str(kind), str(kind))


def has_script(selector: Selector) -> bool:
    """True when the page carries script a browser would run (inline or ``src``)."""
    for script in selector.xpath("//script"):
        kind = (script.attrib.get("type") or "").split(";")[0].strip().lower()
        if kind not in SCRIPT_TYPES:
            continue
        if script.attrib.get("src") or (script.xpath("string()").get() or "").strip():
            return True
    return False


def script_filled(profile: SiteProfile) -> dict[str, tuple[str, ...]]:
    """The profile's ``script_filled`` table: page kind -> CSS selectors of script-filled parts."""
    raw = profile.raw.get("script_filled") or {}
    if not isinstance(raw, Mapping):
        raise ValueError(f"{profile.name}.toml script_filled: expected a table of lists")
    return {str(kind): tuple(str(s) for s in sels) for kind, sels in raw.items()}


def fill_selectors(profile: SiteProfile, kind: str | None) -> tuple[str, ...]:
    return script_filled(profile).get(page_group(kind), ())


def has_article_link(selector: Selector, base: str, profile: SiteProfile) -> bool:
    for href in selector.xpath(".//a/@href").getall():
        href = href.strip()
        if (
            href
            and not href.startswith(("#", "javascript:"))
            and profile.article_id(urljoin(base, href))
        ):
            return True
    return False


def has_related_label(selector: Selector, profile: SiteProfile) -> bool:
    labels = profile.related_labels()
    return any(fold(b.text).rstrip(":") in labels for b in page_blocks(selector.root))


def _unfilled(selector: Selector, url: str, kind: str | None, profile: SiteProfile | None) -> bool:
    if profile is None:
        return False
    for css in fill_selectors(profile, kind):
        parts = selector.css(css)
        if parts and not any(has_article_link(p, url, profile) for p in parts):
            return True
    return False


def generic_missing(selector: Selector, url: str) -> list[str]:
    """What a publisher's article page, read without a profile, lacks: title, body."""
    read = read_article(selector, url, from_data=False)  # what a browser would fill in
    missing = [] if read.title else ["no_title"]
    if not shows_a_body(read.body_blocks):
        missing.append("no_body")
    return missing


def missing_parts(
    selector: Selector, url: str, kind: str | None, profile: SiteProfile | None
) -> list[str]:
    """What the page lacks, as render reasons, in order of importance (empty: complete).

    Without a profile only an article page can be judged (by the generic reader)."""
    group = page_group(kind)
    if profile is None:
        return generic_missing(selector, url) if group == "article" else []
    missing: list[str] = []
    if group == "listing":
        if not has_article_link(selector, url, profile):
            missing.append("no_article_links")
    elif group == "article":
        page: ArticlePage = parse_article(selector, url, profile, age_reader(profile, _ANCHOR))
        if not page.title:
            missing.append("no_title")
        if not shows_a_body(page.body_blocks):
            missing.append("no_body")
        if not page.related and has_related_label(selector, profile):
            missing.append("empty_related")
    if _unfilled(selector, url, kind, profile):
        missing.append("script_filled")
    return missing


def render_reasons(
    selector: Selector, url: str, kind: str | None, profile: SiteProfile | None
) -> list[str]:
    """Why a plainly fetched page must be fetched again through a browser (empty: it need not).

    A part the profile marks as script-filled counts whatever the page carries (the profile
    says so); the rest only when the page carries script that could fill it in (so a page
    without script is not even read here).
    """
    if not has_script(selector):
        return ["script_filled"] if _unfilled(selector, url, kind, profile) else []
    return missing_parts(selector, url, kind, profile)


def render_reason(
    selector: Selector, url: str, kind: str | None, profile: SiteProfile | None
) -> str | None:
    """The first of :func:`render_reasons`, or None."""
    reasons = render_reasons(selector, url, kind, profile)
    return reasons[0] if reasons else None
