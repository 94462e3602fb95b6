"""Scrapy's log messages, shorter: a dropped or failed item is named, never printed whole.

The pipelines log each drop once, with its URL and reason (``newsbot.pipelines.base``), so
Scrapy's own "Dropped: ... <the whole item>" goes to DEBUG, without the item (10,000 drops
made an 8.9 MB log). A pipeline error names the item's URL instead of printing it.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.logformatter import LogFormatter as ScrapyLogFormatter


def _name(item: Any) -> str:
    get = getattr(item, "get", None)
    if get is None:
        return type(item).__name__
    return str(get("url") or get("id") or type(item).__name__)


class LogFormatter(ScrapyLogFormatter):
    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any) -> Any:
        return {
            "level": logging.DEBUG,
            "msg": "Dropped: %(exception)s",
            "args": {"exception": exception},
        }

    def item_error(self, item: Any, exception: BaseException, response: Any, spider: Any) -> Any:
        return {
            "level": logging.ERROR,
            "msg": "Error processing %(item)s",
            "args": {"item": _name(item)},
        }
