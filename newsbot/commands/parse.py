"""``scrapy parse URL``: the item(s) and follow-up requests of one page, and nothing else.

- The URL is the crawl's start URL unless ``-a start_urls`` says otherwise, so its host is
  allowed (it was "offsite" for any host but the profile's) and ``--spider`` is found from
  the profile when the URL is on the profile's site.
- Without ``-c``, the spider's ``parse`` tells an article page from a listing;
  ``-c parse_article_page`` and ``-c parse_listing_page`` work too (their arguments default).
- No export, no run summary, no seen-store, no worker processes: the default feed,
  incremental runs, progress lines and the worker pool are off (``-o``/``-O`` and ``-s`` on
  the command line still win).
- A bad argument or setting is one line on stderr and exit status 2, as for ``crawl``.
"""

from __future__ import annotations

import argparse
import logging
import sys

from scrapy import Request
from scrapy.commands.parse import Command as ScrapyParseCommand
from scrapy.utils.spider import spidercls_for_request

from newsbot.commands.crawl import check_log_level, failure_of, report_failure
from newsbot.commands.tooling import (
    not_a_url,
    unknown_option,
    unknown_spider,
    use_tool_settings,
)
from newsbot.exitcodes import ExitCode, UsageError
from newsbot.usage import did_you_mean

logger = logging.getLogger(__name__)


class Command(ScrapyParseCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        wrong = unknown_option(self, args) or not_a_url(args)
        if wrong is not None:
            sys.exit(int(report_failure("parse", wrong)))
        super().process_options(args, opts)
        assert self.settings is not None
        check_log_level("parse", self.settings)
        use_tool_settings(self.settings, "parse", no_jobdir=True)
        if args and "start_urls" not in opts.spargs:
            opts.spargs["start_urls"] = args[0]

    def set_spidercls(self, url: str, opts: argparse.Namespace) -> None:
        if not opts.spider:
            opts.spider = self._spider_for(url)
        assert self.crawler_process
        loader = self.crawler_process.spider_loader
        known = loader.list()
        # Scrapy logs an unknown one and exits 0
        unknown = opts.spider and unknown_spider(loader, opts.spider, f"--spider {opts.spider}")
        if unknown:
            sys.exit(int(report_failure("parse", unknown)))
        if (
            not opts.spider
            and spidercls_for_request(self.crawler_process.spider_loader, Request(url)) is None
        ):  # Scrapy logs "Unable to find spider for" and exits 0 (ops round 8)
            error = UsageError(
                f"no spider's profile claims {url}: give one with --spider "
                f"({', '.join(sorted(known))}; `article` reads any publisher's page)"
            )
            sys.exit(int(report_failure("parse", error)))
        super().set_spidercls(url, opts)
        callback = getattr(opts, "callback", None)
        if callback and self.spidercls and not callable(getattr(self.spidercls, callback, None)):
            # `-c parse_artcle_page`: Scrapy's ValueError traceback, exit 1 (ops round 8)
            known = sorted(n for n in dir(self.spidercls) if n.startswith("parse"))
            error = UsageError(
                f"-c {callback}: {self.spidercls.name} has no such callback"
                f"{did_you_mean(callback, known)}; callbacks: {', '.join(known)}"
            )
            sys.exit(int(report_failure("parse", error)))

    def _spider_for(self, url: str) -> str | None:
        """The one spider of the project whose profile claims the URL (or the only one)."""
        assert self.crawler_process
        names = self.crawler_process.spider_loader.list()
        if len(names) == 1:
            return names[0]
        for name in names:
            spidercls = self.crawler_process.spider_loader.load(name)
            claims = getattr(spidercls, "claims_url", None)
            if claims is not None and claims(url):
                return name
        return None

    def start_parsing(self, url: str, opts: argparse.Namespace) -> None:
        assert self.crawler_process
        assert self.spidercls
        self.pcrawler = self._create_crawler(self.spidercls)
        errors: list[BaseException] = []
        outcome = self.crawler_process.crawl(self.pcrawler, **opts.spargs)
        if hasattr(outcome, "addErrback"):  # a Deferred (a non-asyncio reactor)
            outcome.addErrback(lambda failure: errors.append(failure.value))
        self.crawler_process.start()
        error = failure_of(outcome, errors)
        if error is not None:
            self.exitcode = int(report_failure("parse", error))
            return
        if self.crawler_process.bootstrap_failed:
            self.exitcode = ExitCode.UNEXPECTED
        if not self.first_response:
            self.exitcode = self.exitcode or ExitCode.UNEXPECTED
            logger.error("No response downloaded for: %s", url)

    def print_results(self, opts: argparse.Namespace) -> None:
        if self.exitcode != ExitCode.USAGE:  # the one error line says it all
            super().print_results(opts)
