"""HTML of the river's own pages and of each publisher's article pages (made-up text)."""

from __future__ import annotations

import json
from html import escape
from urllib.parse import quote

from newsbot.replica.river.content import PER_PAGE, TOPICS, RiverArticle, RiverSite, Story

#: Chrome strings the publisher templates print; none may end up in a record's body.
PUBLISHER_CHROME = (
    "We use cookies to improve your experience",
    "Subscribe to keep reading",
    "Most read",
    "Sign up for our morning briefing",
    "Comments (",
    "Reader comment:",
    "All rights reserved",
    "Share this article",
    "Live updates",
)


def _e(text: str) -> str:
    return escape(text, quote=True)


class RiverPages:
    """Renders pages for a :class:`RiverSite` whose publishers live at ``outlet_urls``.

    The class attributes are the river's URL scheme (the server routes by them)."""

    topic_path = "/topic/"
    page_param = "page"
    story_path = "/story/"
    redirect_path = "/r/"
    click_path, click_param = "/click", "u"
    consent_path, consent_param = "/consent", "next"

    def __init__(self, site: RiverSite, outlet_urls: dict[str, str]) -> None:
        self.site = site
        self.outlet_urls = outlet_urls

    # -- links -----------------------------------------------------------------------------
    def publisher_url(self, a: RiverArticle) -> str:
        return self.outlet_urls[a.outlet.key] + a.path

    def linked_url(self, a: RiverArticle) -> str:
        """The URL a river entry links to: direct links carry the river's tracking tags."""
        url = self.publisher_url(a)
        return url + "?utm_source=river&utm_medium=referral" if a.outlet.key == "metro" else url

    def href(self, a: RiverArticle, on_story_page: bool) -> str:
        kind = a.link
        if on_story_page and kind != "direct":
            kind = "click"  # the story page links every article the same way
        if kind == "direct":
            return _e(self.linked_url(a))
        if kind == "r":
            return f"{self.redirect_path}{a.entry_id}"
        if kind == "click":
            return f"{self.click_path}?{self.click_param}=" + quote(self.linked_url(a), safe="")
        return f"{self.consent_path}?{self.consent_param}=" + quote(
            f"{self.redirect_path}{a.entry_id}", safe=""
        )

    # -- the river -------------------------------------------------------------------------
    def _frame(self, title: str, main: str) -> str:
        nav = "".join(f'<a href="/topic/{t}">{t.title()}</a> ' for t in TOPICS)
        return (
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{_e(title)} | Riverline</title></head><body>"
            f"<header><a href='/'>Riverline</a><nav><a href='/'>Top stories</a> {nav}</nav>"
            "<form action='/search'><input name='q'><button>Search</button></form></header>"
            f"<main><h1>{_e(title)}</h1>{main}</main>"
            "<footer><a href='/about'>About Riverline</a> <a href='/privacy'>Privacy</a> "
            "<p>Riverline shows headlines; stories belong to their publishers.</p></footer>"
            "</body></html>"
        )

    def _byline(self, a: RiverArticle) -> str:
        age = self.site.age_text(a)
        name = _e(a.outlet.river_name)
        if a.index % 2:
            return f'<span class="src">{name}</span><span class="age">{_e(age)}</span>'
        return f'<span class="src">{name} · <time>{_e(age)}</time></span>'

    def _entry(self, a: RiverArticle, on_story_page: bool, snippet: bool) -> str:
        snip = ""
        if snippet and a.paragraphs:
            snip = f'<p class="snip">{_e(a.paragraphs[0].split(". ")[0])}.</p>'
        return (
            f'<div class="entry"><h3><a href="{self.href(a, on_story_page)}">{_e(a.title)}</a>'
            f'</h3><div class="by">{self._byline(a)}</div>{snip}</div>'
        )

    def _cluster(self, story: Story) -> str:
        lead, *others = story.articles
        parts = [self._entry(lead, False, lead.index % 3 == 0)]
        if others:
            shown = others[:1]
            parts.append('<div class="more"><span class="label">More coverage</span><ul>')
            for a in shown:
                parts.append(f"<li>{self._entry(a, False, False)}</li>")
            parts.append("</ul>")
            rest = len(others) - len(shown)
            label = f"+ {rest} more sources" if rest else "More coverage"
            parts.append(f'<a class="story" href="/story/{story.id}">{label}</a></div>')
        return f'<article class="cluster">{"".join(parts)}</article>'

    def listing(self, topic: str | None, page: int) -> str | None:
        if topic is not None and topic not in TOPICS:
            return None
        stories = self.site.topic_stories(topic)
        if topic is None:
            chunk, more = stories, False
        else:
            start = (page - 1) * PER_PAGE
            chunk = stories[start : start + PER_PAGE]
            more = start + PER_PAGE < len(stories)
            if not chunk and page > 1:
                return None
        body = "".join(self._cluster(s) for s in chunk)
        if more:
            body += self._pager(topic, page + 1)
        title = "Top stories" if topic is None else topic.title()
        return self._frame(title, f'<section class="river">{body}</section>')

    def _pager(self, topic: str | None, page: int) -> str:
        url = f"{self.topic_path}{topic}?{self.page_param}={page}"
        return f'<p class="pager"><a href="{url}">More headlines</a></p>'

    def story(self, story_id: str) -> str | None:
        story = self.site.story(story_id)
        if story is None:
            return None
        items = "".join(f"<li>{self._entry(a, True, True)}</li>" for a in story.articles)
        lead = story.articles[0]
        return self._frame(
            f"Full coverage: {lead.title}",
            f"<p>{len(story.articles)} sources</p><ol class='coverage'>{items}</ol>",
        )

    def consent(self, next_path: str) -> str:
        return self._frame(
            "Before you continue",
            "<p>Riverline and its partners use cookies to measure which headlines readers "
            "open. You can change your choice at any time.</p>"
            f'<p><a class="btn" href="{_e(next_path)}">Continue to article</a> '
            "<a href='/privacy'>Manage options</a></p>",
        )

    # -- publishers ------------------------------------------------------------------------
    def article(self, a: RiverArticle) -> str:
        return getattr(self, f"_t_{a.outlet.template}")(a)

    def _paras(self, a: RiverArticle, cls: str = "") -> str:
        attr = f' class="{cls}"' if cls else ""
        return "".join(f"<p{attr}>{_e(p)}</p>" for p in a.paragraphs)

    @staticmethod
    def _head(title: str, extra: str = "") -> str:
        return (
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{_e(title)}</title>{extra}</head>"
        )

    @staticmethod
    def _cookie() -> str:
        return (
            '<div id="cookie-banner" role="dialog"><p>We use cookies to improve your '
            "experience and to show you relevant advertising.</p><button>Accept all</button>"
            "<button>Manage settings</button></div>"
        )

    def _rail(self, a: RiverArticle) -> str:
        others = [b for b in self.site.articles if b.outlet is a.outlet and b is not a][:4]
        links = "".join(f'<li><a href="{b.path}">{_e(b.title)}</a></li>' for b in others)
        return f'<aside class="rail"><h2>Most read</h2><ol>{links}</ol></aside>'

    @staticmethod
    def _comments(n: int) -> str:
        quips = [
            "Reader comment: I have been saying this for years and nobody listened at all.",
            "Reader comment: The council should have asked the people who actually live here.",
        ]
        items = "".join(f"<li><p>{q}</p></li>" for q in quips)
        return (
            f'<section id="comments" class="comments"><h2>Comments ({n})</h2>'
            f"<ul>{items}</ul></section>"
        )

    def _canonical(self, a: RiverArticle) -> str:
        return f'<link rel="canonical" href="{_e(self.publisher_url(a))}">'

    def _t_jsonld(self, a: RiverArticle) -> str:
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a.title,
            "datePublished": a.published.isoformat(),
            "publisher": {"@type": "Organization", "name": a.outlet.page_name},
        }
        head = self._head(
            f"{a.title} - {a.outlet.page_name}",
            self._canonical(a) + f'<script type="application/ld+json">{json.dumps(ld)}</script>',
        )
        return (
            f"{head}<body>{self._cookie()}<header><a href='/'>{_e(a.outlet.page_name or '')}</a>"
            "<nav><a href='/news'>News</a> <a href='/sport'>Sport</a> "
            "<a href='/weather'>Weather</a>"
            f"</nav></header><main><article><h1>{_e(a.title)}</h1>"
            f"<p class='byline'>By {_e(a.paragraphs[0].split()[0])} Staff</p>"
            f"<div class='article-body'>{self._paras(a)}</div>"
            "<div class='share'>Share this article</div></article>"
            f"{self._rail(a)}{self._comments(2)}</main>"
            f"<footer><p>© 2026 {_e(a.outlet.page_name or '')}. All rights reserved.</p></footer>"
            "</body></html>"
        )

    def _t_og(self, a: RiverArticle) -> str:
        meta = (
            f'<meta property="og:title" content="{_e(a.title)}">'
            f'<meta property="og:site_name" content="{_e(a.outlet.page_name or "")}">'
            f'<meta property="og:url" content="{_e(self.publisher_url(a))}">'
            f'<meta property="og:type" content="article">'
            f'<meta property="article:published_time" content="{a.published.isoformat()}">'
        )
        return (
            f"{self._head(a.title + ' | Northgate', meta)}<body>"
            "<div class='topbar'><a href='/'>Home</a> <a href='/login'>Log in</a></div>"
            f"<div class='wrap'><div class='story'><h1 class='headline'>{_e(a.title)}</h1>"
            f"{self._paras(a, 'story-text')}"
            "<div class='newsletter'><p>Sign up for our morning briefing and get the day's "
            "news in your inbox.</p><input type='email'><button>Sign up</button></div></div>"
            f"<div class='sidebar'>{self._rail(a)}</div></div>{self._cookie()}"
            "<div class='foot'>Northgate Herald Online. All rights reserved.</div></body></html>"
        )

    def _t_paywall(self, a: RiverArticle) -> str:
        ld = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": a.title,
            "datePublished": a.published.isoformat(),
            "isAccessibleForFree": False,
        }
        head = self._head(
            a.title,
            self._canonical(a) + f'<script type="application/ld+json">{json.dumps(ld)}</script>',
        )
        return (
            f"{head}<body><header><nav><a href='/'>Valley Courier</a> <a href='/local'>Local</a>"
            " <a href='/subscribe'>Subscribe</a></nav></header>"
            f"<article><header><h1>{_e(a.title)}</h1></header><section class='content'>"
            f"{self._paras(a)}</section>"
            "<div class='paywall'><h3>Subscribe to keep reading</h3><p>Unlimited access to "
            "local journalism from 1 pound a week. Cancel any time.</p>"
            "<a href='/subscribe'>Subscribe now</a></div></article>"
            f"<footer>Valley Courier. All rights reserved.</footer></body></html>"
        )

    def _t_bare(self, a: RiverArticle) -> str:
        return (
            f"<html><head><title>{_e(a.title)}</title></head><body>"
            f"<h1>{_e(a.title)}</h1>{self._paras(a)}</body></html>"
        )

    def _t_live(self, a: RiverArticle) -> str:
        meta = (
            f'<meta property="og:title" content="{_e(a.title)}">'
            f'<meta property="og:site_name" content="{_e(a.outlet.page_name or "")}">'
            + self._canonical(a)
        )
        return (
            f"{self._head(a.title, meta)}<body>{self._cookie()}"
            "<nav class='menu'><ul><li><a href='/'>MetroWire</a></li><li><a href='/live'>Live</a>"
            "</li><li><a href='/city'>City</a></li></ul></nav>"
            f"<div class='live-badge'>Live updates</div><h1>{_e(a.title)}</h1>"
            f"<div class='post'>{self._paras(a)}</div>"
            f"{self._comments(7)}{self._rail(a)}"
            "<footer>MetroWire. All rights reserved.</footer></body></html>"
        )

    def _t_graph(self, a: RiverArticle) -> str:
        ld = {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "name": a.outlet.page_name},
                {
                    "@type": "NewsArticle",
                    "headline": a.title,
                    "datePublished": a.published.isoformat(),
                    "author": {"@type": "Person", "name": "Coastline Newsroom"},
                },
            ],
        }
        head = self._head(
            f"{a.title} • Coastline",
            self._canonical(a) + f'<script type="application/ld+json">{json.dumps(ld)}</script>',
        )
        stamp = a.published.isoformat()
        return (
            f"{head}<body><div id='app'><header class='masthead'><a href='/'>Coastline</a>"
            "<ul class='sections'><li><a href='/coast'>Coast</a></li><li><a href='/sea'>Sea</a>"
            f"</li></ul></header><main><h1>{_e(a.title)}</h1>"
            f"<time datetime='{stamp}'>{a.published:%d %B %Y}</time>"
            f"<div class='prose'>{self._paras(a)}</div>"
            "<div class='share'>Share this article</div></main>"
            f"{self._rail(a)}</div></body></html>"
        )
