"""Scrapy settings for newsbot.

Defaults here protect the sites we crawl and the people who read our output. Operators
choose an environment overlay from ``settings/environments/`` with ``NEWSBOT_ENV``
(environment variable or ``-s NEWSBOT_ENV=...``); see the README.
"""

import os

from newsbot import __version__
from newsbot.items import EXPORT_FIELDS, OPTIONAL_FIELDS

BOT_NAME = "newsbot"
SPIDER_MODULES = ["newsbot.spiders"]
NEWSPIDER_MODULE = "newsbot.spiders"
COMMANDS_MODULE = "newsbot.commands"

USER_AGENT = f"newsbot/{__version__} (+https://github.com/newsbot/newsbot)"
ROBOTSTXT_OBEY = True

# Politeness and limits that hold in every environment.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 8
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024  # also bounds decompressed size (gzip bombs)
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 5
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"

ADDONS = {"newsbot.addons.environment.EnvironmentAddon": 0}
NEWSBOT_ENV = "development"

ITEM_PIPELINES = {
    "newsbot.pipelines.validation.ValidationPipeline": 100,
    "newsbot.pipelines.noise.NoisePipeline": 200,
    "newsbot.pipelines.timestamps.TimestampPipeline": 300,
    "newsbot.pipelines.freshness.FreshnessPipeline": 350,
    "newsbot.pipelines.dedupe.DedupePipeline": 400,
}

# Export: JSON Lines, UTF-8 without escapes, stable field order, written under a
# temporary name and renamed when the crawl closes.
# NEWSBOT_EXPORTS_DIR moves the default export folder (relative to the working directory).
EXPORTS_DIR = os.environ.get("NEWSBOT_EXPORTS_DIR", "exports")
FEEDS = {
    f"{EXPORTS_DIR}/%(name)s/%(time)s.jsonl": {"format": "jsonlines", "encoding": "utf-8"},
}
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(EXPORT_FIELDS + OPTIONAL_FIELDS)
FEED_STORAGES = {
    "": "newsbot.feeds.AtomicFileFeedStorage",
    "file": "newsbot.feeds.AtomicFileFeedStorage",
}
FEED_URI_PARAMS = "newsbot.feeds.uri_params"

# Keep Scrapy's asyncio reactor (scrapy-playwright needs it).
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

EXTENSIONS = {"newsbot.extensions.summary.RunSummary": 500}
