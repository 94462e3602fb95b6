"""Checks of the settings an operator gives (``-s``, ``-L``, environment overlays) before a
crawl starts: a wrong value is one line and exit status 2, not a traceback in the middle of
the run or a health check that can never pass.

Pure functions over a ``get`` callable (``settings.get``) so they are testable without a
crawler: Scrapy's own numeric and yes/no settings, the log level, the health thresholds and
spidermon's coverage rules; and a setting's name that is a misspelling of a known one.
"""

from __future__ import annotations

import codecs
import errno
import json
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings, default_settings

from newsbot import settings as newsbot_settings
from newsbot.exitcodes import UsageError
from newsbot.feeds import NEW_FILE, fixed_folder
from newsbot.items import EXPORT_FIELDS, OPTIONAL_FIELDS
from newsbot.usage import NUMERIC_SETTINGS, at_least, did_you_mean, one_of, short

logger = logging.getLogger(__name__)

LOG_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")

# Scrapy's numbers an operator sets: (int or float, smallest allowed, what they are).
SCRAPY_NUMBERS: dict[str, tuple[type, float, str]] = {
    "CONCURRENT_REQUESTS": (int, 1, "requests at once"),
    "CONCURRENT_REQUESTS_PER_DOMAIN": (int, 1, "requests at once per site"),
    "CONCURRENT_REQUESTS_PER_IP": (int, 0, "requests at once per address (0: per site)"),
    "CONCURRENT_ITEMS": (int, 1, "items in the pipelines at once per response"),
    "DOWNLOAD_TIMEOUT": (float, 0.001, "seconds a download may take"),
    "DOWNLOAD_DELAY": (float, 0, "seconds between requests to a site"),
    "DOWNLOAD_MAXSIZE": (int, 0, "bytes (0: no limit)"),
    "DOWNLOAD_WARNSIZE": (int, 0, "bytes (0: no warning)"),
    "RETRY_TIMES": (int, 0, "retries of a failed request"),
    "REDIRECT_MAX_TIMES": (int, 0, "redirects followed"),
    "DEPTH_LIMIT": (int, 0, "link hops (0: no limit)"),
    "CLOSESPIDER_TIMEOUT": (float, 0, "seconds (0: no limit)"),
    "CLOSESPIDER_ITEMCOUNT": (int, 0, "items (0: no limit)"),
    "CLOSESPIDER_PAGECOUNT": (int, 0, "pages (0: no limit)"),
    "CLOSESPIDER_ERRORCOUNT": (int, 0, "errors (0: no limit)"),
    "AUTOTHROTTLE_START_DELAY": (float, 0, "seconds"),
    "AUTOTHROTTLE_MAX_DELAY": (float, 0, "seconds"),
    "AUTOTHROTTLE_TARGET_CONCURRENCY": (float, 0.001, "requests at once per site"),
    "HTTPCACHE_EXPIRATION_SECS": (int, 0, "seconds (0: never expires)"),
    # `FEED_EXPORT_BATCH_ITEM_COUNT=ten`: Scrapy's feed exporter raised a traceback (ops round 20)
    "FEED_EXPORT_BATCH_ITEM_COUNT": (int, 0, "items per export file (0: one file)"),
    # `MEMUSAGE_LIMIT_MB=2GB`: Scrapy's memory extension raised a traceback (ops round 3 of
    # session 38)
    "MEMUSAGE_LIMIT_MB": (int, 0, "megabytes, a whole number (0: no limit)"),
    "MEMUSAGE_WARNING_MB": (int, 0, "megabytes, a whole number (0: no warning)"),
    "MEMUSAGE_CHECK_INTERVAL_SECONDS": (float, 0.001, "seconds"),
    "NEWSBOT_HEALTH_MIN_ARTICLES_FOUND": (int, 0, "articles"),
    "NEWSBOT_HEALTH_MIN_SAMPLE": (int, 0, "articles"),
    "NEWSBOT_BROWSER_PAGE_TIMEOUT": (float, 0.001, "seconds a rendered page may take"),
    # ops round 10: `NEWSBOT_BROWSER_SETTLE_TIMEOUT_MS=10s` was read at the first render
    "NEWSBOT_BROWSER_SETTLE_TIMEOUT_MS": (int, 0, "milliseconds, a whole number"),
    "NEWSBOT_BROWSER_QUIET_MS": (int, 0, "milliseconds, a whole number"),
    "NEWSBOT_BROWSER_MORE_TIMEOUT_MS": (int, 0, "milliseconds, a whole number"),
    "NEWSBOT_BROWSER_SCROLL_TIMEOUT_MS": (int, 0, "milliseconds, a whole number"),
}
# Scrapy's whole numbers of either sign: what they are.
WHOLE_NUMBERS: dict[str, str] = {
    "DEPTH_PRIORITY": "priority change per hop: positive crawls wide first, negative deep first",
    "REDIRECT_PRIORITY_ADJUST": "priority change of a redirected request",
    "RETRY_PRIORITY_ADJUST": "priority change of a retried request",
}
# newsbot's shares: a number from 0 to 1 (0.5 is half).
SHARES = (
    "NEWSBOT_HEALTH_MIN_EXPORTED_SHARE",
    "NEWSBOT_HEALTH_MAX_FAILED_PAGES_SHARE",
    "NEWSBOT_HEALTH_MAX_UNREADABLE_TIMES_SHARE",
)
# the yes/no settings Scrapy reads while it sets up logging, before any add-on or check runs
# (blind ops round 11: `LOG_FILE_APPEND=overwrite` was Scrapy's getbool traceback)
LOGGING_YES_NO = ("LOG_ENABLED", "LOG_FILE_APPEND", "LOG_STDOUT", "LOG_SHORT_NAMES")
YES_NO = (
    *LOGGING_YES_NO,
    "NEWSBOT_INCREMENTAL",
    "NEWSBOT_NOISE_MODEL",
    "NEWSBOT_KEEP_REMOVED",
    "NEWSBOT_BROWSER_CACHE_APART",
    "ROBOTSTXT_OBEY",
    "HTTPCACHE_ENABLED",
    "AUTOTHROTTLE_ENABLED",
    "COOKIES_ENABLED",
    "RETRY_ENABLED",
    "REDIRECT_ENABLED",
    "SPIDERMON_ENABLED",
    # ops round 10: `HTTPPROXY_ENABLED=maybe` ran, read as on by Scrapy's getbool
    "HTTPPROXY_ENABLED",
    "COMPRESSION_ENABLED",
    "TELNETCONSOLE_ENABLED",
    "DNSCACHE_ENABLED",
    "METAREFRESH_ENABLED",
    "REFERER_ENABLED",
    "MEMUSAGE_ENABLED",
    "RANDOMIZE_DOWNLOAD_DELAY",
)
# the settings whose value has a type: an empty one is no value of it
TYPED_SETTINGS = frozenset([*SCRAPY_NUMBERS, *WHOLE_NUMBERS, *SHARES, *YES_NO, *NUMERIC_SETTINGS])
_YES_NO_WORDS = ("0", "1", "true", "false")
# families of settings other packages read (scrapy-playwright, scrapy-redis, spidermon, ...)
_OTHER_PACKAGES = ("PLAYWRIGHT_", "SPIDERMON_", "REDIS_", "SCHEDULER_", "DUPEFILTER_", "SCRAPYD_")


