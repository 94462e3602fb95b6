"""A second script-built site, written for the tests from the issue alone (not from the replica).

It follows another framework's habits than the replica's script theme: a single ``app.js``
bundle mounts into ``<div id="app">``; every page is that empty shell; the bundle waits a
while (300-1500 ms, as a slow API or a hydration step would), ``fetch()``es the page's data as
JSON from ``/api/v2/...`` and builds the DOM with ``createElement``: divs with ARIA roles and
scoped-style attributes (``data-v-...``) instead of the usual tags. Article pages get their
"Related Articles" cards from a second request, later than the body. The home listing loads
more entries with a "Load more" button.

URLs follow Daily8's patterns (``/en``, ``/en/hashtag/<tag>``, ``/en/article/<32 hex>``) so
the daily8 profile crawls it; labels are Daily8's. Every response carries a ``Date`` header
from a fixed clock, so ``truth()`` knows every field an export must carry.
"""

from __future__ import annotations

import hashlib
import json
import threading
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

CLOCK = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
PER_PAGE = 4

_WORDS = [
    *["harbour", "council", "ferry", "timetable", "volunteers", "reservoir", "orchard"],
    *["library", "renovation", "festival", "tramline", "bakery", "apprentices", "lighthouse"],
    *["drought", "cyclists", "market", "weavers", "observatory", "glacier", "mayor", "pension"],
    *["quarry", "choir", "engineers", "museum", "lantern", "fisheries"],
]
_SOURCES = ["Coastline Post", "Valley Herald", "Metro Ledger", "Northern Wire", "Island Times"]
_CATEGORIES = ["Politics", "Business", "Science", "Sports", "Travel", "World"]
_TAGS = ["Harbour", "Transit", "Weather"]
# (age as printed, hours before the clock, precision the export should carry)
_AGES = [
    ("2 hours ago", 2, "hour"),
    ("35 minutes ago", 35 / 60, "minute"),
    ("5 hours ago", 5, "hour"),
    ("1 day ago", 24, "day"),
    ("3 days ago", 72, "day"),
    ("9 hours ago", 9, "hour"),
]


def _sentence(seed: int, n: int) -> str:
    words = [_WORDS[(seed * 7 + i * 11) % len(_WORDS)] for i in range(n)]
    return " ".join(words).capitalize() + "."


class Story:
    def __init__(self, n: int) -> None:
        self.n = n
        self.id = hashlib.md5(f"spa-story-{n}".encode()).hexdigest()
        self.path = f"/en/article/{self.id}"
        self.title = f"{_sentence(n, 5)[:-1]} in {_WORDS[(n * 5) % len(_WORDS)]} story {n}"
        self.source = _SOURCES[n % len(_SOURCES)]
        self.category = _CATEGORIES[n % len(_CATEGORIES)]
        self.age, hours, self.precision = _AGES[n % len(_AGES)]
        self.published = CLOCK - timedelta(hours=hours)
        self.paragraphs = [
            " ".join(_sentence(n * 13 + k * 3 + j, 9 + (j % 4)) for j in range(3))
            for k in range(2 + n % 3)
        ]
        self.tags = [_TAGS[n % len(_TAGS)]]
        self.delay_ms = 300 + (n * 397) % 1200  # body arrives after 300-1500 ms
        self.related_delay_ms = 200 + (n * 211) % 700  # related after the body
        self.related: list[str] = []


class SpaSite:
    def __init__(
        self, count: int = 11, broken: tuple[int, ...] = (), habits: str = "fetch"
    ) -> None:
        """``broken``: stories whose data API fails, so their page never fills. ``habits``:
        ``fetch``, or ``xhr-lazy`` (XMLHttpRequest; a picture pushes the story down and
        "Related" loads only when scrolled into view; the title is a heading div, with an
        ``og:title`` the script adds)."""
        self.habits = habits
        self.stories = [Story(n) for n in range(count)]
        self.broken = {self.stories[n].id for n in broken}
        by_n = self.stories
        for s in by_n:
            s.related = [by_n[(s.n + k) % count].id for k in (1, 3)]
        self.by_id = {s.id: s for s in by_n}
        self.listings = {"/en": list(by_n)}
        for tag in _TAGS:
            self.listings[f"/en/hashtag/{tag}"] = [s for s in by_n if tag in s.tags]

    def truth(self) -> dict[str, dict[str, Any]]:
        return {
            s.id: {
                "path": s.path,
                "title": s.title,
                "source": s.source,
                "category": s.category,
                "hashtags": s.tags,
                "language": "en",
                "body": "\n\n".join(s.paragraphs),
                "related": s.related,
                "published_at": s.published.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "published_precision": s.precision,
            }
            for s in self.stories
        }

    def card(self, s: Story) -> dict[str, str]:
        return {"href": s.path, "title": s.title, "source": s.source, "ago": s.age}


