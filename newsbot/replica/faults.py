"""Fault modes for the replica: what the open web does to a crawler, switched on by tests.

``FaultServer(site, modes)`` is a :class:`ReplicaServer` whose ``fault_hook`` runs the modes
in order. A mode answers a request itself (``intercept``: a 503, a 429 with ``Retry-After``, a
redirect loop, a gzip bomb, an empty page, a stall, a connection reset mid-body) or rewrites
the page the site would have served (``transform``: truncated HTML, a wrong or missing
charset, a huge page, links to other hosts and schemes, related entries for missing
articles). Each mode applies to the request keys in ``paths`` (``/en/article/<id>``,
``/en?page=2``; ``*`` for every page) and records what it did in ``server.log``, so a test can
compute honestly what the fault made unreachable.

Pure helpers at the bottom pick targets and compute the articles a crawl must still export.
"""

from __future__ import annotations

import gzip
import io
import re
import socket
import struct
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from newsbot.replica.content import ReplicaSite
from newsbot.replica.server import ReplicaServer, Reply, Request

OFFSITE_HOST = "example.invalid"


@dataclass
class FaultReply(Reply):
    """A reply the plain handler cannot send: cut the connection after ``reset_after`` bytes
    of a body announced with its full length."""

    reset_after: int | None = None
    stall: bool = False  # after ``delay``, close the connection without answering


def request_key(req: Request) -> str:
    page = req.query.get("page", [""])[0]
    return f"{req.path}?page={page}" if page and page != "1" else req.path


