"""Incremental runs: export only what is new or changed, recover killed runs.

What it does, in the order of a run:

1. When the crawler is built (before any export is opened): if ``JOBDIR`` is set and the
   previous run with it was killed (its ``newsbot.running`` marker is still there), the
   JOBDIR's request queue, seen-requests file and spider state are discarded: after a kill
   they may mark requests seen whose items never reached a finished file. Then every
   ``*.jsonl.part`` left by a killed run in the export folders is recovered into a finished
   ``<name>.recovered.jsonl`` (complete lines kept, a torn last line dropped) and its ids are
   written to the seen-store. With ``-a fresh=1`` (or incremental runs off) the ``.part`` is
   set aside as ``.discarded`` instead, since that run crawls everything again anyway.
2. During the crawl, the spider middleware :class:`newsbot.incremental.middleware.
   IncrementalMiddleware` skips fetching an article already in the store when its listing
   entry shows the same title and source as last time (and its related articles were
   followed then, if they would be now), asking this extension (:meth:`seen`, :meth:`touch`).
3. Pipeline :class:`newsbot.pipelines.incremental.IncrementalPipeline` drops fetched articles
   whose content hash is unchanged and marks changed ones ``"update": true``.
   Before an article goes to the export, this run claims it in the store: an article
   another live run has claimed is left to that run (dropped here as ``claimed``), so two
   runs sharing a store never export it twice (see ``newsbot.incremental.store``).
4. Each exported item's ``(id, content hash, listing fingerprint)`` is kept in memory and
   written to the store (and this run's claims released) only at ``feed_exporter_closed``,
   once every export file is durable (written, fsynced, renamed, its folder fsynced): a
   crash or a failed export never marks an article seen that no finished file holds. After
   a failed export the claims are released and nothing is recorded.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import fcntl
import json
import logging
import os
import random
import re
import shutil
import sqlite3
import time
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.extensions.feedexport import FeedExporter
from scrapy.settings import SETTINGS_PRIORITIES

from newsbot import settings as defaults
from newsbot.distributed.connection import timeout_of
from newsbot.distributed.expansion import LocalExpansions, RedisExpansions
from newsbot.distributed.quota import LocalQuota, RedisQuota
from newsbot.durations import AmbiguousDuration, parse_duration
from newsbot.exitcodes import ExportFailed, UsageError
from newsbot.extensions.context import run_context
from newsbot.feeds import LINE_FORMATS, fixed_folder, local_path
from newsbot.incremental.hashing import content_hash, listing_fingerprint
from newsbot.incremental.jobstate import damage
from newsbot.incremental.recovery import (
    Recovery,
    adopt_export,
    discard_part,
    find_parts,
    find_unsummarised,
    hold_lock,
    recover_part,
)
from newsbot.incremental.store import (
    CLAIMED,
    KEEPALIVE_EVERY,
    SeenRecord,
    _safe_url,
    is_redis_url,
    open_store,
)
from newsbot.outcome import EXPORT_ERROR_STAT, EXPORT_FAILED_STAT, export_failed
from newsbot.settings_check import check_jobdir, jobdir_unusable, why_not_writable
from newsbot.spiders.arguments import changed_arguments, shaping_arguments
from newsbot.spiders.requests import (
    article_failed,
    article_of,
    follows_related,
    is_expand_only,
)
from newsbot.stats import Stats

logger = logging.getLogger(__name__)

CMDLINE = SETTINGS_PRIORITIES["cmdline"]
MARKER = "newsbot.running"
# held locked (flock) while a crawl runs on the JOBDIR: the marker alone was checked, then
# written, and two jobs started in the same instant both took the JOBDIR (ops round 11)
LOCK = "newsbot.lock"
ARGUMENTS_FILE = "newsbot.arguments.json"  # the -a arguments of the crawl a JOBDIR holds
SPIDER_KEY = "_spider"  # ... and in it, the spider that crawl was (an argument has no `_`)
# articles listed / fetched without their related, for the run that resumes the job
EXPANSIONS_FILE = "newsbot.expansions.json"
QUOTA_FILE = "newsbot.quota.json"  # the articles a stopped job scheduled (max_articles)
JOBDIR_STATE = (
    "requests.queue",
    "requests.seen",
    "spider.state",
    ARGUMENTS_FILE,
    EXPANSIONS_FILE,
    QUOTA_FILE,
)


def parse_age(value: Any) -> float:
    """``2592000``, ``"30d"``, ``"12h"``, ``"2w"`` -> seconds (0: never expire; a negative
    age is refused)."""
    try:
        seconds = parse_duration(value)
    except AmbiguousDuration as exc:
        raise UsageError(f"NEWSBOT_SEEN_MAX_AGE={exc}") from None
    except ValueError:
        raise UsageError(
            f"NEWSBOT_SEEN_MAX_AGE={value!r}: not a duration; expected a number of seconds "
            "or a number with s, m, h, d or w, such as 30d"
        ) from None
    if seconds < 0:  # `-1d`: a typo, not a wish; 0 is the way to keep every entry
        raise UsageError(
            f"NEWSBOT_SEEN_MAX_AGE={value!r}: a negative age; give one such as 30d, or 0 to "
            "keep every entry for ever"
        )
    if 0 < seconds < BARE_AGE_MIN_SECONDS:
        try:
            parse_duration(value, unit_required=True)
        except ValueError:  # a bare number: seconds, and `30` meant days more often than not
            raise UsageError(
                f"NEWSBOT_SEEN_MAX_AGE={value!r}: {value} seconds would forget every article "
                f"before the next run; give the unit: {value}d for days, {value}s for seconds"
            ) from None
        # `1m`, `30s`: the run would start by forgetting almost every article it has recorded
        # (ops round 14: `1m` emptied a store of 2,323 entries, exit 0) and every run after
        # it would export them all again
        raise UsageError(
            f"NEWSBOT_SEEN_MAX_AGE={value!r}: under an hour would forget every article before "
            "the next run and export them all again; give days, such as 30d (0: keep every "
            "entry)"
        )
    return seconds


_URL_LIKE = re.compile(r"(redis|rediss|unix)\s*:", re.IGNORECASE)
_OTHER_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*)://", re.IGNORECASE)


def check_store_location(location: str) -> None:
    """A location that starts like a Redis URL but is not one (``redis:/127.0.0.1:6379/0``,
    a slash short; ``REDIS://...``) is refused: it was opened as an SQLite file under a new
    ``redis:`` folder, and the run exported everything as new (ops round 14)."""
    if _URL_LIKE.match(location) and not is_redis_url(location):
        raise UsageError(
            f"NEWSBOT_SEEN_STORE={_safe_url(location)!r}: looks like a Redis URL but is not "
            "one; write redis://HOST:PORT/DB (or rediss://, unix://), or a file path"
        )
    other = _OTHER_SCHEME.match(location)
    if other and not is_redis_url(location):
        # blind ops round 11: `sqlite:///path` (SQLAlchemy's spelling) made a folder named
        # `sqlite:` in the project and kept the store there
        raise UsageError(
            f"NEWSBOT_SEEN_STORE={_safe_url(location)!r}: a {other.group(1)}:// URL is no "
            "seen-store location; give the SQLite file's path (such as "
            ".newsbot/seen.sqlite) or a redis:// URL"
        )


BARE_AGE_MIN_SECONDS = 3600  # an age under an hour (a bare number: a forgotten unit) is refused


LOCKED_RETRY_SECONDS = 10.0  # a store locked at start is tried again for this long

# What SQLite says when a good store cannot be used now: its disk, its permissions or
# another process, not the setting (the store keeps the incremental history: never move it)
_STORE_CONDITIONS = (
    ("locked", "another process holds it (a run, or a tool with an open transaction); "
     "run again when it is free"),
    ("readonly", "it cannot be written by this user; make the file and its folder writable"),
    ("disk i/o", "its disk failed or is full; free space on it"),
    ("disk is full", "its disk is full; free space on it"),
)  # fmt: skip


def _open_checked(
    location: str, spider: str, max_age: float, timeout: float | None = None
) -> tuple[Any, int]:
    """The seen-store, opened and expired; :class:`UsageError` naming the setting when the
    file is not a seen-store (corrupt, another kind of file, a folder); :class:`ExportFailed`
    (exit status 3) when a store cannot be used now (locked, read-only, a full disk)."""
    try:
        _check_room(location)
        return _open_when_free(location, spider, max_age, timeout)
    except (sqlite3.Error, OSError) as exc:
        why = f"{type(exc).__name__}: {exc}"
        condition = _store_condition(exc, location)
        if condition is not None:
            kept = (
                "the store is left as it is (it holds what earlier runs exported)"
                if Path(location).exists()
                else "nothing was crawled"
            )
            raise ExportFailed(
                f"NEWSBOT_SEEN_STORE={str(location)!r} cannot be used now ({why}): {condition}; "
                f"{kept}"
            ) from None
        folder = Path(location).parent
        if not Path(location).exists() and "://" not in location and not folder.is_dir():
            raise UsageError(
                f"NEWSBOT_SEEN_STORE={str(location)!r}: its folder {folder} does not exist; "
                "create it or choose another path"
            ) from None
        raise UsageError(
            f"NEWSBOT_SEEN_STORE={str(location)!r}: not a usable seen-store "
            f"({why}); expected an SQLite file newsbot created, a new "
            "path, or a redis:// URL (move the file aside to start afresh)"
        ) from None
    except Exception as exc:
        if not type(exc).__module__.startswith("redis"):
            raise
        # ops round 12: a Redis store that does not answer was two chained tracebacks, exit 1
        raise ExportFailed(
            f"NEWSBOT_SEEN_STORE={_safe_url(str(location))!r} cannot be used now "
            f"({type(exc).__name__}: {exc}): start redis-server or fix the URL; nothing was "
            "crawled"
        ) from None


STORE_MIN_FREE_BYTES = 1024 * 1024  # room for a run's claims and records (its WAL grows)


def _check_room(location: str) -> None:
    """A store on a disk with under ``STORE_MIN_FREE_BYTES`` free fails before the crawl
    (``ENOSPC``), not after it: opening it writes nothing, so a full disk was found only when
    the run's records were written at the end, after the whole crawl."""
    if "://" in location:
        return
    folder = Path(location).parent
    try:
        stats = os.statvfs(folder if folder.is_dir() else ".")
    except OSError:
        return  # the open says what is wrong with the folder
    if stats.f_bavail * stats.f_frsize < STORE_MIN_FREE_BYTES:
        raise OSError(errno.ENOSPC, f"{stats.f_bavail * stats.f_frsize // 1024} KB free")


def _open_when_free(
    location: str, spider: str, max_age: float, timeout: float | None = None
) -> tuple[Any, int]:
    """Open and expire the store, trying again for a few seconds while it is locked: two
    runs that start together both set up a new store, and SQLite answers a journal-mode
    change or a write that would deadlock with "database is locked" at once, without its
    busy timeout."""
    deadline = time.monotonic() + LOCKED_RETRY_SECONDS
    while True:
        try:
            store = open_store(location, spider, timeout)
            return store, store.expire(max_age)
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05 + random.random() * 0.2)


