"""A worker joins only the crawl it was started for: one with the same ``-a`` arguments.

The first worker of a crawl writes down its shaping arguments (``start_urls``,
``related_depth``, ``max_articles``, ``mirror_hosts``, and when given ``since`` as typed and
``-s NEWSBOT_MAX_PAGES``: a worker that skipped by its own window or page limit would drop
the articles shared out to it) beside the queue; a worker started
while that crawl is in progress (requests queued, or another worker alive) with other
arguments is refused in one line before it takes a request: it would crawl the others'
queue by rules it was not given, and they would take its requests by theirs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from newsbot.exitcodes import UsageError
from newsbot.spiders.arguments import changed_arguments


def arguments_key(spider: str) -> str:
    """Under the crawl's prefix (``newsbot:<spider>:crawl:``): cleared with the crawl."""
    return f"newsbot:{spider}:crawl:arguments"


def crawl_in_progress(server: Any, spider: str, queue_key: str, worker_timeout: float) -> bool:
    """Requests are queued, or a worker's heartbeat is recent (in Redis server time)."""
    if server.zcard(queue_key):
        return True
    seconds, micros = server.time()
    now = float(seconds) + micros / 1e6
    for value in server.hvals(f"newsbot:{spider}:workers"):
        try:
            at = float(json.loads(value).get("at", 0))
        except (ValueError, TypeError, AttributeError):
            continue
        if now - at <= worker_timeout:
            return True
    return False


def check_same_crawl(
    server: Any,
    spider: str,
    queue_key: str,
    current: Mapping[str, object],
    worker_timeout: float,
) -> None:
    """Raise :class:`UsageError` when a crawl in progress was started with other arguments."""
    raw = server.get(arguments_key(spider))
    if raw is None:
        return
    try:
        before = json.loads(raw)
    except ValueError:
        return
    if not isinstance(before, dict) or before == dict(current):
        return
    if not crawl_in_progress(server, spider, queue_key, worker_timeout):
        return  # finished or dead with nothing left: this worker starts a new crawl
    raise UsageError(
        f"the distributed {spider} crawl in Redis was started with other arguments "
        f"({changed_arguments(before, current)}): start this worker with the same -a "
        "arguments (and -s NEWSBOT_MAX_PAGES) as that crawl's, or let it finish (a stopped "
        "one is resumed by the next worker started with its arguments), or delete its keys "
        f"(newsbot:{spider}:*) to start a new crawl"
    )


def write_down(server: Any, spider: str, current: Mapping[str, object], *, replace: bool) -> None:
    """Record the crawl's arguments: a new crawl replaces them, a joining worker only fills
    them in for a crawl started before they were recorded."""
    value = json.dumps(dict(current), sort_keys=True)
    if replace:
        server.set(arguments_key(spider), value)
    else:
        server.setnx(arguments_key(spider), value)