SHELL = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Daily8</title>
<meta name="viewport" content="width=device-width">
<script src="/assets/app.7d1e9c.js" defer></script></head>
<body><noscript>This site needs JavaScript.</noscript><div id="app"></div></body></html>
"""

APP_JS = r"""
(function () {
  var S = 'data-v-3f9a2c';
  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    n.setAttribute(S, '');
    for (var k in (attrs || {})) n.setAttribute(k, attrs[k]);
    if (text != null) n.textContent = text;
    return n;
  }
  function wait(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  var LAZY = window.HABITS === 'xhr-lazy';
  function get(url) {
    if (!LAZY) return fetch(url).then(function (r) { return r.json(); });
    return new Promise(function (ok, fail) {  // the older habit: XMLHttpRequest
      var x = new XMLHttpRequest();
      x.open('GET', url);
      x.onload = function () { ok(JSON.parse(x.responseText)); };
      x.onerror = fail;
      x.send();
    });
  }
  function whenSeen(node) {  // resolves when node scrolls into view
    return new Promise(function (ok) {
      var io = new IntersectionObserver(function (es) {
        if (es.some(function (e) { return e.isIntersecting; })) { io.disconnect(); ok(); }
      });
      io.observe(node);
    });
  }
  var app = document.getElementById('app');
  var path = location.pathname.replace(/\/$/, '') || '/en';
  var top = el('div', {role: 'banner', 'class': 'hdr-x1'});
  var home = el('a', {href: '/en', 'aria-label': 'Daily8 home'});
  home.appendChild(el('span', {'class': 'logo-x2'}, 'Daily8'));
  top.appendChild(home);
  app.appendChild(top);
  var main = el('div', {role: 'main', 'class': 'pg-x3'});
  app.appendChild(main);

  function card(c) {
    var box = el('div', {role: 'article', 'class': 'crd-x4'});
    var link = el('a', {href: c.href, 'class': 'crd-lnk'});
    link.appendChild(el('div', {role: 'heading', 'aria-level': '3'}, c.title));
    box.appendChild(link);
    box.appendChild(el('div', {'class': 'crd-src'}, c.source));
    box.appendChild(el('div', {'class': 'crd-age'}, c.ago));
    return box;
  }

  if (path.indexOf('/article/') >= 0) {
    wait(parseInt(document.documentElement.dataset.delay || '0', 10))
      .then(function () { return get('/api/v2/story?path=' + encodeURIComponent(path)); })
      .then(function (d) {
        document.documentElement.dataset.delay = '';
        var art = el('div', {role: 'article', 'class': 'sty-x5'});
        if (LAZY) {  // a full-width picture first; the title a heading div, og:title set by script
          art.appendChild(el('div', {role: 'img', style: 'width: 100%; aspect-ratio: 4 / 3'}));
          art.appendChild(el('div', {role: 'heading', 'aria-level': '1'}, d.title));
          var og = document.createElement('meta');
          og.setAttribute('property', 'og:title');
          og.setAttribute('content', d.title);
          document.head.appendChild(og);
        } else {
          art.appendChild(el('h1', {'class': 'sty-ttl'}, d.title));
        }
        var by = el('div', {'class': 'sty-by'});
        by.appendChild(el('div', {'class': 'sty-src'}, d.source));
        by.appendChild(el('div', {'class': 'sty-age'}, d.ago));
        art.appendChild(by);
        art.appendChild(el('div', {role: 'note', 'class': 'sty-cat'}, d.category));
        var text = el('div', {'class': 'sty-txt'});
        d.paragraphs.forEach(function (p) { text.appendChild(el('div', {role: 'paragraph'}, p)); });
        art.appendChild(text);
        main.appendChild(art);
        var side = el('div', {role: 'complementary', 'class': 'sd-x6'});
        side.appendChild(el('div', {role: 'heading', 'aria-level': '2'}, 'Hashtags'));
        var tags = el('div', {role: 'list'});
        d.tags.forEach(function (t) {
          var li = el('div', {role: 'listitem'});
          li.appendChild(el('a', {href: '/en/hashtag/' + t}, '#' + t));
          tags.appendChild(li);
        });
        side.appendChild(tags);
        side.appendChild(el('div', {role: 'heading', 'aria-level': '2'}, 'Related Articles'));
        var rel = el('div', {role: 'feed', 'aria-busy': 'true', 'class': 'rel-x7'});
        side.appendChild(rel);
        main.appendChild(side);
        return (LAZY ? whenSeen(rel) : wait(d.relatedAfter)).then(function () {
          return get('/api/v2/related?path=' + encodeURIComponent(path));
        }).then(function (r) {
          r.cards.forEach(function (c) { rel.appendChild(card(c)); });
          rel.setAttribute('aria-busy', 'false');
        });
      });
    return;
  }

  main.appendChild(el('div', {role: 'heading', 'aria-level': '1'},
    path.indexOf('/hashtag/') >= 0 ? 'Latest news with #' + path.split('/').pop() : 'Latest news'));
  var feed = el('div', {role: 'feed', 'class': 'fd-x8'});
  main.appendChild(feed);
  var page = 1;
  function load() {
    var url = '/api/v2/feed?path=' + encodeURIComponent(path) + '&page=' + page;
    return get(url).then(function (d) {
      d.cards.forEach(function (c) { feed.appendChild(card(c)); });
      var old = document.getElementById('more');
      if (old) old.remove();
      if (d.more) {
        page += 1;
        var b = el('div', {role: 'button', id: 'more', tabindex: '0'}, 'Load more');
        b.addEventListener('click', load);
        main.appendChild(b);
      }
    });
  }
  wait(400).then(load);
})();
"""


class _Handler(BaseHTTPRequestHandler):
    site: SpaSite

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def date_time_string(self, timestamp: float | None = None) -> str:
        return format_datetime(CLOCK, usegmt=True)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        parts = urlsplit(self.path)
        path = parts.path.rstrip("/") or "/en"
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        site = self.site
        if path == "/assets/app.7d1e9c.js":
            return self._send(200, APP_JS.encode(), "application/javascript")
        if path.startswith("/api/v2/"):
            data = self._api(path, query)
            if data is None:
                return self._send(404, b'{"error": "not found"}', "application/json")
            return self._send(200, json.dumps(data).encode(), "application/json")
        story = site.by_id.get(path.rsplit("/", 1)[-1]) if "/article/" in path else None
        if story is not None:
            shell = self._shell().replace("<html ", f'<html data-delay="{story.delay_ms}" ', 1)
            return self._send(200, shell.encode(), "text/html; charset=utf-8")
        if path in site.listings:
            return self._send(200, self._shell().encode(), "text/html; charset=utf-8")
        self._send(404, b"<!doctype html><title>Not found</title>", "text/html")

    def _shell(self) -> str:
        habits = f'<script>window.HABITS = "{self.site.habits}";</script>'
        return SHELL.replace("<script src=", habits + "<script src=", 1)

    def _api(self, path: str, query: dict[str, str]) -> dict[str, Any] | None:
        site = self.site
        target = (query.get("path") or "").rstrip("/") or "/en"
        if path == "/api/v2/feed":
            stories = site.listings.get(target)
            page = int(query.get("page") or 1)
            if stories is None:
                return None
            chunk = stories[(page - 1) * PER_PAGE : page * PER_PAGE]
            more = page * PER_PAGE < len(stories)
            return {"cards": [site.card(s) for s in chunk], "more": more}
        story = site.by_id.get(target.rsplit("/", 1)[-1])
        if story is None:
            return None
        if path == "/api/v2/story":
            if story.id in site.broken:
                return None
            return {
                "title": story.title,
                "source": story.source,
                "ago": story.age,
                "category": story.category,
                "paragraphs": story.paragraphs,
                "tags": story.tags,
                "relatedAfter": story.related_delay_ms,
            }
        if path == "/api/v2/related":
            return {"cards": [site.card(site.by_id[r]) for r in story.related]}
        return None


class SpaServer:
    """``with SpaServer(site) as server:`` serves ``site`` on ``server.base_url`` (127.0.0.1)."""

    def __init__(self, site: SpaSite) -> None:
        handler = type("Handler", (_Handler,), {"site": site})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.mirror_url = self.base_url  # no mirror: crawls pass mirror_hosts="" themselves
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> SpaServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
