"""A profile alone yields a spider: Scrapy's spider loader plus one spider per registered site.

``SPIDER_LOADER_CLASS`` names :class:`SiteSpiderLoader`. Besides the spider classes in
``SPIDER_MODULES`` (such as ``Daily8Spider``), it makes a spider class for every site profile
under ``settings/`` that has no class of its own, from the class its ``kind`` is crawled
with (:data:`newsbot.spiders.kinds.SPIDER_KINDS`). ``scrapy list`` shows them, ``scrapy crawl
<profile name>`` runs them, and scrapyd (which runs ``scrapy list`` and ``scrapy crawl`` in
the project) sees the same spiders.
"""

from __future__ import annotations

import re
from typing import Any

from scrapy import Request, Spider
from scrapy.settings import BaseSettings
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.misc import load_object

from newsbot.profiles import registered_sites
from newsbot.spiders.kinds import DEFAULT_KIND, SPIDER_KINDS


def spider_for_site(site: str, kind: str) -> type[Spider]:
    """A spider class for the profile ``settings/<site>.toml`` of the given kind.

    An unknown kind gets the default kind's class: crawling it then fails with the profile's
    own one-line error (``kind 'x': expected one of: ...``), not as an unknown spider.
    """
    base = load_object(SPIDER_KINDS.get(kind, SPIDER_KINDS[DEFAULT_KIND]))
    words = re.split(r"[^0-9A-Za-z]+", site)
    class_name = "".join(w[:1].upper() + w[1:] for w in words if w) + "Spider"
    attributes: dict[str, Any] = {
        "name": site,
        "profile_name": site,
        "__module__": __name__,
        "__doc__": f"{site}: made from settings/{site}.toml (kind {kind!r}).",
    }
    return type(class_name, (base,), attributes)


class SiteSpiderLoader(SpiderLoader):
    """Scrapy's loader, plus a spider for each registered site without a class of its own."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        own: set[str] = set()
        for name in super().list():
            spidercls = super().load(name)
            own.update((name, getattr(spidercls, "profile_name", "") or name))
        self._site_spiders: dict[str, type[Spider]] = {
            site: spider_for_site(site, kind)
            for site, kind in registered_sites().items()
            if site not in own
        }

    def load(self, spider_name: str) -> type[Spider]:
        try:
            return super().load(spider_name)
        except KeyError:
            found = self._site_spiders.get(spider_name)
            if found is None:
                raise
            return found

    def list(self) -> list[str]:
        return [*super().list(), *self._site_spiders]

    def find_by_request(self, request: Request) -> list[str]:
        made = [n for n, cls in self._site_spiders.items() if cls.handles_request(request)]
        return [*super().find_by_request(request), *made]
