"""``scrapy settings --get NAME``: the value a crawl would run with, environment overlay
(``NEWSBOT_ENV``) and project anchoring included.

newsbot applies ``settings/environments/<env>.toml`` in an add-on, when the crawler is built;
Scrapy's command prints the settings before any add-on, so ``NEWSBOT_ENV=production scrapy
settings --get JOBDIR`` printed ``None`` while the crawl ran with a JOBDIR (ops round 7). A
mistake in the overlay is one line and exit status 2, as for ``crawl``; a name close to a
setting's (``CONCURENT_REQUESTS``) gets a did-you-mean on stderr. The distributed mode's
settings are shown as a crawl has them too (the Redis URL a crawl takes, its scheduler).
"""

from __future__ import annotations

import argparse
import sys

from scrapy.commands.settings import Command as ScrapySettingsCommand

from newsbot.addons.environment import EnvironmentAddon
from newsbot.commands.crawl import report_failure
from newsbot.distributed.addon import RedisAddon
from newsbot.exitcodes import UsageError
from newsbot.settings_check import READ_WITHOUT_DEFAULT
from newsbot.usage import did_you_mean


class Command(ScrapySettingsCommand):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        try:
            EnvironmentAddon().update_settings(self.settings)
            # the Redis URL a crawl takes (-s, then the environment variable, then the
            # overlay) and what it switches on (ops round 11: the overlay's URL was shown
            # while the crawl used the environment variable's)
            RedisAddon().update_settings(self.settings)
        except UsageError as error:
            sys.exit(int(report_failure("settings", error)))
        except RuntimeError as error:  # scrapy-redis not installed (the `ops` extra)
            sys.exit(int(report_failure("settings", UsageError(str(error)))))
        asked = opts.get or opts.getbool or opts.getint or opts.getfloat or opts.getlist
        if asked and asked not in self.settings and asked not in READ_WITHOUT_DEFAULT:
            # `--get CONCURENT_REQUESTS` printed None without a word (ops round 8), and with
            # the hint exit 0 (ops round 13): a misspelt name is a mistake, exit 2. A name
            # newsbot reads with no default (`NEWSBOT_REDIS_URL` on one machine) is unset,
            # not misspelt, and is a name to suggest (blind operator round 14: `NEWSBOT_REDIS_ULR`)
            names = [str(name) for name in self.settings] + list(READ_WITHOUT_DEFAULT)
            hint = did_you_mean(asked, names)
            if asked.upper() in self.settings:
                hint = f" (did you mean {asked.upper()!r}? setting names are in capitals)"
            if hint:
                error = UsageError(f"{asked} is not a setting{hint}")
                sys.exit(int(report_failure("settings", error)))
        try:
            super().run(args, opts)
        except (TypeError, ValueError):
            # `--getint LOG_LEVEL` (INFO is no number) was a traceback
            kind = (
                "a whole number (--getint)" if opts.getint else "a number (--getfloat)"
                if opts.getfloat else "true or false (--getbool)" if opts.getbool
                else "a list (--getlist)" if opts.getlist else "readable"
            )  # fmt: skip
            value = self.settings.get(asked)
            error = UsageError(f"{asked}={value!r} is not {kind}; --get shows it as it is")
            sys.exit(int(report_failure("settings", error)))