def _number(name: str, value: object, kind: type, minimum: float, meaning: str) -> float:
    """:func:`newsbot.usage.at_least`, and a yes/no value is not a number (``True`` is not 1
    request at once)."""
    if isinstance(value, bool):
        kind_name = "a whole number" if kind is int else "a number"
        raise UsageError(f"{name}={short(value)}: expected {kind_name} >= {minimum:g} ({meaning})")
    return at_least(name, value, kind, minimum, meaning)


def _check_throttle_delays(get: Callable[[str], object]) -> None:
    """AutoThrottle's first delay above its longest (`START_DELAY=30`, `MAX_DELAY=2`: the two
    swapped, ops round 4): Scrapy caps the delay at the maximum after the first response, so
    the operator's intent is lost either way; refused with both named. Called once the yes/no
    settings are checked: ``AUTOTHROTTLE_ENABLED`` is a bool or one of ``_YES_NO_WORDS``."""
    enabled = get("AUTOTHROTTLE_ENABLED")
    if not enabled or str(enabled).strip().lower() in ("0", "false"):
        return
    start, most = get("AUTOTHROTTLE_START_DELAY"), get("AUTOTHROTTLE_MAX_DELAY")
    if start in (None, "") or most in (None, ""):
        return
    if float(str(start)) > float(str(most)):
        raise UsageError(
            f"AUTOTHROTTLE_START_DELAY={short(start)} is above AUTOTHROTTLE_MAX_DELAY="
            f"{short(most)}: the first delay cannot exceed the longest (swapped?)"
        )


