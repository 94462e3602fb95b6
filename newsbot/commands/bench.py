"""``scrapy bench``: Scrapy's own speed check, not a run of ours (no export, summary,
seen-store or ``JOBDIR``; see :mod:`newsbot.commands.tooling`)."""

from __future__ import annotations

import argparse

from scrapy.commands.bench import Command as ScrapyBenchCommand

from newsbot.commands.tooling import use_tool_settings


class Command(ScrapyBenchCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        use_tool_settings(self.settings, "bench", no_jobdir=True)
