"""A slow replica, for tests that stop or kill a crawl halfway (issue 5).

Uses the server's ``fault_hook``: matching requests are answered by the normal routes, after
``delay`` seconds. The other engineer's server code is not changed.

    with ReplicaServer(site) as server:
        make_slow(server, 0.2)            # every article page takes 0.2 s
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from newsbot.replica.server import ReplicaServer, Reply, Request


def is_article(req: Request) -> bool:
    return "/article/" in req.path


def slow_hook(
    server: ReplicaServer, delay: float, match: Callable[[Request], bool] = is_article
) -> Callable[[Request], Reply | None]:
    def hook(req: Request) -> Reply | None:
        if not match(req):
            return None
        for pattern, handler in server.routes:
            found = pattern.fullmatch(req.path)
            if found:
                reply = handler(server, req, found)
                reply.delay = max(reply.delay, delay)
                return reply
        return None

    return hook


def make_slow(
    server: ReplicaServer, delay: float, match: Callable[[Request], bool] = is_article
) -> None:
    server.fault_hook = slow_hook(server, delay, match)


def hold_until_clients(
    server: ReplicaServer,
    clients: int,
    delay: float = 0.0,
    match: Callable[[Request], bool] = is_article,
    timeout: float = 60.0,
) -> None:
    """Like ``make_slow``, and matching requests also wait until requests with ``clients``
    different User-Agents have arrived (at most ``timeout`` seconds): several crawlers that
    should share a crawl are all up before any of them can finish it alone."""
    seen: set[str] = set()
    lock = threading.Lock()
    everyone_up = threading.Event()
    answer = slow_hook(server, delay, match)

    def hook(req: Request) -> Reply | None:
        agent = next((v for k, v in req.headers.items() if k.lower() == "user-agent"), "")
        with lock:
            seen.add(agent)
            if len(seen) >= clients:
                everyone_up.set()
        if match(req):
            everyone_up.wait(timeout)
        return answer(req)

    server.fault_hook = hook