def _check_yes_no(get: Callable[[str], object], names: tuple[str, ...]) -> None:
    for name in names:
        value = get(name)
        if value is None or isinstance(value, bool) or value in (0, 1):
            continue
        if str(value).strip().lower() not in _YES_NO_WORDS:
            raise UsageError(f"{name}={short(value)}: expected True or False (or 1 or 0)")


def check_values(get: Callable[[str], object]) -> None:
    """Scrapy's numbers, yes/no settings and log level, newsbot's health thresholds and
    spidermon's coverage rules are of their type and range; else :class:`UsageError`."""
    for name, (kind, minimum, meaning) in SCRAPY_NUMBERS.items():
        value = get(name)
        if value is not None and value != "":
            _number(name, value, kind, minimum, meaning)
    for name in SHARES:
        value = get(name)
        if value is None or value == "":
            continue
        share = _number(name, value, float, 0, "a share: 0.5 is half")
        if share > 1:
            raise UsageError(f"{name}={short(value)}: expected a share from 0 to 1 (0.5 is half)")
    _check_yes_no(get, YES_NO)
    _check_throttle_delays(get)
    for name, meaning in WHOLE_NUMBERS.items():
        value = get(name)
        if value is None or value == "":
            continue
        try:
            whole = int(str(value).strip())
        except ValueError:
            whole = None
        if isinstance(value, (bool, float)) or whole is None:
            # ops round 13: `-s DEPTH_PRIORITY=one` was Scrapy's traceback, exit 1
            raise UsageError(f"{name}={short(value)}: expected a whole number ({meaning})")
    jobdir = get("JOBDIR")
    if jobdir and not isinstance(jobdir, (str, os.PathLike)):
        # ops round 13: `JOBDIR = 3` in an overlay was a TypeError traceback, exit 1
        raise UsageError(f"JOBDIR={short(jobdir)}: expected a folder's path, in quotes")
    if jobdir:
        # `.newsbot/jobs/%(name)s`: the spider's name comes later
        check_jobdir(str(fixed_folder(str(jobdir))))
    encoding = get("FEED_EXPORT_ENCODING")
    if isinstance(encoding, str) and encoding:
        try:
            found = codecs.lookup(encoding).name
        except LookupError:
            raise UsageError(
                f"FEED_EXPORT_ENCODING={short(encoding)}: not an encoding Python knows; "
                "exports are UTF-8 (leave it unset)"
            ) from None
        if found != "utf-8":
            # latin-1 cannot hold every article's text (an article it cannot hold was lost
            # from the export and still recorded as seen); utf-16 puts a BOM before each line
            raise UsageError(
                f"FEED_EXPORT_ENCODING={short(encoding)}: exports are JSON Lines in UTF-8, "
                "the encoding their readers expect and the only one that holds every "
                "article's text; leave it unset or set utf-8"
            )
    check_feed_formats(get)
    check_export_fields(get)
    level = get("LOG_LEVEL")
    if isinstance(level, str) and level.upper() not in LOG_LEVELS:
        raise UsageError(f"LOG_LEVEL={short(level)}: expected {one_of(LOG_LEVELS)}")
    rules = get("SPIDERMON_FIELD_COVERAGE_RULES")
    if isinstance(rules, str):  # -s takes a dict as JSON
        try:
            rules = json.loads(rules)
        except ValueError:
            raise UsageError(
                f"SPIDERMON_FIELD_COVERAGE_RULES={short(rules)}: expected a JSON object of "
                'field: share, e.g. {"title": 1.0}'
            ) from None
    if isinstance(rules, Mapping):
        for field, threshold in rules.items():
            share = _number(
                f"SPIDERMON_FIELD_COVERAGE_RULES[{field!r}]", threshold, float, 0, "a share"
            )
            if share > 1:
                raise UsageError(
                    f"SPIDERMON_FIELD_COVERAGE_RULES[{field!r}]={short(threshold)}: "
                    "expected a share from 0 to 1"
                )


