"""``scrapy fetch``: one page, not a run (see :mod:`newsbot.commands.tooling`)."""

from __future__ import annotations

import argparse

from scrapy.commands.fetch import Command as ScrapyFetchCommand

from newsbot.commands.tooling import use_tool_settings


class Command(ScrapyFetchCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        use_tool_settings(self.settings, "fetch", no_jobdir=True)