def _store_condition(exc: BaseException, location: str) -> str | None:
    """Why a store cannot be used now, or None when the setting itself is wrong."""
    if isinstance(exc, PermissionError):
        return "it cannot be read or written by this user; fix the file's or its folder's owner"
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return "its disk is full; free space on it"
    if not isinstance(exc, sqlite3.OperationalError):
        return None
    text = str(exc).casefold()
    for words, condition in _STORE_CONDITIONS:
        if words in text:
            return condition
    if "unable to open" in text and not Path(location).is_dir() and Path(location).exists():
        return "it cannot be opened by this user; fix the file's or its folder's owner"
    folder = Path(location).parent
    if "unable to open" in text and folder.is_dir() and not os.access(folder, os.W_OK):
        # ops round 13: a new store on a read-only disk said "move the file aside", exit 2
        return f"its folder cannot be written ({why_not_writable(folder)}); choose a writable one"
    return None


def feed_folders(feeds: dict[str, Any], spider_name: str) -> list[Path]:
    """Local folders the JSON Lines feeds of this spider are written to."""
    folders: list[Path] = []
    for uri, options in feeds.items():
        fmt = (options or {}).get("format", "jsonlines")
        if fmt not in LINE_FORMATS:
            continue
        path = local_path(str(uri))
        if path is None:
            continue  # s3://, ftp://...: not ours to recover
        folder = fixed_folder(Path(path.replace("%(name)s", spider_name)).parent)
        if folder not in folders:
            folders.append(folder)
    return folders


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _lock(path: Path) -> IO[bytes] | None:
    """``path`` opened and locked for this process; None when another process holds it."""
    handle = open(path, "ab")  # noqa: SIM115 - held open while the crawl runs
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle


