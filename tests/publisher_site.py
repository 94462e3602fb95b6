"""Made-up publishers' article pages, served on 127.0.0.1, for the generic ``article`` spider.

Three templates written from scratch (no real article), each with page chrome around the
article: a cookie banner, navigation, rails, comments, a footer.

- ``gazette``: JSON-LD NewsArticle and OpenGraph tags, a canonical link, an inline
  "Related" box inside the body, a most-read rail and a comment section after it;
- ``courier``: schema.org microdata only (``<time itemprop="datePublished" datetime>``),
  no site name anywhere, reached through a redirect;
- ``almanac``: bare HTML of an old CMS (tables for layout, no metadata at all), the time
  printed in a date line.

``PAGES`` holds what a reader of each page sees: the truth the tests check records against.
"""

from __future__ import annotations

import threading
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

CLOCK = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)

GAZETTE_BODY = [
    "Councillors in Port Alder voted on Tuesday night to postpone a decision on the harbour "
    "toll for at least six weeks, after residents filled the chamber to object.",
    "The toll, first proposed in the spring, would charge vehicles entering the old harbour "
    "district between seven in the morning and seven in the evening.",
    "Supporters say the money would pay for new sea defences. Opponents argue that small "
    "traders would lose customers to the out-of-town retail park.",
    "A public consultation will reopen next month, and the council has promised to publish "
    "every response it receives before the next vote.",
]
COURIER_BODY = [
    "The Linden Falls footbridge reopened to walkers on Friday morning, eleven months after "
    "a storm tore away part of its western span.",
    "Engineers replaced the damaged timber deck with recycled steel and raised the handrails "
    "to meet the current safety standard.",
    "Cyclists will have to wait until the spring, when a ramp on the eastern bank is finished.",
]
ALMANAC_BODY = [
    "The Northvale orchard society counted more than four hundred apple varieties at its "
    "annual show this weekend, a record for the volunteer-run event.",
    "Judges gave the top prize to a russet grown from a cutting that a member's grandmother "
    "brought to the valley more than sixty years ago.",
    "The society plans to publish its first catalogue of local varieties next year.",
]

COOKIE = (
    '<div class="consent" role="dialog" aria-label="Cookies"><p>We use cookies to improve your '
    "experience and to measure how our site is used. By clicking Accept you agree to this."
    "</p><button>Accept</button><button>Settings</button></div>"
)


def _paras(body: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in body)


def gazette_page() -> str:
    related_box = (
        '<aside class="inline-related"><h4>Related</h4><ul>'
        '<li><a href="/news/2026/10/sea-wall-funding">Sea wall funding gap widens</a></li>'
        '<li><a href="/news/2026/09/harbour-parking">Harbour parking charges rise</a></li>'
        "</ul></aside>"
    )
    body = (
        _paras(GAZETTE_BODY[:2])
        + related_box
        + '<div class="ad" aria-hidden="true">Advertisement</div>'
        + _paras(GAZETTE_BODY[2:])
    )
    most_read = "".join(
        f'<li><a href="/news/2026/11/story-{n}">{t}</a></li>'
        for n, t in enumerate(
            [
                "Ferry timetable changes for winter",
                "New bakery opens on Quay Street",
                "School choir wins regional contest",
                "Storm warning for the weekend",
                "Museum extends opening hours",
            ]
        )
    )
    comments = (
        '<section id="comments"><h3>Comments (2)</h3>'
        '<div class="comment"><p class="who">harbourwatcher</p><p>About time they listened '
        "to the people who actually live here.</p></div>"
        '<div class="comment"><p class="who">quaysider</p><p>The toll is the only way to pay '
        "for the wall. Delaying it just costs more.</p></div></section>"
    )
    jsonld = (
        '{"@context":"https://schema.org","@type":"NewsArticle",'
        '"headline":"Council delays vote on harbour toll",'
        '"datePublished":"2026-11-24T09:15:00+01:00","dateModified":"2026-11-24T11:00:00+01:00",'
        '"articleSection":"Local politics",'
        '"author":{"@type":"Person","name":"Mira Holm"},'
        '"publisher":{"@type":"Organization","name":"Harbour Gazette"}}'
    )
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        "<title>Council delays vote on harbour toll | Harbour Gazette</title>"
        '<meta property="og:title" content="Council delays vote on harbour toll">'
        '<meta property="og:site_name" content="Harbour Gazette">'
        '<meta property="og:type" content="article">'
        '<meta name="description" content="Councillors postponed the harbour toll decision.">'
        '<link rel="canonical" href="/news/2026/11/council-delays-vote-on-harbour-toll">'
        f'<script type="application/ld+json">{jsonld}</script></head><body>'
        f"{COOKIE}"
        '<header><a href="/" class="logo">Harbour Gazette</a><nav><ul>'
        '<li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>'
        '<li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li>'
        "</ul></nav></header>"
        '<div class="breadcrumbs"><a href="/">Home</a> › <a href="/news">News</a></div>'
        "<main><article><h1>Council delays vote on harbour toll</h1>"
        '<div class="byline">By Mira Holm · <time datetime="2026-11-24T09:15:00+01:00">'
        "24 November 2026</time></div>"
        f'<div class="article-body">{body}</div>'
        '<div class="share">Share this article <a href="#">Facebook</a> <a href="#">X</a>'
        "</div></article>"
        f"{comments}</main>"
        f'<aside class="rail"><h2>Most read</h2><ol>{most_read}</ol></aside>'
        "<footer><p>© 2026 Harbour Gazette Ltd. All rights reserved.</p><ul>"
        '<li><a href="/about">About us</a></li><li><a href="/privacy">Privacy</a></li>'
        '<li><a href="/contact">Contact</a></li></ul></footer></body></html>'
    )


