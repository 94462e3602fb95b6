"""A slow replica, for tests that stop or kill a crawl halfway (issue 5).

Uses the server's ``fault_hook``: matching requests are answered by the normal routes, after
``delay`` seconds. The other engineer's server code is not changed.

    with ReplicaServer(site) as server:
        make_slow(server, 0.2)            # every article page takes 0.2 s
"""

from __future__ import annotations

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
