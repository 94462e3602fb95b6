"""``scrapy fetch``: one page, not a run (see :mod:`newsbot.commands.tooling`).

A page that cannot be fetched (nothing listens, a DNS name that does not resolve) is one line
on stderr and exit status 1; Scrapy's command logged the error with a traceback and exited 0
(ops round 8).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import AsyncIterator
from typing import Any

from scrapy import Request, Spider
from scrapy.commands.fetch import Command as ScrapyFetchCommand
from scrapy.exceptions import UsageError as ScrapyUsageError
from scrapy.utils.datatypes import SequenceExclude
from scrapy.utils.spider import DefaultSpider, spidercls_for_request
from w3lib.url import is_url

from newsbot.commands.crawl import report_failure
from newsbot.commands.tooling import (
    not_a_url,
    unknown_option,
    unknown_spider,
    use_tool_settings,
)


class Command(ScrapyFetchCommand):
    failure: str | None = None
    fetched = False

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        wrong = unknown_option(self, args) or not_a_url(args)
        if wrong is not None:  # before Scrapy's log starts: the one line alone
            sys.exit(int(report_failure("fetch", wrong)))
        super().process_options(args, opts)
        assert self.settings is not None
        use_tool_settings(self.settings, "fetch", no_jobdir=True)

    def _print_response(self, response: Any, opts: argparse.Namespace) -> None:
        self.fetched = True
        super()._print_response(response, opts)

    def _failed(self, failure: Any) -> None:
        """The request's errback: the reason, kept for one line at the end (no traceback)."""
        error = failure.value
        self.failure = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        """Scrapy's ``fetch``, with an errback on the request: a failure is this command's one
        line, not the engine's logged traceback."""
        if len(args) != 1 or not is_url(args[0]):
            raise ScrapyUsageError
        request = Request(
            args[0],
            callback=self._print_response,
            errback=self._failed,
            cb_kwargs={"opts": opts},
            dont_filter=True,
        )
        if not opts.no_redirect:  # Scrapy follows redirects; every other status is shown
            request.meta["handle_httpstatus_list"] = SequenceExclude(range(300, 400))
        else:
            request.meta["handle_httpstatus_all"] = True
        assert self.crawler_process
        loader = self.crawler_process.spider_loader
        unknown = opts.spider and unknown_spider(loader, opts.spider, f"--spider {opts.spider}")
        if unknown:
            self.exitcode = int(report_failure("fetch", unknown))
            return
        spidercls: type[Spider] = (
            loader.load(opts.spider)
            if opts.spider
            else spidercls_for_request(loader, request, DefaultSpider)
        )

        async def start(self: Spider) -> AsyncIterator[Any]:
            yield request

        spidercls.start = start  # type: ignore[method-assign]
        self.crawler_process.crawl(spidercls)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
        elif not self.fetched:
            why = self.failure or "no response"
            print(f"scrapy fetch: could not fetch {args[0]}: {why}", file=sys.stderr)
            self.exitcode = 1
