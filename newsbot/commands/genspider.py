"""``scrapy genspider``: a spider the project already has is refused in one line.

Scrapy prints "Spider 'daily8' already exists" and exits 0, which a script reads as done (ops
round 19). An aggregator is added with a site profile, ``settings/<name>.toml``, not a new
spider module (README, "Adding an aggregator").
"""

from __future__ import annotations

import argparse

from scrapy.commands.genspider import Command as ScrapyGenspiderCommand
from scrapy.spiderloader import get_spider_loader

from newsbot.commands.crawl import report_failure
from newsbot.exitcodes import UsageError


class Command(ScrapyGenspiderCommand):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) == 2 and not opts.force and not opts.list and not opts.dump:
            assert self.settings is not None
            loader = get_spider_loader(self.settings)
            if args[0] in loader.list():
                error = UsageError(
                    f"spider {args[0]!r} already exists; a new aggregator is a site profile, "
                    "settings/<name>.toml (README: Adding an aggregator), or give --force"
                )
                self.exitcode = int(report_failure("genspider", error))
                return
        super().run(args, opts)
