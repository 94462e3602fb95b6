"""Property tests: the pure extractors never raise, whatever a page holds.

Pages are generated as HTML-ish text: real and unknown tags, hidden parts, links with hostile
hrefs (other schemes, broken URLs, article paths on other hosts), the site's own labels and
ages, unclosed tags, raw bytes in odd encodings. Whatever comes in, ``page_blocks``,
``parse_article``, ``read_article`` and ``parse_listing`` return, links that are not http(s)
never become article entries, and the small text helpers are idempotent.
"""

from __future__ import annotations

from datetime import datetime, timezone
from html import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from parsel import Selector
from scrapy.http import HtmlResponse

from newsbot.extract.ages import age_reader
from newsbot.extract.article import parse_article
from newsbot.extract.blocks import page_blocks
from newsbot.extract.listing import parse_listing
from newsbot.extract.page import page_selector
from newsbot.extract.reader import read_article
from newsbot.extract.text import fold, safe_urljoin, strip_age_prefix, strip_bullet
from newsbot.profiles import load_profile

PROFILE = load_profile("daily8")
ANCHOR = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
READ_AGE = age_reader(PROFILE, ANCHOR)
BASE = "https://www.daily8.com/en/article/" + "a" * 32
ARTICLE_ID = "b" * 32

TAGS = [
    "div",
    "p",
    "h1",
    "h2",
    "h3",
    "li",
    "ul",
    "article",
    "section",
    "aside",
    "span",
    "a",
    "b",
    "time",
    "br",
    "script",
    "style",
    "template",
    "noscript",
    "svg",
    "img",
    "table",
    "td",
    "tr",
    "figure",
    "figcaption",
    "header",
    "main",
    "x-card",
    "font",
    "iframe",
]
HREFS = [
    f"/en/article/{ARTICLE_ID}",
    f"/article/{ARTICLE_ID}",
    f"https://www.daily8.com/en/article/{'c' * 32}",
    f"http://example.invalid/en/article/{'d' * 32}",
    f"//example.invalid/en/article/{'e' * 32}",
    f"ftp://www.daily8.com/en/article/{'f' * 32}",
    f"javascript:/en/article/{'1' * 32}",
    f"mailto:x@y/en/article/{'2' * 32}",
    f"data:text/html,/en/article/{'3' * 32}",
    "http://[broken/en/article/" + "4" * 32,
    "http://www.daily8.com:99999/en/article/" + "5" * 32,
    "http://www.daily8.com:port/en",
    "/en?page=2",
    "/en/hashtag/News",
    "javascript:/en/hashtag/Evil",
    "#",
    "",
    " \t\n",
    "\x00",
    "%zz%",
]
WORDS = ["Related Articles", "أخبار ذات صلة", "Hashtags", "Load more", "Next", "5 hours ago",
         "9 News6 days ago", "time14 hours ago", "Invalid date", "•", "- News", "News",
         "2026-11-25T06:00:00Z", "25/11/2026", "منذ 3 ساعات", "\u200b", "\ufeff", "&amp;",
         "&#0;", "&bogus;", "<", ">", "]]>", "<!--", "-->"]  # fmt: skip

text = st.one_of(st.sampled_from(WORDS), st.text(max_size=40))


def _attrs(draw_attrs: list[tuple[str, str]]) -> str:
    return "".join(f' {k}="{escape(v, quote=True)}"' for k, v in draw_attrs)


attribute = st.one_of(
    st.tuples(st.just("href"), st.one_of(st.sampled_from(HREFS), st.text(max_size=30))),
    st.tuples(st.just("datetime"), text),
    st.tuples(st.just("hidden"), st.just("")),
    st.tuples(st.just("aria-hidden"), st.just("true")),
    st.tuples(st.just("style"), st.sampled_from(["display: none", "DISPLAY:NONE", "color:red"])),
    st.tuples(st.just("rel"), st.just("next")),
    st.tuples(st.just("type"), st.just("application/ld+json")),
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attrs, inner, close: (
            f"<{tag}{_attrs(attrs)}>{''.join(inner)}" + (f"</{tag}>" if close else "")
        ),
        st.sampled_from(TAGS),
        st.lists(attribute, max_size=3),
        st.lists(children, max_size=4),
        st.booleans(),
    )


fragment = st.recursive(
    st.one_of(text.map(lambda t: escape(t, quote=False)), text), _element, max_leaves=30
)
page = st.builds(
    lambda head, body: f"<html><head>{head}</head><body>{body}</body></html>",
    st.lists(fragment, max_size=3).map("".join),
    st.lists(fragment, min_size=1, max_size=8).map("".join),
)
hostile = st.one_of(page, fragment, st.text(max_size=200))

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _selector(html: str) -> Selector:
    return HtmlResponse(BASE, body=html.encode("utf-8", "surrogatepass"), encoding="utf-8").selector


@SETTINGS
@given(hostile)
def test_page_blocks_never_raises_and_lines_are_clean(html):
    for block in page_blocks(_selector(html).root):
        assert block.text and block.text == " ".join(block.text.split())


@SETTINGS
@given(hostile)
def test_parse_article_never_raises_and_follows_only_http(html):
    article = parse_article(_selector(html), BASE, PROFILE, READ_AGE)
    for entry in article.related:
        assert entry.url.startswith(("http://", "https://")), entry.url
        assert PROFILE.article_id(entry.url)


@SETTINGS
@given(hostile)
def test_read_article_never_raises(html):
    article = read_article(page_selector(html, BASE), BASE, chrome_labels=["Related Articles"])
    assert all(b and b == " ".join(b.split()) for b in article.body_blocks)


@SETTINGS
@given(hostile)
def test_parse_listing_never_raises_and_stays_on_http(html):
    listing = parse_listing(_selector(html), "https://www.daily8.com/en", PROFILE, READ_AGE)
    for entry in listing.entries:
        assert entry.url.startswith(("http://", "https://")), entry.url
    for url in listing.next_pages:
        assert url.startswith("https://www.daily8.com/"), url


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from(["utf-8", "latin-1", "cp1252", "utf-16",
                                                  "shift_jis", "bogus-charset", None]))  # fmt: skip
def test_any_bytes_in_any_declared_charset_parse(body, charset):
    headers = {"Content-Type": "text/html" + (f"; charset={charset}" if charset else "")}
    response = HtmlResponse(BASE, body=body, headers=headers)
    parse_article(response.selector, BASE, PROFILE, READ_AGE)
    parse_listing(response.selector, BASE, PROFILE, READ_AGE)


def test_deep_nesting_and_huge_lines_do_not_blow_up():
    deep = "<div>" * 5000 + "Related Articles" + "</div>" * 5000
    wide = "<p>" + "word " * 200_000 + "</p>"
    for html in (deep, wide, "<a href='http://[x'>" * 500):
        parse_article(_selector(f"<html><body>{html}</body></html>"), BASE, PROFILE, READ_AGE)


@SETTINGS
@given(st.sampled_from(HREFS) | st.text(max_size=40))
def test_safe_urljoin_gives_http_or_nothing_and_is_stable(href):
    url = safe_urljoin(BASE, href)
    assert url == "" or url.startswith(("http://", "https://"))
    assert safe_urljoin(BASE, url) == url


@SETTINGS
@given(st.text(max_size=60))
def test_text_helpers_are_idempotent(value):
    assert fold(fold(value)) == fold(value)
    once = strip_age_prefix(value, "time")
    assert isinstance(once, str)
    stripped, _ = strip_bullet(value)
    assert stripped == stripped.strip()