def courier_page() -> str:
    nav = "".join(
        f'<a class="nav__item" href="/valley/{s.lower()}">{s}</a>'
        for s in ("Valley", "Roads", "Schools", "Weather", "Events")
    )
    trending = "".join(
        f'<li class="trend"><a href="/valley/2026/11/{n}.html">{t}</a></li>'
        for n, t in enumerate(
            [
                "Snow ploughs ready for first frost",
                "Library reopens after repairs",
                "Farmers market moves indoors",
            ]
        )
    )
    return (
        '<!doctype html><html lang="en-US"><head><meta charset="utf-8">'
        "<title>Footbridge reopens to walkers - Valley Courier</title></head><body>"
        f"{COOKIE}"
        f'<div class="top-bar"><div class="nav">{nav}</div></div>'
        '<div class="layout"><div class="col-main">'
        '<div itemscope itemtype="https://schema.org/NewsArticle">'
        '<h1 itemprop="headline">Footbridge reopens to walkers</h1>'
        '<div class="meta"><span itemprop="author">By Tom Reyes</span> | '
        '<time itemprop="datePublished" datetime="2026-11-20T14:05:00-05:00">Nov. 20, 2026'
        "</time></div>"
        f'<div itemprop="articleBody">{_paras(COURIER_BODY)}</div></div>'
        '<div class="newsletter"><p>Get the Courier in your inbox every morning.</p>'
        '<form><input type="email" placeholder="Email"><button>Sign up</button></form></div>'
        "</div>"
        f'<div class="col-side"><div class="box"><h3>Trending</h3><ul>{trending}</ul></div></div>'
        "</div>"
        '<div class="site-footer"><p>Valley Courier · 12 Mill Road · Linden Falls</p>'
        '<p><a href="/terms">Terms</a> · <a href="/privacy">Privacy</a></p></div>'
        "</body></html>"
    )


def almanac_page() -> str:
    menu = "".join(
        f'<a href="/{s.lower()}.html">{s}</a> | ' for s in ("Home", "News", "Clubs", "Archive")
    )
    return (
        "<html><head><title>Orchard show sets a record for apple varieties | Northvale Almanac"
        "</title></head>"
        '<body bgcolor="#ffffff">'
        '<div id="cookie-notice">This site uses cookies. <a href="/cookies.html">More</a></div>'
        '<table width="100%"><tr><td colspan="2"><font size="5">Northvale Almanac</font><br>'
        f"{menu}</td></tr>"
        '<tr><td width="70%" valign="top">'
        "<h2>Orchard show sets a record for apple varieties</h2>"
        "<p><i>Published 22 November 2026, 16:40 GMT</i></p>"
        f"{_paras(ALMANAC_BODY)}"
        '<div class="comments"><p><b>Comments</b></p>'
        "<p>No comments yet. Be the first to comment.</p></div>"
        '</td><td width="30%" valign="top"><b>Club notices</b><br>'
        '<a href="/clubs/chess.html">Chess club meets Thursdays</a><br>'
        '<a href="/clubs/choir.html">Choir seeks tenors</a><br>'
        '<a href="/clubs/walk.html">Sunday walk: Kestrel Bay</a></td></tr>'
        '<tr><td colspan="2"><small>Northvale Almanac, volunteer-run since 1998. '
        '<a href="/contact.html">Contact the editor</a></small></td></tr></table>'
        "</body></html>"
    )


