"""Scrapy settings for newsbot.

Defaults here protect the sites we crawl and the people who read our output. Operators
choose an environment overlay from ``settings/environments/`` with ``NEWSBOT_ENV``
(environment variable or ``-s NEWSBOT_ENV=...``); see the README.

Every newsbot default is written here once. Components read a setting as
``settings.getint("NEWSBOT_X", defaults.NEWSBOT_X)`` with ``from newsbot import settings as
defaults``, so a crawler built without the project settings (tests, ``get_crawler``) gets
the same value.
"""

from newsbot import __version__
from newsbot.items import EXPORT_FIELDS, OPTIONAL_FIELDS

BOT_NAME = "newsbot"
SPIDER_MODULES = ["newsbot.spiders"]
NEWSPIDER_MODULE = "newsbot.spiders"
# Also a spider for every site profile under settings/ without a class of its own (its kind's).
SPIDER_LOADER_CLASS = "newsbot.spiders.loader.SiteSpiderLoader"
COMMANDS_MODULE = "newsbot.commands"

USER_AGENT = f"newsbot/{__version__} (+https://github.com/newsbot/newsbot)"
ROBOTSTXT_OBEY = True

# Politeness and limits that hold in every environment.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 8
# A callback yields one item and a handful of requests: Scrapy starts CONCURRENT_ITEMS asyncio
# tasks per response to take them (100 by default); two are enough (responses themselves are
# processed concurrently) and cost a tenth of the crawl process's CPU less.
CONCURRENT_ITEMS = 2
# Responses waiting for a worker count here: past 1 MB of them, no new download starts (with
# Scrapy's 5 MB, peak memory grew by 40 MB on a 10,000-article crawl with no gain in speed).
SCRAPER_SLOT_MAX_ACTIVE_SIZE = 1_000_000
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024  # also bounds decompressed size (gzip bombs)
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 5
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# Retries honour Retry-After (429/503), waiting at most NEWSBOT_RETRY_AFTER_MAX seconds;
# same RETRY_* settings as Scrapy's RetryMiddleware, which this replaces. Redirect loops
# fail (and are counted) at the first repeated URL. (issue 7)
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newsbot.middlewares.retry_after.RetryAfterMiddleware": 550,
    "newsbot.middlewares.redirect_loop.RedirectLoopMiddleware": 610,
    # the same meta refresh decision without decoding a whole big page (issue 11, item 7)
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "newsbot.middlewares.meta_refresh.HeadOnlyMetaRefreshMiddleware": 580,
}
NEWSBOT_RETRY_AFTER_MAX = 60
LOG_LEVEL = "INFO"
# issue 13: dropped items logged once, by the pipelines, never whole; Scrapy's stats dump only
# at DEBUG (the run summary has every stat; the log ends with a short report instead)
LOG_FORMATTER = "newsbot.logformatter.LogFormatter"
STATS_DUMP = False
STATS_CLASS = "newsbot.stats.StatsCollector"  # Scrapy's in-memory stats, cheaper to count

ADDONS = {
    "newsbot.addons.environment.EnvironmentAddon": 0,
    # browser rendering (scrapy-playwright), on only when a browser mode other than never is used
    "newsbot.browser.addon.BrowserAddon": 10,
    # issue 5: NEWSBOT_REDIS_URL switches scheduler, duplicate filter and seen-store to Redis
    "newsbot.distributed.addon.RedisAddon": 20,
    # issue 11: NEWSBOT_RUN_ID, random unless set: in export names and seen-store claims
    "newsbot.addons.run.RunAddon": 30,
}
NEWSBOT_RUN_ID = ""
NEWSBOT_ENV = "development"
# never | always | auto; empty: the site profile's `browser` key decides (see the README).
NEWSBOT_BROWSER = ""
# Browser mode (newsbot/browser/): pages open at once, and how long a rendered page may take
# to settle (DOM unchanged and network quiet for QUIET_MS) and to show more entries after a
# "more" click or a scroll.
NEWSBOT_BROWSER_PAGES = 4
NEWSBOT_BROWSER_SETTLE_TIMEOUT_MS = 10_000
NEWSBOT_BROWSER_QUIET_MS = 500
NEWSBOT_BROWSER_MORE_TIMEOUT_MS = 5_000
NEWSBOT_BROWSER_SCROLL_TIMEOUT_MS = 1_200
# seconds a rendered page may take in all (a listing clicking "load more" 50 times, 5 s
# each, fits); past it the page is fetched plainly (a browser killed under the crawl left
# its pages, and the crawl, waiting forever)
NEWSBOT_BROWSER_PAGE_TIMEOUT = 300

ITEM_PIPELINES = {
    "newsbot.pipelines.validation.ValidationPipeline": 100,
    "newsbot.pipelines.noise.NoisePipeline": 200,
    "newsbot.pipelines.validation.CleanBodyPipeline": 250,
    "newsbot.pipelines.timestamps.TimestampPipeline": 300,
    "newsbot.pipelines.freshness.FreshnessPipeline": 350,
    "newsbot.pipelines.dedupe.DedupePipeline": 400,
    # issue 5: incremental runs (before dedupe: a re-fetch made only to follow related
    # articles must not make the real record look like a duplicate)
    "newsbot.pipelines.incremental.IncrementalPipeline": 390,
}

