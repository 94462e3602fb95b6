"""Theme ``react``: the markup a server-rendered React/Next.js site sends.

Same visible text and truth as themes ``a`` and ``b``, in the shape such a site gives it:

- ``<!-- -->`` between adjacent text pieces, as React writes them when it renders
  ``{count} hours ago`` or a sentence built from several expressions: ``4<!-- --> hours ago``,
  ``Council delays<!-- --> vote on toll``, in titles, header lines, entries and paragraphs;
- a ``<script id="__NEXT_DATA__" type="application/json">`` hydration payload repeating the
  page's data (title, paragraphs, related entries): data, never text;
- div soup with generated class names (``css-1q2w3e4``, ``Article_title__x7Yq2``);
- chrome around the content: a cookie banner and the site navigation with a trending-topics
  bar before it, a most-read rail beside the article (before ``<main>`` in document order, a
  left column), a footer after it.

``page_kb`` > 0 grows the chrome to about that many kilobytes a page, as real pages are
(median ~290 KB over the fundus-eval set): a mega menu, inline CSS, an SVG sprite, script
chunks and ad slots between paragraphs, a longer most-read rail and footer. The visible text
of the article (title, header, body, chrome labels, related entries) is the same at any size.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from html import escape
from typing import Any

NAME = "react"
SEP = "<!-- -->"
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_AFTER_FIRST_WORD = re.compile(r"^(\s*\S+)(\s+)(?=\S)")
_SPACE_BEFORE_REST = re.compile(r"^(\S+)(?=\s+\S)")


@lru_cache(maxsize=4096)
def cls(role: str) -> str:
    """A generated class name, stable per role (as CSS-in-JS and CSS modules make them)."""
    digest = hashlib.md5(role.encode()).hexdigest()
    if role[:1].isupper():  # CSS modules: Component_role__hash
        component, _, part = role.partition(".")
        return f"{component}_{part or 'root'}__{digest[:5]}"
    return f"css-{int(digest[:8], 16) % 36**7:07x}"[:11]


def pieces(fragment: str, *, before_space: bool = False) -> str:
    """``fragment`` (escaped HTML) with ``<!-- -->`` between its first word and the rest of
    each text run, as React separates adjacent expressions. The visible text is unchanged."""
    out = []
    for part in _TAG_OR_TEXT.split(fragment):
        if part.startswith("<") or not part.strip():
            out.append(part)
        elif before_space:  # "4<!-- --> hours ago"
            out.append(_SPACE_BEFORE_REST.sub(lambda m: m.group(1) + SEP, part, count=1))
        else:  # "When <!-- -->President"
            out.append(_AFTER_FIRST_WORD.sub(lambda m: m.group(1) + m.group(2) + SEP, part, 1))
    return "".join(out)


def _json_script(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def _text(html: str) -> str:
    """Plain text of an escaped fragment, for the hydration payload."""
    from html import unescape

    return unescape(re.sub(r"<[^>]*>", "", html))


# Made-up chrome text (no real site's wording).
COOKIE = (
    "We and our partners use cookies and similar technologies to keep this site working, "
    "measure how it is used and show you relevant content. You can change your choices at any "
    "time under Privacy settings at the bottom of every page."
)
NAV = ["Home", "World", "Politics", "Business", "Health", "Technology", "Sport", "Travel"]
FOOTER_LINKS = ["About us", "Contact", "Careers", "Advertise", "Privacy policy",
                "Cookie settings", "Terms of use", "Accessibility"]  # fmt: skip
MENU_WORDS = ["Local", "Regional", "Markets", "Science", "Climate", "Culture", "Food", "Style",
              "Cars", "Property", "Books", "Film", "Music", "Weather", "Puzzles", "Podcasts",
              "Video", "Photos", "Opinion", "Letters", "Obituaries", "Events", "Deals",
              "Newsletters"]  # fmt: skip


class ReactTheme:
    """The ``react`` theme; one instance per page size (``page_kb`` 0: compact pages)."""

    NAME = NAME
    HYDRATES = True  # the renderer hands page props to ``page``

    def __init__(self, page_kb: int = 0) -> None:
        self.page_kb = max(0, int(page_kb))
        self._most_read: list[tuple[str, str]] = []
        self._big: dict[str, str] = {}
        self._fills: dict[int, str] = {}

    # -- site-wide parts ---------------------------------------------------------------
    def bind(self, site: Any) -> None:
        """The most-read rail lists the site's newest listed articles."""
        ids = site.listings.get("/en", [])[: 10 if self.page_kb else 5]
        self._most_read = [(site.articles[i].path, site.articles[i].title) for i in ids]
        if self.page_kb:
            self._build_big()

    def _build_big(self) -> None:
        """Chrome of a real-size page, built once: menu, CSS, SVG sprite, footer, scripts."""
        menu = []
        for n, section in enumerate(NAV + MENU_WORDS):
            subs = "".join(
                f'<li class="{cls("menu-sub-item")}"><a class="{cls("menu-link")}" '
                f'href="/en/section/{section.lower()}/{w.lower()}">{w}</a></li>'
                for w in MENU_WORDS[n % 5 : n % 5 + 12]
            )
            menu.append(
                f'<li class="{cls("menu-item")}"><button class="{cls("menu-toggle")}" '
                f'aria-expanded="false">{section}</button><ul class="{cls("menu-sub")}" hidden>'
                f"{subs}</ul></li>"
            )
        self._big["menu"] = f'<ul class="{cls("Menu.list")}">{"".join(menu)}</ul>'
        rules = []
        for n in range(self.page_kb * 5 // 3):
            name = cls(f"rule-{n}")
            rules.append(
                f".{name}{{display:flex;margin:{n % 7}px {n % 11}px;padding:0 {n % 5}px;"
                f"color:#{n * 2654435761 % 0xFFFFFF:06x};font:400 {12 + n % 9}px/1.4 system-ui}}"
                f"@media (min-width:{600 + n % 4 * 200}px){{.{name}{{flex-direction:row}}}}"
            )
        self._big["css"] = f'<style data-emotion="css">{"".join(rules)}</style>'
        paths = "".join(
            f'<symbol id="icon-{n}" viewBox="0 0 24 24"><path d="M{n % 24} {n % 13}L{(n * 7) % 24} '
            f'{(n * 5) % 24}C{n % 9} 4 {n % 17} 9 12 {n % 24}Z"/></symbol>'
            for n in range(140)
        )
        self._big["sprite"] = f'<svg xmlns="http://www.w3.org/2000/svg" hidden>{paths}</svg>'
        cols = []
        for n in range(6):
            links = "".join(
                f'<li><a href="/en/info/{w.lower()}-{n}">{w}</a></li>'
                for w in MENU_WORDS[n * 3 : n * 3 + 8]
            )
            cols.append(f'<div class="{cls("footer-col")}"><ul>{links}</ul></div>')
        self._big["footer"] = "".join(cols)
        chunks = []
        for n in range(max(1, self.page_kb // 50)):
            blob = json.dumps(
                [1, f'{n}:I[{n * 7919},["static/chunks/{cls(f"chunk-{n}")}.js"],""]']
                + [{"k": cls(f"k-{n}-{i}"), "v": list(range(i % 30))} for i in range(120)]
            )
            chunks.append(f"<script>(self.__next_f=self.__next_f||[]).push({blob})</script>")
            chunks.append(f'<script src="/_next/static/chunks/{cls(f"s-{n}")}.js" async></script>')
        self._big["scripts"] = "".join(chunks)
        self._big["preload"] = "".join(
            f'<link rel="preload" as="script" href="/_next/static/chunks/{cls(f"p-{n}")}.js">'
            for n in range(30)
        )

    def _fill(self, current: int) -> str:
        """An inline script payload bringing the page to about ``page_kb`` kilobytes."""
        missing = (self.page_kb * 1024 - current) // 1024 * 1024
        if missing <= 0:
            return ""
        if missing not in self._fills:
            self._fills[missing] = self._payload(missing)
        return self._fills[missing]

    @staticmethod
    def _payload(missing: int) -> str:
        unit = '{"id":"%07d","w":[' + ",".join(str(i) for i in range(40)) + "]},"
        count = max(1, missing // (len(unit) + 2))
        data = "".join(unit % n for n in range(count))
        return f"<script>self.__APOLLO_STATE__=[{data.rstrip(',')}]</script>"

    # -- page ---------------------------------------------------------------------------
    def page(
        self, lang: str, title: str, head: str, body: str, props: dict[str, Any] | None = None
    ) -> str:
        direction = "rtl" if lang == "ar" else "ltr"
        big = self._big if self.page_kb else {}
        data = {
            "props": {"pageProps": props or {}, "__N_SSP": True},
            "page": "/[lang]/article/[id]" if props and "article" in props else "/[lang]",
            "query": {},
            "buildId": "Xq1bKp0Yc7mJ2vR9sT4uW",
            "isFallback": False,
            "gssp": True,
            "locale": lang,
        }
        cookie = (
            f'<div class="{cls("cookie")}" role="dialog" aria-label="Cookie consent">'
            f'<div class="{cls("cookie-inner")}"><div class="{cls("cookie-title")}">'
            f"Your privacy{SEP} choices</div><p>{COOKIE}</p>"
            f'<div class="{cls("cookie-buttons")}"><button type="button">Reject all</button>'
            f'<button type="button">Manage options</button><button type="button">Accept all'
            "</button></div></div></div>"
        )
        page = (
            f'<!DOCTYPE html><html lang="{lang}" dir="{direction}"><head><meta charSet="utf-8"/>'
            f'<meta name="viewport" content="width=device-width"/><title>{title} | Daily8</title>'
            f"{head}{big.get('preload', '')}{big.get('css', '')}"
            f'<noscript data-n-css=""></noscript></head><body>{big.get("sprite", "")}'
            f'<div id="__next"><div class="{cls("app")}">{cookie}{body}</div></div>'
            f'<script id="__NEXT_DATA__" type="application/json">{_json_script(data)}</script>'
            f"{big.get('scripts', '')}"
        )
        return page + self._fill(len(page) + 40) + "</body></html>"

    def logo(self, home: str) -> str:
        big = self._big if self.page_kb else {}
        nav = "".join(
            f'<a class="{cls("nav-link")}" href="/en/section/{n.lower()}">{n}</a>' for n in NAV
        )
        tags = "".join(
            f'<a class="{cls("trend-link")}" href="/en/hashtag/{t}">#{t}</a>'
            for t in ("Politics", "Economy", "Climate", "Football")
        )
        return (
            f'<header class="{cls("Header.root")}"><div class="{cls("Header.bar")}">'
            f'<a class="{cls("Header.logo")}" href="{home}"><img alt="logo" src="/static/logo.svg"'
            f' width="120" height="32"/></a><button class="{cls("Header.menu")}" aria-label="Menu">'
            f'<svg viewBox="0 0 24 24"><path d="M3 6h18M3 12h18M3 18h18"/></svg></button></div>'
            f'<nav class="{cls("Nav.root")}" aria-label="Sections"><div class="{cls("Nav.row")}">'
            f'{nav}</div>{big.get("menu", "")}</nav><div class="{cls("Trending.bar")}">'
            f'<span class="{cls("Trending.label")}">Trending</span>{tags}</div></header>'
        )

    def _rail(self) -> str:
        items = "".join(
            f'<li class="{cls("MostRead.item")}"><a class="{cls("MostRead.link")}" href="{path}">'
            f'<span class="{cls("MostRead.rank")}">{n}</span><div class="{cls("MostRead.title")}">'
            f"{pieces(escape(title, quote=False))}</div></a></li>"
            for n, (path, title) in enumerate(self._most_read, 1)
        )
        return (
            f'<aside class="{cls("Rail.root")}" aria-label="Most read"><div '
            f'class="{cls("Rail.heading")}">Most read</div><ol class="{cls("MostRead.list")}">'
            f"{items}</ol></aside>"
        )

    # -- entries and body ---------------------------------------------------------------
    def entry(self, href, img, title, source, age, items, teaser) -> str:
        lis = "".join(f'<li class="{cls("Card.chip")}">{i}</li>' for i in items)
        tease = f'<p class="{cls("Card.teaser")}">{pieces(teaser)}</p>' if teaser else ""
        return (
            f'<div class="{cls("Card.root")}"><div class="{cls("Card.media")}"><a href="{href}">'
            f'<img alt="{title}" src="{img}" loading="lazy"/></a></div>'
            f'<div class="{cls("Card.body")}">'
            f'<a class="{cls("Card.link")}" href="{href}"><h3 class="{cls("Card.title")}">'
            f'{pieces(title)}</h3></a><div class="{cls("Card.meta")}"><span>{source}</span><span>'
            f'<img alt="time" src="/static/clock.svg"/>{pieces(age, before_space=True)}'
            "</span></div>"
            f'<ul class="{cls("Card.chips")}">{lis}</ul><div class="{cls("Card.again")}">'
            f"{pieces(title)}</div>{tease}</div></div>"
        )

    def para(self, inner: str) -> str:
        ad = ""
        if self.page_kb:
            slot = cls(f"ad-{len(inner)}")
            ad = (
                f'<div class="{cls("ad-slot")}"><div id="div-gpt-ad-{slot}" style="min-height:'
                f'250px"></div><script>window.googletag&&googletag.cmd.push(function(){{'
                f'googletag.display("div-gpt-ad-{slot}")}})</script></div>'
            )
        return f'<p class="{cls("Article.paragraph")}">{pieces(inner)}</p>{ad}'

    def line(self, text: str) -> str:
        return f'<p class="{cls("Article.paragraph")}"><span>{pieces(text)}</span></p>'

    def rail(self, heading: str, items: list[str]) -> str:
        lis = "".join(f'<li><a href="#">{pieces(i)}</a></li>' for i in items)
        return (
            f'<div class="{cls("Embed.rail")}"><p><strong>{heading}</strong></p>'
            f'<ul class="{cls("Embed.list")}">{lis}</ul></div>'
        )

    def figure(self, caption: str, credit: str | None) -> str:
        cred = f'<span class="{cls("Figure.credit")}">{credit}</span>' if credit else ""
        return (
            f'<figure class="{cls("Figure.root")}"><div class="{cls("Figure.frame")}"><img alt="" '
            f'src="/static/photo.jpg" decoding="async"/></div><figcaption>{caption}{cred}'
            "</figcaption></figure>"
        )

    def css(self, text: str) -> str:
        return (
            f'<div class="{cls("Icon")}"><svg viewBox="0 0 10 10"><style>{text}</style></svg></div>'
        )

    def chrome(self, lab: dict, tags: list[tuple[str, str]], related: str) -> str:
        links = "".join(f'<a class="{cls("Tag.link")}" href="{h}">{t}</a>' for h, t in tags)

        def box(role: str, heading: str, inner: str) -> str:
            return (
                f'<div class="{cls(f"Box.{role}")}"><h2 class="{cls("Box.heading")}">{heading}'
                f"</h2>{inner}</div>"
            )

        return (
            f'<div class="{cls("Chrome.root")}">'
            + box("tags", lab["hashtags"], f'<div class="{cls("Tag.list")}">{links}</div>')
            + box("ai", lab["ai"], f"<p>{lab['explore']}</p>")
            + box("comments", lab["comments"], f"<p>{lab['no_comments']}</p>")
            + box("related", lab["related"], f'<div class="{cls("Related.grid")}">{related}</div>')
            + "</div>"
        )

    def article(self, img, title, header, category, body, gallery, chrome) -> str:
        meta = ""
        if header:
            meta = (
                f'<div class="{cls("Article.meta")}"><span class="{cls("Article.source")}">'
                f'{header[0]}</span><span class="{cls("Article.age")}">'
                f"{pieces(header[1], before_space=True)}</span></div>"
            )
        cat = (
            f'<div class="{cls("Article.category")}"><span>{category}</span></div>'
            if category
            else ""
        )
        gal = ""
        if gallery:
            gal = (
                f'<div class="{cls("Gallery.root")}">'
                '<img alt="Orange background" src="/static/bg.png"/>'
                f'<a href="#gallery">Show all{SEP} {gallery}</a></div>'
            )
        return (
            f'<div class="{cls("Layout.columns")}">{self._rail()}'
            f'<main class="{cls("Layout.main")}"><div class="{cls("Article.root")}">'
            f'<div class="{cls("Article.hero")}"><img alt="{title}" src="{img}"/></div>'
            f'<h1 class="{cls("Article.title")}">{pieces(title)}</h1>{meta}{cat}'
            f'<div class="{cls("Article.body")}">{body}</div>{gal}</div>{chrome}</main></div>'
            + self._footer()
        )

    def listing(
        self, lone_hash: bool, heading: str, entries: str, more: str | None, more_label: str
    ) -> str:
        hash_ = f'<div class="{cls("Listing.hash")}">#</div>' if lone_hash else ""
        pager = (
            f'<div class="{cls("Listing.pager")}"><a href="{more}">{more_label}</a></div>'
            if more
            else ""
        )
        return (
            f'<main class="{cls("Layout.main")}">{hash_}<h1 class="{cls("Listing.heading")}">'
            f'{pieces(heading)}</h1><div class="{cls("Listing.feed")}">{entries}</div>'
            f"{pager}</main>" + self._footer()
        )

    def _footer(self) -> str:
        big = self._big if self.page_kb else {}
        links = "".join(f'<a href="/en/info/{n}">{t}</a>' for n, t in enumerate(FOOTER_LINKS))
        return (
            f'<footer class="{cls("Footer.root")}"><div class="{cls("Footer.cols")}">'
            f'{big.get("footer", "")}</div><div class="{cls("Footer.links")}">{links}</div>'
            f'<div class="{cls("Footer.copy")}">©{SEP} 2026{SEP} Daily8. All rights reserved.</div>'
            "</footer>"
        )


def hydration_props(renderer: Any, article: Any | None = None, entries: list | None = None) -> dict:
    """What ``__NEXT_DATA__`` carries for a page (the article's data, as JSON)."""
    if article is not None:
        site = renderer.site
        return {
            "article": {
                "id": article.id,
                "title": article.display_title,
                "source": article.source,
                "category": article.category,
                "lang": article.lang,
                "paragraphs": [_text(b[2]) for b in article.blocks if b[0] == "p"],
                "hashtags": list(article.hashtags),
                "related": [
                    {
                        "id": r,
                        "title": site.articles[r].display_title,
                        "source": site.articles[r].source,
                    }
                    for r in article.related
                ],
            }
        }
    return {"entries": [{"id": a.id, "title": a.display_title} for a in entries or []]}


def make_theme(page_kb: int = 0) -> ReactTheme:
    """A theme instance for one server (it holds the site's most-read rail)."""
    return ReactTheme(page_kb)
