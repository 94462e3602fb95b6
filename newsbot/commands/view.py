"""``scrapy view``: one page in a browser, not a run (see :mod:`newsbot.commands.tooling`)."""

from __future__ import annotations

import argparse
import sys

from scrapy.commands.view import Command as ScrapyViewCommand

from newsbot.commands.crawl import report_failure
from newsbot.commands.tooling import unknown_option, use_tool_settings


class Command(ScrapyViewCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        wrong = unknown_option(self, args)
        if wrong is not None:
            sys.exit(int(report_failure("view", wrong)))
        super().process_options(args, opts)
        assert self.settings is not None
        use_tool_settings(self.settings, "view", no_jobdir=True)