def _marker_pid(marker: Path) -> int:
    try:
        return int(marker.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0


def _in_use(folder: Path, pid: int) -> UsageError:
    by = f"a running crawl (pid {pid})" if pid else "a running crawl"
    return UsageError(
        f"JOBDIR {folder} is in use by {by}: let it finish, or give this run a JOBDIR of its "
        "own (-s JOBDIR=...)"
    )


def _clear_jobdir(folder: Path) -> None:
    for name in JOBDIR_STATE:
        path = folder / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


class IncrementalRuns:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.name = crawler.spider.name
        context = run_context(crawler)
        self.fresh = context.fresh
        self.since = context.since  # a run that skips what is older than this
        self.related_depth = context.related_depth
        self.stats = Stats(crawler)
        self.enabled = settings.getbool("NEWSBOT_INCREMENTAL", defaults.NEWSBOT_INCREMENTAL)
        self.location = settings.get("NEWSBOT_SEEN_STORE") or defaults.NEWSBOT_SEEN_STORE
        check_store_location(str(self.location))
        if "://" not in str(self.location):
            self.location = os.path.expanduser(str(self.location))  # `~/newsbot/seen.sqlite`
        redis_url = settings.get("NEWSBOT_REDIS_URL")
        explicit = (settings.getpriority("NEWSBOT_SEEN_STORE") or 0) >= CMDLINE
        if redis_url and not explicit:
            self.location = redis_url  # distributed mode: one store for every worker
        # Workers of one distributed crawl never fetch the same article (shared queue and
        # duplicate filter; a dead worker's requests go back to the queue): no item claims
        # there, which would hold a dead worker's articles until its keepalive expired.
        self.claiming = not redis_url
        # Depth upgrades the spider cannot see (newsbot.distributed.expansion): across
        # workers (Redis), and across a JOBDIR resume (in memory); used by the middleware.
        # distributed: a killed worker's claims are crawled again by the others (issue 17)
        self.distributed = bool(redis_url)
        self.expansions: Any = (
            RedisExpansions(redis_url, self.name, timeout_of(settings))
            if redis_url
            else LocalExpansions(track_depths=self._tracks_depths(settings))
        )
        # max_articles for the whole crawl: its workers, its stopped and resumed runs
        self.quota: Any = (
            RedisQuota(redis_url, self.name, context.max_articles, timeout_of(settings))
            if redis_url
            else LocalQuota(context.max_articles)
        )
        self.expanded_elsewhere: set[str] = set()  # refetched to follow their related
        # pages whose related articles this run asked for: by URL, the article each is
        self.page_ids: dict[str, str] = {}
        self.failed_from: set[str] = set()  # pages a related article failed to come from
        self.max_age = parse_age(
            settings.get("NEWSBOT_SEEN_MAX_AGE", defaults.NEWSBOT_SEEN_MAX_AGE)
        )
        self.run_id = str(settings.get("NEWSBOT_RUN_ID") or os.getpid())
        self.store_error: Exception | None = None
        self.keepalive: Any = None
        self.pending: dict[str, SeenRecord] = {}  # exported this run
        self.touched: dict[str, SeenRecord] = {}  # seen again (skipped or unchanged)
        self.recoveries: list[Recovery] = []
        self.discarded: list[Path] = []
        self.jobdir_reset = False
        self.resumed = False  # a stopped JOBDIR job, continued
        self.locks: dict[Path, IO[bytes]] = {}
        self._locked_names: set[str] = set()  # .part files already handled (str: cheap)
        self.store = None
        self.expired = 0
        self.committed = False
        self.marker: Path | None = None
        self.jobdir_lock: IO[bytes] | None = None
        self.opened = False  # spider_opened: this run started crawling
        self.reason: str | None = None

        self._check_jobdir(settings.get("JOBDIR"))
        self._check_resumed_arguments(settings.get("JOBDIR"))
        self._resume_expansions()
        self._resume_quota()
        if self.enabled:
            self.store, self.expired = _open_checked(
                self.location, self.name, self.max_age, timeout_of(settings)
            )
        self._recover(feed_folders(settings.getdict("FEEDS"), self.name))

    @classmethod
    def from_crawler(cls, crawler: Any) -> IncrementalRuns:
        if getattr(crawler, "spider", None) is None:
            raise NotConfigured("no spider")
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(ext.article_failed, signal=article_failed)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.feed_exporter_closed, signal=signals.feed_exporter_closed)
        return ext

    # -- before the crawl ------------------------------------------------------------------
    def _check_jobdir(self, jobdir: str | None) -> None:
        if not jobdir:
            return
        folder = Path(jobdir)
        check_jobdir(jobdir)  # as the settings check did before Scrapy's job_dir
        try:
            self._claim_jobdir(folder)
        except OSError as exc:  # the marker cannot be written: a full disk
            raise jobdir_unusable(folder, exc) from None

    def _claim_jobdir(self, folder: Path) -> None:
        self.marker = folder / MARKER
        self.jobdir_lock = _lock(folder / LOCK)
        if self.jobdir_lock is None:
            raise _in_use(folder, _marker_pid(self.marker))
        if self.marker.exists():
            pid = _marker_pid(self.marker)
            if pid and pid != os.getpid() and _pid_alive(pid):
                self._release_jobdir()
                raise _in_use(folder, pid)
            _clear_jobdir(folder)
            self.jobdir_reset = True
            logger.warning(
                "JOBDIR %s: the previous run was killed (not stopped gracefully); its request "
                "queue and seen requests are discarded, the crawl starts over and the "
                "seen-store and recovered exports keep it from exporting anything twice",
                folder,
            )
        else:
            lifo = "Lifo" in str(self.crawler.settings.get("SCHEDULER_DISK_QUEUE") or "")
            damaged = damage(folder, lifo_queues=lifo)
            if damaged:
                _clear_jobdir(folder)
                self.jobdir_reset = True
                logger.warning(
                    "JOBDIR %s: the stopped job's saved state cannot be read back (%s); it is "
                    "discarded, the crawl starts over and the seen-store and recovered exports "
                    "keep it from exporting anything twice",
                    folder,
                    damaged,
                )
        self.marker.write_text(f"{os.getpid()}\n")
        # a run refused before it opened (a broken settings file, exit 2) leaves the job as
        # it found it: without this run's marker, which would make the next run take the
        # stopped job for a killed one and discard it
        atexit.register(self._unclaim_unopened)

    def _unclaim_unopened(self) -> None:
        marker = self.marker
        if self.opened or marker is None:
            return
        if _marker_pid(marker) == os.getpid():
            with contextlib.suppress(OSError):
                marker.unlink()
        self._release_jobdir()

    def _release_jobdir(self) -> None:
        """Unlock the JOBDIR (the process's end does it too; a crawl run in-process does not
        end it)."""
        lock, self.jobdir_lock = self.jobdir_lock, None
        if lock is not None:
            lock.close()

    def _check_resumed_arguments(self, jobdir: str | None) -> None:
        """A JOBDIR resumed with other ``-a`` arguments than the crawl it holds is refused: its
        queued requests were made for the old ones, so the run would silently be neither.
        The arguments are written down when the crawl starts."""
        if not jobdir:
            return
        folder = Path(jobdir)
        current = shaping_arguments(getattr(self.crawler.spider, "args", None))
        spider = getattr(self.crawler.spider, "name", None)
        path = folder / ARGUMENTS_FILE
        self.resumed = (folder / "requests.queue").exists()
        if self.resumed and path.exists():
            try:
                before = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                before = None
            held = before.pop(SPIDER_KEY, None) if isinstance(before, dict) else None
            if held is not None and spider is not None and held != spider:
                # ops round 7: `scrapy crawl river` on daily8's JOBDIR read daily8's queue
                # with the river's callbacks (tracebacks, exit 0) and wiped the stopped job
                if self.marker is not None:
                    self.marker.unlink(missing_ok=True)  # nothing of this run started
                self._release_jobdir()
                raise UsageError(
                    f"JOBDIR {folder} holds a stopped crawl of the {held} spider, not {spider}: "
                    f"resume it with scrapy crawl {held}, or give this run a JOBDIR of its own "
                    "(-s JOBDIR=...)"
                )
            if isinstance(before, dict) and before != current:
                changed = changed_arguments(before, current)
                if self.marker is not None:
                    self.marker.unlink(missing_ok=True)  # nothing of this run started
                self._release_jobdir()
                raise UsageError(
                    f"JOBDIR {folder} holds a stopped crawl with other arguments ({changed}): "
                    "resume it with the same -a arguments, or give this run a JOBDIR of its "
                    f"own (-s JOBDIR=...), or delete {folder} to start over"
                )
        try:
            written = {**current, SPIDER_KEY: spider} if spider else current
            path.write_text(json.dumps(written, sort_keys=True) + "\n", encoding="utf-8")
        except OSError as exc:
            logger.warning(
                "JOBDIR %s: could not write down this crawl's arguments: %s", folder, exc
            )

    def _tracks_depths(self, settings: Any) -> bool:
        """A JOBDIR job that follows related of related keeps the depth each article was
        parsed at, for the run that resumes it."""
        return bool(settings.get("JOBDIR")) and self.related_depth >= 2

    def _resume_expansions(self) -> None:
        """A resumed job continues the stopped run's expansion bookkeeping (in its JOBDIR)."""
        if not self.resumed or self.distributed or self.marker is None:
            return
        path = self.marker.parent / EXPANSIONS_FILE
        if not path.exists():
            return
        try:
            self.expansions = LocalExpansions.load(path, self.expansions.track_depths)
        except (OSError, ValueError) as exc:
            logger.warning(
                "JOBDIR %s: could not read %s (%s): articles the stopped run fetched as "
                "related entries may not get their own related followed",
                path.parent,
                path.name,
                exc,
            )

    def _resume_quota(self) -> None:
        """A resumed job counts the articles the stopped run scheduled against max_articles."""
        if not self.resumed or self.distributed or self.marker is None:
            return
        path = self.marker.parent / QUOTA_FILE
        if self.quota.limit is None or not path.exists():
            return
        try:
            self.quota = LocalQuota.load(path, self.quota.limit)
        except (OSError, ValueError) as exc:
            logger.warning(
                "JOBDIR %s: could not read %s (%s): max_articles counts from 0 again",
                path.parent,
                path.name,
                exc,
            )

    def _save_quota(self) -> None:
        if self.distributed or self.marker is None or self.reason == "finished":
            return
        if self.quota.limit is None:
            return
        try:
            self.quota.save(self.marker.parent / QUOTA_FILE)
        except OSError as exc:
            logger.warning("JOBDIR %s: could not save %s: %s", self.marker.parent, QUOTA_FILE, exc)

    def _save_expansions(self) -> None:
        """A stopped job keeps the bookkeeping for the run that resumes it."""
        if self.distributed or self.marker is None or self.reason == "finished":
            return
        try:
            self.expansions.save(self.marker.parent / EXPANSIONS_FILE)
        except OSError as exc:
            logger.warning(
                "JOBDIR %s: could not save %s: %s", self.marker.parent, EXPANSIONS_FILE, exc
            )

    def _recover(self, folders: list[Path]) -> None:
        self._recover_parts(folders)
        if self.store is not None and not self.fresh and not self.distributed:
            self._adopt_finished(folders)

    def _unrecorded(self, record: dict[str, Any]) -> bool:
        """A killed run's record the seen-store does not hold as it is (kept: recorded now)."""
        assert self.store is not None
        seen = self.store.get(str(record.get("id")))
        return seen is None or seen.content_hash != content_hash(record)

    def _record_recovered(self, records: list[dict[str, Any]]) -> None:
        assert self.store is not None
        now = time.time()
        self.store.put_many(
            SeenRecord(str(r["id"]), content_hash(r), listing_fingerprint(r), False, now)
            for r in records
            if r.get("id")
        )

    def _adopt_finished(self, folders: list[Path]) -> None:
        """ops round 13: a run killed after renaming its export and before recording it
        left a whole export the seen-store did not know, and the next run exported every
        article again. Its articles are recorded now, and its summary written."""
        for path in find_unsummarised(folders):
            result = adopt_export(path, self._unrecorded)
            if result is None:
                continue
            self._record_recovered(result.records)
            if result.records:
                self._stat("recovered/adopted_items", len(result.records))
                logger.warning(
                    "Recorded %d article(s) of %s in the seen-store: the run that wrote it was "
                    "killed as it closed (its export is whole; not exported again)",
                    len(result.records),
                    path,
                )

    def _recover_parts(self, folders: list[Path]) -> None:
        parts = find_parts(folders)
        if not parts:
            return
        if self.store is None or self.fresh or self.distributed:
            for part in parts:
                target = discard_part(part)
                if target is not None:
                    self.discarded.append(target)
                    logger.warning(
                        "Killed run's partial export %s set aside as %s (%s run: its articles "
                        "are crawled again)",
                        part,
                        target,
                        "distributed"
                        if self.distributed
                        else "fresh"
                        if self.fresh
                        else "non-incremental",
                    )
            return
        for part in parts:
            result = recover_part(part, keep=self._unrecorded)
            if result is None:
                logger.info("Not recovering %s: a running crawl is writing it", part)
                continue
            self._record_recovered(result.records)
            self.recoveries.append(result)
            logger.warning(
                "Recovered %d article(s) from a killed run: %s -> %s (%d torn line(s) dropped, "
                "%d already exported)",
                len(result.records),
                part,
                result.target or "(nothing to keep; removed)",
                result.torn_lines,
                result.skipped,
            )

    # -- the crawl -------------------------------------------------------------------------
    def _stat(self, key: str, count: int = 1) -> None:
        self.stats.inc(key, count)

    def spider_opened(self, spider: Any) -> None:
        self.opened = True
        if self.recoveries:
            self._stat("recovered/files", sum(1 for r in self.recoveries if r.target))
            self._stat("recovered/items", sum(len(r.records) for r in self.recoveries))
            self._stat("recovered/torn_lines", sum(r.torn_lines for r in self.recoveries))
        if self.discarded:
            self._stat("recovered/discarded_files", len(self.discarded))
        if self.jobdir_reset:
            self._stat("recovered/jobdir_reset")
        if self.resumed:
            self._stat("recovered/resumed_job")
        if self.store is None:
            logger.info("Incremental runs off (NEWSBOT_INCREMENTAL=0): exporting everything")
            return
        if self.claiming:
            self._start_keepalive()
        if self.expired:
            self._stat("incremental/expired", self.expired)
        if self.fresh:
            logger.info(
                "fresh=1: ignoring the seen-store (%s) for this run", self.store.description
            )
            return
        logger.info(
            "Incremental run: seen-store %s (%d articles, %d expired)",
            self.store.description,
            len(self.store),
            self.expired,
        )

    def _verdict(self, item: Mapping[str, Any]) -> str:
        assert self.store is not None
        record = None if self.fresh else self.store.get(str(item.get("id")))
        if record is None:
            return "new"
        return "unchanged" if record.content_hash == content_hash(item) else "update"

    def _start_keepalive(self) -> None:
        """Tell runs on other machines (Redis store) that this run's claims are alive."""
        from twisted.internet.task import LoopingCall

        def keepalive() -> None:
            if self.store is not None and not self.committed:
                try:
                    self.store.keepalive(self.run_id)
                except Exception as exc:  # Redis away for a moment: try again next time
                    logger.debug("Seen-store keepalive failed: %s", exc)

        self.keepalive = LoopingCall(keepalive)
        self.keepalive.start(KEEPALIVE_EVERY, now=True)

    def seen(self, article_id: str) -> SeenRecord | None:
        """What the store holds about an article (None: unknown, fresh run, or no store)."""
        if self.store is None or self.fresh:
            return None
        return self.store.get(article_id)

    def touch(self, record: SeenRecord) -> None:
        """The article was seen again this run (skipped unchanged): keep it from expiring."""
        self.touched[record.id] = SeenRecord(
            record.id, record.content_hash, record.fingerprint, record.expanded, time.time()
        )

    def mark_expanded(self, article_id: str) -> None:
        """The article is asked for again only to follow its related: record it expanded."""
        self.expanded_elsewhere.add(article_id)
        record = self.pending.get(article_id)
        if record is not None:
            self.pending[article_id] = SeenRecord(
                record.id, record.content_hash, record.fingerprint, True, record.seen_at
            )

    def classify(self, item: Mapping[str, Any]) -> str:
        """``new``, ``update``, ``unchanged`` (``new`` when fresh/off), ``expand_only``, or
        ``claimed`` (another live run sharing the store exports it).

        ``new`` and ``update`` claim the article for this run."""
        if is_expand_only(item.get("found_via")):
            return "expand_only"
        if self.store is None:
            return "new"
        stats = self.crawler.stats
        if self.store_error is not None or (stats and stats.get_value(EXPORT_FAILED_STAT)):
            return "new"  # the run is failing already: nothing is recorded, claim nothing
        try:
            if self.claiming:
                verdict = self.store.claim(
                    str(item.get("id")), content_hash(item), self.run_id, check_seen=not self.fresh
                )
            else:
                verdict = self._verdict(item)
        except Exception as exc:  # sqlite3.Error, OSError, redis errors: the store is broken
            self._store_failed(exc)
            return "new"
        if verdict == CLAIMED:
            logger.debug("Left %s to another run that exports it now", item.get("url"))
        return verdict

    def _record_run(self) -> None:
        """Every export is durable: record its articles and release the claims, at once."""
        assert self.store is not None
        try:
            written = self.store.commit(
                self._vouched([*self.pending.values(), *self.touched.values()]), self.run_id
            )
        except Exception as exc:
            self._commit_failed(exc)
            self._release_run()
            return
        self._stat("incremental/recorded", len(self.pending))
        logger.info(
            "Seen-store: recorded %d exported article(s), refreshed %d (%d writes)",
            len(self.pending),
            len(self.touched),
            written,
        )

    def _release_run(self) -> None:
        """An export failed: record nothing, release the claims (the next run takes them)."""
        assert self.store is not None
        try:
            self.store.release(self.run_id)
        except Exception as exc:  # stale claims are taken over once this process is gone
            logger.warning("Seen-store: could not release this run's claims (%s)", exc)
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        if self.pending and not export_failed(stats):  # a failure said so already
            logger.error(
                "Exports not finished: %d exported article(s) NOT recorded in the "
                "seen-store; the next run exports them again",
                len(self.pending),
            )

    def _commit_failed(self, error: Exception) -> None:
        """The exports are durable but the store could not record them: each is set aside
        as ``<name>.unrecorded`` (out of ``*.jsonl``), so the next run, which exports those
        articles again, doubles nothing."""
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(EXPORT_FAILED_STAT)
        aside = []
        for slot in self._feed_slots():
            storage = slot.storage
            if not getattr(storage, "committed", False):
                continue
            target = Path(f"{storage.path}.unrecorded")
            try:
                os.replace(storage.path, target)
            except OSError:
                continue
            storage.committed = False
            storage.error = OSError(f"the seen-store could not record it; set aside as {target}")
            storage.set_aside = str(target)
            aside.append(str(target))
        if self.crawler.stats is not None and aside:
            self.crawler.stats.set_value(
                EXPORT_ERROR_STAT, f"the seen-store could not record the export ({error})"
            )
        logger.error(
            "Export failed: seen-store %s could not record this run's %d article(s) (%s); "
            "the export is set aside as %s and the next run exports them again",
            self.store.description if self.store is not None else "?",
            len(self.pending),
            error,
            ", ".join(aside) or "(no file)",
        )

    def _store_failed(self, error: Exception) -> None:
        """The seen-store cannot be written: nothing of this run can be recorded, so its
        exports fail too (else the next run would export their articles again)."""
        self.store_error = error
        description = self.store.description if self.store is not None else "?"
        reason = OSError(f"seen-store {description} cannot be written ({error})")
        slots = [s for s in self._feed_slots() if hasattr(s.storage, "fail")]
        for slot in slots:
            slot.storage.fail(reason)
        if not slots:
            logger.error("%s; the crawl stops", reason)
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value(EXPORT_FAILED_STAT)
            engine = getattr(self.crawler, "engine", None)
            if engine is not None and engine.running:
                from scrapy.utils.defer import _schedule_coro

                _schedule_coro(engine.close_spider_async(reason="export_failed"))

    def _record(self, item: Any, response: Any) -> SeenRecord | None:
        article_id = _item_id(item)
        if article_id is None:
            return None
        article = article_of(response) or {}
        fingerprint = listing_fingerprint(article.get("hint")) or listing_fingerprint(item)
        # the depth the spider parsed it at, lowered when a shorter path turned up
        depth = article.get("depth", 0)
        if not isinstance(depth, int):
            depth = self.related_depth
        expanded = (
            not follows_related(article)  # its related articles do not come from its page
            or depth < self.related_depth
            or article_id in self.expanded_elsewhere
        )
        if follows_related(article) and depth < self.related_depth:
            self.page_ids[str(getattr(response, "url", ""))] = article_id
        return SeenRecord(article_id, content_hash(item), fingerprint, expanded, time.time())

    def article_failed(self, request: Any, kind: str) -> None:
        """A related article could not be fetched: the page it came from is not recorded as
        expanded, so the next run reads it again and asks for the article once more (a page
        gone for good, 404 or 410, is not asked for again)."""
        article = article_of(request) or {}
        found_via = article.get("found_via") or {}
        if found_via.get("kind") == "related" and kind not in _GONE_FOR_GOOD:
            self.failed_from.add(str(found_via.get("url")))

    def _vouched(self, records: list[SeenRecord]) -> list[SeenRecord]:
        """What the run can vouch for. A run that did not finish (stopped, interrupted) may
        not have fetched the related articles it asked for, and a ``since`` run skipped the
        older ones: none of the pages they read is recorded as expanded. Nor is a page one
        of whose related articles failed."""
        doubtful = {self.page_ids[url] for url in self.failed_from if url in self.page_ids}
        if self.reason != "finished" or self.since is not None:
            # a `since` run leaves the related entries older than its window unfetched: a
            # later run must read the pages again to follow them (ops round 12: a `since`
            # run, then normal runs, never exported two related articles)
            doubtful |= set(self.page_ids.values())
        if doubtful:
            self._stat("incremental/unexpanded_recorded", len(doubtful))
        return [
            SeenRecord(r.id, r.content_hash, r.fingerprint, False, r.seen_at)
            if r.id in doubtful and r.expanded
            else r
            for r in records
        ]

    def item_scraped(self, item: Any, response: Any, spider: Any) -> None:
        self._lock_own_parts()
        # new or updated as exported: a later pipeline (dedupe) may still drop an item
        # the incremental pipeline let through
        self.stats.inc("incremental/" + ("update" if item.get("update") else "new"))
        if self.store is None:  # without a store nothing is recorded: no content hash
            return
        record = self._record(item, response)
        if record is not None:
            self.pending[record.id] = record
            self.touched.pop(record.id, None)

    def item_dropped(self, item: Any, response: Any, exception: Exception, spider: Any) -> None:
        if self.store is None or is_expand_only(item.get("found_via")):
            return
        record = self._record(item, response)
        if record is None:
            return
        if getattr(exception, "newsbot_unchanged", False) and record.id not in self.pending:
            self.touched[record.id] = record

    def _feed_slots(self) -> list[Any]:
        exporter = self.crawler.get_extension(FeedExporter)
        return list(exporter.slots) if exporter is not None else []

    def _lock_own_parts(self) -> None:
        """Hold a flock on our own ``.part`` files so no other run recovers them."""
        for slot in self._feed_slots():
            temporary = getattr(slot.storage, "temporary", None)  # AtomicFileFeedStorage
            if temporary is None or str(temporary) in self._locked_names:
                continue
            self._locked_names.add(str(temporary))
            handle = hold_lock(Path(temporary))
            if handle is not None:
                self.locks[Path(temporary)] = handle

    # -- after the crawl -------------------------------------------------------------------
    def spider_closed(self, spider: Any, reason: str) -> None:
        self.reason = reason
        if not self._feed_slots():  # no feed at all: nothing is exported, nothing to commit
            self._finish(exports_ok=False)

    def _exports_finished(self) -> bool:
        """Every export durable under its final name, no write failed."""
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        if export_failed(stats):
            return False
        for slot in self._feed_slots():
            committed = getattr(slot.storage, "committed", None)
            if committed is not None:  # newsbot.feeds.AtomicFileFeedStorage
                if slot.itemcount and not committed:
                    return False
                continue
            final = getattr(slot.storage, "path", None)
            if final is not None and slot.itemcount and not Path(final).exists():
                return False
        return True

    def feed_exporter_closed(self) -> None:
        self._finish(exports_ok=self._exports_finished())

    def _finish(self, exports_ok: bool) -> None:
        if self.committed:
            return
        self.committed = True
        for handle in self.locks.values():
            handle.close()
        self.locks.clear()
        if self.keepalive is not None and self.keepalive.running:
            self.keepalive.stop()
        if self.store is not None:
            if exports_ok and self.store_error is None:
                self._record_run()
            else:
                self._release_run()
            self.store.close()
        self._save_expansions()
        self.expansions.close()
        self._save_quota()
        self.quota.close()
        if self.marker is not None and self.marker.exists():
            try:
                if self.reason == "finished":
                    # a finished job needs no resume: the next scheduled run starts afresh
                    # (Scrapy would otherwise filter its start requests as already seen)
                    _clear_jobdir(self.marker.parent)
                self.marker.unlink()
            except OSError as exc:
                # ops round 10: a JOBDIR made read-only mid-run ended in a traceback here;
                # the marker left behind makes the next run start the job over, as a kill does
                logger.warning(
                    "JOBDIR %s: could not tidy up after the run (%s); the next run starts the "
                    "job over",
                    self.marker.parent,
                    exc.strerror or exc,
                )
        self._release_jobdir()


_GONE_FOR_GOOD = frozenset(["http_404", "http_410"])


def _item_id(item: Any) -> str | None:
    article_id = item.get("id") if hasattr(item, "get") else None
    return str(article_id) if article_id else None