# Export: JSON Lines, UTF-8 without escapes, stable field order, written under a
# temporary name and renamed when the crawl closes.
# The default feed, exports/<spider>/<UTC start time>.jsonl, is added by the environment
# add-on only when no -o/-O or FEEDS is given. NEWSBOT_EXPORTS_DIR moves its folder.
NEWSBOT_DEFAULT_FEED = {"format": "jsonlines", "encoding": "utf-8"}
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(EXPORT_FIELDS + OPTIONAL_FIELDS)
FEED_STORAGES = {
    "": "newsbot.feeds.AtomicFileFeedStorage",
    "file": "newsbot.feeds.AtomicFileFeedStorage",
    "stdout": "newsbot.feeds.GuardedStdoutFeedStorage",
}
FEED_URI_PARAMS = "newsbot.feeds.uri_params"
FEED_EXPORTERS = {  # Scrapy's output, byte for byte, with less work per item
    "jsonlines": "newsbot.feeds.JsonLinesExporter",
    "jl": "newsbot.feeds.JsonLinesExporter",
}

# Worker processes (newsbot/workers/): pages are read and bodies cleaned in a separate process
# while the crawl process keeps fetching. "auto" is one worker on a machine with 2+ cores, none
# on one core, and one more (up to one per core, at most 4) whenever every worker has been busy
# 90% of the last 3 seconds and half a core was idle (big pages); a number is that many, fixed;
# 0 does everything in the crawl process. A task past the timeout (seconds) costs that page
# only: the worker is replaced.
NEWSBOT_WORKERS = "auto"
# new objects between the cyclic collector's passes in the crawl process (0: Python's 700);
# what startup built is frozen out of every pass (newsbot/extensions/collector.py)
NEWSBOT_GC_THRESHOLD = 20000
# Bytes of one site's pages downloaded at once, at most: its concurrency is lowered to this
# over its page size (at least 1; newsbot/extensions/download_budget.py); 0: no bound.
NEWSBOT_DOWNLOAD_BUDGET = 32 * 1024 * 1024
NEWSBOT_WORKER_TIMEOUT = 60
# Page data sent to the workers and not yet answered, in bytes: past it, pages wait in the
# crawl process as the objects they already are (a response's body) instead of as pickled
# copies in a pipe buffer (issue 11: 16 pages of 8 MiB in flight meant ~4 copies each).
NEWSBOT_WORKER_MAX_INFLIGHT = 4 * 1024 * 1024
# Buffers of this many bytes or more are returned to the system when freed (glibc mallopt,
# newsbot/memory.py), in the crawl process and its workers; 0 leaves the allocator alone.
NEWSBOT_MMAP_THRESHOLD = 256 * 1024

# Noise removal (newsbot/pipelines/noise.py): a line seen in this many articles of one source
# is that source's boilerplate, in this many sources everyone's (0: no learning); with
# NEWSBOT_KEEP_REMOVED each item lists what was removed and by which rule (audits).
NEWSBOT_BOILERPLATE_THRESHOLD = 5
NEWSBOT_BOILERPLATE_SOURCES = 5
NEWSBOT_KEEP_REMOVED = False
# The learned pitch layer of the cleaner (newsbot/cleaning/pitch_model.py); False leaves it out.
NEWSBOT_NOISE_MODEL = True

# Keep Scrapy's asyncio reactor (scrapy-playwright and the workers need it).
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

# Scrapy's scheduler, failing the run in one line when its JOBDIR cannot be written (a full
# disk: newsbot/jobdir.py); a distributed run uses the Redis scheduler instead.
SCHEDULER = "newsbot.jobdir.JobdirScheduler"

EXTENSIONS = {
    # the spider's state in JOBDIR, written at the end: a full disk is one line (newsbot/jobdir.py)
    "scrapy.extensions.spiderstate.SpiderState": None,
    "newsbot.jobdir.JobdirSpiderState": 0,
    # what every component may know about the run (start time, since, related_depth...):
    # run_context(crawler), i.e. crawler.get_extension(RunContext) (newsbot/extensions/context.py)
    "newsbot.extensions.context.RunContext": 0,
    # the parse worker processes (NEWSBOT_WORKERS): crawl_workers(crawler) finds the pool
    "newsbot.workers.extension.CrawlWorkers": 10,
    # issue 11: health checks when the spider closes (spidermon; see newsbot/health/)
    "newsbot.health.extension.HealthChecks": 495,
    # issue 11: export targets checked before the crawl starts (devices, directories, symlinks
    # out of the folder: exit 2; an unwritable folder: exit 3)
    "newsbot.extensions.exports.ExportTargets": 490,
    # progress every NEWSBOT_PROGRESS_INTERVAL s instead of LogStats' "Crawled 0 pages"
    "scrapy.extensions.logstats.LogStats": None,
    "newsbot.extensions.progress.Progress": 100,
    # a robots.txt that cannot be fetched (host down, no DNS): one line, not a traceback
    "newsbot.extensions.network_errors.OneLineNetworkErrors": 5,
    "newsbot.extensions.summary.RunSummary": 500,
    "newsbot.extensions.incremental.IncrementalRuns": 510,  # issue 5: seen-store, recovery
    # startup's objects frozen, fewer collector passes (newsbot/extensions/collector.py)
    "newsbot.extensions.collector.CollectorTuning": 1,
    # fewer downloads at once from a site of big pages (newsbot/extensions/download_budget.py)
    "newsbot.extensions.download_budget.DownloadBudget": 2,
}

