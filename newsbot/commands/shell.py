"""``scrapy shell``: a look at pages, not a run (see :mod:`newsbot.commands.tooling`)."""

from __future__ import annotations

import argparse
import sys

from scrapy.commands.shell import Command as ScrapyShellCommand

from newsbot.commands.crawl import report_failure
from newsbot.commands.tooling import (
    unknown_option,
    unknown_spider,
    use_tool_settings,
)


class Command(ScrapyShellCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        wrong = unknown_option(self, args)
        if wrong is not None:
            sys.exit(int(report_failure("shell", wrong)))
        super().process_options(args, opts)
        assert self.settings is not None
        use_tool_settings(self.settings, "shell", no_jobdir=True)

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        """Scrapy's shell; a ``--spider`` the project does not have is one line (it was a
        KeyError traceback: ops round 19)."""
        if opts.spider:
            assert self.crawler_process is not None
            loader = self.crawler_process.spider_loader
            unknown = unknown_spider(loader, opts.spider, f"--spider {opts.spider}")
            if unknown is not None:
                self.exitcode = int(report_failure("shell", unknown))
                return
        super().run(args, opts)
