"""``scrapy check``: Scrapy's contracts run without touching the seen-store or exports.

The contracts on the callbacks (``newsbot/contracts.py``) take their URLs from the start URL:
``scrapy check daily8 -a start_urls=http://127.0.0.1:8008/en`` checks them against a replica.
"""

from __future__ import annotations

import argparse

from scrapy.commands.check import Command as ScrapyCheckCommand

from newsbot.commands.crawl import report_failure
from newsbot.commands.tooling import unknown_spider, use_tool_settings
from newsbot.exitcodes import UsageError


class Command(ScrapyCheckCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        use_tool_settings(self.settings, "check", no_jobdir=True)

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        # A misspelt -a is named, one line and exit status 2, before any contract runs
        # (Scrapy's check would print "Ran 0 contracts ... OK" and exit 1 without a word).
        assert self.crawler_process is not None
        loader = self.crawler_process.spider_loader
        for name in args or loader.list():
            unknown = unknown_spider(loader, name, f"spider {name}")
            if unknown is not None:
                self.exitcode = int(report_failure("check", unknown))
                return
            if opts.list:
                continue  # `check -l` lists the contracts: no spider is made, nothing fetched
            spidercls = loader.load(name)
            try:
                spidercls(**opts.spargs)
            except UsageError as error:
                self.exitcode = int(report_failure("check", error))
                return
        super().run(args, opts)