# Spider middlewares over the request contract of newsbot/spiders/requests.py.
SPIDER_MIDDLEWARES = {
    # which articles a run fetches, at what depth (the request contract): closest to the
    # spider, so the middlewares below see only the requests it lets through
    "newsbot.middlewares.articles.ArticleStateMiddleware": 960,
    # issue 5: skip unchanged articles, depth upgrades across workers and resumes
    "newsbot.incremental.middleware.IncrementalMiddleware": 950,
}

# scrapy check: contracts whose URLs come from the crawl's start URL (newsbot/contracts.py)
SPIDER_CONTRACTS = {
    "newsbot.contracts.SiteUrlContract": 10,
    "newsbot.contracts.FirstArticleContract": 10,
}

# Progress while crawling (newsbot/extensions/progress.py): a log line every N seconds
# (0: none) and a live bar on stderr: auto (only when stderr is a terminal), on, off.
NEWSBOT_PROGRESS_INTERVAL = 10
NEWSBOT_PROGRESS_BAR = "auto"

# Incremental runs (issue 5; see README "Scheduled and distributed runs"): a seen-store of
# what earlier runs exported. A path is an SQLite file; a redis:// URL a Redis store.
# Environment overlays (settings/environments/test.toml turns it off) replace these values.
NEWSBOT_INCREMENTAL = True
NEWSBOT_SEEN_STORE = ".newsbot/seen.sqlite"
NEWSBOT_SEEN_MAX_AGE = "30d"  # entries not seen for this long expire (s, m, h, d, w)
# Distributed runs (issue 5): NEWSBOT_REDIS_URL (-s, environment variable, or the overlay
# settings/environments/distributed.toml) switches to scrapy-redis; see newsbot/distributed/.
# NEWSBOT_REDIS_URL is not set here (the environment variable is read when no -s gives it).
NEWSBOT_REDIS_HEARTBEAT = 1.0  # seconds between a worker's heartbeats
NEWSBOT_REDIS_WORKER_TIMEOUT = 15.0  # a worker silent this long is dead: claims re-queued
NEWSBOT_REDIS_PREFETCH = 1  # requests a worker takes from the shared queue at once
NEWSBOT_REDIS_TIMEOUT = 5.0  # seconds a Redis call may wait (a frozen Redis stops the worker)
# set by the commands that look at pages (shell, fetch, view, parse, check, bench): not a run,
# so never a distributed worker (ops round 11: `scrapy fetch` went through the Redis queue)
NEWSBOT_TOOL_COMMAND = False

# Health checks of each run (issue 11; newsbot/health/): run by spidermon when the spider
# closes; results in the run summary and the end-of-run report; any failure: exit status 4.
SPIDERMON_ENABLED = True
SPIDERMON_SPIDER_CLOSE_MONITORS = ["newsbot.health.monitors.HealthSuite"]
NEWSBOT_HEALTH_MIN_ARTICLES_FOUND = 1  # listings that lead nowhere fail the run
NEWSBOT_HEALTH_MIN_EXPORTED_SHARE = 0.5  # of the articles due (not seen, unchanged, ...)
NEWSBOT_HEALTH_MAX_FAILED_PAGES_SHARE = 0.5  # failed or unparseable, of the pages handled
NEWSBOT_HEALTH_MAX_UNREADABLE_TIMES_SHARE = 0.25  # of the exported articles
NEWSBOT_HEALTH_MIN_SAMPLE = 20  # fewer articles: exported share and unreadable times pass
# a graceful stop (Ctrl-C, SIGTERM: "shutdown") is expected; a timeout, a failed export... not
SPIDERMON_EXPECTED_FINISH_REASONS = ["finished", "shutdown"]
# Field coverage of exported articles (spidermon counts non-empty fields of every item).
SPIDERMON_ADD_FIELD_COVERAGE = True
SPIDERMON_FIELD_COVERAGE_SKIP_NONE = True  # null published_at is not covered
SPIDERMON_FIELD_COVERAGE_SKIP_IF_NO_ITEM = True  # an incremental run may export nothing
# Only the fields the rules name are counted (newsbot/health/coverage.py); True: spidermon
# counts every field of every item (its stats for each one, at ~0.5 ms per article)
NEWSBOT_FIELD_COVERAGE_ALL_FIELDS = False
SPIDERMON_FIELD_COVERAGE_RULES = {
    "dict/title": 1.0,
    "dict/body": 1.0,
    "dict/published_at": 0.5,
}
