"""Serve the river and its publishers on loopback: one port for the river, one per outlet.

Ports, not host names, tell the hosts apart: a crawl over loopback reaches ``127.0.0.1:<port>``
without any name resolution, and Scrapy keeps a download slot per host and port as it does per
publisher host on the real web. Every response carries the site's clock as its ``Date``.
"""

from __future__ import annotations

import gzip
import re
import threading
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from newsbot.replica.river.content import OUTLETS, REAL_OUTLET, RiverSite
from newsbot.replica.river.pages import RiverPages
from newsbot.replica.river.pages_b import RiverPagesB
from newsbot.replica.server import Reply, ServedOnThreads, not_found, send_reply

ROBOTS = b"User-agent: *\nAllow: /\n"
STYLES: dict[str, type[RiverPages]] = {"a": RiverPages, "b": RiverPagesB}


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


class _Handler(BaseHTTPRequestHandler):
    server_version = "RiverReplica/1.0"
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    river: RiverServer
    outlet: str | None  # None: the river itself

    def date_time_string(self, timestamp: float | None = None) -> str:
        return format_datetime(self.river.site.clock, usegmt=True)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def _serve(self, send_body: bool) -> None:
        parts = urlsplit(self.path)
        self.river.hits.append((self.outlet, self.path))
        reply = self.river.handle(self.outlet, parts.path, parse_qs(parts.query))
        if self.outlet is not None and self.river.article_delay and reply.status == 200:
            threading.Event().wait(self.river.article_delay)
        if self.outlet is None and self.river.story_delay and self.river.is_story(parts.path):
            threading.Event().wait(self.river.story_delay)
        send_reply(self, reply, send_body)

    def do_GET(self) -> None:  # noqa: N802
        self._serve(True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(False)


class RiverServer(ServedOnThreads):
    """The river on ``base_url``; each outlet on ``outlet_urls[key]``."""

    def __init__(
        self,
        site: RiverSite,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        outlet_ports: bool = False,
        style: str = "a",
        real_folder: Path | None = None,
    ) -> None:
        """``outlet_ports``: publishers on the ports after ``port`` (else any free ports);
        ``style``: ``a`` (Riverline) or ``b`` (Headline Desk: other URLs, markup, labels);
        ``real_folder``: where the real pages of a site built with ``real_pages`` are read
        from at each request (fundus-eval's ``html/``, gzipped as stored)."""
        self.site = site
        self._httpd = [self._make(host, port, None)]
        self._httpd += [
            self._make(host, port + 1 + i if outlet_ports and port else 0, o.key)
            for i, o in enumerate(OUTLETS)
        ]
        self.base_url = _url(self._httpd[0])
        outlets = [*OUTLETS]
        if site.real_urls:
            outlets.append(REAL_OUTLET)
            self._httpd.append(self._make(host, 0, REAL_OUTLET.key))
        self.real_folder = real_folder
        self.outlet_urls = {o.key: _url(h) for o, h in zip(outlets, self._httpd[1:], strict=True)}
        self.pages = STYLES[style](site, self.outlet_urls)
        self._by_path = {a.path: a for a in site.articles}
        self._threads: list[threading.Thread] = []
        self.hits: list[tuple[str | None, str]] = []
        self.mirror_url: str | None = None  # no mirror (the crawl helpers ask)
        self.article_delay = 0.0  # seconds before each publisher page (stop a crawl halfway)
        self.story_delay = 0.0  # seconds before each story page (records wait for it)

    def _make(self, host: str, port: int, outlet: str | None) -> ThreadingHTTPServer:
        handler = type("RiverHandler", (_Handler,), {"river": self, "outlet": outlet})
        return _HTTPServer((host, port), handler)

    def is_story(self, path: str) -> bool:
        return path.startswith(self.pages.story_path)

    def truth(self) -> dict:
        return self.site.truth(self.outlet_urls)

    def handle(self, outlet: str | None, path: str, query: dict[str, list[str]]) -> Reply:
        if path == "/robots.txt":
            return Reply(body=ROBOTS, content_type="text/plain; charset=utf-8")
        if outlet is not None:
            article = self._by_path.get(path)
            if article is None or article.outlet.key != outlet:
                return not_found()
            if article.outlet is REAL_OUTLET:
                return self._real(article.slug)
            return Reply(body=self.pages.article(article).encode())
        return self._river(path, query)

    def _real(self, stem: str) -> Reply:
        """A real publisher page, read from where it is stored (never copied)."""
        if self.real_folder is None:
            return not_found()
        try:
            body = gzip.decompress((self.real_folder / f"{stem}.html.gz").read_bytes())
        except OSError:
            return not_found()
        return Reply(body=body, content_type="text/html")

    def _river(self, path: str, query: dict[str, list[str]]) -> Reply:
        pages = self.pages
        page_raw = query.get(pages.page_param, ["1"])[0]
        page = int(page_raw) if page_raw.isdigit() and int(page_raw) > 0 else None
        html: str | None = None
        topic = re.escape(pages.topic_path)
        if path == "/" and page is not None:
            html = pages.listing(None, 1)
        elif (m := re.fullmatch(rf"{topic}([a-z]+)", path)) and page is not None:
            html = pages.listing(m.group(1), page)
        elif m := re.fullmatch(rf"{re.escape(pages.story_path)}(s\d+)", path):
            html = pages.story(m.group(1))
        elif m := re.fullmatch(rf"{re.escape(pages.redirect_path)}(e\d+)", path):
            article = self.site.entry(m.group(1))
            if article is not None:
                return Reply(302, headers={"Location": pages.linked_url(article)})
        elif path == pages.click_path:
            target = query.get(pages.click_param, [""])[0]
            if target.startswith(("http://", "https://")):
                return Reply(301, headers={"Location": target})
        elif path == pages.consent_path:
            target = query.get(pages.consent_param, [""])[0]
            if target.startswith("/"):
                html = pages.consent(target)
        return not_found() if html is None else Reply(body=html.encode())


def _url(httpd: ThreadingHTTPServer) -> str:
    host, port = httpd.server_address[:2]
    return f"http://{host}:{port}"