# What a reader sees on each page; "path" is what the spider is given.
PAGES = {
    "gazette": {
        "path": "/news/2026/11/council-delays-vote-on-harbour-toll?utm_source=newsletter#top",
        "url": "/news/2026/11/council-delays-vote-on-harbour-toll",
        "title": "Council delays vote on harbour toll",
        "body": GAZETTE_BODY,
        "source": "Harbour Gazette",
        "category": "Local politics",
        "language": "en",
        "published_at": "2026-11-24T08:15:00Z",
        "published_precision": "second",
    },
    "courier": {
        "path": "/story/4471",
        "url": "/valley/2026/11/20/footbridge-reopens.html",
        "title": "Footbridge reopens to walkers",
        "body": COURIER_BODY,
        "source": "127.0.0.1",  # no site name on the page: its host
        "category": None,
        "language": "en",
        "published_at": "2026-11-20T19:05:00Z",
        "published_precision": "second",
    },
    "almanac": {
        "path": "/news/orchard-show.html",
        "url": "/news/orchard-show.html",
        "title": "Orchard show sets a record for apple varieties",
        "body": ALMANAC_BODY,
        "source": "127.0.0.1",
        "category": None,
        "language": "en",  # from the Content-Language header
        "published_at": "2026-11-22T16:40:00Z",
        "published_precision": "minute",
    },
}

HTML = "text/html; charset=utf-8"


def routes() -> dict[str, tuple[int, str, bytes, dict[str, str]]]:
    """path -> (status, content type, body, extra headers)."""
    return {
        "/robots.txt": (200, "text/plain", b"User-agent: *\nAllow: /\n", {}),
        "/news/2026/11/council-delays-vote-on-harbour-toll": (
            200,
            HTML,
            gazette_page().encode(),
            {},
        ),
        "/story/4471": (301, HTML, b"", {"Location": "/valley/2026/11/20/footbridge-reopens.html"}),
        "/valley/2026/11/20/footbridge-reopens.html": (200, HTML, courier_page().encode(), {}),
        "/news/orchard-show.html": (
            200,
            HTML,
            almanac_page().encode(),
            {"Content-Language": "en-GB"},
        ),
        "/files/report.pdf": (200, "application/pdf", b"%PDF-1.4\n%made-up\n", {}),
        "/gone.html": (404, HTML, b"<html><body><h1>Not found</h1></body></html>", {}),
    }


class PublisherServer:
    """Serves ``pages`` (path -> reply, see :func:`routes`) on 127.0.0.1; ``Date`` is ``CLOCK``.

    ``gzip_dir`` also serves ``/real/<name>`` from ``<gzip_dir>/<name>.html.gz`` (real pages
    read where they are stored, at test time).
    """

    def __init__(self, pages: dict | None = None, gzip_dir: Path | None = None) -> None:
        self.pages = routes() if pages is None else pages
        self.gzip_dir = gzip_dir
        self.requests: list[str] = []
        handler = type("Handler", (_Handler,), {"site": self})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        host, port = self.httpd.server_address[:2]
        self.base_url = f"http://{host}:{port}"
        self.thread: threading.Thread | None = None

    def reply(self, path: str) -> tuple[int, str, bytes, dict[str, str]]:
        self.requests.append(path)
        clean = urlsplit(path).path
        if clean in self.pages:
            return self.pages[clean]
        if self.gzip_dir is not None and clean.startswith("/real/"):
            stored = self.gzip_dir / (clean.removeprefix("/real/") + ".html.gz")
            if stored.is_file() and stored.parent == self.gzip_dir:
                return 200, HTML, stored.read_bytes(), {"Content-Encoding": "gzip"}
        return 404, HTML, b"<html><body>Not found</body></html>", {}

    def __enter__(self) -> PublisherServer:
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(BaseHTTPRequestHandler):
    site: PublisherServer
    protocol_version = "HTTP/1.1"

    def date_time_string(self, timestamp: float | None = None) -> str:
        return format_datetime(CLOCK, usegmt=True)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        status, kind, body, headers = self.site.reply(self.path)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)
