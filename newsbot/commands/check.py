"""``scrapy check``: Scrapy's contracts run without touching the seen-store or exports.

The contracts on the callbacks (``newsbot/contracts.py``) take their URLs from the start URL:
``scrapy check daily8 -a start_urls=http://127.0.0.1:8008/en`` checks them against a replica.
"""

from __future__ import annotations

import argparse

from scrapy.commands.check import Command as ScrapyCheckCommand

from newsbot.commands.parse import TOOL_PRIORITY, TOOL_SETTINGS


class Command(ScrapyCheckCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        for key, value in TOOL_SETTINGS.items():
            self.settings.set(key, value, priority=TOOL_PRIORITY)
