"""Serve a ReplicaSite on loopback (stdlib ThreadingHTTPServer), with a ``test`` mirror.

Extension points for later work: ``ReplicaServer.routes`` is a list of ``(regex, handler)``
tried in order (a handler gets ``(server, request, match)`` and returns a ``Reply``), and
``ReplicaServer.fault_hook`` (``request -> Reply | None``) runs before routing, so a fault mode
(500, 429, slow, truncated...) can answer instead of the site.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from newsbot.replica import browser_site, render_a, render_b, render_react
from newsbot.replica.content import ReplicaSite
from newsbot.replica.render import Renderer

# issue 6 hook: theme "script" is the browser-only variant (newsbot/replica/browser_site.py);
# a theme module may add routes of its own (ROUTES), tried before the default ones.
# issue 18: theme "react" (render_react.py) is built per server, with its page size.
THEMES = {"a": render_a, "b": render_b, "script": browser_site, "react": render_react}
HTML = "text/html; charset=utf-8"
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
HEX32 = "[0-9a-f]{32}"


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    mirror: bool  # served by the test mirror


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = HTML
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (for fault modes)


def not_found() -> Reply:
    return Reply(404, b"<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>")


def _page(req: Request) -> int | None:
    raw = req.query.get("page", ["1"])[0]
    return int(raw) if raw.isdigit() else None


def route_home_redirect(server: ReplicaServer, req: Request, m: re.Match) -> Reply:
    return Reply(301, b"", headers={"Location": "/en"})


def route_listing(server: ReplicaServer, req: Request, m: re.Match) -> Reply:
    page = _page(req)
    html = None if page is None else server.renderer(req).listing(m.group("listing"), page)
    return not_found() if html is None else Reply(body=html.encode())


def route_article(server: ReplicaServer, req: Request, m: re.Match) -> Reply:
    a = server.site.articles.get(m.group("id"))
    lang = "en" if m.group("lang") else "ar"
    if a is None or a.lang != lang:
        return not_found()
    return Reply(body=server.renderer(req).article(a).encode())


def route_robots(server: ReplicaServer, req: Request, m: re.Match) -> Reply:
    return Reply(body=b"User-agent: *\nAllow: /\n", content_type="text/plain; charset=utf-8")


def route_image(server: ReplicaServer, req: Request, m: re.Match) -> Reply:
    return Reply(body=GIF, content_type="image/gif")


DEFAULT_ROUTES: list[tuple[str, Callable]] = [
    (r"/", route_home_redirect),
    (r"/en/", route_home_redirect),
    (r"(?P<listing>/en|/en/hashtag/[A-Za-z0-9_-]+)", route_listing),
    (rf"(?P<lang>/en)?/article/(?P<id>{HEX32})", route_article),
    (r"/robots\.txt", route_robots),
    (r"/(static|img)/[\w.-]+", route_image),
]


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # a crawler opens many connections at once


class _Handler(BaseHTTPRequestHandler):
    server_version = "Daily8Replica/1.0"
    protocol_version = "HTTP/1.1"
    # issue 7: headers and body go out in separate writes; without TCP_NODELAY each response
    # on a kept-alive connection waits ~40 ms for the client's delayed ACK (Nagle)
    disable_nagle_algorithm = True
    replica: ReplicaServer
    mirror: bool

    def date_time_string(self, timestamp: float | None = None) -> str:
        return format_datetime(self.replica.site.clock, usegmt=True)

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass

    def _request(self) -> Request:
        """The request as the site's handlers see it."""
        parts = urlsplit(self.path)
        return Request(
            self.command,
            parts.path,
            parse_qs(parts.query),
            {k.lower(): v for k, v in self.headers.items()},
            self.mirror,
        )

    def _serve(self, send_body: bool) -> None:
        reply = self.replica.handle(self._request())
        if reply.delay:
            threading.Event().wait(reply.delay)
        send_reply(self, reply, send_body)

    def do_GET(self) -> None:  # noqa: N802
        self._serve(True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(False)


def send_reply(handler: BaseHTTPRequestHandler, reply: Any, send_body: bool) -> None:
    """Write a reply (``status``, ``content_type``, ``headers``, ``body``) to the client."""
    handler.send_response(reply.status)
    handler.send_header("Content-Type", reply.content_type)
    handler.send_header("Content-Length", str(len(reply.body)))
    for key, value in reply.headers.items():
        handler.send_header(key, value)
    handler.end_headers()
    if send_body:
        handler.wfile.write(reply.body)


class ServedOnThreads:
    """Start and stop ``self._httpd`` (HTTP servers) on daemon threads; a context manager."""

    _httpd: list[ThreadingHTTPServer]
    _threads: list[threading.Thread]

    def start(self) -> Any:
        for httpd in self._httpd:
            thread = threading.Thread(target=httpd.serve_forever, name="replica", daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        for httpd in self._httpd:
            if self._threads:
                httpd.shutdown()
            httpd.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._threads = []

    def __enter__(self) -> Any:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class ReplicaServer(ServedOnThreads):
    """The replica on ``base_url`` and, with ``mirror=True``, the same site on ``mirror_url``."""

    def __init__(
        self,
        site: ReplicaSite,
        *,
        theme: str = "a",
        host: str = "127.0.0.1",
        port: int = 0,
        mirror: bool = True,
        mirror_port: int = 0,
        page_kb: int = 0,
    ) -> None:
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}; choose from {sorted(THEMES)}")
        self.site = site
        self.theme = theme
        impl = THEMES[theme]
        if hasattr(impl, "make_theme"):  # a theme with options (react: page size)
            impl = impl.make_theme(page_kb=page_kb)
        self.routes: list[tuple[re.Pattern, Callable]] = [
            (re.compile(p), h)
            for p, h in [*getattr(THEMES[theme], "ROUTES", ()), *DEFAULT_ROUTES]  # issue 6 hook
        ]
        self.fault_hook: Callable[[Request], Reply | None] | None = None
        self._httpd = [self._make(host, port, False)]
        if mirror:
            self._httpd.append(self._make(host, mirror_port, True))
        self.base_url = self._url(self._httpd[0])
        self.mirror_url = self._url(self._httpd[1]) if mirror else None
        self._renderers = {
            False: Renderer(site, impl, self.mirror_url),
            True: Renderer(site, impl, None),
        }
        self._threads: list[threading.Thread] = []

    def _make(self, host: str, port: int, mirror: bool) -> ThreadingHTTPServer:
        handler = type("ReplicaHandler", (_Handler,), {"replica": self, "mirror": mirror})
        return _HTTPServer((host, port), handler)

    @staticmethod
    def _url(httpd: ThreadingHTTPServer) -> str:
        host, port = httpd.server_address[:2]
        return f"http://{host}:{port}"

    def renderer(self, req: Request) -> Renderer:
        return self._renderers[req.mirror]

    def set_clock(self, clock: datetime) -> None:
        self.site.set_clock(clock)

    def handle(self, req: Request) -> Reply:
        if self.fault_hook is not None:
            reply = self.fault_hook(req)
            if reply is not None:
                return reply
        for pattern, handler in self.routes:
            m = pattern.fullmatch(req.path)
            if m:
                return handler(self, req, m)
        return not_found()
