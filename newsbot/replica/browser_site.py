"""The browser-only variant of the replica: theme ``script``.

Same site, same visible text as theme ``a`` once a browser has run the page's script, but the
plain HTML holds none of it:

- listings ship an empty feed; a script fetches entries from ``/api/listing`` (JSON) and
  inserts them. ``/en`` loads more with a "Load more" button, hashtag listings load more
  when the reader scrolls to the bottom (infinite scroll).
- article pages ship an empty "Related Articles" block (``data-fill="related"``); a script
  fills it from ``/api/related`` after load, then drops the attribute.

Use it with ``ReplicaServer(site, theme="script")`` or :class:`ScriptReplicaServer`.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from newsbot.replica import render_a
from newsbot.replica.render import Renderer

if TYPE_CHECKING:
    from newsbot.replica.server import ReplicaServer, Reply, Request

NAME = "script"

# Theme a's markup for everything the script does not build.
logo = render_a.logo
entry = render_a.entry
para = render_a.para
line = render_a.line
rail = render_a.rail
figure = render_a.figure
css = render_a.css
article = render_a.article

SCRIPT = r"""<script>
(function () {
  var feed = document.querySelector('[data-feed]');
  if (feed) {
    var more = document.querySelector('button.more');
    var params = new URLSearchParams(location.search);
    var next = parseInt(params.get('page') || '1', 10) || 1;
    var busy = false;
    var load = function () {
      if (busy || next === null) return;
      busy = true;
      fetch('/api/listing?path=' + encodeURIComponent(location.pathname) + '&page=' + next)
        .then(function (r) { return r.json(); })
        .then(function (data) {
          feed.insertAdjacentHTML('beforeend', data.entries.join(''));
          next = data.next;
          if (more) { if (next === null) { more.remove(); } else { more.hidden = false; } }
        })
        .finally(function () { busy = false; });
    };
    if (feed.dataset.feed === 'button' && more) {
      more.addEventListener('click', load);
    } else {
      window.addEventListener('scroll', function () {
        var root = document.scrollingElement || document.documentElement;
        if (window.innerHeight + window.scrollY >= root.scrollHeight - 200) load();
      });
    }
    load();
  }
  var related = document.querySelector('[data-fill="related"]');
  if (related) {
    fetch('/api/related?path=' + encodeURIComponent(location.pathname))
      .then(function (r) { return r.json(); })
      .then(function (data) {
        related.insertAdjacentHTML('beforeend', data.entries.join(''));
        related.removeAttribute('data-fill');
      });
  }
})();
</script>"""


def page(lang: str, title: str, head: str, body: str) -> str:
    return render_a.page(lang, title, head, body + SCRIPT)


def chrome(lab: dict, tags: list[tuple[str, str]], related: str) -> str:
    # the related cards are left out: the script fetches them
    links = "".join(f'<a class="tag" href="{h}">{t}</a>' for h, t in tags)
    return (
        f'<aside class="chrome"><section class="hashtags"><h2>{lab["hashtags"]}</h2>'
        f"<div>{links}</div></section>"
        f'<section class="ai"><h2>{lab["ai"]}</h2><p>{lab["explore"]}</p></section>'
        f'<section class="comments"><h2>{lab["comments"]}</h2><p>{lab["no_comments"]}</p></section>'
        f'<section class="related"><h2>{lab["related"]}</h2><div class="cards" data-fill="related">'
        "</div></section></aside>"
    )


def listing(lone_hash: bool, heading: str, entries: str, more: str | None, more_label: str) -> str:
    # the entries are left out: the script fetches them; hashtags scroll, the home has a button
    hash_ = '<span class="hash">#</span>' if lone_hash else ""
    mode = "scroll" if lone_hash else "button"
    button = ""
    if not lone_hash:
        button = f'<button class="more" type="button" hidden>{more_label}</button>'
    return (
        f'<main>{hash_}<h1>{heading}</h1><section class="feed" data-feed="{mode}"></section>'
        f"{button}</main>"
    )


# -- JSON endpoints ------------------------------------------------------------------------------
HEX32 = "[0-9a-f]{32}"
_ARTICLE = re.compile(rf"(?P<lang>/en)?/article/(?P<id>{HEX32})/?")


def _json(data: object) -> Reply:
    from newsbot.replica.server import Reply

    return Reply(body=json.dumps(data).encode(), content_type="application/json")


def _not_found() -> Reply:
    from newsbot.replica.server import not_found

    return not_found()


def route_api_listing(server: ReplicaServer, req: Request, m: re.Match) -> Reply:
    path = req.query.get("path", [""])[0].rstrip("/") or "/en"
    raw = req.query.get("page", ["1"])[0]
    found = server.site.listing_page(path, int(raw)) if raw.isdigit() else None
    if found is None:
        return _not_found()
    arts, next_page = found
    renderer = server.renderer(req)
    entries = [renderer.entry(a, "en", a.path, with_category=True) for a in arts]
    return _json({"entries": entries, "next": next_page})


def route_api_related(server: ReplicaServer, req: Request, m: re.Match) -> Reply:
    found = _ARTICLE.fullmatch(req.query.get("path", [""])[0])
    a = server.site.articles.get(found.group("id")) if found else None
    if a is None:
        return _not_found()
    renderer = server.renderer(req)
    entries = []
    for i, rid in enumerate(a.related):  # as Renderer.article lays them out
        r = server.site.articles[rid]
        href = r.path
        if i in a.mirror_slots and renderer.mirror_url:
            href = renderer.mirror_url + href
        entries.append(renderer.entry(r, a.lang, href, with_category=False))
    return _json({"entries": entries})


ROUTES = [
    (r"/api/listing", route_api_listing),
    (r"/api/related", route_api_related),
]


def install(server: ReplicaServer) -> ReplicaServer:
    """Turn a ReplicaServer (any theme) into the browser-only variant."""
    import sys

    theme = sys.modules[__name__]
    server.theme = NAME
    server.routes[:0] = [(re.compile(p), h) for p, h in ROUTES]
    server._renderers = {
        False: Renderer(server.site, theme, server.mirror_url),
        True: Renderer(server.site, theme, None),
    }
    return server


def script_server(site, **kwargs) -> ReplicaServer:
    """``ReplicaServer(site, theme="script")``, whether or not server.py knows the theme."""
    from newsbot.replica.server import THEMES, ReplicaServer

    kwargs.pop("theme", None)
    if NAME in THEMES:
        return ReplicaServer(site, theme=NAME, **kwargs)
    return install(ReplicaServer(site, theme="a", **kwargs))