# the options a feed of FEEDS takes (Scrapy's feed exports), and the one newsbot adds
FEED_OPTIONS = frozenset(
    {"format", "batch_item_count", "encoding", "fields", "indent", "item_classes",
     "item_filter", "item_export_kwargs", "overwrite", "store_empty", "uri_params",
     "postprocessing", NEW_FILE}
)  # fmt: skip


def check_feed_formats(get: Callable[[str], object]) -> None:
    """Every feed of ``FEEDS`` names a format Scrapy can write (``-s FEEDS`` with a typo ran
    the crawl and exported nothing, exit 0; ``-o`` is refused by Scrapy itself)."""
    feeds = get("FEEDS")  # (Scrapy itself refuses `-s FEEDS=` that is not JSON)
    if not isinstance(feeds, Mapping):
        return
    known: set[str] = set()
    for name in ("FEED_EXPORTERS_BASE", "FEED_EXPORTERS"):
        exporters = get(name)
        if isinstance(exporters, Mapping):
            known |= {str(k) for k, v in exporters.items() if v}
    for target, options in feeds.items():
        if isinstance(options, Mapping):
            for key in options:
                if str(key) not in FEED_OPTIONS:
                    # `"overwirte": true` was dropped without a word: the run appended
                    # (ops round 20)
                    raise UsageError(
                        f"FEEDS[{short(target)}]: unknown feed option {short(key)}"
                        f"{did_you_mean(str(key), sorted(FEED_OPTIONS))}; expected "
                        f"{one_of(sorted(FEED_OPTIONS))}"
                    )
        fmt = options.get("format") if isinstance(options, Mapping) else None
        if known and fmt is not None and str(fmt) not in known:
            raise UsageError(
                f"FEEDS[{short(target)}]: format {short(fmt)} is not one Scrapy can write; "
                f"expected {one_of(sorted(known))}{did_you_mean(str(fmt), sorted(known))}"
            )


