"""The browser-only variant of the replica: theme ``script``, a single-page app.

Same site, same visible text as theme ``a`` once a browser has run the page's script, but
built the way single-page apps build pages:

- every page is an empty shell (``<div id="root">`` and one script bundle,
  ``/assets/app.js``); article shells keep the page's head metadata (JSON-LD, OpenGraph), as
  server-rendered heads do;
- the bundle waits a moment (150-900 ms, a slow API or a hydration step), fetches the page's
  data as JSON (``/api/article``, ``/api/listing``) and builds the DOM with
  ``createElement``: divs with ARIA roles (``main``, ``article``, ``heading``, ``list``,
  ``feed``, ``complementary``...) and generated class names (``css-1k3v9qa``), none of the
  plain themes' tags;
- article bodies come first; "Related Articles" later, from ``/api/related``: another
  100-600 ms later, or (a third of the articles) only when the block scrolls into view;
- ``/en`` loads more entries with a "Load more" button (a ``div role=button``), hashtag
  listings when the reader scrolls to the bottom (infinite scroll).

Use it with ``ReplicaServer(site, theme="script")`` or :func:`script_server`.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from newsbot.replica.render import HOME_HEADING, LABELS, LOAD_MORE

if TYPE_CHECKING:
    from newsbot.replica.content import Article
    from newsbot.replica.server import ReplicaServer, Reply, Request

NAME = "script"
BUNDLE = "/assets/app.js"

# -- the shell: what plain HTTP gets (Renderer calls these like any theme's) ----------------------


def page(lang: str, title: str, head: str, body: str) -> str:
    direction = "rtl" if lang == "ar" else "ltr"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Daily8</title>{head}"
        f'<script src="{BUNDLE}" defer></script></head>\n'
        f"<body><noscript>You need to enable JavaScript to run this app.</noscript>"
        f'<div id="root"></div></body></html>\n'
    )


def logo(home: str) -> str:
    return ""


def _nothing(*args: Any, **kwargs: Any) -> str:
    return ""


# the body, its blocks and the listings are built by the bundle, not served
entry = para = line = rail = figure = css = chrome = article = listing = _nothing


# -- the bundle ------------------------------------------------------------------------------------
APP_JS = r"""
(function () {
  'use strict';
  var hash = function (s) {
    var h = 2166136261;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619); }
    return h >>> 0;
  };
  var cx = function (name) { return 'css-' + hash('d8' + name).toString(36); };
  var el = function (tag, attrs, text) {
    var n = document.createElement(tag);
    for (var k in (attrs || {})) n.setAttribute(k, attrs[k]);
    if (text != null) n.textContent = text;
    return n;
  };
  var later = function (ms) { return new Promise(function (r) { setTimeout(r, ms); }); };
  var getJSON = function (url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return r.json();
    });
  };
  var path = location.pathname;
  var h = hash(path);
  var root = document.getElementById('root');

  var card = function (c) {
    var box = el('div', {role: 'article', 'class': cx('card')});
    box.appendChild(el('a', {href: c.href, 'class': cx('thumb'), tabindex: '-1'}));
    var title = el('div', {role: 'heading', 'aria-level': '3', 'class': cx('card-title')});
    title.appendChild(el('a', {href: c.href}, c.title));
    box.appendChild(title);
    var meta = el('div', {'class': cx('card-meta')});
    meta.appendChild(el('span', {'class': cx('src')}, c.source));
    meta.appendChild(el('span', {'class': cx('age')}, c.age));
    box.appendChild(meta);
    var chips = el('div', {role: 'list', 'class': cx('chips')});
    c.items.forEach(function (i) { chips.appendChild(el('div', {role: 'listitem'}, i)); });
    box.appendChild(chips);
    box.appendChild(el('div', {'class': cx('again')}, c.title));
    if (c.teaser) box.appendChild(el('div', {'class': cx('teaser')}, c.teaser));
    return box;
  };
  var banner = function (home) {
    var top = el('div', {role: 'banner', 'class': cx('banner')});
    top.appendChild(el('a', {href: home, 'aria-label': 'Daily8', 'class': cx('logo')}));
    root.appendChild(top);
  };
  var section = function (parent, label, name) {
    var box = el('div', {role: 'region', 'aria-label': label, 'class': cx(name)});
    box.appendChild(el('div', {role: 'heading', 'aria-level': '2', 'class': cx('side-h')}, label));
    parent.appendChild(box);
    return box;
  };
  var block = function (b) {
    if (b.t === 'p') {
      var p = el('div', {role: 'paragraph', 'class': cx('p')});
      p.innerHTML = b.html;  // rich text arrives as HTML, as CMS APIs deliver it
      return p;
    }
    if (b.t === 'line') return el('div', {role: 'paragraph', 'class': cx('p')}, b.text);
    if (b.t === 'list') {
      var group = el('div', {role: 'group', 'class': cx('rail')});
      var head = el('div', {'class': cx('rail-h')});
      head.appendChild(el('span', {'class': cx('b')}, b.heading));
      group.appendChild(head);
      var items = el('div', {role: 'list'});
      b.items.forEach(function (i) {
        var item = el('div', {role: 'listitem'});
        item.appendChild(el('a', {href: '#'}, i));
        items.appendChild(item);
      });
      group.appendChild(items);
      return group;
    }
    if (b.t === 'figure') {
      var fig = el('div', {role: 'figure', 'class': cx('fig')});
      fig.appendChild(el('div', {'class': cx('img'), role: 'img', 'aria-label': ''}));
      var cap = el('div', {'class': cx('cap')});
      cap.appendChild(el('span', null, b.caption));
      if (b.credit) cap.appendChild(el('span', {'class': cx('credit')}, b.credit));
      fig.appendChild(cap);
      return fig;
    }
    return el('style', null, b.text);  // css-in-js: a style tag in the flow
  };

  var showArticle = function (d) {
    document.documentElement.lang = d.lang;
    document.documentElement.dir = d.lang === 'ar' ? 'rtl' : 'ltr';
    banner(d.home);
    var main = el('div', {role: 'main', 'class': cx('main')});
    var story = el('div', {role: 'article', 'class': cx('story')});
    // the hero image's box (16:9, full width) pushes the rest below the first screen
    story.appendChild(el('div', {role: 'img', 'class': cx('hero'), 'aria-label': d.title,
                                 style: 'width: 100%; aspect-ratio: 16 / 9'}));
    story.appendChild(el('h1', {'class': cx('title')}, d.title));
    if (d.header) {
      var by = el('div', {'class': cx('byline')});
      by.appendChild(el('span', {'class': cx('src')}, d.header[0]));
      by.appendChild(el('span', {'class': cx('age')}, d.header[1]));
      story.appendChild(by);
    }
    if (d.category) {
      var cat = el('div', {role: 'note', 'class': cx('cat')});
      cat.appendChild(el('span', null, d.category));
      story.appendChild(cat);
    }
    var text = el('div', {'class': cx('body')});
    d.blocks.forEach(function (b) { text.appendChild(block(b)); });
    story.appendChild(text);
    if (d.gallery) {
      var gal = el('div', {'class': cx('gallery')});
      gal.appendChild(el('div', {role: 'button', tabindex: '0'}, 'Show all ' + d.gallery));
      story.appendChild(gal);
    }
    main.appendChild(story);
    var side = el('div', {role: 'complementary', 'class': cx('side')});
    var lab = d.labels;
    var tags = el('div', {role: 'list', 'class': cx('tags')});
    d.hashtags.forEach(function (t) {
      var item = el('div', {role: 'listitem'});
      item.appendChild(el('a', {href: t[0]}, t[1]));
      tags.appendChild(item);
    });
    section(side, lab.hashtags, 'hashtags').appendChild(tags);
    section(side, lab.ai, 'ai').appendChild(el('div', {'class': cx('p')}, lab.explore));
    section(side, lab.comments, 'comments').appendChild(
      el('div', {'class': cx('p')}, lab.no_comments));
    var related = el('div', {role: 'feed', 'aria-busy': 'true', 'class': cx('related')});
    section(side, lab.related, 'related-box').appendChild(related);
    main.appendChild(side);
    root.appendChild(main);
    var fill = function () {
      return getJSON('/api/related?path=' + encodeURIComponent(path)).then(function (r) {
        r.entries.forEach(function (c) { related.appendChild(card(c)); });
        related.setAttribute('aria-busy', 'false');
      });
    };
    if (h % 3 === 0) {  // lazy: fetched when the block scrolls into view
      return new Promise(function (resolve) {
        var seen = new IntersectionObserver(function (entries) {
          if (!entries.some(function (x) { return x.isIntersecting; })) return;
          seen.disconnect();
          resolve(fill());
        });
        seen.observe(related.parentNode);
      });
    }
    return later(100 + (h >>> 3) % 500).then(fill);
  };

  var showListing = function (d, page) {
    // d: the first page of entries, with the listing's heading and how it loads more
    banner('/en');
    var main = el('div', {role: 'main', 'class': cx('main')});
    if (d.hash) main.appendChild(el('span', {'class': cx('hash')}, '#'));
    main.appendChild(el('div', {role: 'heading', 'aria-level': '1', 'class': cx('h')}, d.heading));
    var feed = el('div', {role: 'feed', 'class': cx('feed')});
    main.appendChild(feed);
    root.appendChild(main);
    var next = null, busy = false, more = null;
    var show = function (data) {
      data.entries.forEach(function (c) { feed.appendChild(card(c)); });
      next = data.next;
      if (more && next === null) { more.remove(); more = null; }
    };
    var load = function () {
      if (busy || next === null) return;
      busy = true;
      getJSON('/api/listing?path=' + encodeURIComponent(path) + '&page=' + next)
        .then(show)
        .finally(function () { busy = false; });
    };
    if (d.hash) {
      window.addEventListener('scroll', function () {
        var doc = document.scrollingElement || document.documentElement;
        if (window.innerHeight + window.scrollY >= doc.scrollHeight - 200) load();
      });
    } else if (d.next !== null) {
      more = el('div', {role: 'button', tabindex: '0', 'class': cx('more')}, d.more_label);
      more.addEventListener('click', load);
      main.appendChild(more);
    }
    show(d);
  };

  var wait = 150 + h % 750;
  if (/\/article\/[0-9a-f]{32}\/?$/.test(path)) {
    later(wait)
      .then(function () { return getJSON('/api/article?path=' + encodeURIComponent(path)); })
      .then(showArticle);
  } else {
    var page = parseInt(new URLSearchParams(location.search).get('page') || '1', 10) || 1;
    later(wait)
      .then(function () {
        return getJSON('/api/listing?path=' + encodeURIComponent(path) + '&page=' + page);
      })
      .then(showListing);
  }
})();
"""

# -- JSON endpoints ------------------------------------------------------------------------------
HEX32 = "[0-9a-f]{32}"
_ARTICLE = re.compile(rf"(?P<lang>/en)?/article/(?P<id>{HEX32})/?")


def _json(data: object) -> Reply:
    from newsbot.replica.server import Reply

    return Reply(
        body=json.dumps(data, ensure_ascii=False).encode(), content_type="application/json"
    )


def _not_found() -> Reply:
    from newsbot.replica.server import not_found

    return not_found()


def _card(server: ReplicaServer, a: Article, lang: str, href: str, with_category: bool) -> dict:
    items = ([a.category] if with_category and a.category else []) + [a.source]
    age = server.site.age(a)
    return {
        "href": href,
        "title": a.display_title,
        "source": a.source,
        "age": age.en if lang == "en" else age.ar,
        "items": items,
        "teaser": a.teaser(),
    }


def _block(b: tuple) -> dict[str, Any]:
    kind = b[0]
    if kind == "p":
        return {"t": "p", "html": b[2]}
    if kind == "line":
        return {"t": "line", "text": b[1]}
    if kind == "list":
        return {"t": "list", "heading": b[1], "items": list(b[2])}
    if kind == "figure":
        return {"t": "figure", "caption": b[1], "credit": b[2]}
    if kind == "css":
        return {"t": "css", "text": b[1]}
    raise ValueError(kind)


def _article(server: ReplicaServer, req: Request) -> Article | None:
    found = _ARTICLE.fullmatch(req.query.get("path", [""])[0])
    a = server.site.articles.get(found.group("id")) if found else None
    if a is None or a.lang != ("en" if found and found.group("lang") else "ar"):
        return None
    return a


def route_bundle(server: ReplicaServer, req: Request, m: re.Match) -> Reply:
    from newsbot.replica.server import Reply

    return Reply(body=APP_JS.encode(), content_type="application/javascript; charset=utf-8")


def route_api_article(server: ReplicaServer, req: Request, m: re.Match) -> Reply:
    a = _article(server, req)
    if a is None:
        return _not_found()
    age = server.site.age(a)
    lab = LABELS[a.lang]
    return _json(
        {
            "lang": a.lang,
            "home": lab["home"],
            "title": a.display_title,
            "header": [a.source, age.en if a.lang == "en" else age.ar] if a.header else None,
            "category": a.category,
            "blocks": [_block(b) for b in a.blocks],
            "gallery": a.gallery or 0,
            "hashtags": [[f"/en/hashtag/{t}", f"#{t}"] for t in a.hashtags],
            "labels": {k: v for k, v in lab.items() if k != "home"},
        }
    )


def route_api_related(server: ReplicaServer, req: Request, m: re.Match) -> Reply:
    a = _article(server, req)
    if a is None:
        return _not_found()
    mirror_url = server.renderer(req).mirror_url
    entries = []
    for i, rid in enumerate(a.related):  # as Renderer.article lays them out
        r = server.site.articles[rid]
        href = r.path
        if i in a.mirror_slots and mirror_url:
            href = mirror_url + href
        entries.append(_card(server, r, a.lang, href, with_category=False))
    return _json({"entries": entries})


def route_api_listing(server: ReplicaServer, req: Request, m: re.Match) -> Reply:
    path = req.query.get("path", [""])[0].rstrip("/") or "/en"
    raw = req.query.get("page", ["1"])[0]
    found = server.site.listing_page(path, int(raw)) if raw.isdigit() else None
    if found is None:
        return _not_found()
    arts, next_page = found
    hashtag = path.startswith("/en/hashtag/")
    return _json(
        {
            "heading": f"Latest news with #{path.rsplit('/', 1)[1]}" if hashtag else HOME_HEADING,
            "hash": hashtag,  # hashtag listings scroll for more, the home has a button
            "more_label": LOAD_MORE,
            "entries": [_card(server, a, "en", a.path, with_category=True) for a in arts],
            "next": next_page,
        }
    )


ROUTES = [
    (re.escape(BUNDLE), route_bundle),
    (r"/api/article", route_api_article),
    (r"/api/listing", route_api_listing),
    (r"/api/related", route_api_related),
]


def script_server(site, **kwargs) -> ReplicaServer:
    """``ReplicaServer(site, theme="script")``."""
    from newsbot.replica.server import ReplicaServer

    kwargs.pop("theme", None)
    return ReplicaServer(site, theme=NAME, **kwargs)