@dataclass
class Mode:
    paths: frozenset[str] | set[str] | list[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        self.paths = frozenset(self.paths)
        self._hits: Counter[str] = Counter()
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return type(self).__name__

    def applies(self, key: str) -> bool:
        return "*" in self.paths or key in self.paths

    def hit(self, key: str) -> int:
        """How many times this mode has seen ``key`` before (0 on the first request)."""
        with self._lock:
            seen = self._hits[key]
            self._hits[key] += 1
            return seen

    def intercept(self, server: FaultServer, req: Request, key: str) -> Reply | None:
        return None

    def transform(self, server: FaultServer, req: Request, key: str, reply: Reply) -> Reply:
        return reply


@dataclass
class ServerErrors(Mode):
    """A burst of 5xx: the first ``times`` requests fail (``None``: every request)."""

    statuses: tuple[int, ...] = (503, 500)
    times: int | None = 2

    def intercept(self, server, req, key):
        n = self.hit(key)
        if self.times is None or n < self.times:
            status = self.statuses[n % len(self.statuses)]
            return Reply(status, f"<html><body><h1>{status}</h1></body></html>".encode())
        return None


@dataclass
class TooManyRequests(Mode):
    """429 with ``Retry-After`` for the first ``times`` requests."""

    retry_after: str = "1"
    times: int | None = 1
    status: int = 429

    def intercept(self, server, req, key):
        if self.times is None or self.hit(key) < self.times:
            return Reply(self.status, b"slow down", headers={"Retry-After": self.retry_after})
        return None


@dataclass
class Slow(Mode):
    """Answer after ``delay`` seconds (longer than DOWNLOAD_TIMEOUT: a timeout) for the first
    ``times`` requests (``None``: every request)."""

    delay: float = 0.5
    times: int | None = None

    def transform(self, server, req, key, reply):
        if self.times is None or self.hit(key) < self.times:
            reply.delay = max(reply.delay, self.delay)
        return reply


@dataclass
class Stall(Mode):
    """Say nothing for ``delay`` seconds (longer than DOWNLOAD_TIMEOUT: a timeout), then hang
    up without an answer, so no late response can ever be read."""

    delay: float = 5.0
    times: int | None = None

    def transform(self, server, req, key, reply):
        if self.times is None or self.hit(key) < self.times:
            return FaultReply(reply.status, b"", delay=self.delay, stall=True)
        return reply


@dataclass
class ResetMidBody(Mode):
    """Announce the whole body, send ``fraction`` of it, then reset the connection."""

    fraction: float = 0.5
    times: int | None = None

    def transform(self, server, req, key, reply):
        if self.times is None or self.hit(key) < self.times:
            return FaultReply(
                reply.status,
                reply.body,
                reply.content_type,
                dict(reply.headers),
                reply.delay,
                reset_after=int(len(reply.body) * self.fraction),
            )
        return reply


@dataclass
class Truncated(Mode):
    """A complete HTTP response whose HTML stops at ``fraction`` (maybe mid-character)."""

    fraction: float = 0.6

    def transform(self, server, req, key, reply):
        reply.body = reply.body[: int(len(reply.body) * self.fraction)]
        return reply


@dataclass
class Charset(Mode):
    """``header``: the Content-Type charset to claim (``None``: no charset at all);
    ``encoding``: re-encode the page in it (``None``: leave UTF-8); ``strip_meta``: drop
    the page's own ``<meta charset>``."""

    header: str | None = None
    encoding: str | None = None
    strip_meta: bool = False

    def transform(self, server, req, key, reply):
        body = reply.body
        if self.strip_meta:
            body = body.replace(b'<meta charset="utf-8">', b"")
        if self.encoding:
            body = body.decode("utf-8").encode(self.encoding, "xmlcharrefreplace")
            body = body.replace(b'charset="utf-8"', f'charset="{self.encoding}"'.encode())
        reply.body = body
        reply.content_type = "text/html" + (f"; charset={self.header}" if self.header else "")
        return reply


@lru_cache(maxsize=4)
def gzip_bomb(size: int) -> bytes:
    """``size`` bytes of zeros, gzipped (about 1/1000 of the size)."""
    out = io.BytesIO()
    chunk = b"\0" * (1 << 20)
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as gz:
        for _ in range(size // len(chunk)):
            gz.write(chunk)
    return out.getvalue()


@dataclass
class GzipBomb(Mode):
    """A small gzip body that inflates to ``size`` bytes."""

    size: int = 64 << 20

    def __post_init__(self) -> None:
        super().__post_init__()
        self.body = gzip_bomb(self.size)  # built before serving: never slower than a page

    def intercept(self, server, req, key):
        return Reply(body=self.body, headers={"Content-Encoding": "gzip"})


@dataclass
class Empty(Mode):
    """200 with an empty body."""

    def intercept(self, server, req, key):
        return Reply(body=b"")


@dataclass
class Huge(Mode):
    """Pad the page to ``size`` bytes with an HTML comment before ``</body>``."""

    size: int = 3 << 20

    def transform(self, server, req, key, reply):
        missing = self.size - len(reply.body)
        if missing > 0:
            pad = b"<!--" + b"x" * missing + b"-->"
            reply.body = _before_body_end(reply.body, pad)
        return reply


@dataclass
class RedirectLoop(Mode):
    """``cycle``: A -> A?loop=1 -> A; ``chain``: A -> A?loop=1 -> A?loop=2 -> ... forever;
    ``offsite``: A -> the same path on another host."""

    kind: str = "cycle"

    def intercept(self, server, req, key):
        if self.kind == "offsite":
            return Reply(302, b"", headers={"Location": f"http://{OFFSITE_HOST}{req.path}"})
        step = req.query.get("loop", ["0"])[0]
        n = int(step) if step.isdigit() else 0
        if self.kind == "cycle":
            target = req.path if n else f"{req.path}?loop=1"
        else:
            target = f"{req.path}?loop={n + 1}"
        return Reply(302, b"", headers={"Location": target})


@dataclass
class RobotsDisallow(Mode):
    """A robots.txt that disallows ``disallow`` (apply it to ``/robots.txt``)."""

    disallow: tuple[str, ...] = ()

    def intercept(self, server, req, key):
        if req.path != "/robots.txt":
            return None
        rules = "".join(f"Disallow: {p}\n" for p in self.disallow)
        body = f"User-agent: *\n{rules}Allow: /\n".encode()
        return Reply(body=body, content_type="text/plain; charset=utf-8")


def foreign_links(real_ids: Iterable[str], fake_ids: Iterable[str]) -> list[str]:
    """Hrefs a crawler must never fetch: other hosts and non-HTTP schemes."""
    hrefs = ["mailto:editor@example.invalid", "javascript:void(0)", "tel:+15550100", "#top",
             "data:text/html,<h1>x</h1>", "http://[broken-ipv6/en/article/" + "0" * 32]  # fmt: skip
    for i in real_ids:
        hrefs += [
            f"http://{OFFSITE_HOST}/en/article/{i}",
            f"//{OFFSITE_HOST}/en/article/{i}",
            f"ftp://127.0.0.1/en/article/{i}",
            f"file:///en/article/{i}",
        ]
    for i in fake_ids:
        hrefs += [f"https://{OFFSITE_HOST}/en/article/{i}", f"javascript:/en/article/{i}"]
    return hrefs


@dataclass
class ForeignLinks(Mode):
    """Entries linking to other hosts and non-HTTP schemes, appended after the page's own
    entries (on an article page they land in the related block), for the ids in ``ids``
    (real articles, so following them would spend the id) and ``fake_ids``."""

    ids: tuple[str, ...] = ()
    fake_ids: tuple[str, ...] = ("f" * 32,)

    def transform(self, server, req, key, reply):
        if not reply.content_type.startswith("text/html") or reply.status != 200:
            return reply
        cards = "".join(
            f'<article><h2><a href="{h}">Elsewhere {n}</a></h2><p>Other Outlet</p></article>'
            for n, h in enumerate(foreign_links(self.ids, self.fake_ids))
        )
        reply.body = _before_body_end(reply.body, cards.encode())
        return reply


@dataclass
class MissingRelated(Mode):
    """Related entries pointing at articles the site does not have (404)."""

    missing: tuple[str, ...] = ("0" * 31 + "1",)

    def transform(self, server, req, key, reply):
        if reply.status != 200 or "/article/" not in req.path:
            return reply
        lang = "/en" if req.path.startswith("/en/") else ""
        cards = "".join(
            f'<article><h2><a href="{lang}/article/{i}">Gone story {n}</a></h2>'
            f"<p>Ghost Outlet</p></article>"
            for n, i in enumerate(self.missing)
        )
        reply.body = _before_body_end(reply.body, cards.encode())
        return reply


_RELATED_LABELS = (b"Related Articles", "أخبار ذات صلة".encode())


_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_VOID = {b"img", b"br", b"input", b"meta", b"hr", b"link", b"source", b"wbr", b"area", b"col"}


def _before_body_end(body: bytes, extra: bytes) -> bytes:
    """At the end of the related section (before its container closes) when the page has
    one (a related section ends with its container), else at the end of the body."""
    for label in _RELATED_LABELS:
        at = body.find(label + b"</")
        if at < 0:
            continue
        at = body.find(b">", at + len(label)) + 1
        depth, opened = 0, False
        for m in _TAG.finditer(body, at):
            if m[2].lower() in _VOID or m[3]:
                continue
            if not m[1]:
                depth += 1
                opened = True
            elif depth > 0:
                depth -= 1
            elif opened:  # the element holding the label and the entries closes
                return body[: m.start()] + extra + body[m.start() :]
            # else a wrapper around the label alone closes: climb out of it
    at = body.rfind(b"</body>")
    return body + extra if at < 0 else body[:at] + extra + body[at:]


# -- the server --------------------------------------------------------------------------


class FaultServer(ReplicaServer):
    """The replica with fault modes; ``log`` records ``(time, key, query, mode or None)``."""

    def __init__(self, site: ReplicaSite, modes: Iterable[Mode] = (), **kwargs) -> None:
        super().__init__(site, **kwargs)
        self.modes: list[Mode] = list(modes)
        self.log: list[tuple[float, str, str, str | None]] = []
        self._log_lock = threading.Lock()
        self.fault_hook = self._hook
        for httpd in self._httpd:
            base = httpd.RequestHandlerClass
            httpd.RequestHandlerClass = type("FaultHandler", (_FaultHandlerMixin, base), {})
            # a client that gave up (timeout, reset) is expected here, not worth a traceback
            httpd.handle_error = lambda request, client_address: None  # type: ignore[method-assign]

    def _record(self, req: Request, key: str, mode: str | None) -> None:
        query = "&".join(f"{k}={v[0]}" for k, v in sorted(req.query.items()))
        with self._log_lock:
            self.log.append((time.monotonic(), key, query, mode))

    def _hook(self, req: Request) -> Reply:
        key = request_key(req)
        for mode in self.modes:
            if mode.applies(key):
                reply = mode.intercept(self, req, key)
                if reply is not None:
                    self._record(req, key, mode.name)
                    return reply
        reply = self._route(req)
        applied = None
        for mode in self.modes:
            if mode.applies(key):
                before = (reply.body, reply.content_type, reply.delay, type(reply))
                reply = mode.transform(self, req, key, reply)
                if (reply.body, reply.content_type, reply.delay, type(reply)) != before:
                    applied = mode.name
        self._record(req, key, applied)
        return reply

    def _route(self, req: Request) -> Reply:
        for pattern, handler in self.routes:
            m = pattern.fullmatch(req.path)
            if m:
                return handler(self, req, m)
        return Reply(404, b"<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>")

    def hits(self, key: str) -> list[tuple[float, str, str | None]]:
        with self._log_lock:
            return [(t, q, m) for t, k, q, m in self.log if k == key]

    def paths_served(self) -> set[str]:
        with self._log_lock:
            return {k for _, k, _, _ in self.log}


class _FaultHandlerMixin:
    """Sends a :class:`FaultReply` the plain handler cannot: a body cut by a reset."""

    def _serve(self, send_body: bool) -> None:
        reply = self.replica.handle(self._request())  # type: ignore[attr-defined]
        if reply.delay:
            threading.Event().wait(reply.delay)
        if getattr(reply, "stall", False):
            self.close_connection = True
            return
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for k, v in reply.headers.items():
            self.send_header(k, v)
        self.end_headers()
        if not send_body:
            return
        cut = getattr(reply, "reset_after", None)
        if cut is None:
            self.wfile.write(reply.body)
            return
        try:
            self.wfile.write(reply.body[:cut])
            self.wfile.flush()
            # RST instead of FIN: the client sees the connection reset mid-body
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass
        self.close_connection = True


# -- honest expectations -------------------------------------------------------------------


def listing_page_ids(site: ReplicaSite, path: str) -> list[list[str]]:
    ids = site.listings.get(path, [])
    return [ids[i : i + site.per_page] for i in range(0, len(ids), site.per_page)] or [[]]


def reachable(
    site: ReplicaSite,
    start_paths: list[str],
    related_depth: int,
    *,
    dead_pages: Iterable[str] = (),
    dead_articles: Iterable[str] = (),
) -> set[str]:
    """Articles a crawl can reach when ``dead_pages`` (listing keys such as ``/en?page=2``)
    and ``dead_articles`` (ids) never answer: a dead listing page hides itself and every
    later page; a dead article is not exported and its related entries are not seen."""
    dead_pages, dead = set(dead_pages), set(dead_articles)
    seen: dict[str, int] = {}
    queue: deque[str] = deque()
    for raw in start_paths:
        path = urlsplit(raw).path.rstrip("/") or "/en"
        for n, chunk in enumerate(listing_page_ids(site, path), start=1):
            if (path if n == 1 else f"{path}?page={n}") in dead_pages:
                break
            for i in chunk:
                if i not in seen:
                    seen[i] = 0
                    queue.append(i)
    while queue:
        i = queue.popleft()
        if i in dead or seen[i] >= related_depth:
            continue
        for r in site.articles[i].related:
            if r not in seen:
                seen[r] = seen[i] + 1
                queue.append(r)
    return {i for i in seen if i not in dead and not site.articles[i].dropped}


def article_paths(site: ReplicaSite, ids: Iterable[str]) -> set[str]:
    return {site.articles[i].path for i in ids}
