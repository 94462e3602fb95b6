"""``scrapy view``: one page in a browser, not a run (see :mod:`newsbot.commands.tooling`)."""

from __future__ import annotations

import argparse

from scrapy.commands.view import Command as ScrapyViewCommand

from newsbot.commands.tooling import use_tool_settings


class Command(ScrapyViewCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        use_tool_settings(self.settings, "view", no_jobdir=True)
