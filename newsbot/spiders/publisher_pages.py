"""A publisher's article page read by a spider without a site profile for it (the ``article``
spider, a river's publishers): in the crawl's worker pool when there is one, its bytes
decoded as the aggregator spiders decode theirs (a charset the bytes contradict corrected,
the damage counted and logged), a page that cannot be read counted with its reason."""

from __future__ import annotations

import contextlib
from typing import Any

from scrapy.http import TextResponse

from newsbot.publisher import read_publisher_bytes
from newsbot.spiders.aggregator import content_type, selector_type
from newsbot.spiders.anchors import response_anchor
from newsbot.workers.pool import TaskFailed, WorkersUnavailable


async def read_publisher_page(
    spider: Any, response: TextResponse, found_via: dict[str, str]
) -> dict[str, Any] | None:
    """The page's raw item, or None (counted and logged by ``spider``'s ``_unparseable``)."""
    anchor = response_anchor(response, spider.now())
    language = response.headers.get(b"Content-Language", b"").decode("latin-1") or None
    arguments = (
        response.body, content_type(response), response.url, selector_type(response), anchor,
        found_via, language,
    )  # fmt: skip
    workers = spider.workers
    try:
        read = None
        if workers is not None and workers.active:
            # none left to take it (WorkersUnavailable): read it here
            with contextlib.suppress(WorkersUnavailable):
                read = await workers.run(read_publisher_bytes, *arguments)
        if read is None:
            read = read_publisher_bytes(*arguments)
    except TaskFailed as exc:
        spider._unparseable(response.url, str(exc))
        return None
    except Exception as exc:  # a broken page must never stop the crawl
        spider._unparseable(response.url, f"{type(exc).__name__}: {exc}")
        return None
    item, decoded = read
    spider._text_damage(response.url, decoded)
    return item
