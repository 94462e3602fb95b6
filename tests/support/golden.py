"""Golden extraction files, per registered site, as Fundus keeps them per publisher.

``tests/golden/<site>/`` holds, for each case ``<case>``:

- ``<case>.html``: a stored page (made up: captured from a replica, never a real article);
- ``<case>.meta.json``: how it was served: ``url``, ``date`` (the response's ``Date``
  header: ages are read against it), optionally ``content_type``, ``callback`` (the spider
  method that reads it; default ``parse``, which tells articles from listings), ``cb_kwargs``
  and ``captured_from`` (a note on where the page came from);
- ``<case>.json``: the expected records: what the site's spider yields for the page, items
  as the noise and time pipelines leave them (title, source, body, times, related...) and
  requests as URL, callback and page kind.

Nothing here knows a site: the spider is the one ``scrapy crawl <site>`` runs (the project's
spider loader), so a new site's goldens need no code. Regenerate expected files with
``python -m tests.golden`` (see the README).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from newsbot.pipelines.noise import NoisePipeline
from newsbot.pipelines.timestamps import TimestampPipeline
from newsbot.profiles import registered_sites
from newsbot.spiders.loader import SiteSpiderLoader

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
SETTINGS = {
    "NEWSBOT_ENV": "test",
    "NEWSBOT_WORKERS": 0,  # pages read in this process (tests/test_workers.py: workers agree)
    "NEWSBOT_BOILERPLATE_THRESHOLD": 0,  # no learning across pages: one page, one answer
    "NEWSBOT_BOILERPLATE_SOURCES": 0,
}


def golden_sites() -> list[str]:
    """Registered sites that have a golden folder."""
    return [site for site in registered_sites() if (GOLDEN / site).is_dir()]


def cases(site: str) -> list[str]:
    return sorted(p.name[: -len(".meta.json")] for p in (GOLDEN / site).glob("*.meta.json"))


def all_cases() -> Iterator[tuple[str, str]]:
    for site in golden_sites():
        for case in cases(site):
            yield site, case


def _spider(site: str) -> Any:
    project = Settings()
    project.setmodule("newsbot.settings", priority="project")  # wherever pytest runs from
    loader = SiteSpiderLoader.from_settings(project)
    spidercls = loader.load(site)
    crawler = get_crawler(spidercls, SETTINGS)
    return spidercls.from_crawler(crawler), crawler


def _plain(value: Any) -> Any:
    """JSON-ready: what a record holds, with tuples as lists."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def _request_record(request: Request) -> dict[str, Any]:
    callback = request.callback
    return {
        "request": request.url,
        "callback": getattr(callback, "__name__", None),
        "kind": request.meta.get("newsbot_kind"),
        "cb_kwargs": _plain(request.cb_kwargs),
    }


async def _records(site: str, case: str) -> list[dict[str, Any]]:
    folder = GOLDEN / site
    meta = json.loads((folder / f"{case}.meta.json").read_text(encoding="utf-8"))
    spider, crawler = _spider(site)
    headers = {"Date": meta["date"]}
    headers["Content-Type"] = meta.get("content_type", "text/html; charset=utf-8")
    request = Request(meta["url"])
    response = HtmlResponse(
        meta["url"],
        body=(folder / f"{case}.html").read_bytes(),
        headers=headers,
        request=request,
    )
    callback = getattr(spider, meta.get("callback", "parse"))
    noise = NoisePipeline.from_crawler(crawler)
    times = TimestampPipeline.from_crawler(crawler)
    records: list[dict[str, Any]] = []
    async for output in callback(response, **meta.get("cb_kwargs", {})):
        if isinstance(output, Request):
            records.append(_request_record(output))
            continue
        item = await noise.process_item(output)
        item = times.process_item(item)
        records.append(_plain(ItemAdapter(item).asdict()))
    return records


def read_case(site: str, case: str) -> list[dict[str, Any]]:
    """The records the site's spider makes of the stored page ``case``."""
    return asyncio.run(_records(site, case))


def expected(site: str, case: str) -> list[dict[str, Any]]:
    path = GOLDEN / site / f"{case}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def write_expected(site: str, case: str) -> Path:
    path = GOLDEN / site / f"{case}.json"
    text = json.dumps(read_case(site, case), ensure_ascii=False, indent=1, sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")
    return path
