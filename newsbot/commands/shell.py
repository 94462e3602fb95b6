"""``scrapy shell``: a look at pages, not a run (see :mod:`newsbot.commands.tooling`)."""

from __future__ import annotations

import argparse

from scrapy.commands.shell import Command as ScrapyShellCommand

from newsbot.commands.tooling import use_tool_settings


class Command(ScrapyShellCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        use_tool_settings(self.settings, "shell", no_jobdir=True)