def _field_names(value: object) -> list[str]:
    """The field names of a ``FEED_EXPORT_FIELDS`` value: a list, a dict (field: column
    name), JSON of either, or names between commas (``-s FEED_EXPORT_FIELDS=id,title``)."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith(("[", "{")):
            try:
                value = json.loads(text)
            except ValueError:
                return []  # Scrapy's own reading says what is wrong with it
        else:
            return [name.strip() for name in text.split(",") if name.strip()]
    if isinstance(value, Mapping):
        return [str(name) for name in value]
    if isinstance(value, (list, tuple)):
        return [str(name) for name in value]
    return []


def check_export_fields(get: Callable[[str], object]) -> None:
    """``FEED_EXPORT_FIELDS`` (and a feed's ``fields``) name fields a record has: a misspelt
    one (``titel``) was exported as nothing, the record cut to the fields spelt right, exit 0
    (ops round 11)."""
    known = EXPORT_FIELDS + OPTIONAL_FIELDS
    lists = [("FEED_EXPORT_FIELDS", get("FEED_EXPORT_FIELDS"))]
    feeds = get("FEEDS")
    if isinstance(feeds, Mapping):
        lists += [
            (f"FEEDS[{short(target)}] fields", options.get("fields"))
            for target, options in feeds.items()
            if isinstance(options, Mapping)
        ]
    for where, value in lists:
        for name in _field_names(value):
            if name not in known:
                raise UsageError(
                    f"{where}: {short(name)} is not a field of newsbot's records"
                    f"{did_you_mean(name, known)}; the fields are {', '.join(EXPORT_FIELDS)} "
                    f"(and {', '.join(OPTIONAL_FIELDS)} when asked for)"
                )


_PASTED_PAIR = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:(?:[:=]|\s)\s*(.*))?", re.S)


def check_setting_pairs(pairs: Iterable[str]) -> None:
    """``-s NEWSBOT_ENV: test`` (a setting pasted from a YAML page or a wiki's table): one line
    naming the setting and the pair to write, where Scrapy says only ``Invalid -s value, use
    -s NAME=VALUE`` without naming it (operators, round 23)."""
    for pair in pairs:
        if "=" in pair:
            continue
        found = _PASTED_PAIR.fullmatch(pair)
        if found is None or not (found.group(2) or "").strip():
            name = found.group(1) if found is not None else short(pair)
            raise UsageError(f"-s {name}: expected NAME=VALUE (for example -s {name}=value)")
        name, value = found.group(1), found.group(2).strip()
        raise UsageError(f"-s {name}: {short(pair)} is not NAME=VALUE; write -s {name}={value}")


def check_mapping_values(pairs: Iterable[str], current: BaseSettings) -> None:
    """``-s FEEDS=...`` (or any other setting that is a mapping: ``ITEM_PIPELINES``,
    ``EXTENSIONS``, ...) is a JSON object; else one line naming the setting and what JSON
    found wrong, where Scrapy says only ``Invalid -s value, use -s NAME=VALUE`` (about a pair
    that *was* NAME=VALUE)."""
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not isinstance(current.get(name), (BaseSettings, Mapping)):
            continue
        example = '{"exports/out.jsonl": {"format": "jsonlines"}}' if name == "FEEDS" else "{...}"
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError as error:
            quotes = "; JSON needs double quotes" if "'" in value and '"' not in value else ""
            raise UsageError(
                f"-s {name}: not valid JSON ({error.msg} at column {error.colno}){quotes}; "
                f"expected an object such as {example}, in single quotes for the shell"
            ) from None
        if not isinstance(parsed, dict):
            raise UsageError(
                f"-s {name}: expected a JSON object such as {example}, "
                f"got {'a list' if isinstance(parsed, list) else short(value)}"
            )


OPEN_FILES_WANTED = 4096  # what the soft limit is raised to, when the hard limit allows
OPEN_FILES_NEEDED = 32  # below this a crawl fails on every article (ops6: a traceback each)


def raise_open_files_limit() -> None:
    """Raise the soft open-files limit towards the hard one (as servers do); a hard limit
    below :data:`OPEN_FILES_NEEDED` is one line and exit status 2 before the crawl, where the
    crawl used to fail once per article with ``Too many open files``."""
    try:
        import resource
    except ImportError:  # not on this platform
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    ceiling = OPEN_FILES_WANTED if hard == resource.RLIM_INFINITY else min(hard, OPEN_FILES_WANTED)
    if soft != resource.RLIM_INFINITY and soft < ceiling:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (ceiling, hard))
            soft = ceiling
        except (ValueError, OSError):
            pass
    if soft != resource.RLIM_INFINITY and soft < OPEN_FILES_NEEDED:
        raise UsageError(
            f"open-files limit {soft} is too low: a crawl needs at least {OPEN_FILES_NEEDED} "
            f"(raise it with ulimit -n {OPEN_FILES_WANTED}, or LimitNOFILE= in a systemd unit)"
        )


def check_jobdir(jobdir: str) -> None:
    """The job's folder exists or can be made, and can be written (not a file, not on a
    read-only disk); else :class:`UsageError` naming it."""
    folder = Path(jobdir)
    try:
        make_writable(folder)
    except OSError as exc:  # a file there or above it, a read-only disk, no permission
        raise jobdir_unusable(folder, exc) from None


def make_writable(folder: Path) -> None:
    """Make ``folder`` if it is missing; ``OSError`` if it cannot be made or written."""
    folder.mkdir(parents=True, exist_ok=True)
    if not os.access(folder, os.W_OK):
        raise PermissionError(errno.EACCES, "cannot be written")


def check_http_cache(settings: BaseSettings) -> None:
    """With ``HTTPCACHE_ENABLED`` (the development environment's default), the cache folder
    exists or can be made, and can be written; else :class:`UsageError` naming it. On a
    read-only disk or under a file, every response was a traceback, each page counted as a
    decoding failure and nothing exported (ops round 10)."""
    try:
        if not settings.getbool("HTTPCACHE_ENABLED"):
            return
    except ValueError:
        return  # check_values names it
    from scrapy.utils.project import data_path

    name = str(settings.get("HTTPCACHE_DIR") or "httpcache")
    try:
        folder = Path(data_path(name, createdir=False))
    except Exception:  # outside a project: Scrapy says so itself
        return
    try:
        make_writable(folder)
    except OSError as exc:
        raise UsageError(
            f"HTTPCACHE_DIR {folder} cannot be used: {exc.strerror or exc}; give the cache a "
            "folder it can write (-s HTTPCACHE_DIR=...) or turn it off "
            "(-s HTTPCACHE_ENABLED=False)"
        ) from None


def jobdir_unusable(folder: Path, exc: OSError) -> UsageError:
    """The one line for a JOBDIR the crawl cannot make or write."""
    return UsageError(
        f"JOBDIR {folder} cannot be used: {exc.strerror or exc}; give the crawl a folder it "
        "can write (-s JOBDIR=...)"
    )


# newsbot settings read with no default in settings.py (unset means "not used")
READ_WITHOUT_DEFAULT = (
    "NEWSBOT_BROWSER_CACHE_APART",
    "NEWSBOT_CHROMIUM",
    "NEWSBOT_EXPORTS_DIR",
    "NEWSBOT_MAX_PAGES",
    "NEWSBOT_NOISE_FILE",
    "NEWSBOT_NOISE_KINDS_FILE",
    "NEWSBOT_REDIS_URL",
    "NEWSBOT_SETTINGS_DIR",
)


def known_settings() -> set[str]:
    """The names Scrapy and newsbot define or read."""
    names = {n for n in dir(default_settings) if n.isupper()} | set(READ_WITHOUT_DEFAULT)
    return names | {n for n in dir(newsbot_settings) if n.isupper()}


def check_names(names: Iterable[str], where: str, known: set[str] | None = None) -> None:
    """A name that is not a known setting but is close to one is a misspelling:
    :class:`UsageError` naming it. Other unknown names are logged (another package may read
    them)."""
    known = known if known is not None else known_settings()
    for name in names:
        if not name.isupper() and name.upper() in known:
            raise UsageError(
                f"{where}: unknown setting {name!r} (did you mean {name.upper()!r}? setting "
                "names are in capitals)"
            )
        if name in known or not name.isupper() or name.startswith(_OTHER_PACKAGES):
            continue
        hint = did_you_mean(name, known)
        if hint:
            raise UsageError(f"{where}: unknown setting {name!r}{hint}")
        logger.warning("%s: %s is not a setting Scrapy or newsbot reads", where, name)


def cmdline_names(settings: BaseSettings) -> list[str]:
    """The names set on the command line (``-s``)."""
    cmdline = SETTINGS_PRIORITIES["cmdline"]
    return [name for name in settings if (settings.getpriority(name) or 0) >= cmdline]


def why_not_writable(folder: Path) -> str:
    """Why a folder cannot be written: a read-only file system, or permissions."""
    try:
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        read_only = False
    return "read-only file system" if read_only else f"no write permission on {folder}"


def check_log_file(settings: BaseSettings) -> None:
    """``LOG_FILE`` in a folder that is missing or cannot be written, or a logging switch
    that is no yes/no: :class:`UsageError` before Scrapy opens it (which would end in a
    traceback)."""
    _check_yes_no(settings.get, LOGGING_YES_NO)
    value = settings.get("LOG_FILE")
    if not value or not isinstance(value, (str, os.PathLike)):
        return
    path = Path(value)  # as Scrapy opens it: no ~ expansion
    folder = path.parent
    if path.is_dir():
        raise UsageError(f"LOG_FILE={short(str(value))}: a folder, not a file")
    if not folder.is_dir():
        hint = (
            "; ~ is not expanded here, write the full path"
            if str(value).startswith("~")
            else "; create it or choose another file"
        )
        raise UsageError(f"LOG_FILE={short(str(value))}: its folder {folder} does not exist{hint}")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UsageError(
            f"LOG_FILE={short(str(value))}: cannot be written ({why_not_writable(folder)})"
        )
    if _disk_full(folder):
        raise UsageError(
            f"LOG_FILE={short(str(value))}: its disk is full (no space left on device); "
            "free space on it or log elsewhere"
        )
    feeds = settings.getdict("FEEDS") if settings.get("FEEDS") else {}
    for target in feeds:
        # ops round 11: the finished export was renamed over the log, which was lost
        if "%(" not in str(target) and _same_path(Path(str(target)), path):
            raise UsageError(
                f"LOG_FILE={short(str(value))}: the export is written to the same file "
                "(the finished export would replace the log); log to another file"
            )


def _same_path(target: Path, log: Path) -> bool:
    try:
        return target.resolve() == log.resolve()
    except (OSError, RuntimeError, ValueError):
        return False


def _disk_full(folder: Path) -> bool:
    """Whether a byte written in ``folder`` finds no room (the probe leaves nothing)."""
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".newsbot-probe-") as probe:
            probe.write(b"x")
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    return False


def normalise_log_level(settings: BaseSettings) -> None:
    """``-L info`` as ``INFO`` (Python's logging knows only the capitals); a level that is
    none of them: :class:`UsageError`."""
    level = settings.get("LOG_LEVEL")
    if level is None:
        return
    priority = settings.getpriority("LOG_LEVEL") or 0
    settings.set("LOG_LEVEL", checked_log_level(level), priority=priority)


def checked_log_level(level: object) -> str:
    """``level`` as Python's logging knows it (`info` as `INFO`); a level that is none of
    them: :class:`UsageError`."""
    if not isinstance(level, str):
        # ops round 13: `LOG_LEVEL = 5` in an overlay was taken (-s LOG_LEVEL=10 was refused)
        raise UsageError(f"LOG_LEVEL={short(level)}: expected {one_of(LOG_LEVELS)}, in quotes")
    if level.strip().upper() not in LOG_LEVELS:
        raise UsageError(f"LOG_LEVEL={short(level)}: expected {one_of(LOG_LEVELS)}")
    return level.strip().upper()


def warn_depth_limit(get: Callable[[str], object]) -> None:
    """``DEPTH_LIMIT`` counts hops from the start pages, and newsbot's articles sit at every
    depth: a listing's second page is one hop, its articles two, their related articles three
    and more. Scrapy drops deeper requests with a DEBUG line only; the run then failed its
    exported-share check and nothing named the setting (ops round 9)."""
    limit = _limit(get("DEPTH_LIMIT"))
    if limit > 0:
        logger.warning(
            "DEPTH_LIMIT=%d: pages more than %d link(s) from a start page are dropped without "
            "a word (a listing's later pages, their articles, related articles); to crawl "
            "less, use -a related_depth, -a max_articles or NEWSBOT_MAX_PAGES",
            limit,
            limit,
        )


def _limit(value: object) -> int:
    """A limit setting's number; 0 when unset or not a number (check_values names that)."""
    try:
        return int(str(value).strip()) if value not in (None, "") else 0
    except ValueError:
        return 0


# Scrapy's count limits, what they count, and newsbot's way to ask for that much
_COUNT_LIMITS = {
    "CLOSESPIDER_ITEMCOUNT": ("items", "-a max_articles"),
    "CLOSESPIDER_PAGECOUNT": ("responses", "-a max_articles or NEWSBOT_MAX_PAGES"),
}


def warn_count_limits(get: Callable[[str], object]) -> None:
    """``CLOSESPIDER_ITEMCOUNT=5`` closes the spider once 5 items have passed, but the
    requests under way (and what their pages ask for) still finish and export: 206 records
    on the 2,000-article replica (ops round 10), then a failed health check (exit 4)."""
    for name, (counted, instead) in _COUNT_LIMITS.items():
        limit = _limit(get(name))
        if limit > 0:
            logger.warning(
                "%s=%d: Scrapy closes the spider after %d %s, but the requests already under "
                "way finish and are exported (expect more than %d), and the run ends as "
                "stopped (exit 4); to crawl that much, use %s",
                name,
                limit,
                limit,
                counted,
                limit,
                instead,
            )
